"""Score cleaner against trafilatura alone on a benchmark folder: `html/<id>.html.gz` plus
`ground-truth.json`, in either of two layouts, each scored with its benchmark's own metric so
that our numbers compare with published ones.

scrapinghub article-extraction-benchmark, {id: {articleBody, url}}: `\\w+` tokens with case
kept, multisets of 4-token shingles, per-page TP/FP/FN normalised by their sum (every page
weighs the same), precision averaged over pages with predicted shingles, recall over pages
with a non-empty truth, F1 from the two averages.

WCXB, {id: {main_content, url, author, published, ...}}: word-level precision, recall and F1
per page (`\\w+` tokens of the lowercased text, as multisets), each averaged over pages. Its
author and published date are compared with cleaner's metadata (see `metadata`).
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from cleaner.core.errors import InputError
from cleaner.core.records import Result
from cleaner.report.metadata_agreement import Agreement, agreement
from cleaner.rulebook.model import RuleSet, host_matches

log = logging.getLogger(__name__)
SHINGLE = 4  # the benchmark's n-gram size
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text shorter than n tokens is one (short) shingle."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    """TP, FP and FN of one page, each divided by their sum so that long pages weigh no more."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class WordScore:
    """One page's word-level scores (WCXB): each is averaged over pages as it is."""

    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def score_words(truth: str, predicted: str) -> WordScore:
    """WCXB's per-page metric. Predicting nothing for an empty truth is right (1.0)."""
    t = Counter(_TOKEN.findall((truth or "").lower()))
    p = Counter(_TOKEN.findall((predicted or "").lower()))
    tp = sum((t & p).values())
    precision = tp / sum(p.values()) if p else (0.0 if t else 1.0)
    recall = tp / sum(t.values()) if t else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return WordScore(precision, recall, f1)


def summarize_words(scores: Iterable[WordScore]) -> Summary:
    """Mean precision, recall and F1 over all pages (the F1 is the mean of per-page F1s)."""
    scores = list(scores)
    n = len(scores) or 1
    return Summary(sum(s.precision for s in scores) / n, sum(s.recall for s in scores) / n,
                   sum(s.f1 for s in scores) / n)


def score_page(truth: str, predicted: str) -> PageScore:
    true_sh, pred_sh = shingles(truth), shingles(predicted)
    tp = sum((true_sh & pred_sh).values())
    fp = sum((pred_sh - true_sh).values())
    fn = sum((true_sh - pred_sh).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


@dataclass(frozen=True, slots=True)
class Summary:
    precision: float
    recall: float
    f1: float


def summarize(scores: Iterable[PageScore]) -> Summary:
    """Precision over pages that predicted something, recall over pages with a truth."""
    scores = list(scores)
    ps = [s.precision for s in scores if s.tp + s.fp > 0]
    rs = [s.recall for s in scores if s.tp + s.fn > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return Summary(p, r, 2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    url: str | None
    html: str
    truth: str
    author: str | None = None  # the truth's metadata, when the layout has it (WCXB)
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Metric:
    """A benchmark's own way of scoring a page and averaging pages."""

    name: str
    score: Callable[[str, str], PageScore | WordScore]
    summarize: Callable[[Iterable[Any]], Summary]


SHINGLES = Metric("scrapinghub: 4-token shingles, case kept", score_page, summarize)
WORDS = Metric("WCXB: word F1 per page, lowercased", score_words, summarize_words)


@dataclass(frozen=True, slots=True)
class Benchmark:
    pages: list[Page]
    metric: Metric
    has_metadata: bool  # the truth carries author and published


def load_benchmark(folder: str | Path) -> Benchmark:
    """The benchmark's pages, decoded as UTF-8 as its own runners read them, and its metric,
    chosen by the ground truth's layout (`articleBody` or `main_content`)."""
    folder = Path(folder)
    truth_path = folder / "ground-truth.json"
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{truth_path}: cannot read the ground truth ({exc})") from None
    if not isinstance(truth, dict) or not all(isinstance(v, dict) for v in truth.values()):
        raise InputError(f"{truth_path}: expected {{id: {{...}}}} objects")
    wcxb = any("main_content" in v for v in truth.values())
    if not wcxb and truth and not any("articleBody" in v for v in truth.values()):
        raise InputError(f"{truth_path}: neither `articleBody` (scrapinghub) nor "
                         "`main_content` (WCXB) in the entries")
    pages = []
    for pid in sorted(truth):
        path = folder / "html" / f"{pid}.html.gz"
        try:
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
                html = f.read()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc})") from None
        entry = truth[pid]
        body = entry.get("main_content" if wcxb else "articleBody") or ""
        pages.append(Page(pid, entry.get("url"), html, body, entry.get("author") or None,
                          entry.get("published") or None))
    return Benchmark(pages, WORDS if wcxb else SHINGLES, wcxb)


def load_pages(folder: str | Path) -> list[Page]:
    """The benchmark's pages (either layout)."""
    return load_benchmark(folder).pages


Extractor = Callable[[Page], str]


def set_aside_benchmark_sites(rules: RuleSet, pages: list[Page]) -> tuple[RuleSet, list[str]]:
    """The rules without any site file that claims a benchmark page's host: a score earned
    by rules written for the benchmark's own sites would not carry to unseen pages."""
    hosts = {urlsplit(p.url).hostname or "" for p in pages if p.url}
    kept, dropped = [], []
    for site in rules.sites:
        if any(host_matches(pattern, h) for pattern in site.hosts for h in hosts):
            dropped.append(site.name)
        else:
            kept.append(site)
    return RuleSet(rules.generic, tuple(kept)), dropped


def trafilatura_alone(page: Page) -> str:
    """The baseline exactly as the benchmark's runner calls it."""
    from cleaner.markup.extract import trafilatura_baseline

    return trafilatura_baseline(page.html)


def cleaner_result(page: Page, rules: RuleSet | None = None) -> Result:
    """cleaner's full per-record function (HTML path, then the line stages)."""
    from cleaner.core.records import InputRecord
    from cleaner.engine.pipeline import clean_record

    result = clean_record(InputRecord(page.id, page.html, page.url, "html", origin=page.id),
                          rules)
    if result.status != "ok":
        log.warning("%s", result.error)
    return result


def cleaner_text(page: Page, rules: RuleSet | None = None) -> str:
    """cleaner's text; '' on error."""
    return cleaner_result(page, rules).text


def trafilatura_metadata(page: Page) -> tuple[str | None, str | None]:
    """trafilatura's own author and date for the page, the metadata baseline."""
    from cleaner.markup.extract import trafilatura_metadata_baseline

    return trafilatura_metadata_baseline(page.html, page.url)


@dataclass(frozen=True, slots=True)
class PageResult:
    id: str
    url: str | None
    cleaner: PageScore | WordScore
    trafilatura: PageScore | WordScore
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "cleaner": self.cleaner.to_dict(),
                "trafilatura": self.trafilatura.to_dict(), "notes": list(self.notes)}


# A page "loses recall" when cleaner's recall is this far below trafilatura alone's on it.
RECALL_LOSS = 0.1


@dataclass(frozen=True, slots=True)
class Report:
    pages: tuple[PageResult, ...]
    cleaner: Summary
    trafilatura: Summary
    cleaner_seconds: float
    trafilatura_seconds: float
    metric: str = SHINGLES.name
    metadata: tuple[Agreement, ...] = ()  # per field: cleaner's and trafilatura's agreement

    def lost_recall(self, margin: float = RECALL_LOSS) -> list[PageResult]:
        """Every page whose recall is more than margin below trafilatura's, worst first."""
        lost = [p for p in self.pages if p.cleaner.recall < p.trafilatura.recall - margin]
        return sorted(lost, key=lambda p: p.cleaner.recall - p.trafilatura.recall)

    @property
    def time_ratio(self) -> float:
        return self.cleaner_seconds / self.trafilatura_seconds if self.trafilatura_seconds else 0.0

    def worst(self, n: int = 10) -> list[PageResult]:
        """Pages where cleaner loses most against trafilatura (then by cleaner's own F1)."""
        return sorted(self.pages, key=lambda p: (p.cleaner.f1 - p.trafilatura.f1,
                                                 p.cleaner.f1))[:n]

    def to_dict(self) -> dict[str, Any]:
        def s(x: Summary) -> dict[str, Any]:
            return {"precision": x.precision, "recall": x.recall, "f1": x.f1}
        n = max(len(self.pages), 1)
        return {"metric": self.metric, "cleaner": s(self.cleaner),
                "trafilatura": s(self.trafilatura),
                "ms_per_page": {"cleaner": 1000 * self.cleaner_seconds / n,
                                "trafilatura": 1000 * self.trafilatura_seconds / n},
                "time_ratio": self.time_ratio,
                "lost_recall": [p.id for p in self.lost_recall()],
                "metadata": [a.to_dict() for a in self.metadata],
                "pages": [p.to_dict() for p in self.pages]}


_T = TypeVar("_T")


def _timed(fn: Callable[[Page], _T], page: Page) -> tuple[_T, float]:
    start = time.perf_counter()
    text = fn(page)
    return text, time.perf_counter() - start


def warm_up(pages: list[Page], *extractors: Callable[[Page], object]) -> None:
    """One-time loads (rules, langdetect's profiles: about 1 s) are paid once per worker, not
    per page, so they stay out of the per-page times: what engine.warmup.warm loads at a worker's
    start-up (ftfy, trafilatura's justext stoplists: the first page with mojibake paid 0.13 s
    for ftfy's import) is loaded here too."""
    from cleaner.core.language import warm_langdetect
    from cleaner.engine.warmup import warm
    from cleaner.rulebook.loader import default_rules

    warm(default_rules(), libraries=True)
    warm_langdetect()
    for page in pages[:1]:
        for fn in extractors:
            fn(page)


def evaluate(pages: list[Page], ours: Callable[[Page], Result | str] = cleaner_result,
             baseline: Extractor = trafilatura_alone, metric: Metric = SHINGLES,
             with_metadata: bool = False) -> Report:
    """Run both extractors on every page in the same process, alternating so that machine
    noise hits both alike. With metadata, trafilatura's own metadata is read too (outside
    the timed calls) and both are compared with the truth's author and date."""
    results, t_ours, t_base = [], 0.0, 0.0
    ours_meta, base_meta = [], []
    warm_up(pages, ours, baseline)
    for page in pages:
        base_text, dt_base = _timed(baseline, page)
        ours_out, dt_ours = _timed(ours, page)
        t_base += dt_base
        t_ours += dt_ours
        text = ours_out if isinstance(ours_out, str) else ours_out.text
        notes = () if isinstance(ours_out, str) else ours_out.notes
        results.append(PageResult(page.id, page.url, metric.score(page.truth, text),
                                  metric.score(page.truth, base_text), notes))
        if with_metadata:
            ours_meta.append((None, None) if isinstance(ours_out, str)
                             else (ours_out.author, ours_out.published))
            base_meta.append(trafilatura_metadata(page))
    meta: tuple[Agreement, ...] = ()
    if with_metadata:
        meta = tuple(agreement(field, [getattr(p, field) for p in pages],
                               [m[k] for m in ours_meta], [m[k] for m in base_meta])
                     for k, field in enumerate(("author", "published")))
    return Report(tuple(results), metric.summarize(r.cleaner for r in results),
                  metric.summarize(r.trafilatura for r in results), t_ours, t_base,
                  metric.name, meta)


def time_metadata(pages: list[Page]) -> float:
    """ms per page that reading the metadata from markup adds (the tree is parsed outside the
    timing, as the pipeline parses it once for everything)."""
    from cleaner.markup.extract import parse_html
    from cleaner.markup.pagemeta import read_page_meta

    total = 0.0
    for page in pages:
        tree = parse_html(page.html)
        if tree is None:
            continue
        start = time.perf_counter()
        read_page_meta(tree, page.url)
        total += time.perf_counter() - start
    return 1000 * total / max(len(pages), 1)


def time_html_path(pages: list[Page], repeat: int = 1) -> dict[str, float]:
    """For `make bench`: ms per page of cleaner's HTML path and of trafilatura alone, and their
    ratio, measured in the same run on the same pages."""
    t_ours = t_base = 0.0
    warm_up(pages, cleaner_text, trafilatura_alone)
    for _ in range(repeat):
        for page in pages:
            t_base += _timed(trafilatura_alone, page)[1]
            t_ours += _timed(cleaner_text, page)[1]
    n = max(len(pages) * repeat, 1)
    return {"cleaner_ms": 1000 * t_ours / n, "trafilatura_ms": 1000 * t_base / n,
            "ratio": t_ours / t_base if t_base else 0.0}
