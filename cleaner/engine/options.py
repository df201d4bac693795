"""Run options in one frozen object, each default explained, so entry points take `options=`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleaner.text.recurrence import RecurrenceStats


@dataclass(frozen=True, slots=True)
class Options:
    # Largest input accepted, in bytes (after gunzip). News pages are under 2 MB; 20 MB
    # leaves room for inline images while refusing dumps that would exhaust a worker.
    max_bytes: int = 20_000_000
    # Per-document wall-clock limit for batch runners, in seconds; a page that needs more
    # is pathological (a nesting bomb) and becomes an error record.
    timeout_seconds: float = 30.0
    # Detect the article language (stopwords first; langdetect only for ties).
    detect_language: bool = True
    # Drop lines in another script or language than the article.
    drop_foreign_lines: bool = True
    # Line recurrence per site from a first pass or a stats file (recurrence.py); None: each
    # page is judged alone. Built before the run and only read during it.
    recurrence: RecurrenceStats | None = None
    # A line is a site's chrome when it is on at least this share of the site's pages...
    # (inkl's banner lines sit on 0.8-1.0 of its samples; the samples give the same result
    # anywhere in 0.3-0.7; half a site's pages is a template's line, not a story's)
    recurrence_share: float = 0.5
    # ...and the site has at least this many pages counted: fewer are no evidence.
    recurrence_min_pages: int = 5
    # A label line (a few words, no sentence punctuation: outlet, section, tag, button
    # names) is chrome from this lower share (recurrence.is_label says why). Samples: 0.5
    # -> 0.1 took noise leaked 41.6% -> 39.1% with no body line lost; both benchmarks,
    # pooled without URLs, lost nothing even at 0.05 (README "Evidence across pages").
    recurrence_label_share: float = 0.1
    # Built-in line stages switched off by their rule id (generic-repeated-line,
    # generic-repeated-title, generic-foreign-line, generic-above-title,
    # generic-head-fragment, generic-doubled-source): for measuring each one alone
    # (bench/ablation.py). Rules in rule files are switched off with a site's `disable:`.
    stages_off: frozenset[str] = frozenset()


DEFAULT_OPTIONS = Options()
