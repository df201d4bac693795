"""Run options in one frozen object, each default explained, so entry points take `options=`."""

from __future__ import annotations

from dataclasses import dataclass


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
    # Built-in line stages switched off by their rule id (generic-repeated-line,
    # generic-repeated-title, generic-foreign-line, generic-above-title,
    # generic-head-fragment, generic-doubled-source): for measuring each one alone
    # (bench/ablation.py). Rules in rule files are switched off with a site's `disable:`.
    stages_off: frozenset[str] = frozenset()


DEFAULT_OPTIONS = Options()
