"""A listing page: cards and no prose outside them, so what is left open is chrome.

Runs after the card finder (`cards.mark_cards`): an archive, tag or author page is a list
of cards under a heading, and its leftover lines (the heading, nav) are no article. Apart
from the card readers because it judges the page around the cards, not the cards.
"""

from __future__ import annotations

import re

import re2

from cleaner.core.lines import Line, is_paragraph, normalize
from cleaner.core.records import Related
from cleaner.text.card_lines import MIN_CARDS, classify
from cleaner.text.edge_notes import EDGE_NOTE, says_publishing
from cleaner.text.label_lines import is_enumeration
from cleaner.text.listing_intro import is_listing_intro

__all__ = ["LISTING_CHROME", "dangling_card", "mark_listing", "take_dangling"]

LISTING_CHROME = "generic-listing-chrome"

_GLUED_WORDS = re2.compile(r"\p{Ll}\p{Lu}\p{Ll}")
_HASHTAG = re.compile(r"(?:^|\s)#\w")  # a tag page's heading names its tag
# What a cut teaser, two sentences or a notice has and a headline has not: an ellipsis at
# the end or a sentence end inside ("... department. Copy the Story Link"), a last word a
# headline never ends on ("... crossings between"), words to the reader ("... to you").
_CUT_OR_TWO = re.compile(r"(?:\.\.\.|…)$|[.!?] \S")
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at for from by with and or but as is are was were than between "
    "into over under about after before its their his her our".split())
_READER = re.compile(r"(?i)\byour?\b")
_PAGE_COUNTER = re.compile(r"(?i)\bpage \d+\b")  # "Latest News – Page 292 – Site"

def mark_listing(lines: list[Line], related: list[Related]) -> bool:
    """A page of cards and no prose outside them is a listing: what is left open (the
    heading, nav) is chrome. An article whose body is its title alone still has a headline
    above its related list; a listing has at most a heading right before its cards
    ("Latest news with #X"), unless what is left above the cards is the listing's own heading
    and description (`listing_intro`). Paragraphs after the last card that speak of
    publishing (a disclaimer, "Sign up for notifications") are the listing's closing notes.
    A headline left alone right after the last card, with no prose after it, is the
    listing's last card cut short (`_dangling_card`): it joins `related`."""
    if len(related) < MIN_CARDS:
        return False
    first = next((ln.index for ln in lines if ln.fate == "related"), None)
    if first is None:
        return False
    last = max(ln.index for ln in lines if ln.fate == "related")
    notes = frozenset(ln.index for ln in lines[last + 1:]  # "Disclaimer: ...", "Sign up"
                      if ln.open and is_paragraph(ln.text) and says_publishing(ln.text))
    dangling = dangling_card(lines, last, related)
    rest = [ln for ln in lines if ln.open and ln.index not in notes and ln is not dangling]
    if not is_listing_intro(lines, len(related), notes):
        if any(is_paragraph(ln.text) for ln in rest):
            return False
        before = [ln for ln in rest if ln.index < first]
        if any(_headline_like(ln.text) for ln in before[:-1]):
            return False
    related += take_dangling(lines, last, related, LISTING_CHROME) if dangling else []
    for ln in lines:
        if ln.index in notes:
            ln.decide("noise", "boilerplate", EDGE_NOTE)
        elif ln.open:
            ln.decide("noise", "nav", LISTING_CHROME)
    return True


def take_dangling(lines: list[Line], last: int, cards: list[Related], rule: str
                  ) -> list[Related]:
    """The listing's last card cut to its headline (`dangling_card`), decided related by
    `rule`, as a one-item list; empty when there is none."""
    line = dangling_card(lines, last, cards)
    if line is None:
        return []
    line.decide("related", "related", rule)
    return [Related(line.text)]


def dangling_card(lines: list[Line], last: int, cards: list[Related]) -> Line | None:
    """The first open line after the last card (at position `last`) when it is a headline
    with no prose after it: a listing cut off after its last card's headline ("Show more"
    under it, a Daily8 hashtag page, sample 498; a topic label under it, sample 515). An
    article's headline stands above its cards, not under. A teaser cut short, a credit
    printed twice, a notice to the reader or the last card's headline again (as its
    teaser) is no card (the hashtag, feed and search listings of samples 042, 085, 129,
    218 and 490)."""
    after = [ln for ln in lines[last + 1:] if ln.open]
    if not after or not _headline_like(after[0].text):
        return None
    text = after[0].text
    if (not (text[:1].isalnum() or text[:1] in "\"“‘'") or _CUT_OR_TWO.search(text)
            or text.split()[-1].lower() in _FUNCTION_WORDS or _READER.search(text)):
        return None  # a cut teaser, a caption's credit, a notice to the reader
    if any(is_paragraph(ln.text) for ln in after):
        return None
    if sum(ln.text == text for ln in lines) > 1:
        return None  # printed twice: a caption or a credit, not a card
    if normalize(text) in {normalize(r.title) for r in cards}:
        return None
    return after[0]


def _headline_like(text: str) -> bool:
    """A headline above the cards: a title-like line of four words or more that is no
    label ("@desk | Section", a hashtag's "Latest news with #Floods"), no breadcrumb glued
    together ("You are here: HomeNews…"), no archive page's counter, no banner sentence and
    no line of numbers or an address (a map widget's debris over an archive, sample 513)."""
    words = text.split()
    if "://" in text or 2 * sum(any(c.isalpha() for c in w) for w in words) <= len(words):
        return False  # a widget's numbers and address ("12 51.5072 -0.1276 ... http://")
    if is_enumeration(text):  # the section's description: "Local breaking news, traffic
        return False  # and weather, live updates and information" (sample 591)
    return (classify(text).kind == "T" and len(words) >= 4
            and not any(c in text for c in "|@") and _HASHTAG.search(text) is None
            and not text.endswith(".")
            and _GLUED_WORDS.search(text) is None and _PAGE_COUNTER.search(text) is None)

