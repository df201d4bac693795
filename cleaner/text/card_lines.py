"""Each line's token type for the card finder, from the line alone and from its repeats.

Aggregators print each story card as a few lines around one *anchor*: its age or date
("time4 days ago", "Axios12-03-2025", "28-07-2025", "Reuters · 3h") or a link line the page
repeats after every card ("Read More", "Copy the Story Link"). The card finder compares
cards by the kinds of their lines, so each line is typed once here (`classify`: anchor,
bullet, short, title, prose, a story on one line with its date) and short lines the page
prints again and again become separators (`mark_repeated`). The limits of a card's size
that every card reader shares are here too. Kept apart from the grouping because this runs
on every line of every text page and holds the large date automaton.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import re2

from cleaner.core.lines import is_paragraph, normalize
from cleaner.rulebook.patterns import LARGE_SET_MAX_MEM

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


def _compile(pattern: str) -> Any:
    return re2.compile(pattern, options=_OPTIONS)


def _one_pass(patterns: list[Any]) -> Any:
    """The patterns of one family in an RE2 set: one call says which of them match. A
    search through the Python binding costs ~2-6 us of wrapper before RE2 runs at all (six
    anchor searches 12-20 us a line, the set ~1 us), and most lines tried match none."""
    found = re2.Set.SearchSet(_OPTIONS)
    for pattern in patterns:
        found.Add(pattern.pattern)
    found.Compile()
    return found


def _first_match(patterns: list[Any], family: Any, text: str) -> Any:
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
    # A card's outlet with its reading time, glued or not: "Post South Africa1 min read"
    r"^(?P<source>\S.{0,58}?[^\d\s]) ?\d{1,2} min(?:ute)?s? read$",
)]
# Cards with no date: "Reuters - World - News Image" (source, section, label), and the
# feed line an IFTTT copy closes each story with: "from Yahoo News - Latest https://ift.tt/x".
_META_LINES = [_compile(p) for p in (
    r"^(?P<source>[^-–|·]{2,40}?)(?: [-–|·] [^-–|·]{1,30}){2,3}$",
    r"^from (?P<source>.{2,80}?) https?://\S+$",
)]
_ANCHOR_SET, _META_SET = _one_pass(_ANCHORS), _one_pass(_META_LINES)

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

_BULLET = re2.compile(r"^[•·*–-] ?(?P<text>\S.{0,60})$")
_DIGIT = re.compile(r"\d")  # the standard engine: a one-character search is its fast path
SENTENCE_END = re2.compile(r"[.!?:;][\"'”’)\]]*$")


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
    if source and (len(source.split()) > SHORT_MAX_WORDS or SENTENCE_END.search(source)):
        return None  # prose that happens to end in a date is no card line
    return Token("A", source or None, groups.get("published"))


def _item(text: str) -> Token | None:
    if (not (text[-1].isdigit() or text[-2:].lower() in ("am", "pm"))
            or not ITEM_MIN_CHARS <= len(text) <= ITEM_MAX_CHARS):
        return None
    m = _first_match(_ITEMS, _ITEM_SET, text)
    if m is None:
        return None
    groups = m.groupdict()
    return Token("I", groups["title"].strip(), _once(groups["published"]))


_LEADING_DAY_MONTH = re.compile(_DAY_MONTH)


def _once(published: str) -> str:
    """The date once: author pages print the day and month again before the full date
    ("Tue 3 Jun Tue 3 Jun Tue 3 Jun 2025 at 9:12pm" is "Tue 3 Jun 2025 at 9:12pm")."""
    m = _LEADING_DAY_MONTH.match(published)
    while m and published[m.end():].startswith(m.group(0).strip()):
        published = published[m.end():]
        m = _LEADING_DAY_MONTH.match(published)
    return published


_CLOSERS = "\"'”’)]"
_TOKENS = {kind: Token(kind) for kind in "PSTN"}


# Several stages type the same lines (the card finder, the listing by shape, the
# listing test, the card spans): each line is typed once a page. `forget_tokens` starts
# the next page, so a corpus read twice is not typed from memory; bounded all the same.
MAX_TYPED = 4096


def forget_tokens() -> None:
    """Drop the remembered token types (called once per page)."""
    classify.cache_clear()


@lru_cache(maxsize=MAX_TYPED)
def classify(text: str) -> Token:
    """A line's token type, from the line alone (`mark_repeated` adds R from the page).
    I is a whole story on one line (its title in `source`). Remembered for the page."""
    return _classify(text)


def _classify(text: str) -> Token:
    """`classify` itself. String tests before regexes: this runs on every line of every
    text page."""
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



def mark_repeated(tokens: list[Token], keys: list[str], seen: dict[str, int]
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


