"""A listing's heading and description above its cards against a short article followed by
related cards (cleaner/text/listing_intro.py), and the other round-3 text stages on small pages."""

from __future__ import annotations

import pytest

from cleaner import clean

CARDS = "".join(
    f"Outlet {n} · {n + 1}h\n{title}\n{teaser}\n\n" for n, (title, teaser) in enumerate([
        ("Council delays vote on downtown parking garage", "Aldermen put off a decision on "
         "the garage after engineers said repairs would cost twice the spring figure."),
        ("Two lanes of the parkway close for resurfacing", "Drivers should expect delays "
         "between the avenues while crews work overnight through Friday, the city said."),
        ("Food pantry sees record demand this winter", "The pantry served 1,900 households "
         "last month, up a third on a year earlier, and the shelves empty by noon."),
    ], 1))
DESCRIPTION = ("Stay up to date with the latest local news in Springfield, from city hall and "
               "the schools to traffic and weather.")
LEAD = ("The Leeward Street bridge will stay closed for two more weeks after inspectors found "
        "cracks in the deck during repairs, the city said on Tuesday.")


@pytest.mark.parametrize(("head", "kind"), [
    (f"Springfield Local News\n{DESCRIPTION}\n\n", "listing"),        # a label over it
    (f"Latest news in Springfield\n{DESCRIPTION}\n\n", "listing"),    # restated heading
    (f"{DESCRIPTION}\n\n", "listing"),                                # no heading at all
    (f"Bridge closure extended after cracks found in deck\n{LEAD}\n\n", "article"),
    (f"Metro Wire\nBy Omar Haddad\n{LEAD}\n\n", "article"),           # a byline over it
    (f"Bridge closure extended\n{LEAD}\n{LEAD.replace('two', 'three')}\n\n", "article"),
])
def test_listing_intro_or_short_story(head: str, kind: str) -> None:
    result = clean(head + CARDS)
    assert len(result.related) == 3
    assert result.page_kind == kind
    if kind == "article":
        assert LEAD in result.text.splitlines()


def test_live_blog_entry_heading_stays_after_stamps() -> None:
    page = ("Ministers face backbench revolt over planning bill – politics live\n\n"
            "Key events\nShow key events only\n\n14.52 BST\n\nAfternoon summary\n\n"
            f"{LEAD}\n{LEAD.replace('two', 'three')}\n\n14.20 BST\n\n{LEAD.replace('two', 'four')}")
    result = clean(page)
    assert result.title.startswith("Ministers face")
    assert result.text.splitlines()[0] == "Afternoon summary"
    assert {r.rule for r in result.removed} >= {"generic-live-widget", "generic-live-stamp"}


def test_caption_beside_a_lone_credit_before_the_headline() -> None:
    caption = "Commuters wait on a crowded platform at the station during the signal failure."
    result = clean(f"Photo: Getty Images\n{caption}\nRail passengers face a week of delays\n"
                   f"{LEAD}\n{LEAD.replace('two', 'three')}")
    assert result.title == "Rail passengers face a week of delays"
    assert caption not in result.text


def test_headlines_broken_over_two_lines_are_one_title() -> None:
    cards = "".join(f"{a}\n{b}\n{d} March 2025\n{LEAD}\nRead more\n" for a, b, d in [
        ("Council approves £4m plan", "to dredge the inner harbour", 12),
        ("Fishermen warn dredging", "will disturb spawning grounds", 11),
        ("Dredging contract goes", "to Dutch firm after tender", 9)])
    result = clean("Inner harbour dredging\n" + cards)
    assert [r.title for r in result.related] == [
        "Council approves £4m plan to dredge the inner harbour",
        "Fishermen warn dredging will disturb spawning grounds",
        "Dredging contract goes to Dutch firm after tender"]


def test_closing_notes_after_the_cards_leave_a_listing() -> None:
    """A disclaimer or a sign-up note after the last card is the listing's, not a story
    (a NewsBreak-like digest: each card one line closed by "Read more")."""
    cards = "".join(f"{label}\n\n{title} {teaser} Read more\n\n" for label, (title, teaser)
                    in zip(["LATEST NEWS", "TOP VIEWED", "TOP LIKED"], [
                        ("Council delays vote on downtown parking garage", "Aldermen put off "
                         "a decision after engineers said repairs would cost twice as much."),
                        ("Two lanes of the parkway close for resurfacing", "Drivers should "
                         "expect delays while crews work overnight through Friday."),
                        ("Food pantry sees record demand this winter", "The pantry served "
                         "1,900 households last month, up a third on a year earlier.")]))
    notes = ("Sign up for notifications here as news continues to update. To read more "
             "stories, click here.\n\nDisclaimer: The views expressed in these stories are "
             "their authors' and do not represent the opinions of this site.\n")
    result = clean(f"{DESCRIPTION}\n\n{cards}{notes}")
    assert result.page_kind == "listing" and result.text == ""
    assert len(result.related) == 3
    assert sum(r.rule == "generic-edge-note" for r in result.removed) == 2
