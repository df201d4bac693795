"""Round k guards: story parts shaped like chrome stay inside the story's span, and chrome
shaped like story parts goes (texts written for these tests). Each guard has a firing and
a must-not-fire case."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.text.glued_pairs import glued_pair_cards
from cleaner.text.headline_chrome import chrome_shape
from cleaner.text.repeats import mark_caption_pairs
from cleaner.text.signoffs import mark_signoffs
from cleaner.text.tail_chrome import mark_tail_chrome
from cleaner.text.zones import find_zones

# --- glued "cards" under their own subheads are the story's sections -------------------

SECTION1 = ("Ferry crews finished repairs to the east pier overnight and the first boat is "
            "due to leave at seven, the harbour office said. Passengers were told to allow "
            "extra time at the gate.")
SECTION2 = ("Starting next month, pupils at the Hillcrest Primary School will walk to class "
            "on a new path beside the canal, after the council approved it on Monday night.")
GLUED = ("Harbour council approves new ferry timetable for winter The council voted on "
         "Tuesday to add two sailings a day from November.")
GLUED_B = ("Lifeboat crew rescues walkers cut off by the tide Volunteers reached the pair on "
           "the sandbank an hour before dark, the station said.")


def test_paragraphs_under_their_own_subheads_are_no_glued_cards() -> None:
    texts = ["Morning briefing", "Boats are back", GLUED, "A safer walk to school", GLUED_B]
    assert glued_pair_cards(texts) is None


def test_glued_cards_under_capitals_labels_are_still_cards() -> None:
    texts = ["Morning briefing", "TOP VIEWED", GLUED, "Most liked:", GLUED_B]
    found = glued_pair_cards(texts)
    assert found is not None and found[1] == [2, 4]


def test_newsletter_sections_stay_in_the_body() -> None:
    page = ("Your morning news in three minutes\n\n"
            "Ferry repairs finish, a new school path opens and the lifeboat is busy again.\n"
            "Boats are back\n" + GLUED + "\nA safer walk to school\n" + GLUED_B + "\n"
            "Real quick\nThe library extends its Saturday hours from next week.\n"
            "A new bakery opened on the quay on Friday.\n")
    result = clean(page)
    assert "Boats are back" in result.text.splitlines()
    assert GLUED_B in result.text.splitlines()
    assert result.related == ()


# --- a two-line fact box that the story names ---------------------------------------

REPORT = ("Northgate beat Westfield by four wickets on the final day, chasing 301 with an "
          "over to spare, after Westfield declared on their overnight score.\n"
          "The win lifts Northgate to second in the table, eleven points behind the leaders, "
          "with two rounds left to play.\n")


def _tail_fates(text: str) -> dict[str, str]:
    lines = split_lines(text)
    mark_tail_chrome(lines, find_zones(lines))
    return {ln.text: ln.fate for ln in lines if ln.text}


def test_scorecard_of_the_teams_the_story_names_stays() -> None:
    fates = _tail_fates(REPORT + "Scorecard\nNorthgate: 301 for six\nWestfield: 288 and 240\n")
    assert fates["Northgate: 301 for six"] == "undecided"
    assert fates["Scorecard"] == "undecided"


def test_two_labelled_lines_the_story_does_not_name_go() -> None:
    fates = _tail_fates(REPORT + "Tickets: 12 pounds online\nParking: 3 hours free\n")
    assert fates["Tickets: 12 pounds online"] == "noise"


# --- the page's story printed as the first card -------------------------------------

STORY = ("Crews fighting a grass fire north of the valley made strong progress on Tuesday as "
         "the wind dropped, officials said, and most of the 2,000 people told to leave their "
         "homes were allowed back by the evening. The fire had burned about 3,000 acres and "
         "was half contained by nightfall, up from a tenth the day before.")
STORY2 = ("\"It was a good day for us,\" a fire service spokesman said. Two sheds were "
          "destroyed and one firefighter was treated for heat exhaustion, and the road over "
          "the pass stays shut.")


def test_feed_item_keeps_its_headline_and_second_paragraph() -> None:
    page = ("Skip directly to content\n\nRegional News [External Sources]\n\n"
            "Crews gain ground on valley grass fire as wind drops\n\n"
            "Valley Feed - June 3, 2024 - 6:12pm\n\n" + STORY + "\n" + STORY2 + "\n\n"
            "Power cut to 5,000 homes as fire risk rises\n\nValley Feed - June 3, 2024 - 5:40pm\n\n"
            "Council sets date for budget vote on schools\n\nValley Feed - June 3, 2024 - 4:58pm\n")
    result = clean(page)
    assert result.title == "Crews gain ground on valley grass fire as wind drops"
    assert result.text.splitlines()[:2] == [STORY, STORY2]


def test_a_bulleted_first_card_is_no_story() -> None:
    long = "  • " + STORY + " " + STORY2
    page = (f"Trending Now\n{long}\n\n    Read More »from Crews gain ground on grass fire\n"
            "  • Commuters got a free concert at the station on Monday morning when a band "
            "that missed its coach played for an hour on the concourse.\n\n"
            "    Read More »from Stranded band plays at the station\n"
            "  • A dog lost on a camping trip was found three weeks later by the campsite, "
            "thinner but healthy, rangers said.\n\n"
            "    Read More »from Lost dog found at the campsite\n")
    result = clean(page)
    assert result.page_kind == "listing"
    assert result.text == ""


def test_paragraph_ending_in_a_glued_credit_stays() -> None:
    page = ("Crews gain ground on valley grass fire as wind drops\n\n"
            + STORY + " Firefighters on a ridge above the valley  Credit: Ana Ruiz/AP\n"
            + STORY2 + "\n")
    result = clean(page)
    assert result.text.splitlines()[0].endswith("Credit: Ana Ruiz/AP")


def test_a_caption_with_its_glued_credit_still_goes() -> None:
    page = ("Crews gain ground on valley grass fire as wind drops\n\n" + STORY + "\n"
            "Firefighters on a ridge above the valleyCredit: Getty\n" + STORY2 + "\n")
    result = clean(page)
    assert "Firefighters on a ridge above the valleyCredit: Getty" not in result.text


# --- tail chrome once more when the last paragraph was a closing note ---------------

BRIDGE = ("The Mill Road bridge has been closed after inspectors found cracks in two of its "
          "beams, and drivers face a detour of about half an hour, the council said.\n"
          "The council said engineers would decide next week whether the bridge can reopen "
          "to cars while repairs go on.\n")
DISCLAIMER = ("Disclaimer: The views and comments expressed in this article are from our "
              "community and do not represent the opinions of this site.\n")


def test_hashtags_and_counters_before_a_closing_note_go() -> None:
    result = clean("Bridge closure leaves drivers facing long detour\n\n" + BRIDGE
                   + "#MillRoad #BridgeClosure #Traffic\n14\nLike\n" + DISCLAIMER)
    kept = result.text.splitlines()
    assert "14" not in kept and "Like" not in kept
    assert "#MillRoad #BridgeClosure #Traffic" not in kept


def test_a_list_before_a_closing_sentence_stays() -> None:
    result = clean("Bridge closure leaves drivers facing long detour\n\n" + BRIDGE
                   + "What drivers need:\n- A map of the detour\n- Extra time\n"
                   "Updates will be posted on the council website every morning.\n"
                   + DISCLAIMER)
    assert "- Extra time" in result.text.splitlines()


# --- titles and head lines ------------------------------------------------------------

@pytest.mark.parametrize(("text", "shape"), [
    ("BLINDSPOT FOR THE LEFT left arrows eye with a bar through it", "caps-label"),
    ("NASA TV coverage begins at dawn for the launch", None),
    ("STORM HITS COAST AS THOUSANDS LOSE POWER", None),
])
def test_capitals_label_glued_to_alt_text(text: str, shape: str | None) -> None:
    assert chrome_shape(text) == shape


def test_byline_and_yearless_date_under_the_title_go() -> None:
    result = clean("The Daily Five: a storm turns north and more\n\nNews Desk Editors\n"
                   "Thu, Oct 2\n\nEach weekday our editors pick five stories you should "
                   "read today, and here are the five for Thursday.\n"
                   "The storm turned north overnight and is expected to pass well east of "
                   "the islands on Friday, forecasters said.\n")
    kept = result.text.splitlines()
    assert "News Desk Editors" not in kept and "Thu, Oct 2" not in kept
    assert kept[0].startswith("Each weekday")


def test_caption_printed_twice_on_one_line_goes() -> None:
    text = "© PA Flood barriers on the river at dawn © PA Flood barriers on the river at dawn"
    lines = split_lines("Rain warning for the north\n" + text + "\n")
    mark_caption_pairs(lines)
    assert lines[1].fate == "noise"


def test_a_name_printed_twice_is_left_to_the_source_stage() -> None:
    lines = split_lines("The Herald The Herald\n")
    mark_caption_pairs(lines)
    assert lines[0].fate == "undecided"


def test_recurring_credit_lines_of_fields_go_and_a_single_one_stays() -> None:
    page = ("Cold snap\nReaders followed the cold snap all month long.\n"
            "Partner: Weather Desk | Publish date: 2/9\nBig game\n"
            "Fans followed the final as it went to extra time.\n"
            "Partner: Sports Wire | Publish date: 2/12\n")
    lines = split_lines(page)
    mark_signoffs(lines, "Cold snap")
    assert [ln.fate for ln in lines if ln.text.startswith("Partner")] == ["noise", "noise"]
    once = split_lines("Pancakes\nPrep time: 10 min | Cook time: 20 min\nMix the flour.\n")
    mark_signoffs(once, "Pancakes")
    assert once[1].fate == "undecided"


def test_byline_going_on_after_a_bar_is_metadata() -> None:
    result = clean("Library gets back a book 60 years late\n\nBy Ann Lee | Odd News – Tue, Mar 4, "
                   "2014 9:12 AM EDT\n\n" + BRIDGE)
    assert result.author == "Ann Lee"
    assert not result.text.startswith("By Ann Lee")


@pytest.mark.parametrize("closer", ["Continue reading...", "Continue reading…"])
def test_continue_reading_with_dots_is_a_link(closer: str) -> None:
    result = clean("Bridge closure leaves drivers facing long detour\n\n" + BRIDGE + closer + "\n")
    assert closer not in result.text.splitlines()


# --- a closing box under the story's closing credit, in any wording -------------------

PRACTICE = ("Local driver Ana Ruiz topped a wet second practice on Friday, as several cars "
            "spun off on the final corner in changing conditions.\n"
            "Forecasters expect more showers on Saturday, when qualifying starts at three.\n")
CARD_A = ("Team bosses deny any talk of team orders\nBoth drivers said on Friday that their "
          "team had not asked either of them to give way in the race.\n")
CARD_B = ("Rookie handed grid penalty for new gearbox\nThe rookie will start five places "
          "lower than he qualifies after his team changed the gearbox.\n")


def test_heading_under_the_closing_credit_opens_a_box() -> None:
    result = clean("Ruiz tops wet practice as cars spin off\n\n" + PRACTICE
                   + "© Press Agency\nLatest stories\n" + CARD_A + CARD_B)
    assert [r.title for r in result.related] == ["Team bosses deny any talk of team orders",
                                                 "Rookie handed grid penalty for new gearbox"]
    assert "Latest stories" not in result.text


def test_one_card_under_an_unnamed_heading_stays() -> None:
    result = clean("Ruiz tops wet practice as cars spin off\n\n" + PRACTICE
                   + "© Press Agency\nLatest stories\n" + CARD_A)
    assert result.related == ()
