"""Round n's shapes (samples 568-615): a roundup whose headline names its cards, a briefing
under a browser notice, a key-facts list under the story, a card whose long outlet its
bullet names, bulleted headlines on a topic page."""

from __future__ import annotations

import doctest

from cleaner import clean
from cleaner.core.lines import split_lines
from cleaner.core.records import Related
from cleaner.text import label_lines
from cleaner.text.roundup import ROUNDUP, reopen_roundup

ITEMS = [
    ("Harbour Town Opens Library in Old Fish Market",
     "The harbour town of Westmere opened a public library in its old fish market on "
     "Saturday, the first new library in the county for fifty years."),
    ("Ferry Fares Rise for Island Commuters in Spring",
     "Island commuters will pay four per cent more for ferry tickets from April, the "
     "operator said, blaming fuel costs and a new crew agreement."),
    ("Robotics Club Wins National Schools Prize",
     "A robotics club from Kelso high school won the national schools prize on Friday "
     "with a machine that sorts plastic waste for recycling."),
]


def _cards(heading: str) -> str:
    body = "\n".join(f"{title}\n{teaser}\nREAD MORE" for title, teaser in ITEMS)
    return f"{heading}\n{body}"


def test_label_lines_doctests():
    assert doctest.testmod(label_lines).failed == 0


def test_a_headline_naming_its_cards_makes_a_roundup_article():
    heading = ("Evening Digest: Harbour Town Opens Library, Ferry Fares Rise and Other "
               "Top Stories")
    result = clean(_cards(heading))
    assert result.page_kind == "article" and result.title == heading
    assert ITEMS[2][1] in result.text and ITEMS[0][0] in result.text
    assert "READ MORE" not in result.text and not result.related


def test_a_heading_naming_no_card_leaves_a_listing():
    result = clean(_cards("Latest news from the coast and the islands"))
    assert result.page_kind == "listing"
    assert len(result.related) == 3


def test_a_topic_shared_by_all_cards_names_none_of_them():
    lines = split_lines("Harbour town news today\nHarbour town library opens\nA teaser.\n"
                        "Harbour town ferry fares rise\nAnother teaser.")
    for ln in lines[1:]:
        ln.decide("related", "related", "generic-card-shape")
    related = [Related("Harbour town library opens"), Related("Harbour town ferry fares rise")]
    assert reopen_roundup(lines, related) == related
    assert all(ln.fate == "related" for ln in lines[1:])


def test_reopen_roundup_repeated_link_is_chrome():
    lines = split_lines(_cards("Evening Digest: Harbour Town Opens Library, Ferry Fares "
                               "Rise and Other Top Stories"))
    for ln in lines[1:]:
        ln.decide("related", "related", "generic-card-shape")
    assert reopen_roundup(lines, [Related(t, teaser=x) for t, x in ITEMS]) == []
    assert {ln.rule for ln in lines if ln.text == "READ MORE"} == {ROUNDUP}
    assert all(ln.open for ln in lines[1:] if ln.text != "READ MORE")


BRIEFING = (
    "You are using an older browser version. Please use a supported version for the best "
    "experience on this site.\n"
    "Top Stories\nYour Evening Briefing\n5 hours ago News desk\n"
    "Good evening. Here is what you need to know tonight.\n"
    "Council to freeze parking charges for every town centre\n"
    "© PA The town hall on a wet afternoon\n"
    "Parking charges in every town centre will be frozen for a year under the council's "
    "budget, the finance chief confirmed on Tuesday. (Harbour Times)\n"
    "Key facts: what the budget includes\nParking: frozen for a year\n"
    "Libraries: open on Sundays\n"
    "Harbour hospital opens new maternity unit\n"
    "Harbour hospital has opened its new maternity unit, which has twice the floor space "
    "of the old one and eight more beds. (Coast Radio)\n"
    "Rowing club names crew for the autumn regatta\n"
    "The rowing club has named two newcomers in an eight-strong crew for the autumn "
    "regatta on the estuary next month. (Harbour Times)")


def test_a_briefing_under_a_notice_keeps_its_title_and_items():
    result = clean(BRIEFING)
    assert result.title == "Your Evening Briefing"
    assert "Harbour hospital opens new maternity unit" in result.text
    assert "Rowing club names crew for the autumn regatta" in result.text
    assert not result.related
    assert "© PA The town hall" not in result.text
    assert "older browser" not in result.text


def test_a_key_facts_list_under_the_story_stays():
    page = ("Westmere launches rent index to help tenants\n"
            "Westmere has launched an online rent index that lets tenants compare what they "
            "pay with average rents in their district, the council said on Monday.\n"
            "The rent index covers 14 districts and is updated every three months from "
            "registered tenancy contracts.\n"
            "How the Westmere rent index works\n"
            "- Enter the district and the number of bedrooms\n"
            "- Compare your rent with the district average\n"
            "While you're here\nHarbour town opens its first public library in fifty years\n"
            "Ferry fares to rise for island commuters in spring")
    text = clean(page).text
    assert "How the Westmere rent index works" in text
    assert "- Compare your rent with the district average" in text
    # a related list under a heading that names nothing of the story goes
    assert "While you're here" not in text


def test_a_bulleted_list_under_an_unrelated_heading_is_chrome():
    page = ("Westmere launches rent index to help tenants\n"
            "Westmere has launched an online rent index that lets tenants compare what they "
            "pay with average rents in their district, the council said on Monday.\n"
            "The rent index covers 14 districts and is updated every three months from "
            "registered tenancy contracts.\n"
            "Trending this week\n"
            "- Ferry fares to rise for island commuters\n"
            "- School wins national robotics prize")
    assert "Trending this week" not in clean(page).text


def test_bulleted_headlines_over_teasers_are_a_topic_listing():
    stories = [
        ("Lagoon ferry capsizes near the harbour, 11 rescued",
         "Marine police and volunteers rescued 11 passengers after a commuter boat capsized "
         "near the harbour on Thursday evening."),
        ("Film studio signs streaming deal for six new films",
         "A production company has signed a deal with a global streaming service for six "
         "feature films to be shot next year."),
        ("Power grid collapses again, leaving the region in darkness",
         "The national electricity grid collapsed on Sunday for the fourth time this year, "
         "the grid operator said in a statement."),
    ]
    page = "harbour\n" + "\n".join(f"• {h}\n{t}" for h, t in stories)
    result = clean(page)
    assert result.page_kind == "listing"
    assert [r.title for r in result.related] == [h for h, _ in stories]


def test_glued_closers_take_the_headline_over_each_post():
    from cleaner.text.glued_closers import glued_closer_cards
    texts = ["Blog Posts by A Writer",
             "• Stray dog completes half-marathon, gets a medal",
             "Runners in a small town had an unexpected companion on Sunday morning.",
             "Read More »from Stray dog completes half-marathon, gets a medal",
             "• Library book returned 63 years late, with a note",
             "Read More »from Library book returned 63 years late, with a note"]
    found = glued_closer_cards(texts)
    assert found is not None
    items, used = found
    assert [it.teaser for it in items] == [texts[2], None]
    assert used == [1, 2, 3, 4, 5]


def test_a_section_description_enumerating_topics_is_no_headline():
    from cleaner.text.listing import _headline_like
    assert not _headline_like("Local breaking news, traffic and weather, live updates and "
                              "information")
    assert _headline_like("Rome, Paris and Berlin agree to share the cost of a new rail link")


def test_an_outlet_quoted_by_a_credit_is_no_echoed_headline():
    page = ("Top Stories\n"
            "Harbour town rent registry: questions and answers\n"
            "Harbour Times Weekend Edition\n1 day ago Anna Kowal\n"
            "From July, anyone renting out a home in the harbour town must have a number "
            "from the new rent registry. Here is what changes.\n"
            "What is the registry?\n"
            "A single database run by the council in which every rental must be recorded "
            "before it can be advertised.\n"
            "Read more on Harbour Times Weekend Edition")
    result = clean(page)
    assert result.title == "Harbour town rent registry: questions and answers"
    assert "Harbour Times Weekend Edition" not in result.text
    assert "1 day ago Anna Kowal" not in result.text


def test_a_headline_with_a_glued_breadcrumb_gives_way_to_its_clean_copy():
    page = ("Harbour Times\nHome\nNews\n"
            "HomeNewsFerry fares to rise for island commuters in spring\n"
            "Ferry fares to rise for island commuters in spring\n"
            "Island commuters will pay four per cent more for ferry tickets from April, the "
            "operator said on Tuesday, blaming fuel costs.\n"
            "The new fares apply to all routes from the mainland to the three islands, and "
            "season tickets rise by the same share.")
    result = clean(page)
    assert result.title == "Ferry fares to rise for island commuters in spring"
    assert "HomeNews" not in result.text


def test_a_publishing_stamp_is_no_headline():
    page = ("Home\nSports\n"
            "Updated on: 14 October,2025 06:12 PM IST | Harbour Town\nPTI\n"
            "Harbour town name three uncapped players for the cup opener\n"
            "Harbour Town on Tuesday named three uncapped players in their squad for the cup "
            "opener against the island side next week.\n"
            "The selection committee said the senior players had been rested after a long "
            "season of league cricket.")
    assert clean(page).title == ("Harbour town name three uncapped players for the cup "
                                 "opener")


def test_a_name_with_our_in_it_does_not_join_an_appeal():
    from cleaner.text.appeals import mark_appeals
    lines = split_lines("The project is funded through the Improve Our Harbour bond package "
                        "approved by voters in 2019.\n"
                        "Local reporting takes time and money. If you value stories like this "
                        "one, please consider subscribing to support our newsroom.")
    mark_appeals(lines)
    assert [ln.fate for ln in lines] == ["undecided", "noise"]
