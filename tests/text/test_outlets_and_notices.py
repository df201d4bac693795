"""Round m's shapes (samples 520-567): cards closed by an outlet and a repeated mark, the
title's label echoed under the cards, a caption's credited copy, closing headlines with a
card kind and a bracketed outlet, a topic page defining its label, counted roundups, a
notice's heading, one card that is the story's head."""

from __future__ import annotations

import doctest

import pytest

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.text import label_lines, outlet_closers
from cleaner.text.label_lines import is_counted
from cleaner.text.outlet_closers import mark_outlet_closers
from cleaner.text.repeats import mark_caption_pairs
from cleaner.text.topic_pairs import _card

STORY = ("The council approved a new library for the east side on Monday, after years of "
         "campaigning by residents and a long debate in the chamber.")
MORE = ("Building work starts in the spring and the branch should open its doors to readers "
        "before the end of next year, the council said.")


@pytest.mark.parametrize("module", [outlet_closers, label_lines])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


def test_outlet_closers_need_a_shared_mark_and_a_headline_over_each():
    cards = ("Gas supply falls as the pipeline is repaired\nJoy Online »\n"
             "Traders in Kumasi count cost of outages\nCiti Newsroom »")
    assert len(mark_outlet_closers(split_lines(cards))) == 2
    # a link call is no outlet, and one closer alone is no run
    assert mark_outlet_closers(split_lines("Storm closes the coast road\nRead more »\n"
                                           "Traders count the cost\nCiti Newsroom »")) == []
    # a story's sentences over the closers are no headlines
    assert mark_outlet_closers(split_lines(f"{STORY}\nJoy Online »\n{MORE}\nCiti Newsroom »")) \
        == []


@pytest.mark.parametrize("credited, taken", [
    ("Bulldozers push sand onto the beach at Rodanthe. Courtesy of Dare County", True),
    ("A brooding female clings to a rocky outcrop. CSIRO, CC BY", True),
    ("The Headrow block where the doors were installed (Yorkshire Evening Post)", True),
    # the paragraph goes on from its first words: no credit
    ("Bulldozers push sand onto the beach at Rodanthe. the county pays for it all.", False),
])
def test_caption_pair_takes_any_short_credit(credited, taken):
    bare = credited.split(". ")[0] + "." if ". " in credited else credited.split(" (")[0]
    lines = split_lines(f"{bare}\n{credited}\n{STORY}")
    mark_caption_pairs(lines)
    assert (lines[0].fate == "noise") is taken
    assert lines[2].fate == "undecided"


def test_closing_headline_loses_its_card_kind_and_gives_its_outlet():
    item = _card("Related video: Highlights: Somerset v Surrey, day four (Sky Sports)")
    assert (item.title, item.source) == ("Highlights: Somerset v Surrey, day four", "Sky Sports")
    assert _card("Highlights: Somerset v Surrey").title == "Highlights: Somerset v Surrey"


def test_counted_headlines_are_a_roundups_items():
    assert is_counted(["Intro headline here", "1.) Judge halts permit", "2.) Jury awards"])
    assert not is_counted(["2. Storm hits coast", "3. Ferry resumes"])
    assert not is_counted(["Judge halts permit", "Jury awards cyclist"])


def test_title_label_echoed_under_the_cards_is_chrome():
    page = ("Council delays vote on library branch closure\nDuluth | St. Louis County | MN\n"
            f"{STORY}\nCouncil Member Ortiz asked how many people use the branch.\n"
            '"About 1,900 visits a week, and a third of them are children," staff said.\n'
            '"Then I cannot support closing it until we see another option," Ortiz said.\n'
            "Staff said the closure would save $310,000 a year toward a projected budget gap.\n"
            f"{MORE}\nWatch the full meeting\n"
            "Council approves new snow emergency parking map\nDuluth | St. Louis County | MN\n"
            "Residents asked to weigh in on Lakewalk extension design\n"
            "Duluth | St. Louis County | MN")
    result = clean(page)
    assert "Duluth" not in result.text
    assert STORY in result.text


def test_a_topic_page_defining_its_label_is_a_listing():
    page = ("Death notice of someone who recently died\nObituary ▸ Facts ▸ News\n"
            "Obituary: Death notice of someone who recently died\n"
            "An obituary is a news article that reports a recent death, usually with an "
            "account of the person's life and details of the funeral.\nYou Might Like\n"
            "Halifax fiddler who taught three generations of players dies at 91\n"
            "Students are planning a tribute ceilidh at the college, his family said.\n"
            "CBC News - Published\n"
            "Winnipeg's first female fire chief remembered as calm in every storm\n"
            "A public memorial will be held at the convention centre on Saturday.\n"
            "Winnipeg Free Press - Published")
    result = clean(page)
    assert result.page_kind == "listing" and result.title is None
    assert [r.source for r in result.related] == ["CBC News", "Winnipeg Free Press"]
    # a headline over the definition that the page prints nowhere else is a story's
    explainer = page.replace("Death notice of someone who recently died\n", "", 1)
    assert clean(explainer).page_kind == "article"


def test_a_notice_heading_is_no_title():
    page = ("Updates to our Terms of Use\n"
            "We are updating our Terms of Use. Please carefully review the updated Terms "
            "before proceeding to our website.\n"
            "Library vote delayed after residents pack the chamber\n"
            f"{STORY}\n{MORE}")
    result = clean(page)
    assert result.title == "Library vote delayed after residents pack the chamber"
    assert "Terms of Use" not in result.text
