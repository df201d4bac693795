"""A list the story introduces with a line ending in ':' is the story's, not tail chrome.

"What the plan includes:" over "A new ticket office" / "Longer opening hours" / "Two extra
ferries in summer": after the story's last long paragraph such items are short lines that
do not end as sentences, the shape of tag labels and related headlines, and the tail stages
took them (sample 361's "What's in the bill:" and its items went to tail chrome and
`related`). What makes them the story's is the line over them: a statement of the story
that ends in ':' right under another of the story's lines, announcing the list. Chrome
headings end in ':' too ("Related articles:", "Share this:", "Follow us on:", "Explore
what X can do for you:"), but they speak of the page or to the reader (`chrome_head`),
and the lists under them are links with ages and sources, or run long.

So after the shape stages, the ':' line and the short items under it (up to the first blank
line or other line) are opened again when a shape stage took them (`live_entries.reopen_run`).
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph
from cleaner.core.records import Related
from cleaner.text.chrome_head import story_intro
from cleaner.text.linerules import SENTENCE_END
from cleaner.text.live_entries import SHAPE_RULES, reopen_run

COLON_LIST = "generic-colon-list"
MIN_ITEMS = 2
MAX_ITEMS = 10  # a longer run under a ':' line is a link list
MAX_ITEM_WORDS = 14  # an item is a phrase; a longer line is prose or a teaser

# A card's age or a clock among the "items": a related list or the next live post.
_AGE = re.compile(r"(?i)\bago\b|\b\d{1,2}:\d{2}\b|^\d{1,2}\.\d{2}\b"
                  r"|\b\d{1,3} ?(?:min|mins|h|hrs?|d)\b")


def _usable(ln: Line) -> bool:
    """Still open, or taken by a shape stage only (a rule file's call stands)."""
    return ln.open or ln.rule in SHAPE_RULES


def _intro(lines: list[Line], k: int) -> bool:
    """Line k ends in ':' as the story's statement, right under a line of the story."""
    ln = lines[k]
    if not (story_intro(ln.text) and _usable(ln)):
        return False
    above = next((p for p in reversed(lines[:k]) if p.fate != "blank"), None)
    return above is not None and above.fate in ("undecided", "body") and (
        is_paragraph(above.text) or SENTENCE_END.search(above.text) is not None)


def colon_lists(lines: list[Line]) -> list[range]:
    """The runs of a ':' line and its list items, as line index ranges.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("The trust approved the plan on Monday, the chair said.\\n"
    ...     "What the plan includes:\\nA new ticket office\\nLonger opening hours\\n\\nMore")
    >>> colon_lists(page)
    [range(1, 4)]
    """
    runs = []
    for k, ln in enumerate(lines):
        if not ln.text.endswith(":") or not _intro(lines, k):
            continue
        end = k + 1
        while (end < len(lines) and lines[end].fate != "blank" and _usable(lines[end])
               and len(lines[end].text.split()) <= MAX_ITEM_WORDS
               and not lines[end].text.endswith(":") and not _AGE.search(lines[end].text)):
            end += 1
        if MIN_ITEMS <= end - k - 1 <= MAX_ITEMS:
            runs.append(range(k, end))
    return runs


def reopen_colon_lists(lines: list[Line], related: list[Related]) -> list[Related]:
    """Open again the ':' lists' lines a shape stage took; `related` without their items."""
    for run in colon_lists(lines):
        related = reopen_run(lines, related, run)
    return related
