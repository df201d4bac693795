"""Bylines that a text dump prints as lines of their own: sign-offs and counters.

Live blogs close every post with its writer's sign-off ("- Mia Castellano"), edition
pages print the writer as a dashed line over the headline ("- ROSA BRENNAN"), a byline
goes on with its role on a dotted line ("·Homepage and Live Editor"), and a live blog's
banner glues its state to a count of posts ("LIVE COVERAGE IS OVER12 updates"). None is
a sentence, so the body keeps them. Their shapes:

- a sign-off: a dash, then a person's name (2 to 4 capitalised words, no digits); it is
  the writer's when it recurs on the page or sits above the title, where a list item
  ("- New York City") is printed once, inside the story;
- a role line: a dot-led short line right under a name line;
- a counter banner: a run of capitals glued to a number and a lower-case noun;
- a credit line of labelled fields printed under each item of a roundup ("Partner: USA
  Today | Publish date: 2/12", MSN, sample 437): "Label: value" fields between bars, the
  same labels on two lines or more of the page (a recipe's "Prep time: 10 min | Cook
  time: 20 min" is printed once).
"""

from __future__ import annotations

import re
from collections import Counter

from cleaner.core.lines import Line

__all__ = ["mark_signoffs", "SIGN_OFF"]

SIGN_OFF = "generic-sign-off"
MAX_ROLE_WORDS = 6

_NAME = r"(?:[A-Z][a-z'’-]+|[A-Z][A-Z'’-]+)(?: (?:[A-Z][a-z'’-]+|[A-Z][A-Z'’-]+)){1,3}"
_SIGN_OFF = re.compile(rf"^[-–—] ?{_NAME}$")
_NAME_LINE = re.compile(rf"^{_NAME}$")
_ROLE = re.compile(r"^[·•] ?[A-Z][^.!?]*$")
_LEADS = frozenset("-–—·•")
_DASHES = frozenset("-–—")  # what `_SIGN_OFF` starts with
_DOTS = frozenset("·•")  # what `_ROLE` starts with
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # `_NAME_LINE`, `_COUNTER`
_COUNTER = re.compile(r"^[A-Z][A-Z'’ ]{3,}[A-Z]\d+ [a-z]+$")
_FIELD = re.compile(r"^([A-Z][\w'’ ]{0,24}): \S[^|:]{0,40}$")
MIN_FIELD_LINES = 2


def _field_labels(text: str) -> tuple[str, ...] | None:
    """The labels of a line of two or more "Label: value" fields between bars, or None."""
    if " | " not in text:
        return None
    labels = []
    for part in text.split(" | "):
        m = _FIELD.match(part.strip())
        if m is None:
            return None
        labels.append(m.group(1))
    return tuple(labels) if len(labels) >= 2 else None


def _field_lines(filled: list[Line]) -> set[int]:
    """Lines of labelled fields whose labels recur on the page."""
    found = {ln.index: labels for ln in filled if ln.open
             and (labels := _field_labels(ln.text)) is not None}
    counts = Counter(found.values())
    return {k for k, labels in found.items() if counts[labels] >= MIN_FIELD_LINES}


def mark_signoffs(lines: list[Line], title: str | None) -> None:
    """Decide writers' sign-offs, role lines, counter banners and recurring credit lines
    of labelled fields as metadata.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Ferry service resumes\\nThe ferry runs again after repairs to "
    ...     "the vessel were finished overnight.\\n- Ann Lee\\nBuses added for the week\\n"
    ...     "Extra buses will run on the route all week while the bridge is shut.\\n- Ann Lee")
    >>> mark_signoffs(page, "Ferry service resumes")
    >>> [ln.fate for ln in page]
    ['undecided', 'undecided', 'noise', 'undecided', 'undecided', 'noise']
    """
    filled = [ln for ln in lines if ln.text.strip()]
    for k in _field_lines(filled):
        lines[k].decide("noise", "metadata", SIGN_OFF)
    if not any(ln.text[0] in _LEADS or ln.text[-1].islower() for ln in filled):
        return  # no dash, dot or count on the page: nothing to look at
    # each pattern's first character is tested before the pattern (exact: every match
    # starts so), most lines start with none of them
    counts = Counter(ln.text for ln in filled
                     if ln.text[0] in _DASHES and _SIGN_OFF.match(ln.text))
    above = True
    previous: Line | None = None
    for k, ln in enumerate(filled):
        if title is not None and ln.text == title:
            above = False
        elif ln.open:
            text = ln.text
            first = text[0]
            if first in _DASHES:
                over_title = k + 1 < len(filled) and filled[k + 1].text == title
                if _SIGN_OFF.match(text) and (counts[text] > 1 or above or over_title):
                    ln.decide("noise", "metadata", SIGN_OFF)
            elif first in _CAPITALS:
                if text[-1].islower() and _COUNTER.match(text):
                    ln.decide("noise", "metadata", SIGN_OFF)
            elif (first in _DOTS and previous is not None
                  and previous.text[0] in _CAPITALS and _NAME_LINE.match(previous.text)
                  and _ROLE.match(text) and len(text.split()) <= MAX_ROLE_WORDS):
                ln.decide("noise", "metadata", SIGN_OFF)
        previous = ln
