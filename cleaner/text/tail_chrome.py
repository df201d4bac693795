"""Short chrome after the story's last paragraph, and tag lines that were subheads after all.

Below the story, text dumps print tag labels, "Show more", durations and headings over
related lists: lines that do not end as a sentence. Kept apart from the line rules because
it judges by shape (no rule names these lines) and only after the tail is known.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from cleaner.core.lines import Line, nearest_filled
from cleaner.rulebook.model import Active
from cleaner.text.chrome_head import story_intro
from cleaner.text.content_words import content_words
from cleaner.text.headline_chrome import chrome_shape
from cleaner.text.linerules import SENTENCE_END, STATEMENT_END
from cleaner.text.topic_pairs import WIDGET, headline
from cleaner.text.zones import Zones, find_zones

TAIL_CHROME = "generic-tail-chrome"
# A tail line this long is prose whatever its end (Economic Times copies glue a run of
# promo headlines to the last paragraph); tag labels and headings are far shorter.
TAIL_KEEP_CHARS = 160

_INNER_SENTENCE = re.compile(r"[a-z][.!?] [A-Z]")  # a sentence ends inside: prose, or a
# question a maintainer should see ("Was this article helpful? Yes No")

# A fact box line: "Power: 455hp", "Range: Up to 510km (WLTP)", "Founder: Omar Haddad".
_FACT = re.compile(r"^[A-Z][\w'&/ -]{0,30}: \S.{0,80}$")
_FACT_HEADING_CHARS = 40  # "The specs", "Company profile", "Fact box"
MIN_FACTS = 3  # two "Label: value" lines can be a share bar; three with data are a box
# Two facts are a box when the story names every label: a scorecard's teams ("Somerset: 417
# for six" under a cricket report, sample 428); a share bar's labels are no story's words.
MIN_NAMED_FACTS = 2

_NUMBERED = re.compile(r"^(\d{1,2})[.)] [A-Z]")  # "2. What remains unclear"
# A wire story's bracketed footnote of figures: "($1 = 0.9412 euros)" under a Reuters
# report's last paragraph (MSN, sample 558): the story's own conversion, no chrome
_FIGURES_NOTE = re.compile(r"^\([^()=]{0,12}\d[^()=]{0,12} = [^()=]{0,8}\d[^()=]{0,30}\)$")


# A schedule's rows are labelled by days ("Monday to Saturday: 11am-8pm" / "Sunday:
# closed", a restaurant's hours under the story, NewsBreak, sample 532): two are a box,
# whatever their values ("closed")
_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b")


def _is_data(value: str) -> bool:
    """A fact's value carries data: a digit, a unit, or several words (not one tag)."""
    return any(ch.isdigit() for ch in value) or len(value.split()) >= 2


def _fact_box(tail: list[Line], before: Line | None, story: AbstractSet[str] = frozenset()
              ) -> set[int]:
    """A specs or fact box right after the story's last paragraph ("The specs" / "Power:
    455hp" / "Price: From Dh189,000"): a run of "Label: value" lines, most of whose values
    carry data, under an optional short heading. It is the story's data, not chrome. Only
    the run that directly follows a sentence-ended paragraph counts: a box further down,
    after other tail chrome, belongs to another story. Two lines are enough when each
    label's words are the story's (`story`: its content words): a scorecard of the teams
    the report names; or when each label names days (`_WEEKDAY`): a schedule."""
    if before is None or not SENTENCE_END.search(before.text) or not tail:
        return set()
    start = 1 if (not _FACT.match(tail[0].text) and len(tail[0].text) <= _FACT_HEADING_CHARS
                  and not SENTENCE_END.search(tail[0].text)) else 0
    run = []
    for ln in tail[start:]:
        if not _FACT.match(ln.text):
            break
        run.append(ln)
    data = sum(_is_data(ln.text.split(": ", 1)[1]) for ln in run)
    named = len(run) >= MIN_NAMED_FACTS and all(
        (label := content_words(ln.text.split(": ", 1)[0])) and label <= story for ln in run)
    scheduled = len(run) >= MIN_NAMED_FACTS and all(
        _WEEKDAY.search(ln.text.split(": ", 1)[0]) for ln in run)
    if scheduled:
        return {ln.index for ln in tail[:start] + run}
    if (len(run) < MIN_FACTS and not named) or data * 2 <= len(run):
        return set()
    return {ln.index for ln in tail[:start] + run}


# A key-facts list under the story ("How the Sharjah rental index works" / "- Enter the
# district ..." / "- Compare your rent ...", a Gulf portal, sample 587): a heading in the
# story's words over bulleted items. A stray line may stand between the paragraph and the
# heading (a box label broken to "The%20specs").
MAX_BOX_OFFSET = 1
MIN_BOX_ITEMS = 2
MIN_BOX_ITEM_WORDS = 3  # a sentence's fragment; shorter bullets are tags or nav
MIN_BOX_SHARED = 2  # the heading's content words the story uses
_BOX_BULLETS = "-•–*"


def _story_list(tail: list[Line], before: Line | None, story: AbstractSet[str]) -> set[int]:
    """A heading that names the story's subject (MIN_BOX_SHARED of its words are the
    story's) over at least MIN_BOX_ITEMS items under one bullet, right after the story's
    last paragraph: the story's key facts. A related list's heading ("While you're here",
    "More on this") names no subject of the story, and its items are no bullets."""
    if before is None or not SENTENCE_END.search(before.text):
        return set()
    for k in range(min(MAX_BOX_OFFSET + 1, len(tail))):
        head = tail[k]
        if (head.text[0] in _BOX_BULLETS or SENTENCE_END.search(head.text)
                or head.text.endswith(":") or chrome_shape(head.text)
                or len(content_words(head.text) & story) < MIN_BOX_SHARED):
            continue
        bullet = _bullet(tail[k + 1]) if k + 1 < len(tail) else ""
        items: list[Line] = []
        for ln in tail[k + 1:]:  # the bullet is a word of its own: "- Enter the district"
            if not bullet or ln.text[:2] != bullet or len(ln.text.split()) <= MIN_BOX_ITEM_WORDS:
                break
            items.append(ln)
        if len(items) >= MIN_BOX_ITEMS and set().union(
                *(content_words(x.text) for x in items)) & story:
            return {head.index} | {x.index for x in items}
    return set()


def _bullet(ln: Line) -> str:
    """The line's bullet and the space after it ("- "), or "" when it has none."""
    return ln.text[:2] if ln.text[:1] in _BOX_BULLETS and ln.text[1:2] == " " else ""


def _numbered_subheads(lines: list[Line], tail: list[Line]) -> set[int]:
    """Numbered subheads that go on counting the story's own ("1. What the studies found"
    in the body, then "2. What remains unclear" over a short closing paragraph): the
    story's last section, not chrome. A tail line counts when the line numbered one less
    is open above it and a sentence-ended line follows it."""
    numbers = {int(m.group(1)) for ln in lines if ln.open and (m := _NUMBERED.match(ln.text))}
    return {ln.index for ln, nxt in zip(tail, tail[1:])
            if (m := _NUMBERED.match(ln.text)) and int(m.group(1)) - 1 in numbers
            and STATEMENT_END.search(nxt.text)}


def _item_subheads(lines: list[Line], tail: list[Line], intros: set[int]) -> set[int]:
    """A short tail line between two of the story's statements is the subhead of its last
    item ("Hospital opens new cancer wing" between "... road repairs. (Evening Standard)"
    and "The unit will treat 4,000 patients a year. (Sky News)", a briefing, sample 337):
    the story goes on under it, also when what goes on is a list it announces (`intros`).
    Chrome sits over chrome, a list or the end of the page; a widget's call ("Sign up to
    read this article") or a label glued to a headline ("More from X: ...") is no subhead,
    even between two sentences."""
    out = set()
    sectioned = _sectioned(lines, tail[0].index) if tail else False
    for ln in tail:
        above, below = nearest_filled(lines, ln.index, -1), nearest_filled(lines, ln.index, 1)
        if ((headline(ln.text) or (sectioned and _label(ln.text)))
                and WIDGET.search(ln.text) is None and ": " not in ln.text
                and not _NUMBERED.match(ln.text)  # numbered: `_numbered_subheads` judges
                and above is not None and above.fate in ("undecided", "body")
                and below is not None and below.open and STATEMENT_END.search(above.text)
                and (STATEMENT_END.search(below.text) or below.index in intros)):
            out.add(ln.index)
    return out


# A briefing's last item may carry a one-word subhead ("Weather" over the forecast, MSN,
# sample 509): a label of up to three capitalised words, when the story above is already
# cut into items by headline subheads (at least MIN_SECTIONS of them).
LABEL_MAX_WORDS = 3
MIN_SECTIONS = 2


def _label(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= LABEL_MAX_WORDS and text[0].isupper()
            and _NUMBERED.match(text) is None and not text.endswith((".", "!", "?", ":")))


def _sectioned(lines: list[Line], end: int) -> bool:
    """The story above `end` is cut into items: open headline-shaped lines, each with an
    open statement as the next open line under it."""
    found = 0
    heading = False  # the last open line was headline-shaped
    for k in range(end):
        ln = lines[k]
        if not ln.open:
            continue
        if heading and STATEMENT_END.search(ln.text):
            found += 1
            if found >= MIN_SECTIONS:
                return True
        heading = headline(ln.text)
    return False


def _announced(lines: list[Line], tail: list[Line]) -> set[int]:
    """Tail lines that announce a list of the story's statements in the story's words
    ("The council listed three next steps:" over "A vote is due in May."): the story goes
    on under them. A page's heading over links or widgets ("Related articles:", "Explore
    what X can do for you:") is none (`story_intro`), nor a line over anything but an open
    statement."""
    out = set()
    for ln in tail:
        below = nearest_filled(lines, ln.index, 1)
        if (story_intro(ln.text) and below is not None and below.open
                and STATEMENT_END.search(below.text)):
            out.add(ln.index)
    return out


# A results table, a short list or a timeline under the story's last paragraph, with the
# story going on under it ("Top three, women" / "1. Niamh Culhane (Ireland) 2:27:41" / ...
# then "The men's race was won by ...", an autoblog copy, sample 561): at most this many
# short lines between the paragraph and the statement that resumes the story.
MAX_RESUME_LINES = 8
MIN_RESUME_LINES = 2  # one short line between two statements is `_item_subheads`' call
MIN_ITEM_WORDS = 2  # a table's row or a name; one-word lines are tags ("Ferries", 230)
MIN_RESUME_SHARED = 2  # content words the list and the statement share with the story
# A statement under a label ("Property News: Harbour-view flats draw record bids."): a
# promo's headline, not the story going on (a Daily8 tag block, sample 230)
_LABELLED = re.compile(r"^[A-Z][\w'’ ]{2,30}: [A-Z]")


def _resumed(lines: list[Line], tail: list[Line], before: Line | None,
             story: AbstractSet[str]) -> set[int]:
    """Short tail lines between the story's last paragraph and an open statement that goes
    on with the story: inside the story's span, so the story's (a table, a list of names,
    a timeline). The lines run on from the paragraph with nothing decided between (chrome
    a stage took, a blank-parted block, ends the run), none calls the reader to act, and
    the list with the statement uses the story's words (its names): a statement after
    chrome of another topic is a promo's. A list has two lines or more, each of two words
    or more (one-word lines are tags), none ends in ':' or has a chrome line's shape
    (`chrome_shape`), and the statement opens with no label."""
    if before is None or not tail or STATEMENT_END.search(before.text) is None:
        return set()
    run: list[Line] = []
    for ln in lines[before.index + 1:]:
        if ln.fate == "blank":
            continue
        if not ln.open or len(run) > MAX_RESUME_LINES or WIDGET.search(ln.text):
            return set()
        if STATEMENT_END.search(ln.text) and not _INNER_SENTENCE.search(ln.text):
            if (len(run) < MIN_RESUME_LINES or _LABELLED.match(ln.text)
                    or not content_words(ln.text) & story):
                return set()
            shared = set().union(*(content_words(x.text) for x in (*run, ln))) & story
            return {x.index for x in run} if len(shared) >= MIN_RESUME_SHARED else set()
        if (len(ln.text.split()) < MIN_ITEM_WORDS or ln.text.endswith(":")
                or chrome_shape(ln.text)):
            return set()  # a tag; a heading `_announced` judges; a byline, credit, appeal
        run.append(ln)
    return set()


def _story_above(lines: list[Line], index: int, kept: set[int]) -> bool:
    """The nearest line above is the story's: an open statement or a line kept as its."""
    above = nearest_filled(lines, index, -1)
    return above is not None and (above.index in kept or (
        above.fate in ("undecided", "body") and STATEMENT_END.search(above.text) is not None))


def mark_tail_chrome(lines: list[Line], zones: Zones) -> None:
    """After the last paragraph, lines that do not end like a sentence are page chrome:
    tag labels, "Hashtags", "Show more", video durations, a list of newspaper names, a
    heading over the related list. A closing sentence stays ("The plan takes effect in
    May."), and so does a long line (a paragraph with a promo glued to its end). Short
    lines inside the body (subheads, list items) are never judged here, nor a fact box
    right after the story (see `_fact_box`), nor what goes on with the story in the tail:
    a subhead between two statements, a numbered subhead that goes on counting, a line
    that announces a list of statements in the story's words (`_announced`)."""
    tail = [ln for ln in lines[zones.tail_start:] if ln.open]
    before = next((ln for ln in reversed(lines[:zones.tail_start]) if ln.fate != "blank"), None)
    story = set().union(*(content_words(ln.text) for ln in lines[:zones.tail_start]
                          if ln.fate in ("undecided", "body")))
    # the story's closing sentences shorter than a paragraph stay: a box under them
    closing = 0
    while closing < len(tail) and SENTENCE_END.search(tail[closing].text):
        closing += 1
    if closing:
        before = tail[closing - 1]
    box = _fact_box(tail[closing:], before if before is not None and before.open else None,
                    story)
    box |= _story_list(tail[closing:], before if before is not None and before.open else None,
                       story)
    intros = _announced(lines, tail)
    heads = _numbered_subheads(lines, tail) | _item_subheads(lines, tail, intros)
    heads |= _resumed(lines, tail, before if before is not None and before.open else None,
                      story)
    # an announcing line goes on from the story: right under a statement or a kept subhead
    heads |= {k for k in intros if _story_above(lines, k, heads)}
    for ln in tail:
        if (ln.index not in box and ln.index not in heads and len(ln.text) < TAIL_KEEP_CHARS
                and not SENTENCE_END.search(ln.text) and not _INNER_SENTENCE.search(ln.text)
                and not _FIGURES_NOTE.match(ln.text)):
            ln.decide("noise", "nav", TAIL_CHROME)


def mark_tail_chrome_again(lines: list[Line], zones: Zones) -> None:
    """Tail chrome once more when the story ends higher than the zones said: the last
    paragraph was a closing note a later stage removed ("Disclaimer: The views ...", an
    edge note), and the hashtags, counters and "Like" between the story and that note
    were judged as body (NewsBreak, sample 434). Only lines after the last open sentence
    are judged: a list under the story's paragraphs with a closing sentence after it is
    the story's (samples 335, 357)."""
    moved = find_zones(lines)
    if moved.tail_start >= zones.tail_start:
        return
    last = max((ln.index for ln in lines if ln.open and SENTENCE_END.search(ln.text)),
               default=-1)
    start = max(moved.tail_start, last + 1)
    if start < zones.tail_start:
        mark_tail_chrome(lines, Zones(moved.body_start, start))


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


