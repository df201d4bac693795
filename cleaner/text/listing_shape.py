"""A listing recognised by its shape alone: headline-and-teaser units and nothing else.

Section fronts, topic feeds, magazine and search pages of aggregators with no rule file
(an upday section, a Flipboard magazine, a Bing-on-MSN results page, a hashtag page) print
each story as a headline, a teaser of one or two paragraphs, and maybe a caption, a source,
an age or a topic tag around them. No anchor (age, "Read More") recurs on every card, so the
card readers (`cards`) find nothing, and the page's prose makes it look like an article
(`listing.mark_listing` refuses it).

What tells such a page from an article is the rhythm of its lines, not their wording:
- the page is a series of *units*: lines that are no prose (a caption, a source, a tag),
  the last of them a headline, then one or two paragraphs;
- every unit's prose is short: nowhere do three paragraphs follow each other, as a story's
  body does (snippets cut short with "..." are each a search result's), and most units hold
  one paragraph (a live blog's posts and a story's sections hold more);
- the headlines tell stories: their median length is six words or more (a story's subheads
  are labels, "Detours add ten minutes"), and most are no questions (an interview's);
- at most one paragraph stands before the first headline, short (the listing's
  description), and no byline or date stands over the first teaser when the other units
  have none (a briefing's headline has its "3 hours ago News desk" line over its intro; a
  listing's cards are alike);
- the first unit is no story with teasers under it: its prose is not much longer than any
  other unit's, no more lines (a "More from the desk" heading) part it from the second unit
  than part any two others, and no headline above it repeats its words (a papers review's
  headline sums up its items);
- the headlines are distinct stories, and no card of another shape sits between the units
  (the card readers' cards between them make them a story's pieces).

Two more shapes (samples 370-399: a topic feed, an event hub): units that each open a
later paragraph with the same label ("What it means: …") repeat a card template, so two are
a listing already; a unit of the card readers' cards' own shape, under a label of its own
("Featured Story" over the "Latest Update" cards, a source line among "X on MSN" results),
is one more card of the listing; and a line that only enumerates short phrases ("Four-day
week, small business and productivity") is a topic's label, no headline.

The units become related items (headline, teaser), and a headline after the last one
its last card (`listing.take_dangling`); what is left open is chrome (`LISTING_CHROME`).
Samples 290-369 (upday, Flipboard, hashtag, archive and feed listings) set the numbers;
the briefings, live blogs and articles with subheads of samples 020-289 stay articles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cleaner.core.lines import Line, is_paragraph, normalize
from cleaner.core.records import Related
from cleaner.rulebook.model import Active
from cleaner.text import label_lines as labels
from cleaner.text.card_lines import classify
from cleaner.text.listing import LISTING_CHROME, take_dangling
from cleaner.text.listing_intro import MAX_INTRO_WORDS, has_apparatus
from cleaner.text.rule_noise import RuleNoise

__all__ = ["LISTING_SHAPE", "mark_shaped_listing", "read_units"]

LISTING_SHAPE = "generic-listing-shape"

MIN_UNITS = 3  # two headline-and-paragraph pairs are an article with a subhead as often
MAX_TEASER_PARAGRAPHS = 2  # a card's teaser; a third paragraph in a row is a story's body
MAX_LEAD_LINES = 4  # caption, kicker, source, age and a printed-twice headline over a teaser
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 25
MIN_HEADLINE_CHARS = 15
# A news headline tells a story (the samples' listings: 6 to 14 words, a median of 7 or
# more); a story's subheads are labels ("Detours add ten minutes", "What happens next")
MIN_MEDIAN_HEADLINE_WORDS = 6
FIRST_STORY_FACTOR = 1.5  # the first unit's prose over the longest other teaser's
# Magazine headlines in title case are headlines even with a full stop inside ("A Bus Lane
# Changed This Neighborhood. Not Everyone Is Happy.", a Flipboard magazine, sample 259)
MAX_TITLE_CASE_WORDS = 15
MIN_TITLE_CASE_WORDS = 3
TITLE_CASE_SHARE = 0.8
# A shorter sentence alone on its line is a caption ("The team at training on Monday.", an
# inkl story, sample 329); the shortest teasers of the listings found (343) have nine words
MIN_TEASER_WORDS = 8
MIN_TEASER_CHARS = 35  # eight short words; no shorter line is typed a teaser
MIN_SHARED_WORDS = 2  # a heading over the units that repeats this many of the first
# headline's words is the page's own headline summing up its items (a papers review)

_CLOSERS = "\"'”’)]"
_TEASER_END = re.compile(r"(?:[.!?…]|\.\.\.)$")
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\)|[.)]) ")  # sections: "1. What we found", "1.) Judge" (566)
_INNER_STOP = re.compile(r"\w{3,}[.!] \w")  # "… on Monday. Photograph: X": a caption
_WORD = re.compile(r"\w{4,}")
_FIELD_LABEL = re.compile(r"^(\w[\w '’]{1,30}): ")  # "What it means: …", a card's field
MIN_FIELD_UNITS = 2  # a label in one unit is a paragraph's own opening


@dataclass(slots=True)
class Unit:
    """One story of the listing: the lines over its headline, the headline, its teaser
    (positions in the page's open lines)."""

    lead: list[int] = field(default_factory=list)
    head: int = -1
    teaser: list[int] = field(default_factory=list)


def _kind(text: str, noise: bool) -> str:
    """P a teaser or paragraph, H a headline, S anything else (a label, tag, source, a
    line a rule removes anyway: "Article continues under ad" is no headline)."""
    text = labels.unbulleted(text)  # a list's bullet is no word of the headline (sample 576)
    words = text.count(" ") + 1  # split_lines folded the spaces
    if (noise or words < MIN_HEADLINE_WORDS or len(text) < MIN_HEADLINE_CHARS
            or labels.is_name_list(text) or labels.is_enumeration(text)):
        return "S"  # a label, a nav item, a place: too short or too bare for a headline
    token = classify(text)
    if token.kind == "I" and words >= MIN_TEASER_WORDS:
        return "P"  # a teaser with its date glued on (hashtag pages)
    bare = text.rstrip(_CLOSERS)
    if words <= MAX_TITLE_CASE_WORDS and _title_case(text):
        return "H"  # "A Bus Lane Changed This Neighborhood. Not Everyone Is Happy."
    if token.kind == "P" or (words >= MIN_TEASER_WORDS and _TEASER_END.search(bare)
                             and not bare.endswith("?")):
        return "P"
    if (MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS and len(text) >= MIN_HEADLINE_CHARS
            and token.kind in ("T", "S", "B")
            and (not bare.endswith((".", ":", ";", ",")) or _truncated(bare))
            and not has_apparatus(text) and not _NUMBERED.search(text)
            and not ((". " in text or "! " in text) and _INNER_STOP.search(text))):
        return "H"
    return "S"


def _title_case(text: str) -> bool:
    """Most long words capitalised, as magazine headlines print them (a sentence does not)."""
    long = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    return len(long) >= MIN_TITLE_CASE_WORDS and sum(
        w[0].isupper() for w in long) >= TITLE_CASE_SHARE * len(long)


def _truncated(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(("...", "…"))


def read_units(texts: list[str], noise: RuleNoise | list[bool] | None = None,
               typed: dict[str, str] | None = None) -> list[Unit] | None:
    """The page's units when its lines are headline-and-teaser units and nothing else
    (see the module docstring), else None; `typed` keeps the lines' kinds for the page.

    >>> page = ["World", "Dam repairs delayed again in the valley",
    ...         "Engineers found new cracks in the spillway on Monday.",
    ...         "Library opens late on Fridays from June",
    ...         "The council says students asked for longer hours.",
    ...         "Ferry fares rise for island residents",
    ...         "Islanders will pay four per cent more from April.", "Load more"]
    >>> [u.head for u in read_units(page)]
    [1, 3, 5]
    """
    flags = noise or [False] * len(texts)
    typed = {} if typed is None else typed
    kinds: list[str] = []  # typed as the walk goes: most pages stop it early
    units: list[Unit] = []
    block: list[int] = []
    intro = False
    for k, text in enumerate(texts):
        kind = typed.get(text) or typed.setdefault(text, _kind(text, flags[k]))
        kinds.append(kind)
        if kind != "P":
            if block and kinds[block[-1]] == "P":
                block = []
            block.append(k)
            continue
        if units and units[-1].teaser and units[-1].teaser[-1] == k - 1:
            units[-1].teaser.append(k)
            whole = [j for j in units[-1].teaser if not _truncated(texts[j])]
            if len(whole) > MAX_TEASER_PARAGRAPHS:  # snippets cut short are each a result's
                return None
            continue
        heads = [j for j in block if kinds[j] == "H"]
        if not heads:
            if units or intro or len(texts[k].split()) > MAX_INTRO_WORDS:
                return None  # prose with no headline over it: a story's paragraph
            intro = True
            block = []
            continue
        head = heads[-1]
        lead = [j for j in block if j < head] if units else []  # the first: page chrome
        if len(lead) > MAX_LEAD_LINES:
            return None
        units.append(Unit(lead, head, [k]))
        block = [k]
    units, start, least = _templated(texts, units)
    if len(units) < least:
        return None
    heads = sorted(len(texts[u.head].split()) for u in units)
    if (heads[len(heads) // 2] < MIN_MEDIAN_HEADLINE_WORDS
            or not _distinct(texts, units) or _briefing(texts, units, start)
            or _story_first(texts, units) or _posts(texts, units)
            or _questions(texts, units) or _summed_up(texts, kinds, units[0].head)
            or labels.is_counted(tl := [texts[u.head] for u in units])
            or labels.unlike_bullets(tl)):
        return None
    return units


def _templated(texts: list[str], units: list[Unit]) -> tuple[list[Unit], int, int]:
    """The units, where the first of them may start, and how many make a listing. Units
    that each print the same field label ("What it means: …") repeat a card template,
    so two of them are a listing already (two headlines and teasers alone are as often an
    article with a subhead); a unit over them without that field is the listing's own
    heading and description (a topic box: "Floods in Top Stories", "Updated an hour ago",
    a summary), chrome then."""
    fields = _field_labels(texts, units)
    if not fields:
        return units, 0, MIN_UNITS

    def carries(u: Unit) -> bool:
        return any(_label(texts[j]) in fields for j in u.teaser[1:])

    if all(map(carries, units)):
        return units, 0, MIN_FIELD_UNITS
    if len(units) > MIN_FIELD_UNITS and all(map(carries, units[1:])):
        units[1].lead = []  # over the first story: the page's chrome ("Top Stories")
        return units[1:], units[0].teaser[-1] + 1, MIN_FIELD_UNITS
    return units, 0, MIN_UNITS


def _questions(texts: list[str], units: list[Unit]) -> bool:
    """Most headlines after the first are questions: an interview's or an explainer's,
    each answered under it (a listing's headlines are mostly statements)."""
    asked = sum(texts[u.head].rstrip(_CLOSERS).endswith("?") for u in units[1:])
    return asked * 2 > len(units) - 1


def _posts(texts: list[str], units: list[Unit]) -> bool:
    """Most units hold two whole paragraphs: a live blog's posts or a story's sections; a
    card's teaser is one paragraph (or snippets cut short). A second paragraph that opens
    with the same label in every unit that has one ("Why it matters: …") is a field of the
    card's template, not a post's or a section's prose."""
    fields = _field_labels(texts, units)
    whole = [sum(not _truncated(texts[j]) and _label(texts[j]) not in fields
                 for j in u.teaser) for u in units]
    return sum(n > 1 for n in whole) * 2 >= len(units)


def _label(text: str) -> str | None:
    found = _FIELD_LABEL.match(text)
    return found.group(1).lower() if found else None


def _field_labels(texts: list[str], units: list[Unit]) -> set[str]:
    """Labels that open a teaser's later paragraph in two units or more and in every unit
    with a later paragraph: a card template's fields (a story's sections and a live blog's
    posts do not open their second paragraphs alike)."""
    later = [{_label(texts[j]) for j in u.teaser[1:]} - {None} for u in units
             if len(u.teaser) > 1]
    if len(later) < MIN_FIELD_UNITS:
        return set()
    shared = set.intersection(*later)
    return {label for label in shared if label is not None}


def _story_first(texts: list[str], units: list[Unit]) -> bool:
    """The first unit carries much more prose than any other, or more lines part it from
    the second than part any two others: it is the page's story, and the units under it
    are its related cards (they stay for the tail stages). Snippets cut
    short after the first are other results (a search page's), not the unit's prose."""
    if len(units) > 2 and len(units[1].lead) > max(len(u.lead) for u in units[2:]):
        return True  # a heading between the first unit and the rest: "More from the desk"
    size = [len(texts[u.teaser[0]]) + sum(len(texts[j]) for j in u.teaser[1:]
                                          if not _truncated(texts[j])) for u in units]
    return size[0] > FIRST_STORY_FACTOR * max(size[1:])


def _summed_up(texts: list[str], kinds: list[str], first: int) -> bool:
    """A headline over the units repeats words of the first one: the page's own headline
    sums up its items ("Wales' papers: Lifeboat crew honoured and …"), as a briefing's or a
    papers review's does; a listing's heading is a label ("UK News", "@desk | Topic")."""
    words = {w.lower() for w in _WORD.findall(texts[first])}
    return any(kinds[k] == "H"
               and len(words & {w.lower() for w in _WORD.findall(texts[k])}) >= MIN_SHARED_WORDS
               for k in range(first))


def _distinct(texts: list[str], units: list[Unit]) -> bool:
    return len({normalize(texts[u.head]) for u in units}) == len(units)


def _between(u: Unit, texts: list[str]) -> list[str]:
    """The lines a unit prints over its headline and between it and its teaser."""
    return [texts[j] for j in (*u.lead, *range(u.head + 1, u.teaser[0]))]


def _briefing(texts: list[str], units: list[Unit], start: int = 0) -> bool:
    """A byline or date over the first teaser that the other units lack: the page's own
    headline and apparatus over its story or intro (a briefing's "3 hours ago News desk",
    "Published 2 hours ago" under a story's headline); a listing's cards are alike."""
    def dated(u: Unit) -> bool:
        return any(has_apparatus(t) for t in _between(u, texts))
    above = any(has_apparatus(t) for t in texts[start:units[0].teaser[0]])
    return above and sum(map(dated, units[1:])) * 2 < len(units) - 1


def _story(texts: list[str], u: Unit) -> Related:
    """The unit as a related item; a date glued to its teaser ("... for nine days. Mon 7
    Jul Mon 7 Jul 2025 at 4:55am") is its `published`, and a snippet cut short ends the
    teaser (the lines after it are other results')."""
    teaser, published = [texts[j] for j in u.teaser], None
    teaser = teaser[:1] if _truncated(teaser[0]) else teaser
    token = classify(teaser[-1])
    if token.kind == "I" and token.source:
        teaser[-1], published = token.source, token.published
    return Related(labels.unbulleted(texts[u.head]), None, published, None, " ".join(teaser))


def _no_units(open_lines: list[Line]) -> bool:
    """Three whole paragraphs in a row (a story's body), or too few lines long enough to
    be teasers: found before any line is typed (most pages that reach this stage are
    articles or chrome, and this pass is cheap)."""
    run = teasers = 0
    for ln in open_lines:
        text = ln.text
        if len(text) < MIN_TEASER_CHARS:
            run = 0
            continue
        teasers += 1
        run = run + 1 if is_paragraph(text) and not _truncated(text) else 0
        if run > MAX_TEASER_PARAGRAPHS:
            return True
    return teasers < MIN_UNITS  # too few lines long enough to be a teaser


def mark_shaped_listing(lines: list[Line], active: Active) -> list[Related] | None:
    """Decide a page of headline-and-teaser units as a listing: the units' lines related,
    the rest chrome (`LISTING_CHROME`). Returns the stories, or None when the page has not
    that shape (no line is decided then)."""
    open_lines = [ln for ln in lines if ln.open]
    typed: dict[str, str] = {}  # each line's kind, for both readings of the page
    if _no_units(open_lines):
        return _with_cards(lines, active, typed)
    texts = [ln.text for ln in open_lines]
    units = read_units(texts, RuleNoise(texts, active), typed)
    if units is None:
        return _with_cards(lines, active, typed)
    first, last = open_lines[units[0].head].index, open_lines[units[-1].teaser[-1]].index
    if any(ln.fate == "related" for ln in lines[first:last]):
        return None  # cards of another shape between the units: they are a story's pieces
    return _decide(lines, open_lines, texts, units, active)


def _with_cards(lines: list[Line], active: Active, typed: dict[str, str]) -> list[Related] | None:
    """The page read again with the cards the card readers found (a label such as
    "Latest Update" or "Source on MSN" over each): when those cards are units of the same
    shape as the open headline and teaser among them, each under a label of its own
    ("Featured Story" over the first), the page is a listing whose card the readers
    missed, not a story over its cards."""
    pool = [ln for ln in lines if ln.open or ln.fate == "related"]
    if not any(ln.fate == "related" for ln in pool) or not pool[0].open or _no_units(pool):
        return None
    texts = [ln.text for ln in pool]
    units = read_units(texts, RuleNoise(texts, active), typed)
    if units is None or len({u.teaser[0] - u.head for u in units}) > 1:
        return None  # not one template: the headlines and teasers are differently spaced
    missed = [u for u in units if all(pool[j].open for j in _card(u))]
    if not missed or any(u not in missed and any(pool[j].open for j in _card(u))
                         for u in units):
        return None  # the units cut across the readers' cards
    span = {j for u in units for j in (*u.lead, *_card(u))}
    j = units[0].head - 1
    while j >= 0 and pool[j].fate == "related":  # the first card's own lead ("3d on MSN")
        span.add(j)
        j -= 1
    if any(pool[j].fate == "related" for j in range(len(pool)) if j not in span):
        return None  # cards elsewhere on the page: a story's related lists
    if not all(_labelled(pool, texts, u, k) for k, u in enumerate(units) if u in missed):
        return None
    return _decide(lines, pool, texts, missed, active)


def _card(u: Unit) -> range:
    return range(u.head, u.teaser[-1] + 1)


def _labelled(pool: list[Line], texts: list[str], u: Unit, k: int) -> bool:
    """A unit under a label, as each card of the template: the first unit's own short
    line over its headline ("Featured Story"), a later unit's lead."""
    if k:
        return bool(u.lead)
    head = u.head
    return head > 0 and _kind(texts[head - 1], False) == "S" and pool[head - 1].open


def _decide(lines: list[Line], pool: list[Line], texts: list[str], units: list[Unit],
            active: Active) -> list[Related]:
    """Decide the units' lines related and what is left open chrome; the units' stories."""
    items = [_story(texts, u) for u in units]
    for u in units:
        for j in (*u.lead, *range(u.head, u.teaser[-1] + 1)):
            pool[j].decide("related", "related", LISTING_SHAPE)
    items += take_dangling(lines, pool[units[-1].teaser[-1]].index, items, LISTING_SHAPE)
    open_lines = [ln for ln in lines if ln.open]
    for ln in open_lines:  # a line a rule removes anyway keeps that rule ("logo")
        rule = active.noise_anywhere(ln.text) if ln.open else None
        if rule is not None:
            ln.decide("noise", rule.category, rule.id)
        elif ln.open:
            ln.decide("noise", "nav", LISTING_CHROME)
    return items
