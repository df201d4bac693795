"""Score cleaner against trafilatura alone on a benchmark folder laid out like scrapinghub's
article-extraction-benchmark: `html/<id>.html.gz` plus `ground-truth.json` ({id: {articleBody,
url}}).

The metric is the benchmark's own, so our numbers compare with published ones: `\\w+` tokens
with case kept, multisets of 4-token shingles, per-page TP/FP/FN normalised by their sum (every
page weighs the same), precision averaged over pages with predicted shingles, recall over pages
with a non-empty truth, F1 from the two averages.
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
from urllib.parse import urlsplit

from .errors import InputError
from .ruleset import RuleSet, host_matches

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


def load_pages(folder: str | Path) -> list[Page]:
    """The benchmark's pages, decoded as UTF-8 as its own runners read them."""
    folder = Path(folder)
    truth_path = folder / "ground-truth.json"
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{truth_path}: cannot read the ground truth ({exc})") from None
    pages = []
    for pid in sorted(truth):
        path = folder / "html" / f"{pid}.html.gz"
        try:
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
                html = f.read()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc})") from None
        entry = truth[pid]
        pages.append(Page(pid, entry.get("url"), html, entry.get("articleBody") or ""))
    return pages


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
    from .extract import trafilatura_baseline

    return trafilatura_baseline(page.html)


def cleaner_text(page: Page, rules=None) -> str:
    """cleaner's full per-record function (HTML path, then the line stages); '' on error."""
    from .pipeline import clean_record
    from .records import InputRecord

    result = clean_record(InputRecord(page.id, page.html, page.url, "html", origin=page.id),
                          rules)
    if result.status != "ok":
        log.warning("%s", result.error)
    return result.text


@dataclass(frozen=True, slots=True)
class PageResult:
    id: str
    url: str | None
    cleaner: PageScore
    trafilatura: PageScore

    def to_dict(self) -> dict:
        def d(s: PageScore) -> dict:
            return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": s.precision,
                    "recall": s.recall, "f1": s.f1}
        return {"id": self.id, "url": self.url, "cleaner": d(self.cleaner),
                "trafilatura": d(self.trafilatura)}


@dataclass(frozen=True, slots=True)
class Report:
    pages: tuple[PageResult, ...]
    cleaner: Summary
    trafilatura: Summary
    cleaner_seconds: float
    trafilatura_seconds: float

    @property
    def time_ratio(self) -> float:
        return self.cleaner_seconds / self.trafilatura_seconds if self.trafilatura_seconds else 0.0

    def worst(self, n: int = 10) -> list[PageResult]:
        """Pages where cleaner loses most against trafilatura (then by cleaner's own F1)."""
        return sorted(self.pages, key=lambda p: (p.cleaner.f1 - p.trafilatura.f1,
                                                 p.cleaner.f1))[:n]

    def to_dict(self) -> dict:
        def s(x: Summary) -> dict:
            return {"precision": x.precision, "recall": x.recall, "f1": x.f1}
        n = max(len(self.pages), 1)
        return {"cleaner": s(self.cleaner), "trafilatura": s(self.trafilatura),
                "ms_per_page": {"cleaner": 1000 * self.cleaner_seconds / n,
                                "trafilatura": 1000 * self.trafilatura_seconds / n},
                "time_ratio": self.time_ratio, "pages": [p.to_dict() for p in self.pages]}


def _timed(fn: Extractor, page: Page) -> tuple[str, float]:
    start = time.perf_counter()
    text = fn(page)
    return text, time.perf_counter() - start


def warm_up(pages: list[Page], *extractors: Extractor) -> None:
    """One-time loads (rules, langdetect's profiles: about 1 s) are paid once per worker, not
    per page, so they stay out of the per-page times."""
    from .language import _by_langdetect

    _by_langdetect("warm up the language profiles once before timing")
    for page in pages[:1]:
        for fn in extractors:
            fn(page)


def evaluate(pages: list[Page], ours: Extractor = cleaner_text,
             baseline: Extractor = trafilatura_alone) -> Report:
    """Run both extractors on every page in the same process, alternating so that machine
    noise hits both alike."""
    results, t_ours, t_base = [], 0.0, 0.0
    warm_up(pages, ours, baseline)
    for page in pages:
        base_text, dt_base = _timed(baseline, page)
        our_text, dt_ours = _timed(ours, page)
        t_base += dt_base
        t_ours += dt_ours
        results.append(PageResult(page.id, page.url, score_page(page.truth, our_text),
                                  score_page(page.truth, base_text)))
    return Report(tuple(results), summarize(r.cleaner for r in results),
                  summarize(r.trafilatura for r in results), t_ours, t_base)


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
