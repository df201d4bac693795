"""`cleaner explain`: every line with its fate, category and rule id."""

from __future__ import annotations

import argparse
import sys

from .cli_stats import AUTO, add_recurrence_arguments, recurrence_or_exit
from .errors import CleanerError
from .explain import render
from .inputs import read_inputs
from .options import DEFAULT_OPTIONS
from .pipeline import analyze


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explain", help="show why each line was kept or removed")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--url", help="the page URL (picks the site's rules)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--html", metavar="OUT", help="also write an HTML report to OUT")
    add_recurrence_arguments(p, auto=False)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from .cli import load_ruleset

    rules = load_ruleset(args)
    if args.recurrence == AUTO:
        print("cleaner: explain reads one page: count a batch with `cleaner stats` and pass "
              "--recurrence FILE", file=sys.stderr)
        return 2
    options = recurrence_or_exit(args, DEFAULT_OPTIONS)
    if options is None:
        return 2
    item = next(iter(read_inputs([args.path], args.url)))
    if item.record is None:
        print(f"cleaner: {item.error}", file=sys.stderr)
        return 1
    try:
        analysis = analyze(item.record, rules, options)
    except CleanerError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return 1
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    print(render(analysis, colour=colour))
    if args.html:
        from .explain_html import write_report

        write_report(analysis, args.html)
        print(f"wrote {args.html}", file=sys.stderr)
    return 0
