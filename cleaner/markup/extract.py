"""The one module that imports trafilatura (pinned: its output changes between releases).

The page is parsed once, with trafilatura's own loader, so that an unpruned tree extracts
exactly as trafilatura alone would on the same markup.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass

import htmldate.core as htmldate_core
import trafilatura
import trafilatura.core
import trafilatura.external
from lxml.html import HtmlElement
from trafilatura.utils import HTML_PARSER, load_html

from cleaner.markup.dom import visible_len
from cleaner.markup.extract_cleaning import basic_cleaning_quick

# Each page gets trafilatura's main extractor, as its fast mode runs it (no readability or
# justext fallbacks): on aggregator pages its text holds fewer teasers and menus. On ordinary
# pages it sometimes returns a fragment (issue 11: 31 of WCXB's 711 pages kept under a third
# of their body), so whether it is complete is decided per page, by evidence, inside the one
# trafilatura run (see _compare_if_fragment):
#
# 1. Is the main extractor's text short beside the text the page itself holds? Against the
#    paragraphs (<p>, <pre> of PARAGRAPH_MIN_CHARS or more) and against all visible text of
#    the pruned page. Or is it a menu (MENU_SHARE of it in short lines)? If not, it stands.
# 2. If so, trafilatura's own comparison with its fallbacks runs, and its text is taken when
#    it is EXTENDS times longer and brings new words (a text that repeats the first one, a
#    page printed twice, is no completion).
#
# Set on both benchmarks (`cleaner eval`): every WCXB page whose fast text was a fragment is
# caught but one whose fallback text is no better.
PARAGRAPH_MIN_CHARS = 80  # shorter <p>s are captions, bylines and teaser lines
FRAGMENT_OF_PARAGRAPHS = 0.5  # fast text under half the page's paragraph text: suspect
FRAGMENT_OF_PAGE = 0.4  # ... or under 40% of all the page's visible text
EXTENDS = 1.3  # the fallbacks' text must be this much longer to replace the fast one
NEW_WORDS_MIN = 0.1  # share of the fallbacks' words the fast text lacks
_NEW_WORD = re.compile(r"\w{4,}")
# A fast result is a menu when at least this share of its text is in lines under
# MENU_LINE_CHARS. Set on the benchmark: the one page where fast failed scores 0.89; the next
# highest is 0.31 (a real article with short list items).
MENU_SHARE = 0.8
MENU_LINE_CHARS = 40
# 3. A fragment that the fallbacks did not complete either: the page's paragraphs are taken
#    (_paragraphs_if_fragment) when that text is the size of the paragraph text the page
#    shows (PAGE_TEXT_SPAN of it), holds PAGE_TEXT_CONTAINS of the fragment's words and is
#    PAGE_TEXT_EXTENDS times longer. Set on WCXB (4 pages completed, from F1 0.39-0.49 to
#    0.89-0.99); pages whose paragraph text is larger than the page's paragraphs (teasers,
#    product boxes: 1.3-2.3 times) or only 1.5 times the fragment stay as they were.
PAGE_TEXT_SPAN = (0.8, 1.25)
PAGE_TEXT_EXTENDS = 2.0
PAGE_TEXT_CONTAINS = 0.75  # the fragment may carry a bio or a disclaimer the body lacks
# 4. A rescued text that is one glued line (see _split_if_glued).
GLUED_MIN_CHARS = 2000
GLUED_SPLIT_LINES = 3
SAME_TEXT_SHARE = 0.5
SAME_TEXT_WORDS = 0.9


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


@dataclass(slots=True)
class _Evidence:
    """What the page holds, set before the trafilatura run; the decision and its note are
    written by the first comparison and reused by trafilatura's recall retry."""

    paragraphs: int
    page: int
    use_fallbacks: bool | None = None
    deferred: bool = False
    note: str = ""
    chosen: int = 0  # characters of the text the comparison kept
    kept: bool = False  # a fragment that trafilatura's fallbacks did not complete


_EVIDENCE: ContextVar[_Evidence | None] = ContextVar("cleaner_extract_evidence", default=None)
_trafilatura_compare = trafilatura.core.compare_extraction


def paragraph_chars(tree: HtmlElement) -> int:
    """Characters the page holds in paragraph-like nodes long enough to be body text."""
    total = 0
    for node in tree.iter("p", "pre"):
        n = len(" ".join(node.text_content().split()))
        total += n if n >= PARAGRAPH_MIN_CHARS else 0
    return total


def contained_share(part: str, whole: str) -> float:
    """Share of part's words (four letters or more) that whole has too."""
    words = _NEW_WORD.findall(part.lower())
    have = set(_NEW_WORD.findall(whole.lower()))
    return sum(w in have for w in words) / len(words) if words else 1.0


def new_word_share(fast: str, full: str) -> float:
    """Share of full's words (four letters or more) that the fast text does not have."""
    have = set(_NEW_WORD.findall(fast.lower()))
    words = _NEW_WORD.findall(full.lower())
    return sum(w not in have for w in words) / len(words) if words else 0.0


def _block_lines(body) -> str:
    return "\n".join(" ".join(el.itertext()) for el in body)


def _compare_if_fragment(cleaned_tree, raw_tree, body, text, options):
    """Stands in for trafilatura.core.compare_extraction (pinned 2.3.1): on cleaner's own
    runs it lets the comparison with the fallbacks happen only when the page shows that the
    main extractor's text is a fragment or a menu; every other caller gets the original.
    raw_tree may be the copy not made yet (_RawCopy, see _extract_then_compare)."""
    ev = _EVIDENCE.get()
    if ev is None:
        return _trafilatura_compare(cleaned_tree, _made(raw_tree), body, text, options)
    if ev.use_fallbacks is None:
        n = len(text)
        if n < options.min_extracted_size:
            # too little to judge here: trafilatura rescues such a page later in the run
            # (baseline, wild text); extract_main judges what the run returns instead
            ev.use_fallbacks, ev.deferred = False, True
            return body, text
        menu = menu_share(_block_lines(body)) >= MENU_SHARE
        fragment = n < FRAGMENT_OF_PARAGRAPHS * ev.paragraphs or n < FRAGMENT_OF_PAGE * ev.page
        held = f"the page holds {ev.paragraphs} in paragraphs, {ev.page} in all"
        ev.chosen = n
        if not (menu or fragment):
            ev.use_fallbacks = False
            ev.note = f"extraction: fast pass ({n} characters; {held})"
            return body, text
        body2, text2 = _trafilatura_compare(cleaned_tree, _made(raw_tree), body, text,
                                             options)
        why = "a menu (short lines)" if menu else f"{n} characters ({held})"
        seen = f"the fast pass found {why}; trafilatura's fallbacks found {len(text2)}"
        if menu and text2 or (len(text2) >= EXTENDS * n and text2
                              and new_word_share(text, text2) >= NEW_WORDS_MIN):
            ev.use_fallbacks, ev.chosen = True, len(text2)
            ev.note = f"extraction: fallbacks ({seen}, used)"
            return body2, text2
        ev.use_fallbacks, ev.kept = False, True
        ev.note = f"extraction: fast pass kept ({seen}, no completion)"
        return body, text
    if ev.use_fallbacks:
        return _trafilatura_compare(cleaned_tree, _made(raw_tree), body, text, options)
    return body, text


@dataclass(frozen=True, slots=True)
class _RawCopy:
    """A copy of the raw tree not made yet."""

    make: Callable[[], HtmlElement]


def _made(raw_tree):
    return raw_tree.make() if isinstance(raw_tree, _RawCopy) else raw_tree


trafilatura.core.compare_extraction = _compare_if_fragment
_trafilatura_extract_and_compare = trafilatura.core._extract_and_compare


def _extract_then_compare(cleaned_tree, cleaned_tree_backup, tree, options):
    """Stands in for trafilatura.core._extract_and_compare (pinned 2.3.1), which copies the
    raw tree for the comparison with the fallbacks before it knows whether that runs: on
    cleaner's own runs the copy is made only when it does (1 ms a page; nothing reads or
    changes the raw tree in between). Every other caller gets the original."""
    if _EVIDENCE.get() is None or options.fast:
        return _trafilatura_extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options)
    postbody, temp_text = trafilatura.core.extract_content(cleaned_tree, options)
    return trafilatura.core.compare_extraction(
        cleaned_tree_backup, _RawCopy(lambda: trafilatura.core.copy(tree)), postbody,
        temp_text, options)


trafilatura.core._extract_and_compare = _extract_then_compare

# trafilatura.extract copies a tree it is given before pruning it (core.bare_extraction,
# pinned 2.3.1), so that the caller's tree survives. A caller that gives its tree up
# (extract_main(consume=True)) has that first copy skipped; every other copy is made.
_OWNED_TREE: ContextVar[HtmlElement | None] = ContextVar("cleaner_owned_tree", default=None)
_copy = trafilatura.core.copy


def _copy_unless_given_up(obj):
    """Stands in for trafilatura.core.copy: the given-up tree once, uncopied; else a copy."""
    if obj is not None and obj is _OWNED_TREE.get():
        _OWNED_TREE.set(None)
        return obj
    return _copy(obj)


trafilatura.core.copy = _copy_unless_given_up

# trafilatura's basic cleaning (html2txt's page measure before its recall retry, baseline,
# justext) found the faster way on cleaner's own runs, the same nodes (see
# extract_cleaning); trafilatura alone, the baseline, keeps its own.
_OWN_RUN: ContextVar[bool] = ContextVar("cleaner_own_run", default=False)
_trafilatura_baseline_module = importlib.import_module("trafilatura.baseline")
_trafilatura_basic_cleaning = _trafilatura_baseline_module.basic_cleaning


def _basic_cleaning_quickly(tree: HtmlElement) -> HtmlElement:
    """Stands in for trafilatura.baseline.basic_cleaning (pinned 2.3.1; trafilatura.external
    imports it by name): basic_cleaning_quick on cleaner's own runs when it can decide."""
    if _OWN_RUN.get() and (done := basic_cleaning_quick(tree)) is not None:
        return done
    return _trafilatura_basic_cleaning(tree)


_trafilatura_baseline_module.basic_cleaning = _basic_cleaning_quickly
trafilatura.external.basic_cleaning = _basic_cleaning_quickly


def extract_main(tree: HtmlElement, url: str | None = None, *,
                 consume: bool = False) -> Extraction:
    """Main text of a parsed page, paragraphs one per line ('' if none), and how it was found.
    With consume=True the caller gives the tree up: trafilatura prunes it in place instead
    of working on a copy of the whole page (its first step; 0.4 ms a page). The judgements
    after the run (a second run, the page's paragraphs) then read the tree with
    trafilatura's raw-tree prunes applied, as trafilatura's own rescue reads it (same results
    on all 892 benchmark pages as with the copy).

    >>> extract_main(parse_html("<html><body><article><p>" + "A sentence of body. " * 10
    ...                          + "</p></article></body></html>")).note[:22]
    'extraction: fast pass '"""
    own = _OWN_RUN.set(True)
    try:
        return _extract_main(tree, url, consume)
    finally:
        _OWN_RUN.reset(own)


def _extract_main(tree: HtmlElement, url: str | None, consume: bool) -> Extraction:
    ev = _Evidence(paragraph_chars(tree), visible_len(tree))
    token = _EVIDENCE.set(ev)
    owned = _OWNED_TREE.set(tree if consume else None)
    try:
        text = trafilatura.extract(tree, url=url, include_comments=False) or ""
    finally:
        _OWNED_TREE.reset(owned)
        _EVIDENCE.reset(token)
    if ev.deferred:
        found = _judge_rescued(tree, url, text, ev)
    else:
        note = ev.note or "extraction: fast pass (nothing to compare)"
        if len(text) > EXTENDS * ev.chosen:
            note += f"; trafilatura's recall retry then found {len(text)}"
        found = Extraction(text, note)
    return _paragraphs_if_fragment(tree, found, ev) if ev.kept else found


def _paragraphs_if_fragment(tree: HtmlElement, found: Extraction, ev: _Evidence) -> Extraction:
    """A fragment that neither pass completed: the body is the page's own paragraphs
    (trafilatura's baseline: article body, else the <p>s in page order) when they hold
    about the text the page shows in paragraphs, contain the fragment, and are at least
    PAGE_TEXT_EXTENDS times as long (WCXB: a fast pass that stopped at the first of a
    page's sections, the rest in sibling containers)."""
    n = len(found.text)
    if PAGE_TEXT_EXTENDS * n > PAGE_TEXT_SPAN[1] * ev.paragraphs:
        return found  # no text the size of the paragraphs can be that much longer
    from trafilatura import baseline

    text = baseline(tree)[1]
    low, high = PAGE_TEXT_SPAN
    if not (text and low * ev.paragraphs <= len(text) <= high * ev.paragraphs
            and len(text) >= PAGE_TEXT_EXTENDS * n and contained_share(found.text, text)
            >= PAGE_TEXT_CONTAINS):
        return found
    return Extraction(text, f"{found.note}; the page's paragraphs ({len(text)} characters) "
                      "taken instead")


def _judge_rescued(tree: HtmlElement, url: str | None, fast: str, ev: _Evidence) -> Extraction:
    """The main extractor found almost nothing and trafilatura's rescue gave `fast`: judged
    like any fast text, with a second, full run when the page shows it is a fragment."""
    n = len(fast)
    held = f"the page holds {ev.paragraphs} in paragraphs, {ev.page} in all"
    menu = menu_share(fast) >= MENU_SHARE
    complete = n >= FRAGMENT_OF_PARAGRAPHS * ev.paragraphs and n >= FRAGMENT_OF_PAGE * ev.page
    if complete and not menu:
        return _split_if_glued(tree, url, Extraction(
            fast, f"extraction: fast pass, rescued ({n} characters; {held})"))
    full = trafilatura.extract(tree, url=url, include_comments=False) or ""
    why = "a menu (short lines)" if menu else f"{n} characters ({held})"
    seen = f"the fast pass, rescued, found {why}; trafilatura's fallbacks found {len(full)}"
    if menu and full or (len(full) >= EXTENDS * n and full
                         and new_word_share(fast, full) >= NEW_WORDS_MIN):
        return Extraction(full, f"extraction: fallbacks ({seen}, used)")
    ev.kept = True
    return Extraction(fast, f"extraction: fast pass kept ({seen}, no completion)")


def _split_if_glued(tree: HtmlElement, url: str | None, found: Extraction) -> Extraction:
    """A rescued text in one line of GLUED_MIN_CHARS or more is a whole container read as
    one block (trafilatura's baseline), menus and credits glued to the body where no line
    rule can reach them. trafilatura's full run is taken instead when it gives the same text
    in paragraphs: several lines, SAME_TEXT_SHARE of the length, and SAME_TEXT_WORDS of its
    words in the rescued text (WCXB: 3 pages, F1 +0.01 to +0.06; a full run that keeps a
    tenth of the page, or one line again, is no split)."""
    text = found.text
    if len(text) < GLUED_MIN_CHARS or "\n" in text:
        return found
    full = trafilatura.extract(tree, url=url, include_comments=False) or ""
    if (full.count("\n") >= GLUED_SPLIT_LINES and len(full) >= SAME_TEXT_SHARE * len(text)
            and contained_share(full, text) >= SAME_TEXT_WORDS):
        return Extraction(full, f"{found.note}; one glued line, trafilatura's full run "
                          f"splits it ({full.count(chr(10)) + 1} lines, used)")
    return found


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


# htmldate's quick search (date markup, URL), then its extensive one (dates in the text) when
# the quick one finds nothing.
DATE_SEARCHES = (False, True)
# The extensive search ends, when the page's elements and text segments hold no date, with
# htmldate's search_page: regular expressions over the whole serialised page (copyright
# lines, years in links), 30 ms a call. On WCXB it decided 78 pages: 68 without a date in the
# truth (it returned copyright years as "2025-01-01"), 8 wrong, 2 right. Within cleaner's own
# runs it is skipped, and pagemeta reads the dates the markup prints instead.
_SKIP_PAGE_SEARCH: ContextVar[bool] = ContextVar("cleaner_skip_page_search", default=False)
_htmldate_search_page = htmldate_core.search_page


def _search_page_unless_cleaner(htmlstring: str, options):
    """Stands in for htmldate.core.search_page (htmldate as the pinned trafilatura pulls
    in): None on cleaner's own runs (see _SKIP_PAGE_SEARCH), the original for every other
    caller (trafilatura's own metadata, the baseline)."""
    if _SKIP_PAGE_SEARCH.get():
        return None
    return _htmldate_search_page(htmlstring, options)


htmldate_core.search_page = _search_page_unless_cleaner


@dataclass(frozen=True, slots=True)
class MarkupMeta:
    """What trafilatura's cheap metadata readers find in the page's markup."""

    author: str | None
    site_name: str | None
    date: str | None  # YYYY-MM-DD, htmldate's reading of the page's original date


def markup_metadata(tree: HtmlElement, url: str | None) -> MarkupMeta:
    """trafilatura.extract_metadata's author, site name and date, at a fraction of its cost:
    <meta> and JSON-LD first (1-4 ms a page); its DOM byline search (dom_author) only when
    they name no author, and htmldate's extensive text search (about 47 ms) only when the
    date markup holds none. Measured on WCXB: agreement with the truth as the full function's
    (README)."""
    # htmldate as trafilatura imports it: a dependency of the pinned trafilatura, not ours
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        find_date,
        set_date_params,
    )

    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:  # as trafilatura: one word is no name
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - malformed JSON-LD must not cost the page
        pass
    author = meta.author or dom_author(tree)
    date = None
    token = _SKIP_PAGE_SEARCH.set(True)
    try:
        for extensive in DATE_SEARCHES:
            try:
                date = find_date(tree, **{**set_date_params(extensive), "url": url})
            except Exception:  # noqa: BLE001 - a date is worth less than the page
                date = None
            if date:
                break
    finally:
        _SKIP_PAGE_SEARCH.reset(token)
    return MarkupMeta(author or None, meta.sitename or None, date)


# trafilatura.metadata.extract_author's selectors (xpaths.AUTHOR_XPATHS, in three groups
# tried in order, and AUTHOR_DISCARD_XPATHS, 2.3.1) read in one pass over the elements: its
# XPaths cost 6 ms each and it deep-copies the tree (20 ms a page in all). An unanchored
# re:test is a substring test, ^ a prefix test. Same author as extract_author on 891 of both
# benchmarks' 892 pages.
_G0_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_G0_CLASS = re.compile("author-?name|AuthorName|authorName")
_G1_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_G1_ID = re.compile("author|zuozhe|bianji|xiaobian")
_G1_CLASS = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|"
                       "journalist-name")
_G2_ID = re.compile("[Aa]uthor")
_G2_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile("^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|"
                            "embedly-instagram|article-(?:share|support)|print|category|"
                            "meta-date|meta-reviewer")


def _author_group(el: HtmlElement, tag: str) -> int | None:
    """Which of trafilatura's three author selectors takes el first, if any."""
    cls, idv, prop = el.get("class"), el.get("id"), el.get("itemprop")
    if tag == "author" or tag in _G0_TAGS and (
            el.get("rel") == "author" or idv == "author" or cls == "author"
            or prop == "author name" or el.get("data-testid") in ("AuthorCard", "AuthorURL")
            or cls is not None and _G0_CLASS.search(cls)):
        return 0
    in_prop = prop is not None and "author" in prop
    if tag in _G1_TAGS and (
            cls in ("byline", "username", "byl", "BBL") or in_prop
            or idv is not None and _G1_ID.search(idv)
            or cls is not None and _G1_CLASS.search(cls)):
        return 1
    comp = el.get("data-component")
    if (comp is not None and "Byline" in comp or in_prop
            or idv is not None and _G2_ID.search(idv)
            or cls is not None and _G2_CLASS.search(cls)):
        return 2
    return None


def _discarded(el: HtmlElement, tag: str) -> bool:
    if tag in ("time", "figure"):
        return True
    comp = el.get("data-component")
    if comp is not None and "Figure" in comp:
        return True
    if tag not in _DISCARD_TAGS:
        return False
    cls, idv = el.get("class"), el.get("id")
    return (idv == "comments" or cls in ("comments", "title", "date")
            or idv is not None and _DISCARD_ID.search(idv) is not None
            or cls is not None and _DISCARD_CLASS.search(cls) is not None)


def _text_outside(elem: HtmlElement, skip: set) -> str:
    """elem's text without the subtrees in skip (their tails kept, as trafilatura prunes)."""
    parts = [elem.text or ""]
    for child in elem:
        if child not in skip and isinstance(child.tag, str):
            parts.append(_text_outside(child, skip))
        parts.append(child.tail or "")
    return " ".join(parts)


# Every author selector needs one of these in the class or id, or one of the rarer attributes
# or an <author> tag: the elements that have none are passed over with a regular expression
# or two (most of a page), and the discards are only tested around the elements taken. A walk
# over the elements is faster here than an XPath that picks those with attributes (its
# results cost a Python object each): 0.9 against 1.4 ms a page on scrapinghub.
_ANY_GROUP_CLASS = re.compile("uthor|channel-name|zuozhe|bianji|xiaobian|submitted-by|"
                              "posted-by|journalist-name|screenname|writer|[Bb]yline|"
                              "^(?:username|byl|BBL)$")
_ANY_GROUP_ID = re.compile("uthor|zuozhe|bianji|xiaobian")
_RARE_ATTRIBUTES = frozenset({"itemprop", "rel", "data-testid", "data-component"})


def _author_candidates(tree: HtmlElement) -> Iterator[HtmlElement]:
    """In page order, the elements one of the author selectors might take (under every
    top-level element: a page can hold a second <html> after the first, which // reaches)."""
    tops = [*reversed(list(tree.itersiblings(preceding=True))), tree, *tree.itersiblings()]
    for el in (el for top in tops for el in top.iter()):
        keys = el.keys()
        if not keys:
            if el.tag == "author":
                yield el
            continue
        cls = el.get("class")
        if cls is not None and _ANY_GROUP_CLASS.search(cls):
            yield el
            continue
        idv = el.get("id")
        if (idv is not None and _ANY_GROUP_ID.search(idv) or el.tag == "author"
                or not _RARE_ATTRIBUTES.isdisjoint(keys)):
            yield el


def dom_author(tree: HtmlElement) -> str | None:
    """The byline trafilatura's extract_author finds, found the cheap way (see above): the
    elements a selector takes, in page order per group; one is passed over when it or an
    ancestor is discarded, and its text is read without its discarded descendants."""
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim

    groups: tuple[list, list, list] = ([], [], [])
    for el in _author_candidates(tree):
        group = _author_group(el, el.tag)
        if group is not None:
            groups[group].append(el)
    for group in groups:
        for elem in group:
            if _discarded(elem, elem.tag) or any(_discarded(a, a.tag)
                                                 for a in elem.iterancestors()):
                continue
            discard = {d for d in elem.iterdescendants() if isinstance(d.tag, str)
                       and _discarded(d, d.tag)}
            content = trim(_text_outside(elem, discard))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None
