"""Lines and zones: the state every text stage works on."""

from __future__ import annotations

import re

import pytest

from cleaner.core.lines import doubled_half, is_paragraph, normalize, split_lines
from cleaner.text.zones import find_zones

LONG = "A paragraph long enough to count as one, with enough words in it to pass the bar."


def test_split_folds_spaces_and_drops_invisible_characters() -> None:
    lines = split_lines("  Title\u00a0 here \r\n\r\n\u200bSecond\u00adline\t\tx\rlast")
    assert [(ln.text, ln.fate) for ln in lines] == [
        ("Title here", "undecided"), ("", "blank"), ("Secondline x", "undecided"),
        ("last", "undecided")]
    assert [ln.index for ln in lines] == [0, 1, 2, 3]


@pytest.mark.parametrize("text", [
    "plain words with single spaces",             # nothing to fold: left as it is
    "a  b", "a \t b", "a\tb", "a \u00a0b", "a\u3000\u2002 b", "a \u200b b",
    "Caf\u00e9 \u00a0 au lait", "x\u00ad y  z", " \t lead and trail \u00a0 ",
])
def test_split_folds_every_blank_run_to_one_space(text: str) -> None:
    """Each run of blanks (spaces, tabs, no-break and wide spaces) becomes one space, with
    invisible characters dropped first, whatever shortcut the fold takes on a page."""
    visible = re.sub("[\u200b-\u200d\u2060\ufeff\u00ad]", "", text)
    expected = re.sub("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", visible).strip()
    assert split_lines(text)[0].text == expected


@pytest.mark.parametrize(("text", "half"), [
    ("The GuardianThe Guardian", "The Guardian"),
    ("ReutersReuters", "Reuters"),
    ("The Independent The Independent", "The Independent"),
    ("Bora Bora", None),            # a real name, one word twice
    ("Walla Walla", None),
    ("Reuters Reuters", None),      # spaced doubles need several words
    ("abababababab", None),         # a run of one unit is debris, not a name
    ("Putin ready to meet", None),
])
def test_doubled_half(text: str, half: str | None) -> None:
    assert doubled_half(text) == half


@pytest.mark.parametrize(("text", "para"), [
    (LONG, True),
    (LONG[:-1] + "?", True),
    (LONG[:-1] + ".'", True),                            # a quote closes the sentence
    (LONG[:-1], False),                                  # no sentence end: a headline
    (LONG[:-1] + "…", False),                            # truncated headline
    ("Short line.", False),
])
def test_is_paragraph(text: str, para: bool) -> None:
    assert is_paragraph(text) is para


def test_normalize_ignores_case_punctuation_and_digits() -> None:
    assert normalize("Putin, 72, SAYS: 'no'!") == normalize("putin 41 says no")


def test_lone_standfirst_stays_in_head() -> None:
    text = "\n".join(["Title", LONG, "author-image", "Desk", "New Update", "Title", LONG,
                      "Advertisment", LONG, LONG, "Tag One Two Three"])
    lines = split_lines(text)
    zones = find_zones(lines)
    assert zones.body_start == 6  # the repeated standfirst, followed by paragraphs
    assert zones.zone_of(1) == "head" and zones.zone_of(8) == "body"
    assert zones.zone_of(10) == "tail"


def test_no_paragraph_means_all_head() -> None:
    lines = split_lines("one\ntwo\nthree")
    zones = find_zones(lines)
    assert zones.body_start == zones.tail_start == 3


def test_normalize_ascii_shortcut_keys_as_the_regexes_do() -> None:
    """ASCII lines take a table pass; the key must be the one the regexes give (lower-case,
    digits to 0, each run of non-word characters one space, trimmed), on every character."""
    import random

    rng = random.Random(7)
    alphabet = [chr(c) for c in range(128)] + ["é", "Ü", "٣", "—", "\u00a0"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        expected = re.sub(r"\d", "0", re.sub(r"[^\w]+", " ", text.lower())).strip()
        assert normalize.__wrapped__(text) == expected, repr(text)
