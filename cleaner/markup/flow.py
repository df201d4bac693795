"""The HTML path: from markup to the text the line stages read.

Only this package (flow, dom, cards, extract, pagemeta) knows about markup. Its stages are
the `html` ones of `cleaner.core.stages.STAGES`, in that order, each on the one tree parsed
here; trafilatura runs its fast pass, and its fallbacks when the page shows the fast text is
a fragment (extract.extract_main).

The text that comes out has one paragraph per line, like the aggregator dumps the text path
was built on, so the same line rules apply to both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from cleaner.core.errors import InputError
from cleaner.core.lines import TITLE_MAX_CHARS, normalize
from cleaner.core.records import Related, Removal
from cleaner.markup.cards import head_of, page_url, read_cards
from cleaner.markup.dom import prune, squash
from cleaner.markup.extract import extract_main, parse_html_checked
from cleaner.rulebook.model import Active

H1_SCAN = 5  # h1s looked at: a page with more uses h1 for every card title
HEADLINE_MIN_WORDS = 3  # "Home | Site" is not a headline; "Bees can count | Site" is
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+(?=[^|–—-]+$)")  # the last " | " or " - "


@dataclass(frozen=True, slots=True)
class Page:
    """A parsed page and the address it declares for itself (canonical or og:url)."""

    tree: HtmlElement
    declared_url: str | None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    related: tuple[Related, ...] = ()
    removed: tuple[Removal, ...] = ()
    notes: tuple[str, ...] = ()
    title: str | None = None


def parse_page(html: str, name: str, utf8: bytes | None = None) -> Page:
    """Parse once; raise InputError naming the input when it is not usable HTML. `utf8`:
    the page's UTF-8 bytes, when the decoding made them (read faster than the str)."""
    tree, notes = parse_html_checked(html, utf8)
    if tree is None:
        raise InputError(f"{name}: cannot parse the HTML (no elements, or nested too deep)")
    return Page(tree, page_url(tree), notes)


def page_title(tree: HtmlElement) -> str | None:
    """The headline, from markup because trafilatura's text leaves it out. An <h1> wins when
    og:title or <title> agrees with it (the first h1 is often the site's logo); otherwise
    og:title, then <title>, then the first h1."""
    h1s = [squash(h.text_content()) for h in tree.iterfind(".//h1")][:H1_SCAN]
    head = head_of(tree)
    metas = [squash(v) for v in head.xpath(".//meta[@property='og:title']/@content")][:1]
    metas += [squash(t.text_content()) for t in head.iterfind(".//title")][:1]
    metas = [strip_site_name(m) for m in metas if m]
    for h in h1s:
        if h and any(normalize(h) in normalize(m) for m in metas):
            return h if len(h) <= TITLE_MAX_CHARS else None
    return next((c for c in metas + h1s[:1] if c and len(c) <= TITLE_MAX_CHARS), None)


def strip_site_name(title: str) -> str:
    """"Headline | Site" -> "Headline", when what is left still reads as a headline."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1 and len(parts[0].split()) >= HEADLINE_MIN_WORDS:
        return parts[0]
    return title


def html_to_text(page: Page, url: str | None, active: Active) -> Extracted:
    tree, url = page.tree, url or page.declared_url
    title = page_title(tree)
    related, card_nodes = read_cards(tree, active.dom_cards, url)
    pruned = prune(tree, active.dom_drop, card_nodes, active.dom_sections)
    # the caller reads the tree no more; the drops measured what the page shows after them
    main = extract_main(tree, url, consume=True, visible=pruned.visible)
    return Extracted(main.text, tuple(related), tuple(pruned.removed),
                     (*pruned.notes, main.note), title)
