"""A list under the story's own ':' line stays the story (colon_lists); a chrome heading's
list, a list of cards with ages, or a ':' line that does not follow the story stays noise.
Each guard has a firing and a must-not-fire case."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.text.colon_lists import colon_lists

STORY = ("Harbour plan approved\n"
         "The harbour trust approved its plan for the old ferry pier on Monday after two "
         "years of work on the stone quay, the chair said.\n"
         "Crews will rebuild the deck on steel piles and widen the ramp for wheelchairs, and "
         "the waiting room will become a cafe next spring.\n")
ITEMS = "A new ticket office\nLonger opening hours\nTwo extra ferries in summer\n"
FOOTER = ("\nMore stories\nMountain rescue teams train new volunteers in winter\n"
          "Library reopens its reading room after a long repair\n")


def test_list_under_the_story_colon_line_stays_body() -> None:
    result = clean(STORY + "What the plan includes:\n" + ITEMS + FOOTER)
    body = result.text.splitlines()
    assert "What the plan includes:" in body
    assert all(item in body for item in ITEMS.splitlines())
    assert [r.title for r in result.related] == [
        "Mountain rescue teams train new volunteers in winter",
        "Library reopens its reading room after a long repair"]


@pytest.mark.parametrize("heading", ["Read more on this:", "More in Business today:",
                                     "Stories you may have missed:"])
def test_chrome_heading_list_goes(heading: str) -> None:
    body = clean(STORY + heading + "\n" + ITEMS + FOOTER).text.splitlines()
    assert heading not in body and "Longer opening hours" not in body


def test_items_with_ages_are_no_story_list() -> None:
    text = STORY + "Elsewhere on the coast:\nFerry fares rise\n2 hours ago\nPier reopens\n"
    assert colon_lists(split_lines(text)) == []


def test_colon_line_not_under_the_story_opens_nothing() -> None:
    text = STORY + "Harbour guide\nWhat the plan includes:\n" + ITEMS
    assert colon_lists(split_lines(text)) == []


def test_long_link_run_under_a_colon_line_opens_nothing() -> None:
    links = "".join(f"Harbour walk number {k}\n" for k in range(12))
    assert colon_lists(split_lines(STORY + "Walks along the coast:\n" + links)) == []
