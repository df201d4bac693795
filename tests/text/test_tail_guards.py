"""Guards that keep the story's last lines from the tail stages (hold-out 7): a short line
over a closing statement is no related headline, a numbered subhead that goes on
counting the story's own is no tail chrome, nor is an item's subhead between two of the
story's statements (sample 337). Each has a firing and a must-not-fire case."""

from __future__ import annotations

import pytest

from cleaner.core.lines import split_lines
from cleaner.text.card_lines import Token
from cleaner.text.card_spans import closed_cards
from cleaner.text.tail_chrome import mark_tail_chrome
from cleaner.text.topic_pairs import mark_tail_headlines
from cleaner.text.zones import find_zones

STORY = ("The harbour trust opened its new ferry pier on Monday after two years of work on "
         "the old stone quay, and the first boat left it at seven in the morning.\n"
         "Crews rebuilt the deck on steel piles and widened the ramp for wheelchairs, the "
         "trust said, and the old waiting room will become a cafe next spring.\n")
RELATED = ("Mountain rescue teams train new volunteers in winter\n"
           "Library reopens its reading room after a long repair\n")


def _headline_fates(text: str) -> dict[str, str]:
    lines = split_lines(text)
    mark_tail_headlines(lines)
    return {ln.text: ln.fate for ln in lines if ln.text}


def test_item_over_a_short_statement_stays() -> None:
    fates = _headline_fates(STORY + "Bakery wins a regional bread award\n"
                            "The judges tasted 300 loaves. (Local Radio)\n" + RELATED)
    assert fates["Bakery wins a regional bread award"] == "undecided"
    assert fates["The judges tasted 300 loaves. (Local Radio)"] == "undecided"
    assert fates["Library reopens its reading room after a long repair"] == "related"


def test_headline_over_a_question_headline_goes() -> None:
    fates = _headline_fates(STORY + RELATED + "Should the old town close its streets to cars?\n")
    assert fates["Mountain rescue teams train new volunteers in winter"] == "related"
    assert fates["Library reopens its reading room after a long repair"] == "related"


def _chrome_fates(text: str) -> dict[str, str]:
    lines = split_lines(text)
    mark_tail_chrome(lines, find_zones(lines))
    return {ln.text: ln.fate for ln in lines if ln.text}


def test_numbered_subhead_going_on_counting_stays() -> None:
    page = ("1. What the builders found\n" + STORY + "2. What is left to do\n"
            "The ramp still needs its rails.\n")
    assert _chrome_fates(page)["2. What is left to do"] == "undecided"


def test_numbered_line_without_the_story_numbering_goes() -> None:
    page = STORY + "2. Share this story\nThe ramp still needs its rails.\n"
    assert _chrome_fates(page)["2. Share this story"] == "noise"



# A live blog's tail, one token a line: story paragraph, subhead, post, stamp, subhead,
# post, stamp, subhead, post (the stamps are a repeated short line, R).
LIVE = ["P", "T", "P", "R", "T", "P", "R", "S", "P"]
LIVE_TEXTS = [f"line {k}" for k in range(len(LIVE))]


def test_live_blog_posts_between_repeated_stamps_are_no_cards() -> None:
    tokens = [Token(k) for k in LIVE]
    assert closed_cards(LIVE_TEXTS, tokens, [3, 6], dated=False) is None


def test_cards_closed_by_a_repeated_line_at_the_end_stay_cards() -> None:
    tokens = [Token(k) for k in LIVE[:7]]  # nothing after the last marker
    found = closed_cards(LIVE_TEXTS[:7], tokens, [3, 6], dated=False)
    assert found is not None and len(found[0]) == 2


def test_item_subhead_between_two_statements_stays() -> None:
    page = STORY + "Bakery wins a regional bread award\nThe judges tasted 300 loaves.\n"
    assert _chrome_fates(page)["Bakery wins a regional bread award"] == "undecided"


@pytest.mark.parametrize("line", [
    "Sign up to read this article",          # a widget's call
    "More from Local Radio: Bakery wins an award",  # a label glued to a headline
])
def test_chrome_between_two_statements_goes(line: str) -> None:
    page = STORY + line + "\nRead news from many titles, picked for you.\n"
    assert _chrome_fates(page)[line] == "noise"


def test_headline_over_chrome_goes() -> None:
    page = STORY + "Bakery wins a regional bread award\nMore stories\n"
    assert _chrome_fates(page)["Bakery wins a regional bread award"] == "noise"


NEXT_STEPS = ("What happens to the pier next\n"
              "The trust listed three steps for the coming year:\n"
              "A public vote on the cafe is due in May.\n"
              "The old waiting room closes in June.\n")


def test_subhead_and_line_announcing_the_story_list_stay() -> None:
    fates = _chrome_fates(STORY + NEXT_STEPS)
    assert fates["What happens to the pier next"] == "undecided"
    assert fates["The trust listed three steps for the coming year:"] == "undecided"


@pytest.mark.parametrize(("page", "line"), [
    # the page speaks, not the story: its heading over teasers is chrome
    (STORY + "Related articles from our team:\nFares rise by a tenth from March.\n",
     "Related articles from our team:"),
    # a ':' line over no statement announces no story list
    (STORY + "The trust listed three steps for the coming year:\nShow more\n",
     "The trust listed three steps for the coming year:"),
    # a ':' line under chrome goes on from no story
    (STORY + "Share this story\nThe trust listed three steps for the coming year:\n"
     "A public vote on the cafe is due in May.\n",
     "The trust listed three steps for the coming year:"),
])
def test_colon_line_that_announces_no_story_list_goes(page: str, line: str) -> None:
    assert _chrome_fates(page)[line] == "noise"
