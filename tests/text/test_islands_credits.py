"""Tail islands (short sentences stranded among the chrome below the story), captions
closed by a picture credit with the alt text over them, and the edge-note and appeal
shapes added with them (samples 290-369)."""

from __future__ import annotations

import doctest

import pytest

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.text import closing_box, credited_lines, tail_islands
from cleaner.text.credited_lines import mark_credited_lines
from cleaner.text.tail_islands import mark_tail_islands

STORY = ("The council approved a new library for the east side on Monday, after years of "
         "campaigning by residents and a long debate in the chamber.")
STORY2 = ("Work on the library will start in the spring and the building should open to "
          "readers within two years, the council said.")


@pytest.mark.parametrize("module", [tail_islands, credited_lines, closing_box])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


def _page(rows: list[tuple[str, bool]]):
    """Lines from (text, decided-as-chrome) rows."""
    page = split_lines("\n".join(text for text, _ in rows))
    for ln, (_, chrome) in zip(page, rows):
        if chrome:
            ln.decide("noise", "nav", "test")
    return page


def test_island_between_chrome_goes():
    page = _page([(STORY, False), ("It opens in May.", False), ("Join now", True),
                  ("Stories from hundreds of titles, picked for you.", False),
                  ("Already a member?", True), ("Our Picks", True),
                  ("One app. One membership.", False), ("All sources, one place.", False)])
    mark_tail_islands(page)
    assert [ln.fate for ln in page] == ["undecided"] * 2 + ["noise"] * 6


@pytest.mark.parametrize("rows", [
    # the story's closing line, right under its last paragraph
    [(STORY, False), ("Nobody seemed to mind.", False), ("Share", True), ("Related", True)],
    # a closing line under an ad label: the paragraph is two lines up
    [(STORY, False), ("Nobody seemed to mind.", True), ("It opens in May.", False),
     ("Share", True), ("Related", True)],
    # a closing line on the story's topic, among chrome
    [(STORY, False), (STORY2, False), ("Share", True), ("Tags", True),
     ("The library will be built on the east side.", False), ("Related", True),
     ("More", True)],
    # four open lines: not an island, a run of the story
    [(STORY, False), ("Share", True), ("One.", False), ("Two.", False), ("Three.", False),
     ("Four.", False), ("Related", True), ("More", True)],
])
def test_story_lines_stay(rows):
    page = _page(rows)
    before = [ln.fate for ln in page]
    mark_tail_islands(page)
    assert [ln.fate for ln in page] == before


def test_island_beside_a_caption_stays():
    """A writer's note under the last picture: captions sit inside stories."""
    page = _page([(STORY, False), ("A photo of the hall", True),
                  ("The writer is a partner at a design studio.", False),
                  ("Follow us", True), ("Comments", True)])
    page[1].decide("noise", "caption", "test")
    mark_tail_islands(page)
    assert page[2].open


@pytest.mark.parametrize("line", [
    "Club members roll the wicket before the first game. Photograph: Supplied",
    "Smoke rises above a ridge on Wednesday. (AP Photo)",
    "Senators walk to the chamber on Thursday. (Getty Images)",
    "An artist's impression of the new stand (Rovers FC/PA)",
    "(Courtesy of the Springs Public Library)",
    "The phone in green. © Tom's Guide",
])
def test_credited_caption(line):
    page = split_lines(f"{STORY}\n{line}\n{STORY2}")
    mark_credited_lines(page)
    assert [ln.fate for ln in page] == ["undecided", "noise", "undecided"]
    assert page[1].rule == credited_lines.CREDITED_LINE


@pytest.mark.parametrize("line", [
    "The mayor (Labour) said the plan was sound.",
    "Photograph collections are kept in the basement.",
    "Prices rose 4% (see chart).",
    STORY,
])
def test_story_line_is_no_caption(line):
    page = split_lines(line)
    mark_credited_lines(page)
    assert page[0].open


def test_alt_text_needs_the_captions_words():
    page = split_lines("Young lime trees behind metal guards\n"
                       "Newly planted lime trees on a street. Photograph: A Writer\n"
                       "Counting the right thing\n"
                       "A fox at night. Photograph: B Writer")
    mark_credited_lines(page)
    assert [ln.fate for ln in page] == ["noise", "noise", "undecided", "noise"]


def test_edge_notes_and_appeals_in_a_page():
    page = "\n".join([
        "Library plan approved", "• 4h •", STORY, STORY2,
        "What do you think? Tell us on our Facebook page.",
        "Jane Roe is the editor of City Desk. Have a tip? Email her.",
    ])
    result = clean(page)
    rules = {r.text: r.rule for r in result.removed}
    assert rules["• 4h •"] == "generic-read-time-dotted"
    assert rules["What do you think? Tell us on our Facebook page."] == "generic-reader-appeal"
    assert rules["Jane Roe is the editor of City Desk. Have a tip? Email her."] == (
        "generic-edge-note")
    assert result.text == f"{STORY}\n{STORY2}"


def test_closing_box_takes_cards_and_labels():
    from cleaner.text.closing_box import mark_closing_box

    page = split_lines("\n".join([
        STORY, "It opens in May.", "View original article", "Related",
        "Bus routes to change from next month",
        "Transit officials said two routes would be merged in the spring.",
        "Snow plows to start routes early this year", "City Paper"]))
    found = mark_closing_box(page)
    assert [(r.title, r.source, r.teaser) for r in found] == [
        ("Bus routes to change from next month", None,
         "Transit officials said two routes would be merged in the spring."),
        ("Snow plows to start routes early this year", "City Paper", None)]
    assert [ln.fate for ln in page[:4]] == ["undecided", "undecided", "noise", "noise"]


@pytest.mark.parametrize("tail", [
    # the story goes on under the heading-like line: a second paragraph is no card field
    ["Related", "Bus routes to change from next month", STORY2, STORY],
    # a list of the story's own: items are no headlines
    ["More stories", "Lamps", "Chairs"],
    # footer links under the heading, not right under it
    ["Up next", "Advertisement", "Terms and Privacy Policy", "About Our Ads here"],
])
def test_no_closing_box(tail):
    from cleaner.text.closing_box import mark_closing_box

    page = split_lines("\n".join([STORY, *tail]))
    for ln in page:
        if ln.text == "Advertisement":
            ln.decide("noise", "ad", "test")
    assert mark_closing_box(page) == []
    assert all(ln.open for ln in page if ln.text != "Advertisement")
