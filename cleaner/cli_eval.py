"""`cleaner eval DIR [--json OUT]`: cleaner beside trafilatura alone on a benchmark folder."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score cleaner and trafilatura on a benchmark folder",
                       description="Score on DIR laid out as html/<id>.html.gz plus "
                       "ground-truth.json (the scrapinghub article-extraction-benchmark).")
    p.add_argument("dir", help="benchmark folder")
    p.add_argument("--json", metavar="OUT", help="write per-page results as JSON")
    p.add_argument("--worst", type=int, default=10, help="pages to list (default 10)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from functools import partial

    from .cli import load_ruleset
    from .errors import InputError
    from .evaluate import cleaner_text, evaluate, load_pages, set_aside_benchmark_sites

    try:
        pages = load_pages(args.dir)
    except InputError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return 2
    rules, set_aside = set_aside_benchmark_sites(load_ruleset(args), pages)
    report = evaluate(pages, partial(cleaner_text, rules=rules))
    n = max(len(pages), 1)
    print(f"{len(pages)} pages")
    if set_aside:
        print(f"site rules set aside (they claim a benchmark host): {', '.join(set_aside)}")
    print(f"{'system':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'ms/page':>8}")
    for name, s, secs in (("cleaner", report.cleaner, report.cleaner_seconds),
                          ("trafilatura", report.trafilatura, report.trafilatura_seconds)):
        print(f"{name:<12} {s.precision:9.4f} {s.recall:7.4f} {s.f1:6.4f} "
              f"{1000 * secs / n:8.1f}")
    print(f"time ratio cleaner/trafilatura: {report.time_ratio:.2f}")
    print(f"\n{args.worst} pages where cleaner loses most (F1 cleaner vs trafilatura):")
    for p in report.worst(args.worst):
        print(f"  {p.id[:16]}  {p.cleaner.f1:.3f} vs {p.trafilatura.f1:.3f}  "
              f"P {p.cleaner.precision:.3f} R {p.cleaner.recall:.3f}  {p.url or ''}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report.to_dict(), f, indent=1)
    return 0
