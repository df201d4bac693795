"""Round l's shapes on the text path: a listing's last card cut to its headline
(listing._dangling_card), a related box under a heading of its own after the story that
shares the story's topic (topic_pairs._headed_run), and a headline glued to its teaser
without even a space (glued_pairs._split_unspaced). Every text here is written for the
tests."""

from __future__ import annotations

from cleaner.core.lines import split_lines
from cleaner.core.records import InputRecord
from cleaner.engine.pipeline import clean_record
from cleaner.text.glued_pairs import glued_pair_cards, split_glued
from cleaner.text.prefixed_closers import mark_prefixed_closers


def _text(content: str):
    return clean_record(InputRecord(id="t", content=content, kind="text"))


def _card(title: str, teaser: str, when: str) -> str:
    return f"{title}\n{teaser} {when} {when} {when} 2026 at 9:14pm\n"


TAG_PAGE = (
    "logo\nLatest news with #Harvest\nJo Brandt\n"
    + _card("Orchard growers pick early after a warm spring",
            "Apple growers in the upper valley began picking two weeks earlier than usual "
            "after the warmest spring on record.", "Sun 8 Feb")
    + _card("Grain silo fire contained after six hours",
            "Fire crews kept a blaze inside one of the co-operative's silos from spreading "
            "to the grain store next to it.", "Wed 4 Feb")
    + _card("Farm shop wins county award for local produce",
            "A farm shop that sells only food grown within twenty miles won the county's "
            "prize for local trade this year.", "Mon 2 Feb")
)


def test_a_headline_left_after_the_last_card_is_the_listings_last_card():
    page = TAG_PAGE + "Volunteers bring in the last of the potato crop\nShow more\n"
    result = _text(page)
    assert result.page_kind == "listing"
    assert result.title is None and result.text == ""
    assert [r.title for r in result.related][-1] == (
        "Volunteers bring in the last of the potato crop")


def test_a_cut_teaser_after_the_last_card_is_no_card():
    page = TAG_PAGE + "Volunteers brought in the last of the potato crop between\n"
    titles = [r.title for r in _text(page).related]
    assert not any(t.startswith("Volunteers") for t in titles)


def test_the_last_cards_headline_printed_again_is_not_a_second_card():
    page = TAG_PAGE + "Farm shop wins county award for local produce\nShow more\n"
    titles = [r.title for r in _text(page).related]
    assert titles.count("Farm shop wins county award for local produce") <= 1


STORY = (
    "Glacier melt opens old mountain path\n"
    "A stone path used by traders more than two thousand years ago has come out of the "
    "ice on a high mountain pass, researchers said on Monday.\n"
    "The researchers said the glacier had lost more ice this summer than in any year "
    "since records began, and the path may soon be lost to rockfall.\n"
    "They plan to map the whole path before the first snow covers the pass again.\n"
)


def test_a_box_under_its_own_heading_after_the_story_is_related():
    page = (STORY + "More for you\n"
            "Ski resorts shorten their season as snow fails to arrive\n"
            "Why glaciers in the high mountains melt faster than models said\n"
            "Feedback\n")
    titles = [r.title for r in _text(page).related]
    assert "Ski resorts shorten their season as snow fails to arrive" in titles
    assert "Why glaciers in the high mountains melt faster than models said" in titles


def test_a_fact_box_under_the_storys_subhead_stays_out_of_related():
    page = (STORY + "Path at a glance\n"
                    "Length: two kilometres of stone path over the glacier\n"
                    "Found: by a guide walking alone in August\n")
    titles = [r.title for r in _text(page).related]
    assert not any(t.startswith(("Length", "Found")) for t in titles)


UNSPACED1 = ("Snow crews stretched thin as winter storms keep comingCounties across the "
             "region say they are still short of drivers despite higher pay.")
UNSPACED2 = ("Old letters found behind a farmhouse kitchen wallA renovation turned up a "
             "bundle of letters that the local history society calls a rare find.")


def test_a_headline_glued_without_a_space_is_cut_at_the_glue():
    assert split_glued(UNSPACED2) == (
        "Old letters found behind a farmhouse kitchen wall",
        "A renovation turned up a bundle of letters that the local history society calls "
        "a rare find.")
    assert split_glued(UNSPACED1) is None  # "Counties" opens no sentence strictly
    assert split_glued(UNSPACED1, loose=True)[0] == (
        "Snow crews stretched thin as winter storms keep coming")


def test_unspaced_glued_lines_in_a_run_are_cards():
    found = glued_pair_cards([UNSPACED1, "1/14/2026 7:40:52 AM", UNSPACED2])
    assert found is not None
    items, used = found
    assert [r.title for r in items] == [
        "Snow crews stretched thin as winter storms keep coming",
        "Old letters found behind a farmhouse kitchen wall"]
    assert used == [0, 2]


def test_a_name_in_camel_case_inside_a_paragraph_is_no_glue():
    text = ("The team behind the new PlayStation game said the release was delayed to "
            "give testers more time with the final levels of the campaign.")
    assert split_glued(text) is None


LIST_STORY = (
    "Harbour crane back in service after repairs\n"
    "The harbour's largest crane returned to work on Monday after three weeks of repairs "
    "to its gearbox, the port authority said.\n"
    "Shipping lines had diverted some cargo to other ports while the crane was idle.\n"
)


def test_a_further_reading_list_of_title_source_summary_cards_is_read_whole():
    page = (LIST_STORY + "Recommended Stories\n"
            "Ferry company orders two electric boats for the lake\n"
            "Harbour Times\n"
            "The company said the boats would enter service in the summer of 2027.\n"
            "Dock workers vote on new shift pattern\n"
            "Coast Radio\n"
            "The union said the result of the ballot would be known next week.\n")
    result = _text(page)
    assert [(r.title, r.source, r.teaser) for r in result.related] == [
        ("Ferry company orders two electric boats for the lake", "Harbour Times",
         "The company said the boats would enter service in the summer of 2027."),
        ("Dock workers vote on new shift pattern", "Coast Radio",
         "The union said the result of the ballot would be known next week."),
    ]
    assert "Dock workers" not in result.text


def test_a_sentence_under_a_lone_item_and_name_still_ends_the_list():
    page = (LIST_STORY + "Recommended Stories\n"
            "Ferry company orders two electric boats for the lake\n"
            "Harbour Times\n"
            "The crane's operators will now work extra shifts to clear the backlog.\n")
    result = _text(page)
    assert all(r.teaser is None for r in result.related)


def test_a_shaped_listings_last_story_cut_to_its_headline_is_its_last_card():
    units = [
        ("Bakers in the old town agree on a shared delivery van",
         "Six bakeries in the old town will share one electric van for morning deliveries "
         "from next month, the traders' association said on Monday."),
        ("School swimming lessons return after pool repairs",
         "Pupils at the town's primary schools will go back to weekly swimming lessons "
         "now that the leisure centre pool has reopened."),
        ("New footbridge opens over the railway at Mill Lane",
         "The footbridge replaces a level crossing that was closed two years ago after "
         "a series of near misses with trains."),
    ]
    page = "Town News\n" + "".join(f"{h}\nlocalTown News\n{t}\n" for h, t in units)
    page += "Library extends its Sunday opening hours\nlocalTown News\n"
    result = _text(page)
    assert result.page_kind == "listing"
    assert [r.title for r in result.related][-1] == "Library extends its Sunday opening hours"


# --- prefixed_closers ------------------------------------------------------------------

TRENDING = (
    "Trending Today\n"
    "• A bus driver in a mountain town has knitted a scarf for every child on her school "
    "route this winter, and the parents have now returned the favour.\n"
    "They covered her bus in handwritten thank-you cards on the last day before the "
    "holidays. She said she had no idea what they were planning.\n"
    "See It »from Parents Cover School Bus in Thank-You Cards for Knitting Driver\n"
    "• A teenager who taught himself to repair old radios has opened a stall at the "
    "Saturday market, and there is a waiting list for his services.\n"
    "See It »from Teen's Radio Repair Stall Draws Waiting List at Market\n"
)


def test_cards_closed_by_a_shared_prefix_and_their_headline_make_a_listing():
    result = _text(TRENDING)
    assert [r.title for r in result.related] == [
        "Parents Cover School Bus in Thank-You Cards for Knitting Driver",
        "Teen's Radio Repair Stall Draws Waiting List at Market"]
    assert result.related[0].teaser.startswith("A bus driver in a mountain town")
    assert result.page_kind == "listing"


def test_an_interviews_question_lines_are_no_closers():
    page = (
        "Mayor sets out her plan for the harbour\n"
        "The mayor spoke to us on Tuesday about the harbour plan and what it means for "
        "the fishing fleet that still works out of the old quay.\n"
        "Q: What happens to the boats that moor at the old quay now\n"
        "They stay where they are. Nothing in the plan moves a single boat away from "
        "the quay, and the fleet will get new pontoons as well.\n"
        "Q: When do the building works on the new pontoons start\n"
        "The first works start in March, once the council has signed the contracts "
        "with the two firms that won the tender last year.\n")
    assert mark_prefixed_closers(split_lines(page)) == []
    assert mark_prefixed_closers(split_lines(page.replace("Q: ", "MAYOR HARRIS "))) == []


def test_headlines_after_an_excerpt_cut_short_are_the_tail_list():
    page = (
        "Town council backs new cycle lanes on the ring road\n"
        "The town council voted on Wednesday to build protected cycle lanes along the "
        "whole of the ring road by 2028, after a consultation in which two thirds of the "
        "residents who answered asked for safer routes into the centre and to the …\n"
        "Related Post\n"
        "Bakery chain opens its first shop in the old market hall\n"
        "Museum reopens east wing after two years of repairs\n")
    titles = [r.title for r in _text(page).related]
    assert titles == ["Bakery chain opens its first shop in the old market hall",
                      "Museum reopens east wing after two years of repairs"]


def test_a_tail_line_opening_with_a_dash_or_bracket_is_no_headline():
    page = (STORY + "— Curated by the desk's editorial system for readers\n"
            "( read the original story on the site … )\n"
            "Bakery chain opens its first shop in the old market hall\n"
            "Museum reopens east wing after two years of repairs\n")
    titles = [r.title for r in _text(page).related]
    assert not any(t.startswith(("—", "(")) for t in titles)


def test_a_label_glued_to_two_tail_headlines_is_cut_off():
    page = (STORY + "Previous articleBakery chain opens its first shop in the old market hall\n"
            "Next articleMuseum reopens east wing after two years of repairs\n")
    titles = [r.title for r in _text(page).related]
    assert titles == ["Bakery chain opens its first shop in the old market hall",
                      "Museum reopens east wing after two years of repairs"]


def test_a_promo_lines_outlet_in_brackets_is_its_source():
    page = STORY + "Related: Bakery chain opens its first shop in the market hall (Harbour Times)\n"
    items = [(r.title, r.source) for r in _text(page).related]
    assert items == [("Bakery chain opens its first shop in the market hall", "Harbour Times")]


def test_a_widgets_numbers_over_the_cards_are_no_headline():
    page = "7 48.8566 2.3522 1 0 2500 1 http://example.test 300\n" + TAG_PAGE
    result = _text(page.replace("logo\n", ""))
    assert result.page_kind == "listing"
    assert result.title is None


# --- labelled_tail ---------------------------------------------------------------------

def test_cards_with_one_label_shape_under_each_headline_close_the_story():
    page = (STORY + "Latest from Science\n"
            "Bakery chain opens its first shop in the old market hall\n"
            "Updated (2 articles)\n"
            "The chain said the shop would bake its bread on site and open at six every "
            "morning, seven days a week.\n"
            "Museum reopens east wing after two years of repairs\n"
            "Updated (5 articles)\n")
    result = _text(page)
    assert [(r.title, r.teaser) for r in result.related] == [
        ("Bakery chain opens its first shop in the old market hall",
         "The chain said the shop would bake its bread on site and open at six every "
         "morning, seven days a week."),
        ("Museum reopens east wing after two years of repairs", None)]
    assert "bake on site" not in result.text


def test_a_live_blogs_timed_entries_are_no_labelled_cards():
    from cleaner.text.labelled_tail import mark_labelled_tail

    page = (STORY + "Crews reach the pass as the weather clears\n10:32 GMT\n"
            "Rescue crews reached the pass this morning and found the path intact.\n"
            "Researchers begin mapping the path from the north end\n11:05 GMT\n"
            "The first team started at the north end, where the ice melted first.\n")
    assert mark_labelled_tail(split_lines(page)) == []
