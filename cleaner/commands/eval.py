"""`cleaner eval DIR [--json OUT]`: cleaner beside trafilatura alone on a benchmark folder."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("eval", help="score cleaner and trafilatura on a benchmark folder",
                       description="Score on DIR laid out as html/<id>.html.gz plus "
                       "ground-truth.json: {id: {articleBody, url}} (scrapinghub "
                       "article-extraction-benchmark, 4-token shingles) or {id: "
                       "{main_content, url, author, published}} (WCXB, word F1 per page, "
                       "plus author and date agreement).")
    p.add_argument("dir", help="benchmark folder")
    p.add_argument("--json", metavar="OUT", help="write per-page results as JSON")
    p.add_argument("--worst", type=int, default=10, help="pages to list (default 10)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from functools import partial

    from cleaner.commands.common import load_ruleset
    from cleaner.core.errors import InputError
    from cleaner.report.evaluate import (
        RECALL_LOSS,
        cleaner_result,
        evaluate,
        load_benchmark,
        set_aside_benchmark_sites,
        time_metadata,
    )

    try:
        bench = load_benchmark(args.dir)
    except InputError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return 2
    pages = bench.pages
    rules, set_aside = set_aside_benchmark_sites(load_ruleset(args), pages)
    report = evaluate(pages, partial(cleaner_result, rules=rules), metric=bench.metric,
                      with_metadata=bench.has_metadata)
    n = max(len(pages), 1)
    print(f"{args.dir}: {len(pages)} pages, metric {report.metric}")
    if set_aside:
        print(f"site rules set aside (they claim a benchmark host): {', '.join(set_aside)}")
    print(f"{'system':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'ms/page':>8}")
    for name, s, secs in (("cleaner", report.cleaner, report.cleaner_seconds),
                          ("trafilatura", report.trafilatura, report.trafilatura_seconds)):
        print(f"{name:<12} {s.precision:9.4f} {s.recall:7.4f} {s.f1:6.4f} "
              f"{1000 * secs / n:8.1f}")
    print(f"F1 cleaner - trafilatura: {report.cleaner.f1 - report.trafilatura.f1:+.4f}")
    print(f"time ratio cleaner/trafilatura: {report.time_ratio:.2f}")
    if bench.has_metadata:
        print(f"of cleaner's time, metadata from markup: {time_metadata(pages):.1f} ms/page")
    for a in report.metadata:
        print(f"{a.field} agrees with the truth on {a.pages} pages that have one: cleaner "
              f"{a.cleaner} ({a.cleaner / max(a.pages, 1):.1%}), trafilatura "
              f"{a.trafilatura} ({a.trafilatura / max(a.pages, 1):.1%})")
    lost = report.lost_recall()
    print(f"\npages with recall more than {RECALL_LOSS} below trafilatura's: {len(lost)} of "
          f"{len(pages)} ({len(lost) / n:.1%})")
    for p in lost:
        print(f"  {p.id[:16]}  R {p.cleaner.recall:.3f} vs {p.trafilatura.recall:.3f}  "
              f"F1 {p.cleaner.f1:.3f} vs {p.trafilatura.f1:.3f}  {p.url or ''}")
    print(f"\n{args.worst} pages where cleaner loses most (F1 cleaner vs trafilatura):")
    for p in report.worst(args.worst):
        print(f"  {p.id[:16]}  {p.cleaner.f1:.3f} vs {p.trafilatura.f1:.3f}  "
              f"P {p.cleaner.precision:.3f} R {p.cleaner.recall:.3f}  {p.url or ''}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report.to_dict(), f, indent=1)
    return 0
