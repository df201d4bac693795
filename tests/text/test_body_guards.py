"""Guards that keep body text the shape stages used to take (hold-out 6): a fact box after
the story, an appeal sentence glued to the first paragraph, and a story printed as the
first of a run of same-shaped cards. Each has a firing and a must-not-fire case."""

from __future__ import annotations

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.text.appeals import mark_appeals
from cleaner.text.card_story import story_card
from cleaner.text.tail_chrome import mark_tail_chrome
from cleaner.text.zones import find_zones

STORY = ("The harbour trust opened its new ferry pier on Monday after two years of work on "
         "the old stone quay, and the first boat left it at seven in the morning.\n"
         "Crews rebuilt the deck on steel piles and widened the ramp for wheelchairs, the "
         "trust said, and the old waiting room will become a cafe next spring.\n")
BOX = "The figures\nLength: 84 metres\nCost: 12 million pounds\nBerths: 3\nOpened: Monday\n"


def _fates(text: str) -> dict[str, str]:
    lines = split_lines(text)
    mark_tail_chrome(lines, find_zones(lines))
    return {ln.text: ln.fate for ln in lines if ln.text}


def test_fact_box_after_the_story_stays() -> None:
    fates = _fates(STORY + BOX)
    assert fates["Length: 84 metres"] == "undecided"
    assert fates["The figures"] == "undecided"


def test_fact_box_after_other_chrome_goes() -> None:
    fates = _fates(STORY + "Share this\n" + BOX)
    assert fates["Length: 84 metres"] == "noise"


def test_tag_labels_are_no_fact_box() -> None:
    fates = _fates(STORY + "Tags: Ferry\nTopics: Harbour\nSection: Local\n")
    assert fates["Tags: Ferry"] == "noise"


APPEAL = "We rely on readers like you to support our reporting. Your donation helps us.\n"
GLUED = ("Your support makes all the difference.The harbour trust opened its new ferry pier"
         " on Monday after two years of building work on the old stone quay.\n")


def test_glued_story_line_stays() -> None:
    lines = split_lines(APPEAL + GLUED)
    mark_appeals(lines)
    assert [ln.fate for ln in lines if ln.text] == ["noise", "undecided"]


def test_glued_appeal_line_goes() -> None:
    lines = split_lines(APPEAL + "Thank you.Your support keeps our newsroom going, and "
                        "every gift to us, large or small, funds the reporting you read.\n")
    mark_appeals(lines)
    assert [ln.fate for ln in lines if ln.text] == ["noise", "noise"]


PARA = ("The weather service upgraded its heat watch to a warning for the whole valley, in "
        "effect from Thursday morning until Friday night, with highs near 115 degrees. "
        "Officials urged residents to check on neighbours, to drink water and to stay "
        "indoors in the afternoon, and said cooling centres would open early.\n")


def _card(n: int) -> str:
    return (f"Town {n} pool reopens after a lifeguard shortage\nThe city pool that closed "
            f"for two weeks reopened on Monday after the city raised pay for guards {n}.\n")


def test_story_heading_cards_stays() -> None:
    page = "Heat warning issued for the valley through Friday\n" + PARA + "".join(
        _card(n) for n in range(1, 5))
    result = clean(page)
    assert "The weather service upgraded" in result.text
    assert result.page_kind != "listing"
    assert len(result.related) == 4


def test_listing_of_even_cards_stays_a_listing() -> None:
    lines = split_lines("".join(_card(n) for n in range(1, 6)))
    assert story_card(lines, tuple(range(len(lines)))) == []
