"""Cards closed by one line that says how old the story is and where it comes from.

Network aggregators (motorsport, sport and local "network" sites) print their related
boxes as a headline, a teaser cut short ("... technical...") and a line such as "3y ago
from GrandPrixWire.com" (sometimes with a comment count after it: "... .com 0"). The
shape stage reads an age or a source on a line of its own, not both glued by "from".

Each such line (`_ANCHOR`) closes a card: walking up from it, over short chrome ("Full
Story »"), the nearest one or two lines are the teaser and, above it, the headline (a
"Read more" promo in front of a headline is dropped from the title). Two anchors or
more on a page make the cards; one alone is left to the other stages.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph
from cleaner.core.records import Related

__all__ = ["mark_age_source_cards", "AGE_SOURCE_CARDS"]

AGE_SOURCE_CARDS = "generic-age-source-cards"
MIN_CARDS = 2
CHROME_WORDS = 3  # "Full Story »", "Share": stepped over on the way up
MAX_LINES = 2  # a card's headline and teaser above its anchor

_ANCHOR = re.compile(
    r"^(?P<age>\d{1,3} ?(?:[smhdwy]|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago)"
    r" from (?P<source>[\w.&' -]{2,60}?)(?: \d{1,5})?$")
_PROMO = re.compile(r"^(?:Read more|READ MORE|Read More):? ")


def _card_lines(live: list[Line], anchor: int, floor: int) -> list[Line]:
    """The card's own lines above its anchor, top first; chrome between is decided."""
    own: list[Line] = []
    k = anchor - 1
    while k > floor and len(own) < MAX_LINES:
        ln = live[k]
        if len(ln.text.split()) <= CHROME_WORDS:
            ln.decide("noise", "related", AGE_SOURCE_CARDS)
        elif is_paragraph(ln.text) and not ln.text.endswith(("...", "…")):
            break  # a story's paragraph: the card has no more lines
        else:
            own.insert(0, ln)
        k -= 1
    return own


def mark_age_source_cards(lines: list[Line]) -> list[Related]:
    """Decide age-and-source cards as related; return them.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Team confirms upgrade package for...\\n"
    ...     "The team will bring a revised floor to the next round...\\n"
    ...     "3y ago from GrandPrixWire.com\\n"
    ...     "Stewards clear driver after incident...\\n"
    ...     "No further action was taken after the collision...\\n"
    ...     "2d ago from Formula1Daily.co.uk")
    >>> [(r.title, r.source) for r in mark_age_source_cards(page)][1]
    ('Stewards clear driver after incident...', 'Formula1Daily.co.uk')
    """
    live = [ln for ln in lines if ln.open]
    anchors = [(k, m) for k, ln in enumerate(live) if (m := _ANCHOR.match(ln.text))]
    if len(anchors) < MIN_CARDS:
        return []
    found = []
    floor = -1
    for k, m in anchors:
        own = _card_lines(live, k, floor)
        floor = k
        live[k].decide("related", "related", AGE_SOURCE_CARDS)
        if not own:
            continue
        for ln in own:
            ln.decide("related", "related", AGE_SOURCE_CARDS)
        title = _PROMO.sub("", own[0].text)
        teaser = own[1].text if len(own) > 1 else None
        found.append(Related(title, source=m["source"], published=m["age"], teaser=teaser))
    return found
