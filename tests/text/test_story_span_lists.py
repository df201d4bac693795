"""Body lines shaped like chrome that sit inside the story's span (round m, samples
520-567): a results table under the last paragraph with the story going on under it, a
digest's numbered items ("1.) ..."), a gallery's slide counters, the digest's name under
a site's notice. Each has a firing and a must-not-fire case. Texts are written for these
tests."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.text.card_lines import Token
from cleaner.text.card_spans import separator_runs
from cleaner.text.listing_shape import read_units
from cleaner.text.tail_chrome import mark_tail_chrome
from cleaner.text.zones import find_zones

STORY = ("A primary school teacher from Westmere won the harbour ten-mile race on Sunday in "
         "her first attempt at the distance, finishing in 52 minutes.\n"
         "Ada Brennan, 31, pulled clear of the leading pack at the lighthouse and crossed the "
         "line on the quay almost a minute ahead of the defending champion.\n")
TABLE = ("Top three, women\n"
         "1. Ada Brennan (Westmere) 52:10\n"
         "2. Ruth Okafor (Eastport) 53:02\n"
         "3. Lena Varga (Westmere) 53:40\n")


def _chrome_fates(text: str) -> dict[str, str]:
    lines = split_lines(text)
    mark_tail_chrome(lines, find_zones(lines))
    return {ln.text: ln.fate for ln in lines if ln.text}


def test_results_table_with_the_story_going_on_under_it_stays() -> None:
    fates = _chrome_fates(STORY + TABLE + "Brennan said she would teach on Monday morning.\n"
                          "Share this:\n")
    assert fates["Top three, women"] == "undecided"
    assert fates["2. Ruth Okafor (Eastport) 53:02"] == "undecided"
    assert fates["Share this:"] == "noise"


@pytest.mark.parametrize("after", [
    "Sign up for race results in your inbox every week.\n",       # a widget's call
    "Property News: Harbour flats draw record bids at auction.\n",  # a labelled promo
    "The committee will publish its budget for the library next week.\n",  # off topic
])
def test_list_under_the_story_without_the_story_going_on_goes(after: str) -> None:
    fates = _chrome_fates(STORY + TABLE + after)
    assert fates["Top three, women"] == "noise"


def test_tags_over_a_statement_go() -> None:
    fates = _chrome_fates(STORY + "Running\nHarbour\nBrennan said she would race again.\n")
    assert fates["Running"] == "noise"


DIGEST = "\n".join([
    "Evening Digest",
    "Top stories today include a court blocking a quarry permit, a cyclist winning damages "
    "and a ban on glass at beaches, and more.",
    "1.) Judge halts quarry permit on the river",
    "A federal judge vacated a permit for the quarry, finding the agency failed to study "
    "effects on trout.",
    "2.) Cyclist wins damages over bike lane crash",
    "A jury found the city liable after a poorly marked barrier forced him into traffic.",
    "3.) Court upholds glass ban at state beaches",
    "The court ruled 5-2 that the parks department acted within its authority.", ""])


def test_digest_numbered_items_are_no_listing() -> None:
    texts = [t for t in DIGEST.splitlines() if t]
    assert read_units(texts) is None
    result = clean(DIGEST)
    assert result.page_kind == "article"
    assert "2.) Cyclist wins damages over bike lane crash" in result.text


def test_unnumbered_headlines_and_teasers_stay_a_listing() -> None:
    texts = [t.split(") ", 1)[-1] for t in DIGEST.splitlines()[2:] if t]
    assert read_units(["World", *texts]) is not None


def test_slide_counter_closes_no_cards() -> None:
    tokens = [Token("T"), Token("P"), Token("R"), Token("T"), Token("P"), Token("R")]
    keys = ["a", "b", "0 of 0", "c", "d", "0 of 0"]
    assert separator_runs(tokens, keys, ["x", "y", "1 of 4", "z", "w", "2 of 4"]) == []
    # the same line on every card closes it ("Read More")
    keys = ["a", "b", "read more", "c", "d", "read more"]
    assert separator_runs(tokens, keys, ["x", "y", "Read More", "z", "w", "Read More"]) \
        == [2, 5]


NOTICE = """Updates to our Privacy Policy

We are updating our Privacy Policy. Please review the changes before you go on to the site.

Monday, June 2, 2025 | Back issues

Evening Digest

""" + DIGEST.split("\n", 2)[1] + """
Sign up for the Evening Digest, a roundup of the day's top stories in your inbox.
""" + DIGEST.split("\n", 2)[2]


def test_digest_name_under_a_site_notice_is_the_title() -> None:
    result = clean(NOTICE)
    assert result.title == "Evening Digest"
    assert "We are updating our Privacy Policy" not in result.text


HOURS = ("Monday to Friday: 9am-5pm\n"
         "Sunday: closed\n")


def test_schedule_under_the_story_closing_sentence_stays() -> None:
    fates = _chrome_fates(STORY + "The cafe on the quay will keep shorter hours at first.\n"
                          + HOURS + "Share\n")
    assert fates["Monday to Friday: 9am-5pm"] == "undecided"
    assert fates["Sunday: closed"] == "undecided"
    assert fates["Share"] == "noise"


def test_two_labelled_lines_of_no_schedule_go() -> None:
    fates = _chrome_fates(STORY + "Source: Harbour Radio\nPhoto: Staff\n")
    assert fates["Source: Harbour Radio"] == "noise"


@pytest.mark.parametrize(("line", "fate"), [
    ("($1 = 0.9412 euros)", "undecided"),   # a wire story's conversion of its figures
    ("(£1 = $1.2710)", "undecided"),
    ("(Video)", "noise"),                   # a label in brackets is chrome
    ("(1 of 4)", "noise"),
])
def test_bracketed_figures_note_under_the_story(line: str, fate: str) -> None:
    assert _chrome_fates(STORY + line + "\nMore for You\n")[line] == fate
