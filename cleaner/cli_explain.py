"""`cleaner explain`: every line with its fate, category and rule id."""

from __future__ import annotations

import argparse
import sys

from .errors import CleanerError
from .explain import render
from .inputs import read_inputs
from .pipeline import analyze
from .terminal import safe_line


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explain", help="show why each line was kept or removed")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--url", help="the page URL (picks the site's rules)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--html", metavar="OUT", help="also write an HTML report to OUT")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from .cli import load_ruleset

    rules = load_ruleset(args)
    item = next(iter(read_inputs([args.path], args.url)))
    if item.record is None:
        print(f"cleaner: {safe_line(item.error)}", file=sys.stderr)
        return 1
    try:
        analysis = analyze(item.record, rules)
    except CleanerError as exc:
        print(f"cleaner: {safe_line(str(exc))}", file=sys.stderr)
        return 1
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    print(render(analysis, colour=colour))
    if args.html:
        from .explain_html import write_report

        write_report(analysis, args.html)
        print(f"wrote {args.html}", file=sys.stderr)
    return 0
