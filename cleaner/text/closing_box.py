"""A related box that closes the page: a short related heading, then cards to the end.

App and aggregator dumps (NewsBreak, SmartNews) end with a heading of a word or a few
("Related", "More from KXAN") and cards under it: a headline, sometimes its teaser (a
paragraph of the other story), its outlet ("Cleveland.com") or age. The teasers are
paragraphs, so the story seems to go on to the page's end and the tail stages never see
the box; the related-list rules want items without teasers.

The shape: the heading comes after a sentence of the story, and every open line from it
to the page's end reads as a card field (lines other stages decided are stepped over);
each card opens with a headline (no sentence end, `MIN_HEADLINE_WORDS` words or more), the
first right under the heading. Up to three link labels over the heading go with it
("View original article", "Add a comment..."). The stage runs after the edge notes, so a
disclaimer under the box is decided already. A heading in another wording opens such a box
when it sits right under the story's closing "©" credit, with two cards under it.
A list of the story's own under a subhead ends with the story going on, or has items
that are no headline, so it never reads as such a box. Samples 335, 357, 359.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph
from cleaner.core.records import Related

__all__ = ["mark_closing_box", "CLOSING_BOX"]

CLOSING_BOX = "generic-closing-box"
MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_WORDS = 25
MAX_SOURCE_WORDS = 3  # "Cleveland.com", "The Spokesman-Review"
MAX_TEASER_CHARS = 400
MIN_UNNAMED_CARDS = 2  # cards under a heading no pattern names

_HEADING = re.compile(
    r"^(?:Related|Related (?:[Aa]rticles|[Ss]tories|[Nn]ews|[Cc]overage|[Cc]ontent)"
    r"|More (?:from|on|stories from) \S.{0,40}|More (?:[Ss]tories|[Nn]ews)"
    r"|Read [Nn]ext|Up [Nn]ext|Recommended(?: for [Yy]ou)?"
    r"|You (?:[Mm]ay|[Mm]ight) [Aa]lso [Ll]ike)$")
_END = re.compile(r"[.!:;,…]$")
_LIST_ITEM = re.compile(r"^(?:[-–—•*·]|\d{1,2}[.)])")
MAX_LABELS = 3  # link labels looked at over the heading
_SENTENCE = re.compile(r"[a-z0-9][.!?][\"”’)]?$")


def _headline(text: str) -> bool:
    words = len(text.split())
    return (MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS and not _END.search(text)
            and not is_paragraph(text.rstrip("?")))


def _after_credit(live: list[Line], k: int) -> bool:
    """A short heading in any wording ("Last news") right under the story's closing credit
    ("© Agence France-Presse", a caption rule's): the credit ends the story, so the
    heading opens what follows (an agency portal, sample 445). Such a box needs two
    cards."""
    text = live[k].text
    return (k > 0 and live[k - 1].category == "caption" and live[k - 1].text.startswith("©")
            and 1 <= len(text.split()) <= MAX_SOURCE_WORDS + 1 and not _END.search(text)
            and not _LIST_ITEM.match(text))


def _cards(block: list[Line]) -> list[tuple[Line, list[Line]]] | None:
    """The block's cards (headline line, its other fields), or None when a line is no
    card field."""
    cards: list[tuple[Line, list[Line]]] = []
    for ln in block:
        if not ln.open:
            continue
        if _headline(ln.text):
            cards.append((ln, []))
        elif cards and (len(ln.text.split()) <= MAX_SOURCE_WORDS
                        or len(ln.text) <= MAX_TEASER_CHARS
                        and all(len(f.text.split()) <= MAX_SOURCE_WORDS for f in cards[-1][1])):
            cards[-1][1].append(ln)  # the teaser (once), a source, an age
        else:
            return None
    return cards or None


def _mark_labels(above: list[Line]) -> None:
    """The link labels right over the box's heading ("View original article", "Comments
    / 3", "Add a comment..."): short, no sentence end, no list marker. A story's own line
    ends as a sentence or is a list item, which stays."""
    for ln in reversed(above[-MAX_LABELS:]):
        if not ln.open:
            continue
        text = ln.text.removesuffix("...").removesuffix("…")
        if (len(text.split()) > MAX_SOURCE_WORDS + 1 or _END.search(text)
                or _LIST_ITEM.match(text) or text[-1:] in "?\"”’)"):
            return
        ln.decide("noise", "nav", CLOSING_BOX)


def mark_closing_box(lines: list[Line]) -> list[Related]:
    """Decide a closing related box; return its cards.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("The council approved the new library on Monday after a long "
    ...     "debate in the chamber.\\nRelated\\nBus routes to change from next month\\n"
    ...     "Transit officials said two routes would be merged in the spring.\\n"
    ...     "Snow plows to start routes early this year\\nCity Paper")
    >>> [(r.title, r.source) for r in mark_closing_box(page)]
    [('Bus routes to change from next month', None), ('Snow plows to start routes early \
this year', 'City Paper')]
    """
    live = [ln for ln in lines if ln.fate != "blank"]
    first_para = next((k for k, ln in enumerate(live) if ln.open and _SENTENCE.search(ln.text)),
                      None)  # a sentence of the story: app dumps print short paragraphs
    if first_para is None:
        return []
    for k in range(first_para + 1, len(live)):
        head = live[k]
        named = _HEADING.match(head.text) is not None
        if not (head.open and (named or _after_credit(live, k))):
            continue
        cards = _cards(live[k + 1:])
        if cards is None or cards[0][0] is not live[k + 1]:
            continue  # the first card sits right under the heading
        if not named and len(cards) < MIN_UNNAMED_CARDS:
            continue
        head.decide("noise", "related", CLOSING_BOX)
        _mark_labels(live[first_para + 1:k])
        found = []
        for title, fields in cards:
            title.decide("related", "related", CLOSING_BOX)
            teaser = source = None
            for f in fields:
                f.decide("related", "related", CLOSING_BOX)
                if len(f.text.split()) <= MAX_SOURCE_WORDS and source is None:
                    source = f.text
                elif teaser is None:
                    teaser = f.text
            found.append(Related(title.text, source=source, teaser=teaser))
        return found
    return []
