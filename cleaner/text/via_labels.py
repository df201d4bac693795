"""Cards opened by a syndication label: "<Outlet> on <AGGREGATOR>" with what follows glued.

News-search and portal listings fed by a syndicator print each story's source as
"Fox Weather on MSN", "USA TODAY on MSN2d" or "1don MSN" (an age in front), and the
text dump glues the label to the next field: the age ("2d"), a tag ("Opinion") or the
headline itself ("Associated Press on MSNFlorida governor declares ..."). No line is a
source or a time alone, so the shape stage finds no card, and the headline glued to the
label is no headline for the pair stage either.

A label line opens a card: the headline is what is glued after it when it is headline
long (`MIN_TITLE_WORDS`), else the next line (a label with neither an age nor a
glued headline is no label: "He appeared on CNN"); the lines after it, up to the next label,
are its teaser. Two labels or more on a page make the cards.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line
from cleaner.core.records import Related

__all__ = ["mark_via_labels", "VIA_LABELS"]

VIA_LABELS = "generic-via-labels"
MIN_CARDS = 2
MIN_TITLE_WORDS = 4
MAX_TEASER_LINES = 2

_LABEL = re.compile(
    r"^(?:(?P<age>\d{1,2}[smhdw])|(?P<source>[\w&'’.-]+(?: [\w&'’.-]+){0,5}) )"
    r"on (?P<via>[A-Z]{2,6})(?=[A-Z\d]|$)(?P<rest>.*)$")
_AGE = re.compile(r"^\d{1,2}[smhdw]")


def _label(text: str) -> re.Match[str] | None:
    """The label's parts; it ends where the aggregator's capitals do ("MSNFlorida"). A
    label carries an age or a glued headline: "He appeared on CNN" is a sentence's end."""
    m = _LABEL.match(text) if "on " in text else None  # a substring test spares most lines
    if m is None or m["age"] or _AGE.match(m["rest"]):
        return m
    return m if len(m["rest"].split()) >= MIN_TITLE_WORDS else None


def mark_via_labels(lines: list[Line]) -> list[Related]:
    """Decide label-opened cards as related; return them.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("USA TODAY on MSN2d\\nWhere will the storm make landfall?\\n"
    ...     "The forecast cone has shifted west since Tuesday, closer to the coast.\\n"
    ...     "Associated Press on MSNGovernor declares emergency in 23 counties\\n"
    ...     "The declaration frees up state resources ahead of the storm.")
    >>> [(r.title, r.source) for r in mark_via_labels(page)][1]
    ('Governor declares emergency in 23 counties', 'Associated Press')
    """
    live = [ln for ln in lines if ln.open]
    labels = [(k, m) for k, ln in enumerate(live) if (m := _label(ln.text))]
    if len(labels) < MIN_CARDS:
        return []
    found = []
    ends = [k for k, _ in labels[1:]] + [len(live)]
    for (k, m), end in zip(labels, ends):
        rest = m["rest"]
        glued_age = _AGE.match(rest)
        age = m["age"] or (glued_age.group(0) if glued_age else None)
        glued = rest[len(age):] if age and not m["age"] else rest
        if len(glued.split()) >= MIN_TITLE_WORDS:
            title, first = glued, k + 1
        elif k + 1 < end:
            title, first = live[k + 1].text, k + 2
        else:
            continue
        body = live[first:min(end, first + MAX_TEASER_LINES)]
        for ln in live[k:first] + body:
            ln.decide("related", "related", VIA_LABELS)
        teaser = " ".join(ln.text for ln in body) or None
        found.append(Related(title, source=m["source"], published=age, teaser=teaser))
    return found
