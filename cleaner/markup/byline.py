"""The byline trafilatura's extract_author finds, found by one walk over the page's elements.

Why this is its own module: trafilatura's author search is a list of XPath selectors in
three groups and a list of discards, 20 ms a page with its deep copy of the tree; the
metadata reader (markupmeta) needs the same answer when the page's <meta> and JSON-LD name
no author, at a fraction of the cost. The selectors are re-read here as attribute tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import HtmlElement

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


def _text_outside(elem: HtmlElement, skip: set[HtmlElement]) -> str:
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

    groups: tuple[list[HtmlElement], ...] = ([], [], [])
    for el in _author_candidates(tree):
        taken_by = _author_group(el, el.tag)
        if taken_by is not None:
            groups[taken_by].append(el)
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
