"""Cards after the story that their outlet-and-time line opens: "More from X" boxes.

An outlet's box under its story prints each card as a line with the outlet and an age or
a reading time ("Post South Africa1 min read", "Reuters · 3h"), the headline, and the
teaser cut short mid-sentence. The tail stage (`topic_pairs.mark_tail_headlines`) looks
for headlines alone on their lines and would take the anchor line for the headline (a
short headline in title case reads as a menu item there). Here the anchor vouches for the
card: each anchor after the story's last paragraph has a headline right under it and at
most one teaser line before the next anchor, and the cards run to the end of the page.
"""

from __future__ import annotations

from cleaner.core.lines import Line, is_paragraph
from cleaner.core.records import Related
from cleaner.text.card_lines import MIN_CARDS, classify
from cleaner.text.topic_pairs import TAIL_HEADLINES, headline
from cleaner.text.topic_pairs import teaser as is_teaser

__all__ = ["mark_anchored_tail"]

MAX_TEASER_LINES = 1  # a teaser cut short; a second line would be a story's paragraph


def mark_anchored_tail(lines: list[Line]) -> list[Related]:
    """Decide the anchored cards after the story's last paragraph related and return
    them; empty when the tail has not that shape (run before the tail's headlines)."""
    last = next((ln.index for ln in reversed(lines) if ln.open and is_paragraph(ln.text)),
                None)
    if last is None:
        return []  # no story paragraph: not an article's tail
    order = [ln for ln in lines[last + 1:] if ln.open or _tag_like(ln)]
    tokens = [classify(ln.text) for ln in order]
    anchors = [k for k, t in enumerate(tokens) if t.kind == "A"]
    if len(anchors) < MIN_CARDS:
        return []
    cards: list[tuple[int, int, list[int]]] = []
    for a, end in zip(anchors, [*anchors[1:], len(order)]):
        if a + 1 >= end or not headline(order[a + 1].text):
            return []
        teaser = list(range(a + 2, end))
        if len(teaser) > MAX_TEASER_LINES or not all(
                tokens[k].kind == "P" or is_teaser(order[k].text) for k in teaser):
            return []
        cards.append((a, a + 1, teaser))
    found = []
    for a, head, teaser in cards:
        for k in (a, head, *teaser):
            order[k].decide("related", "related", TAIL_HEADLINES)
        token = tokens[a]
        found.append(Related(order[head].text, token.source, token.published, None,
                             " ".join(order[k].text for k in teaser) or None))
    return found


def _tag_like(ln: Line) -> bool:
    """A short headline in title case that the tag-line rule took for a tag list: under
    an anchor it is the card's headline."""
    return ln.fate == "noise" and ln.category == "tags"
