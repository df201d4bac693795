"""The one module that imports trafilatura (pinned: its output changes between releases).

The page is parsed once, with trafilatura's own loader, so that an unpruned tree extracts
exactly as trafilatura alone would on the same markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import HTML_PARSER, load_html

from .dom import visible_len

# Each page gets trafilatura's fast pass first (no readability/justext fallbacks): on
# aggregator pages its text holds fewer teasers and menus, and it costs 2/3 of a full run. On
# ordinary pages it sometimes returns a fragment (issue 11: 31 of WCXB's 711 pages kept under
# a third of their body), so whether it is complete is decided per page, by evidence:
#
# 1. Is the fast text short beside the text the page itself holds? Against the paragraphs
#    (<p>, <pre> of PARAGRAPH_MIN_CHARS or more) and against all visible text of the pruned
#    page. If not, the fast pass stands; no second run.
# 2. If so, run trafilatura with its fallbacks (its own comparison of extractors) and take
#    that text when it is EXTENDS times longer and its extra paragraphs bring new words (a
#    text that repeats the fast one, a page printed twice, is no completion).
#
# Set on both benchmarks (`cleaner eval`): the shares rerun 90 of 711 WCXB pages and 61 of
# 181 scrapinghub pages; every WCXB page whose fast text was a fragment is among them except
# one whose fallback text is no better.
PARAGRAPH_MIN_CHARS = 80  # shorter <p>s are captions, bylines and teaser lines
FRAGMENT_OF_PARAGRAPHS = 0.5  # fast text under half the page's paragraph text: suspect
FRAGMENT_OF_PAGE = 0.4  # ... or under 40% of all the page's visible text
EXTENDS = 1.3  # the fallbacks' text must be this much longer to replace the fast one
NEW_WORDS_MIN = 0.1  # share of the extra paragraphs' words the fast text lacks
_NEW_WORD = re.compile(r"\w{4,}")
# A fast result is a menu when at least this share of its text is in lines under
# MENU_LINE_CHARS. Set on the benchmark: the one page where fast failed scores 0.89; the next
# highest is 0.31 (a real article with short list items).
MENU_SHARE = 0.8
MENU_LINE_CHARS = 40


# libxml2 stops building the tree at 256 levels and drops everything deeper, silently
# (tests/test_fuzz.py nests 100,000 divs). Such a page is re-read with its container tags
# flattened, which keeps paragraphs, headings and links.
_TOO_DEEP = "Excessive depth"
_CONTAINER_TAG = re.compile(
    r"</?(?!(?:p|h[1-6]|br|a|img|title|head|body|html|meta|link|script|style)\b)"
    r"[a-zA-Z][\w:-]*[^<>]*>")
FLATTENED_NOTE = ("the page nests elements deeper than libxml2's 256 levels; its container "
                  "tags were flattened so that the text below that depth is kept")


def parse_html(html: str) -> HtmlElement | None:
    """The page's lxml tree as trafilatura itself would build it; None when not HTML."""
    return parse_html_checked(html)[0]


def parse_html_checked(html: str) -> tuple[HtmlElement | None, tuple[str, ...]]:
    """Like parse_html, plus notes on what had to be done to read the page whole."""
    tree = load_html(html)
    if not any(_TOO_DEEP in e.message for e in HTML_PARSER.error_log):
        return tree, ()
    return load_html(_CONTAINER_TAG.sub(" ", html)), (FLATTENED_NOTE,)


def menu_share(text: str) -> float:
    """Share of the text's characters that sit in short lines: near 1 for a link list."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    total = sum(len(ln) for ln in lines)
    return sum(len(ln) for ln in lines if len(ln) < MENU_LINE_CHARS) / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Extraction:
    """The main text and a note saying which pass it came from and why."""

    text: str
    note: str


def paragraph_chars(tree: HtmlElement) -> int:
    """Characters the page holds in paragraph-like nodes long enough to be body text."""
    total = 0
    for node in tree.iter("p", "pre"):
        n = len(" ".join(node.text_content().split()))
        total += n if n >= PARAGRAPH_MIN_CHARS else 0
    return total


def new_word_share(fast: str, full: str) -> float:
    """Share of the words in full's extra lines that the fast text does not have."""
    have = set(_NEW_WORD.findall(fast.lower()))
    old = {ln.strip() for ln in fast.split("\n")}
    words = [w for ln in full.split("\n") if ln.strip() not in old
             for w in _NEW_WORD.findall(ln.lower())]
    return sum(w not in have for w in words) / len(words) if words else 0.0


def _full(html: str | HtmlElement, url: str | None) -> str:
    return trafilatura.extract(html, url=url, include_comments=False) or ""


def extract_main(tree: HtmlElement, url: str | None = None) -> Extraction:
    """Main text of a parsed page, paragraphs one per line ('' if none), and how it was found.

    >>> extract_main(parse_html("<html><body><article><p>" + "A sentence of body. " * 10
    ...                          + "</p></article></body></html>")).note[:22]
    'extraction: fast pass '"""
    fast = trafilatura.extract(tree, url=url, include_comments=False, fast=True) or ""
    if menu_share(fast) >= MENU_SHARE:
        full = _full(tree, url)
        if full:
            return Extraction(full, "extraction: the fast pass found a menu (short lines); "
                                    "trafilatura's fallbacks used")
    paragraphs, page = paragraph_chars(tree), visible_len(tree)
    n = len(fast)
    if n >= FRAGMENT_OF_PARAGRAPHS * paragraphs and n >= FRAGMENT_OF_PAGE * page:
        return Extraction(fast, f"extraction: fast pass ({n} characters; the page holds "
                                f"{paragraphs} in paragraphs, {page} in all)")
    full = _full(tree, url)
    seen = (f"the fast pass found {n} characters of the page's {paragraphs} in paragraphs "
            f"({page} in all); trafilatura's fallbacks found {len(full)}")
    if len(full) >= EXTENDS * n and full and new_word_share(fast, full) >= NEW_WORDS_MIN:
        return Extraction(full, f"extraction: fallbacks ({seen}, used)")
    return Extraction(fast, f"extraction: fast pass kept ({seen}, no completion)")


def extract_text(html: str | HtmlElement, url: str | None = None) -> str:
    """Main text of a page (string or lxml tree), chosen per page as extract_main says."""
    tree = parse_html(html) if isinstance(html, str) else html
    return extract_main(tree, url).text if tree is not None else ""


def warm_trafilatura() -> None:
    """Build the justext stoplist of every language now (0.24 s): trafilatura builds it on
    the first page that falls back to justext, inside that page's time limit. A global of
    trafilatura's, read as trafilatura.external reads it (the version is pinned)."""
    from trafilatura import external

    if not external.JT_STOPLIST:
        external.jt_stoplist_init()


def trafilatura_baseline(html: str) -> str:
    """trafilatura alone, called as the scrapinghub benchmark's runner calls it."""
    return trafilatura.extract(html, include_comments=False) or ""


def trafilatura_metadata_baseline(html: str, url: str | None) -> tuple[str | None, str | None]:
    """trafilatura's own author and date (its metadata extraction, htmldate included): the
    baseline that cleaner's metadata is compared with."""
    doc = trafilatura.extract_metadata(html, default_url=url)
    return (doc.author, doc.date) if doc is not None else (None, None)


@dataclass(frozen=True, slots=True)
class MarkupMeta:
    """What trafilatura's cheap metadata readers find in the page's markup."""

    author: str | None
    site_name: str | None
    date: str | None  # YYYY-MM-DD, htmldate's reading of the page's original date


def markup_metadata(tree: HtmlElement, url: str | None) -> MarkupMeta:
    """trafilatura.extract_metadata's author, site name and date, at a fraction of its cost:
    <meta> and JSON-LD first (1-4 ms a page); its DOM byline search (about 18 ms) only when
    they name no author, and htmldate's extensive text search (about 47 ms) only when the
    date markup holds none. Measured on WCXB: agreement with the truth as the full function's
    (README)."""
    from htmldate import find_date
    from trafilatura.metadata import (
        examine_meta,
        extract_author,
        extract_meta_json,
        set_date_params,
    )

    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:  # as trafilatura: one word is no name
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - malformed JSON-LD must not cost the page
        pass
    author = meta.author or extract_author(tree)
    date = None
    for extensive in (False, True):
        try:
            date = find_date(tree, **{**set_date_params(extensive), "url": url})
        except Exception:  # noqa: BLE001 - a date is worth less than the page
            date = None
        if date:
            break
    return MarkupMeta(author or None, meta.sitename or None, date)
