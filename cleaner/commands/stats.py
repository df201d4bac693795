"""`cleaner stats`: count line recurrence per site over inputs into a stats file, and the
`--recurrence` options that `clean` and `explain` share.

    cleaner stats INPUTS --out stats.json
    cleaner clean INPUTS --out DIR --recurrence stats.json   # or --recurrence auto
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from cleaner.engine.options import DEFAULT_OPTIONS, Options
from cleaner.ingest.inputs import read_inputs
from cleaner.rulebook.model import RuleSet

AUTO = "auto"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("stats", help="count line recurrence per site (for --recurrence)",
                       description="Count, per site, on how many pages each line recurs, "
                       "and write the counts for `cleaner clean --recurrence FILE`.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, dirs, globs, JSONL, WARC")
    p.add_argument("--url", help="the page URL (picks the site's rules)")
    p.add_argument("--out", required=True, metavar="FILE", help="the stats file to write")
    p.add_argument("--workers", type=int, default=0, metavar="N",
                   help="counting processes (default 0: count in this process)")
    p.set_defaults(handler=run)


def add_recurrence_arguments(p: argparse.ArgumentParser, auto: bool = True) -> None:
    what = "'auto' (count over the same inputs first) or a file from `cleaner stats`"
    p.add_argument("--recurrence", metavar="auto|FILE" if auto else "FILE",
                   help=f"remove lines that recur on most pages of a site: {what}"
                   if auto else "recurrence stats file from `cleaner stats`")
    p.add_argument("--recurrence-share", type=float, default=None, metavar="S",
                   help="a line on at least this share of a site's pages is chrome "
                   f"(default {DEFAULT_OPTIONS.recurrence_share:g})")
    p.add_argument("--recurrence-label-share", type=float, default=None, metavar="S",
                   help="the share for label lines (a few words, no sentence punctuation: "
                   "outlet, section, tag names; default "
                   f"{DEFAULT_OPTIONS.recurrence_label_share:g})")
    p.add_argument("--recurrence-min-pages", type=int, default=None, metavar="N",
                   help="sites with fewer pages counted get no such evidence "
                   f"(default {DEFAULT_OPTIONS.recurrence_min_pages})")


def refuses_stdin(paths: list[str]) -> str | None:
    if "-" in paths:
        return ("--recurrence auto and `cleaner stats` read the inputs twice (count, then "
                "clean) and cannot re-read stdin: save it to a file, or count an earlier "
                "batch with `cleaner stats` and pass --recurrence FILE")
    return None


def with_recurrence(args: argparse.Namespace, options: Options, rules: RuleSet | None
                    ) -> Options:
    """Options carrying the run's recurrence stats; raises CleanerError (StatsError) for a
    stats file that cannot be read, ValueError for a usage mistake."""
    for name in ("share", "label_share"):
        share = getattr(args, f"recurrence_{name}")
        if share is not None:
            if not 0 < share <= 1:
                flag = "--recurrence-" + name.replace("_", "-")
                raise ValueError(f"{flag} {share:g}: must be in (0, 1]")
            options = replace(options, **{f"recurrence_{name}": share})
    if args.recurrence_min_pages is not None:
        if args.recurrence_min_pages < 2:
            raise ValueError("--recurrence-min-pages must be at least 2")
        options = replace(options, recurrence_min_pages=args.recurrence_min_pages)
    if not args.recurrence:
        return options
    if args.recurrence == AUTO:
        from cleaner.runner.recurrence_count import build_stats

        if getattr(args, "fetch", False):
            raise ValueError("--recurrence auto cannot count fetched URLs twice; fetch "
                             "them to files first")
        problem = refuses_stdin(args.paths)
        if problem:
            raise ValueError(problem)
        stats = build_stats(read_inputs(args.paths, args.url), rules, options,
                            workers=max(args.workers or 0, 0), rule_paths=args.rules)
    else:
        from cleaner.text.recurrence import load_stats

        stats = load_stats(args.recurrence)
    return replace(options, recurrence=stats)


def recurrence_or_exit(args: argparse.Namespace, options: Options) -> Options | None:
    """`with_recurrence` for a command: None after printing why the run cannot start."""
    from cleaner.commands.common import load_ruleset
    from cleaner.core.errors import CleanerError

    try:
        rules = load_ruleset(args) if args.recurrence == AUTO else None
        return with_recurrence(args, options, rules)
    except (ValueError, CleanerError) as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    from cleaner.commands.common import load_ruleset
    from cleaner.runner.recurrence_count import build_stats
    from cleaner.text.recurrence import save_stats

    problem = refuses_stdin(args.paths)
    if problem:
        print(f"cleaner: {problem}", file=sys.stderr)
        return 2
    stats = build_stats(read_inputs(args.paths, args.url), load_ruleset(args),
                        workers=args.workers, rule_paths=args.rules)
    try:
        save_stats(stats, args.out)
    except OSError as exc:
        print(f"cleaner: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    pages = sum(c.pages for c in stats.sites.values())
    print(f"{pages} pages over {len(stats.sites)} site keys ({stats.copies} copies of counted "
          f"pages left out) -> {args.out}", file=sys.stderr)
    for name, c in sorted(stats.sites.items(), key=lambda kv: -kv[1].pages)[:20]:
        print(f"  {name}: {c.pages} pages, {len(c.lines)} recurring lines", file=sys.stderr)
    return 0
