"""DOM drops: noise nodes removed from the parsed page before extraction, each removal
recorded with its rule, and a guard that backs off when the rules would gut the page.

The guard mirrors trafilatura's own sanity threshold: when what is left would be under 1/7 of
the page's text, a rule is matching the article container rather than noise around it (a
template change on the site, or a generic selector that met an unusual page).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from cleaner.core.records import Removal
from cleaner.rulebook.model import DomDrop, DomSection

log = logging.getLogger(__name__)
# Keep at least this share of the page's visible text; 1/7 is trafilatura's own threshold
# for "the cleaned tree lost too much" (MIN_EXTRACTED_SIZE comparisons in its core).
KEEP_AT_LEAST = 1 / 7
# A removal's text is stored up to this length: enough to recognise it in `explain`.
REMOVAL_TEXT_MAX = 300
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})
_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


def visible_len(node: HtmlElement) -> int:
    """Characters of text a reader would see under node (scripts and styles do not count)."""
    total = 0
    for el in node.iter():
        if el.tag in INVISIBLE_TAGS or not isinstance(el.tag, str):
            total += len(el.tail.strip()) if el.tail and el is not node else 0
            continue
        if el.text:
            total += len(el.text.strip())
        if el.tail and el is not node:
            total += len(el.tail.strip())
    return total


def _shows_text(el: HtmlElement) -> bool:
    """Whether visible_len counts el's own text (its tail counts in any case)."""
    return isinstance(el.tag, str) and el.tag not in INVISIBLE_TAGS


def _visible_around(root: HtmlElement, body: HtmlElement) -> tuple[int, int]:
    """visible_len(root) and visible_len(body), for body a child of root, in one walk."""
    inside = visible_len(body)
    total = len(root.text.strip()) if root.text and _shows_text(root) else 0
    for child in root:
        total += inside if child is body else visible_len(child)
        total += len(child.tail.strip()) if child.tail else 0
    return total, inside


def dropped_len(node: HtmlElement, length: int) -> int:
    """How much visible_len of the page falls when node, of visible_len `length`, is dropped:
    its subtree goes and its tail joins the previous sibling's tail or the parent's text, as
    drop_tree joins them (two stripped lengths become one)."""
    fall = length
    tail = node.tail
    if tail:
        previous = node.getprevious()
        if previous is not None:
            before, counted = previous.tail or "", True
        else:
            parent = node.getparent()
            before, counted = parent.text or "", _shows_text(parent)
        fall += len(tail.strip())
        if counted:
            fall -= len((before + tail).strip()) - len(before.strip())
    return fall


def visible_text(node: HtmlElement) -> str:
    parts = []
    for el in node.iter():
        if isinstance(el.tag, str) and el.tag not in INVISIBLE_TAGS and el.text:
            parts.append(el.text)
        if el.tail and el is not node:
            parts.append(el.tail)
    return squash(" ".join(parts))


def _inside(node: HtmlElement, chosen: set[HtmlElement]) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent in chosen:
            return True
        parent = parent.getparent()
    return False


@dataclass(frozen=True, slots=True)
class Planned:
    node: HtmlElement
    category: str
    rule: str
    length: int


@lru_cache(maxsize=1024)
def compiled(xpath: str) -> etree.XPath:
    """Selectors compile once per process, not once per page."""
    return etree.XPath(xpath, regexp=False)  # no EXSLT regex: it runs on Python's re


def plan_drops(root: HtmlElement, rules: Iterable[DomDrop]) -> list[Planned]:
    """Every node the rules select, in rule order, each node once; nothing is removed yet."""
    chosen: dict[HtmlElement, Planned] = {}
    for rule in rules:
        for node in compiled(rule.xpath)(root):
            if not isinstance(node, HtmlElement) or node in chosen or node.getparent() is None:
                continue
            if node.tag in ("html", "body"):
                continue
            chosen[node] = Planned(node, rule.category, rule.id, visible_len(node))
    return list(chosen.values())


def plan_sections(root: HtmlElement, sections: Iterable[DomSection]) -> list[Planned]:
    """For each start node, it and its following siblings up to the first that matches the
    rule's stop (or the parent's end): a block under a heading, whatever its markup."""
    planned: list[Planned] = []
    for rule in sections:
        stops = set(compiled(rule.stop_xpath)(root)) if rule.stop_xpath else set()
        for start in compiled(rule.start_xpath)(root):
            if not isinstance(start, HtmlElement) or start.getparent() is None:
                continue
            run = [start]
            for sib in start.itersiblings():
                if sib in stops:
                    break
                run.append(sib)
            planned += [Planned(n, rule.category, rule.id, visible_len(n)) for n in run
                        if isinstance(n.tag, str)]
    return planned


def outermost(planned: list[Planned]) -> list[Planned]:
    """Drop plans inside another plan: removing the outer node removes them."""
    keys = {p.node for p in planned}
    return [p for p in planned if not _inside(p.node, keys)]


def guard(planned: list[Planned], total: int) -> tuple[list[Planned], list[str]]:
    """Take the rules in order while the page keeps at least KEEP_AT_LEAST of its text; a rule
    that would cross that line is skipped whole (its nodes stay) and named in a note."""
    budget = total * (1 - KEEP_AT_LEAST)
    by_rule: dict[str, list[Planned]] = {}
    for p in planned:
        by_rule.setdefault(p.rule, []).append(p)
    kept: list[Planned] = []
    notes: list[str] = []
    used = 0
    for rule, group in by_rule.items():
        taken = {p.node for p in kept}
        group = [p for p in group if not _inside(p.node, taken)]
        size = sum(p.length for p in group)
        if size and used + size > budget:
            notes.append(f"over-pruning guard: dom rule {rule} would leave under "
                         f"{KEEP_AT_LEAST:.0%} of the page text; not applied")
            log.info("%s", notes[-1])
            continue
        used += size
        kept.extend(group)
    return outermost(kept), notes


def remove(node: HtmlElement) -> None:
    """Detach node but keep its tail text, which belongs to the parent."""
    node.drop_tree()


def _apply_counted(planned: list[Planned]) -> tuple[list[Removal], int]:
    """The drops applied, and how much visible text they took from the page (dropped_len)."""
    removed, fall = [], 0
    for p in planned:
        text = visible_text(p.node)
        if text:
            removed.append(Removal(text[:REMOVAL_TEXT_MAX], p.category, p.rule))
        fall += dropped_len(p.node, p.length)
        remove(p.node)
    return removed, fall


def apply_drops(root: HtmlElement, planned: list[Planned]) -> list[Removal]:
    return _apply_counted(planned)[0]


@dataclass(frozen=True, slots=True)
class Pruned:
    """What the drops removed, the guard's notes, and visible_len of the page after them
    (None when nothing was planned: the page was not measured)."""

    removed: list[Removal]
    notes: list[str]
    visible: int | None = None


def prune(root: HtmlElement, rules: Iterable[DomDrop], extra: Iterable[Planned] = (),
          sections: Iterable[DomSection] = ()) -> Pruned:
    """Plan, guard and apply the drops; `extra` are nodes already chosen (read cards). The
    page is measured once, before the drops (the guard's total is its body's share), and
    what each drop takes is subtracted: the extraction's evidence needs the page's visible
    text after them, and a second walk over the page cost 0.4 ms."""
    planned = list(extra) + plan_sections(root, sections) + plan_drops(root, rules)
    if not planned:
        return Pruned([], [])
    body = root.find("body")
    if body is None:
        page = total = visible_len(root)
    else:
        page, total = _visible_around(root, body)
    kept, notes = guard(planned, total)
    removed, fall = _apply_counted(kept)
    return Pruned(removed, notes, page - fall)


def drop_noise(root: HtmlElement, rules: Iterable[DomDrop], extra: Iterable[Planned] = (),
               sections: Iterable[DomSection] = ()) -> tuple[list[Removal], list[str]]:
    """Plan, guard and apply the drops (prune, without the page's measure)."""
    pruned = prune(root, rules, extra, sections)
    return pruned.removed, pruned.notes
