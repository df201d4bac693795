"""`cleaner clean`: clean files, JSONL, stdin; print JSON, JSONL or plain text."""

from __future__ import annotations

import argparse
import json
import sys

from .inputs import read_inputs
from .pipeline import clean_record
from .records import Result


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("clean", help="clean pages into articles",
                       description="Clean pages (HTML or text). One input with --format json "
                       "prints one object; several print one JSON line each.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, dirs, globs, JSONL; - = stdin")
    p.add_argument("--url", help="the page URL (picks the site's rules)")
    p.add_argument("--format", choices=("json", "jsonl", "text"), default=None,
                   help="json (default for one input), jsonl (default for several), text")
    p.set_defaults(handler=run)


def _emit(result: Result, fmt: str, out) -> None:
    if fmt == "json":
        out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    elif result.status == "ok":
        out.write(f"{result.title or ''}\n\n{result.text}\n\n")
    else:
        out.write(f"ERROR {result.error}\n\n")


def run(args: argparse.Namespace) -> int:
    from .cli import load_ruleset

    rules = load_ruleset(args)
    items = list(read_inputs(args.paths, args.url))
    fmt = args.format or ("json" if len(items) == 1 else "jsonl")
    failed = 0
    for item in items:
        if item.record is None:
            result = Result.failure(item.id, item.url, item.error or "unreadable input")
        else:
            result = clean_record(item.record, rules)
        if result.status != "ok":
            failed += 1
            print(f"cleaner: {result.error}", file=sys.stderr)
        _emit(result, fmt, sys.stdout)
    return 1 if failed else 0
