"""The trafilatura adapter: the page parsed and its main text extracted, as the flow asks.

Why this module exists: trafilatura (pinned: its output changes between releases) is called
for the article's text here, and only the modules of this family touch it: the decision
inside its run (extract_choice), the judgements after it (extract_rescue), the stand-ins
that make it cheaper (extract_speed), and its metadata readers (markupmeta, byline).

The page is parsed once, with trafilatura's own loader, so that an unpruned tree extracts
exactly as trafilatura alone would on the same markup.
"""

from __future__ import annotations

import re

import trafilatura
from lxml.html import HtmlElement

from cleaner.markup.dom import visible_len
from cleaner.markup.extract_choice import EVIDENCE, EXTENDS, Evidence, Extraction, paragraph_chars
from cleaner.markup.extract_rescue import judge_rescued, paragraphs_if_fragment
from cleaner.markup.extract_speed import OWN_RUN, OWNED_TREE
from cleaner.markup.page_parser import PAGE_PARSER, load_page

# libxml2 stops building the tree at 256 levels and drops everything deeper, silently
# (tests/engine/test_fuzz.py nests 100,000 divs). Such a page is re-read with its container tags
# flattened, which keeps paragraphs, headings and links.
_TOO_DEEP = "Excessive depth"
_CONTAINER_TAG = re.compile(
    r"</?(?!(?:p|h[1-6]|br|a|img|title|head|body|html|meta|link|script|style)\b)"
    r"[a-zA-Z][\w:-]*[^<>]*>")
FLATTENED_NOTE = ("the page nests elements deeper than libxml2's 256 levels; its container "
                  "tags were flattened so that the text below that depth is kept")


def parse_html(html: str) -> HtmlElement | None:
    """The page's lxml tree as trafilatura itself would build it (page_parser: the same
    tree and element classes, picked faster); None when not HTML."""
    return parse_html_checked(html)[0]


def parse_html_checked(html: str, utf8: bytes | None = None
                       ) -> tuple[HtmlElement | None, tuple[str, ...]]:
    """Like parse_html, plus notes on what had to be done to read the page whole. `utf8`,
    when given, is html's UTF-8 bytes (see page_parser.load_page)."""
    tree = load_page(html, utf8)
    if not any(_TOO_DEEP in e.message for e in PAGE_PARSER.error_log):
        return tree, ()
    return load_page(_CONTAINER_TAG.sub(" ", html)), (FLATTENED_NOTE,)


def extract_main(tree: HtmlElement, url: str | None = None, *,
                 consume: bool = False, visible: int | None = None) -> Extraction:
    """Main text of a parsed page, paragraphs one per line ('' if none), and how it was found.
    With consume=True the caller gives the tree up: trafilatura prunes it in place instead
    of working on a copy of the whole page (its first step; 0.4 ms a page). The judgements
    after the run (a second run, the page's paragraphs) then read the tree with
    trafilatura's raw-tree prunes applied, as trafilatura's own rescue reads it (same results
    on all 892 benchmark pages as with the copy). `visible` is the tree's visible_len when
    the caller has measured it already (dom.prune).

    >>> extract_main(parse_html("<html><body><article><p>" + "A sentence of body. " * 20
    ...                          + "</p></article></body></html>")).note[:23]
    'extraction: fast pass ('"""
    own = OWN_RUN.set(True)
    try:
        return _extract_main(tree, url, consume, visible)
    finally:
        OWN_RUN.reset(own)


def _extract_main(tree: HtmlElement, url: str | None, consume: bool,
                  visible: int | None) -> Extraction:
    ev = Evidence(paragraph_chars(tree), visible_len(tree) if visible is None else visible)
    token = EVIDENCE.set(ev)
    owned = OWNED_TREE.set(tree if consume else None)
    try:
        text = trafilatura.extract(tree, url=url, include_comments=False) or ""
    finally:
        OWNED_TREE.reset(owned)
        EVIDENCE.reset(token)
    if ev.deferred:
        found = judge_rescued(tree, url, text, ev)
    else:
        note = ev.note or "extraction: fast pass (nothing to compare)"
        if len(text) > EXTENDS * ev.chosen:
            note += f"; trafilatura's recall retry then found {len(text)}"
        found = Extraction(text, note)
    return paragraphs_if_fragment(tree, found, ev) if ev.kept else found


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
