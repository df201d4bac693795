"""Short chrome after the story's last paragraph, and tag lines that were subheads after all.

Below the story, text dumps print tag labels, "Show more", durations and headings over
related lists: lines that do not end as a sentence. Kept apart from the line rules because
it judges by shape (no rule names these lines) and only after the tail is known.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line
from cleaner.rulebook.model import Active
from cleaner.text.linerules import SENTENCE_END
from cleaner.text.zones import Zones

TAIL_CHROME = "generic-tail-chrome"
# A tail line this long is prose whatever its end (Economic Times copies glue a run of
# promo headlines to the last paragraph); tag labels and headings are far shorter.
TAIL_KEEP_CHARS = 160

_INNER_SENTENCE = re.compile(r"[a-z][.!?] [A-Z]")  # a sentence ends inside: prose, or a
# question a maintainer should see ("Was this article helpful? Yes No")

def mark_tail_chrome(lines: list[Line], zones: Zones) -> None:
    """After the last paragraph, lines that do not end like a sentence are page chrome:
    tag labels, "Hashtags", "Show more", video durations, a list of newspaper names, a
    heading over the related list. A closing sentence stays ("The plan takes effect in
    May."), and so does a long line (a paragraph with a promo glued to its end). Short
    lines inside the body (subheads, list items) are never judged here."""
    for ln in lines[zones.tail_start:]:
        if (ln.open and len(ln.text) < TAIL_KEEP_CHARS
                and not SENTENCE_END.search(ln.text) and not _INNER_SENTENCE.search(ln.text)):
            ln.decide("noise", "nav", TAIL_CHROME)


def reopen_inner_tags(lines: list[Line], active: Active) -> None:
    """A tag list closes the article: a tail line a tag rule took that still has body after
    it was a subhead in title case ("Jeongdong Theater Tradition Series Performance" above
    a listing's dates, scrapinghub), so it goes back to the body."""
    tag_rules = {r.id for r in active.lines if r.zone == "tail" and r.category == "tags"}
    last_body = max((ln.index for ln in lines if ln.open), default=-1)
    for ln in lines:
        if ln.index >= last_body:
            break
        if ln.rule in tag_rules:
            ln.decide("undecided", None, None)


