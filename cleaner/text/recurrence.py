"""Evidence across pages: lines that recur on most pages of one site are that site's chrome.

A single page cannot tell "Get all your news in one place." from a sentence of the story;
a batch can, because the banner is on every page of the site and a story's sentences are on
one. This module holds that evidence and the line stage that uses it:

- `line_key`: the comparison key (case, punctuation, and in short lines digits, ages,
  month and weekday names folded, so "34 minutes ago" recurs with "2 hours ago" and
  "21 Mar 2025" with "3 Apr 2024");
- `site_key`: which pages are compared: the matched rule site, else the URL's host; pages
  with neither share one pool (`GENERIC_POOL`), so a dump from one unknown feed still
  teaches its chrome;
- `RecurrenceStats`: per site key, pages counted and, per line key, on how many pages it
  was seen. Frozen and built once (`build_stats` in recurrence_count.py, or `load_stats`),
  then handed to every worker inside `Options`: the per-record function stays pure;
- `mark_recurring`: the stage. It only decides lines no earlier stage decided, so card
  lines the related stage took stay related items and lines a rule took keep its rule id.

The stats file is JSON: {"version": 1, "copies": n, "sites": {key: {"pages": n, "lines":
{key: count}}}} with only lines seen on 2 or more pages, at most MAX_KEYS_PER_SITE per site.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from cleaner.core.errors import CleanerError
from cleaner.core.lines import Line, is_paragraph

__all__ = [
    "GENERIC_POOL", "GENERIC_RULE", "RecurrenceStats", "StatsBuilder", "line_key",
    "load_stats", "mark_recurring", "recurrence_note", "save_stats", "site_key",
]

STATS_VERSION = 1
# Pages with no rule site and no URL are pooled under this key; their removals name
# GENERIC_RULE instead of a site's `recurrence-<site>`.
GENERIC_POOL = "*"
GENERIC_RULE = "generic-recurring-line"
# Bounds on the stats file: a site's 20,000 most frequent lines keep a 1M-page Daily8 run's
# file at a few MB, far more than the tens of chrome lines a template has.
MAX_KEYS_PER_SITE = 20_000
# Lossy counting's window (StatsBuilder): counts are exact below it and low by at most
# 1/PRUNE_EVERY of a site's pages above it; memory is a few windows' distinct lines.
PRUNE_EVERY = 100
# Lines longer than this are never counted: chrome is short, and long lines are where
# body text lives. The longest recurring chrome line in seeds/ (ynetnews' comment policy)
# has 217 characters.
MAX_LINE_CHARS = 240

# A label (is_label): a few words without sentence punctuation. A site's labels (outlets,
# sections, tags, "Show more", durations) each sit on a smaller share of its pages than its
# banner does, so they get the lower `recurrence_label_share`; a story's own lines of this
# shape are subheads, which open prose (_subhead) and are kept. A label must also be on
# LABEL_MIN_PAGES pages: on a small site a low share is one or two pages.
LABEL_MAX_WORDS = 3
LABEL_MAX_CHARS = 40
LABEL_MIN_PAGES = 3
_SENTENCE_PUNCT = re.compile(r"[.!?:;,\"“”]")
PROSE_MIN_WORDS = 12  # Daily8 card titles in the samples run to 10-11 words
_PROSE_END = re.compile(r"""[.!?:]["'”’)\]]*$""")
HEADLINE_MIN_WORDS = 3  # as textrules' title picking: shorter head lines are labels

# Lines longer than this keep their digits and dates in the key (line_key says why); the
# dated chrome lines in the samples are under 40 characters.
FOLD_MAX_CHARS = 60
_PUNCTUATION = re.compile(r"[^\w\s]+")
_DIGIT_RUN = re.compile(r"\d+")
# Relative ages, month and weekday names, folded in one pass (words, not prefixes: "marine"
# and "junior" stay).
_FOLD = re.compile(
    r"\b(?:(?P<age>(?:0|an?|one) (?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s?)"
    r"|(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    r"|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\b")


def _fold(m: re.Match[str]) -> str:
    return "0 age" if m.group("age") else "mon" if m.group("month") else "wd"


class StatsError(CleanerError):
    """A recurrence stats file that cannot be read; the message names the file."""


def line_key(text: str) -> str:
    """The recurrence key of a line: case and punctuation folded and, in lines up to
    FOLD_MAX_CHARS, runs of digits, relative ages, month and weekday names: chrome carries
    dates. Longer lines keep their numbers: templated stories (weather, scores, prices)
    differ only in them, and folded they would all "recur".

    >>> line_key("34 minutes ago") == line_key("a hour ago") == line_key("2 hours ago")
    True
    >>> line_key("21 Mar 2025, 2:05 PM") == line_key("3 April 2024, 11:40 PM")
    True
    """
    key = " ".join(_PUNCTUATION.sub(" ", text.lower()).split())
    if len(text) > FOLD_MAX_CHARS:
        return key
    return _FOLD.sub(_fold, _DIGIT_RUN.sub("0", key))


def site_key(site: str | None, url: str | None) -> str:
    """The pages a page is compared with: its rule site, else its URL's host (without
    www./m.), else the pool of pages that have neither."""
    if site:
        return site
    if url:
        try:
            host = urlsplit(url if "//" in url else "//" + url).hostname
        except ValueError:
            host = None
        if host:
            for prefix in ("www.", "m.", "amp."):
                if host.startswith(prefix) and host.count(".") > 1:
                    host = host[len(prefix):]
                    break
            return host
    return GENERIC_POOL


def page_keys(lines: Iterable[str]) -> set[str]:
    """The distinct keys of a page's countable lines (a line twice on one page counts once:
    the evidence is how many pages carry it)."""
    out = set()
    for text in lines:
        text = text.strip()
        if text and len(text) <= MAX_LINE_CHARS:
            key = line_key(text)
            if key:
                out.add(key)
    return out


def summarize(lines: Iterable[str]) -> tuple[str | None, list[str]]:
    """What a page adds to the counts: the key of its longest paragraph (its fingerprint,
    None without one) and its distinct line keys."""
    lines = [t.strip() for t in lines]
    longest = max((t for t in lines if is_paragraph(t)), key=len, default=None)
    return (line_key(longest) if longest is not None else None), sorted(page_keys(lines))


@dataclass(frozen=True, slots=True)
class SiteCounts:
    pages: int
    lines: Mapping[str, int]  # line key -> pages that carry it; never mutated after build


@dataclass(frozen=True, slots=True, eq=False)
class RecurrenceStats:
    """Line recurrence per site key, built once before a run and only read during it.

    >>> b = StatsBuilder()
    >>> for page in range(6):
    ...     b.add("demo", ["Sign in", f"Story number {page} is about something else."])
    >>> stats = b.freeze()
    >>> stats.share("demo", line_key("Sign in")), stats.share("demo", line_key("Story 1"))
    (1.0, 0.0)
    """

    sites: Mapping[str, SiteCounts] = field(default_factory=dict)
    copies: int = 0  # pages left out of the counts as copies of pages counted

    def pages(self, site: str) -> int:
        counts = self.sites.get(site)
        return counts.pages if counts else 0

    def count(self, site: str, key: str) -> int:
        counts = self.sites.get(site)
        return counts.lines.get(key, 0) if counts else 0

    def share(self, site: str, key: str) -> float:
        counts = self.sites.get(site)
        if not counts or not counts.pages:
            return 0.0
        return counts.lines.get(key, 0) / counts.pages

    def to_dict(self) -> dict[str, Any]:
        return {"version": STATS_VERSION, "copies": self.copies,
                "sites": {name: {"pages": c.pages, "lines": dict(c.lines)}
                          for name, c in sorted(self.sites.items())}}

    @classmethod
    def from_dict(cls, data: object, name: str = "<stats>") -> RecurrenceStats:
        if not isinstance(data, dict) or data.get("version") != STATS_VERSION:
            raise StatsError(f"{name}: not a cleaner recurrence stats file (version "
                             f"{STATS_VERSION}); write one with `cleaner stats INPUTS --out "
                             f"{name}`")
        sites = data.get("sites")
        if not isinstance(sites, dict):
            raise StatsError(f"{name}: 'sites' must be an object of site -> counts")
        out = {}
        for site, entry in sites.items():
            try:
                pages = int(entry["pages"])
                lines = {str(k): int(v) for k, v in entry["lines"].items()}
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise StatsError(f"{name}: site {site!r}: needs 'pages' (a number) and "
                                 f"'lines' (key -> count): {exc}") from None
            out[str(site)] = SiteCounts(pages, lines)
        copies = data.get("copies", 0)
        return cls(out, copies if isinstance(copies, int) else 0)


class StatsBuilder:
    """The mutable counter behind a first pass; `freeze` gives the immutable stats.

    A page whose longest paragraph was already counted for its site is a copy of a page
    counted before (a re-crawl, the text and the HTML of one article) and adds no evidence:
    counted, its story's sentences would "recur" and be taken for chrome.

    Memory stays bounded on a site of millions of pages by lossy counting (Manku and
    Motwani, 2002): every PRUNE_EVERY pages of a site, keys that cannot be on 1/PRUNE_EVERY
    of its pages are dropped, so a story's lines do not pile up; a kept count is low by at
    most pages/PRUNE_EVERY, far below the shares the stage asks for (0.1 and up). Sites of
    fewer pages are counted exactly.
    """

    def __init__(self) -> None:
        self._pages: Counter[str] = Counter()
        self._lines: dict[str, dict[str, int]] = {}
        self._slack: dict[str, dict[str, int]] = {}  # the most a key's count may be low
        self._seen: dict[str, set[int]] = {}
        self.copies = 0  # pages skipped as copies

    def add(self, site: str, lines: Iterable[str]) -> None:
        self.add_summary(site, *summarize(lines))

    def add_summary(self, site: str, fingerprint: str | None, keys: Iterable[str]) -> None:
        """A page as `summarize` gives it (worker processes send these, not the lines)."""
        if fingerprint is not None:
            seen = self._seen.setdefault(site, set())
            h = hash(fingerprint)
            if h in seen:
                self.copies += 1
                return
            seen.add(h)
        self.add_keys(site, keys)

    def add_keys(self, site: str, keys: Iterable[str]) -> None:
        self._pages[site] += 1
        pages = self._pages[site]
        counts = self._lines.setdefault(site, {})
        slack = self._slack.setdefault(site, {})
        bucket = -(-pages // PRUNE_EVERY)  # the window this page falls in, from 1
        for key in keys:
            if key in counts:
                counts[key] += 1
            else:
                counts[key] = 1
                slack[key] = bucket - 1
        if pages % PRUNE_EVERY == 0:
            for key in [k for k, n in counts.items() if n + slack[k] <= bucket]:
                del counts[key], slack[key]

    def freeze(self, max_keys: int = MAX_KEYS_PER_SITE) -> RecurrenceStats:
        """Only lines seen on 2+ pages, each site's `max_keys` most frequent."""
        sites = {}
        for site, pages in self._pages.items():
            common = Counter({k: n for k, n in self._lines[site].items() if n >= 2})
            sites[site] = SiteCounts(pages, dict(common.most_common(max_keys)))
        return RecurrenceStats(sites, self.copies)


def save_stats(stats: RecurrenceStats, path: str | Path) -> None:
    Path(path).write_text(json.dumps(stats.to_dict(), ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")


def load_stats(path: str | Path) -> RecurrenceStats:
    """Read a stats file written by `cleaner stats`; StatsError names the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise StatsError(f"{path}: cannot read recurrence stats: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StatsError(f"{path}: recurrence stats are not JSON: {exc}") from None
    return RecurrenceStats.from_dict(data, str(path))


class RecurrenceSettings(Protocol):
    """What the recurrence stage reads of the run's options (engine.options.Options)."""

    @property
    def recurrence(self) -> RecurrenceStats | None: ...

    @property
    def recurrence_min_pages(self) -> int: ...


def recurrence_note(site: str, options: RecurrenceSettings) -> list[str]:
    """Say so when a run has recurrence stats but too few of this page's site to use."""
    stats = options.recurrence
    if stats is None or stats.pages(site) >= options.recurrence_min_pages:
        return []
    return [f"recurrence: {stats.pages(site)} page(s) of {site!r} counted, fewer than "
            f"{options.recurrence_min_pages}: no evidence across pages for this page"]


def _protected(lines: list[Line], i: int) -> bool:
    """The page's own evidence says body: the nearest non-blank lines on both sides are
    paragraphs still open (a "Here's what we know:" between two of them, or a paragraph among
    them); paragraphs another stage took (related teasers) are no such evidence."""
    before = next((ln for ln in reversed(lines[:i]) if ln.fate != "blank"), None)
    after = next((ln for ln in lines[i + 1:] if ln.fate != "blank"), None)
    return all(ln is not None and ln.fate in ("undecided", "body") and is_paragraph(ln.text)
               for ln in (before, after))


def _subhead(lines: list[Line], i: int) -> bool:
    """A short line that opens prose with a paragraph somewhere above it: the shape of a
    story's subhead ("Conclusion", "What happens next"), which recurs across a site's
    stories on a small share of its pages (wcxb pooled without URLs, labels at 0.05:
    "Conclusion" on 16 of 710 pages before this guard)."""
    after = next((ln for ln in lines[i + 1:] if ln.fate != "blank"), None)
    if after is None or not after.open or not _prose(after.text):
        return False
    return any(ln.open and is_paragraph(ln.text) for ln in lines[:i])


def _prose(text: str) -> bool:
    """A line a subhead opens: a paragraph, a sentence ("Most enterprises invest in
    platforms but still operate on gut instinct."), a lead-in ("To sum up the main
    points:") or a long unpunctuated one; not a card's title (short, no stop)."""
    return (is_paragraph(text) or bool(_PROSE_END.search(text))
            or len(text.split()) >= PROSE_MIN_WORDS)


def _last_headline_if_all_chosen(lines: list[Line], chosen: list[Line]) -> Line | None:
    """When every line above the story that could be its headline (a few words, not a
    paragraph) recurs, the pages share a template down to the headline ("Harbourtown
    weather for day 3"): the one nearest the story is kept for the title."""
    first = next((k for k, ln in enumerate(lines) if ln.open and is_paragraph(ln.text)),
                 len(lines))
    heads = [ln for ln in lines[:first] if ln.open and len(ln.text.split()) >= HEADLINE_MIN_WORDS]
    ids = {id(ln) for ln in chosen}
    if heads and all(id(ln) in ids for ln in heads):
        return heads[-1]
    return None


def is_label(text: str) -> bool:
    """A short unpunctuated line: an outlet, section, tag or button name, a duration."""
    return (len(text) <= LABEL_MAX_CHARS and len(text.split()) <= LABEL_MAX_WORDS
            and not _SENTENCE_PUNCT.search(text))


def mark_recurring(lines: list[Line], site: str | None, stats: RecurrenceStats | None,
                   share: float, min_pages: int, label_share: float | None = None) -> None:
    """Lines no earlier stage decided that recur on at least `share` of the site's pages
    (counted over at least `min_pages` pages), labels on at least `label_share`, are noise,
    unless the page says body. A page never loses its last open paragraph this way: when
    every paragraph "recurs", the pages are one template filled with different facts."""
    if stats is None or site is None or stats.pages(site) < min_pages:
        return
    rule = GENERIC_RULE if site == GENERIC_POOL else f"recurrence-{site}"
    label_share = share if label_share is None else min(share, label_share)
    chosen = []
    for i, ln in enumerate(lines):
        if not ln.open or len(ln.text) > MAX_LINE_CHARS:
            continue
        key = line_key(ln.text)
        seen = stats.share(site, key)
        if seen < label_share or (seen < share and not (
                is_label(ln.text) and stats.count(site, key) >= LABEL_MIN_PAGES
                and not _subhead(lines, i))):
            continue
        if not _protected(lines, i):
            chosen.append(ln)
    paragraphs = sum(1 for ln in lines if ln.open and is_paragraph(ln.text))
    if paragraphs and sum(1 for ln in chosen if is_paragraph(ln.text)) == paragraphs:
        chosen = [ln for ln in chosen if not is_paragraph(ln.text)]
    headline = _last_headline_if_all_chosen(lines, chosen)
    for ln in chosen:
        if ln is headline:
            continue
        ln.decide("noise", "boilerplate", rule)
