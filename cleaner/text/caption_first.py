"""A page that opens with its lead picture's caption, printed beside a lone credit, before
the headline ("Photo: Getty Images" / "Commuters wait on a crowded platform ..." / the
headline / the date / the story).

The caption is as long as a paragraph and ends with a full stop, so it is taken for the
story's start: the head is empty and no title is found. A lone credit line at the top of
the page (a credit rule decided it) says the line beside it is the picture's caption when
the line after that is no paragraph (the headline follows the caption, a story does not)
and announces nothing (a line ending in ':' opens a list; no headline does).
"""

from __future__ import annotations

from cleaner.core.lines import Line, is_paragraph

__all__ = ["mark_leading_caption", "LEADING_CAPTION"]

LEADING_CAPTION = "generic-leading-caption"
LONE_CREDIT_MAX_CHARS = 40  # "Photo: Getty Images" (sample 140); a credited caption is longer
CAPTION_MAX_CHARS = 300
TOP_LINES = 3  # the credit is among the page's first printed lines


def _lone_credit(ln: Line) -> bool:
    return (ln.category == "caption" and not ln.open
            and (ln.text[0] == "(" or len(ln.text) <= LONE_CREDIT_MAX_CHARS))


def _headline_after(text: str) -> bool:
    """The line after the caption may be the headline: no paragraph, and no line that
    announces what comes under it ("1) City councils weigh four-day weeks (Reuters):", a
    list's first item under an intro and its picture credit, sample 511)."""
    return not is_paragraph(text) and not text.endswith(":")


def mark_leading_caption(lines: list[Line]) -> bool:
    """Decide the caption beside a lone credit at the top of the page; True when one was.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Photo: Getty Images\\nA crowded platform at the station "
    ...                    "during the signalling failure on Monday morning, as seen.\\n"
    ...                    "Rail passengers face delays\\nThe story starts here and runs on "
    ...                    "for long enough to be a paragraph of its own, as usual.")
    >>> page[0].decide("noise", "caption", "generic-credit-alone")
    >>> mark_leading_caption(page), page[1].fate
    (True, 'noise')
    """
    top = [ln for ln in lines if ln.fate != "blank"][:TOP_LINES + 2]
    for k, ln in enumerate(top[:TOP_LINES]):
        if not _lone_credit(ln):
            continue
        # the caption under its credit (the headline after it), or above it
        for cap_at, after_at in ((k + 1, k + 2), (k - 1, k + 1)):
            if cap_at < 0 or after_at >= len(top):
                continue
            cap, after = top[cap_at], top[after_at]
            if (cap.open and len(cap.text) <= CAPTION_MAX_CHARS
                    and after.open and _headline_after(after.text)):
                cap.decide("noise", "caption", LEADING_CAPTION)
                return True
    return False
