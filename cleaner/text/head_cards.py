"""Story cards printed above the page's headline, each headline twice in a row.

A magazine's page copy opens with its "more stories" strip before the story: each card
prints its headline twice (the image's alt text and the link), maybe with the writer's
name under it ("Why couples choose winter weddings" twice, "Niamh Rooney"; image.ie,
sample 589). The title stage calls every line above the headline chrome
(`title_pick.ABOVE_TITLE`); a run of such doubled headlines there is a related list, not
nav. A story's own image (alt text and caption alike) stands under its headline, and one
doubled line alone is no list: `MIN_CARDS` cards in a row, nothing but a short name line
between two of them.
"""

from __future__ import annotations

from cleaner.core.lines import Line, normalize
from cleaner.core.records import Related
from cleaner.text.title_pick import ABOVE_TITLE

__all__ = ["mark_head_cards", "HEAD_CARDS"]

HEAD_CARDS = "generic-head-cards"
MIN_CARDS = 2
MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_WORDS = 25
MAX_NAME_WORDS = 4  # the writer's name or the section under a card
_SENTENCE_END = (".", "!", ":", ";")


def _headline(text: str) -> bool:
    words = len(text.split())
    return (MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS
            and not text.endswith(_SENTENCE_END) and text[0].isalnum())


def mark_head_cards(lines: list[Line]) -> list[Related]:
    """Decide doubled headlines above the title related and return them (see the module
    docstring); the lines between the cards stay the chrome they were."""
    head = [ln for ln in lines if ln.text and ln.rule == ABOVE_TITLE]
    cards: list[Line] = []
    run: list[Line] = []
    k = 0
    while k < len(head):
        ln = head[k]
        twin = head[k + 1] if k + 1 < len(head) else None
        if (twin is not None and twin.index == ln.index + 1 and _headline(ln.text)
                and normalize(twin.text) == normalize(ln.text)):
            run.append(ln)
            k += 2
            if k < len(head) and len(head[k].text.split()) <= MAX_NAME_WORDS and not (
                    k + 1 < len(head) and head[k + 1].index == head[k].index + 1
                    and normalize(head[k + 1].text) == normalize(head[k].text)):
                k += 1  # the card's name line
            continue
        if len(run) >= MIN_CARDS:
            cards += run
        run = []
        k += 1
    if len(run) >= MIN_CARDS:
        cards += run
    found = []
    for ln in cards:
        twin = lines[ln.index + 1]
        ln.decide("related", "related", HEAD_CARDS)
        twin.decide("related", "related", HEAD_CARDS)
        found.append(Related(ln.text))
    return found
