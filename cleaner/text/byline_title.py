"""A byline taken for the title: "Daniel Okafor in Seattle", "Priya Lindqvist and Tom
Eardley (earlier)".

Newspaper templates copied by aggregators print the byline between the section label and
the headline; the title stage ranks head lines by shape, and a short Title-Case line of
names ranks like a headline, while the headline itself, under a blank line, starts the
body. A line of two or three capitalised names joined by "and", with a place after "in"
(after either name: "Ana Ruiz in Phoenix and Tom Hale")
or a live blog's "(earlier)", is a byline by its shape; when the open line right after it
is headline-shaped (four words or more, no paragraph, no closing stop), that line is the
title and the byline is metadata. When the title stage already took the headline under
such a byline (its words recur in the story, the byline's do not), the byline it judged
chrome above the title is metadata too.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph
from cleaner.text.headline_chrome import chrome_shape
from cleaner.text.title_pick import ABOVE_TITLE

__all__ = ["fix_byline_title", "BYLINE_AS_TITLE"]

BYLINE_AS_TITLE = "generic-byline-over-headline"
# Head lines the title stage ranks as chrome that are bylines by their shape
# (headline_chrome): "Tamsin Greaves, Senior Lecturer in Urban Ecology", "Story by Priya
# Nandan • 4h".
_BYLINE_SHAPES = frozenset({"name-role", "by-line"})
MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_WORDS = 30
_NAME = r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}"
_IN = r" in [A-Z][a-z]+(?: [A-Z][a-z]+)?"
_BYLINE = re.compile(
    rf"^{_NAME}(?:(?:, {_NAME})* (?:and|&) {_NAME}(?:{_IN})?"
    rf"|{_IN}(?: (?:and|&) {_NAME}(?:{_IN})?)?)(?: \((?:earlier|now|later)\))?$"
    rf"|^{_NAME} \((?:earlier|now|later)\)$")


def _headline(text: str) -> bool:
    words = len(text.split())
    return (MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS and not is_paragraph(text)
            and text[-1] not in ".,:;")


def _byline(text: str) -> bool:
    return _BYLINE.match(text) is not None or chrome_shape(text) in _BYLINE_SHAPES


def fix_byline_title(lines: list[Line], title: str | None) -> str | None:
    """The headline under a byline picked as the title, or the title unchanged; a byline
    over the title (the title stage judged it chrome above the headline) is metadata
    either way."""
    if not title:
        return title
    at = next((ln for ln in lines if ln.fate == "title"), None)
    if at is None:
        return title
    if _BYLINE.match(title) is None:
        for above in lines[:at.index]:
            if above.rule == ABOVE_TITLE and _byline(above.text):
                above.decide("meta", "metadata", BYLINE_AS_TITLE)
        return title
    after = next((ln for ln in lines[at.index + 1:] if ln.fate != "blank"), None)
    if after is None or not after.open and after.fate != "body" or not _headline(after.text):
        return title
    at.decide("meta", "metadata", BYLINE_AS_TITLE)
    after.decide("title", None, None)
    return after.text
