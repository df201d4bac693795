"""A notice paragraph printed above the headline: where the head resumes under it.

The head of a story ends at its first paragraph (`zones`). Some pages print a paragraph
above the headline that is no part of the story: a browser notice ("You are using an older
browser version. Please use a supported version ..."), a site's blurb ("Independent and
neutral with regard to all political and religious orientations, ..."), a donation appeal.
The head then looks empty or holds only chrome, and the headline under the notice is taken
for the body. Such a paragraph is told from a standfirst by its place and its words: it
stands among the page's first lines, and the story under it does not repeat its words (a
standfirst sums the story up, so the story echoes it).
"""

from __future__ import annotations

from cleaner.core.lines import Line, is_paragraph
from cleaner.text.edge_notes import says_publishing
from cleaner.text.title_evidence import echo, story_words

__all__ = ["lines_after_notice", "notice_heading"]

# The notice is among the page's first filled lines (samples 219, 228, 337, 349: the first
# to third); further down a paragraph above short lines is a standfirst or a story's own.
NOTICE_MAX_POSITION = 3
MIN_HEADING_STEMS = 2  # words a notice's heading shares with it ("Updates to our Terms")
# Short lines between the notice and the story's first paragraph: the headline, its
# source, a dateline. More is a list, not a head.
MAX_UNDER_LINES = 6
# A headline's length: the seeds' longest has 150 characters; a longer line without a
# stop under a notice is a caption with its credit glued on (sample 279).
HEADLINE_MAX_CHARS = 150


def lines_after_notice(lines: list[Line], body_start: int) -> list[Line]:
    """The open short lines between a notice paragraph at `body_start` and the next
    paragraph, or [] when that paragraph is no notice (see the module docstring)."""
    if body_start >= len(lines):
        return []
    above = 0  # filled lines above the paragraph
    heading: Line | None = None  # the filled line right above it
    for ln in lines[:body_start]:
        if ln.fate != "blank":
            above += 1
            heading = ln
            if above >= NOTICE_MAX_POSITION:
                return []
    notice = lines[body_start].text
    if (heading is not None and heading.open and not says_publishing(notice)
            and echo(heading.text, story_words([lines[body_start]], 0))):
        return []  # the story under its own headline (a roundup's first item, sample 601)
    under: list[Line] = []
    for ln in lines[body_start + 1:]:
        if ln.fate == "blank":
            continue
        if is_paragraph(ln.text):
            break
        if ln.open and len(ln.text) <= HEADLINE_MAX_CHARS:
            under.append(ln)
            if len(under) > MAX_UNDER_LINES:
                return []
    else:
        return []  # no story under the short lines
    if not under:
        return []
    if echo(notice, story_words(lines, under[-1].index + 1)):
        return []  # a standfirst: the story repeats it
    return under


def notice_heading(lines: list[Line]) -> Line | None:
    """The heading of a site notice printed first on the page: a short line right over a
    paragraph among the page's first lines that speaks of the site (`says_publishing`:
    terms of use, a browser warning) and restates the heading's words ("Updates to our
    Terms of Use" over "We are updating our Terms of Use. Please ...", sample 566). It has
    a headline's size, not its part: the title is looked for without it."""
    from cleaner.text.topic_pairs import stems  # topic_pairs reads headlines: no cycle here

    filled = [ln for ln in lines if ln.fate != "blank"][:NOTICE_MAX_POSITION]
    for k, ln in enumerate(filled):
        if not (ln.open and is_paragraph(ln.text)):
            continue
        head = filled[k - 1] if k else None
        if (head is not None and head.open and not is_paragraph(head.text)
                and says_publishing(ln.text)
                and len(stems(head.text) & stems(ln.text)) >= MIN_HEADING_STEMS):
            return head
        return None
    return None
