r"""letter_runs is a faster `[^\W\d_]{n,}`: it must find exactly what that pattern finds, on
English lines with curly quotes and dashes (the ASCII path) and on every other text."""

from __future__ import annotations

import random
import re
import sys

import pytest

from cleaner.core.letters import ascii_words, letter_runs, lower_runs

TRICKY = [
    "", "2024", "a_b c9d", "Don’t stop — the “news” …", "café au lait", "Straße",
    "ſtory İstanbul dıs K", "e\u0301clair", "x²y", "١٢٣ abc", "ﬅ ligature", "naïve résumé",
]


@pytest.mark.parametrize("n", [1, 4])
def test_letter_runs_finds_what_the_unicode_pattern_finds(n: int) -> None:
    pattern = re.compile(rf"[^\W\d_]{{{n},}}")
    rnd = random.Random(7)
    alphabet = "aZq_9 ’“—…é²\u0301İıſ\u212a\u00a0-.\n٣ßK"
    texts = TRICKY + [t.lower() for t in TRICKY] + [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24))) for _ in range(3000)]
    for text in texts:
        assert letter_runs(text, n) == pattern.findall(text), text


def test_ascii_words_ignores_punctuation_but_not_letters() -> None:
    assert ascii_words("Don’t stop — the “news” …")
    assert not ascii_words("café")
    assert not ascii_words("dıs")  # a dotless i matches "i" case-blind


@pytest.mark.parametrize("n", [1, 4])
def test_lower_runs_lowers_each_run_as_letter_runs_finds_it(n: int) -> None:
    rnd = random.Random(11)
    alphabet = "aZq_9 ’“—…é²\u0301İıſ\u212a\u00a0-.\n٣ßKΣⒶ"
    texts = TRICKY + ["ΟΔΟΣ ΣΑΣ Ⓐbc", "AbC’DEF—Ghi"] + [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24))) for _ in range(3000)]
    for text in texts:
        assert lower_runs(text, n) == [w.lower() for w in letter_runs(text, n)], text


def test_no_non_word_character_lower_cases_into_a_word_character() -> None:
    """What lower_runs' one lower() of the whole text rests on."""
    word = re.compile(r"\w")
    for c in range(sys.maxunicode + 1):
        if 0xD800 <= c <= 0xDFFF:
            continue
        ch = chr(c)
        if not word.match(ch):
            assert not word.search(ch.lower()), hex(c)
