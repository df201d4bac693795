"""Lines the page prints twice: the outlet's name, a caption and its credited copy, the
title and standfirst repeated under the header chrome.

Aggregators and text dumps double what the page shows once: a logo's alt text beside the
outlet's name, an image's alt text beside its caption, the headline in the header and in
the story. Each detector here compares a line with its neighbours or its earlier copies;
a copy farther away is the article's own structure and stays.
"""

from __future__ import annotations

import re

from cleaner.core.lines import PARAGRAPH_MIN_CHARS, Line, is_paragraph, normalize
from cleaner.text.linerules import SENTENCE_END, Meta
from cleaner.text.zones import Zones

DOUBLED_SOURCE_MAX_CHARS = 60
DOUBLED_SOURCE_MAX_WORDS = 4  # "The Guardian - UK"; a doubled headline is longer
CAPTION_PAIR = "generic-caption-pair"
# What follows a caption's bare copy in its credited copy: "Photograph: X/AP", "(Getty
# Images)", "(Photo: Reuters)", "Credit: Alamy", "REUTERS/Name".
_CREDIT_TAIL = re.compile(r"^ ?(?:\(?(?:Photograph|Photo|Picture|Image|Illustration|Credit|"
                          r"Video)s?(?: by)?:? |\((?:Getty|AFP|AP|PA|Reuters|EPA|Shutterstock|"
                          r"Alamy)|REUTERS/|Credit:)")  # an outlet's name, not a doubled headline
# Any other short credit after the bare copy: "Courtesy of Dare County", "CSIRO, CC BY",
# "(Yorkshire Evening Post)", "- Getty Images" (samples 528, 550, 551). A few words, opened
# by a capital, a bracket or a dash, with no sentence of its own: a paragraph that goes on
# from a line printed above it reads on in lower case or ends in a full stop.
_SHORT_CREDIT = re.compile(r"^ (?:[-–—|] )?\(?(?P<first>\w)[^.!?;:]{0,58}$")
SHORT_CREDIT_MAX_WORDS = 6
CAPTION_MIN_WORDS = 4  # "How we found it" over a paragraph opening with it is a subhead
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
DOUBLED_SOURCE = "generic-doubled-source"

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
                and not SENTENCE_END.search(ln.text)):
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
                                               and _credited(ln.text, nxt.text[len(ln.text):])):
            ln.decide("noise", "caption", CAPTION_PAIR)
            if nxt.open:
                nxt.decide("noise", "caption", CAPTION_PAIR)
            captions.update((ln.text, nxt.text))  # a third copy of either (sample 453)
    for ln in live:
        if ln.open and ln.text in captions:
            ln.decide("noise", "caption", CAPTION_PAIR)
    if alike:
        for ln in live:
            if ln.open and _caption_twice(ln.text):
                ln.decide("noise", "caption", CAPTION_PAIR)
        _mark_caption_neighbours(live)


def _credited(bare: str, tail: str) -> bool:
    """`bare + tail` is the bare caption with its credit after it."""
    if _CREDIT_TAIL.search(tail):
        return True
    short = _SHORT_CREDIT.match(tail)
    return (short is not None and short["first"].isupper()
            and len(bare.split()) >= CAPTION_MIN_WORDS
            and len(tail.split()) <= SHORT_CREDIT_MAX_WORDS)


def _caption_twice(text: str) -> bool:
    """A caption printed twice on one line, its alt text glued to it ("© PA Flood barriers
    on the river © PA Flood barriers on the river", MSN, sample 435): one text twice, more
    words than an outlet's name (`mark_doubled_source`) and no sentence end."""
    n = len(text)
    if n % 2 == 0:
        half = text[:n // 2] if text[:n // 2] == text[n // 2:] else None
    else:
        half = (text[:n // 2] if text[n // 2] == " " and text[:n // 2] == text[n // 2 + 1:]
                else None)
    return (half is not None and len(half.split()) > DOUBLED_SOURCE_MAX_WORDS
            and not SENTENCE_END.search(half))


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
                and not SENTENCE_END.search(above.text)):
            above.decide("noise", "caption", CAPTION_PAIR)
        elif (k >= 2 and above.open and above.text.isdigit() and len(above.text) <= 3
              and live[k - 2].open and not is_paragraph(live[k - 2].text)):
            above.decide("noise", "gallery", CAPTION_PAIR)
            live[k - 2].decide("noise", "caption", CAPTION_PAIR)



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


