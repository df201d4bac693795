"""Each generic rule measured alone: F1 with the rule switched off minus F1 with it, per
benchmark, and the pages it hurts (their score rises when it is off).

    python -m bench.ablation [--bench DIR ...] [--json OUT]

Every generic line rule, the built-in line stages (repeats, title, foreign lines, ...) and
every generic DOM drop. The extraction is run once per page; a line rule's variant reruns only
the line stages, a DOM drop's variant reruns the page only where the drop removed something.
A positive delta means the rule costs F1 on that corpus; a rule that hurts pages there
removes body lines.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from cleaner.core.decode import decode_input, defuse_markup
from cleaner.core.lines import split_lines
from cleaner.engine.options import DEFAULT_OPTIONS, Options
from cleaner.engine.pipeline import _text_stages
from cleaner.markup.flow import Extracted, html_to_text, parse_page
from cleaner.report.evaluate import Benchmark, load_benchmark, set_aside_benchmark_sites
from cleaner.rulebook.loader import default_rules
from cleaner.rulebook.model import RuleSet
from cleaner.text.linerules import FOREIGN_LINE
from cleaner.text.repeats import DOUBLED_SOURCE, REPEATED_LINE, REPEATED_TITLE
from cleaner.text.title_pick import ABOVE_TITLE, HEAD_FRAGMENT

ROOT = Path(__file__).resolve().parent.parent
BENCHES = (ROOT / ".." / "shared" / "bench" / "scrapinghub",
           ROOT / ".." / "shared" / "bench" / "wcxb-dev")
STAGES = (REPEATED_LINE, REPEATED_TITLE, FOREIGN_LINE, ABOVE_TITLE, HEAD_FRAGMENT,
          DOUBLED_SOURCE)
HURT = 0.001  # a page counts as hurt when its F1 rises by more than this with the rule off


@dataclass(frozen=True, slots=True)
class Row:
    rule: str
    kind: str  # "line", "stage" or "dom"
    delta: float  # F1 off minus F1 on
    hurt: tuple[str, ...]  # pages whose F1 rises when the rule is off
    helped: int  # pages whose F1 falls when the rule is off


def _without(rules: RuleSet, rule_id: str) -> RuleSet:
    g = rules.generic
    generic = replace(g, lines=tuple(r for r in g.lines if r.id != rule_id),
                      dom_drop=tuple(r for r in g.dom_drop if r.id != rule_id))
    return RuleSet(generic, rules.sites)


def _extract(html: str, url: str | None, name: str, rules: RuleSet) -> Extracted:
    content = decode_input(html, name, None, DEFAULT_OPTIONS.max_bytes).text
    content, _ = defuse_markup(content)
    page = parse_page(content, name)
    site = rules.detect(url or page.declared_url, content)
    return html_to_text(page, url, rules.active(site))


def _text(ex: Extracted, rules: RuleSet, url: str | None, options: Options) -> str:
    active = rules.active(rules.detect(url, ex.text))
    fields, _ = _text_stages(split_lines(ex.text), active, options, list(ex.related), ex.title,
                             is_html=True)
    return fields["text"]


def ablate(bench: Benchmark, rules: RuleSet, log=sys.stderr) -> tuple[float, list[Row]]:
    pages = bench.pages
    score = bench.metric.score
    extracted = [_extract(p.html, p.url, p.id, rules) for p in pages]
    base = [score(p.truth, _text(ex, rules, p.url, DEFAULT_OPTIONS)).f1
            for p, ex in zip(pages, extracted)]

    base_f1 = bench.metric.summarize(score(p.truth, _text(ex, rules, p.url, DEFAULT_OPTIONS))
                                     for p, ex in zip(pages, extracted)).f1
    rows = []

    def row(rule: str, kind: str, f1s: list[float], summary_f1: float) -> Row:
        hurt = tuple(p.id for p, a, b in zip(pages, f1s, base) if a > b + HURT)
        helped = sum(1 for a, b in zip(f1s, base) if a < b - HURT)
        return Row(rule, kind, summary_f1 - base_f1, hurt, helped)

    variants = [(r.id, "line") for r in rules.generic.lines]
    variants += [(s, "stage") for s in STAGES]
    variants += [(r.id, "dom") for r in rules.generic.dom_drop]
    for rule_id, kind in variants:
        print(f"  {rule_id}", file=log)
        off_rules = _without(rules, rule_id) if kind != "stage" else rules
        options = replace(DEFAULT_OPTIONS, stages_off=frozenset({rule_id}))
        scores = []
        for p, ex in zip(pages, extracted):
            if kind == "dom" and any(r.rule == rule_id for r in ex.removed):
                ex = _extract(p.html, p.url, p.id, off_rules)
            scores.append(score(p.truth, _text(ex, off_rules, p.url, options)))
        summary = bench.metric.summarize(scores)
        rows.append(row(rule_id, kind, [s.f1 for s in scores], summary.f1))
    return base_f1, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", action="append", help="benchmark folder (default: both)")
    ap.add_argument("--json", help="write the rows as JSON")
    args = ap.parse_args(argv)
    out = {}
    tables = {}
    for folder in args.bench or [str(b) for b in BENCHES]:
        bench = load_benchmark(folder)
        rules, _ = set_aside_benchmark_sites(default_rules(), bench.pages)
        print(f"{folder}: {len(bench.pages)} pages", file=sys.stderr)
        base_f1, rows = ablate(bench, rules)
        name = Path(folder).name
        tables[name] = {r.rule: r for r in rows}
        out[name] = {"f1": base_f1, "rows": [{"rule": r.rule, "kind": r.kind,
                                              "delta": r.delta, "hurt": list(r.hurt),
                                              "helped": r.helped} for r in rows]}
    names = list(tables)
    print("| rule | kind | " + " | ".join(f"{n}: F1 off - on | pages hurt / helped"
                                          for n in names) + " |")
    print("|---|---|" + "---|---|" * len(names))
    for rule in tables[names[0]]:
        cells = []
        for n in names:
            r = tables[n][rule]
            cells += [f"{r.delta:+.4f}", f"{len(r.hurt)} / {r.helped}"]
        print(f"| `{rule}` | {tables[names[0]][rule].kind} | " + " | ".join(cells) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
