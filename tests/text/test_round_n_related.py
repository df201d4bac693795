"""Round n's related and leak shapes (samples 568-615): bulleted headlines in a listing,
"Read also" boxes, tail cards opened by an outlet-and-time line, archive posts closed by a
link with their title, deks between headline and teaser, doubled headlines above the
title, ranked tail boxes, captions credited to a photographer and an agency, labelled
datelines and publishing notes. Each has a firing and a must-not-fire case."""

from __future__ import annotations

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.text.anchored_tail import mark_anchored_tail
from cleaner.text.card_lines import classify
from cleaner.text.credited_lines import mark_credited_lines
from cleaner.text.edge_notes import says_publishing
from cleaner.text.glued_closers import glued_closer_cards
from cleaner.text.topic_pairs import pair_cards

STORY = ("The harbour board approved a new ferry timetable on Monday after a month of "
         "complaints from island commuters about missed connections.\n"
         "Boats will leave every forty minutes at peak hours, and the last crossing will "
         "move to half past eleven on weekdays, the board said.\n")


def test_bulleted_headlines_make_a_listing() -> None:
    page = "\n\n".join([
        "harbours",
        "• Ferry fares frozen for a year",
        "The harbour board froze ferry fares for twelve months on Monday, citing the "
        "rising cost of living on the islands.",
        "• Pier repairs start in the spring",
        "Engineers will begin repairing the north pier in April, the council said, with "
        "the work expected to last most of the summer.",
        "• Lifeboat station gets a new boat",
        "The volunteer crew at the harbour lifeboat station took delivery of a faster "
        "all-weather boat after a three-year appeal.",
    ])
    result = clean(page)
    assert result.page_kind == "listing"
    # the bullet marks the list item; it is no word of the headline
    assert [r.title for r in result.related][:1] == ["Ferry fares frozen for a year"]


def test_bulleted_list_inside_a_story_stays() -> None:
    page = ("Ferry timetable changes approved\n\n" + STORY
            + "• Boats every forty minutes at peak hours\n"
            "• Last crossing at half past eleven\n"
            "The new timetable starts on the first Monday of next month, the board said.\n")
    result = clean(page)
    assert result.page_kind == "article"
    assert "Last crossing at half past eleven" in result.text


def test_read_also_box_inside_the_body() -> None:
    page = ("Ferry timetable changes approved\n\n" + STORY + "Read also\n"
            "Island school gets new science labs\nCouncil reopens the old market hall\n"
            "Commuters welcomed the change but said the boats were often full by eight "
            "o'clock in the morning.\n")
    result = clean(page)
    assert [r.title for r in result.related] == ["Island school gets new science labs",
                                                 "Council reopens the old market hall"]
    assert "Commuters welcomed the change" in result.text


def test_reading_time_with_outlet_is_an_anchor() -> None:
    assert classify("Harbour Gazette2 min read").kind == "A"
    assert classify("Harbour Gazette 2 min read").source == "Harbour Gazette"
    assert classify("2 min read").kind != "A"  # a bare reading time is the head's


def test_tail_cards_opened_by_outlet_and_time() -> None:
    lines = split_lines(STORY + "More from Harbour Gazette\nHarbour Gazette1 min read\n"
                        "Island School Gets New Science Labs\n"
                        "THE island's secondary school will open three new science labs "
                        "after the summer, the education board said, the first since\n"
                        "Harbour Gazette3 min read\nOld Market Hall Reopens\n"
                        "THE old market hall reopened on Saturday after two years of repairs "
                        "to its roof and walls, with twenty stalls")
    found = mark_anchored_tail(lines)
    assert [(r.title, r.source) for r in found] == [
        ("Island School Gets New Science Labs", "Harbour Gazette"),
        ("Old Market Hall Reopens", "Harbour Gazette")]


def test_one_anchor_after_the_story_is_no_box() -> None:
    lines = split_lines(STORY + "Harbour Gazette1 min read\nIsland School Gets New Labs\n")
    assert mark_anchored_tail(lines) == []


def test_archive_posts_with_headlines_over_their_closers() -> None:
    texts = ["Posts by Jo Reyes", "• Lost ring found in a potato field",
             "A farmer sorting his harvest found a ring lost in the same field ten years "
             "ago, and he knew at once whose it was.", "Read More »from Lost ring found in a "
             "potato field", "• Library book returned sixty years late",
             "Read More »from Library book returned sixty years late"]
    items, used = glued_closer_cards(texts) or ([], [])
    assert [r.title for r in items] == ["Lost ring found in a potato field",
                                        "Library book returned sixty years late"]
    assert items[1].teaser is None and used == [1, 2, 3, 4, 5]


def test_dek_between_headline_and_teaser() -> None:
    texts = ["Village Votes to Ban Gas Leaf Blowers",
             "Residents of the hill village will have until 2027 to switch over",
             "(Desk) - A small village has become the latest to ban gas leaf blowers, citing "
             "noise complaints from residents who work from home.",
             "Ferry Fares Frozen for Island Commuters",
             "(Desk) - Island commuters will see ferry fares frozen for a year after the "
             "harbour board voted on Monday to hold fares."]
    found = pair_cards(texts)
    assert found is not None
    assert [r.title for r in found[0]] == ["Village Votes to Ban Gas Leaf Blowers",
                                           "Ferry Fares Frozen for Island Commuters"]


def test_a_caption_over_a_headline_is_no_dek() -> None:
    texts = ["Households are urged to check boilers before the winter (Illustrative image)",
             "Engineers urge boiler checks now as winter waits grow",
             "Heating engineers say households should book boiler checks before the first "
             "cold snap, as winter waits for call-outs grow.",
             "Ferry fares frozen for island commuters this year",
             "Island commuters will see ferry fares frozen for a year after the harbour "
             "board voted on Monday."]
    found = pair_cards(texts)
    assert found is not None
    assert found[0][0].title == "Engineers urge boiler checks now as winter waits grow"


def test_doubled_headlines_above_the_title_are_related() -> None:
    page = ("Why couples choose winter weddings\nWhy couples choose winter weddings\n\n"
            "Jo Reyes\n\nFive new bakeries worth queueing for\n"
            "Five new bakeries worth queueing for\n\nSam Lee\n\n"
            "Ferry timetable changes approved\n\n" + STORY)
    result = clean(page)
    assert [r.title for r in result.related] == ["Why couples choose winter weddings",
                                                 "Five new bakeries worth queueing for"]
    assert result.title == "Ferry timetable changes approved"


def test_one_doubled_line_above_the_title_is_no_strip() -> None:
    page = ("Why couples choose winter weddings\nWhy couples choose winter weddings\n\n"
            "Ferry timetable changes approved\n\n" + STORY)
    assert clean(page).related == ()


def test_ranked_tail_headlines_lose_their_ranks() -> None:
    page = ("Ferry timetable changes approved\n\n" + STORY + "Most Read\n"
            "1. Island school gets new science labs this autumn\n"
            "2. Council reopens the old market hall after repairs\n"
            "3. Lifeboat crew honoured for a night rescue at sea\n")
    titles = [r.title for r in clean(page).related]
    assert titles[0] == "Island school gets new science labs this autumn"


def test_caption_credited_to_photographer_and_agency() -> None:
    lines = split_lines("Staff enter the town hall on Monday. © Jo Reyes/dpa\n"
                        "Staff enter the town hall on Monday.\n" + STORY)
    mark_credited_lines(lines)
    assert [ln.fate for ln in lines[:3]] == ["noise", "noise", "undecided"]


def test_an_uncredited_sentence_is_no_caption_copy() -> None:
    lines = split_lines("Staff enter the town hall on Monday.\n" + STORY)
    mark_credited_lines(lines)
    assert lines[0].open


def test_labelled_date_and_default_author_leave_the_head() -> None:
    page = ("Ferry timetable changes approved\n\nadmin\nTime: September 14, 2025\n\n" + STORY)
    result = clean(page)
    assert "admin" not in result.text and "September 14" not in result.text
    assert result.published == "2025-09-14"


def test_ordinal_dates_are_datelines() -> None:
    result = clean("Ferry timetable changes approved\n\n8th Oct 2025\n\n" + STORY)
    assert "8th Oct" not in result.text and result.published == "2025-10-08"


def test_publishing_notes_on_ads_and_apps() -> None:
    assert says_publishing("By allowing ads to appear on this site, you support the local "
                           "businesses who, in turn, support great journalism.")
    assert says_publishing("Also download the Harbour Daily Android and iOS apps to "
                           "get the latest updates.")
    assert not says_publishing("The council said the new ferry app was downloaded ten "
                               "thousand times in its first week.")


def test_bullets_after_an_unbulleted_first_headline_are_key_points() -> None:
    from cleaner.text.label_lines import unlike_bullets
    assert unlike_bullets(["Council approves budget", "• Libraries stay open", "• Fees rise"])
    assert not unlike_bullets(["• Ferry fares frozen", "• Pier repairs start", "• New boat"])
