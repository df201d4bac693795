"""The line stages of cleaning: sections, line rules, title, repeats, language, body.

Each stage decides open lines only and records the rule that decided them. The order is
the documented stage order (rules/README.md): related lists were read before any of this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cleaner.core.language import is_foreign_line
from cleaner.core.lines import PARAGRAPH_MIN_CHARS, TITLE_MAX_CHARS, Line, is_paragraph, normalize
from cleaner.core.records import Removal
from cleaner.rulebook.model import Active, LineRule, SectionRule
from cleaner.text.caption_first import LONE_CREDIT_MAX_CHARS
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
_PAGE_COUNTER = re.compile(r"(?i)\bpage \d+\b")
# A line saying how old the story is ("MSN UK 6 hrs ago News desk") is its dateline, however
# long; headlines name years ago, not hours ago.
_AGE_INSIDE = re.compile(r"(?i)\b(?:\d{1,3}|an?) ?(?:secs?|seconds?|mins?|minutes?|hrs?|hours?"
                         r"|days?|weeks?) ago\b")
DOUBLED_SOURCE_MAX_CHARS = 60
DOUBLED_SOURCE_MAX_WORDS = 4  # "The Guardian - UK"; a doubled headline is longer
CAPTION_PAIR = "generic-caption-pair"
# What follows a caption's bare copy in its credited copy: "Photograph: X/AP", "(Getty
# Images)", "(Photo: Reuters)", "Credit: Alamy", "REUTERS/Name".
_CREDIT_TAIL = re.compile(r"^ ?(?:\(?(?:Photograph|Photo|Picture|Image|Illustration|Credit|"
                          r"Video)s?(?: by)?:? |\((?:Getty|AFP|AP|PA|Reuters|EPA|Shutterstock|"
                          r"Alamy)|REUTERS/|Credit:)")  # an outlet's name, not a doubled headline
DUPLICATE_MIN_CHARS = 20  # shorter repeats ("Russia", "Comments") are left to the rules
# A repeat with at most this many kept lines since its previous copy is a duplicate. The
# seeds' duplicates have 0 (PratidinTime's standfirst after the byline chrome, Ynetnews'
# doubled alt text); on the scrapinghub pages, repeats 3+ lines apart were real content, and
# on WCXB repeats one line apart were a transcript's "Yeah." and a list's recurring name.
REPEAT_GAP = 0
# A list bullet is presentation, not wording: "• Storm knocks out power" then "Storm knocks
# out power" is one card title printed twice (listing pages of text dumps, sample 066).
_LIST_MARK = re.compile(r"^[•·*–—-]+\s+")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")  # trafilatura prints table rows as | a | b |
REPEATED_TITLE = "generic-repeated-title"
REPEATED_LINE = "generic-repeated-line"
FOREIGN_LINE = "generic-foreign-line"
ABOVE_TITLE = "generic-above-title"
HEAD_FRAGMENT = "generic-head-fragment"
DOUBLED_SOURCE = "generic-doubled-source"
TAIL_CHROME = "generic-tail-chrome"
# A tail line this long is prose whatever its end (Economic Times copies glue a run of
# promo headlines to the last paragraph); tag labels and headings are far shorter.
TAIL_KEEP_CHARS = 160
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*(?: \([^()]{2,40}\))?$""")  # see lines.py
_INNER_SENTENCE = re.compile(r"[a-z][.!?] [A-Z]")  # a sentence ends inside: prose, or a
# question a maintainer should see ("Was this article helpful? Yes No")
META_FIELDS = ("source", "author", "published", "title")


@dataclass(slots=True)
class Meta:
    """Metadata found in lines: the first value of each field wins."""

    values: dict[str, str] = field(default_factory=dict)

    def offer(self, name: str, value: str | None) -> None:
        if value and value.strip() and name not in self.values:
            self.values[name] = value.strip()


def apply_sections(lines: list[Line], active: Active) -> None:
    """Every occurrence of a bounded section is removed (one per figure, say); a section
    without a stop runs to the end, so its first start is enough."""
    if not active.sections:
        return
    # which rules start on which line, from one set pass over the lines open now (a line
    # decided later never opens again)
    starts: list[list[int]] = [[] for _ in active.sections]
    for ln in lines:
        if ln.open:
            for r in active.section_starts(ln.text):
                starts[r].append(ln.index)
    for rule, at in zip(active.sections, starts):
        k = 0
        while k < len(lines):
            begin = next((i for i in at if i >= k and lines[i].open), None)
            if begin is None:
                break
            end = _section_end(lines, begin, rule)
            if end is None:  # a bounded section whose stop is missing is not this template
                k = begin + 1
                continue
            for ln in lines[begin:end]:
                if ln.open:
                    ln.decide("noise", rule.category, rule.id)
            if rule.stop is None:
                break
            k = max(end, begin + 1)


def _section_end(lines: list[Line], begin: int, rule: SectionRule) -> int | None:
    """The line index after the section, or None when a bounded section finds no stop."""
    if rule.stop is None:
        return min(len(lines), begin + rule.max_lines + 1) if rule.max_lines else len(lines)
    for ln in lines[begin + 1:]:
        if rule.max_lines and ln.index - begin > rule.max_lines:
            return None
        # the stop may be a line a related rule took already (its list's heading)
        if (ln.open or ln.fate == "related") and rule.stop.search(ln.text):
            return ln.index + (1 if rule.stop_inclusive else 0)
    return None if rule.max_lines else len(lines)


def _first_rule(active: Active, text: str, zone: str, body_stage: bool) -> LineRule | None:
    for rule in active.matching(text):
        if (rule.zone == "body") != body_stage:
            continue
        if rule.zone not in ("any", zone):
            continue
        if rule.unless and rule.unless.search(text):
            continue
        return rule
    return None


def apply_line_rules(lines: list[Line], active: Active, zones: Zones, meta: Meta,
                     body_stage: bool) -> None:
    """One RE2 set match per line finds every rule that fires; the first in order wins."""
    for ln in lines:
        if not ln.open:
            continue
        rule = _first_rule(active, ln.text, zones.zone_of(ln.index), body_stage)
        if rule is None:
            continue
        fields = rule.fields
        if fields:
            groups = rule.pattern.search(ln.text).groupdict()
            for name in fields:
                if name in META_FIELDS:
                    meta.offer(name, groups[name])
            ln.decide("meta", rule.category, rule.id)
        else:
            ln.decide("noise", rule.category, rule.id)
        _context(lines, ln.index, rule)


def _context(lines: list[Line], index: int, rule: LineRule) -> None:
    """Neighbours a rule also removes: the alt text before a gallery count, say."""
    for step, count in ((-1, rule.before), (1, rule.after)):
        k, left = index + step, count
        while left and 0 <= k < len(lines):
            if lines[k].open:
                lines[k].decide("noise", rule.context_category or rule.category, rule.id)
                left -= 1
            elif lines[k].fate != "blank":
                break
            k += step


def mark_doubled_source(lines: list[Line], zones: Zones, meta: Meta) -> None:
    """A head line that is one short name twice is a logo's alt text glued to the outlet's
    name (inkl: "The GuardianThe Guardian"), or printed twice on two lines ("The Guardian -
    UK" above the headline): it names the source."""
    head = [ln for ln in lines[:zones.body_start] if ln.open]
    for ln, nxt in zip(head, [*head[1:], None]):
        if ln.half and len(ln.half) <= DOUBLED_SOURCE_MAX_CHARS:
            meta.offer("source", ln.half)
            ln.decide("meta", "metadata", DOUBLED_SOURCE)
            return
        if (nxt is not None and nxt.text == ln.text and len(ln.text) <= DOUBLED_SOURCE_MAX_CHARS
                and len(ln.text.split()) <= DOUBLED_SOURCE_MAX_WORDS
                and not _SENTENCE_END.search(ln.text)):
            meta.offer("source", ln.text)
            ln.decide("meta", "metadata", DOUBLED_SOURCE)
            nxt.decide("meta", "metadata", DOUBLED_SOURCE)
            return


def mark_caption_pairs(lines: list[Line], title: str | None = None,
                       alike: bool = True) -> None:
    """A caption printed twice, bare and then with its credit ("A flooded street." /
    "A flooded street. Photograph: X/AAP"), or twice alike (an image's alt text and its
    caption): neither copy is story, and a third copy further on is not either (wire
    picture pages print it three times). A paragraph printed twice is left to the repeats.
    The credited copy may already be gone to a credit rule; the bare copy follows it.
    `alike=False` takes only pairs with a credit: in text extracted from HTML a line
    printed twice is as often a heading and its echo (wcxb-dev page 4245)."""
    title_key = normalize(title) if title else None  # its copies are the repeats' to judge
    live = [ln for ln in lines if ln.fate not in ("blank", "title")
            and not (title_key and normalize(ln.text) == title_key)]
    captions: set[str] = set()
    for ln, nxt in zip(live, live[1:]):
        if not ln.open or is_paragraph(ln.text):
            continue
        if not (nxt.open or nxt.category == "caption"):
            continue
        if (alike and nxt.text == ln.text) or (nxt.text.startswith(ln.text)
                                   and _CREDIT_TAIL.search(nxt.text[len(ln.text):])):
            ln.decide("noise", "caption", CAPTION_PAIR)
            if nxt.open:
                nxt.decide("noise", "caption", CAPTION_PAIR)
            captions.add(ln.text)
    for ln in live:
        if ln.open and ln.text in captions:
            ln.decide("noise", "caption", CAPTION_PAIR)
    if alike:
        _mark_caption_neighbours(live)


def _mark_caption_neighbours(live: list[Line]) -> None:
    """Text dumps of tabloid pages print a picture as lines around its credit: the caption
    right above a lone credit line ("Margaret with her instructor" / "(Image: SWNS)"), and
    alt text, the gallery's count and the credited caption ("A plate of crab on toast." /
    "3" / "Crab on toast ...Credit: X"). The caption has no sentence end, the alt text is
    short: a story's paragraph is neither, and a lone number is no story line."""
    for k, ln in enumerate(live[1:], 1):
        if ln.category != "caption":
            continue
        above = live[k - 1]
        if (above.open and ln.text[0] == "(" and len(above.text) < PARAGRAPH_MIN_CHARS
                and not _SENTENCE_END.search(above.text)):
            above.decide("noise", "caption", CAPTION_PAIR)
        elif (k >= 2 and above.open and above.text.isdigit() and len(above.text) <= 3
              and live[k - 2].open and not is_paragraph(live[k - 2].text)):
            above.decide("noise", "gallery", CAPTION_PAIR)
            live[k - 2].decide("noise", "caption", CAPTION_PAIR)


def _headline_rank(ln: Line, later: set[str]) -> int:
    """How much a head line looks like the headline: 0 for chrome that has the headline's
    size (a banner sentence "Get all your news in one place.", a page counter "Latest News
    - Page 292 - Site", a bullet, a dateline with an age), 1 for three-word lines (site
    names, "Open in App") and bylines of names, 2 for longer lines, 3 for a longer line the
    page prints again (aggregators double the headline)."""
    text = ln.text
    words = len(text.split())
    if (_BANNER_END.search(text) or _PAGE_COUNTER.search(text) or text[0] in _BULLETS
            or words < TITLE_MIN_WORDS or text.count(" | ") >= 2  # "Home | World | ..." nav
            or _AGE_INSIDE.search(text)):
        return 0
    if words == TITLE_MIN_WORDS or _names(text):
        return 1
    return 3 if normalize(text) in later else 2


_BULLETS = "•·-–*"


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
    return text[0] in _BULLETS or text.count(" ") < TITLE_MIN_WORDS - 1


def _names(text: str) -> bool:
    """A byline of names ("Josh Kemble and Priya Lal", "Ana Ruiz, Tom Hale"): a few
    capitalised words joined by "and", "&" or commas, no other word; a headline has a verb
    and, in sentence case, lower-case words."""
    words = text.replace(",", " ").split()
    joins = sum(w in ("and", "&") for w in words) + text.count(",")
    return (0 < joins and len(words) <= 8
            and all(w in ("and", "&") or (w[0].isupper() and w.isalpha()) for w in words))


def _printed_again(lines: list[Line]) -> set[str]:
    """Keys of lines the page prints again, not on the very next line: aggregators double
    the headline with a blank line between, while a caption printed twice (alt text and
    caption) sits on consecutive lines."""
    later: set[str] = set()
    seen: dict[str, int] = {}
    for ln in lines:
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


def pick_title(lines: list[Line], zones: Zones, meta: Meta,
               off: frozenset[str] = frozenset()) -> str | None:
    """The head line that looks most like a headline, the first of equals (a title from
    metadata wins; see `_headline_rank`). Short head lines around it are page chrome: nav
    and section labels above it, a lone source or image label between it and the story.
    `off` names built-in stages switched off (for the ablation, bench/ablation.py)."""
    if "title" in meta.values:
        return meta.values["title"]
    head = [ln for ln in lines[:zones.body_start]
            if ln.open and len(ln.text) <= TITLE_MAX_CHARS and not is_paragraph(ln.text)]
    if not head:
        return None
    later = _printed_again(lines)
    window = [ln for ln in head if not _nav_item(ln.text)][:TITLE_LOOKAHEAD]
    captioned = _under_credit(lines[:zones.body_start])
    ranks = [min(_headline_rank(ln, later), 1) if ln.index in captioned
             else _headline_rank(ln, later) for ln in window]
    best = max(ranks, default=0)
    if best:
        title = window[ranks.index(best)]
    else:  # nothing looks like a headline: the first line of a few words, as before
        title = next((ln for ln in head if len(ln.text.split()) >= TITLE_MIN_WORDS
                      and ln.text[0] not in _BULLETS), head[0])
    found_body = zones.body_start < len(lines)  # else everything is "head": judge nothing
    under_title = True
    for ln in head:
        if ln.index < title.index:
            if ABOVE_TITLE not in off:
                ln.decide("noise", "nav", ABOVE_TITLE)
        elif ln is title:
            continue
        elif under_title and found_body and HEAD_FRAGMENT not in off and (
                not _after_entry_stamp(lines, ln.index)) and (
                len(ln.text.split()) < TITLE_MIN_WORDS
                or (_AGE_INSIDE.search(ln.text) and not _SENTENCE_END.search(ln.text))):
            # right under the title: a source, section or image label on its own, or a
            # dateline with the story's age ("MSN UK 6 hrs ago News desk")
            ln.decide("noise", "metadata", HEAD_FRAGMENT)
        else:
            under_title = False  # after a caption or a standfirst: a live blog's "Closing post"
    title.decide("title", None, None)
    return title.text


def mark_repeats(lines: list[Line], title: str | None,
                 off: frozenset[str] = frozenset()) -> None:
    """Later copies of the title are noise, and so is a line repeated word for word right
    after its previous copy (at most REPEAT_GAP kept lines between): a standfirst repeated
    under the header chrome, alt text printed twice. Copies farther apart are the article's
    own structure (a recipe's "Eat 1-2 hours after your workout" in each plan, an interview's
    recurring question) and stay; so do table rows, and lines that differ in a number
    ("| 3 bedroom | $2,438 |" after "| 2 bedroom | $2,079 |", WCXB)."""
    title_key = normalize(title) if title else None
    last_seen: dict[str, int] = {}  # key -> count of kept lines when it was last kept
    kept = 0
    for ln in lines:
        if not ln.open:
            continue
        if title_key and normalize(ln.text) == title_key and REPEATED_TITLE not in off:
            ln.decide("noise", "duplicate", REPEATED_TITLE)
            continue
        key = " ".join(_LIST_MARK.sub("", ln.text).lower().split())
        if (len(ln.text) >= DUPLICATE_MIN_CHARS and key in last_seen
                and kept - last_seen[key] <= REPEAT_GAP and not _TABLE_ROW.match(ln.text)
                and REPEATED_LINE not in off):
            ln.decide("noise", "duplicate", REPEATED_LINE)
            continue
        kept += 1
        last_seen[key] = kept


def mark_tail_chrome(lines: list[Line], zones: Zones) -> None:
    """After the last paragraph, lines that do not end like a sentence are page chrome:
    tag labels, "Hashtags", "Show more", video durations, a list of newspaper names, a
    heading over the related list. A closing sentence stays ("The plan takes effect in
    May."), and so does a long line (a paragraph with a promo glued to its end). Short
    lines inside the body (subheads, list items) are never judged here."""
    for ln in lines[zones.tail_start:]:
        if (ln.open and len(ln.text) < TAIL_KEEP_CHARS
                and not _SENTENCE_END.search(ln.text) and not _INNER_SENTENCE.search(ln.text)):
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


def mark_foreign(lines: list[Line], script: str | None, language: str | None) -> None:
    for ln in lines:
        if ln.open and is_foreign_line(ln.text, script, language):
            ln.decide("noise", "language", FOREIGN_LINE)


def finish_body(lines: list[Line], active: Active) -> tuple[list[str], list[Removal]]:
    """Open lines become body, with inline spans (glued ad labels) cut out."""
    body, removed = [], []
    for ln in lines:
        if not ln.open:
            continue
        text = ln.text
        # one set pass first: most lines hold no inline span, and then no rule needs its
        # own search (when one does, every rule is tried in order on the text as cut so far)
        for rule in active.inline if active.inline_hits(text) else ():
            if rule.pattern.search(text):
                for m in rule.pattern.finditer(text):
                    removed.append(Removal(m.group(0).strip(), rule.category, rule.id))
                text = " ".join(rule.pattern.sub(" ", text).split())
        ln.decide("body", None, None)
        if text:
            body.append(text)
    return body, removed


def clean_inline(text: str, active: Active) -> str:
    for rule in active.inline if active.inline_hits(text) else ():
        text = rule.pattern.sub(" ", text)
    return " ".join(text.split())
