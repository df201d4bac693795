"""Lines judged by their neighbours (round l): a live stamp under its own "Updated" label, a
list's heading under a standfirst, a list's first bullet under the title, a caption's
headline after it, a briefing's last one-word subhead, and the title's evidence (labelled
fields, a footer's copy, a dateline under a later equal, a standfirst, cards, numbers).
Each mechanism has a case where it fires and one where it must not. Texts are written for
these tests."""

from __future__ import annotations

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.text.caption_first import mark_leading_caption
from cleaner.text.card_headings import CARD_HEADING, mark_card_headings
from cleaner.text.headline_chrome import chrome_shape
from cleaner.text.linerules import Meta
from cleaner.text.live_entries import live_run
from cleaner.text.title_pick import pick_title
from cleaner.text.zones import find_zones


def _removed(result: object, text: str) -> str | None:
    """The rule that removed `text`, or None when it was kept."""
    return next((r.rule for r in result.removed if r.text == text), None)  # type: ignore[attr-defined]


# -- a live stamp under its own label ("Updated" / "17.02 BST") ----------------------------

LABELLED_POSTS = ("Canal strike: barges stay moored as talks stall - as it happened\n\n"
                  "Here is where things stand tonight:\n\n"
                  "• No barges moved on the northern canals today.\n\n"
                  "Updated\n\n18.10 BST\n\n"
                  "The union said it would meet the operator again on Friday morning.\n\n"
                  "Updated\n\n16.25 BST\n\n"
                  "Lock keepers joined the picket line at the top of the flight.\n\n"
                  "Updated\n")


def test_stamp_under_its_label_opens_the_posts() -> None:
    lines = split_lines(LABELLED_POSTS)
    run = live_run(lines)
    assert run is not None
    stamps = [ln.index for ln in lines if ln.text.endswith("BST")]
    assert all(k in run for k in stamps)


def test_labelled_stamps_without_a_story_line_open_nothing() -> None:
    page = ("Canal strike live\nUpdated\n18.10 BST\nBarges stay moored\nUpdated\n16.25 BST\n"
            "Pickets at the locks\n")
    assert live_run(split_lines(page)) is None


# -- a short line under a standfirst: a list's heading, or a byline -------------------------

SCHEDULE = ("Home\nCounty opens late-night pharmacies in three towns\n"
            "By admin\nPosted on March 2, 2026\n"
            "The county will keep three pharmacies open until midnight this winter, with no "
            "prescription changes needed.\n"
            "Opening hours\n"
            "Eastgate Pharmacy: Mondays, 6pm-12am\n"
            "Mill Lane Pharmacy: Thursdays, 6pm-12am\n"
            "Quay Street Pharmacy: Saturdays, 6pm-12am\n"
            "Officials said the late opening hours would run until the end of March at least, "
            "and longer if demand holds.\n"
            "Pharmacists in the county filled a record number of winter prescriptions last "
            "year, the health board said.\n")


def test_heading_over_a_list_under_the_standfirst_stays() -> None:
    result = clean(SCHEDULE.encode(), id="t")
    assert "Opening hours" in result.text.splitlines()


def test_byline_under_the_standfirst_still_goes() -> None:
    page = ("Harbour Gazette\nCouncil shuts beach kiosks left open over winter\n"
            "Officers closed a dozen kiosks that traders had left standing on the sand since "
            "the autumn, the council said.\n"
            "Ruth Amadi\n"
            "Updated\n"
            "The council began removing the kiosks on Monday after warnings in December.\n"
            "Traders have two weeks to collect their stock from the depot, officers said.\n")
    result = clean(page.encode(), id="t")
    assert "Ruth Amadi" not in result.text.splitlines()


# -- a list's first bullet right under the title ------------------------------------------

ROUNDUP = ("Town news from across the valley\n"
           "• Ashby\n"
           "The village hall reopens on Saturday after a new roof was fitted over the "
           "winter months.\n"
           "• Brook End\n"
           "Parents have raised enough money to resurface the playground by the school "
           "gates this summer.\n"
           "• Colwick\n"
           "The Sunday market moves to the car park while the square is repaved in June.\n")


def test_first_bullet_of_the_story_list_stays() -> None:
    result = clean(ROUNDUP.encode(), id="t")
    assert result.text.splitlines()[0] == "• Ashby"


def test_lone_bullet_label_under_the_title_goes() -> None:
    page = ("Town news from across the valley\n"
            "• Local\n"
            "The village hall reopens on Saturday after a new roof was fitted over the "
            "winter months.\n"
            "The hall committee thanked the builders, who worked through the snow in "
            "January to finish on time.\n")
    result = clean(page.encode(), id="t")
    assert "• Local" not in result.text.splitlines()


# -- a caption printed before the headline needs a headline after it ------------------------

def test_intro_over_a_credit_and_a_list_item_is_no_caption() -> None:
    page = split_lines("The #Daily5: Wednesday's picks\n"
                       "Each morning our editors choose five stories worth your time. Here "
                       "they are.\n"
                       "Ana Ruiz/Harbour Pictures\n"
                       "1) Ferries add a late sailing on Fridays (Harbour Gazette):\n")
    page[2].decide("noise", "caption", "generic-photographer-credit")
    assert not mark_leading_caption(page)
    assert page[1].open


def test_caption_over_a_credit_and_a_headline_goes() -> None:
    page = split_lines("World\n"
                       "Fishing boats wait in the harbour mouth as the storm passes.\n"
                       "Photo: Harbour Pictures\n"
                       "Storm keeps fishing fleet in port for a third day\n")
    page[2].decide("noise", "caption", "generic-photographer-credit")
    assert mark_leading_caption(page)
    assert page[1].fate == "noise"


# -- a briefing's last item under a one-word subhead ----------------------------------------

BRIEFING = ("Top Stories\n\nYour Evening Briefing\n\n2 hrs ago News desk\n\n"
            "Good evening. Here is what happened today, compiled by our news desk.\n\n"
            "Bus fares frozen until spring\n\n"
            "Single bus fares will stay at two pounds until April at least, the mayor said in "
            "a statement today.\n\n"
            "Library hours extended at weekends\n\n"
            "Six libraries will open on Sundays from next month, the council announced after "
            "a consultation.\n\n"
            "Ferry timetable changes from May\n\n"
            "The island ferry will add an early sailing on weekdays from May, the operator "
            "said on Monday.\n\n"
            "Weather\n\n"
            "Cloudy with light rain in the west. Highs of 9C.\n\n"
            "Feedback\nTerms of use\n")


def test_one_word_subhead_of_a_sectioned_briefing_stays() -> None:
    result = clean(BRIEFING.encode(), id="t")
    assert "Weather" in result.text.splitlines()


def test_one_word_line_after_an_unsectioned_story_goes() -> None:
    page = ("Library hours extended at weekends\n\n"
            "Six libraries will open on Sundays from next month, the council announced "
            "after a consultation that drew four thousand replies.\n\n"
            "Staff will be paid overtime for the Sunday shifts, and volunteers will run the "
            "children's corner, the council said.\n\n"
            "Newsletter\n\n"
            "Sign up to get our stories in your inbox every morning.\n")
    result = clean(page.encode(), id="t")
    assert "Newsletter" not in result.text.splitlines()


# -- title evidence ------------------------------------------------------------------------

def test_labelled_fields_are_chrome() -> None:
    assert chrome_shape("Partner: Harbour Weather | Publish date: 3/14") == "fields"
    assert chrome_shape("Source: Valley Courier · Updated: 4 Mar 2026") == "fields"


def test_headlines_with_a_colon_are_no_fields() -> None:
    assert chrome_shape("Ferry strike: what it means for commuters | Analysis") is None
    assert chrome_shape("Mayor: we will not raise fares this year") is None


def test_fields_row_over_the_headline_is_no_title() -> None:
    page = ("Partner: Harbour Weather | Publish date: 3/14\n"
            "Sea fog closes three harbours along the east coast\n"
            "Sea fog closed three harbours along the east coast on Tuesday, and the "
            "coastguard told small boats to stay in port.\n"
            "Harbour masters said the weather should clear by Wednesday afternoon.\n")
    assert clean(page.encode(), id="t").title == (
        "Sea fog closes three harbours along the east coast")


def test_footer_copy_of_a_section_label_neither_doubles_nor_echoes_it() -> None:
    page = ("Regional Wire [Partner Feeds]\n\n"
            "Engineers shut river bridge after finding corroded bolts\n\n"
            "Engineers shut the river bridge on Monday after an inspection found corroded "
            "bolts under the deck, the county said.\n"
            "Drivers face a detour of about ten miles while the bolts are replaced.\n\n"
            "Read More\n\n"
            "Regional Wire [Partner Feeds]\n")
    assert clean(page.encode(), id="t").title == (
        "Engineers shut river bridge after finding corroded bolts")


def test_headline_doubled_in_the_head_still_wins() -> None:
    page = ("Weekend Reads Desk\n\n"
            "Engineers shut river bridge after finding corroded bolts\n\n"
            "Engineers shut river bridge after finding corroded bolts\n\n"
            "Engineers shut the river bridge on Monday after an inspection found corroded "
            "bolts under the deck, the county said.\n"
            "Drivers face a detour of about ten miles while the bolts are replaced.\n")
    assert clean(page.encode(), id="t").title == (
        "Engineers shut river bridge after finding corroded bolts")


def test_later_equal_over_its_dateline_is_the_headline() -> None:
    page = ("Community Board\n\n"
            "Start a New Thread\n\n"
            "Pool opening hours to be cut as heating costs climb\n\n"
            "Original post made on Mar 3, 2026\n\n"
            "The town pool will open two hours later each day from April as heating costs "
            "rise, the leisure trust said.\n"
            "Swimmers said the early sessions, which start at six, were the busiest.\n")
    result = clean(page.encode(), id="t")
    assert result.title == "Pool opening hours to be cut as heating costs climb"


def test_first_line_over_its_own_dateline_keeps_its_place() -> None:
    page = ("Pool opening hours to be cut as heating costs climb\n\n"
            "Mar 3, 2026\n\n"
            "Pool trust says heating costs forced the change\n\n"
            "The town pool will open two hours later each day from April as heating costs "
            "climb, the pool trust said.\n"
            "Swimmers said the early sessions were the busiest of the day.\n")
    result = clean(page.encode(), id="t")
    assert result.title == "Pool opening hours to be cut as heating costs climb"


STANDFIRST_PAGE = ("Notes from around our valley towns\n"
                   "A baker in Ashby sells out of hot cross buns by dawn, a frozen pond in "
                   "Colwick hosts a curling match for charity, and more from the valley\n"
                   "• Ashby\n"
                   "A baker sold out of hot cross buns within an hour of opening on Friday, "
                   "and will bake a second batch each morning.\n"
                   "• Colwick\n"
                   "Forty players took part in a curling match on the frozen pond, raising "
                   "money for the charity food bank.\n")


def test_long_standfirst_under_a_heading_does_not_take_the_title() -> None:
    result = clean(STANDFIRST_PAGE.encode(), id="t")
    assert result.title == "Notes from around our valley towns"


def test_echoed_headline_under_a_short_label_still_wins() -> None:
    page = ("Coverage by outlet\n"
            "Baker sells out of hot cross buns by dawn in Ashby\n"
            "A baker in Ashby sold out of hot cross buns within an hour of opening on Friday, "
            "and will bake a second batch each morning.\n"
            "Customers queued from five in the morning for the buns, the baker said.\n")
    result = clean(page.encode(), id="t")
    assert result.title == "Baker sells out of hot cross buns by dawn in Ashby"


def test_story_by_line_under_the_title_goes() -> None:
    page = ("Sea fog closes three harbours along the east coast\n"
            "Story by Ines Harrow\n"
            "Sea fog closed three harbours along the east coast on Tuesday, and the "
            "coastguard told small boats to stay in port.\n"
            "Harbour masters said the fog should lift by Wednesday afternoon.\n")
    result = clean(page.encode(), id="t")
    # The byline rule reads it first (and gives the author); the head-fragment stage
    # removes it when no rule file does.
    assert _removed(result, "Story by Ines Harrow") in {"generic-byline",
                                                        "generic-head-fragment"}
    assert "Story by" not in result.text


def test_sentence_by_a_writer_under_the_title_stays() -> None:
    page = ("Sea fog closes three harbours along the east coast\n"
            "Fog warnings issued by coastguard for the weekend\n"
            "Sea fog closed three harbours along the east coast on Tuesday, and the "
            "coastguard told small boats to stay in port.\n"
            "Harbour masters said the fog should lift by Wednesday afternoon.\n")
    result = clean(page.encode(), id="t")
    assert _removed(result, "Fog warnings issued by coastguard for the weekend") is None


def test_numbers_line_is_no_title() -> None:
    page = ("7 40.4168 -3.7038 1 0 2500 1 http://gadget-news.example 250\n"
            "Phone batteries that last a week are closer than you think\n"
            "A lab in Leeds says its new cell holds three times the charge of today's phone "
            "batteries, though it is years from shops.\n"
            "The team will publish its results in the spring, a spokesperson said.\n")
    result = clean(page.encode(), id="t")
    assert result.title == "Phone batteries that last a week are closer than you think"


def test_headline_with_figures_is_a_title() -> None:
    page = ("Home\n"
            "2026 budget adds 1,200 school places and 40 buses\n"
            "The 2026 budget adds 1,200 school places and 40 new buses, the council said on "
            "Tuesday after a three-hour debate.\n"
            "The vote passed by 31 votes to 12.\n")
    assert clean(page.encode(), id="t").title == (
        "2026 budget adds 1,200 school places and 40 buses")


def test_lines_under_the_last_card_close_the_block() -> None:
    page = split_lines("Latest from the valley\nFerry fares frozen\nSingle fares stay put.\n"
                       "Library opens Sundays\nSix branches join.\nPool hours cut in April\n"
                       "Older Posts\n")
    for k in (1, 2, 3, 4):
        page[k].decide("related", "related", "x")
    mark_card_headings(page)
    assert page[5].rule == CARD_HEADING and page[6].rule == CARD_HEADING


def test_story_under_the_last_card_is_no_block_footer() -> None:
    page = split_lines("Latest from the valley\nFerry fares frozen\nSingle fares stay put.\n"
                       "Library opens Sundays\nSix branches join.\nPool hours cut in April\n"
                       "The pool will open later each day from April as heating costs climb, "
                       "the leisure trust said on Monday.\n")
    for k in (1, 2, 3, 4):
        page[k].decide("related", "related", "x")
    mark_card_headings(page)
    assert page[5].open and page[6].open


def test_heading_over_cards_is_no_title() -> None:
    page = split_lines("Category / Gadgets\nPhone batteries that last a week\n"
                       "A lab says its cell holds three times the charge.\n"
                       "Scooters recalled over charger faults\nAbout 900 scooters are recalled.\n")
    for k in (1, 2, 3, 4):
        page[k].decide("related", "related", "x")
    assert pick_title(page, find_zones(page), Meta()) is None
    assert page[0].open  # left to the card heading stage


def test_headline_over_its_story_under_a_card_strip_is_the_title() -> None:
    page = split_lines("Ferry fares frozen\nSingle fares stay put.\n"
                       "Sea fog closes three harbours along the east coast\n"
                       "Sea fog closed three harbours along the east coast on Tuesday, and the "
                       "coastguard told small boats to stay in port.\n"
                       "Harbour masters said the weather should clear by Wednesday afternoon, "
                       "and the ferries would sail again.\n")
    for k in (0, 1):
        page[k].decide("related", "related", "x")
    assert pick_title(page, find_zones(page), Meta()) == (
        "Sea fog closes three harbours along the east coast")
