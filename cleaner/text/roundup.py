"""A roundup: a headline that names the items under it, each printed as a card.

A digest ("Evening Digest: Assam Tea Estates Report Early Flush Drop, Goa Bans Beach
Bonfires and Other Top Stories", a Yahoo copy of a News18 digest, sample 601) prints its
items as a subhead, a paragraph and a "READ MORE" link each: the card readers take them
for cards, and with no prose left outside them the page reads as a listing. What tells the
roundup from a listing is evidence inside the page: the heading right above the cards
names several of them, each by words of its own (words no other card's headline uses). A
listing's heading ("Latest news", "Tag: Nigeria") names none, and an article's headline
over a related block on its topic shares the topic's words with all the cards alike, not
words of one card each. The cards' lines go back to the story; the line every card
repeats (the "READ MORE" link) is the roundup's chrome.
"""

from __future__ import annotations

from collections import Counter

from cleaner.core.lines import Line, is_paragraph, normalize
from cleaner.core.records import Related
from cleaner.text.card_lines import MIN_CARDS
from cleaner.text.topic_pairs import headline, stems

__all__ = ["ROUNDUP", "reopen_roundup"]

ROUNDUP = "generic-roundup"
MIN_NAMED = 2  # cards the heading names; one is an article's headline over its own copy
MIN_OWN_WORDS = 2  # words the heading shares with one card's headline and no other's


def _named(heading: str, titles: list[str]) -> int:
    """How many of the titles the heading names by words of their own."""
    own = stems(heading)
    title_stems = [stems(t) for t in titles]
    named = 0
    for k, words in enumerate(title_stems):
        others = set().union(*(w for j, w in enumerate(title_stems) if j != k))
        named += len((own & words) - others) >= MIN_OWN_WORDS
    return named


def reopen_roundup(lines: list[Line], related: list[Related]) -> list[Related]:
    """The related items left once a roundup's cards went back to its story (see the
    module docstring): `related` as it was when the page is no roundup, else []."""
    cards = [ln for ln in lines if ln.fate == "related"]
    if len(related) < MIN_CARDS or not cards:
        return related
    above = [ln for ln in lines[:cards[0].index] if ln.open]
    if not above or not headline(above[-1].text):
        return related
    if any(is_paragraph(ln.text) for ln in lines if ln.open):
        return related  # a story outside the cards: an article with a related block
    if _named(above[-1].text, [r.title for r in related]) < MIN_NAMED:
        return related
    counts = Counter(normalize(ln.text) for ln in cards)
    for ln in cards:
        if counts[normalize(ln.text)] >= MIN_CARDS:
            ln.decide("noise", "nav", ROUNDUP)  # the link every card repeats
        else:
            ln.decide("undecided", None, None)
    return []
