"""trafilatura's basic cleaning (pinned 2.3.1: baseline.basic_cleaning), the same nodes found
faster, for extract's own runs.

Its selector (settings.BASIC_CLEAN_XPATH) tests every element's class and id with an EXSLT
regular expression for cookie banners, which calls back into Python for each element: 2-4 ms
a page, paid on every page whose text is under 3,000 characters (trafilatura measures the
page's text with it before its recall retry). Here the page's class and id values are
searched first, all at once, with the same expression in Python; on a page where it matches
none, the rest of the selector, without the regular expression, finds the same nodes in the
same order. A page where it matches gets trafilatura's own selector.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import settings
from trafilatura.baseline import _BLOCK_ELEMS
from trafilatura.utils import remove_control_characters
from trafilatura.xml import delete_element

_TAGS = (".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script"
         "|.//style|.//svg|.//template")
_COOKIE_CONSENT_RE = (
    "cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|notice[-_]{0,2}cookie"
    "|consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr")
_COOKIE_CONSENT = re.compile(_COOKIE_CONSENT_RE, re.IGNORECASE)  # as EXSLT's re:test compiles it
# Every alternative of the expression holds one of these words: on ASCII values (where
# ignoring case is comparing lower case) a page without any of them cannot match, and the
# case-blind search itself (1 ms a page) is left out.
_COOKIE_WORDS = ("cookie", "consent", "borlabs", "cmplz", "onetrust", "moove")
# Every class and id value under the node (its own too: a superset does no harm), as plain
# strings: one search over them all, joined by a character the expression cannot match,
# says whether any element's class or id can match it.
_CLASSES_AND_IDS = etree.XPath(".//@class|.//@id", smart_strings=False)
_TAGS_ONLY = etree.XPath(_TAGS)
# Only while trafilatura's selector is the one this module was written against.
MATCHES_TRAFILATURA = settings.BASIC_CLEAN_XPATH.path == (
    f"{_TAGS}|.//*[re:test(@class, '{_COOKIE_CONSENT_RE}', 'i') or "
    f"re:test(@id, '{_COOKIE_CONSENT_RE}', 'i')]")


def names_cookie_banner(values: str) -> bool:
    """Whether the cookie-banner expression matches somewhere in values (see _COOKIE_WORDS)."""
    if values.isascii():
        low = values.lower()
        if not any(word in low for word in _COOKIE_WORDS):
            return False
    return _COOKIE_CONSENT.search(values) is not None


def basic_cleaning_quick(tree: HtmlElement) -> HtmlElement | None:
    """basic_cleaning's result on a page without a cookie-banner word in any class or id;
    None (the tree untouched) on any other page."""
    if not MATCHES_TRAFILATURA or names_cookie_banner("\n".join(_CLASSES_AND_IDS(tree))):
        return None
    for elem in _TAGS_ONLY(tree):
        delete_element(elem)
    return tree


# What _TAGS selects, element by element: these tags, and a div whose class or id (the first
# of the two in the tag, as XPath takes a node-set's string) holds "footer".
_TAGS_GONE = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})
MATCHES_TAGS = _TAGS == (".//" + "|.//".join(sorted({*_TAGS_GONE, "div[contains(@class|@id, "
                                                                  "'footer')]"})))


def _quick_gone(el: HtmlElement) -> bool:
    """Whether _TAGS selects el (below the node it is evaluated on)."""
    tag = el.tag
    if tag in _TAGS_GONE:
        return True
    if tag == "div":
        for key, value in el.items():
            if key in ("class", "id"):
                return "footer" in value
    return False


def _joins_spaced(node: HtmlElement) -> bool:
    """Whether a deleted node's tail lands in a block element's spaced text: delete_element
    joins it to the previous sibling still there (its tail), else to the parent (its text)."""
    previous = node.getprevious()
    while previous is not None and _quick_gone(previous):
        previous = previous.getprevious()
    target = node.getparent() if previous is None else previous
    return target is not None and isinstance(target.tag, str) and target.tag in _BLOCK_ELEMS


def html2txt_in_place(tree: HtmlElement) -> str | None:
    """trafilatura.baseline.html2txt(tree) for a tree (pinned 2.3.1), read without copying
    the tree: the text its basic cleaning and block spacing would leave, in document order.
    Deleted nodes are skipped and their tails kept where delete_element joins them (with
    the control characters removed when that is a block element's spaced text, as
    _spaced_text then removes them); block elements' text and tail get their leading space.
    None (read it trafilatura's way) when the page has no <body> or its cleaning is not the
    quick one (a cookie-banner class or id)."""
    body = tree.find(".//body")
    if (body is None or not (MATCHES_TRAFILATURA and MATCHES_TAGS)
            or names_cookie_banner("\n".join(_CLASSES_AND_IDS(body)))):
        return None
    parts: list[str] = []
    walk = etree.iterwalk(body, events=("start", "end"))
    for event, el in walk:
        tag = el.tag
        if event == "start":
            if el is not body and _quick_gone(el):
                walk.skip_subtree()
            elif not isinstance(tag, str):
                continue
            elif tag in _BLOCK_ELEMS:
                parts.append(f" {remove_control_characters(el.text)}" if el.text else " ")
            elif el.text:
                parts.append(el.text)
        elif el is not body:
            tail = el.tail
            if _quick_gone(el):
                if tail:
                    parts.append(remove_control_characters(tail) if _joins_spaced(el) else tail)
            elif isinstance(tag, str) and tag in _BLOCK_ELEMS:
                parts.append(f" {remove_control_characters(tail)}" if tail else " ")
            elif tail:
                parts.append(tail)
    return " ".join("".join(parts).split())
