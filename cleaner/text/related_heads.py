"""Related-story boxes inside a text dump's body, under a heading the rules do not see.

Two shapes recur on autoblog copies and tabloid syndications:

- the heading glued to its first item, the box's list dashes kept: "Related Articles- X",
  then "- Y", "- Z" on lines of their own. The rule for related lists wants the heading
  alone on its line, so the box stays in the story;
- a heading in capitals that says "read more" or "more" with a topic ("READ MORE RUGBY
  NEWS"), then one to `MAX_ITEMS` headlines before the story goes on.

Items are headline-shaped: no sentence end (a question mark aside), 4 to `MAX_WORDS`
words. A heading with no item under it is left alone.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph
from cleaner.core.records import Related

__all__ = ["mark_related_heads", "RELATED_HEAD"]

RELATED_HEAD = "generic-related-head"
MAX_ITEMS = 4
MIN_WORDS = 4
MAX_WORDS = 25

_GLUED = re.compile(
    r"^(?:Related (?:Articles|Stories|Posts|News)|More (?:Stories|News)|See [Aa]lso"
    r"|Also [Rr]ead|Read [Aa]lso|You [Mm]ay [Aa]lso [Ll]ike)[-–—:] ?(?P<title>\S.+)$")
_DASHED = re.compile(r"^[-–—•] ?(?P<title>\S.+)$")
_CAPS_HEAD = re.compile(r"^(?:READ MORE|MORE|RELATED|ALSO READ)(?: [A-Z][A-Z'’&]*){0,4}$")
_END = re.compile(r"[.!:;,]$")


def _item(text: str) -> bool:
    words = len(text.split())
    return MIN_WORDS <= words <= MAX_WORDS and not _END.search(text) and not is_paragraph(
        text.rstrip("?"))


def mark_related_heads(lines: list[Line]) -> list[Related]:
    """Decide glued and capitals related boxes inside the body; return their items.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Related Articles- Dam levels fall for third month\\n"
    ...                    "- Water board raises rates for new homes")
    >>> [r.title for r in mark_related_heads(page)]
    ['Dam levels fall for third month', 'Water board raises rates for new homes']
    """
    live = [ln for ln in lines if ln.open]
    found: list[Related] = []
    k = 0
    while k < len(live):
        ln = live[k]
        glued = _GLUED.match(ln.text)
        items: list[tuple[Line, str]] = []
        if glued and _item(glued["title"]):
            items.append((ln, glued["title"]))
            for nxt in live[k + 1:k + 1 + MAX_ITEMS]:
                dashed = _DASHED.match(nxt.text)
                if not dashed or not _item(dashed["title"]):
                    break
                items.append((nxt, dashed["title"]))
        elif _CAPS_HEAD.match(ln.text):
            for nxt in live[k + 1:k + 1 + MAX_ITEMS]:
                if not _item(nxt.text) or nxt.text.isupper():
                    break
                items.append((nxt, nxt.text))
            after = k + 1 + len(items)
            if items and (after >= len(live) or not is_paragraph(live[after].text)):
                items = []  # the story does not go on under it: a list of the story's own
            if items:
                ln.decide("noise", "related", RELATED_HEAD)
        for item, title in items:
            item.decide("related", "related", RELATED_HEAD)
            found.append(Related(title))
        k += (len(items) if glued else 1 + len(items)) or 1
    return found
