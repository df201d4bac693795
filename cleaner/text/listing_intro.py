"""A listing page's own introduction: the heading and description printed above its cards.

Section fronts, topic and tag pages, feed copies and local-news listings print a short
description over their cards ("The latest news and headlines from ...", "Stay up to date
with the latest local news in ...", "Everything we have published on ..."). It is a
paragraph, so the plain listing test (`listing.mark_listing`: no prose outside the cards)
refuses the page, and an article whose one-paragraph story is followed by related cards
looks the same at first sight. What tells them apart is the shape around the paragraph:

- the page's prose is all above the first card, and there is little of it (one short
  paragraph) next to the text the cards carry;
- there are several cards: an article's related list is often two or three title-only
  links, a listing's cards carry teasers;
- nothing above the paragraph is an article's apparatus: no byline, no dateline (a
  feed's "Updated: 2 hours ago" under its description is the listing's);
- no headline sits above the paragraph: a story's headline has five words or more, while a
  listing's heading is a section label (four words or fewer, a breadcrumb, a line that
  another heading line repeats inside it, "Subscribe to Top Stories feed Top Stories"
  under "Top Stories") or one the description restates word for word ("Latest news in
  Dayton, Ohio" over "Get the latest news in Dayton, Ohio, from city hall ..."): a lead
  rephrases its headline, it does not quote it.

A description that opens by defining the page's label ("An obituary is a news article
that ..." under "Obituary") makes the page a topic page whatever the card count: a story
never opens on a dictionary's sentence (sample 563).

Samples 130-134 and 144 (feed copies, NewsBreak-like local and Yahoo topic listings, tag
pages) set the numbers below; samples 020-129 hold the articles that must not turn into listings.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph, normalize

__all__ = ["APPARATUS", "has_apparatus", "is_listing_intro"]

MAX_INTRO_PARAGRAPHS = 2  # more over cards is a short story (test_cards_text); two only
# when together they are no longer than one description (`MAX_INTRO_WORDS`): a category
# page's "X brings you ..." and "Stories cover ...", where a story's two paragraphs run longer
MAX_INTRO_WORDS = 60  # the longest description in the samples has 38 words; a lead has more
MIN_INTRO_CARDS = 3
CARD_TEXT_FACTOR = 2  # the cards carry at least twice the intro's characters
# Two cards are enough when they are long stories (an RSS proxy prints whole items, 098)
FEW_CARDS_TEXT_FACTOR = 4
MIN_HEADLINE_WORDS = 5  # "Springfield Local News", "Top Stories": labels, not headlines

_LABEL_MARKS = re.compile(r"[|@»›▸>/]")
# A sentence and then a call: "Protect democratic society today. Invest in AllSides" (a
# banner's appeal); a headline is one clause, or two joined by a colon or a dash.
_TWO_SENTENCES = re.compile(r"[a-z]{4}\. [A-Z]")  # "Gov. X", "Corp. Y" are no stops
# An article's apparatus above its story: a byline, a dateline or a printed date line.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# (`listing_shape` asks it of the lines over a page's first teaser too: "3 hrs ago News desk")
APPARATUS = re.compile(
    r"(?i)^(?:by|from) \S|^(?:published|updated|posted)\b"
    rf"|\b{_MONTH} \d{{1,2}},? (?:19|20)\d{{2}}|\b\d{{1,2}} {_MONTH},? (?:19|20)\d{{2}}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b"  # glued too: "Axios12-03-2025"
    r"|^\d{1,2}[:.]\d{2}\b|\d+ ?(?:minutes?|mins?|hours?|hrs?|days?) ago\b")
_DIGIT = re.compile(r"\d")
MAX_LABEL_WORDS = 3
_TAB_MARKS = re.compile(r"\s[▸›»|/>]\s")
_DEFINITION = re.compile(r"(?i)^(?:an? |the )?(?P<term>\w[\w'’ -]{1,40}?) (?:is|are|refers to|"
                         r"means) (?:an?|the|any|when)\b")


def has_apparatus(text: str) -> bool:
    """`APPARATUS` searched only where it can match: each of its forms opens the line with
    "by", "from", "published", "updated" or "posted", or holds a digit. Most headlines and
    teasers have neither, and the search costs ~7 us on a headline (the listing by shape
    asks it of every headline candidate)."""
    return ((text[:1] in "bBfFpPuU" or _DIGIT.search(text) is not None)
            and APPARATUS.search(text) is not None)


def _is_headline(text: str, others: list[str]) -> bool:
    """A story headline: five words or more, no sentence end, no label marks, and not a
    line that repeats another heading line inside it ("Subscribe to Top Stories feed Top
    Stories" under "Top Stories")."""
    words = text.split()
    if len(words) < MIN_HEADLINE_WORDS or text.endswith((".", "!", ":")):
        return False
    if _LABEL_MARKS.search(text) or _TWO_SENTENCES.search(text):
        return False
    return not any(o != text and len(o.split()) >= 2 and o in text for o in others)


def _labels(texts: list[str]) -> set[str]:
    """The page's labels among head lines: a short line ("Obituary"), the label before a
    colon ("Obituary: Death notice ..."), the first tab of a tab row ("Obituary ▸ Facts")."""
    out = set()
    for text in texts:
        for part in (text, text.split(": ", 1)[0], _TAB_MARKS.split(text, 1)[0]):
            part = part.strip()
            if 0 < len(part.split()) <= MAX_LABEL_WORDS and any(c.isalpha() for c in part):
                out.add(part.lower())
    return out


def _defines_label(paragraph: str, head: list[str]) -> bool:
    """The description opens by defining the page's label ("Obituary" over "An obituary is
    a news article that ...", a topic page, sample 563): a topic page explains its topic,
    a story reports an event and never opens on a dictionary's sentence."""
    m = _DEFINITION.match(paragraph)
    return m is not None and m["term"].lower().rstrip("s") in {
        label.rstrip("s") for label in _labels(head)}


def is_listing_intro(lines: list[Line], cards: int, skip: frozenset[int] = frozenset()
                     ) -> bool:
    """True when the open lines left around a page's cards (lines decided `related`) are
    the listing's heading and description (see the module docstring); `cards` is how many
    stories the cards hold; lines at the positions in `skip` are left out (the listing's
    closing notes).

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Local News\\nThe latest local news from the city and the "
    ...                    "county, updated around the clock by our partners.\\n" + "x" * 900)
    >>> for ln in page[2:]:
    ...     ln.decide("related", "related", "generic-card-shape")
    >>> is_listing_intro(page, 4)
    True
    """
    card_lines = [ln for ln in lines if ln.fate == "related"]
    if not card_lines:
        return False
    first_card = card_lines[0].index
    card_chars = sum(len(ln.text) for ln in card_lines)
    rest = [ln for ln in lines if ln.open and ln.index not in skip]
    paragraphs = [ln for ln in rest if is_paragraph(ln.text)]
    if not paragraphs or len(paragraphs) > MAX_INTRO_PARAGRAPHS:
        return False
    if any(ln.index > first_card for ln in paragraphs):
        return False
    intro = " ".join(ln.text for ln in paragraphs)
    if len(intro.split()) > MAX_INTRO_WORDS:
        return False
    head = [ln for ln in lines[:first_card] if ln.fate not in ("blank", "related")]
    printed = [ln.text for ln in head]
    above = paragraphs[0].index  # an article prints its byline and date over its lead
    if any(has_apparatus(ln.text) for ln in head if ln.open and ln.index < above):
        return False
    over = [ln.text for ln in head if ln.open and ln.index < above]
    if _defines_label(paragraphs[0].text, over) and not any(
            _is_headline(t, printed) and not any(t != o and t in o for o in printed)
            for t in over):  # a headline printed again after a label is the topic's tagline
        return True
    factor = CARD_TEXT_FACTOR if cards >= MIN_INTRO_CARDS else FEW_CARDS_TEXT_FACTOR
    if card_chars < factor * len(intro):
        return False
    said = normalize(intro)
    return not any(_is_headline(ln.text, printed)
                   and normalize(ln.text) not in said  # a label the description restates
                   for ln in head if ln.open and ln.index < above)
