"""Cards found by a repeated line pattern whatever its wording (round k): headlines over
dated teasers, the title's own template after the story, a template of labelled fields,
tail pairs proven by one restated card, long title-case tail headlines, and a blog archive
whose first post runs two paragraphs. Every page is written for the test; each mechanism
has a guard row where the page must stay an article with its body whole.
"""

from __future__ import annotations

import doctest
import types

import pytest

from cleaner import clean
from cleaner.text import template_cards, title_template, titled_items

STORY = ("The council approved the new budget on Tuesday after a long debate that ran well "
         "into the evening.\nOfficials said the plan would keep every library open for at "
         "least another two years, and the mayor thanked residents for their patience.\n")


@pytest.mark.parametrize("module", [template_cards, title_template, titled_items])
def test_doctests(module: types.ModuleType) -> None:
    assert doctest.testmod(module).failed == 0


def _body(result) -> list[str]:
    return result.text.splitlines()


# -- headlines over dated teasers (titled_items) ---------------------------------------

AUTHOR_PAGE = (
    "logo\nJane Reporter\n\n"
    "Harbour ferry fares rise for island commuters\n"
    "Island commuters will pay four per cent more from April, the operator said. "
    "Tue 3 Jun Tue 3 Jun 2025 at 9:12pm\n"
    "Storm damage closes the coastal path near the lighthouse\n"
    "Walkers are asked to use the inland route while engineers survey the cliff. "
    "Fri 23 May Fri 23 May 2025 at 4:47am\n"
    "Village school marks one hundred years with a reunion\n"
    "Former pupils travelled from three continents for the celebration at the weekend. "
    "Sun 11 May Sun 11 May 2025 at 11:03pm\n"
    "Show more\n")


def test_headlines_over_dated_teasers_are_a_listing() -> None:
    r = clean(AUTHOR_PAGE)
    assert r.page_kind == "listing"
    assert [x.title for x in r.related] == [
        "Harbour ferry fares rise for island commuters",
        "Storm damage closes the coastal path near the lighthouse",
        "Village school marks one hundred years with a reunion"]
    assert r.related[0].published == "Tue 3 Jun 2025 at 9:12pm"  # the date once
    assert r.related[1].teaser.startswith("Walkers are asked")


def test_one_headline_over_a_dated_paragraph_stays_an_article() -> None:
    page = ("Council approves the new budget after a long debate\n" + STORY
            + "What happens next for the libraries\n"
            "The plan goes to a public consultation before the final vote in the spring. "
            "Tue 3 Jun 2025 at 9:12pm\n")
    r = clean(page)
    assert r.page_kind == "article"
    assert "Officials said" in r.text


# -- the title's own template after the story (title_template) -------------------------

def test_headlines_beside_the_titles_label_are_related() -> None:
    page = ("Score (94)\nTeen turns garage into a free bike library for children\n"
            + STORY + "Score (91)\nRetired nurses run a free clinic at the laundromat\n"
            "Score (89)\nVillage builds a hedgehog highway through fifty gardens\n")
    r = clean(page)
    assert r.title == "Teen turns garage into a free bike library for children"
    assert [x.title for x in r.related] == [
        "Retired nurses run a free clinic at the laundromat",
        "Village builds a hedgehog highway through fifty gardens"]
    assert "Officials said" in r.text


def test_a_label_under_the_title_frames_the_next_headline() -> None:
    page = ("Spain records its hottest June day on record\nneutralWorld Affairs\n" + STORY
            + "Wheat farmers warn the heat will cut this year's yields\nneutralWorld Affairs\n")
    r = clean(page)
    assert [x.title for x in r.related] == [
        "Wheat farmers warn the heat will cut this year's yields"]


def test_a_tail_headline_without_the_titles_label_is_no_template_card() -> None:
    page = ("Score (94)\nTeen turns garage into a free bike library for children\n" + STORY
            + "Weather Desk\nRetired nurses run a free clinic at the laundromat\n")
    r = clean(page)
    assert not any(x.title.startswith("Retired nurses") for x in r.related)
    assert "Officials said" in r.text


# -- a template of labelled fields (template_cards) -------------------------------------

FIELDS_PAGE = (
    "The Summary Site\nSports News\n\n"
    "Rowing club wins its first national title in forty years\n"
    "Rowing club wins its first national title in forty years\n"
    "Summary\nA small club from the north-east won the men's eight at the national "
    "championships, its first title since the 1980s.\n"
    "Key Facts\n• The crew won by just over a second.\n• Four rowers are students.\n"
    "Source Verification\n"
    "Tennis body approves a serve clock for junior events\n"
    "Tennis body approves a serve clock for junior events\n"
    "Summary\nJunior tournaments will use a 25-second serve clock from next season, the "
    "national federation announced on Friday.\n"
    "Key Facts\n• Players get one warning before a penalty.\nSource Verification\n")


def test_cards_repeating_labelled_fields_are_a_listing() -> None:
    r = clean(FIELDS_PAGE)
    assert r.page_kind == "listing"
    assert [x.title for x in r.related] == [
        "Rowing club wins its first national title in forty years",
        "Tennis body approves a serve clock for junior events"]
    assert r.related[1].teaser.startswith("Junior tournaments")
    assert r.text == ""


def test_sections_with_one_shared_label_stay_an_article() -> None:
    page = ("Council approves the new budget after a long debate\n" + STORY
            + "Libraries stay open for two more years\nShare\n"
            "Every branch keeps its hours, and two will open on Sundays from the autumn, "
            "the library service said in a statement.\n"
            "Bus routes are left unchanged for now\nShare\n"
            "The transport committee will look at the routes again in the new year, when "
            "the next passenger survey is due.\n")
    r = clean(page)
    assert r.page_kind == "article"
    assert "Every branch keeps its hours" in r.text
    assert "The transport committee" in r.text


# -- tail pairs proven by one restated card, long title-case tail headlines ------------

def test_tail_pairs_with_one_restated_card_are_related() -> None:
    page = ("Council approves the new budget after a long debate\n" + STORY
            + "Last news\n\n"
            "Title rivals play down talk of team orders\n"
            "Both contenders said on Friday that nobody had asked either of them to give "
            "way, despite the gap to the leader.\n\n"
            "Rookie handed grid penalty for gearbox change\n"
            "The rookie will start five places lower than he qualifies after his team "
            "changed his gearbox overnight.\n")
    r = clean(page)
    assert [x.title for x in r.related] == ["Title rivals play down talk of team orders",
                                           "Rookie handed grid penalty for gearbox change"]
    assert "Officials said" in r.text


def test_a_briefings_items_named_in_its_headline_stay() -> None:
    page = ("Budget vote today, storm season opens early, a record comeback\n" + STORY
            + "IN CASE YOU MISSED IT\n"
            "A comeback for the record books\n"
            "Down 24 points in the third quarter, the home side rallied to win in overtime, "
            "the largest comeback in finals history.\n"
            "Early start to the storm season\n"
            "Forecasters are watching a disturbance in the Gulf that could become the "
            "season's first named storm.\n")
    r = clean(page)
    assert "Forecasters are watching" in r.text


def test_long_title_case_tail_headlines_are_related() -> None:
    page = ("Library gets back a book overdue by sixty years\n" + STORY
            + "Recommended for You\n"
            "Man Finds Message in a Bottle He Threw Into the Sea as a Boy\n"
            "Town Votes to Keep Its One-Lane Covered Bridge\n")
    r = clean(page)
    assert [x.title for x in r.related] == [
        "Man Finds Message in a Bottle He Threw Into the Sea as a Boy",
        "Town Votes to Keep Its One-Lane Covered Bridge"]


def test_short_title_case_tail_lines_are_no_headlines() -> None:
    page = ("Library gets back a book overdue by sixty years\n" + STORY
            + "Terms of Service\nPrivacy Policy and Cookies\n")
    assert clean(page).related == ()


# -- a blog archive whose first post runs two paragraphs --------------------------------

def test_an_archives_first_long_post_is_a_card_not_the_story() -> None:
    post = ("A retired teacher has mailed a handwritten postcard to every baby born at the "
            "city hospital for eleven years, each with the same short wish for the child. ")
    page = ("Trending Now\n"
            "• " + post * 2 + "\n\n"
            "The teacher said she started after her granddaughter was born and never saw "
            "a reason to stop.\n\n"
            "Read More »from Retired Teacher Sends a Postcard to Every Baby in Her City\n"
            "• A brass band that missed its coach to a competition played for an hour on "
            "the station concourse and raised money for a hospice.\n\n"
            "Read More »from Stranded Brass Band Turns Station Into Concert Hall\n"
            "• A dog lost on a camping trip was found twenty-three days later, waiting by "
            "the family's fire ring, thinner but healthy.\n\n"
            "Read More »from Lost Dog Waits at Campsite for Twenty-Three Days\n"
            "Next Page »\n")
    r = clean(page)
    assert r.page_kind == "listing"
    assert [x.title for x in r.related][0] == (
        "Retired Teacher Sends a Postcard to Every Baby in Her City")
    assert len(r.related) == 3


def test_template_cards_whose_titles_are_printed_once_or_twice() -> None:
    page = FIELDS_PAGE.replace(
        "Tennis body approves a serve clock for junior events\n"
        "Tennis body approves a serve clock for junior events\n", "Morning sports brief\n")
    r = clean(page)
    assert r.page_kind == "listing"
    assert [x.title for x in r.related] == [
        "Rowing club wins its first national title in forty years", "Morning sports brief"]


def test_template_labels_compare_with_digits_masked() -> None:
    card = ("Score ({n})\nshare icon\n{title}\n{teaser}\nRead More\n")
    page = "Scroll For More\n" + "".join(card.format(n=n, title=t, teaser=x) for n, t, x in [
        (94, "Teen turns his garage into a free bike library",
         "A 16-year-old has turned his family's garage into a free bike library for "
         "children in the neighbourhood who have none."),
        (91, "Retired nurses run a free clinic at the laundromat",
         "Two retired nurses check blood pressure for free every Saturday while their "
         "neighbours wait for their washing."),
        (89, "Village builds a hedgehog highway through fifty gardens",
         "Residents cut small holes in their fences so that hedgehogs can roam between "
         "fifty back gardens in the village.")])
    r = clean(page)
    assert r.page_kind == "listing"
    assert [x.title for x in r.related] == [
        "Teen turns his garage into a free bike library",
        "Retired nurses run a free clinic at the laundromat",
        "Village builds a hedgehog highway through fifty gardens"]
