"""Lines that go on with the story although a shape stage read them as something else
(round i): a sentence closed by its bracketed credit or footnote mark ("... a decade.
[AP]", "... elsewhere. [3]"), a wire lead's list and timed subheads under the headline,
and the story's last sentence over a card list whose first title a heading's rule took.
Each has a firing and a must-not-fire case. Texts are written for these tests."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.core.lines import is_paragraph, split_lines
from cleaner.text.linerules import SENTENCE_END, STATEMENT_END, Meta
from cleaner.text.title_pick import pick_title
from cleaner.text.zones import find_zones

LONG = ("The harbour trust said the new ferry pier would open in May, two months late and "
        "over budget")


@pytest.mark.parametrize(("end", "sentence"), [
    (". [AP]", True),                 # a briefing credits each item
    (". [Harbour News]", True),
    (". [3]", True),                  # a footnote mark
    (". [1][2]", True),
    (".[4]", True),
    (" [AP]", False),                 # no stop before the credit: a headline's tag
    (" [Video]", False),
])
def test_bracketed_credit_closes_a_sentence(end: str, sentence: bool) -> None:
    text = LONG + end
    assert is_paragraph(text) is sentence
    assert bool(SENTENCE_END.search(text)) is sentence
    assert bool(STATEMENT_END.search(text)) is sentence


BRIEF = """Morning Brief
Ferry fares, a pier delay and a record regatta
Good morning. The harbour trust meets today, and the regatta had its busiest year yet.
Pier opening delayed
The new ferry pier will open two months late, the harbour trust said on Monday. Here's why:
Steel piles: The first delivery of piles arrived three weeks late from the yard. [Harbour News]
Weather: Storms in March stopped work on the deck for eleven days in a row. [Coast Radio]
Regatta breaks its record
More than 400 boats entered the regatta this year, the most since it began in 1906. [AP]
"""


def test_items_closed_by_their_credit_stay() -> None:
    text = clean(BRIEF).text
    for line in ("Steel piles: The first delivery", "Weather: Storms in March",
                 "Regatta breaks its record", "Pier opening delayed"):
        assert line in text


WIRE = "\n".join([
    "Ferry News",
    "Storm Closes Harbour Piers, Cancels Island Ferries: Update",
    "Coast Wire",
    "Updated Tue, March 4, 2025 at 9:10 AM",
    "(Coast Wire) -- A storm with gusts of 80 miles an hour closed every pier in the harbour "
    "on Tuesday and cancelled the ferries to the islands, the harbour trust said.",
    "Key developments:",
    "All island ferries cancelled until Wednesday",
    "Harbour piers closed to the public",
    "Here's the latest (all times local):",
    "Ferries stay in port (11:40 a.m.)",
    "The ferry operator said no boat would sail before Wednesday morning, when the storm "
    "is forecast to ease.",
    "Piers closed (9:15 a.m.)",
    "The harbour trust closed the piers after waves broke over the sea wall, and asked "
    "people to keep away.",
])


def test_headline_over_a_wire_lead_keeps_the_lines_under_the_lead() -> None:
    result = clean(WIRE)
    assert result.title == "Storm Closes Harbour Piers, Cancels Island Ferries: Update"
    for line in ("Key developments:", "All island ferries cancelled until Wednesday",
                 "Ferries stay in port (11:40 a.m.)"):
        assert line in result.text


def test_a_label_the_lead_does_not_echo_is_not_forced_up() -> None:
    # a listing's label over its summary paragraph shares none of its words: the choice
    # the story's echo made under the paragraph stands
    lines = split_lines("\n".join([
        "Trending Now Across the Network",
        "Boats, piers and ferries: the week on the water in twelve short stories for you.",
        "Top Stories",
        "Ferry pier opening delayed by two months",
        "World Affairs",
        "The new ferry pier will open two months late, the harbour trust said on Monday "
        "at its meeting.",
        "The trust blamed late steel and a stormy March for the delay to the ferry pier "
        "works.",
    ]))
    assert pick_title(lines, find_zones(lines), Meta()) == (
        "Ferry pier opening delayed by two months")


STORY = "\n".join([
    "Harbour trust delays ferry pier opening by two months",
    "The new ferry pier will open two months late, the harbour trust said on Monday, after "
    "storms stopped work on the deck.",
    "Crews still have to fit the ramp and the railings, and the waiting room will not be "
    "ready before July.",
    '"We would rather open it late than open it unfinished," trust chair Mo Reyes said on '
    "Monday.",
    "The $9 million pier is paid for by the port's reserves.",
    "",
])
# a rule file's section takes the heading and the first title, and stops at the short
# source under it ("KTV"): the card readers see the story's last line over "KTV", an age
# and the next card
CARDS = """Recommended Stories
Island school gets a new roof before winter
KTV
2 hours ago
Regatta sets a record with 400 boats
Harbour News
5 hours ago
"""


def test_story_last_sentence_over_cards_stays() -> None:
    result = clean(STORY + CARDS)
    assert "The $9 million pier is paid for by the port's reserves." in result.text
    assert all("$9 million" not in r.title for r in result.related)
    assert "Regatta sets a record with 400 boats" in [r.title for r in result.related]


def test_a_first_card_title_with_a_stop_under_chrome_stays_a_card() -> None:
    # no story paragraph right above the line: a card whose title ends with a stop
    cards = CARDS.replace("Recommended Stories\nIsland school gets a new roof before winter",
                          "Share this\nIsland school gets a new roof.")
    result = clean(STORY + cards)
    assert "Island school gets a new roof." not in result.text
