"""The text stages added for hold-out 3's classes: edge notes, headline+teaser pair cards,
closing headlines and a credited caption above the headline."""

from __future__ import annotations

import doctest

import pytest

from cleaner.core.lines import split_lines
from cleaner.text import credited_caption, edge_notes, topic_pairs
from cleaner.text.topic_pairs import mark_tail_headlines, pair_cards

STORY = ("The council approved a new library for the east side on Monday, after years of "
         "campaigning by residents and a long debate in the chamber.")


@pytest.mark.parametrize("module", [edge_notes, topic_pairs, credited_caption])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("last, removed", [
    ("Disclaimer: The views expressed here do not represent the opinions of the site.", True),
    ("This article is republished from The Outlet under a Creative Commons license.", True),
    # the story's own sentence with a publishing word stays: it shares the topic
    ("The council said the library plan was published on its website after the debate.",
     False),
])
def test_edge_note_needs_vocabulary_and_another_topic(last, removed):
    page = split_lines(f"Council approves new library\n{STORY}\n{last}")
    edge_notes.mark_edge_notes(page, "Council approves new library")
    assert (page[2].fate == "noise") is removed


def test_edge_note_inside_the_body_stays():
    note = "Disclaimer: The views expressed here do not represent the opinions of the site."
    page = split_lines(f"Title of the story here\n{STORY}\n{note}\n{STORY}")
    edge_notes.mark_edge_notes(page, "Title of the story here")
    assert page[2].open


PAIRS = ["Ferry fares to rise for island commuters in spring",
         "Island commuters will pay more for ferry fares from the spring, the operator said "
         "on Tuesday.",
         "Category: Local",
         "Council approves new library for the east side",
         STORY]


def test_pairs_make_a_listing():
    items, used = pair_cards(PAIRS)
    assert [r.title for r in items] == [PAIRS[0], PAIRS[3]]
    assert used == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("texts", [
    # a subhead that does not restate its paragraph (a newsletter's puns)
    ["The heat breaks at last", STORY, "Refunds without the runaround", PAIRS[1]],
    # prose around the run: an article
    [STORY, *PAIRS],
    # a roundup's headline naming two of the items
    ["Papers: ferry fares rise and library approved", *PAIRS],
])
def test_no_pair_cards(texts):
    assert pair_cards(texts) is None


def test_tail_headlines_are_related():
    page = split_lines(f"Council approves new library\n{STORY}\n"
                       "Florida man arrested after alligator found in motel bathtub\n"
                       "School district drops plan for four-day week after survey")
    found = mark_tail_headlines(page)
    assert [r.title for r in found] == [page[2].text, page[3].text]


def test_tail_subhead_about_the_story_stays():
    page = split_lines(f"Council approves new library\n{STORY}\n"
                       "What the council approved for the east side library\n"
                       "Residents campaigned for a new library on the east side")
    assert mark_tail_headlines(page) == []


def test_says_publishing_answers_as_the_note_pattern_alone() -> None:
    """The literal prefilter only spares the pattern: the answer is the pattern's."""
    from cleaner.text.edge_notes import _NOTE_WORDS, MAX_NOTE_CHARS

    lines = [
        "Disclaimer: the views expressed here are the writer's own.",
        "DİSCLAIMER: views are their own.", "This article is republished from a partner.",
        "The council met on Monday to talk about the new library.", "ſign up for alerts",
        "Sign up for notifications", "She is the senior editor at a weekly paper.",
        "We've got you covered.", "The story was originally published on a blog.",
    ]
    for text in lines + [t.upper() for t in lines] + [t.lower() for t in lines]:
        expected = len(text) <= MAX_NOTE_CHARS and _NOTE_WORDS.search(text) is not None
        assert edge_notes.says_publishing(text) == expected, text
