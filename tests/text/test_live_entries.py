"""A live blog's posts between clock stamps stay the story (live_entries): the clocks that
run in one direction after a story line open posts; cards with ages after the story, a
video list's durations and clocks out of order do not. Each guard has a firing and a
must-not-fire case."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.text.live_entries import live_run

HEAD = ("Council budget vote: live updates\n"
        "The council meets tonight to vote on next year's budget, which raises spending on "
        "libraries and buses, its chair said.\n")
POSTS = ("Updated 7:40 PM\n"
         "Vote delayed\n"
         "The vote will now take place after the break.\n"
         "What the budget holds:\n"
         "More money for libraries\n"
         "Two new bus routes\n"
         "Updated 6:55 PM\n"
         "Chair opens the meeting\n"
         "The chair read out the agenda to a full room.\n")
FOOTER = ("View comments (12)\n"
          "More stories\n"
          "Harbour ferry fares rise in spring\n"
          "Local Radio · 3 hours ago\n"
          "Library opens on Sundays\n"
          "Local Radio · 5 hours ago\n")


def test_posts_between_clock_stamps_stay_body() -> None:
    result = clean(HEAD + POSTS + FOOTER)
    body = result.text.splitlines()
    for line in POSTS.splitlines():
        assert line in body
    assert "Harbour ferry fares rise in spring" not in body
    assert all(r.title not in POSTS for r in result.related)


def test_header_clock_under_the_headline_goes() -> None:
    page = HEAD.replace("\n", "\nUpdated 7:40 PM\n", 1) + POSTS + FOOTER
    result = clean(page)
    assert result.text.splitlines()[0].startswith("The council meets tonight")
    assert "Updated 7:40 PM" in result.text  # the first post's own stamp stays


def test_zoned_stamps_stay_with_their_posts() -> None:
    # A stamp heads its post: inside a run of posts it is kept with the post (a stamp kept
    # wrongly leaks one line; one removed wrongly loses body), while the rule still takes
    # a zoned clock that heads no run of posts.
    page = HEAD + POSTS.replace("Updated 7:40 PM", "19.40 GMT").replace(
        "Updated 6:55 PM", "18.55 GMT") + FOOTER
    body = clean(page).text.splitlines()
    assert "19.40 GMT" in body and "18.55 GMT" in body
    assert "Vote delayed" in body and "Two new bus routes" in body
    lone = clean(HEAD.replace("\n", "\n19.40 GMT\n", 1) + FOOTER).text.splitlines()
    assert "19.40 GMT" not in lone


@pytest.mark.parametrize("stamps", [
    ("7:40 PM", "9:05 PM", "6:55 PM"),  # out of order: a schedule, not posts
    ("07:40", "06:55", "05:10"),        # durations: a video list
])
def test_no_run_without_a_clock_sequence(stamps: tuple[str, str, str]) -> None:
    text = HEAD + "".join(f"{s}\nItem {k}\nA line about item {k}.\n" for k, s in enumerate(stamps))
    assert live_run(split_lines(text)) is None


def test_clocks_without_a_story_line_above_open_nothing() -> None:
    text = "Schedule\n7:40 PM\nDoors open\n6:55 PM\nBar opens\n"
    assert live_run(split_lines(text)) is None


def test_run_ends_with_the_last_post() -> None:
    lines = split_lines(HEAD + POSTS + FOOTER)
    run = live_run(lines)
    assert run is not None
    assert lines[run.start].text == "Updated 7:40 PM"
    assert lines[run.stop - 1].text == "The chair read out the agenda to a full room."


def test_card_times_under_their_titles_open_nothing() -> None:
    cards = ("Latest news\nHarbour ferry fares rise in spring\n9:15 PM\n"
             "Fares rise by a tenth from March.\nLibrary opens on Sundays\n8:30 PM\n"
             "The branch will open from noon.\n")
    assert live_run(split_lines(HEAD + cards)) is None


def test_times_closing_cards_after_their_teasers_open_nothing() -> None:
    cards = ("Harbour ferry fares rise in spring\nFares rise by a tenth from March.\n9:15 PM\n"
             "Library opens on Sundays\nThe branch will open from noon.\n8:30 PM\nLoad more\n")
    assert live_run(split_lines(HEAD + cards)) is None


LAST_LIST = ("19.40 GMT\n"
             "Vote delayed\n"
             "The vote will now take place after the break.\n"
             "18.55 GMT\n"
             "Budget published\n"
             "Here are the main points from the published budget:\n"
             "Library hours rise by a fifth.\n"
             "Two bus routes are added in May.\n"
             "Sign up to read this article\n"
             "Related Stories\n"
             "Harbour ferry fares rise in spring\n")


def test_last_post_announcing_a_list_stays_body() -> None:
    # the last post's heading and its ':' line go on with the story, though neither ends
    # as a sentence; the widget and the related list after it stay out
    body = clean(HEAD + LAST_LIST).text.splitlines()
    assert "Budget published" in body
    assert "Here are the main points from the published budget:" in body
    assert "Two bus routes are added in May." in body
    assert "Sign up to read this article" not in body
    assert "Harbour ferry fares rise in spring" not in body


def test_page_heading_with_colon_does_not_extend_the_last_post() -> None:
    page = HEAD + LAST_LIST.replace("Here are the main points from the published budget:",
                                    "Explore what our app can do for you:")
    lines = split_lines(page)
    run = live_run(lines)
    assert run is None or all("Explore" not in ln.text for ln in lines[run.start:run.stop])
