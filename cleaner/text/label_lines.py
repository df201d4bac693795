"""Lines that name things and tell nothing: labels a listing prints around its cards.

A card's place line ("Harbour Road, Stornoway, Isle of Lewis, UK") and a topic's or a
search's label over its results ("Four-day week, small business and productivity") are
short phrases parted by commas, with no room for the verb a headline has. The listing
reader (`listing_shape`) types them as labels, not headlines. Headlines numbered 1, 2, 3
are a text's counted items, no listing's cards (`is_counted`).
"""

from __future__ import annotations

import re

__all__ = ["is_counted", "is_enumeration", "is_name_list", "unbulleted",
           "unlike_bullets"]

MIN_ENUMERATED = 3  # "A, B and C": a topic label; "A and B" is as often a headline's
MAX_NAME_WORDS = 3  # "Isle of Lewis", "South Africa": a place's or a tag's name


def is_name_list(text: str) -> bool:
    """Names parted by commas and nothing else: a place or an address under a card's
    headline ("Harbour Road, Stornoway, Isle of Lewis, UK"), a run of tags. Each part is a
    name of a few capitalised words; a headline has a verb and lowercase words in it.

    >>> is_name_list("Court Central, Rome, Italy"), is_name_list("Rome, Italy vote on bridge")
    (True, False)
    """
    parts = text.split(", ")
    return len(parts) > 1 and all(_name(p) for p in parts)


def is_enumeration(text: str) -> bool:
    """Three short phrases or more, parted by commas and a last "and", with no verb's room
    between: a topic's or a search's label over its results ("Four-day week, small
    business and productivity"), not a headline, which tells what happened.

    >>> is_enumeration("Tropical Storm Nadira, Gulf of Mexico and Florida Panhandle")
    True
    >>> is_enumeration("Rome, Paris and Berlin agree to share the cost of a new rail link")
    False
    """
    head, _, last = text.rpartition(" and ")
    parts = [*head.split(", "), last] if head else []
    return len(parts) >= MIN_ENUMERATED and all(
        0 < len(p.split()) <= MAX_NAME_WORDS and p[-1].isalnum() for p in parts)


def _name(part: str) -> bool:
    words = part.split()
    capital = [w for w in words if w[0].isupper()]
    # a connector ("of", "de", "upon") may sit between capitalised words, never lead
    return (0 < len(words) <= MAX_NAME_WORDS and words[0][0].isupper()
            and all(w[0].isupper() or (w.isalpha() and len(w) <= 4) for w in words)
            and len(capital) * 2 > len(words))


MIN_COUNTED = 2
_COUNTED = re.compile(r"^(\d{1,2})(?:\.\)|[.)]) ")  # "1.) Judge halts ...", "2. Storm ..."


def is_counted(headlines: list[str]) -> bool:
    """Headlines numbered 1, 2, 3 in a row: a roundup's items counted by its writer
    ("1.) Judge halts water permit ...", a nightly brief, sample 566); a listing's cards
    are not numbered as sections of one text (the listing by shape asks it)."""
    numbers = [int(m.group(1)) for t in headlines if (m := _COUNTED.match(t))]
    return len(numbers) >= MIN_COUNTED and numbers == list(range(1, len(numbers) + 1))


_HEAD_BULLETS = ("• ", "· ")


def unbulleted(text: str) -> str:
    """The line without the bullet that marks it as a list's item: a topic page prints
    each headline so ("• Lagos lagoon ferry capsizes, 11 rescued" over its teaser, a
    Yahoo topic page, sample 576), and the bullet is no word of it.

    >>> unbulleted("• Lagos lagoon ferry capsizes, 11 rescued")
    'Lagos lagoon ferry capsizes, 11 rescued'
    """
    return text[2:] if text[:2] in _HEAD_BULLETS and len(text) > 2 else text


def unlike_bullets(headlines: list[str]) -> bool:
    """Some headlines bulleted and some not: a story's key points ("• Libraries stay open"
    over its paragraph) under the page's own headline, not a list's items, which a
    template prints alike (every headline of a topic page bulleted, sample 576)."""
    marked = sum(unbulleted(h) is not h for h in headlines)
    return 0 < marked < len(headlines)
