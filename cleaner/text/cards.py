"""Related cards found by their shape, on any site: no heading or rule file needed.

Aggregators print each story card as a few lines around one *anchor*: its age or date
("time4 days ago", "Axios12-03-2025", "28-07-2025", "Reuters · 3h") or a link line the page
repeats after every card ("Read More", "Copy the Story Link"). A page where anchors recur a
few lines apart, and the lines between them have the same shape each time (title copies, a
source, bullets "  • Business", a teaser), carries a card list, whatever its template.

Each open line is given a token type (see `classify`), anchors are grouped into runs, and
each run is cut into cards: the lines before an anchor that repeat the card's own lines
(Daily8 prints the title three times) or the one title/source line right above it belong
to it; after the anchor come bullets, the title and the teaser. When nothing card-like
follows the last anchor, the anchors close their cards instead (a date or feed line under
each teaser). A run is kept only when the cards share one shape and have titles, so a
timeline of dated paragraphs in an article is not taken for cards. Without dates, a short
line repeated after every card ("Read More") closes them. Stories printed one a line with
their date glued on (author pages) are cards too.

`mark_listing` then calls a page with cards and no prose outside them a listing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import re2

from cleaner.core.lines import Line, is_paragraph, normalize
from cleaner.core.records import Related
from cleaner.rulebook.model import Active
from cleaner.rulebook.patterns import LARGE_SET_MAX_MEM
from cleaner.text.broken_titles import join_broken_titles
from cleaner.text.cards_first import opens_like_the_rest, titled_after_anchor
from cleaner.text.glued_closers import glued_closer_cards
from cleaner.text.glued_pairs import glued_pair_cards
from cleaner.text.listing_intro import is_listing_intro
from cleaner.text.source_cards import source_triple_cards
from cleaner.text.topic_pairs import pair_cards

CARD_RULE = "generic-card-shape"
CARD_CHROME = "generic-card-chrome"
LISTING_CHROME = "generic-listing-chrome"
# A card spans at most this many non-blank lines between two anchors (Daily8 A: title x3,
# source, bullet x2, teaser = 7; WordPress listings 3; naharnet tag pages 4).
MAX_CARD_LINES = 10
MAX_TEASER_LINES = 3  # paragraphs in one card (naharnet prints two)
MIN_CARDS = 2
SHORT_MAX_WORDS = 6  # a source or section name, "Read More", a bullet
TITLE_MIN_CHARS = 12
TEASER_MIN_CHARS = 80  # the seeds' shortest truncated teaser; the longest headline is 150
TITLE_MAX_CHARS = 220
SEPARATOR_MAX_CHARS = 40
ANCHOR_MAX_CHARS = 90  # an age line with a glued source name
# The date forms together are a large automaton; RE2's default 8 MB DFA budget runs out on
# them and it falls back to a slower engine, so they get room of their own.
_OPTIONS = re2.Options()
_OPTIONS.max_mem = LARGE_SET_MAX_MEM
_OPTIONS.log_errors = False


def _compile(pattern: str):
    return re2.compile(pattern, options=_OPTIONS)


def _one_pass(patterns: list) -> re2.Set:
    """The patterns of one family in an RE2 set: one call says which of them match. A
    search through the Python binding costs ~2-6 us of wrapper before RE2 runs at all (six
    anchor searches 12-20 us a line, the set ~1 us), and most lines tried match none."""
    found = re2.Set.SearchSet(_OPTIONS)
    for pattern in patterns:
        found.Add(pattern.pattern)
    found.Compile()
    return found


def _first_match(patterns: list, family: re2.Set, text: str):
    """The match of the first pattern of a family that matches text, or None: as trying
    them in order, with one set pass in place of the misses."""
    hits = family.Match(text)
    return patterns[min(hits)].search(text) if hits else None


# Ages and dates as aggregators print them: "4 days ago", "an hour ago", "3h",
# "11-06-2025", "2025-06-11", "Jun 11, 2025", "Sat, 19 Jan 2019 10:33:38 GMT",
# "March 23, 2018 - 7:53am", "Tue, June 10, 2025 at 9:14 PM UTC".
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? )"
_CLOCK = r"(?:,? (?:at |- )?\d{1,2}[:.]\d{2}(?::\d{2})?(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,4})?)"
_AGE = (r"(?:(?:an?|\d{1,3}|a few) ?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?"
        r"|months?|years?|[smhdw]) ago|\d{1,3} ?(?:min|[smhdw])|just now|yesterday|today)")
_DATE = (rf"(?:{_DAY}?(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
         rf"(?:T[\d:.]+Z?)?|{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}}"
         rf"|\d{{1,2}} {_MONTH}){_CLOCK}?)")
_WHEN = rf"(?:{_AGE}|{_DATE})"
# The anchor forms, tried in order: bare (maybe after a "time"/"Published" label, maybe in
# brackets), source glued to it ("USA Today3 days ago"), source and a separator ("S · 3h").
_ANCHORS = [_compile(p) for p in (
    rf"^\(?(?:time|[Pp]ublished:? |[Uu]pdated:? |[Pp]osted:? )?(?P<published>{_WHEN})\)?$",
    rf"^(?P<source>\S.{{0,58}}?[^\d\s])(?:time)?(?P<published>{_WHEN})$",
    rf"^(?P<source>\S.{{0,58}}?) ?[·•|–-] ?(?P<published>{_WHEN})$",
    # "Published by CNN on 2025-03-03 at 07:40:17"
    rf"^(?:[Pp]ublished|[Pp]osted|[Ww]ritten) by (?P<source>.{{1,60}}?) "
    rf"on (?P<published>{_WHEN})$",
    # "July 8, 2025 by admin", "Posted on June 30, 2025 by newsdesk" (WordPress)
    rf"^(?:[Pp]osted on |[Pp]ublished on |[Uu]pdated on )?(?P<published>{_WHEN}) "
    r"[Bb]y \S.{0,40}$",
    rf"^(?P<published>{_DATE})(?P<section>\p{{Lu}}[\p{{Lu}} &]{{1,30}})$",  # "Dec 24 2025CRIME"
)]
# Cards with no date: "Reuters - World - News Image" (source, section, label), and the
# feed line an IFTTT copy closes each story with: "from Yahoo News - Latest https://ift.tt/x".
_META_LINES = [_compile(p) for p in (
    r"^(?P<source>[^-–|·]{2,40}?)(?: [-–|·] [^-–|·]{1,30}){2,3}$",
    r"^from (?P<source>.{2,80}?) https?://\S+$",
)]
_ANCHOR_SET, _META_SET = _one_pass(_ANCHORS), _one_pass(_META_LINES)
_GLUED_WORDS = re2.compile(r"\p{Ll}\p{Lu}\p{Ll}")
_PAGE_COUNTER = re.compile(r"(?i)\bpage \d+\b")  # "Latest News – Page 292 – Site"
# A card title after its number in the list, with or without a stop ("1 Families ...").
_COUNTED = re.compile(r"^(?P<n>\d{1,3})[.)]? (?P<title>\S.{11,})$")
# A numbered card title ("2. Airline apologises ..."): the number is the list's.
_NUMBERED = re2.compile(r"^\d{1,3}[.)] (?P<title>\S.*)$")
# A story on one line with its date glued on, as author pages print them: "Ferry delays
# leave islanders strandedMon 12 May Mon 12 May Mon 12 May 2025 at 9:14pm" (the date is
# printed three times), or a sentence, a space and the repeated date.
_DAY_MONTH = rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? \d{{1,2}} {_MONTH} )"
_ITEMS = [_compile(p) for p in (
    rf"^(?P<title>\S.+[^\d\s,])(?P<published>{_DAY_MONTH}*{_DATE})$",
    rf"^(?P<title>\S.+[.!?]) (?P<published>{_DAY_MONTH}+{_DATE})$",
)]
_ITEM_SET = _one_pass(_ITEMS)
ITEM_MIN_CHARS, ITEM_MAX_CHARS = 24, 360
# A card title that starts with the story's age: "2 months Harbor Dredging Finally Funded".
_AGE_FIRST = re.compile(r"^(?P<published>\d{1,3} (?:minutes?|hours?|days?|weeks?|months?"
                        r"|years?)(?: ago)?) (?P<title>\S.{11,})$")
# A photo caption ending in its credit, photographer and agency: "... Leeds (Danny Orme/PA)".
_CREDITED = re.compile(r" \([^()/]{2,40}/[^()/]{1,30}\)$")
# A teaser cut short: "... more", "[…]", "...".
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])(?: ?more)?$")
_BULLET = re2.compile(r"^[•·*–-] ?(?P<text>\S.{0,60})$")
_DIGIT = re.compile(r"\d")  # the standard engine: a one-character search is its fast path
_SENTENCE_END = re2.compile(r"[.!?:;][\"'”’)\]]*$")


@dataclass(frozen=True, slots=True)
class Token:
    """A line's type for shape matching, with what an anchor line says."""

    # A anchor (age, date, feed or "S - Section - Label" line), B bullet, R repeated short
    # line, S short, T title, P prose, I a story on one line with its date, N a line a rule
    # removes anyway, X an ad label (never a card's end)
    kind: str
    source: str | None = None
    published: str | None = None


def _anchor(text: str) -> Token | None:
    if len(text) > ANCHOR_MAX_CHARS:
        return None
    if " - " in text or " | " in text or " · " in text or text.startswith("from "):
        for k in sorted(_META_SET.Match(text) or ()):
            source = _META_LINES[k].search(text).groupdict()["source"]
            if k or (len(source.split()) <= SHORT_MAX_WORDS
                     and not any(c.isdigit() for c in source)):
                return Token("A", source.strip(), None)
    low = text[-12:].lower()
    if not _DIGIT.search(text, max(0, len(text) - 40)) and not (
            "ago" in low or "now" in low or "yesterday" in low or "today" in low):
        return None  # the cheap check: a digit near the end, or one of these words
    m = _first_match(_ANCHORS, _ANCHOR_SET, text)
    if m is None:
        return None
    groups = m.groupdict()  # once: each group(name) call rebuilds the binding's name table
    source = (groups.get("source") or "").strip() or None
    if source and (len(source.split()) > SHORT_MAX_WORDS or _SENTENCE_END.search(source)):
        return None  # prose that happens to end in a date is no card line
    return Token("A", source or None, groups["published"])


def _item(text: str) -> Token | None:
    if (not (text[-1].isdigit() or text[-2:].lower() in ("am", "pm"))
            or not ITEM_MIN_CHARS <= len(text) <= ITEM_MAX_CHARS):
        return None
    m = _first_match(_ITEMS, _ITEM_SET, text)
    if m is None:
        return None
    groups = m.groupdict()
    return Token("I", groups["title"].strip(), groups["published"])


_CLOSERS = "\"'”’)]"
_TOKENS = {kind: Token(kind) for kind in "PSTN"}


def classify(text: str) -> Token:
    """A line's token type, from the line alone (`_mark_repeated` adds R from the page).
    I is a whole story on one line (its title in `source`). String tests before regexes:
    this runs on every line of every text page."""
    n = len(text)
    if n > ITEM_MAX_CHARS or (n > ANCHOR_MAX_CHARS and text[-1] in ".!?\"”’"):
        return _TOKENS["P"]  # a paragraph: too long for an anchor, not ending as an item does
    if text[-1] in "owy" or _DIGIT.search(text, max(0, len(text) - 40)) or " - " in text \
            or " | " in text or " · " in text or text.startswith("from "):
        found = _anchor(text) or _item(text)
        if found:
            return found
    if not any(c.isalpha() for c in text):
        return _TOKENS["S"]  # counts and scores ("46 | 8941 | 1"), durations: never a title
    if text[0] in "•·*–-":
        m = _BULLET.search(text)
        bullet = m.groupdict()["text"] if m else None
        if bullet and len(bullet.split()) <= SHORT_MAX_WORDS:
            return Token("B", bullet.strip())
    words = text.count(" ") + 1
    stripped = text.rstrip(_CLOSERS)
    sentence = bool(stripped) and stripped[-1] in ".!?:;"
    ellipsis = stripped.endswith(("...", "…", "[…]", "[...]"))
    if words > 25 or (n >= TEASER_MIN_CHARS and (ellipsis or is_paragraph(text))):
        return _TOKENS["P"]  # a teaser cut short with an ellipsis is prose all the same
    if words <= SHORT_MAX_WORDS and n < TITLE_MIN_CHARS * 2 and not sentence:
        return _TOKENS["S"]
    if TITLE_MIN_CHARS <= n <= TITLE_MAX_CHARS:
        return _TOKENS["P" if sentence and words > 12 else "T"]
    return _TOKENS["S" if words <= SHORT_MAX_WORDS else "P"]


@dataclass(slots=True)
class _Card:
    lead: list[int]  # positions (in the open-line list) before the anchor
    anchor: int
    post: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CardRun:
    """Cards found on a page and the lines they used (open-line positions)."""

    items: tuple[Related, ...]
    used: tuple[int, ...]
    chrome: tuple[int, ...]
    first: int
    last: int


def _runs(anchors: list[int], tokens: list[Token]) -> list[list[int]]:
    """Anchors close together with at most a teaser's worth of prose between them; an
    article's dateline is cut off from the related list under the story this way."""
    runs: list[list[int]] = []
    for a in anchors:
        if (runs and a - runs[-1][-1] <= MAX_CARD_LINES
                and sum(t.kind == "P" for t in tokens[runs[-1][-1]:a]) <= MAX_TEASER_LINES):
            runs[-1].append(a)
        else:
            runs.append([a])
    return [r for r in runs if len(r) >= MIN_CARDS]


def _lead(keys: list[str], tokens: list[Token], lo: int, anchor: int,
          post_keys: set[str]) -> list[int]:
    """The lines before an anchor that are its card's: copies of lines after the anchor
    (title copies, the source under a bullet), and the title or source right before it."""
    lead: list[int] = []
    spare = 1
    k = anchor - 1
    top = anchor - 1  # the line right above the anchor, or above its byline
    while k >= lo:
        kind = tokens[k].kind
        if kind in ("P", "A"):
            break
        if k == top and keys[k].startswith("by ") and kind in ("S", "T", "R"):
            lead.append(k)  # a byline between the title and the age ("By X, AP Writer")
            top -= 1
        elif keys[k] in post_keys or kind in ("R", "N", "X"):
            lead.append(k)
        elif (kind == "T" or (kind == "S" and tokens[anchor].source is None)) and spare \
                and k == top:  # an anchor that names its source has a title above
            spare -= 1
            lead.append(k)
        else:
            break
        k -= 1
    return sorted(lead)


def _shape(tokens: list[Token], card: _Card) -> str:
    """What a card is made of before its anchor (title copies, source), then whether a
    bullet follows it: the part of a card a template fixes. What follows the anchor
    varies (a standfirst, one or two teaser lines, none)."""
    out = []
    for k in card.lead:  # runs of one kind count once (title copies)
        kind = tokens[k].kind
        if kind not in ("R", "N", "X", "P") and (not out or out[-1] != kind):
            out.append(kind)
    out.append("A")
    if any(tokens[k].kind == "B" for k in card.post):
        out.append("B")
    return "".join(out)


def _build(texts: list[str], keys: list[str], tokens: list[Token], run: list[int],
           lo: int, hi: int) -> list[_Card] | None:
    """Cut a run of anchors into cards; None when they do not share a shape."""
    if len(run) == 1:
        return _single(keys, tokens, run[0], lo, hi)
    cards = []
    for n, a in enumerate(run):
        end = run[n + 1] if n + 1 < len(run) else hi
        cards.append(_Card([], a, list(range(a + 1, end))))
    # the lead of each card is taken from the tail of the previous card's lines
    for n, card in enumerate(cards):
        start = cards[n - 1].anchor + 1 if n else lo
        post_keys = {keys[k] for k in card.post[:MAX_CARD_LINES]}
        post_keys |= {normalize(tokens[k].source or "") for k in card.post[:3]
                      if tokens[k].kind == "B"}
        card.lead = _lead(keys, tokens, start, card.anchor, post_keys - {""})
        if n:
            prev = cards[n - 1]
            prev.post = [k for k in prev.post if k < (card.lead[0] if card.lead else card.anchor)]
    last = cards[-1]
    longest = max((c.post for c in cards[:-1]), key=len)
    template = [tokens[k].kind for k in longest]
    last.post = _fit_tail(tokens, last.post, template)
    for card in cards:
        if sum(tokens[k].kind == "P" for k in card.post) > MAX_TEASER_LINES:
            return None
        size = sum(tokens[k].kind not in ("N", "R", "X") for k in [*card.lead, *card.post])
        if size >= MAX_CARD_LINES:
            return None
    shapes = [_shape(tokens, c) for c in cards]
    common = max(set(shapes), key=shapes.count)
    if shapes.count(common) * 3 < len(shapes) * 2:  # two cards in three share the shape
        return None
    if "T" not in common and "S" not in common and not titled_after_anchor(tokens, cards):
        return None
    if shapes[0] != common and len(run) > MIN_CARDS:
        if opens_like_the_rest(tokens, cards, common, Token("R")):
            return cards
        return _build(texts, keys, tokens, run[1:], run[0] + 1, hi)  # the page's own head
    return cards


def _single(keys: list[str], tokens: list[Token], anchor: int, lo: int, hi: int
            ) -> list[_Card] | None:
    """A lone card (a hashtag page with one story): kept when its title is printed more
    than once around the anchor and a bullet names its source, as card templates do."""
    post = []
    for k in range(anchor + 1, min(hi, anchor + MAX_CARD_LINES)):
        if tokens[k].kind in ("A", "I"):
            break
        post.append(k)
        if tokens[k].kind == "P":
            break
    post_keys = {keys[k] for k in post} | {normalize(tokens[k].source or "") for k in post
                                            if tokens[k].kind == "B"}
    card = _Card(_lead(keys, tokens, lo, anchor, post_keys - {""}), anchor, post)
    lines = [*card.lead, *card.post]
    has_bullet = any(tokens[k].kind == "B" for k in post)
    titles = [keys[k] for k in lines if tokens[k].kind == "T"]
    if has_bullet and len(titles) > len(set(titles)):
        return [card]
    return None


def _fit_tail(tokens: list[Token], post: list[int], template: list[str]) -> list[int]:
    """The last card's lines after its anchor: as many as the previous card's shape
    allows, so the footer after the list is not taken for its teaser."""
    out, t = [], 0
    for k in post:
        kind = tokens[k].kind
        if kind in ("R", "N", "X"):
            out.append(k)
            continue
        while t < len(template) and template[t] != kind:
            t += 1
        if t >= len(template):
            break
        out.append(k)
        if kind != "P":
            t += 1
    return out


def _related(texts: list[str], keys: list[str], tokens: list[Token], card: _Card
             ) -> Related | None:
    lines = [k for k in [*card.lead, *card.post] if tokens[k].kind not in ("R", "N", "X")]
    anchor = tokens[card.anchor]
    bullets = [tokens[k].source for k in lines if tokens[k].kind == "B"]
    counts: dict[str, int] = {}
    for k in lines:
        if tokens[k].kind in ("S", "T"):
            counts[keys[k]] = counts.get(keys[k], 0) + 1
    source = anchor.source
    bullet_keys = {normalize(b or "") for b in bullets}
    if source is None:
        source = next((texts[k] for k in lines if tokens[k].kind == "S"
                       and keys[k] in bullet_keys), None)
    if source is None and bullets:
        source = bullets[-1]
    if source is None:
        source = next((texts[k] for k in card.lead if tokens[k].kind == "S"), None)
    skey = normalize(source or "")
    names = [k for k in lines if tokens[k].kind in ("S", "T") and keys[k] != skey
             and keys[k] not in bullet_keys and not keys[k].startswith("by ")]
    if not names:
        return None
    top = max(counts.get(keys[k], 0) for k in names)
    titled = [k for k in names if counts.get(keys[k], 0) == top]
    title = next((k for k in titled if tokens[k].kind == "T"), titled[0])
    teaser = [texts[k] for k in card.post if tokens[k].kind == "P"]
    return Related(_title(texts[title]), source, anchor.published, None,
                   "\n".join(teaser) or None)


def _title(text: str) -> str:
    m = _NUMBERED.search(text) if text[0].isdigit() else None
    return m.group("title") if m else text


def _unnumbered(items: list[Related]) -> list[Related]:
    """Cards numbered in a row ("1 Families wait ...", "2 Army says ..."): the numbers are
    the list's. A lone number before a title is the title's ("4 hurt after ...")."""
    nums = [m for m in (_COUNTED.search(it.title) for it in items) if m]
    if len(items) < MIN_CARDS or len(nums) != len(items):
        return items
    first = int(nums[0].group("n"))
    if [int(m.group("n")) for m in nums] != list(range(first, first + len(items))):
        return items
    return [replace(it, title=m.group("title")) for it, m in zip(items, nums)]


def _separator_runs(tokens: list[Token], keys: list[str]) -> list[int]:
    """Anchors for cards without a date: the repeated link line that closes each card
    ("Read More"), when it recurs at least twice."""
    counts: dict[str, int] = {}
    for k, t in enumerate(tokens):
        if t.kind == "R":
            counts[keys[k]] = counts.get(keys[k], 0) + 1
    if not counts:
        return []
    best = max(counts, key=counts.get)
    if counts[best] < MIN_CARDS:
        return []
    return [k for k, t in enumerate(tokens) if t.kind == "R" and keys[k] == best]


def _closed_cards(texts: list[str], tokens: list[Token], ends: list[int]
                  ) -> tuple[list[Related], list[int]] | None:
    """Cards that end at their anchor: title, teaser lines, then "Read More", a feed line or
    the date. The first card is as long as the second (what is above it is the heading)."""
    spans = [list(range(ends[n - 1] + 1 if n else max(0, e - MAX_CARD_LINES), e))
             for n, e in enumerate(ends)]
    spans = [[k for k in span if tokens[k].kind not in ("N", "R", "X")] for span in spans]
    if len(spans) > 1:
        spans[0] = spans[0][len(spans[0]) - len(spans[1]):] if len(spans[1]) else []
    shapes = ["".join(dict.fromkeys(tokens[k].kind for k in span if tokens[k].kind != "P"))
              for span in spans]
    common = max(set(shapes), key=shapes.count)
    if shapes.count(common) * 3 < len(shapes) * 2:  # two cards in three share the shape
        return _closed_cards(texts, tokens, ends[1:]) if len(ends) > MIN_CARDS else None
    out, used = [], []
    for span, e in zip(spans, ends):
        titles = [k for k in span if tokens[k].kind in ("T", "S")]
        if not titles or len(span) > MAX_CARD_LINES:
            return None
        if sum(tokens[k].kind == "P" for k in span) > MAX_TEASER_LINES:
            return None
        # the outlet's name may stand above the title ("The Guardian" / "Dockers win pay
        # rise as ports reopen"): a headline-sized line without a stop is the title then,
        # unless the card prints another line twice (its title copies)
        keys = [normalize(texts[k]) for k in titles]
        t = next((k for k, key in zip(titles, keys) if keys.count(key) > 1),
                 next((k for k in titles if tokens[k].kind == "T"
                       and not _SENTENCE_END.search(texts[k])), titles[0]))
        if any(tokens[k].kind == "P" for k in span if k < t):
            return None  # prose above the title: story paragraphs, not a card
        teaser = [texts[k] for k in span if k > t and tokens[k].kind in ("P", "T")
                  and normalize(texts[k]) != normalize(texts[t])]
        anchor = tokens[e]
        source = anchor.source or next((texts[k] for k in titles if k < t
                                        and tokens[k].kind == "S"), None)
        out.append(Related(_title(texts[t]), source, anchor.published, None,
                           "\n".join(teaser) or None))
        used += [*span[span.index(t):], e]
    return out, used


def _opened_cards(texts: list[str], tokens: list[Token], starts: list[int],
                  titled: bool) -> tuple[list[Related], list[int]] | None:
    """Cards that start at their anchor: an image placeholder printed before each card ("A
    picture") or a bulleted title ("• Title", `titled`), then the title copy or the title,
    and a teaser. The last card is as long as the one before it (what follows is the
    footer). Every card needs its title, and prose only after it."""
    spans = [list(range(s + 1, starts[n + 1] if n + 1 < len(starts)
                        else min(len(tokens), s + 1 + MAX_CARD_LINES)))
             for n, s in enumerate(starts)]
    spans = [[k for k in span if tokens[k].kind not in ("N", "R", "X")] for span in spans]
    spans[-1] = spans[-1][:len(spans[-2])]
    shapes = ["".join(dict.fromkeys(tokens[k].kind for k in span if tokens[k].kind != "P"))
              for span in spans]
    if not titled and shapes.count(max(set(shapes), key=shapes.count)) * 3 < len(shapes) * 2:
        return None  # two cards in three share the shape (bulleted titles prove their own)
    # A card's teaser is one paragraph when nothing but a repeated line opens the cards:
    # posts of a live blog under a repeated "Updated" are a title and several paragraphs
    # each, and they are the story (inkl live blogs).
    teaser_lines = MAX_TEASER_LINES if titled else 1
    out, used = [], []
    for span, s in zip(spans, starts):
        if len(span) > MAX_CARD_LINES or sum(tokens[k].kind == "P" for k in span) \
                > teaser_lines:
            return None
        if titled:
            title, published, teaser_from = _bulleted(texts[s]), None, s
            m = _AGE_FIRST.search(title)
            if m:
                title, published = m.group("title"), m.group("published")
        else:
            heads = [k for k in span if tokens[k].kind in ("T", "S")]
            if not heads or any(tokens[k].kind == "P" for k in span if k < heads[0]):
                return None
            title, published, teaser_from = texts[heads[0]], None, heads[0]
        key = normalize(title)
        teaser = [texts[k] for k in span if k > teaser_from and tokens[k].kind in ("P", "T")
                  and normalize(texts[k]) != key]
        out.append(Related(_title(title), None, published, None, "\n".join(teaser) or None))
        used += [s, *span]
    return _shared_source(out), used


def _bulleted(text: str) -> str:
    return text.lstrip("•·*–- ")


def _shared_source(items: list[Related]) -> list[Related]:
    """Headline networks glue the outlet's name to the end of every title ("... by Sunday
    Lakeshoreherald"): a last word all the cards share is their source, not their title."""
    ends = {it.title.rsplit(" ", 1)[-1] for it in items}
    if len(items) < MIN_CARDS or len(ends) != 1 or not all(" " in it.title for it in items):
        return items
    word = ends.pop()
    return [replace(it, title=it.title[:-len(word)].rstrip(), source=it.source or word)
            for it in items]


def _credited_captions(texts: list[str], tokens: list[Token]) -> list[int]:
    """Lines that open a card with its picture: news apps print each card as a credited
    caption, the title and the teaser. Captions inside a story are followed by its
    paragraphs, which `_opened_cards` refuses (prose before a title)."""
    starts = [k for k, t in enumerate(tokens) if t.kind in ("T", "S") and texts[k][-1] == ")"
              and _CREDITED.search(texts[k])]
    return starts if len(starts) >= MIN_CARDS else []


def _bullet_titles(texts: list[str], keys: list[str], tokens: list[Token]) -> list[int]:
    """Lines that open a card with a bulleted title ("• Harbor City council approves ..."):
    a bullet and a title, where the card under it holds the title again (Yahoo prints it
    twice) or a teaser cut short ("... more", "[…]"), as feeds and headline networks end
    each story. Two cards in three must show that evidence; a story's own bulleted list
    (key points in a row, or points explained in whole paragraphs) shows neither."""
    starts = [k for k, t in enumerate(tokens) if t.kind in ("T", "B") and texts[k][0] in "•·*"
              and classify(_bulleted(texts[k])).kind == "T"]
    if len(starts) < MIN_CARDS:
        return []
    ends = [*starts[1:], min(len(tokens), starts[-1] + 1 + MAX_CARD_LINES)]
    proven = 0
    for s, e in zip(starts, ends):
        if e - s < 2:
            return []  # two bulleted titles in a row: a list, not cards
        title = normalize(_AGE_FIRST.sub(r"\g<title>", _bulleted(texts[s])))
        copy = any(keys[k] == title for k in range(s + 1, e))
        cut = any(_TRUNCATED.search(texts[k]) for k in range(s + 1, e)
                  if tokens[k].kind in ("P", "T") and len(texts[k]) >= TEASER_MIN_CHARS)
        proven += copy or cut
    return starts if proven * 3 >= len(starts) * 2 else []


def _closing(tokens: list[Token], run: list[int]) -> bool:
    """Whether the anchors close their cards (the date or feed line under the teaser):
    after the last one comes no title or teaser, only chrome or the end of the page."""
    for t in tokens[run[-1] + 1:]:
        if t.kind in ("B", "R", "N", "X"):
            continue
        return t.kind not in ("T", "P")
    return True


def _mark_repeated(tokens: list[Token], keys: list[str], seen: dict[str, int]
                   ) -> list[Token]:
    """A short line printed again and again that is no card's source (not under a bullet,
    not right before an age) is a link or label between cards: "Read More", "Copy the
    Story Link". It is R: chrome inside a card run, or the card end when there is no age."""
    bullets = {normalize(t.source or "") for t in tokens if t.kind == "B"}
    out = list(tokens)
    last: dict[str, int] = {}
    close: set[str] = set()  # printed twice in a row or nearly: a card's title copies
    for k, key in enumerate(keys):
        if key in last and k - last[key] < 3:
            close.add(key)
        last[key] = k
    for k, t in enumerate(tokens):
        if (t.kind in ("S", "T", "N") and seen[keys[k]] >= MIN_CARDS and keys[k] not in bullets
                and keys[k] not in close and len(keys[k]) <= SEPARATOR_MAX_CHARS
                and len(keys[k].split()) <= SHORT_MAX_WORDS
                and not (t.kind == "S" and k + 1 < len(tokens) and tokens[k + 1].kind == "A")):
            out[k] = Token("R")
    return out


def find_cards(open_lines: list[Line], noise: list[str | None] | None = None
               ) -> CardRun | None:
    """The card run of a page, if it has one (see the module docstring). `noise` gives the
    category of lines a line rule removes anyway: they are no card line, but a repeated
    one ("Read More") may still close each card; an ad label never does (it is set
    between paragraphs, "Advertisment" on PratidinTime)."""
    texts, halves = join_broken_titles([ln.text for ln in open_lines])
    if len(texts) < MIN_CARDS * 2:
        return None
    keys = [normalize(t) for t in texts]
    seen: dict[str, int] = {}
    for k in keys:
        seen[k] = seen.get(k, 0) + 1
    flags = noise or [None] * len(texts)
    tokens = _mark_repeated([Token("X" if f == "ad" else "N") if f else classify(t)
                             for t, f in zip(texts, flags)], keys, seen)
    for k in halves:  # a broken headline's first half: its card's, as chrome is
        tokens[k] = Token("R")
    anchors = [k for k, t in enumerate(tokens) if t.kind == "A"]
    items: list[Related] = []
    used: list[int] = []
    for k, t in enumerate(tokens):  # stories one a line, two or more in a row
        if t.kind == "I" and ((k and tokens[k - 1].kind == "I")
                              or (k + 1 < len(tokens) and tokens[k + 1].kind == "I")):
            items.append(Related(t.source or texts[k], None, t.published))
            used.append(k)
    runs = _runs(anchors, tokens)
    if not runs and len(anchors) == 1:
        runs = [anchors]  # one card alone: kept only when it carries a whole card's shape
    for run in runs:
        if len(run) >= MIN_CARDS and _closing(tokens, run):
            closed = _closed_cards(texts, tokens, run)
            if closed:
                items += closed[0]
                used += closed[1]
                continue
        lo = used[-1] + 1 if used else 0
        cards = _build(texts, keys, tokens, run, lo, len(texts))
        if not cards and len(run) > MIN_CARDS:  # the first anchor may be the page's own
            cards = _build(texts, keys, tokens, run[1:], run[0] + 1, len(texts))
        if not cards:
            continue
        for card in cards:
            item = _related(texts, keys, tokens, card)
            if item:
                items.append(item)
            used += [*card.lead, card.anchor, *card.post]
    if not items:
        starts = _bullet_titles(texts, keys, tokens)
        found = _opened_cards(texts, tokens, starts, True) if starts else None
        if not found:
            starts = _credited_captions(texts, tokens)
            found = _opened_cards(texts, tokens, starts, False) if starts else None
        if not found:
            seps = _separator_runs(tokens, keys)
            # a separator followed by a title opens its card ("A picture" over each card);
            # one followed by chrome or nothing closes it ("Read More")
            opens = bool(seps) and not _closing(tokens, seps)
            found = None if not seps else (_opened_cards(texts, tokens, seps, False) if opens
                                           else _closed_cards(texts, tokens, seps))
        if not found:
            found = glued_closer_cards(texts)
        if not found:
            found = pair_cards(texts)
        if not found:
            found = glued_pair_cards(texts)
        if not found:
            found = source_triple_cards(texts)
        if not found:
            return None
        items, used = found
    items = _unnumbered(items)
    used = sorted(set(k for k in used if tokens[k].kind not in ("N", "X")))
    chrome = tuple(k for k, t in enumerate(tokens) if t.kind == "R" and k not in used
                   and used[0] <= k <= used[-1])
    return CardRun(tuple(items), tuple(used), chrome, used[0], used[-1])


def _rule_noise(text: str, active: Active) -> str | None:
    """The category of a line rule that removes the line anyway (debris between cards,
    "&w=3840&q=100)"; "Read More"), or None."""
    rule = active.noise_anywhere(text)
    return rule.category if rule else None


def mark_cards(lines: list[Line], active: Active) -> list[Related]:
    """Decide the lines of the page's card run as related (chrome between cards as nav)."""
    open_lines = [ln for ln in lines if ln.open]
    run = find_cards(open_lines, [_rule_noise(ln.text, active) for ln in open_lines])
    if run is None:
        return []
    for k in run.used:
        open_lines[k].decide("related", "related", CARD_RULE)
    for k in run.chrome:
        open_lines[k].decide("noise", "nav", CARD_CHROME)
    return list(run.items)


def mark_listing(lines: list[Line], related: list[Related]) -> bool:
    """A page of cards and no prose outside them is a listing: what is left open (the
    heading, nav) is chrome. An article whose body is its title alone still has a headline
    above its related list; a listing has at most a heading right before its cards
    ("Latest news with #X"), unless what is left above the cards is the listing's own heading
    and description (`listing_intro`)."""
    if len(related) < MIN_CARDS:
        return False
    first = next((ln.index for ln in lines if ln.fate == "related"), None)
    if first is None:
        return False
    rest = [ln for ln in lines if ln.open]
    if not is_listing_intro(lines, len(related)):
        if any(is_paragraph(ln.text) for ln in rest):
            return False
        before = [ln for ln in rest if ln.index < first]
        if any(_headline_like(ln.text) for ln in before[:-1]):
            return False
    for ln in rest:
        ln.decide("noise", "nav", LISTING_CHROME)
    return True


def _headline_like(text: str) -> bool:
    """A headline above the cards: a title-like line of four words or more that is no
    label ("@desk | Section"), no breadcrumb glued together ("You are here: HomeNews…"),
    no archive page's counter and no banner sentence."""
    return (classify(text).kind == "T" and len(text.split()) >= 4
            and not any(c in text for c in "|@") and not text.endswith(".")
            and _GLUED_WORDS.search(text) is None and _PAGE_COUNTER.search(text) is None)
