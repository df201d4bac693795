"""Cards closed by their outlet's name with a mark every card repeats: "Joy Online »",
"CBC News - Published".

Story-summary sites and topic pages print each card as a headline, maybe one sentence of
teaser, and a closing line that names the outlet followed by a link mark or a label the
page prints the same way under every card ("Outlet »" on a summary site's "Similar News",
sample 541; "Outlet - Published" on a topic page, sample 563). There is no age and no
repeated separator line (the outlet changes from card to card), so the shape readers find
no anchor, and the tail stages see headlines and chrome. What makes them cards is the
closer's frame: a name in capitalised words, then a mark that is the same on two closers
or more, each right under a headline or under a headline and its one-sentence teaser. A
story's lines end as sentences; a link like "Read more »" is no outlet (its words are in
lower case) and has no headline over it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from cleaner.core.lines import Line
from cleaner.core.records import Related
from cleaner.text.topic_pairs import headline

__all__ = ["OUTLET_CLOSERS", "mark_outlet_closers"]

OUTLET_CLOSERS = "generic-outlet-closers"
MIN_CARDS = 2
MAX_NAME_WORDS = 5  # "Winnipeg Free Press", "The Globe and Mail"
MAX_TEASER_WORDS = 60  # one or two sentences; a longer line is a story's paragraph
# A closer: the outlet's name, then a link arrow or one capitalised label after a dash.
_CLOSER = re.compile(r"^(?P<name>\S.{0,50}?)(?P<mark> ?[»›→]| [-–—|·] [A-Z][a-z]{2,14})$")
_SMALL = frozenset("a an and de del der des di du for in la le of on the und y".split())
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _outlet(name: str) -> bool:
    """A name in capitalised words (small words aside): "CBC News", "The Globe and Mail";
    "Read more" and "See all" are calls, not names."""
    words = name.split()
    return (0 < len(words) <= MAX_NAME_WORDS and words[0][:1].isupper()
            and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words)
            and not any(c in name for c in ".!?:;,"))


def _teaser(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None and len(text.split()) <= MAX_TEASER_WORDS


def _card(live: list[Line], k: int, lo: int) -> tuple[int, int | None] | None:
    """The headline (and teaser) over closer k, not above `lo`: their positions, or None."""
    if k - 1 >= lo and headline(live[k - 1].text):
        return k - 1, None
    if (k - 2 >= lo and headline(live[k - 2].text) and _teaser(live[k - 1].text)):
        return k - 2, k - 1
    return None


def mark_outlet_closers(lines: list[Line]) -> list[Related]:
    """Decide outlet-closed cards as related (see the module docstring); return them.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Similar News:\\nGas supply falls as the pipeline is repaired\\n"
    ...     "Supplies dropped by half this week, the operator said.\\nJoy Online »\\n"
    ...     "Traders in Kumasi count cost of outages\\nCiti Newsroom »")
    >>> [(r.title, r.source) for r in mark_outlet_closers(page)]
    [('Gas supply falls as the pipeline is repaired', 'Joy Online'), \
('Traders in Kumasi count cost of outages', 'Citi Newsroom')]
    """
    live = [ln for ln in lines if ln.open]
    by_mark: dict[str, list[int]] = defaultdict(list)
    for k, ln in enumerate(live):
        m = _CLOSER.match(ln.text)
        if m and _outlet(m["name"]):
            by_mark[m["mark"].strip()].append(k)
    items: list[Related] = []
    for closers in by_mark.values():
        if len(closers) < MIN_CARDS:
            continue
        cards = []
        lo = 0
        for k in closers:
            card = _card(live, k, lo)
            if card is not None:
                cards.append((k, *card))
                lo = k + 1
        if len(cards) < MIN_CARDS:
            continue
        for k, head, teaser in cards:
            name = _CLOSER.match(live[k].text)["name"]  # type: ignore[index]
            for j in (head, teaser, k):
                if j is not None:
                    live[j].decide("related", "related", OUTLET_CLOSERS)
            items.append(Related(live[head].text, name.strip(), None, None,
                                 live[teaser].text if teaser is not None else None))
    return items
