"""Cards after the story that print the same label under every headline.

Summary sites and aggregator apps close an article with "Latest from" cards whose lines
carry no anchor the card readers know: a headline, a short label under it that every card
repeats with its own value ("positiveWorld Affairs" / "neutralWorld Affairs", a
sentiment glued to the section; "Updated (2 articles)" / "Updated (3 articles)", a
coverage counter), then maybe a teaser paragraph (samples 492 and 514). The last card is
often its headline and label alone. The label's repetition is the evidence, whatever it
says: two labels or more whose shape is the same once digits and a lower-case word glued
to their front are set aside, each right under a headline, make the run when

- the run reaches the page's end: between two cards at most `MAX_TEASER_LINES` teaser
  paragraphs, after the last card nothing but a teaser and short lines;
- a story stands above it (`MIN_STORY_PARAGRAPHS` paragraphs before the first headline);
- no label is a time or a date: a live blog's entries print "10:32 GMT" under their
  headlines and are the story itself.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph
from cleaner.core.records import Related
from cleaner.text.topic_pairs import headline

__all__ = ["LABELLED_TAIL", "mark_labelled_tail"]

LABELLED_TAIL = "generic-labelled-tail"
MIN_CARDS = 2
MAX_LABEL_WORDS = 5
MAX_TEASER_LINES = 2
MAX_SHORT_WORDS = 8  # chrome after the last card ("Feedback", "0 comments")
MIN_STORY_PARAGRAPHS = 2

_DIGITS = re.compile(r"\d+")
_GLUED_FRONT = re.compile(r"^[a-z]+(?=[A-Z])")  # "positive" in "positiveWorld Affairs"
_TIME_OR_DATE = re.compile(
    r"\d{1,2}[:.]\d{2}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\bago\b|\b(?:GMT|BST|UTC|ET|PT)\b", re.IGNORECASE)


def _key(text: str) -> str | None:
    """The label's shape, or None when the line is no label."""
    words = text.split()
    if not 1 <= len(words) <= MAX_LABEL_WORDS or is_paragraph(text):
        return None
    if _TIME_OR_DATE.search(text):
        return None
    return _DIGITS.sub("#", _GLUED_FRONT.sub("", text))


def _cards(texts: list[str]) -> list[tuple[int, int]]:
    """(headline, label) positions of the largest group of labels of one shape, each
    right under a headline."""
    groups: dict[str, list[tuple[int, int]]] = {}
    for k in range(1, len(texts)):
        key = _key(texts[k])
        if key is not None and headline(texts[k - 1]) and _key(texts[k - 1]) != key:
            groups.setdefault(key, []).append((k - 1, k))
    return max(groups.values(), key=len, default=[])


def _short(text: str) -> bool:
    return len(text.split()) <= MAX_SHORT_WORDS and not is_paragraph(text)


def mark_labelled_tail(lines: list[Line]) -> list[Related]:
    """Decide the labelled cards that close the page as related; return them.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines(
    ...     "The council approved a new library for the east side on Monday, after "
    ...     "years of campaigning by parents and teachers.\\n"
    ...     "Building work starts in the autumn, and the doors should open about two "
    ...     "years later.\\n"
    ...     "Latest from City Hall\\n"
    ...     "Ferry fares to rise for island commuters in spring\\nupdateCity Hall\\n"
    ...     "Island commuters will pay more for ferry fares from the spring, the "
    ...     "operator said on Tuesday.\\n"
    ...     "Rail strike called off after late pay offer\\nnewsCity Hall")
    >>> [r.title[:20] for r in mark_labelled_tail(page)]
    ['Ferry fares to rise ', 'Rail strike called o']
    """
    live = [ln for ln in lines if ln.open]
    texts = [ln.text for ln in live]
    cards = _cards(texts)
    if len(cards) < MIN_CARDS or len({texts[h] for h, _ in cards}) < len(cards):
        return []
    if sum(is_paragraph(t) for t in texts[:cards[0][0]]) < MIN_STORY_PARAGRAPHS:
        return []  # no story above: a listing, the listing readers' page
    ends = [h for h, _ in cards[1:]] + [len(texts)]
    teasers: list[list[int]] = []
    for (_, label), end in zip(cards, ends):
        between = list(range(label + 1, end))
        prose = [j for j in between if is_paragraph(texts[j])]
        if prose != between[:len(prose)] or len(prose) > MAX_TEASER_LINES:
            return []  # other lines inside a card: not one template
        rest = between[len(prose):]
        if end != len(texts) and rest:
            return []
        if not all(_short(texts[j]) for j in rest):
            return []
        teasers.append(prose)
    items = []
    for (head, label), prose in zip(cards, teasers):
        for j in (head, label, *prose):
            live[j].decide("related", "related", LABELLED_TAIL)
        items.append(Related(texts[head], None, None, None,
                             "\n".join(texts[j] for j in prose) or None))
    return items
