"""Cards whose headline comes back under the teaser with a "Read More" link.

WordPress archive and category pages (autoblogs above all) print each post as its
headline, an excerpt, and the headline again as the link's text: "Britain to require
smoke alarms ... Read More »". The echo is the card's anchor: an open line that is an
earlier open line (at most `MAX_TEASER_LINES` + 1 lines up) followed by a read-more word
closes a card whose title is that earlier line and whose teaser is what lies between.
Two cards or more make the run; a story that links one post this way is left alone.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line
from cleaner.core.records import Related

__all__ = ["mark_echo_cards", "ECHO_CARDS"]

ECHO_CARDS = "generic-echo-cards"
MIN_CARDS = 2
MAX_TEASER_LINES = 3

_MORE = re.compile(r"^(?P<head>.+?) (?:Read [Mm]ore|READ MORE|Continue [Rr]eading|Full [Ss]tory"
                   r"|Keep [Rr]eading)(?: ?[»›→>…]+)?$")
# The endings `_MORE` accepts, read from the line's end first: its lazy head tries every
# position of every line, and almost no line ends so (a string test before the regex).
_ENDINGS = ("Read More", "Read more", "READ MORE", "Continue Reading", "Continue reading",
            "Full Story", "Full story", "Keep Reading", "Keep reading")
_ARROWS = "»›→>… "


def mark_echo_cards(lines: list[Line]) -> list[Related]:
    """Decide echo-anchored cards as related; return them.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("UK inflation edges down as food prices cool\\n"
    ...     "LONDON - Inflation fell slightly in August, official data showed.\\n"
    ...     "UK inflation edges down as food prices cool Read More »\\n"
    ...     "Club fined over unpaid tax bill\\nLONDON - A club has been fined.\\n"
    ...     "Club fined over unpaid tax bill Read More »")
    >>> [(r.title, r.teaser) for r in mark_echo_cards(page)][1]
    ('Club fined over unpaid tax bill', 'LONDON - A club has been fined.')
    """
    live = [ln for ln in lines if ln.open]
    cards: list[tuple[int, int]] = []
    for k, ln in enumerate(live):
        m = _MORE.match(ln.text) if ln.text.rstrip(_ARROWS).endswith(_ENDINGS) else None
        if not m:
            continue
        floor = cards[-1][1] if cards else -1
        for i in range(k - 1, max(floor, k - 2 - MAX_TEASER_LINES), -1):
            if live[i].text == m["head"]:
                cards.append((i, k))
                break
    if len(cards) < MIN_CARDS:
        return []
    found = []
    for i, k in cards:
        live[i].decide("related", "related", ECHO_CARDS)
        for ln in live[i + 1:k]:
            ln.decide("related", "related", ECHO_CARDS)
        live[k].decide("noise", "related", ECHO_CARDS)
        teaser = " ".join(ln.text for ln in live[i + 1:k]) or None
        found.append(Related(live[i].text, teaser=teaser))
    return found
