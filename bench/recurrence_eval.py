"""What evidence across pages adds on a folder of samples with human truth.

    python -m bench.recurrence_eval [SEEDS_DIR] [--share 0.5] [--label-share 0.1]
                                    [--min-pages 5] [--detail] [--batches all|family|site]
                                    [--speed]
    python -m bench.recurrence_eval --benchmark ../shared/bench/wcxb-dev [--label-share S]

Cleans every sample of SEEDS_DIR that has SEEDS_DIR/truth/<stem>.yaml (format: the issue #10
sample notes) twice, as one batch: alone, and with recurrence stats counted over the same
samples (what `cleaner clean --recurrence auto` does), or with --batches family|site each
family's or each site's samples as a batch of their own (a feed that brings one site).
For each run it reports, per family and overall, body lines lost and noise lines leaked
(as the truth files define them), and for the recurrence run every line its rules
removed, split into noise the truth agrees with and body or title lines wrongly removed.
A sample's URL is read from <stem>.url beside it.

--speed adds the text path's time with recurrence over its time without (interleaved
rounds, the ratio taken within each round: this VM's speed drifts). --benchmark DIR instead
cleans a benchmark folder (html/<id>.html.gz + ground-truth.json) with its URLs dropped, so
all its pages, from hundreds of unrelated sites, fall in the one pool of pages without site
or URL: the worst case for that pool. It reports mean word F1 with and without, and every
line the stage removed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import yaml

from cleaner.core.lines import split_lines
from cleaner.engine.options import DEFAULT_OPTIONS
from cleaner.engine.pipeline import analyze
from cleaner.ingest.inputs import read_inputs
from cleaner.ingest.items import record_id
from cleaner.rulebook.loader import default_rules
from cleaner.runner.recurrence_count import build_stats
from cleaner.text.recurrence import GENERIC_RULE


def _lines(text: str) -> list[str]:
    return [ln.text for ln in split_lines(text) if ln.text]


def samples(folder: Path) -> list[tuple[Path, dict]]:
    out = []
    for truth in sorted((folder / "truth").glob("*.yaml")):
        found = [p for p in folder.glob(f"{truth.stem}.*") if p.suffix in (".txt", ".html")]
        if found:
            out.append((found[0], yaml.safe_load(truth.read_text(encoding="utf-8"))))
    return out


def records(pairs: list[tuple[Path, dict]]):
    for path, _ in pairs:
        side = path.parent / f"{record_id(path)}.url"
        url = side.read_text(encoding="utf-8").strip() if side.exists() else None
        item = next(iter(read_inputs([str(path)], url)))
        yield item.record


def is_recurrence(rule: str | None) -> bool:
    return bool(rule) and (rule == GENERIC_RULE or rule.startswith("recurrence-"))


def run(folder: Path, share: float, min_pages: int, detail: bool, per_family: str | None,
        label_share: float, timing: bool = False) -> int:
    pairs = samples(folder)
    if not pairs:
        print(f"{folder}: no samples with truth/<stem>.yaml", file=sys.stderr)
        return 2
    rules = default_rules()
    recs = list(records(pairs))
    # one batch of all samples, or one batch per family (a feed that brings one site)
    batch_of = [str(truth.get(per_family) or "none") if per_family else "all"
                for _, truth in pairs]
    stats_of = {b: build_stats([r for r, rb in zip(recs, batch_of) if rb == b], rules)
                for b in set(batch_of)}
    plain = DEFAULT_OPTIONS
    fam: dict[str, Counter] = {}
    misses: list[str] = []
    for (path, truth), record, batch in zip(pairs, recs, batch_of):
        with_rec = replace(DEFAULT_OPTIONS, recurrence=stats_of[batch], recurrence_share=share,
                           recurrence_min_pages=min_pages,
                           recurrence_label_share=label_share)
        content = path.read_text(encoding="utf-8", errors="replace")
        body = _lines(truth.get("body") or "")
        title = " ".join(truth["title"].split()) if truth.get("title") else None
        body_set = set(body)
        noise = [t for t in _lines(content) if t not in body_set and t != title]
        c = fam.setdefault(truth.get("family") or "?", Counter())
        c["pages"] += 1
        c["body"] += len(body)
        c["noise"] += len(noise)
        for label, options in (("plain", plain), ("rec", with_rec)):
            a = analyze(record, rules, options)
            out = set(_lines(a.result.text))
            c[f"{label}_lost"] += sum(t not in out for t in body)
            c[f"{label}_leaked"] += sum(t in out for t in noise)
            c[f"{label}_title"] += (a.result.title or "").strip() == (title or "")
            if label == "rec":
                for ln in a.lines:
                    if ln.fate == "noise" and is_recurrence(ln.rule):
                        good = ln.text not in body_set and ln.text != title
                        c["rec_noise" if good else "rec_wrong"] += 1
                        if detail or not good:
                            misses.append(f"{path.stem}: {'ok   ' if good else 'WRONG'} "
                                          f"{ln.rule}: {ln.text[:80]}")
    print(f"samples: {len(pairs)} in {folder}; share >= {share} (labels {label_share}), "
          f"min pages {min_pages}; "
          f"{f'one batch per {per_family}' if per_family else 'all samples in one batch'}")
    for batch, stats in sorted(stats_of.items()):
        sites = ", ".join(f"{k} {v.pages}" for k, v in sorted(stats.sites.items()))
        print(f"pages counted per site key in batch {batch}: {sites}")
    head = (f"{'family':<18}{'pages':>6}{'body':>6}{'noise':>6} | {'lost':>5}{'leaked':>8}"
            f"{'title':>6} | {'lost':>5}{'leaked':>8}{'title':>6} | {'rec noise':>10}"
            f"{'rec WRONG':>10}")
    print(f"{'':<36} | {'without recurrence':^19} | {'with recurrence':^19} |")
    print(head)
    print("-" * len(head))
    total: Counter = Counter()
    for name, c in [*sorted(fam.items()), ("ALL", None)]:
        if c is None:
            c = total
        else:
            total.update(c)
        print(f"{name:<18}{c['pages']:>6}{c['body']:>6}{c['noise']:>6} | {c['plain_lost']:>5}"
              f"{c['plain_leaked']:>8}{c['plain_title']:>6} | {c['rec_lost']:>5}"
              f"{c['rec_leaked']:>8}{c['rec_title']:>6} | {c['rec_noise']:>10}"
              f"{c['rec_wrong']:>10}")
    n = total["noise"] or 1
    print(f"\nnoise leaked: {total['plain_leaked']}/{total['noise']} "
          f"({total['plain_leaked'] / n:.1%}) -> {total['rec_leaked']}/{total['noise']} "
          f"({total['rec_leaked'] / n:.1%}); body lost: {total['plain_lost']} -> "
          f"{total['rec_lost']} of {total['body']}; titles right: {total['plain_title']} -> "
          f"{total['rec_title']} of {total['pages']}")
    for line in misses:
        print(line)
    if timing:
        print(speed(recs, rules, replace(DEFAULT_OPTIONS, recurrence=stats_of[batch_of[0]],
                                         recurrence_share=share,
                                         recurrence_label_share=label_share,
                                         recurrence_min_pages=min_pages)))
    return 0


def speed(recs: list, rules, options, rounds: int = 7) -> str:
    for r in recs:  # warm both paths
        analyze(r, rules, DEFAULT_OPTIONS), analyze(r, rules, options)
    ratios, rates = [], []
    for _ in range(rounds):
        took = {}
        for name, opt in (("off", DEFAULT_OPTIONS), ("on", options)):
            start = time.perf_counter()
            for _ in range(5):
                for r in recs:
                    analyze(r, rules, opt)
            took[name] = time.perf_counter() - start
        ratios.append(took["on"] / took["off"])
        rates.append(5 * len(recs) / took["off"])
    start = time.perf_counter()
    for _ in range(5):
        build_stats(recs, rules)
    counting = 5 * len(recs) / (time.perf_counter() - start)
    return (f"text path time with/without recurrence: median {statistics.median(ratios):.2f} "
            f"over {rounds} rounds ({min(ratios):.2f}-{max(ratios):.2f}); without: "
            f"{statistics.median(rates):.0f} docs/s in process; counting pass "
            f"{counting:.0f} docs/s")


_TOKEN = re.compile(r"\w+")


def word_f1(truth: str, got: str) -> float:
    t, p = Counter(_TOKEN.findall(truth.lower())), Counter(_TOKEN.findall(got.lower()))
    hit = sum((t & p).values())
    precision = hit / sum(p.values()) if p else float(not t)
    recall = hit / sum(t.values()) if t else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def benchmark(folder: Path, share: float, label_share: float, min_pages: int) -> int:
    from cleaner.core.records import InputRecord

    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    rules = default_rules()
    recs = []
    for pid in sorted(truth):
        with gzip.open(folder / "html" / f"{pid}.html.gz", "rt", encoding="utf-8",
                       errors="replace") as f:
            recs.append(InputRecord(pid, f.read(), None, "html", origin=pid))
    field = next(k for k in ("main_content", "articleBody") if k in truth[recs[0].id])
    stats = build_stats(recs, rules)
    options = replace(DEFAULT_OPTIONS, recurrence=stats, recurrence_share=share,
                      recurrence_label_share=label_share, recurrence_min_pages=min_pages)
    without = with_rec = 0.0
    removed = []
    for r in recs:
        plain, a = analyze(r, rules).result, analyze(r, rules, options)
        without += word_f1(truth[r.id][field], plain.text)
        with_rec += word_f1(truth[r.id][field], a.result.text)
        removed += [f"  {r.id[:12]} {ln.rule}: {ln.text[:80]}" for ln in a.lines
                    if ln.fate == "noise" and is_recurrence(ln.rule)]
    n = len(recs)
    pools = ", ".join(f"{k} {v.pages}" for k, v in sorted(stats.sites.items()))
    print(f"{folder.name}: {n} pages without URLs (site keys: {pools}); share >= {share}, "
          f"labels {label_share}: mean word F1 {without / n:.4f} without, "
          f"{with_rec / n:.4f} with; {len(removed)} lines removed by recurrence")
    print("\n".join(removed))
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("folder", nargs="?", default="seeds")
    p.add_argument("--share", type=float, default=DEFAULT_OPTIONS.recurrence_share)
    p.add_argument("--label-share", type=float,
                   default=DEFAULT_OPTIONS.recurrence_label_share)
    p.add_argument("--min-pages", type=int, default=DEFAULT_OPTIONS.recurrence_min_pages)
    p.add_argument("--detail", action="store_true", help="list every recurrence removal")
    p.add_argument("--batches", choices=("all", "family", "site"), default="all",
                   help="one batch of all samples (default), or one per truth family or "
                   "per truth site (all Daily8 samples together, recognised or not)")
    p.add_argument("--speed", action="store_true", help="also time the stage")
    p.add_argument("--benchmark", metavar="DIR", help="a benchmark folder, pooled")
    args = p.parse_args(argv)
    if args.benchmark:
        return benchmark(Path(args.benchmark), args.share, args.label_share, args.min_pages)
    per = None if args.batches == "all" else args.batches
    return run(Path(args.folder), args.share, args.min_pages, args.detail, per,
               args.label_share, args.speed)


if __name__ == "__main__":
    sys.exit(main())
