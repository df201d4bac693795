"""The page's metadata from its markup: canonical URL, site name, author, publication date.

Markup first, because it is what the publisher states for machines: the canonical link (or
og:url), og:site_name / JSON-LD publisher, author meta / JSON-LD author, and the date as
htmldate reads it. The date keeps its time and offset when the markup gives them for the same
day (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`); htmldate's day
decides, since it weighs every date on the page and prefers the original to the modified one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from cleaner.core.dates import read_date
from cleaner.markup.cards import declared_addresses, head_of
from cleaner.markup.markupmeta import markup_metadata

_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                   "pubdate", "publishdate", "date", "dc.date.issued", "dc.date")
_JSON_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
MAX_JSONLD_CHARS = 200_000  # a script larger than this is an app bundle, not metadata
# Elements whose class or id names a date; the first few only (later ones date cards and
# comments), and only when their whole text is short enough to be the date alone.
_DATE_NODES = etree.XPath("//body//*[contains(@class, 'date') or contains(@id, 'date')]")
DATE_NODES_MAX = 5
PRINTED_DATE_MAX_CHARS = 40


@dataclass(frozen=True, slots=True)
class PageMeta:
    canonical_url: str | None = None
    site_name: str | None = None
    author: str | None = None
    published: str | None = None


def canonical_url(tree: HtmlElement, url: str | None) -> str | None:
    """The canonical link, else og:url, made absolute against the page URL."""
    for value in declared_addresses(tree):
        if value.startswith(("http://", "https://")):
            return value
        if value and not value.startswith(("javascript:", "#", "data:")) and url:
            joined = urljoin(url, value)
            if joined.startswith(("http://", "https://")):
                return joined
    return None


def iso_timestamp(value: str) -> str | None:
    """An ISO 8601 date-time as the markup gives it, normalised; None when it is not one."""
    value = value.strip().replace("Z", "+00:00")
    if len(value) < 16 or value[4] != "-" or "T" not in value and " " not in value[10:11]:
        return None
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return None
    return stamp.isoformat()


def markup_timestamps(tree: HtmlElement) -> list[str]:
    """Publication date-times stated in meta tags, JSON-LD and <time datetime>, in that
    order of trust."""
    found = []
    head = head_of(tree)
    for meta in head.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and meta.get("content"):
            found.append(meta.get("content"))
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        text = script.text or ""
        if len(text) <= MAX_JSONLD_CHARS:
            found += _JSON_DATE.findall(text)
    for node in tree.iterfind(".//time[@datetime]"):
        found.append(node.get("datetime"))
        break  # the first <time> is the article's; later ones date comments and cards
    return [s for s in (iso_timestamp(v) for v in found) if s]


def published(tree: HtmlElement, day: str | None) -> str | None:
    """htmldate's day, with the markup's time and offset when the markup states that day."""
    stamps = markup_timestamps(tree)
    if day is None:
        return stamps[0] if stamps else None
    return next((s for s in stamps if s.startswith(day)), day)


def printed_date(tree: HtmlElement) -> str | None:
    """A publication date the markup prints for people rather than machines: a <meta> named
    for publication whose content is a printed date ("July 17, 2025"), else the first
    element whose class or id names a date and whose whole text is one ("OCTOBER 13, 2025").
    Read only when htmldate found no date; it stands in for htmldate's page-wide pattern
    search (extract._SKIP_PAGE_SEARCH). Only dates read for sure (dates.read_date)."""
    for meta in head_of(tree).iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if "publish" in key and (found := read_date(meta.get("content"))):
            return found
    for node in _DATE_NODES(tree)[:DATE_NODES_MAX]:
        text = " ".join(node.text_content().split())
        if len(text) <= PRINTED_DATE_MAX_CHARS and (found := read_date(text)):
            return found
    return None


def read_page_meta(tree: HtmlElement, url: str | None) -> PageMeta:
    """The page's metadata; read before any node is dropped (bylines sit in page chrome)."""
    found = markup_metadata(tree, url)
    return PageMeta(canonical_url(tree, url), found.site_name, found.author,
                    published(tree, found.date) or printed_date(tree))


__all__ = ["PageMeta", "canonical_url", "iso_timestamp", "read_page_meta"]
