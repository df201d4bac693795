"""The text stages added for hold-out 5's classes: cards that close an article (tail
pairs), alt text over a caption, writers' sign-offs, related boxes under glued or capitals
headings, bullet cards with glued dates, cards closed by an age-and-source line, and a
byline with a place after its first name. Each has a firing and a must-not-fire case."""

from __future__ import annotations

import doctest
import types

import pytest

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.text import (
    age_source_cards,
    alt_text,
    byline_title,
    card_headings,
    dated_bullets,
    dateline_title,
    echo_cards,
    related_heads,
    signoffs,
    tail_pairs,
    via_labels,
)
from cleaner.text.age_source_cards import mark_age_source_cards
from cleaner.text.alt_text import mark_alt_text
from cleaner.text.dated_bullets import mark_dated_bullets
from cleaner.text.related_heads import mark_related_heads
from cleaner.text.signoffs import mark_signoffs
from cleaner.text.tail_pairs import mark_tail_pairs

STORY = ("Street food vendors in the city will need a licence and a fire inspection under "
         "rules the council approved on Tuesday night after months of debate.\n"
         "The ordinance passed eight votes to two after an amendment lowered the yearly "
         "fee for vendors who sell from carts rather than trucks.\n")
CARDS = ("Read full article on original website\n"
         "Denver to expand overnight parking program for people living in vehicles\n"
         "DENVER — The city is adding two more lots to its overnight parking program, which "
         "lets people living in vehicles sleep in a safe place.\n"
         "Metro Daily\n"
         "Light rail service suspended between two stations for track work\n"
         "Light rail trains will not run between the two stations for two weekends while "
         "crews replace worn track, the transit agency said.\n")


@pytest.mark.parametrize("module", [tail_pairs, alt_text, signoffs, related_heads,
                                    dated_bullets, age_source_cards, byline_title, card_headings,
                                    dateline_title, echo_cards, via_labels])
def test_doctests(module: types.ModuleType) -> None:
    assert doctest.testmod(module).failed == 0


def test_tail_pairs_fire_after_a_story_under_a_header() -> None:
    page = split_lines(STORY + CARDS)
    found = mark_tail_pairs(page)
    assert [r.title for r in found] == [
        "Denver to expand overnight parking program for people living in vehicles",
        "Light rail service suspended between two stations for track work"]
    assert page[2].fate == "noise" and page[0].open and page[1].open


def test_tail_pairs_keep_a_briefing_with_no_header() -> None:
    # a briefing's items right under its intro are the article itself
    intro = ("Good morning. Here is what you need to know to start your day, compiled by "
             "our news desk.\n")
    page = split_lines(intro + CARDS.split("\n", 1)[1])
    assert mark_tail_pairs(page) == []
    assert all(ln.open for ln in page if ln.text)


def test_tail_pairs_keep_subheads_on_the_story_topic() -> None:
    own = ("Read more below\n"
           "Vendors welcome the licence rules approved by the council\n"
           "Vendors said the licence rules approved by the council would end years of "
           "confusion over where carts may stand.\n"
           "Fire inspection for vendors to start in the spring\n"
           "The fire inspection for vendors and their carts starts in the spring, the "
           "council said, once inspectors are hired.\n")
    assert mark_tail_pairs(split_lines(STORY + own)) == []


def test_tail_pairs_by_a_recurring_label_when_teasers_do_not_restate() -> None:
    cards = ("MORE STORIES\nEvening Post\n"
             "Night buses return on two more routes\n"
             "Transport bosses said weekend services would resume before the summer, "
             "ending a two-year gap.\n2 mins\nEvening Post\n"
             "Why new restaurants are getting smaller\n"
             "Rising rents and staff shortages are pushing chefs towards tiny dining rooms "
             "with short menus.\n5 mins\n")
    assert len(mark_tail_pairs(split_lines(STORY + cards))) == 2
    # the same cards without the recurring outlet line stay
    assert mark_tail_pairs(split_lines(STORY + cards.replace("Evening Post\n", ""))) == []


def test_alt_text_over_a_decided_caption_only() -> None:
    page = split_lines("A baker shapes loaves before dawn\n"
                       "A baker shapes loaves before dawn at a shop in Leeds. Photograph: Ann")
    page[1].decide("noise", "caption", "x")
    mark_alt_text(page)
    assert page[0].rule == "generic-caption-alt"
    # a subhead repeated at the start of its paragraph: the paragraph is open, both stay
    page = split_lines("Wages are the other pressure\n"
                       "Wages are the other pressure on bakers, who also face higher taxes.")
    mark_alt_text(page)
    assert page[0].open


def test_sign_offs_recurring_or_above_the_title_and_not_a_list_item() -> None:
    page = split_lines("Ferry service resumes\n" + STORY + "- New York City\n"
                       "- Ann Lee\nMore news\n" + STORY + "- Ann Lee")
    mark_signoffs(page, "Ferry service resumes")
    fates = {ln.text: ln.fate for ln in page}
    assert fates["- Ann Lee"] == "noise"
    assert fates["- New York City"] == "undecided"  # printed once, inside the story
    page = split_lines("- ROSA BRENNAN\nCycle lane row divides high street\n" + STORY)
    mark_signoffs(page, "Cycle lane row divides high street")
    assert page[0].fate == "noise"


def test_sign_off_role_line_and_counter_banner() -> None:
    page = split_lines("Mia Castellano\n·Homepage and Live Editor\n"
                       "LIVE COVERAGE IS OVER12 updates\n· Three things to know\n" + STORY)
    mark_signoffs(page, None)
    assert [ln.fate for ln in page[:4]] == ["undecided", "noise", "noise", "undecided"]


def test_related_heads_glued_and_capitals() -> None:
    page = split_lines(STORY + "Related Articles- Dam levels fall for third month\n"
                       "- Water board raises rates for new homes\n" + STORY)
    assert len(mark_related_heads(page)) == 2
    page = split_lines(STORY + "READ MORE RUGBY NEWS\n"
                       "TEAM TALK Warriors confirm two summer signings\n" + STORY)
    found = mark_related_heads(page)
    assert [r.title for r in found] == ["TEAM TALK Warriors confirm two summer signings"]
    assert page[2].fate == "noise"


def test_related_heads_leave_a_story_list_and_a_plain_heading() -> None:
    # a capitals heading over the story's own list that the story does not resume after
    page = split_lines(STORY + "MORE TO COME\nCouncil to publish the vendor map soon\n"
                       "Fees to be reviewed next year by the board")
    assert mark_related_heads(page) == []
    page = split_lines(STORY + "Related Articles\n" + STORY)
    assert mark_related_heads(page) == []


def test_dated_bullets_need_two() -> None:
    one = "• Council votes to keep Sunday rules - 2014-07-14 2:12 PM\n" + STORY
    assert mark_dated_bullets(split_lines(one)) == []
    two = one + ("• Lost hiker found aliveLost hiker found alive - 2014-07-14 1:05 PM\n"
                 "HUNTSVILLE - A hiker missing for five days was found alive and in good "
                 "health on Monday.\n")
    found = mark_dated_bullets(split_lines(two))
    assert found[1].title == "Lost hiker found alive" and found[1].teaser
    # a list item with a date range inside the story is no card: no dash before the date
    page = split_lines("• Entries open 2014-07-14\n• Entries close 2014-08-14\n")
    assert mark_dated_bullets(page) == []


def test_age_source_cards_need_two_anchors() -> None:
    one = STORY + "Team confirms upgrade package for...\n3y ago from GrandPrixWire.com\n"
    assert mark_age_source_cards(split_lines(one)) == []
    page = split_lines(one + "Stewards clear driver after incident...\n"
                       "No further action was taken after the collision...\n"
                       "2d ago from Formula1Daily.co.uk 0\n")
    found = mark_age_source_cards(page)
    assert [r.source for r in found] == ["GrandPrixWire.com", "Formula1Daily.co.uk"]
    assert page[0].open and page[1].open  # the story's paragraphs stay


def test_pipeline_moves_closing_cards_to_related() -> None:
    result = clean("Aurora approves new rules for sidewalk food vendors\n\n" + STORY + CARDS)
    assert len(result.related) == 2
    assert "Metro Daily" not in result.text
    assert result.text.splitlines() == STORY.strip().splitlines()


def test_byline_with_place_after_the_first_name() -> None:
    assert byline_title._BYLINE.match("Ana Ruiz in Phoenix and Tom Hale")
    assert not byline_title._BYLINE.match("Fire in Sydney and Melbourne")


def test_dateline_title_replaces_an_item_headline_below_the_intro() -> None:
    from cleaner.text.dateline_title import fix_dateline_title

    intro = ("Good morning. Here is what you need to know to start your day, compiled by "
             "our news desk.")
    page = split_lines(f"Your Morning Briefing\nMSN UK 6 hrs ago News desk\n{intro}\n"
                       f"Flood warnings issued in the south west\n{STORY}")
    page[4].decide("title", None, None)
    assert fix_dateline_title(page, page[4].text) == "Your Morning Briefing"
    assert page[4].open and page[1].fate == "meta"


def test_dateline_title_keeps_a_title_above_the_story() -> None:
    from cleaner.text.dateline_title import fix_dateline_title

    page = split_lines("Ferry fares rise for island commuters\nSection News\n"
                       "Harbour Times 6 hrs ago\n" + STORY)
    page[0].decide("title", None, None)
    assert fix_dateline_title(page, page[0].text) == page[0].text
    assert page[2].open


def test_echo_cards_need_two_and_the_same_headline() -> None:
    from cleaner.text.echo_cards import mark_echo_cards

    card = ("UK inflation edges down as food prices cool\n"
            "LONDON - Inflation fell slightly in August, official data showed on Wednesday.\n"
            "UK inflation edges down as food prices cool Read More »\n")
    assert mark_echo_cards(split_lines(STORY + card)) == []  # one linked post: a story's
    other = card.replace("UK inflation edges down as food prices cool", "Club fined over tax")
    page = split_lines(card + other)
    assert [r.title for r in mark_echo_cards(page)] == [
        "UK inflation edges down as food prices cool", "Club fined over tax"]
    # a "Read more" line that echoes no headline above it closes no card
    page = split_lines(STORY + "Ferry fares to rise Read More »\n"
                       "Rail strike called off Read More »")
    assert mark_echo_cards(page) == []


def test_category_page_with_two_short_description_paragraphs_is_a_listing() -> None:
    intro = ("Browsing: Harbour Wire\n"
             "Harbour Wire brings you the latest local news from across the county, "
             "republished from the wire.\n"
             "Stories cover politics, transport and sport, and are updated all day.\n")
    cards = "".join(
        f"{t}\nHARBOURTON - {t} after a vote of the council on Monday night, officials said "
        f"in a statement.\n{t} Read More »\n"
        for t in ("Council delays vote on parking garage", "Parkway lanes close for works",
                  "Food pantry sees record winter demand"))
    result = clean(intro + cards)
    assert result.page_kind == "listing" and len(result.related) == 3


def test_via_labels_open_cards_and_leave_sentences() -> None:
    from cleaner.text.via_labels import mark_via_labels

    page = split_lines("Fox Weather on MSNStorm could rapidly intensify over warm water\n"
                       "Sea temperatures near 31C could let the storm gain strength quickly.\n"
                       "1don MSNOpinion\nWhy Gulf storms keep getting stronger, faster\n"
                       "Meteorologists say rapid intensification has become more common.\n")
    found = mark_via_labels(page)
    assert [(r.title, r.source, r.published) for r in found] == [
        ("Storm could rapidly intensify over warm water", "Fox Weather", None),
        ("Why Gulf storms keep getting stronger, faster", None, "1d")]
    # a story's sentences ending on a channel's name are no labels
    page = split_lines("The mayor appeared on CNN\n" + STORY + "The governor spoke on NBC\n"
                       + STORY)
    assert mark_via_labels(page) == []
    assert all(ln.open for ln in page if ln.text)


def test_card_headings_touch_the_cards_only() -> None:
    from cleaner.text.card_headings import mark_card_headings

    page = split_lines(STORY + "You May Also Be Interested In...\nCard one\nCard two\n"
                       "More from CBC\nCard three\n")
    for k in (3, 4, 6):
        page[k].decide("related", "related", "x")
    mark_card_headings(page)
    assert [ln.fate for ln in page[:7]] == ["undecided", "undecided", "noise", "related",
                                            "related", "noise", "related"]
    # a run of short lines above the cards is a list of the page's own; a sentence stays
    page = split_lines(STORY + "Apples\nPears\nPlums\nFigs\nCard one\nCard two\n")
    page[6].decide("related", "related", "x")
    page[7].decide("related", "related", "x")
    mark_card_headings(page)
    assert all(ln.open for ln in page[:6])
    page = split_lines(STORY + "He denies the charges.\nCard one\nCard two\n")
    page[3].decide("related", "related", "x")
    page[4].decide("related", "related", "x")
    mark_card_headings(page)
    assert page[2].open


def test_generated_description_over_a_credit() -> None:
    page = split_lines("a flooded street with cars: Flooding in Devon\n© Provided by PA Media")
    page[1].decide("noise", "caption", "x")
    mark_alt_text(page)
    assert page[0].rule == "generic-caption-alt"
    page = split_lines("Flooding in Devon: what we know\n© Provided by PA Media")
    page[1].decide("noise", "caption", "x")
    mark_alt_text(page)
    assert page[0].open  # a capitalised subhead over a credit stays
