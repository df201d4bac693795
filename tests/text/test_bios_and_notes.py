"""The writer's bio under the story, notes that quote each other at the body's end, a
caption's third copy, islands under a paywall wall, and the generic rules added with them
(samples 448-519). Texts written for these tests."""

from __future__ import annotations

import doctest

import pytest

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.text import author_bio, comment_thread
from cleaner.text.author_bio import mark_author_bios
from cleaner.text.comment_thread import mark_comment_threads
from cleaner.text.repeats import mark_caption_pairs
from cleaner.text.tail_islands import mark_tail_islands

STORY = ("The council approved a new library for the east side on Monday, after years of "
         "campaigning by residents and a long debate in the chamber.")
STORY2 = ("Work on the library will start in the spring and the building should open to "
          "readers within two years, the council said.")


@pytest.mark.parametrize("module", [author_bio, comment_thread])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


def _text(page: str) -> str:
    return clean(page).text


def test_bio_under_the_story_opens_with_the_byline_name():
    page = "\n".join(["Council backs east side library", "Story by Mara Quell", STORY, STORY2,
                      "Mara Quell covers city hall for the Ledger. She previously reported "
                      "on schools in the suburbs."])
    text = _text(page)
    assert "Mara Quell covers" not in text
    assert STORY2 in text


def test_bio_after_a_name_box():
    lines = split_lines("\n".join([STORY, STORY2, "Ivo Danek",
                                   "Ivo Danek is a contributing writer at the Post. He "
                                   "spent ten years as a science editor."]))
    lines[2].decide("noise", "caption", "x")
    mark_author_bios(lines)
    assert lines[3].rule == "generic-author-bio"


@pytest.mark.parametrize("last", [
    # a person the story quotes, not the writer
    "Ivo Danek said the library would be the first in the district to open on Sundays.",
    # the writer's name, but not on a byline: nothing to compare with
    "Mara Quell is a resident of the east side and led the campaign for the library.",
])
def test_story_last_paragraph_stays(last):
    lines = split_lines("\n".join(["By Mara Quell" if "Ivo" in last else "Council news",
                                   STORY, last]))
    lines[0].decide("meta", "metadata", "generic-byline")
    mark_author_bios(lines)
    assert lines[2].open


def test_outlet_list_under_the_story_names_no_writer():
    lines = split_lines("\n".join([STORY, "The Harbour Leader says the ferry fares will be "
                                   "frozen for another year.", "The Harbour Leader"]))
    lines[2].decide("noise", "nav", "generic-tail-chrome")
    mark_author_bios(lines)
    assert lines[1].open


def test_two_first_published_notes_both_go():
    title = "Town opens a new pier for the summer ferries"
    page = "\n".join([title, STORY, STORY2,
                      f"{title} appeared first on Coast Weekly.",
                      f"The post {title} appeared first on Harbour Wire."])
    text = _text(page)
    assert "appeared first" not in text
    assert STORY2 in text


def test_funding_disclosure_with_words_between():
    page = "\n".join(["Council backs east side library", STORY, STORY2,
                      "Mara Quell has received research funding from the Arts Council.",
                      "This article is republished from The Review under a Creative "
                      "Commons license."])
    assert "research funding" not in _text(page)


def test_third_copy_of_a_credited_caption():
    lines = split_lines("\n".join(["A gallery of the old mill", "A gallery of the old mill "
                                   "(PA Wire)", "A gallery of the old mill (PA Wire)", STORY]))
    mark_caption_pairs(lines)
    assert [ln.rule for ln in lines[:3]] == ["generic-caption-pair"] * 3
    assert lines[3].open


def _decided(rows: list[tuple[str, str | None]]):
    page = split_lines("\n".join(text for text, _ in rows))
    for ln, (_, rule) in zip(page, rows):
        if rule:
            ln.decide("noise", "nav", rule)
    return page


def test_island_under_a_paywall_wall():
    page = _decided([(STORY, None), ("Sign up to read this article", "generic-tail-chrome"),
                     ("Read stories from hundreds of titles, picked for you.", None),
                     ("Already a member? Sign in here", "x"), ("Our Picks", "x")])
    mark_tail_islands(page)
    assert page[2].rule == "generic-tail-island"


def test_paragraph_under_a_short_subhead_is_no_island():
    """A subhead that tail chrome took by its shape is no wall (sample 509)."""
    page = _decided([(STORY, None), ("Weather", "generic-tail-chrome"),
                     ("Dry and bright for most, with a frost in the north.", None),
                     ("Feedback", "x"), ("Terms of use", "x")])
    mark_tail_islands(page)
    assert page[2].open


@pytest.mark.parametrize("line", [
    "Story by Mara Quell",
    "Story by Mara Quell • 3h",
    "Reading time 3 minutes",
    "Add a comment...",
    "( read original story …)",
    "Read the full story here Web Link posted Monday, March 2, 2026, 9:10 AM",
    "Harbour Wire - Tue, 03/03/2026 - 09:15",
    "County Feed - March 3, 2026 - 9:15am",
    "negativeLocal News",
    "• 2d",
])
def test_chrome_lines_leave_the_body(line):
    page = "\n".join(["Council backs east side library", line, STORY, STORY2])
    assert line not in _text(page).split("\n")


def test_ai_disclosure_at_the_end():
    note = "This post was written with the help of AI tools and reviewed by an editor."
    page = "\n".join(["Council backs east side library", STORY, STORY2, note])
    assert note not in _text(page)


@pytest.mark.parametrize("line", [
    "Opening night - March 5, 2026",  # a schedule's line: no time, no stamp
    "The positive side of the plan is that it costs nothing.",
    "Reading time for children doubled after the library opened.",
])
def test_look_alike_body_lines_stay(line):
    page = "\n".join(["Council backs east side library", STORY, line, STORY2])
    assert line in _text(page).split("\n")


def test_byline_printed_again_in_the_story():
    page = "\n".join(["Council backs east side library", "Mara Quell",
                      "Updated Tue, March 3, 2026 at 9:10 AM UTC", "By Mara Quell", STORY,
                      STORY2])
    text = _text(page)
    assert "By Mara Quell" not in text
    assert STORY in text


THREAD = ["Comments (2)", "Posted by Ana", "a resident of the east side",
          "Good news for the east side at last.", "Posted by Ivo",
          "a resident of the harbour", "About time, too."]


def test_comment_thread_under_the_story():
    text = _text("\n".join(["Council backs east side library", STORY, STORY2, *THREAD]))
    assert "Posted by" not in text and "About time" not in text
    assert STORY2 in text


@pytest.mark.parametrize("heading", ["Comments (1)", "Council backs east side library"])
def test_no_thread_without_its_heading_or_past_its_count(heading):
    lines = split_lines("\n".join([STORY, heading, *THREAD[1:]]))
    if heading.startswith("Comments"):
        lines[1].decide("noise", "comment", "generic-comment-widget")
    mark_comment_threads(lines)
    assert all(ln.open for ln in lines[2:])


def test_one_post_is_no_thread():
    lines = split_lines("\n".join([STORY, *THREAD[:4], STORY2]))
    lines[1].decide("noise", "comment", "generic-comment-widget")
    mark_comment_threads(lines)
    assert lines[2].open


@pytest.mark.parametrize("line", [
    "Add Harbour News as a preferred source on Google",
    "Was this story worth your time? Tell us",
    "Workers repair the lift bridge in Duluth, in a file photo.",
])
def test_more_chrome_lines_leave_the_body(line):
    page = "\n".join(["Council backs east side library", STORY, line, STORY2])
    assert line not in _text(page).split("\n")


def test_name_and_outlet_under_the_headline():
    page = "\n".join(["Council backs east side library", "Mara Quell, HARBOUR NEWS",
                      "Tue, March 3, 2026 at 9:10 AM UTC", STORY, STORY2])
    result = clean(page)
    assert "Mara Quell" not in result.text
    assert result.author == "Mara Quell"


def test_island_at_the_page_end_under_a_wall():
    page = _decided([(STORY, None), ("Sign up to read this article", "generic-tail-chrome"),
                     ("Read stories from hundreds of titles, picked for you.", None),
                     ("Already a member? Sign in here", None)])
    mark_tail_islands(page)
    assert [ln.rule for ln in page[2:]] == ["generic-tail-island"] * 2


def test_labelled_byline_and_bio_under_an_opinion_piece():
    page = "\n".join(["Keep the old fire station", STORY, STORY2, "Written by Hal Benning",
                      "Hal Benning is a retired engineer who has lived in the town for 40 "
                      "years."])
    text = _text(page)
    assert "Hal Benning" not in text
    assert STORY2 in text


@pytest.mark.parametrize("line", [
    "Get it on Google Play",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Please enter your comment!",
    "Click to share on X/Twitter (Opens in new window)",
    "share via email",
    "- Advertisement -",
])
def test_widget_lines_leave_the_body(line):
    page = "\n".join(["Council backs east side library", STORY, line, STORY2])
    assert line not in _text(page).split("\n")
