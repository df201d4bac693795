"""The writer's bio under the story: "Joel Haverty covers city hall for the Star Tribune.
He previously reported on schools ...".

Partner pages (MSN), magazine wraps and reprints close the story with a sentence or two
about its writer. They are prose, so the shape stages keep them, and their wording is the
writer's own. What gives them away is the page itself: the bio opens with a name that the
page prints apart from the story, as its byline ("Story by Joel Haverty", "By Dana
Whitfield") or as a name alone on its line (the writer's photo and name box over the bio),
and it sits at the body's end, after the story's last paragraph. The byline itself
printed again inside the story ("By Nadia Ferraro" under the lead picture, when the head
gave "Nadia Ferraro") goes too.

From the end of the open lines inward, a line that opens with such a name followed by a
lower-case word ("is", "covers", "has written") is the bio; short lines are stepped over
(a "Follow" button, the writer's role); the first other paragraph ends the walk. A story
whose last paragraph names its own writer is rare, and then it speaks about the writer
too. Samples 461, 493 and 510 (MSN, BIG Media) set the shape.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph

__all__ = ["mark_author_bios", "AUTHOR_BIO"]

AUTHOR_BIO = "generic-author-bio"
MAX_BIO_CHARS = 500  # two or three sentences; a longer line is the story's
MAX_STEP_WORDS = 8  # a short line between the bio and the end (a button, a role)

_NAME = r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’.-]*){1,3}"
# A name printed apart from the story: alone on its line, or as a byline.
_NAME_LINE = re.compile(rf"^(?:(?:By|Story by|Written by|Words by) )?({_NAME})$")
# What a stage calls a byline or a photo box's name: a list of outlets under the story
# that tail chrome took is no writer ("The Wrexham Leader" above "The Wrexham Leader says
# ...", a papers review, sample 052).
_NAME_CATEGORIES = frozenset({"metadata", "caption"})
_OPENS_WITH_NAME = re.compile(rf"^({_NAME}) [a-z]")


def _page_names(lines: list[Line]) -> set[str]:
    """Names the page printed on lines of their own that a stage already took out of the
    story as a byline or a caption (the photo box's name line); no name opens with
    "The"."""
    return {m.group(1) for ln in lines
            if (ln.fate == "meta" or ln.category in _NAME_CATEGORIES)
            and (m := _NAME_LINE.match(ln.text)) and not m.group(1).startswith("The ")}


def _labelled_names(lines: list[Line]) -> set[str]:
    """Names of bylines still open because they sit below the story ("Written by Harold
    Benning" over an opinion piece's bio, sample 422): the label makes them bylines."""
    return {m.group(1) for ln in lines if ln.open and (m := _NAME_LINE.match(ln.text))
            and m.group(1) != ln.text and not m.group(1).startswith("The ")}


def _bio_of(text: str, names: set[str]) -> bool:
    """The line opens with one of the page's names and goes on in lower case."""
    if len(text) > MAX_BIO_CHARS:
        return False
    m = _OPENS_WITH_NAME.match(text)
    if m is None:
        return False
    words = m.group(1).split()
    # the regex may take a capitalised word after the name ("Dana Whitfield Is"): any
    # leading run of two words or more that is a page name counts
    return any(" ".join(words[:k]) in names for k in range(len(words), 1, -1))


def mark_author_bios(lines: list[Line]) -> None:
    """Decide the writer's bio at the end of the body as metadata.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Story by Ana Ruiz\\nThe council approved the library on Monday "
    ...     "after a long debate in the chamber.\\nAna Ruiz covers city hall for the Post. "
    ...     "She previously reported on schools.")
    >>> page[0].decide("meta", "metadata", "generic-byline")
    >>> mark_author_bios(page)
    >>> [ln.rule for ln in page[1:]]
    [None, 'generic-author-bio']
    """
    names = _page_names(lines) | _labelled_names(lines)
    if not names:
        return
    for ln in lines:  # the byline printed again in the story ("By Nadia Ferraro", 455)
        if ln.open and (m := _NAME_LINE.match(ln.text)) and m.group(1) in names and (
                m.group(1) != ln.text):
            ln.decide("noise", "metadata", AUTHOR_BIO)
    for ln in reversed(lines):
        if not ln.open:
            continue
        if _bio_of(ln.text, names):
            ln.decide("noise", "metadata", AUTHOR_BIO)
        elif is_paragraph(ln.text) or len(ln.text.split()) > MAX_STEP_WORDS:
            return
