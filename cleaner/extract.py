"""The one module that imports trafilatura (pinned: its output changes between releases).

The page is parsed once, with trafilatura's own loader, so that an unpruned tree extracts
exactly as trafilatura alone would on the same markup.
"""

from __future__ import annotations

import re

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import HTML_PARSER, load_html

# Skip trafilatura's fallback extractors (readability, justext). Measured on the scrapinghub
# benchmark with `cleaner eval` (181 pages): fast F1 0.9623 vs 0.9598 without, in half the time;
# the DOM rules already remove what the fallbacks would second-guess.
FAST = True
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


def extract_text(html: str | HtmlElement, url: str | None = None) -> str:
    """Main text of a page (string or lxml tree), paragraphs one per line; '' if none.

    The fast pass first; when what it found reads like a menu (nearly all short lines), the
    page's article sits where only trafilatura's fallback extractors find it, so rerun with
    them. On the benchmark this reruns 1 page in 181 (its F1 0.14 -> 0.90)."""
    text = trafilatura.extract(html, url=url, include_comments=False, fast=FAST) or ""
    if FAST and menu_share(text) >= MENU_SHARE:
        text = trafilatura.extract(html, url=url, include_comments=False) or text
    return text


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
