"""The first card of an archive whose cards open with their anchor ("Posted on DATE by
admin" / title / copy / "Source link" / "Posted in Category"): the card builder reads the
lines before each anchor as its lead, and finds the previous post's closing lines there on
every card but the first, which has the site's tagline instead. Its shape then differs,
and the builder would drop the first anchor as the page's own date line (an article's).
Here the first card is kept when the others show that their titles follow their anchors.
Cards that are opened by their anchor and have nothing before it (`titled_after_anchor`)
are recognised here too.
Duck-typed over card_lines' tokens and card_anchored's cards, so that module need not
grow (sample 138).
"""

from __future__ import annotations

from typing import Any

__all__ = ["opens_like_the_rest", "titled_after_anchor"]

SAME_POSTS_SHARE = 2 / 3  # cards whose lines after the anchor have one shape

_CHROME = ("R", "N", "X")


def opens_like_the_rest(tokens: list[Any], cards: list[Any], common: str, chrome: Any
                        ) -> bool:
    """True when the first card differs only by the page's heading above its anchor: the
    common shape has no title before the anchor, and the first card has the same kinds of
    lines after its anchor as the next one. The first card's lead is then dropped, and the
    other cards' lead lines (the previous post's "Posted in Technology") become `chrome`
    tokens, so no card takes them for its source."""
    kinds = [[tokens[k].kind for k in c.post if tokens[k].kind not in _CHROME]
             for c in cards[:2]]
    if "T" in common or kinds[0] != kinds[1] or "T" not in kinds[0]:
        return False
    cards[0].lead = [k for k in cards[0].lead if tokens[k].kind in _CHROME]
    for card in cards[1:]:
        for k in card.lead:
            if tokens[k].kind == "S":
                tokens[k] = chrome
    return True


def titled_after_anchor(tokens: list[Any], cards: list[Any]) -> bool:
    """Cards opened by their anchor with the title right after it and nothing of theirs
    before it ("Dayton Daily News · 2h" / title / teaser, app listings, sample 144): the
    lines after the anchor have one shape on two cards in three, and it starts with a
    title. A timeline of dated paragraphs has no title there; a live blog's entries vary."""
    posts = [tuple(tokens[k].kind for k in c.post if tokens[k].kind not in _CHROME)
             for c in cards]
    common = max(set(posts), key=posts.count)
    return (len(cards) >= 2 and bool(common) and common[0] == "T"
            and posts.count(common) >= SAME_POSTS_SHARE * len(posts))
