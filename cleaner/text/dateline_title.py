"""The headline over its dateline, when the title stage chose none or a line in the body.

Briefings and digests ("Your Morning Briefing", "Morning Briefing: October 9, 2018") print
a short headline, a line with the date or age and the desk ("MSN UK 6 hrs ago News
desk", "09/10/2018 News desk"), an intro paragraph, then one headline and paragraph per
item. The title stage ranks the short headline as chrome and takes an item's headline
under the intro, or finds none. The shape of a story's head fixes it: a headline, a
dateline, a paragraph, in that order, above the title (or on a page without one): the
title stage took a line below the story's first paragraph, where a headline never is,
and the item's headline it took goes back to the body.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph

__all__ = ["fix_dateline_title", "is_dateline", "DATELINE_TITLE"]

DATELINE_TITLE = "generic-title-over-dateline"
MAX_DATELINE_WORDS = 8
MIN_TITLE_WORDS = 2
MAX_TITLE_WORDS = 16
_MOVABLE = frozenset({None, "generic-above-title"})  # head chrome by rank alone

_DATE = re.compile(
    r"\b\d{1,3} ?(?:mins?|minutes?|hrs?|hours?|days?) ago\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
    r" \d{1,2},? \d{4}\b")


def is_dateline(text: str) -> bool:
    """A short line with a date or an age: "3 hours ago News desk", "09/10/2018 News desk"."""
    return len(text.split()) <= MAX_DATELINE_WORDS and _DATE.search(text) is not None


def _titled(ln: Line) -> bool:
    words = len(ln.text.split())
    return (MIN_TITLE_WORDS <= words <= MAX_TITLE_WORDS and not ln.text.endswith(".")
            and not is_paragraph(ln.text) and (ln.open or ln.rule in _MOVABLE))


def fix_dateline_title(lines: list[Line], title: str | None) -> str | None:
    """The headline over the first paragraph's dateline, or the title unchanged; a
    dateline between the title and the first paragraph is metadata.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Your Morning Briefing\\nMSN UK 6 hrs ago News desk\\n"
    ...     "Good morning. Here is what you need to know to start your day, from our news desk.")
    >>> fix_dateline_title(page, None), page[1].fate
    ('Your Morning Briefing', 'meta')
    """
    filled = [ln for ln in lines if ln.text.strip()]
    current = next((k for k, ln in enumerate(filled) if ln.fate == "title"), None)
    if title is not None and current is None:
        return title  # a title the markup gave: not ours to move
    for k in range(2, len(filled) if current is None else current):
        ln = filled[k]
        if not ((ln.open or ln.fate == "body") and is_paragraph(ln.text)):
            continue
        date, head = filled[k - 1], filled[k - 2]
        if is_dateline(date.text) and _titled(head):
            if current is not None:  # an item's headline: the body's again
                filled[current].decide("undecided", None, None)
            date.decide("meta", "metadata", DATELINE_TITLE)
            head.decide("title", None, None)
            return head.text
    if current is not None and current + 2 < len(filled):  # the title is the headline
        date, para = filled[current + 1], filled[current + 2]
        if (date.open and is_dateline(date.text) and (para.open or para.fate == "body")
                and is_paragraph(para.text)):
            date.decide("meta", "metadata", DATELINE_TITLE)
    return title
