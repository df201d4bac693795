"""A listing known by its shape, headline-and-teaser units with no story around them
(cleaner/text/listing_shape.py), against the articles that look like one at first sight:
a briefing, a papers review, an explainer with subheads, a story over related teasers."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.text.listing_shape import read_units

STORIES = [
    ("Council delays vote on downtown parking garage plan",
     "Aldermen put off a decision on the garage after engineers said repairs would cost "
     "twice the spring estimate."),
    ("Two lanes of the river parkway close for resurfacing",
     "Drivers should expect delays between the avenues while crews work overnight through "
     "Friday, the city said."),
    ("Food pantry sees record demand as winter sets in",
     "The pantry served 1,900 households last month, up a third on a year earlier, and "
     "its shelves are empty by noon."),
    ("Volunteers count record number of seal pups on the estuary",
     "Surveyors counted 412 pups over two days, the highest figure since counts began in "
     "the nineteen-nineties."),
]


def _units(caption: bool = False, tag: bool = False) -> str:
    out = []
    for n, (title, teaser) in enumerate(STORIES):
        if caption:
            out.append(f"A picture of story {n} on the quay (Jo Reyes/PA)")
        out += [title, "", teaser]
        if tag:
            out.append("Local News")
        out.append("")
    return "\n".join(out)


@pytest.mark.parametrize("page", [
    "UK News\n\n" + _units(caption=True),                        # a section, captions
    "@citydesk | City Streets\n\n" + _units(tag=True),          # a magazine, topic tags
    "Archive\n2025\nBrowsing\n\n" + _units() + "\nLoad More\n",  # an archive, bare units
    ("Stay up to date with the latest local news from the city and the county, updated "
     "around the clock.\n\n" + _units()),                        # a description on top
])
def test_headline_and_teaser_units_are_a_listing(page: str) -> None:
    result = clean(page)
    assert result.page_kind == "listing"
    assert result.title is None and result.text == ""
    assert [(r.title, r.teaser) for r in result.related] == STORIES


LEAD = ("The Leeward Street bridge will stay closed for two more weeks after inspectors "
        "found cracks in the deck during repairs, the city said on Tuesday.")


@pytest.mark.parametrize("head", [
    "Your Evening Briefing\n\n2 hours ago News desk\n\n"
    "Good evening. Here is what you need to know at the end of the day.\n\n",
    "Tonight's papers: Council delays garage vote and parkway lanes close\n\n",
    f"Bridge to stay shut for two more weeks after cracks found\n\n{LEAD}\n"
    f"{LEAD.replace('two', 'three')}\n\n",
    f"Bridge to stay shut for two more weeks after cracks found\n\n{LEAD[:100]}.\n\n"
    "More from the city desk\n\n",
])
def test_a_story_over_units_stays_an_article(head: str) -> None:
    """A briefing (its date line over the intro), a papers review (its headline sums up
    the first item), a story whose related teasers follow it (longer than they are, or
    under a heading of their own)."""
    result = clean(head + _units())
    assert result.page_kind == "article"
    assert result.title is not None


def test_an_explainer_with_subheads_stays_an_article() -> None:
    page = "\n\n".join([
        "Bridge closure: what drivers need to know", LEAD,
        "Corrosion found in the beams",
        "Engineers found corrosion in two of the steel beams under the eastbound lanes "
        "during a routine check in March.",
        "Detours add ten minutes",
        "Traffic is being sent along Harbour Road and the ring road, which adds about ten "
        "minutes at peak times.",
        "Reopening expected this month",
        "The council expects the repairs to be finished by the end of the month if the "
        "weather holds."])
    result = clean(page)
    assert result.page_kind == "article"
    assert LEAD in result.text.splitlines()


@pytest.mark.parametrize(("texts", "heads"), [
    # three paragraphs in a row are a story's body
    (["Dam repairs delayed again in the valley this spring", LEAD, LEAD + " Again.",
      LEAD + " Once more.", "Ferry fares rise for island residents from April",
      "Islanders will pay four per cent more from April, the operator said today."], None),
    # snippets cut short are each a search result's, however many follow a headline
    (["Heat pump grant raised as take-up lags behind the targets",
      "Households will be able to claim more towards the cost of a heat pump from ...",
      "Installers say demand has picked up since the grant was increased, but many ...",
      "Are heat pumps really cheaper to run than a gas boiler",
      "We monitored the bills of six homes over a full winter to find out whether ...",
      "Warning over rogue installers as heat pump demand rises",
      "Trading standards officers have warned homeowners to check installers are ..."],
     [0, 3, 5]),
    # numbered sections are a story's
    (["1. What the studies found in the schools", LEAD,
      "2. What remains unclear after a year", LEAD + " Again.",
      "3. What the ministers want to do next", LEAD + " More."], None),
])
def test_read_units(texts: list[str], heads: list[int] | None) -> None:
    units = read_units(texts)
    assert (None if units is None else [u.head for u in units]) == heads


def test_live_blog_posts_of_two_paragraphs_stay_an_article() -> None:
    posts = "".join(f"Updated\n\n{title}\n{teaser}\n{LEAD}\n\n" for title, teaser in STORIES)
    result = clean(f"Council budget day: live updates\n{LEAD}\n\n{posts}")
    assert result.page_kind == "article"
    assert LEAD in result.text.splitlines()


def test_an_interview_stays_an_article() -> None:
    answer = ("We started with a single van and a list of twenty households, and within a "
              "month the list had grown to two hundred.")
    page = "\n\n".join([
        "Meet the volunteer who feeds half the town on a Sunday", LEAD,
        "How did the food round first get started in the town?", answer,
        "What has been the hardest part of running it every week?", answer + " Again.",
        "What would you say to people thinking of helping out?", answer + " Once more."])
    result = clean(page)
    assert result.page_kind == "article"
    assert answer in result.text.splitlines()


def _fielded(stories: list[tuple[str, str]], label: str) -> str:
    """Cards of a template with a field: headline, tag glued to a mood, summary, and a
    second paragraph opening with the same label in every card."""
    return "\n".join(f"{title}\nneutralLocal\n{teaser}\n{label}: the change matters to "
                     f"commuters and shop owners along the route this winter."
                     for title, teaser in stories)


def test_two_cards_with_a_shared_field_are_a_listing() -> None:
    """Two units are an article with a subhead as often, but a later paragraph opening
    with the same label in each is a card template's field; the topic box over them
    (heading, age, summary) is the listing's chrome."""
    page = ("Trending\n\nCity Roadworksin Top Stories\nUpdated an hour ago\n\n"
            "Roadworks across the city centre enter their third week, with more closures "
            "announced for the river crossings.\n\nTop Stories\n"
            + _fielded(STORIES[:2], "What it means"))
    result = clean(page)
    assert result.page_kind == "listing"
    assert [r.title for r in result.related] == [t for t, _ in STORIES[:2]]


def test_sections_without_a_shared_field_stay_an_article() -> None:
    """Two sections of two paragraphs whose second paragraphs open with different labels:
    a story's, not a template's."""
    page = "\n".join([
        "Bridge closure: what drivers need to know", LEAD,
        STORIES[0][0], STORIES[0][1], "Why now: the beams failed their spring check.",
        STORIES[1][0], STORIES[1][1], "What next: the council meets again on Friday."])
    assert clean(page).page_kind == "article"


def test_a_featured_card_over_labelled_cards_is_a_listing() -> None:
    """The card readers find the cards under a recurring label; a unit of the same shape
    under a label of its own over them is the listing's first card, not a story."""
    places = ["Harbour Road, Portree, Isle of Skye", "Main Street, Galway, Ireland",
              "Quay Side, Bergen, Norway"]
    cards = [f"{label}\n\n{title}\n\n{place}\n\n{teaser}\n"
             for label, (title, teaser), place in zip(
                 ["Featured Story", "Latest Update", "Latest Update"], STORIES, places)]
    result = clean("\n".join(cards))
    assert result.page_kind == "listing"
    assert {r.title for r in result.related} == {t for t, _ in STORIES[:3]}


@pytest.mark.parametrize(("text", "names"), [
    ("Harbour Road, Stornoway, Isle of Lewis, UK", True),
    ("Gauteng, South Africa", True),
    ("Rome, Italy vote on the bridge", False),
    ("Council delays vote on downtown parking garage plan", False),
])
def test_a_place_line_is_no_headline(text: str, names: bool) -> None:
    from cleaner.text.label_lines import is_name_list
    assert is_name_list(text) is names


def test_a_story_over_labelled_cards_stays_an_article() -> None:
    """A kicker, a headline and a story's two paragraphs over the same cards: the story is
    longer than any card, so the page is an article with related cards."""
    cards = [f"Latest Update\n\n{title}\n\nMain Street, Galway, Ireland\n\n{teaser}\n"
             for title, teaser in STORIES[1:]]
    page = (f"World\n\nBridge to stay shut for two more weeks after cracks found\n\n{LEAD}\n\n"
            f"{LEAD.replace('two', 'three')}\n\n" + "\n".join(cards))
    result = clean(page)
    assert result.page_kind == "article"
    assert LEAD in result.text.splitlines()


def test_a_result_the_card_readers_missed_after_their_cards_is_a_listing() -> None:
    """A topic's search results under a label that lists its terms: the readers take the
    results with an "on MSN" source line, the last one's line is left open; the page is a
    listing, the label its chrome."""
    page = "\n".join([
        "Harbour dredging, ferry fares and island transport",
        "Digest more",
        "3don MSN",
        "Ferry fares rise for island residents from April",
        "Islanders will pay four per cent more from April, the operator said on Monday.",
        "11hon MSN",
        "Harbour dredging finishes a week ahead of schedule",
        "Dredgers cleared the channel early and sailings return to the full timetable ...",
        "Island Times on MSN",
        "Council weighs a new bus link to the ferry terminal",
        "A consultation on the route opens next month, with three options on the table ...",
    ])
    result = clean(page)
    assert result.page_kind == "listing"
    assert "Council weighs a new bus link to the ferry terminal" in {
        r.title for r in result.related}


@pytest.mark.parametrize(("text", "listed"), [
    ("Four-day week, small business and productivity", True),
    ("Tropical Storm Ida, Gulf Coast and Florida Panhandle", True),
    ("Rome, Paris and Berlin agree to share the cost of a new rail link", False),
    ("Council and unions agree on a pay deal", False),
])
def test_an_enumeration_is_a_topic_label(text: str, listed: bool) -> None:
    from cleaner.text.label_lines import is_enumeration
    assert is_enumeration(text) is listed
