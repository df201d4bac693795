"""`cleaner rules learn`: propose a site's rules from what repeats across its pages.

A template prints the same chrome on every page and a different article on each, so a line
that occurs on many of one site's pages is boilerplate and a line on one page only is the
article (the cross-page filter of C4/CCNet/Dolma, here turned into rules a maintainer can
read). Lines are compared normalised (lower-case, digits to 0, punctuation dropped), and a
relative time or date is generalised first, so "34 minutes ago" and "time2 hours ago" count
as one line. The output is YAML to paste into rules/<site>.yaml; nothing is applied.

What it proposes:
- lines: frequent lines, outside the blocks below, unless a rule already removes them;
- sections: a frequent heading after the article followed by varying lines (comments), to
  the next frequent line; and a run of frequent lines that ends the page (an app footer);
- related: a time/date line that repeats within pages after a frequent heading is a card
  anchor; the heading starts the list and the next frequent line after the cards stops it.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from cleaner.authoring.learn_pages import (
    MAX_HEADING_CHARS,
    Page,
    Shape,
    Shaper,
    generic_macros,
    read_pages,
)
from cleaner.authoring.learn_rules import RuleIds, category_of, regex_for
from cleaner.authoring.proposal import (
    CardsProposal,
    LineProposal,
    Proposal,
    SectionProposal,
)
from cleaner.core.errors import InputError
from cleaner.core.lines import is_paragraph
from cleaner.rulebook.model import RuleSet

log = logging.getLogger(__name__)

# A line is boilerplate when it occurs on at least MIN_PAGES pages and on MIN_SHARE of them.
# Set on synthetic Daily8-like corpora: related-card sources drawn from ~8 outlets reach 20-25%
# of pages, chrome lines 70-100%; 30% keeps the first out and the second in.
MIN_PAGES = 3
MIN_SHARE = 0.3
# A heading counts as "after the article" when it follows the body on this share of pages.
AFTER_BODY_SHARE = 0.8
# A heading opens a section when varying lines follow it on this share of its pages.
SECTION_VARIABLE_SHARE = 0.2
# A time line is a card anchor when it occurs twice or more on this share of its pages.
ANCHOR_SHARE = 0.5
MAX_EXAMPLES = 3
SLOT_MIN_WORDS, SLOT_MAX_WORDS = 2, 4  # a chrome label, not a sentence or a headline

_BULLET = re.compile(r"^[-•·*]\s*\S")


def site_name(domain: str) -> str:
    """The rule id prefix for a host: "www.daily-8.com" -> "daily-8"."""
    host = domain.lower().split("//")[-1].split("/")[0]
    host = host.removeprefix("www.").removeprefix("*.")
    return re.sub(r"[^a-z0-9]+", "-", host.rsplit(".", 1)[0] if "." in host else host).strip("-")


def _body_span(page: Page, frequent: set[Shape]) -> tuple[int, int]:
    """The run of non-frequent lines with the most paragraphs (then characters): the
    article. A related card's teaser can be long, but a card holds one paragraph and the
    article several; frequent lines (card anchors, chrome) break runs."""
    best, best_score, start, score = (0, 0), (0, 0), 0, (0, 0)
    for i, (text, shape) in enumerate(zip(page.texts, page.shapes)):
        if shape in frequent:
            start, score = i + 1, (0, 0)
            continue
        score = (score[0] + is_paragraph(text), score[1] + len(text))
        if score > best_score:
            best, best_score = (start, i + 1), score
    return best


def _most_common(values: list[Any]) -> tuple[Any, int]:
    if not values:
        return None, 0
    return Counter(values).most_common(1)[0]


def _merge_slots(pages: list[Page], threshold: int) -> None:
    """Short lines that differ in one word ("Orange background", "Blue background") become
    one shape with a slot, when the slotted form reaches the threshold in its own right.
    Sentences are left alone: only lines of SLOT_MIN_WORDS to SLOT_MAX_WORDS words. A slot
    needs two variants, and the pages of the slotted form must reach the threshold."""
    slots: dict[tuple[str, int], set[str]] = defaultdict(set)
    where: dict[tuple[str, int], set[int]] = defaultdict(set)
    for pi, page in enumerate(pages):
        for shape in set(page.shapes):
            words = shape.key.split()
            if shape.kind != "line" or not SLOT_MIN_WORDS <= len(words) <= SLOT_MAX_WORDS:
                continue
            for k in range(len(words)):
                key = (" ".join(words[:k] + ["<w>"] + words[k + 1:]), k)
                slots[key].add(words[k])
                where[key].add(pi)
    good = {key for key in slots if len(where[key]) >= threshold and len(slots[key]) >= 2}
    for page in pages:
        for i, shape in enumerate(page.shapes):
            words = shape.key.split()
            if shape.kind != "line" or not SLOT_MIN_WORDS <= len(words) <= SLOT_MAX_WORDS:
                continue
            for k in range(len(words)):
                key = (" ".join(words[:k] + ["<w>"] + words[k + 1:]), k)
                if key in good:
                    page.shapes[i] = Shape("slot", key[0], str(k))
                    break


def learn(directory: Path, domain: str, ruleset: RuleSet, min_pages: int = MIN_PAGES,
          rules_dir: Path | None = None, fresh: bool = False) -> Proposal:
    """Read every page under directory and propose rules; never writes or applies them.

    The site's own rules, if it has any, run first, so only what they miss is proposed;
    `fresh` ignores them and starts from the generic rules alone."""
    if not directory.exists():
        raise InputError(f"{directory}: no such file or folder (give a folder of the site's "
                         "pages)")
    existing = ruleset.detect(f"https://{domain.removeprefix('*.')}/", "")
    if fresh:
        ruleset = RuleSet(ruleset.generic, ())
    shaper = Shaper(generic_macros(rules_dir))
    pages, skipped = read_pages(directory, domain, ruleset, shaper)
    if not pages:
        raise InputError(f"{directory}: no readable page (.txt, .html, .jsonl and the like)"
                         + (f"; skipped: {'; '.join(skipped[:3])}" if skipped else ""))
    site = existing.name if existing else site_name(domain)  # the host's owner keeps its name
    n = len(pages)
    threshold = max(min_pages, math.ceil(MIN_SHARE * n)) if n else min_pages
    _merge_slots(pages, threshold)
    page_count: Counter[Shape] = Counter()
    for page in pages:
        page_count.update(set(page.shapes))
    frequent = {s for s, c in page_count.items() if c >= threshold}
    for page in pages:
        page.body = _body_span(page, frequent)
    ids = RuleIds(site, {rid for s in (ruleset.generic, *ruleset.sites)
                         for rid in s.all_rule_ids()})
    covered: dict[int, set[int]] = defaultdict(set)  # page index -> line indexes in a block
    related = _cards(pages, frequent, threshold, shaper, ids, covered)
    blocks = {r.id for site_ in (ruleset.generic, *ruleset.sites)
              for r in (*site_.sections, *site_.related)}
    sections = _sections(pages, frequent, threshold, shaper, ids, covered, blocks)
    lines, handled = _lines(pages, frequent, threshold, shaper, ids, covered)
    return Proposal(site, domain, n, threshold, tuple(lines), tuple(sections), tuple(related),
                    tuple(handled), tuple(skipped),
                    existing.file if existing and not fresh else None)


def _heading(page: Page, i: int, frequent: set[Shape]) -> bool:
    return (page.shapes[i].kind == "line" and page.shapes[i] in frequent
            and len(page.texts[i]) <= MAX_HEADING_CHARS)


def _cards(pages: list[Page], frequent: set[Shape], threshold: int, shaper: Shaper,
           ids: RuleIds, covered: dict[int, set[int]]) -> list[CardsProposal]:
    anchor = Shape("time", "<time>")
    internal: set[Shape] = set()  # lines seen between two anchors: parts of cards
    for page in pages:
        idx = [i for i, s in enumerate(page.shapes) if s == anchor]
        if len(idx) >= 2:
            internal.update(page.shapes[idx[0] + 1: idx[-1]])
    with_anchor = [p for p in pages if p.shapes.count(anchor) >= 2]
    if anchor not in frequent or len(with_anchor) < ANCHOR_SHARE * page_count_of(pages, anchor):
        return []
    starts: list[Shape] = []
    stops: list[Shape | None] = []
    labels: set[str] = set()
    examples: list[str] = []
    bullets, after_anchor = 0, 0
    for pi, page in enumerate(pages):
        idx = [i for i, s in enumerate(page.shapes) if s == anchor and i >= page.body[1]]
        if len(idx) < 2:
            continue
        labels.update(page.shapes[i].label for i in idx)
        # The list's heading is the nearest heading before the first anchor that is not a
        # card's own line (an outlet name that repeats: it shows up between anchors).
        heads = [j for j in range(page.body[1], idx[0]) if _heading(page, j, frequent)
                 and page.shapes[j] not in internal]
        head = max(heads, default=None)
        for i in idx:
            after_anchor += 1
            bullets += i + 1 < len(page.texts) and bool(_BULLET.match(page.texts[i + 1]))
        last = idx[-1] + 1
        tails = [j for j in range(last, len(page.texts)) if _heading(page, j, frequent)
                 and page.shapes[j] not in internal]
        stop = min(tails, default=None)
        if head is None:
            continue
        starts.append(page.shapes[head])
        stops.append(page.shapes[stop] if stop is not None else None)
        covered[pi].update(range(head, stop if stop is not None else len(page.texts)))
        if len(examples) < MAX_EXAMPLES:
            examples.append(" / ".join(page.texts[i] for i in idx[:2]))
    start, count = _most_common(starts)
    if start is None or count < threshold or _handled(pages, start):
        return []
    stop, _ = _most_common(stops)
    with_source = bullets >= ANCHOR_SHARE * after_anchor
    after = ("source", "title", "teaser") if with_source else ("title", "teaser")
    text_of = _texts_by_shape(pages)
    return [CardsProposal(
        ids(f"{text_of[start][0]} cards"), regex_for(text_of[start], start, shaper),
        regex_for(text_of[stop], stop, shaper) if stop else None,
        regex_for([], anchor, shaper, labels), after,
        "^[-•·*]\\s*(?P<source>.+)$" if with_source else None, count, tuple(examples))]


def _handled(pages: list[Page], shape: Shape) -> bool:
    """Every occurrence is already removed by an existing rule: nothing new to propose."""
    hits = [p.handled[i] for p in pages for i, s in enumerate(p.shapes) if s == shape]
    return bool(hits) and all(hits)


def _spans_handled(pages: list[Page], spans: list[tuple[int, int, int]],
                   blocks: set[str]) -> bool:
    """Every block's heading is already taken by an existing section or related rule (line
    rules alone miss a block's varying lines), and every other line by some rule."""
    return all(pages[pi].handled[i] in blocks and all(pages[pi].handled[i:j])
               for pi, i, j in spans)


def page_count_of(pages: list[Page], shape: Shape) -> int:
    return sum(shape in p.shapes for p in pages)


def _texts_by_shape(pages: list[Page]) -> dict[Shape, list[str]]:
    out: dict[Shape, list[str]] = defaultdict(list)
    for page in pages:
        for text, shape in zip(page.texts, page.shapes):
            out[shape].append(text)
    return out


def _sections(pages: list[Page], frequent: set[Shape], threshold: int, shaper: Shaper,
              ids: RuleIds, covered: dict[int, set[int]], blocks: set[str]
              ) -> list[SectionProposal]:
    """Headings after the article that open varying content, and the page's closing run."""
    text_of = _texts_by_shape(pages)
    after_body: Counter[Shape] = Counter()
    variable: Counter[Shape] = Counter()
    stops: dict[Shape, list[Shape | None]] = defaultdict(list)
    spans: dict[Shape, list[tuple[int, int, int]]] = defaultdict(list)
    tails: list[tuple[Shape, int, int]] = []
    for pi, page in enumerate(pages):
        n = len(page.texts)
        widget_end = 0
        for i in range(page.body[1], n):
            if i in covered[pi] or i < widget_end or not _heading(page, i, frequent):
                continue
            after_body[page.shapes[i]] += 1
            j = i + 1
            if category_of(page.texts[i]) == "comment":
                # A comment widget: its thread varies even where the samples show none
                # ("No comments yet..."), so it runs to the next heading not part of it.
                while j < n and not (_heading(page, j, frequent)
                                     and category_of(page.texts[j]) != "comment"):
                    j += 1
                widget_end = j
                variable[page.shapes[i]] += 1
                stops[page.shapes[i]].append(page.shapes[j] if j < n else None)
                spans[page.shapes[i]].append((pi, i, j))
                continue
            while j < n and page.shapes[j] not in frequent:
                j += 1
            if j > i + 1:
                variable[page.shapes[i]] += 1
                stops[page.shapes[i]].append(page.shapes[j] if j < n else None)
                spans[page.shapes[i]].append((pi, i, j))
        k = n
        while k > page.body[1] and page.shapes[k - 1] in frequent and k - 1 not in covered[pi]:
            k -= 1
        if n - k >= 2 and _heading(page, k, frequent):
            tails.append((page.shapes[k], pi, k))
    out = []
    for shape, c in variable.most_common():
        total = page_count_of(pages, shape)
        if (after_body[shape] < AFTER_BODY_SHARE * total or c < SECTION_VARIABLE_SHARE * total
                or c < 2 or _spans_handled(pages, spans[shape], blocks)):
            continue
        stop, _ = _most_common(stops[shape])
        for pi, i, j in spans[shape]:
            covered[pi].update(range(i, j))
        for pi, page in enumerate(pages):  # the heading itself, also where nothing follows
            covered[pi].update(i for i, s in enumerate(page.shapes) if s == shape)
        examples = tuple(pages[pi].texts[i + 1] for pi, i, _ in spans[shape][:MAX_EXAMPLES])
        heading = text_of[shape][0]
        out.append(SectionProposal(
            ids(heading), category_of(heading), regex_for(text_of[shape], shape, shaper),
            regex_for(text_of[stop], stop, shaper) if stop else None, total, examples))
    start, count = _most_common([s for s, _, _ in tails])
    run = [(pi, k) for s, pi, k in tails if s == start]
    whole = [(pi, k, len(pages[pi].texts)) for pi, k in run]
    if start is not None and count >= threshold and not _spans_handled(pages, whole, blocks):
        for pi, k in run:
            covered[pi].update(range(k, len(pages[pi].texts)))
        examples = tuple(dict.fromkeys(t for pi, k in run[:1] for t in pages[pi].texts[k:]))
        heading = text_of[start][0]
        out.append(SectionProposal(
            ids(heading), category_of(" ".join(examples)),
            regex_for(text_of[start], start, shaper), None, count, examples[:MAX_EXAMPLES + 2]))
    return out


def _lines(pages: list[Page], frequent: set[Shape], threshold: int, shaper: Shaper,
           ids: RuleIds, covered: dict[int, set[int]]
           ) -> tuple[list[LineProposal], list[tuple[str, str, int]]]:
    texts: dict[Shape, list[str]] = defaultdict(list)
    rules: dict[Shape, Counter[str | None]] = defaultdict(Counter)
    before_body: Counter[Shape] = Counter()
    seen: dict[Shape, set[int]] = defaultdict(set)
    for pi, page in enumerate(pages):
        for i, (text, shape) in enumerate(zip(page.texts, page.shapes)):
            if shape not in frequent or i in covered[pi]:
                continue
            texts[shape].append(text)
            rules[shape][page.handled[i]] += 1
            seen[shape].add(pi)
            before_body[shape] += i < page.body[0]
    proposals, handled = [], []
    for shape in sorted(texts, key=lambda s: (-len(seen[s]), texts[s][0])):
        count = len(seen[shape])
        if count < threshold:
            continue
        rule, hits = rules[shape].most_common(1)[0]
        example = texts[shape][0]
        if rule is not None and hits == len(texts[shape]):
            handled.append((example, rule, count))
            continue
        head = before_body[shape] >= AFTER_BODY_SHARE * len(texts[shape])
        timed = shape.kind in ("time", "prefix-time")
        labels = {p.shapes[i].label for p in pages for i, s in enumerate(p.shapes) if s == shape}
        proposals.append(LineProposal(
            ids("source age" if timed else example),
            "metadata" if timed else category_of(example),
            regex_for(texts[shape], shape, shaper,
                      labels if shape.kind == "time" else {shape.label}),
            count, tuple(dict.fromkeys(texts[shape]))[:MAX_EXAMPLES],
            "head" if head or timed else None))
    return proposals, handled


