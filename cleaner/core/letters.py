"""Runs of letters in a text, as `[^\\W\\d_]{n,}` finds them, found faster on ASCII words.

Several stages read a text's words as runs of letters (stopword counts, a story's content
words, a headline's stems). Python's engine tests `[^\\W\\d_]` against the Unicode tables
at every character, about three times slower than `[A-Za-z]` on the same text. The two find
the same runs whenever no character outside ASCII is a word character: the curly quotes,
dashes and ellipses most English pages carry are no word characters, so they part words
under both. A text with an accented letter (or any other non-ASCII word character) is read
with the Unicode pattern, as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["letter_runs", "lower_runs", "ascii_words"]

_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f\W]")


@lru_cache(maxsize=8)
def _patterns(min_chars: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (re.compile(rf"[^\W\d_]{{{min_chars},}}"), re.compile(rf"[A-Za-z]{{{min_chars},}}"))


def letter_runs(text: str, min_chars: int = 1) -> list[str]:
    """`re.findall(r"[^\\W\\d_]{min_chars,}", text)`, in the same order.

    >>> letter_runs("Don’t stop — café 2024 x_y", 2)
    ['Don', 'stop', 'café']
    """
    unicode, ascii_only = _patterns(min_chars)
    if ascii_words(text):
        return ascii_only.findall(text)
    return unicode.findall(text)


def lower_runs(text: str, min_chars: int = 1) -> list[str]:
    """`[w.lower() for w in letter_runs(text, min_chars)]`, in one `lower()` of the whole
    text when its word characters are all ASCII (one call instead of one a word, ~40% of
    a stopword count). Exact: no character outside the word characters lower-cases into
    one (every code point was checked), so lower-casing first moves no run's ends and
    changes A-Z only.

    >>> lower_runs("Don’t STOP — café", 2)
    ['don', 'stop', 'café']
    """
    unicode, ascii_only = _patterns(min_chars)
    if ascii_words(text):
        return ascii_only.findall(text.lower())
    return [w.lower() for w in unicode.findall(text)]


def ascii_words(text: str) -> bool:
    """Whether every word character of the text is ASCII (quotes and dashes aside, an
    English line's usual case): then lower-casing and case-blind matching touch A-Z only."""
    return text.isascii() or not _NON_ASCII_WORD.search(text)
