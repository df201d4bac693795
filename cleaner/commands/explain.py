"""`cleaner explain`: every line with its fate, category and rule id.

A PATH that holds several records (a JSONL file, a WARC, a folder) explains every one, each
after a `=== ID ===` line; `--id` picks one. `--html` writes one report, so it needs a
single record (or `--id`).
"""

from __future__ import annotations

import argparse
import sys

from cleaner.commands.stats import AUTO, add_recurrence_arguments, recurrence_or_exit
from cleaner.core.errors import CleanerError
from cleaner.core.terminal import safe_line
from cleaner.engine.options import DEFAULT_OPTIONS
from cleaner.engine.pipeline import analyze
from cleaner.ingest.inputs import read_inputs
from cleaner.report.explain import render


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("explain", help="show why each line was kept or removed")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--url", help="the page URL (picks the site's rules)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--html", metavar="OUT", help="also write an HTML report to OUT "
                   "(one record: use --id when PATH holds several)")
    p.add_argument("--id", metavar="ID", help="explain only the record with this id")
    p.add_argument("--stages", action="store_true",
                   help="also list every stage in pipeline order, marking those that ran")
    add_recurrence_arguments(p, auto=False)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cleaner.commands.common import load_ruleset

    rules = load_ruleset(args)
    if args.recurrence == AUTO:
        print("cleaner: explain reads one page: count a batch with `cleaner stats` and pass "
              "--recurrence FILE", file=sys.stderr)
        return 2
    options = recurrence_or_exit(args, DEFAULT_OPTIONS)
    if options is None:
        return 2
    items = [i for i in read_inputs([args.path], args.url) if args.id is None or i.id == args.id]
    if not items:
        which = f"no record with id {args.id!r}" if args.id else "no input"
        print(f"cleaner: {args.path}: {which}", file=sys.stderr)
        return 2
    if args.html and len(items) > 1:
        print(f"cleaner: {args.path} holds {len(items)} records and --html writes one report: "
              f"pick one with --id (first ids: {', '.join(i.id for i in items[:3])})",
              file=sys.stderr)
        return 2
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    failed = 0
    for item in items:
        if len(items) > 1:
            print(f"=== {safe_line(item.id)} ===")
        if item.record is None:
            print(f"cleaner: {safe_line(item.error or '')}", file=sys.stderr)
            failed += 1
            continue
        try:
            analysis = analyze(item.record, rules, options)
        except CleanerError as exc:
            print(f"cleaner: {safe_line(str(exc))}", file=sys.stderr)
            failed += 1
            continue
        print(render(analysis, colour=colour, stages=args.stages))
        if args.html:
            from cleaner.report.explain_html import write_report

            write_report(analysis, args.html)
            print(f"wrote {args.html}", file=sys.stderr)
    return 1 if failed else 0
