"""Readers' comments printed under the story: a thread of posts, each opened by the same
header ("Posted by Ellen" / "a resident of Old Mountain View" / "on Jan 14, 2026 at 1:02
pm" / the comment).

The comment heading ("Comments (3)", "12 comments") is a rule's; the posts under it are
sentences, so the shape stages keep them as the story's end. What makes them a thread is
their shape: right under the heading, blocks of a few lines that each open with a line of
the same first words ("Posted by ..."), as many blocks as the heading counts at most, to
the page's end. A story goes on in paragraphs that do not repeat a header, and a
story exists above the heading (an open paragraph), so a page that is only a forum's
listing is not judged here. Sample 519 (a regional portal's story-plus-comments page) set
the shape.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph

__all__ = ["mark_comment_threads", "COMMENT_THREAD"]

COMMENT_THREAD = "generic-comment-thread"
MIN_POSTS = 2  # one post is no thread: a header printed once is the story's line
MAX_POST_LINES = 6  # a post's header lines and its text
MAX_HEADER_WORDS = 8  # "Posted by Budget Watcher"; a longer first line is prose
KEY_WORDS = 2  # the header's first words that every post repeats
_COUNT = re.compile(r"\d+")
# The thread's heading, with its count or not: "Comments (3)", "12 comments", "Replies". A
# comment form's line ("Please enter your comment!") is a comment line but no heading.
_HEADING = re.compile(r"(?i)^(?:\d+ )?(?:comments?|responses?|replies|discussion)"
                      r"(?: \(\d+\))?:?$")
_WORD = re.compile(r"[^\W\d_]+")


def _key(text: str) -> tuple[str, ...] | None:
    """The first words of a header line, lower-cased; None for a line too long to be one."""
    if len(text.split()) > MAX_HEADER_WORDS:
        return None
    words = _WORD.findall(text.lower())[:KEY_WORDS]
    return tuple(words) if len(words) == KEY_WORDS else None


def _thread(after: list[Line], count: int | None) -> bool:
    """The lines after the heading are posts: they open with a header whose first words
    open every post, at least `MIN_POSTS` and at most the heading's count, each post a few
    lines long."""
    key = _key(after[0].text)
    if key is None:
        return False
    starts = [i for i, ln in enumerate(after) if _key(ln.text) == key]
    if len(starts) < MIN_POSTS or (count is not None and len(starts) > count):
        return False
    ends = [*starts[1:], len(after)]
    return all(b - a <= MAX_POST_LINES for a, b in zip(starts, ends))


def mark_comment_threads(lines: list[Line]) -> None:
    """Decide the posts under a comment heading as comments.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("The council approved a new library on Monday after a long debate "
    ...     "in the chamber.\\nComments (2)\\nPosted by Ana\\nGood news for the east side.\\n"
    ...     "Posted by Ivo\\nAbout time, too.")
    >>> page[1].decide("noise", "comment", "generic-comment-widget")
    >>> mark_comment_threads(page)
    >>> [ln.rule for ln in page[2:4]]
    ['generic-comment-thread', 'generic-comment-thread']
    """
    filled = [ln for ln in lines if ln.fate != "blank"]
    for k, ln in enumerate(filled):
        if ln.category != "comment" or ln.open or not _HEADING.match(ln.text):
            continue
        after = filled[k + 1:]
        if not after or not any(x.open and is_paragraph(x.text) for x in filled[:k]):
            continue
        m = _COUNT.search(ln.text)
        if _thread(after, int(m.group()) if m else None):
            for x in after:
                if x.open:
                    x.decide("noise", "comment", COMMENT_THREAD)
            return
