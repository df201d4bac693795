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
- a counter banner: a run of capitals glued to a number and a lower-case noun.
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
_COUNTER = re.compile(r"^[A-Z][A-Z'’ ]{3,}[A-Z]\d+ [a-z]+$")


def mark_signoffs(lines: list[Line], title: str | None) -> None:
    """Decide writers' sign-offs, role lines and counter banners as metadata.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Ferry service resumes\\nThe ferry runs again after repairs to "
    ...     "the vessel were finished overnight.\\n- Ann Lee\\nBuses added for the week\\n"
    ...     "Extra buses will run on the route all week while the bridge is shut.\\n- Ann Lee")
    >>> mark_signoffs(page, "Ferry service resumes")
    >>> [ln.fate for ln in page]
    ['undecided', 'undecided', 'noise', 'undecided', 'undecided', 'noise']
    """
    filled = [ln for ln in lines if ln.text.strip()]
    if not any(ln.text[0] in _LEADS or ln.text[-1].islower() for ln in filled):
        return  # no dash, dot or count on the page: nothing to look at
    counts = Counter(ln.text for ln in filled if _SIGN_OFF.match(ln.text))
    above = True
    previous: Line | None = None
    for k, ln in enumerate(filled):
        if title is not None and ln.text == title:
            above = False
        elif ln.open:
            over_title = k + 1 < len(filled) and filled[k + 1].text == title
            if _SIGN_OFF.match(ln.text) and (counts[ln.text] > 1 or above or over_title):
                ln.decide("noise", "metadata", SIGN_OFF)
            elif _COUNTER.match(ln.text):
                ln.decide("noise", "metadata", SIGN_OFF)
            elif (previous is not None and _NAME_LINE.match(previous.text)
                  and _ROLE.match(ln.text) and len(ln.text.split()) <= MAX_ROLE_WORDS):
                ln.decide("noise", "metadata", SIGN_OFF)
        previous = ln
