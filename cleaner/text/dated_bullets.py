"""Cards printed as bullets with the date glued to the headline, the teaser under them.

Portal front pages (MSN's regional fronts, wire boxes "More from The Canadian Press")
print each story as one bullet: "• Headline - 2014-07-14 2:41 PM", its teaser on the
next line, indented in the page. The shape stage looks for a time or source on a line of
its own and finds none. Two bullets of this shape or more on a page are related cards:
the text before " - <date>" is the title (a title printed twice glued, "XX", once), the
date its `published`, and a long next line its teaser.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line
from cleaner.core.records import Related

__all__ = ["mark_dated_bullets", "DATED_BULLETS"]

DATED_BULLETS = "generic-dated-bullets"
MIN_CARDS = 2
MIN_TEASER_WORDS = 10

_DATE = (r"\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?: ?[AaPp][Mm])?)?"
         r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?: \d{1,2}:\d{2}(?: ?[AaPp][Mm])?)?"
         r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2},? \d{4}"
         r"|\d{1,2} (?:minutes?|mins?|hours?|hrs?|days?) ago")
_BULLET = re.compile(rf"^[•·*▪◦] ?(?P<title>\S.{{8,240}}?) [-–—|] (?P<date>{_DATE})$")


def _once(title: str) -> str:
    """A title printed twice with no space between ("XX") once."""
    half = len(title) // 2
    if len(title) % 2 == 0 and title[:half] == title[half:]:
        return title[:half]
    return title


def mark_dated_bullets(lines: list[Line]) -> list[Related]:
    """Decide dated bullet cards and their teasers as related; return the cards.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("• Council votes to keep Sunday rules - 2014-07-14 2:12 PM\\n"
    ...     "• Ferry fares rise for island commuters - 2014-07-14 1:05 PM")
    >>> [(r.title, r.published) for r in mark_dated_bullets(page)][1]
    ('Ferry fares rise for island commuters', '2014-07-14 1:05 PM')
    """
    live = [ln for ln in lines if ln.open]
    hits = [(k, m) for k, ln in enumerate(live) if (m := _BULLET.match(ln.text))]
    if len(hits) < MIN_CARDS:
        return []
    found = []
    for k, m in hits:
        live[k].decide("related", "related", DATED_BULLETS)
        teaser = None
        if k + 1 < len(live) and live[k + 1].open and not _BULLET.match(live[k + 1].text) \
                and len(live[k + 1].text.split()) >= MIN_TEASER_WORDS:
            teaser = live[k + 1].text
            live[k + 1].decide("related", "related", DATED_BULLETS)
        found.append(Related(_once(m["title"]), published=m["date"], teaser=teaser))
    return found
