"""The short lines that head a related block or sit between its cards.

Once the card stages have moved a page's related stories out, their block's own chrome
is often left in the body: its heading in a wording no rule knows ("You May Also Be
Interested In...", "In the headlines...", "More from CBC"), a wire box's label between
two cards ("More from The Canadian Press"). They are short and no sentence, and they
touch the cards: right above the block's first card, with nothing but such lines
between, or between two cards of the block. A story's own short lines (subheads) sit
above its paragraphs, never against a card, so they are not reached.

Up to `MAX_LINES` such lines are taken above a block or inside a gap between two cards,
and under the page's last card when they are all that is left open below it (the block's
footer, or its last headline printed without a teaser); a longer run of short lines is a
list of the page's own and is left alone.
"""

from __future__ import annotations

from cleaner.core.lines import Line, is_paragraph

__all__ = ["mark_card_headings", "CARD_HEADING"]

CARD_HEADING = "generic-card-heading"
MAX_WORDS = 8
MAX_LINES = 3
MIN_BLOCK = 2  # related lines on the page: one stray item heads nothing


def _chrome(ln: Line) -> bool:
    """Short, no sentence; a heading may trail off ("Interested In...")."""
    text = ln.text.removesuffix("...").removesuffix("…")
    return (ln.open and len(text.split()) <= MAX_WORDS and not is_paragraph(ln.text)
            and not text.endswith((".", "!", "?", "\"", "”")))


def mark_card_headings(lines: list[Line]) -> None:
    """Decide block headings and between-card labels as related chrome.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("You May Also Be Interested In...\\nA\\nB\\nMore from CBC\\nC")
    >>> for k in (1, 2, 4):
    ...     page[k].decide("related", "related", "x")
    >>> mark_card_headings(page)
    >>> [ln.fate for ln in page]
    ['noise', 'related', 'related', 'noise', 'related']
    """
    filled = [ln for ln in lines if ln.text.strip()]
    if sum(ln.fate == "related" for ln in filled) < MIN_BLOCK:
        return
    for k, ln in enumerate(filled):
        if ln.fate != "related" or k == 0 or filled[k - 1].fate == "related":
            continue  # not the first line of a block
        above: list[Line] = []
        j = k - 1
        while j >= 0 and _chrome(filled[j]) and len(above) <= MAX_LINES:
            above.append(filled[j])
            j -= 1
        if len(above) > MAX_LINES:
            continue  # a run of short lines: a list of the page's own
        for head in above:
            head.decide("noise", "related", CARD_HEADING)
    _close_last_block(filled)


def _close_last_block(filled: list[Line]) -> None:
    """The short lines under the page's last card when nothing of a story follows: the
    block's last headline printed without its teaser (a Daily8 hashtag page, sample 498)
    or its footer ("Older Posts"), up to MAX_LINES of them."""
    last = max((k for k, ln in enumerate(filled) if ln.fate == "related"), default=None)
    if last is None:
        return
    under = [ln for ln in filled[last + 1:] if ln.open]
    if not under or len(under) > MAX_LINES or not all(_chrome(ln) for ln in under):
        return
    for ln in under:
        ln.decide("noise", "related", CARD_HEADING)
