"""A live blog's entries between their clock stamps are the story, not cards or chrome.

A live page prints its posts one under another, each opened by a clock ("9:48 PM",
"Updated 6:02 PM", "16.42 GMT") and a short heading, with one or two short sentences, a
"Label: value" result line or a bullet list under a line ending in ':'. Read line by line
that is exactly the shape of a related-card run (short title, time, teaser) or of tail
chrome (short lines that do not end as sentences after the last long paragraph), and the
shape stages took it (samples 359, 361: whole entries went to `related`). What tells the
posts apart from cards is context: the clocks run in one direction (newest first or oldest
first), the first one comes right under a line of the story, and the posts run on from it;
a card list's times come under its cards' titles or its heading, and cards and footers
after the story's end mostly carry ages or dates, not a clock sequence.

So after the shape stages, the lines from the first such clock to the end of the last post
that a shape stage decided are opened again, and the related items read from them are
dropped. Rule-file removals inside the posts stay (an ad label), but for the zoned stamps
("14.52 BST") that `generic-live-stamp` takes: inside a run of posts a stamp heads its post
as "9:48 PM" does, and the truth files' writers disagree on it (three hold-out writers
labelled such stamps body, three noise); a stamp kept wrongly costs one leaked line, one
removed wrongly costs body, which the owners allow far less of (1% against 10%). A clock
with no story line above it ("Updated 9:48 PM" under the headline) is the page's header,
left alone.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, normalize
from cleaner.core.records import Related
from cleaner.text.age_source_cards import AGE_SOURCE_CARDS
from cleaner.text.card_headings import CARD_HEADING
from cleaner.text.cards import CARD_RULE
from cleaner.text.chrome_head import story_intro
from cleaner.text.dated_bullets import DATED_BULLETS
from cleaner.text.echo_cards import ECHO_CARDS
from cleaner.text.glued_bylines import GLUED_BYLINES
from cleaner.text.linerules import SENTENCE_END
from cleaner.text.tail_chrome import TAIL_CHROME
from cleaner.text.tail_pairs import TAIL_PAIRS
from cleaner.text.topic_pairs import TAIL_HEADLINES
from cleaner.text.via_labels import VIA_LABELS

LIVE_ENTRIES = "generic-live-entries"
# The stages that judge lines by their shape alone; what they decided inside a live run is
# opened again. Rule-file rules (ads) are no shape judgement and stay, but for the two clock
# rules: "Updated 6:02 PM" or "16.42 GMT" after a story line is a post's stamp.
HEADER_CLOCK = "generic-updated-clock"
LIVE_STAMP = "generic-live-stamp"
SHAPE_RULES = frozenset({HEADER_CLOCK, CARD_RULE, DATED_BULLETS, AGE_SOURCE_CARDS, ECHO_CARDS,
                         VIA_LABELS, GLUED_BYLINES, TAIL_PAIRS, TAIL_HEADLINES, TAIL_CHROME,
                         CARD_HEADING})
LIVE_RULES = SHAPE_RULES | {LIVE_STAMP}  # what a run of live posts opens again

# A clock reading alone on a line: "9:48 PM", "Updated 6:02 PM", "16.42 GMT",
# "3.47pm GMT". It needs an am/pm or a time zone: a bare "07:30" is a video's length.
_CLOCK = re.compile(r"^(?:(?i:updated|last updated)(?: at)?:? )?(\d{1,2})[:.](\d{2})"
                    r"(?: ?([AaPp])\.?[Mm]\.?)?(?: ?([A-Z]{2,5}))?$")
MAX_CLOCK_CHARS = 40  # "Last updated at: 12:34 p.m. AEDT" is the longest `_CLOCK` reads
MIN_STAMPS = 2  # one clock is a header's time; two in order are a sequence of posts
MAX_POST_LINES = 12  # non-blank lines between two stamps: a post, not a page section
MIN_STORY_WORDS = 5  # the story line over the first stamp is a sentence, not a label
# The clock's own label printed on a line of its own over it ("Updated" / "17.02 BST", inkl,
# sample 452): part of the stamp, so the story line is looked for above it.
_CLOCK_LABEL = re.compile(r"(?i)^(?:last )?updated:?$")


def _minutes(line: str) -> int | None:
    """The clock's minute of the day, or None when the line is no clock reading."""
    if len(line) > MAX_CLOCK_CHARS or not (line[:1].isdigit() or line[:1] in "uUlL"):
        return None  # a clock reading opens with its hour or "updated": most lines do not
    m = _CLOCK.match(line)
    if not m or not (m.group(3) or m.group(4)):
        return None
    hour, minute, ampm = int(m.group(1)), int(m.group(2)), m.group(3)
    if hour > 23 or minute > 59 or (ampm and hour > 12):
        return None
    if ampm in ("p", "P") and hour < 12:
        hour += 12
    elif ampm in ("a", "A") and hour == 12:
        hour = 0
    return hour * 60 + minute


def _is_story(text: str) -> bool:
    return bool(SENTENCE_END.search(text)) and len(text.split()) >= MIN_STORY_WORDS


def _above_stamp(texts: list[tuple[int, str]], k: int) -> str:
    """The line over the stamp at `k`, past the clock's label on a line of its own
    ("Updated" over "17.02 BST"); "" at the page's top."""
    k -= 1
    if k >= 0 and _CLOCK_LABEL.match(texts[k][1]):
        k -= 1
    return texts[k][1] if k >= 0 else ""


def _ordered(times: list[int]) -> bool:
    pairs = list(zip(times, times[1:]))
    return all(a >= b for a, b in pairs) or all(a <= b for a, b in pairs)


def live_run(lines: list[Line]) -> range | None:
    """The line indexes from the first entry stamp to the end of the last post, or None.

    >>> from cleaner.core.lines import split_lines
    >>> page = ("Vote tonight: live\\nThe vote is set for tonight, leaders said.\\n9:15 PM\\n"
    ...         "Turnout up\\nTurnout was about 31%.\\n8:30 PM\\nLong lines\\n"
    ...         "Voters waited more than an hour.\\nView original article")
    >>> r = live_run(split_lines(page)); (r.start, r.stop)
    (2, 8)
    """
    texts = [(ln.index, ln.text) for ln in lines if ln.fate != "blank"]
    stamps = [(k, t) for k, (_, text) in enumerate(texts) if (t := _minutes(text)) is not None]
    # the first stamp right under a story line opens the posts: a card list's first time
    # sits under its card's title or a heading ("Latest"), a page's time under its headline
    while stamps and not _is_story(_above_stamp(texts, stamps[0][0])):
        stamps.pop(0)
    if len(stamps) < MIN_STAMPS or not _ordered([t for _, t in stamps]):
        return None
    if any(b - a > MAX_POST_LINES + 1 for (a, _), (b, _) in zip(stamps, stamps[1:])):
        return None
    end = stamps[-1][0]
    # the last post: its heading, then the sentences under it (one may announce a list
    # in the story's words, `story_intro`), up to the first other line; with no sentence
    # under the last clock the clocks close cards (title, teaser, time)
    k = end + 1
    if k < len(texts) and not _is_story(texts[k][1]):
        k += 1
    said = k
    while k < len(texts) and (SENTENCE_END.search(texts[k][1]) or story_intro(texts[k][1])):
        k += 1
    if k == said:
        return None
    return range(texts[stamps[0][0]][0], texts[k - 1][0] + 1)


def reopen_live_entries(lines: list[Line], related: list[Related]) -> list[Related]:
    """Open again the live run's lines that a shape stage decided; returns `related`
    without the items read from them."""
    run = live_run(lines)
    return related if run is None else reopen_run(lines, related, run, LIVE_RULES)


def reopen_run(lines: list[Line], related: list[Related], run: range,
               rules: frozenset[str] = SHAPE_RULES) -> list[Related]:
    """Open again the lines of `run` that one of `rules` (by default the shape stages,
    `SHAPE_RULES`) decided; returns `related` without the items read from them. Shared by
    the guards that find a run of short lines that goes on with the story (live posts, a
    list under a ':' line)."""
    opened = set()
    for ln in lines[run.start:run.stop]:
        if ln.rule in rules:
            opened.add(normalize(ln.text))
            ln.decide("undecided", None, None)
    if not opened:
        return related
    return [r for r in related if normalize(r.title) not in opened]
