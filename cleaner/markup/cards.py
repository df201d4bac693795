"""Related-article cards read from markup by rule selectors, before any node is dropped.

A card is an item node plus one relative selector per field. URLs come out absolute: relative
hrefs are joined with the page's base (<base href>, else the canonical URL, else og:url, else
the URL the page was fetched from), because a relative link is useless outside the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import urljoin

from lxml.html import HtmlElement

from cleaner.core.records import Related
from cleaner.markup.dom import Planned, compiled, squash, visible_len, visible_text
from cleaner.rulebook.model import DomCards

TITLE_MAX_CHARS = 300  # a card title longer than this is a teaser the selector caught


def head_of(root: HtmlElement) -> HtmlElement:
    """Where <link>, <meta>, <base> and <title> live (the parser puts them in <head>); the
    whole page when there is no head."""
    head = root.find("head")
    return head if head is not None else root


def declared_addresses(root: HtmlElement) -> Iterator[str]:
    """The addresses a page declares for itself, as written: canonical links, then og:url."""
    scope = head_of(root)
    for xp in (".//link[@rel='canonical']/@href", ".//meta[@property='og:url']/@content"):
        for value in scope.xpath(xp):
            yield value.strip()


def page_url(root: HtmlElement) -> str | None:
    """The page's own address as it declares it: canonical link, then og:url."""
    return next((v for v in declared_addresses(root) if v.startswith(("http://", "https://"))),
                None)


def base_url(root: HtmlElement, url: str | None) -> str | None:
    """What relative links resolve against: <base href> joined with the page URL."""
    page = url or page_url(root)
    for href in head_of(root).xpath(".//base/@href"):
        if href.strip():
            return urljoin(page or "", str(href).strip())
    return page


def _field(item: HtmlElement, xpath: str, name: str) -> HtmlElement | str | None:
    found = compiled(xpath)(item)
    return found[0] if found else None


def _text(node: HtmlElement | str | None) -> str | None:
    if node is None:
        return None
    text = squash(node) if isinstance(node, str) else visible_text(node)
    return text or None


def _url(node: HtmlElement | str | None, base: str | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, str):
        href = node.strip()
    else:
        href = (node.get("href") or "").strip()
        if not href:
            inner = node.find(".//a[@href]")
            href = (inner.get("href") or "").strip() if inner is not None else ""
    if not href or href.startswith(("javascript:", "#", "mailto:")):
        return None
    return urljoin(base or "", href)


def _published(node: HtmlElement | str | None) -> str | None:
    if isinstance(node, HtmlElement) and (stamp := node.get("datetime")):
        return str(stamp).strip()
    return _text(node)


def _card(item: HtmlElement, rule: DomCards, base: str | None) -> Related | None:
    got = {name: _field(item, xp, name) for name, xp in rule.fields}
    title = _text(got.get("title"))
    if not title or len(title) > TITLE_MAX_CHARS:
        return None
    return Related(title=title, source=_text(got.get("source")) or rule.source,
                   published=_published(got.get("published")),
                   url=_url(got.get("url", item), base), teaser=_text(got.get("teaser")))


def read_cards(root: HtmlElement, rules: Iterable[DomCards],
               url: str | None) -> tuple[list[Related], list[Planned]]:
    """Cards in document order per rule; the nodes a rule marks `drop` (its items, or its
    container when it names one) come back planned for removal so the extractor never sees
    them."""
    base = base_url(root, url)
    related: list[Related] = []
    seen: set[tuple[str, str | None]] = set()
    planned: list[Planned] = []
    for rule in rules:
        containers = compiled(rule.container_xpath)(root) if rule.container_xpath else [root]
        for container in containers:
            if not isinstance(container, HtmlElement):
                continue
            items = [i for i in compiled(rule.item_xpath)(container) if isinstance(i, HtmlElement)]
            for item in items:
                card = _card(item, rule, base)
                if card and (card.title, card.url) not in seen:
                    seen.add((card.title, card.url))
                    related.append(card)
            # with a container, its heading and chrome go with the cards
            drop = [container] if rule.container_xpath and items else items
            if rule.drop:
                planned += [Planned(n, rule.category, rule.id, visible_len(n)) for n in drop]
    return related, planned
