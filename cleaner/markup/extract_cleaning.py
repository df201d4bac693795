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
from trafilatura.xml import delete_element

_TAGS = (".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script"
         "|.//style|.//svg|.//template")
_COOKIE_CONSENT_RE = (
    "cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|notice[-_]{0,2}cookie"
    "|consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr")
_COOKIE_CONSENT = re.compile(_COOKIE_CONSENT_RE, re.IGNORECASE)  # as EXSLT's re:test compiles it
# Every class and id value under the node (its own too: a superset does no harm), as plain
# strings: one search over them all, joined by a character the expression cannot match,
# says whether any element's class or id can match it.
_CLASSES_AND_IDS = etree.XPath(".//@class|.//@id", smart_strings=False)
_TAGS_ONLY = etree.XPath(_TAGS)
# Only while trafilatura's selector is the one this module was written against.
MATCHES_TRAFILATURA = settings.BASIC_CLEAN_XPATH.path == (
    f"{_TAGS}|.//*[re:test(@class, '{_COOKIE_CONSENT_RE}', 'i') or "
    f"re:test(@id, '{_COOKIE_CONSENT_RE}', 'i')]")


def basic_cleaning_quick(tree: HtmlElement) -> HtmlElement | None:
    """basic_cleaning's result on a page without a cookie-banner word in any class or id;
    None (the tree untouched) on any other page."""
    if not MATCHES_TRAFILATURA or _COOKIE_CONSENT.search("\n".join(_CLASSES_AND_IDS(tree))):
        return None
    for elem in _TAGS_ONLY(tree):
        delete_element(elem)
    return tree
