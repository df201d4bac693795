"""Cards whose headline is printed only in their closing link, after a prefix they share.

Blog archives and "Trending" pages copied as text print each story as its teaser first
and the link to it last, the story's headline glued into the link's words: teaser
paragraphs, then "Read More »from Neighbors Throw a Parade for Their Mail Carrier" (a
Yahoo blog archive, sample 481). No headline line stands over the teaser, so the card
readers that start from a headline find nothing, and the page reads as a story.

The shape, not the link's wording, tells it: two lines or more open with the same one to
`MAX_PREFIX_WORDS` words (the prefix, found by comparing the lines, whatever it says),
and what follows the prefix on each is a headline (capitalised, `MIN_TITLE_WORDS` to
`MAX_TITLE_WORDS` words, no sentence end, no question: an interview's "Q: ..." lines ask
one). Each closer but the last has prose right above it (its teaser, at most
`MAX_TEASER_LINES` lines) and nothing headline-shaped between it and the closer before.
The run ends on a closer: prose right under the last one makes the lines an interview's
questions over their answers ("MAYOR HARRIS What happens to ..."). A prefix ending in a
colon is a speaker's or a label's ("Q: ...", "Read more: ..." is a promo rule's) and is
left alone.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph
from cleaner.core.records import Related

__all__ = ["PREFIXED_CLOSERS", "mark_prefixed_closers"]

PREFIXED_CLOSERS = "generic-prefixed-closers"
MIN_CARDS = 2
MAX_PREFIX_WORDS = 3
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 4, 20
MAX_TEASER_LINES = 3
_BULLET = re.compile(r"^[•·▪*-]\s*")
_END = re.compile(r"[.?!:;,]$")


def _title(rest: list[str]) -> bool:
    """The words after the prefix read as a headline."""
    text = " ".join(rest)
    return (MIN_TITLE_WORDS <= len(rest) <= MAX_TITLE_WORDS and text[:1].isupper()
            and _END.search(text) is None)


def _closers(live: list[Line]) -> tuple[int, list[int]] | None:
    """The longest prefix (in words) that two open lines or more share with a headline
    after it, and the positions of those lines. Only lines that open with a capital and
    do not end as a sentence can be closers (most prose lines are out at once)."""
    split = [(k, ln.text.split()) for k, ln in enumerate(live)
             if ln.text[:1].isupper() and _END.search(ln.text) is None]
    for n in range(MAX_PREFIX_WORDS, 0, -1):
        groups: dict[tuple[str, ...], list[int]] = {}
        for k, words in split:
            if len(words) > n and _title(words[n:]) and not words[n - 1].endswith(":"):
                groups.setdefault(tuple(words[:n]), []).append(k)
        best = max(groups.values(), key=len, default=[])
        if len(best) >= MIN_CARDS:
            return n, best
    return None


def _teaser(live: list[Line], lo: int, k: int) -> list[int] | None:
    """The teaser lines between the closer before (or `lo`) and closer k: prose, none a
    headline; None when the card has none or more than a teaser's lines."""
    span = list(range(lo, k))[-MAX_TEASER_LINES:] if lo < k else []
    texts = [_BULLET.sub("", live[j].text) for j in span]
    prose = [is_paragraph(t) for t in texts]
    if True not in prose:
        return None
    first = prose.index(True)  # a heading over the first card is not its teaser
    if any(not p and _title(t.split()) for t, p in zip(texts[first:], prose[first:])):
        return None
    return span[first:]


def mark_prefixed_closers(lines: list[Line]) -> list[Related]:
    """Decide prefix-closed cards as related (see the module docstring); return them.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines(
    ...     "Trending\\nA baker in a small town gave away bread to every nurse on the night "
    ...     "shift for a year, and the hospital has now named a room after her.\\n"
    ...     "More »from Hospital Names Room After Baker Who Fed Night Nurses\\n"
    ...     "A dog that wandered off during a storm walked twelve miles home and waited "
    ...     "on the porch until his owners came back from searching.\\n"
    ...     "More »from Lost Dog Walks Twelve Miles Home After Storm")
    >>> [r.title[:24] for r in mark_prefixed_closers(page)]
    ['Hospital Names Room Afte', 'Lost Dog Walks Twelve Mi']
    """
    live = [ln for ln in lines if ln.open]
    found = _closers(live)
    if found is None:
        return []
    n, closers = found
    after = closers[-1] + 1
    if after < len(live) and is_paragraph(_BULLET.sub("", live[after].text)):
        return []  # prose under the last one: a question and its answer, not a closer
    cards: list[tuple[int, list[int]]] = []
    lo = max(0, closers[0] - MAX_TEASER_LINES)
    for c, k in enumerate(closers):
        span = _teaser(live, lo, k)
        if span is None and c < len(closers) - 1:
            return []  # a closer with no teaser over it, before the last: no card run
        cards.append((k, span or []))  # the last card may be its closer alone
        lo = k + 1
    if sum(1 for _, span in cards if span) < MIN_CARDS:
        return []
    items = []
    for k, span in cards:
        title = " ".join(live[k].text.split()[n:])
        teaser = [_BULLET.sub("", live[j].text) for j in span if is_paragraph(
            _BULLET.sub("", live[j].text))]
        for j in (*span, k):
            live[j].decide("related", "related", PREFIXED_CLOSERS)
        items.append(Related(title, None, None, None, "\n".join(teaser) or None))
    return items
