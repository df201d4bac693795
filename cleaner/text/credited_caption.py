"""A page that opens with its picture's caption, the credit in brackets at its end
("Passengers board a bus in Birmingham city centre (Jacob King/PA)"), then the headline.

The caption is a short line with no full stop, shaped like a headline, so the title stage
takes it. The bracketed credit ("(Name/Agency)", "(Illustrative image - AI generated)")
says it is a caption when the next line is headline-shaped and a paragraph follows: a
headline does not end with a photographer's credit. Holdout upday pages (samples 225-226).
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph

__all__ = ["mark_credited_caption", "CREDITED_CAPTION"]

CREDITED_CAPTION = "generic-credited-caption"
TOP_LINES = 2  # the caption is among the page's first printed lines
HEADLINE_MAX_CHARS = 220

_CREDIT = re.compile(r" \((?:[^()/]{2,40}/[^()/]{1,30}"
                     r"|(?i:[^()]{0,30}\b(?:image|photo|picture|illustration)\b[^()]{0,40}))\)$")


def mark_credited_caption(lines: list[Line]) -> bool:
    """Decide a credited caption printed above the headline; True when one was.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("A bus in the city centre (Jane Roe/PA)\\nBus fares capped\\n"
    ...     "The cap on single bus fares will stay in place until the end of next year, "
    ...     "ministers said.")
    >>> mark_credited_caption(page), page[0].fate
    (True, 'noise')
    """
    live = [ln for ln in lines if ln.fate != "blank"]
    for k, ln in enumerate(live[:TOP_LINES]):
        if not ln.open or _CREDIT.search(ln.text) is None or k + 2 >= len(live):
            continue
        head, story = live[k + 1], live[k + 2]
        if (head.open and story.open and len(head.text) <= HEADLINE_MAX_CHARS
                and not is_paragraph(head.text) and is_paragraph(story.text)):
            ln.decide("noise", "caption", CREDITED_CAPTION)
            return True
    return False
