"""Split text into lines and keep, for each, its fate: the state every text stage works on.

A line starts `undecided`; each stage may decide it once, naming its rule and category, so
`explain` can tell every line's story. Nothing is deleted until the result is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

Fate = Literal["undecided", "blank", "title", "body", "related", "noise", "meta"]

# Runs of blanks fold to one space. The pattern matches only runs that change (two or more
# blanks, or one that is not a plain space): matching every single space between words made
# the fold 260 us on a 14 KB page; this way 150 us, and nothing at all when the page has no
# double space and no odd blank (`_ODD_SPACE`, a 44 us scan; 71 of the 100 seeds).
_BLANK = "[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]"
_ODD_BLANK = "[\\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]"
_SPACES = re.compile(rf"{_ODD_BLANK}{_BLANK}*| {_BLANK}+")
_ODD_SPACE = re.compile(_ODD_BLANK)
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_NORMALIZE_DROP = re.compile(r"[^\w]+")
_DIGITS = re.compile(r"\d")
# A line is a paragraph when it is long and ends like a sentence. Tuned on the seeds: the
# shortest real paragraph there is 88 characters, the longest headline 150 without a stop.
# An ellipsis is no sentence end: aggregators truncate headlines with it (Daily8).
PARAGRAPH_MIN_CHARS = 80
# A headline is at most this long: longer "titles" are paragraphs a template put in a
# heading (the HTML path's markup title and the text path's title line both use it).
TITLE_MAX_CHARS = 300
_WORD_COUNT = re.compile(r"\S+")
# A sentence may be followed by the outlet it came from in brackets, as briefings and wire
# roundups credit each item: "... berthed at 7am. (Portsmouth News)", "... in a decade.
# [AP]", or by its footnote marks: "... elsewhere. [3]", "... part of it. [1][2]". A
# bracket of dots ("[...]", "[…]") is a teaser cut short, no credit.
SENTENCE_CREDIT = r"(?: \([^()]{2,40}\)|(?: ?\[\w[^][]{0,39}\])+)?"
_SENTENCE_END = re.compile(rf"""[.!?]["'”’)\]]*{SENTENCE_CREDIT}$|["”’]$""")
_SENTENCE_LAST = ".!?\"'”’)]"
# A logo's alt text glued to the name beside it doubles a line ("The GuardianThe Guardian",
# inkl). Shorter halves are left alone: "Bora Bora" and "Walla Walla" are real names.
DOUBLED_MIN_CHARS = 6
_WORD_COUNT = re.compile(r"\S+")


@dataclass(slots=True)
class Line:
    index: int
    text: str
    fate: Fate = "undecided"
    category: str | None = None
    rule: str | None = None
    half: str | None = None  # the single copy when the line is one text twice over
    # Whether no stage has decided the line yet: asked ~1000 times a page (each stage
    # walks the open lines), so a plain slot kept by `decide`, not a property (a third of
    # the cost). The fate changes only through `decide`.
    open: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.open = self.fate == "undecided"

    def decide(self, fate: Fate, category: str | None, rule: str | None) -> None:
        self.fate, self.category, self.rule = fate, category, rule
        self.open = fate == "undecided"


def split_lines(text: str) -> list[Line]:
    """Lines with runs of blanks folded and invisible characters dropped; empty ones blank."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():  # invisible and odd blank characters are all outside ASCII
        text = _INVISIBLE.sub("", text)
    if "  " in text or "\t" in text or (not text.isascii() and _ODD_SPACE.search(text)):
        text = _SPACES.sub(" ", text)
    out = []
    for i, raw in enumerate(text.split("\n")):
        clean = raw.strip()
        out.append(Line(i, clean, "undecided" if clean else "blank", half=doubled_half(clean)))
    return out


def nearest_filled(lines: list[Line], index: int, step: int) -> Line | None:
    """The nearest non-blank line above (step -1) or below (step 1) `index`; a walk, not
    a slice: the head of a page of short lines can hold all its lines."""
    k = index + step
    while 0 <= k < len(lines) and lines[k].fate == "blank":
        k += step
    return lines[k] if 0 <= k < len(lines) else None


def doubled_half(text: str) -> str | None:
    """The single copy of a line that is one text twice, glued ("ReutersReuters") or
    spaced when the copy has several words ("The Independent The Independent")."""
    n = len(text)
    if n < 2 * DOUBLED_MIN_CHARS:
        return None
    half = None
    if n % 2 == 0 and text[: n // 2] == text[n // 2:]:
        half = text[: n // 2]
    elif n % 2 == 1 and text[n // 2] == " " and text[: n // 2] == text[n // 2 + 1:]:
        half = text[: n // 2] if len(_WORD_COUNT.findall(text[: n // 2])) >= 2 else None
    if half is None or not half[0].isalnum() or (half + half).find(half, 1) < len(half):
        return None  # a run of one short unit ("abab…", binary debris) is no name
    return half


# normalize() on an ASCII line in one table pass: letters lower-cased, digits to 0, every
# other character (not \w) a space; split/join then folds the runs as the regexes do. 3-4x
# faster than the two substitutions (1.4 vs 4.9 us on a 50-character headline), and most
# lines of most pages are ASCII.
_ASCII_KEY = str.maketrans({c: "0" if chr(c).isdigit() else chr(c).lower()
                            if chr(c).isalnum() or chr(c) == "_" else " " for c in range(128)})


@lru_cache(maxsize=1024)  # chrome lines recur across a site's pages
def normalize(text: str) -> str:
    """The comparison key for repeats: lower-case, digits to 0, punctuation dropped."""
    if text.isascii():
        return " ".join(text.translate(_ASCII_KEY).split())
    return _DIGITS.sub("0", _NORMALIZE_DROP.sub(" ", text.lower())).strip()


# Most stages ask whether a line is a paragraph, of the same long lines (~60 times a page);
# the sentence-end search scans the whole line (~2 us on a paragraph). Each answer is kept
# for the page: `forget_paragraphs` starts the next, so a corpus read twice is not
# answered from memory; bounded all the same.
MAX_PARAGRAPHS = 4096


def forget_paragraphs() -> None:
    """Drop the remembered answers of `is_paragraph` (called once per page)."""
    _ends_as_sentence.cache_clear()


@lru_cache(maxsize=MAX_PARAGRAPHS)
def _ends_as_sentence(text: str) -> bool:
    # every way `_SENTENCE_END` matches ends on one of these (or before a final newline):
    # one character read spares the search, which tries each stop inside the line
    if text[-1:] not in _SENTENCE_LAST and not text.endswith("\n"):
        return False
    return bool(_SENTENCE_END.search(text))


def is_paragraph(text: str) -> bool:
    return len(text) >= PARAGRAPH_MIN_CHARS and _ends_as_sentence(text)
