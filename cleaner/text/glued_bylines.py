"""Headlines glued to their byline and place: "Denver's oldest diner marks 80 years on
ColfaxRick HaydenDenver, CO".

Local-news apps list more stories as a headline, the author's name and the story's town on
one line; copied as text the three run together. The glue is the shape: a lowercase letter
or digit then a capitalised name of two or three words, then a place "Town, ST" at the
end of the line. Two such lines in a row are a list of related stories (one alone could be
a sentence that happens to end so).
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line
from cleaner.core.records import Related

__all__ = ["mark_glued_bylines", "GLUED_BYLINES"]

GLUED_BYLINES = "generic-glued-bylines"
MIN_ITEMS = 2
_GLUED = re.compile(
    r"^(?P<title>\S.{11,200}?[a-z0-9'’)])"
    r"(?P<author>[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){1,2})"
    r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)*, [A-Z]{2})$")


def _place_end(text: str) -> bool:
    """Whether the line ends as `_GLUED` must (", NY"): a string test that spares most lines
    the pattern's lazy title, tried at length after length."""
    return (len(text) > 4 and text[-4:-2] == ", " and "A" <= text[-2] <= "Z"
            and "A" <= text[-1] <= "Z")


def mark_glued_bylines(lines: list[Line]) -> list[Related]:
    """Decide runs of glued headline/byline/place lines as related; return their items."""
    open_lines = [ln for ln in lines if ln.open]
    runs: list[list[tuple[Line, re.Match[str]]]] = [[]]
    for ln in open_lines:
        m = _GLUED.match(ln.text) if _place_end(ln.text) else None
        if m:
            runs[-1].append((ln, m))
        elif runs[-1]:
            runs.append([])
    items: list[Related] = []
    for run in runs:
        if len(run) < MIN_ITEMS:
            continue
        for ln, m in run:
            ln.decide("related", "related", GLUED_BYLINES)
            items.append(Related(m.group("title"), None, None, None, None))
    return items
