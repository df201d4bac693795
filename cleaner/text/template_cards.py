"""Cards found by their repeated template: the same sequence of line shapes, with the same
field labels, over and over, whatever the labels say.

Summary sites print each story as a headline (maybe twice), then fields under labels of
their own: "Summary" over a paragraph, "Key Facts" over bullets, "Source Verification"
(a category page of a fact-summary site, sample 443); other apps print "What happened",
"Why it matters", "Sources". No age, no "Read More", no outlet line: the card readers
(`cards`) find no anchor, and the page reads as an article whose subheads are labels.
What makes it cards is the repetition: every line is given a shape (a title, a
paragraph, bullets, or a *label*: a short line printed again elsewhere on the page,
compared by its text with digits masked) and runs of paragraphs or bullets count as one (a
card has two facts or eight), as does a title and its copy (the site prints some titles
twice, studied on its real category pages); when a span of shapes that opens on a title
comes back at least twice in a row, and holds at least two distinct labels, each span is a
card.

A story's sections carry no repeated labels, and a live blog's posts share at most one
("Share"); a page with a paragraph outside the run is left to the other readers (the
cards of a story's tail are theirs), so the run is the page, a listing.
"""

from __future__ import annotations

import re
from collections import Counter

from cleaner.core.lines import Line, is_paragraph, normalize
from cleaner.core.records import Related
from cleaner.text.card_lines import classify

__all__ = ["TEMPLATE_CARDS", "mark_template_cards"]

TEMPLATE_CARDS = "generic-template-cards"
MIN_CARDS = 2
MIN_LABELS = 2  # distinct labels in one card's span: one shared line is a button ("Share")
MAX_SPAN = 10  # shapes in one card's span (headline, copy, three labelled fields)
LABEL_MAX_WORDS = 4  # "Summary", "Key Facts", "Source Verification"
MAX_TEASER_PARAGRAPHS = 2  # in one field; more in a row is a story's body
_BULLETS = "•·*–-"
_GROUPED = ("P", "B")
_DIGITS = re.compile(r"\d+")  # a field's paragraphs or bullets: how many varies from card to card


def _keys(texts: list[str]) -> list[str]:
    """Each line's comparison key, digits masked ("Score (91)" and "Score (89)" are one)."""
    return [_DIGITS.sub("#", normalize(t)) for t in texts]


def _is_label(text: str, key: str, counts: Counter[str]) -> bool:
    return (counts[key] >= MIN_CARDS and len(text.split()) <= LABEL_MAX_WORDS
            and not text.endswith((".", "!", "?")))


def _few_labels(texts: list[str], keys: list[str], counts: Counter[str]) -> bool:
    """Whether fewer than `MIN_LABELS` distinct labels can be among the shapes: then no
    span holds enough of them and `_template` finds none, whatever the other shapes are
    (tested before the shapes: most pages have no repeated short line at all, and the
    shapes ask every line whether it is a paragraph)."""
    labels: set[str] = set()
    for k, text in enumerate(texts):
        if (not (k and keys[k] == keys[k - 1]) and keys[k] not in labels
                and _is_label(text, keys[k], counts)):
            labels.add(keys[k])
            if len(labels) >= MIN_LABELS:
                return False
    return True


def _shapes(texts: list[str], keys: list[str] | None = None,
            counts: Counter[str] | None = None) -> list[str]:
    """Each line's shape: D a copy of the line above, L:<text> a label (digits masked:
    "Score (91)" and "Score (89)" are one label), B a bullet, P a paragraph, T a title
    (a headline, or a short line that is no label: "Morning news brief")."""
    keys = keys if keys is not None else _keys(texts)
    counts = counts if counts is not None else Counter(keys)
    out: list[str] = []
    for k, text in enumerate(texts):
        if k and keys[k] == keys[k - 1]:
            out.append("D")
        elif _is_label(text, keys[k], counts):
            out.append("L:" + keys[k])
        elif text[0] in _BULLETS:
            out.append("B")
        elif is_paragraph(text) or classify(text).kind == "P":
            out.append("P")
        else:
            out.append("T")
    return out


def _groups(shapes: list[str]) -> list[tuple[str, list[int]]]:
    """The shapes with runs of paragraphs or of bullets folded into one, and a title's
    copy folded into the title (one card prints its headline twice, the next once), with
    their lines."""
    out: list[tuple[str, list[int]]] = []
    for k, shape in enumerate(shapes):
        if out and ((shape in _GROUPED and out[-1][0] == shape)
                    or (shape == "D" and out[-1][0] == "T")):
            out[-1][1].append(k)
        else:
            out.append((shape, [k]))
    return out


def _template(groups: list[tuple[str, list[int]]]) -> tuple[int, int, int] | None:
    """(first group, span, repeats) of the longest run of a repeated span that opens on its
    one title and holds `MIN_LABELS` labels, else None."""
    shapes = [g[0] for g in groups]
    best: tuple[int, int, int] | None = None
    for start, shape in enumerate(shapes):
        if shape != "T":
            continue
        for span in range(2, MAX_SPAN + 1):
            unit = shapes[start:start + span]
            if (len(unit) < span or unit.count("T") != 1
                    or len({s for s in unit if s.startswith("L:")}) < MIN_LABELS):
                continue
            repeats = 1
            while shapes[start + repeats * span:start + (repeats + 1) * span] == unit:
                repeats += 1
            if repeats >= MIN_CARDS and (best is None or repeats * span > best[1] * best[2]):
                best = (start, span, repeats)
    return best


def mark_template_cards(lines: list[Line]) -> list[Related]:
    """Decide the cards of a repeated template (see the module docstring) as related, the
    lines between them included; return them.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Sports News\\nRowing club wins its first national title\\n"
    ...     "Summary\\nA small club won the men's eight at the national championships, its "
    ...     "first title since the 1980s.\\nKey Facts\\n• The crew won by a second.\\n"
    ...     "Tennis body approves a serve clock for juniors\\nSummary\\nJunior events will "
    ...     "use a 25-second serve clock from next season, the federation said.\\nKey Facts\\n"
    ...     "• One warning before a penalty.\\n• All under-18 events.")
    >>> [r.title for r in mark_template_cards(page)]
    ['Rowing club wins its first national title', 'Tennis body approves a serve clock for juniors']
    """
    live = [ln for ln in lines if ln.open]
    if len(live) < MIN_CARDS * 3:
        return []
    texts = [ln.text for ln in live]
    keys = _keys(texts)
    counts = Counter(keys)
    if _few_labels(texts, keys, counts):
        return []
    groups = _groups(_shapes(texts, keys, counts))
    found = _template(groups)
    if found is None:
        return []
    start, span, repeats = found
    cards = [groups[start + r * span:start + (r + 1) * span] for r in range(repeats)]
    if any(shape == "P" and len(members) > MAX_TEASER_PARAGRAPHS
           for card in cards for shape, members in card):
        return []  # three paragraphs in a row: a story's body, not a field
    first, last = cards[0][0][1][0], cards[-1][-1][1][-1]
    if any(is_paragraph(t) for n, t in enumerate(texts) if n < first or n > last):
        return []  # a story around the run: the other readers decide
    items: list[Related] = []
    for card in cards:
        title = texts[card[0][1][0]]
        teaser = next((" ".join(texts[n] for n in members)
                       for shape, members in card if shape == "P"), None)
        items.append(Related(title, None, None, None, teaser))
    for n in range(first, last + 1):
        live[n].decide("related", "related", TEMPLATE_CARDS)
    return items
