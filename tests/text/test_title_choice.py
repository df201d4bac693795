"""The title is the headline: chrome of a headline's size by shape (headline_chrome), the
story's echo of the headline (title_evidence), a notice paragraph above it (notice_head),
and how the title stage and its fixes use them. Texts are written for these tests."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from cleaner.core.lines import split_lines
from cleaner.text import dateline_title, headline_chrome, title_evidence
from cleaner.text.byline_title import BYLINE_AS_TITLE, fix_byline_title
from cleaner.text.dateline_title import DATELINE_TITLE, fix_dateline_title
from cleaner.text.headline_chrome import chrome_shape
from cleaner.text.linerules import Meta
from cleaner.text.notice_head import lines_after_notice
from cleaner.text.title_evidence import echo, echo_share, story_words
from cleaner.text.title_pick import pick_title
from cleaner.text.zones import find_zones

STORY = [
    "The lighthouse keepers of Carrow Point kept their lamp burning for ninety years, and "
    "the lighthouse will now be restored by volunteers.",
    "Volunteers have raised the money to restore the lighthouse lamp, the trust said on "
    "Monday, and work on the keepers' cottages starts in spring.",
]


@pytest.mark.parametrize("module", [headline_chrome, title_evidence, dateline_title])
def test_doctests(module: ModuleType) -> None:
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize(("text", "shape"), [
    ("Marta Oyelaran, Reader in Coastal History, Penmoor University", "name-role"),
    ("Dev Anand Rao, Senior Fellow", "name-role"),
    ("Story by Hollis Brand", "by-line"),
    ("Story by Hollis Brand • 5h", "by-line"),
    ("Analysis by Ana Ruiz and Tom Hale", "by-line"),
    ("Kit Marlow/Harbour Gazette/TNS", "credit"),
    ("Sam Ode / Coastline Pictures", "credit"),
    ("Skip to Related Content", "skip-link"),
    ("Skip directly to content", "skip-link"),
    ("Jump to comments", "skip-link"),
    ("Lena Ward, Professor, School of Earth Sciences, Tarn University", "name-role"),
    ("Keep The Lantern independent", "appeal"),
    ("Support local reporting", "appeal"),
    # headlines stay headlines
    ("Volunteers restore lighthouse lamp after ninety years", None),
    ("Lighthouse, cottages and quay to be restored by trust", None),
    ("AC/DC tribute band plays on the quay", None),
    ("Maple Grove, MN", None),  # a place's dateline
    ("Keepers return to Carrow Point as lamp is relit", None),
    ("Support for lighthouse trust grows as volunteers sign up in their hundreds", None),
    ("Should we keep paying for lighthouses?", None),
])
def test_chrome_shape(text: str, shape: str | None) -> None:
    assert chrome_shape(text) == shape


@pytest.mark.parametrize(("line", "echoed"), [
    ("Volunteers to restore Carrow Point lighthouse lamp", True),
    ("Lighthouse keepers' cottages restored", True),  # "keepers'" meets "keepers"
    ("The voice of the coast since 1952, read in forty countries", False),  # a tagline
    ("Unique coverage by outlet", False),
    ("", False),
])
def test_story_echo(line: str, echoed: bool) -> None:
    lines = split_lines("\n".join(STORY))
    assert echo(line, story_words(lines, 0)) is echoed


def test_echo_share_counts_content_words_by_stem() -> None:
    story = story_words(split_lines("Walkers were rescued after a cliff fell."), 0)
    # walker, rescu, cliff, fall: walker, rescu and cliff recur ("fell" is not "fall")
    assert echo_share("Walker rescued as cliff falls", story) == pytest.approx(0.75)


def _title(text: str) -> tuple[str | None, list]:
    lines = split_lines(text)
    zones = find_zones(lines)
    title = pick_title(lines, zones, Meta())
    title = fix_byline_title(lines, title)
    return fix_dateline_title(lines, title), lines


def test_tagline_above_the_headline_loses_to_the_echoed_headline() -> None:
    title, lines = _title("\n".join([
        "The voice of the coast since 1952, read in forty countries",
        "Top Stories",
        "Volunteers to restore Carrow Point lighthouse lamp",
        "14 March",
        *STORY]))
    assert title == "Volunteers to restore Carrow Point lighthouse lamp"
    assert lines[0].rule == "generic-above-title"


def test_first_of_equals_stays_when_the_story_echoes_it() -> None:
    # a caption without a stop under an echoed headline does not take its place
    title, _ = _title("\n".join([
        "Lighthouse lamp to burn again at Carrow Point",
        "Volunteers on the lighthouse gallery at Carrow Point on Monday",
        *STORY]))
    assert title == "Lighthouse lamp to burn again at Carrow Point"


@pytest.mark.parametrize("byline", [
    "Marta Oyelaran, Reader in Coastal History, Penmoor University",
    "Story by Hollis Brand",
])
def test_byline_over_headline_is_metadata(byline: str) -> None:
    title, lines = _title("\n".join([
        "Heritage", byline, "", "Volunteers to restore Carrow Point lighthouse lamp", "",
        *STORY]))
    assert title == "Volunteers to restore Carrow Point lighthouse lamp"
    assert (lines[1].fate, lines[1].rule) == ("meta", BYLINE_AS_TITLE)


NOTICE = ("You are using an unsupported browser. Please switch to a newer one for the best "
          "experience of our pages.")


def test_headline_under_a_notice_paragraph() -> None:
    lines = split_lines("\n".join([
        NOTICE, "Volunteers to restore Carrow Point lighthouse lamp", "Coast Weekly", *STORY]))
    zones = find_zones(lines)
    assert [ln.text for ln in lines_after_notice(lines, zones.body_start)] == [
        "Volunteers to restore Carrow Point lighthouse lamp", "Coast Weekly"]
    assert pick_title(lines, zones, Meta()) == "Volunteers to restore Carrow Point lighthouse lamp"
    assert (lines[2].fate, lines[2].rule) == ("noise", "generic-head-fragment")


def test_a_standfirst_is_no_notice() -> None:
    # the story repeats the standfirst's words: the line under it is no headline
    standfirst = ("Volunteers at Carrow Point have raised the money to restore the lighthouse "
                  "lamp that keepers tended for ninety years.")
    lines = split_lines("\n".join([
        "Light returns", standfirst, "Volunteers restore the lighthouse lamp", *STORY]))
    assert lines_after_notice(lines, find_zones(lines).body_start) == []


def test_short_headline_over_a_dateline_under_a_notice() -> None:
    # a briefing: short items, so the notice is the page's first paragraph; its title
    # names no item, and the dateline under it says it heads the page
    title, lines = _title("\n".join([
        NOTICE, "Top Stories", "Your Coast Briefing", "2 hours ago News desk",
        "Good evening. Here is the news from the coast.",
        "Lighthouse lamp to burn again", STORY[0],
        "Ferry timetable changes", "Harbour wall repairs begin", "Fish market reopens",
        STORY[1]]))
    assert title == "Your Coast Briefing"
    assert lines[1].rule == "generic-above-title"
    assert lines[3].rule == "generic-head-fragment"


def test_dateline_between_title_and_story_is_metadata() -> None:
    lines = split_lines("\n".join(["Coast briefing for the week", "09/10/2018 News desk",
                                   *STORY]))
    lines[0].decide("title", None, None)
    assert fix_dateline_title(lines, lines[0].text) == "Coast briefing for the week"
    assert (lines[1].fate, lines[1].rule) == ("meta", DATELINE_TITLE)


def test_line_announcing_the_list_is_no_headline() -> None:
    # a roundup's intro ends in ':' over its sections: the short line above is the title,
    # and the section label under the intro stays with the items it heads
    title, lines = _title("\n".join([
        "Coast news today",
        "Here are today's top stories from around the coast:",
        "Top Stories",
        "  1. Ferry fares rise: The harbour trust raised fares by a tenth from March, it said.",
        "  2. Pier reopens: The pier reopened on Monday after two years of repairs, it said.",
    ]))
    assert title == "Coast news today"
    fates = {ln.text: ln.fate for ln in lines if ln.text}
    assert fates["Here are today's top stories from around the coast:"] == "undecided"
    assert fates["Top Stories"] == "undecided"
