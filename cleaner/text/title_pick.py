"""The page's headline among the head lines, and the chrome around it.

Text dumps print nav items, section labels, banners and datelines above and under the
headline, some as long as a headline. `pick_title` ranks the head lines by how much they
look like one (`_headline_rank`), takes the best (among equals, the one the story under it
echoes: `title_evidence`), and decides the short lines around it as
chrome (`generic-above-title`, `generic-head-fragment`). Apart from the rule stages
(`linerules`) because it weighs lines against each other rather than applying a rule.
"""

from __future__ import annotations

import re

from cleaner.core.lines import TITLE_MAX_CHARS, Line, is_paragraph, nearest_filled, normalize
from cleaner.text.caption_first import LONE_CREDIT_MAX_CHARS
from cleaner.text.headline_chrome import chrome_shape
from cleaner.text.linerules import SENTENCE_END, Meta
from cleaner.text.notice_head import lines_after_notice, notice_heading
from cleaner.text.title_evidence import (
    ECHO_MARGIN,
    ECHO_SHARE,
    UNECHOED_SHARE,
    StoryWords,
    echo,
    echo_share,
    echo_shares,
    story_words,
)
from cleaner.text.under_title import (
    AGE_INSIDE,
    BULLETS,
    body_bullets,
    byline_over_date,
    dated,
    first_item,
    heads_list,
)
from cleaner.text.zones import Zones

# Headlines on the seeds and samples have 5 to 20 words; nav items and section labels above
# them ("Home", "World", "inkl") have one or two.
TITLE_MIN_WORDS = 3
# The headline is looked for among the first head lines only: further down, a doubled
# line is a caption or a card, not the page's headline. Nav items (bullets, one or two
# words) do not count: a Yahoo copy prints a dozen of them above the headline.
TITLE_LOOKAHEAD = 12
# Rules that find a live blog's entry stamps: the short line after one heads the entry.
ENTRY_STAMPS = frozenset({"generic-live-stamp", "generic-live-age"})
# A sentence with a full stop is a banner or a standfirst, not a headline (inkl's "Get all
# your news in one place."); an ellipsis is not a full stop: Daily8 truncates headlines.
_BANNER_END = re.compile(r"(?<!\.)\.$")
# A publishing stamp: "Updated on: 14 October,2025 06:12 PM IST | Mumbai" (sample 588)
_STAMP = re.compile(r"(?i)^(?:last )?(?:updated|published|posted|modified)(?: on)?:? [^a-z]*\d")
_PAGE_COUNTER = re.compile(r"(?i)\bpage \d+\b")

# Headlines of all samples have at most 20 words; a longer line right under a headline-sized
# line is its standfirst (sample 467: 23 words).
STANDFIRST_MIN_WORDS = 21
ABOVE_TITLE = "generic-above-title"
HEAD_FRAGMENT = "generic-head-fragment"


def _headline_rank(ln: Line, later: set[str], dated: bool = False) -> int:
    """How much a head line looks like the headline: 0 for lines that have the headline's
    size but not its part (a banner sentence "Get all your news in one place.", an intro
    announcing the lines under it "Here are today's top stories:" (no headline on the
    samples ends in ':'), a page counter "Latest News - Page 292 - Site", a bullet, a
    dateline with an age, and a byline, credit, skip link or appeal by its shape:
    `headline_chrome`), 1 for three-word lines (site names, "Open in App") and bylines of
    names, 2 for longer lines, 3 for a longer line the page prints again (aggregators
    double the headline)."""
    text = ln.text
    words = len(text.split())
    if (_BANNER_END.search(text) or text.endswith(":") or _PAGE_COUNTER.search(text)
            or _STAMP.search(text)
            or _debris(text)
            or text[0] in BULLETS
            or words < TITLE_MIN_WORDS or text.count(" | ") >= 2  # "Home | World | ..." nav
            or AGE_INSIDE.search(text) or chrome_shape(text)):
        return 0
    if _names(text):
        return 1
    if words == TITLE_MIN_WORDS:
        return 2 if dated else 1
    return 3 if normalize(text) in later else 2


def _debris(text: str) -> bool:
    """Most words without a letter, links aside, and fewer than TITLE_MIN_WORDS with one:
    numbers a theme's settings left on the page ("12 51.5072 -0.1276 1 0 4000 1
    http://site.com 300", an autoblog, sample 513); a headline is words."""
    tokens = text.split()
    worded = sum(any(c.isalpha() for c in w) and "://" not in w for w in tokens)
    return worded < TITLE_MIN_WORDS and worded * 2 < len(tokens)


def _card_edge(lines: list[Line], ln: Line, last_para: int) -> bool:
    """The line touches a block of cards a card stage read: right over its first card (a
    heading over cards, "Category / Batteries", sample 513), or right under its last card
    with no story paragraph under it (`last_para`, the last open paragraph's index: the
    block's last headline printed without its teaser, sample 498; "Older Posts"). A
    headline sits over its story, never against cards; the card heading stage
    (`card_headings`) decides such lines."""
    after = nearest_filled(lines, ln.index, 1)
    if after is not None and after.fate == "related":
        return True
    before = nearest_filled(lines, ln.index, -1)
    return before is not None and before.fate == "related" and last_para < ln.index


def _under_credit(head: list[Line]) -> set[int]:
    """Head lines right under a lone picture credit ("(Photo: Reuters)", "Photo: Getty
    Images"): the picture's caption when the page prints the credit first; it ranks as low
    as a label."""
    out: set[int] = set()
    prev: Line | None = None
    for ln in head:
        if ln.fate == "blank":
            continue
        if prev is not None and prev.category == "caption" and (
                prev.text[0] == "(" or len(prev.text) <= LONE_CREDIT_MAX_CHARS):
            out.add(ln.index)
        prev = ln
    return out


def _nav_item(text: str) -> bool:
    return text[0] in BULLETS or text.count(" ") < TITLE_MIN_WORDS - 1


def _names(text: str) -> bool:
    """A byline of names ("Josh Kemble and Priya Lal", "Ana Ruiz, Tom Hale"): a few
    capitalised words joined by "and", "&" or commas, no other word; a headline has a verb
    and, in sentence case, lower-case words."""
    words = text.replace(",", " ").split()
    joins = sum(w in ("and", "&") for w in words) + text.count(",")
    return (0 < joins and len(words) <= 8
            and all(w in ("and", "&") or (w[0].isupper() and w.isalpha()) for w in words))


def _printed_again(lines: list[Line], end: int | None = None) -> set[str]:
    """Keys of lines the page prints again before `end` (the story's end), not on the very
    next line: aggregators double the headline with a blank line between, while a caption
    printed twice (alt text and caption) sits on consecutive lines. A copy after the story
    is the footer's: a section label printed over the story and again under it (sample
    505), no headline's double."""
    later: set[str] = set()
    seen: dict[str, int] = {}
    for ln in lines[:end]:
        if ln.fate != "blank":
            key = normalize(ln.text)
            if key in seen and ln.index - seen[key] > 1:
                later.add(key)
            seen.setdefault(key, ln.index)
    return later


def _after_entry_stamp(lines: list[Line], index: int) -> bool:
    """The line comes right after a live blog's entry stamp ("14.52 BST"): it opens the
    entry (its heading, "Afternoon summary"), it is no label of the headline (sample 135)."""
    prev = next((ln for ln in reversed(lines[:index]) if ln.fate != "blank"), None)
    return prev is not None and prev.rule in ENTRY_STAMPS


def _standfirst_of(lines: list[Line], first: Line, ln: Line) -> bool:
    """`ln` is the standfirst printed right under `first`: longer than any headline
    (STANDFIRST_MIN_WORDS), with no line between. The story echoes a standfirst more than
    its headline, as it sums the story up ("A bakery in Alabama sells out ..., a frozen
    lake hosts a golf tournament in Minnesota, and more" under "News from around our 50
    States", sample 467), so the echo cannot choose between them."""
    return (len(ln.text.split()) >= STANDFIRST_MIN_WORDS
            and nearest_filled(lines, ln.index, -1) is first)


def _choose(window: list[Line], ranks: list[int], lines: list[Line],
            story_start: int) -> Line | None:
    """The best-ranked line, the first of equals unless the story under the head
    (`title_evidence`) speaks for a later equal: the first is not echoed at all and the
    later one is, or the later one is echoed far more (ECHO_MARGIN). A site's tagline, a
    panel heading ("Unique coverage by outlet") or a byline above the headline has its
    size, not its words. A first line over a dateline keeps its place: the story's head
    goes on under it (a briefing's "Your Evening Briefing" echoes little of its items);
    a later equal over a dateline that the story echoes more than the first takes it: a
    forum's button ("Post a New Topic", sample 519) sits over the headline and its date.
    None when no line ranks above chrome."""
    best = max(ranks, default=0)
    if not best:
        return None
    top = [ln for ln, rank in zip(window, ranks) if rank == best]
    if len(top) == 1 or dated(lines, top[0]):
        return top[0]
    shares = echo_shares([ln.text for ln in top], lines, story_start, skip_copies=True)
    first = shares[0]
    for ln, share in zip(top[1:], shares[1:]):
        if _standfirst_of(lines, top[0], ln):
            continue
        if (first < UNECHOED_SHARE and share >= ECHO_SHARE) or share >= first + ECHO_MARGIN:
            return ln
        if share >= ECHO_SHARE and share > first and dated(lines, ln):
            return ln  # the head goes on under it (its dateline), and the story names it
    return top[0]


def _lead_over(title: Line | None, window: list[Line], ranks: list[int], lines: list[Line],
               body_start: int) -> int | None:
    """The index of the story's lead paragraph when the chosen title sits under it and a
    headline the story echoes sits above it; else None.

    The zones leave a lone paragraph amid head chrome in the head (a standfirst, a notice),
    and so also a wire story's lead whose next lines are short: a list under a ':' line,
    subheads with their times (sample 384). Those lines rank as headlines and the story
    under them echoes them, but they go on with the story. A headline above the lead whose
    words the lead repeats is the page's; a listing's label above its summary paragraph
    ("Water Shortagein Top Stories", samples 226, 396) is not echoed by it."""
    lead = next((ln.index for ln in lines[:body_start] if ln.open and is_paragraph(ln.text)),
                None)
    if title is None or lead is None or title.index < lead:
        return None
    story = story_words([lines[lead]], 0)  # the lead's own words: the story's topic
    if any(r >= 2 and ln.index < lead and echo(ln.text, story)
           for ln, r in zip(window, ranks)):
        return lead
    return None


def _story_start(lines: list[Line], window: list[Line], body_start: int) -> int:
    """Where the story the head lines announce starts: the zones' body, or a longer line
    under the last candidate above it, a paragraph whose end a glued caption broke ("...
    earlier. Firefighters line a ridge  Credit: Name/AP", sample 431): the zones wait for
    a sentence end, the headline's echo need not."""
    if not window:
        return body_start
    return next((ln.index for ln in lines[window[-1].index + 1:body_start]
                 if ln.open and len(ln.text) > TITLE_MAX_CHARS), body_start)


def _ranks(window: list[Line], later: set[str], captioned: set[int],
           lines: list[Line] | None = None) -> list[int]:
    """Each line's `_headline_rank`; with `lines`, a short line over a dateline ranks as a
    headline (under a notice only: in the head a section label can sit over the date)."""
    return [min(_headline_rank(ln, later), 1) if ln.index in captioned
            else _headline_rank(ln, later, lines is not None and dated(lines, ln))
            for ln in window]


def _named_head(ln: Line, told: StoryWords) -> Line | None:
    """The short line right over the story under a notice, when the story names it whole:
    a digest's name ("Nightly Brief" over "Top stories for today ... Sign up for the
    Nightly Brief", sample 566), too short for `_headline_rank`, the page's headline all
    the same when nothing else under the notice is one."""
    if (len(ln.text.split()) != TITLE_MIN_WORDS - 1 or ln.text.endswith(":")
            or chrome_shape(ln.text) or _debris(ln.text) or ln.text[0] in BULLETS):
        return None
    return ln if echo_share(ln.text, told) == 1.0 else None


def _unglued(lines: list[Line], title: Line) -> Line:
    """The headline printed again right under the title without the breadcrumb glued to
    its start ("HomeNewsEskom to install ..." over "Eskom to install ...", an autoblog,
    sample 584): the clean copy is the title, the glued one chrome above it."""
    after = nearest_filled(lines, title.index, 1)
    if after is None or not after.open or len(after.text.split()) < TITLE_MIN_WORDS:
        return title
    cut = len(title.text) - len(after.text)
    glued = cut > 0 and title.text.endswith(after.text) and title.text[cut - 1].isalpha()
    return after if glued else title


def pick_title(lines: list[Line], zones: Zones, meta: Meta,
               off: frozenset[str] = frozenset()) -> str | None:
    """The head line that looks most like a headline, the first of equals that the story
    echoes (a title from metadata wins; see `_headline_rank`, `_choose`). Short head lines
    around it are page chrome: nav and section labels above it, a lone source or image
    label between it and the story. When no head line is an echoed headline and a notice
    paragraph stands above the story (`notice_head`), the headline under it is looked for.
    `off` names built-in stages switched off (for the ablation, bench/ablation.py)."""
    if "title" in meta.values:
        return meta.values["title"]
    last_para = max((ln.index for ln in lines if ln.open and is_paragraph(ln.text)),
                    default=-1)
    notice = notice_heading(lines)
    head = [ln for ln in lines[:zones.body_start]
            if ln.open and len(ln.text) <= TITLE_MAX_CHARS and not is_paragraph(ln.text)
            and not _card_edge(lines, ln, last_para) and ln is not notice]
    later = _printed_again(lines, zones.tail_start)
    window = [ln for ln in head if not _nav_item(ln.text)][:TITLE_LOOKAHEAD]
    captioned = _under_credit(lines[:zones.body_start])
    ranks = _ranks(window, later, captioned)
    title = _choose(window, ranks, lines, _story_start(lines, window, zones.body_start))
    lead = _lead_over(title, window, ranks, lines, zones.body_start)
    if lead is not None:
        # the headline stands above a story paragraph that the zones left in the head: the
        # lines under that paragraph go on with the story (a list, a subhead)
        above = [k for k, ln in enumerate(window) if ln.index < lead]
        title = _choose([window[k] for k in above], [ranks[k] for k in above], lines, lead)
    # the notice is the story's first paragraph, or a lone paragraph the zones left in the
    # head (the story's paragraphs start further down: a digest's intro, sample 566)
    notice_at = next((ln.index for ln in lines[:zones.body_start]
                      if ln.open and is_paragraph(ln.text)), zones.body_start)
    under = lines_after_notice(lines, notice_at)
    below = story_words(lines, under[-1].index + 1) if under else frozenset()
    if under and (title is None or not echo(title.text, below)
                  or title.index > under[-1].index):
        # the headline under the notice: its words recur in the story, or its dateline
        # follows it (a briefing's "Your Evening Briefing" names no item). A title above
        # the notice that only the notice echoes is the notice's own heading ("Updates
        # to our Terms of Use" over "We are updating our Terms of Use", sample 566).
        ranks = _ranks(under, later, set(), lines)
        pick = _choose(under, ranks, lines, under[-1].index + 1)
        if pick is not None and ranks[under.index(pick)] >= 2 and (
                dated(lines, pick) or echo(pick.text, below)):
            head, title = head + under, pick
        elif (named := _named_head(under[-1], below)) is not None:
            head, title = head + under, named
    if not head:
        return None
    if title is None:  # nothing looks like a headline: the first line of a few words
        title = next((ln for ln in head if len(ln.text.split()) >= TITLE_MIN_WORDS
                      and ln.text[0] not in BULLETS and not _debris(ln.text)),
                     next((ln for ln in head if not _debris(ln.text)), None))
        if title is None:  # numbers only: a theme's settings, chrome of the head
            for ln in head:
                if ABOVE_TITLE not in off:
                    ln.decide("noise", "nav", ABOVE_TITLE)
            return None
    title = _unglued(lines, title)
    found_body = zones.body_start < len(lines)  # else everything is "head": judge nothing
    under_title = True
    # a story paragraph the zones left in the head (a lone lead over a list): a short line
    # under it that heads a list goes on with the story ("Clinic times" over a schedule,
    # sample 464); a byline under a standfirst stays head chrome (samples 271, 272)
    told = next((ln.index for ln in lines[title.index + 1:zones.body_start]
                 if ln.open and is_paragraph(ln.text)), None)
    bullets = body_bullets(lines, zones.body_start)
    for ln in head:
        if (lead is not None and ln.index > lead) or (
                told is not None and ln.index > told and heads_list(lines, ln)):
            under_title = False  # under the story's lead paragraph: the story goes on
        if ln.index < title.index:
            if ABOVE_TITLE not in off:
                ln.decide("noise", "nav", ABOVE_TITLE)
        elif ln is title:
            continue
        elif under_title and found_body and HEAD_FRAGMENT not in off and (
                not _after_entry_stamp(lines, ln.index)) and not ln.text.endswith(":") and (
                not first_item(ln, bullets)) and (
                len(ln.text.split()) < TITLE_MIN_WORDS
                or (AGE_INSIDE.search(ln.text) and not SENTENCE_END.search(ln.text))):
            # right under the title: a source, section or image label on its own, or a
            # dateline with the story's age ("MSN UK 6 hrs ago News desk"); a line ending in
            # ':' is none, it announces the lines under it ("Key developments:")
            ln.decide("noise", "metadata", HEAD_FRAGMENT)
        elif under_title and found_body and HEAD_FRAGMENT not in off and (
                byline_over_date(lines, ln) or chrome_shape(ln.text) == "by-line"):
            # a byline over the date, or "Story by Caleb Munro" (MSN, samples 483, 510)
            ln.decide("noise", "metadata", HEAD_FRAGMENT)
        else:
            under_title = False  # after a caption or a standfirst: a live blog's "Closing post"
    if notice is not None and notice.index < title.index and ABOVE_TITLE not in off:
        notice.decide("noise", "nav", ABOVE_TITLE)
    title.decide("title", None, None)
    return title.text


