"""Lines under the chosen title: whether the story's head goes on under a line.

`title_pick` asks, of the short lines around the headline, whether a dateline follows one
(the head goes on under it), whether one heads a list (the story goes on), whether one is
a byline over the date or the first item of the story's bulleted list. Apart from the
title choice because they read one line's neighbours, not the ranking of the head lines.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph
from cleaner.text.dateline_title import is_dateline
from cleaner.text.linerules import SENTENCE_END

__all__ = ["AGE_INSIDE", "BULLETS", "body_bullets", "byline_over_date", "dated", "first_item",
           "heads_list"]

MIN_LIST_ITEMS = 2  # a heading over a list has two items or more; a byline over its role one
BYLINE_MAX_WORDS = 4  # "Microsoft News Editors", "Leah Corrigan"
MAX_OVER_DATE = 3  # name lines over the dateline: a byline, an outlet and its place
BULLETS = "•·-–*"
# A line saying how old the story is ("MSN UK 6 hrs ago News desk") is its dateline, however
# long; headlines name years ago, not hours ago.
AGE_INSIDE = re.compile(r"(?i)\b(?:\d{1,3}|an?) ?(?:secs?|seconds?|mins?|minutes?|hrs?|hours?"
                        r"|days?|weeks?) ago\b")


def heads_list(lines: list[Line], ln: Line) -> bool:
    """Under the line, at least MIN_LIST_ITEMS open short lines in a row, no dateline: the
    items of a list the line heads ("Northside Library: Mondays, 3pm-7pm", sample 464).
    Under a byline the head's rules have already decided a line (a date, "Updated"), or
    the story's first paragraph follows (samples 271, 272: name, role, "Updated")."""
    items = 0
    for k in range(ln.index + 1, len(lines)):
        x = lines[k]
        if x.fate == "blank":
            continue
        if not x.open or is_paragraph(x.text) or is_dateline(x.text):
            break
        items += 1
        if items >= MIN_LIST_ITEMS:
            return True
    return False


def body_bullets(lines: list[Line], body_start: int) -> set[str]:
    """The bullets that open open lines of the body."""
    return {lines[k].text[0] for k in range(body_start, len(lines))
            if lines[k].open and lines[k].text[0] in BULLETS}


def first_item(ln: Line, bullets: set[str]) -> bool:
    """A bullet line whose bullet opens other lines of the story below (`bullets`,
    `_body_bullets`): the first item of the story's list ("• Mobile" over its paragraph,
    then "• Juneau", "• Bemidji", a roundup, sample 467), no label of the head."""
    return ln.text[0] in bullets


def byline_over_date(lines: list[Line], ln: Line) -> bool:
    """A few capitalised words right over the dateline under the title are the byline
    ("Microsoft News Editors" / "Wed, Sep 10", sample 436): a desk's or a writer's name,
    no verb, no sentence end; or a few such lines over it, the outlet and its place."""
    at: Line | None = ln
    for _ in range(MAX_OVER_DATE):  # the outlet, then its place: "The Des Moines Register"
        # / "Boone, IA" / "2025-08-14" (NewsBreak, sample 555)
        assert at is not None
        words = at.text.replace(",", " ").split()
        if not (2 <= len(words) <= BYLINE_MAX_WORDS
                and all(w[0].isupper() and w.isalpha() for w in words)):
            return False
        after = next((x for x in lines[at.index + 1:] if x.fate != "blank"), None)
        if after is None:
            return False
        if (after.fate == "meta" and after.category == "metadata" and bool(after.rule)
                and "dateline" in (after.rule or "")):
            return True
        if after.open and AGE_INSIDE.search(after.text) and not SENTENCE_END.search(
                after.text):  # the outlet over "1 day ago Raquel Soto" (MSN, sample 607)
            return True
        at = after
    return False


def dated(lines: list[Line], ln: Line) -> bool:
    """The next filled line is a dateline: the story's head goes on under the line."""
    for k in range(ln.index + 1, len(lines)):  # no copy of the rest: asked of every head line
        if lines[k].fate != "blank":
            return is_dateline(lines[k].text)
    return False
