"""A banner printed twice with its label (labelled_promo), a line that announces a list is
no headline (title_pick), result cards opened by their date and closed by their outlet
(card_opened), and a headline-and-teaser card whose words do not restate each other inside
a run of such cards (topic_pairs). Texts are written for these tests."""

from __future__ import annotations

import doctest

from cleaner import clean
from cleaner.text import doubled_cards, labelled_promo

NAV = "• Home\n• Mail\n• News\n• Sports\nPortal\n• World\n• Health\n"
BANNER = ("Live Updates\n\nHarbour board approves new breakwater funding\n\nLive Updates:\n\n"
          "Harbour board approves new breakwater funding\n\n")


def test_doctests() -> None:
    assert doctest.testmod(labelled_promo).failed == 0
    assert doctest.testmod(doubled_cards).failed == 0


def test_cards_printing_their_headline_twice_make_a_listing() -> None:
    page = (NAV + "\nTram line extension opens to riders\n\nTram line extension opens to "
            "riders\n\nThe first trams ran on the new branch at dawn.\nMore coverage »\n"
            "Choir wins national title\nLocal\nTown Herald\n\nChoir wins national title\n\n"
            "The youth choir beat forty others at the final in the capital.\n")
    r = clean(page)
    assert r.page_kind == "listing" and r.title is None and r.text == ""
    assert [(x.title, x.source) for x in r.related] == [
        ("Tram line extension opens to riders", None),
        ("Choir wins national title", "Town Herald")]


def test_an_articles_doubled_lines_are_no_cards() -> None:
    page = ("Tram line extension opens to riders\n\nTram line extension opens to riders\n\n"
            "The first trams ran on the new branch at dawn, the operator said on Monday, "
            "and the line will carry twelve thousand riders a day.\n"
            "The new platform at the depot\n\nThe new platform at the depot\n\n"
            "Riders said the trip into the centre now takes eleven minutes instead of the "
            "half hour the bus needed, and the operator expects more of them by summer.\n")
    r = clean(page)
    assert r.title == "Tram line extension opens to riders" and r.related == ()
    assert "eleven minutes" in r.text


def test_banner_headline_is_related_and_the_story_keeps_its_headline() -> None:
    page = (NAV + BANNER + "Valley News\n"
            "Why the orchard growers want a later frost warning\n"
            "Updated Tue, March 3, 2026 at 8:40 AM\n\n"
            "Orchard growers in the valley asked the weather service on Monday to issue "
            "frost warnings later in the evening, when they can still act on them.\n"
            "They say the current warnings come too early for the sprinklers that protect "
            "the blossom on cold nights.\n")
    r = clean(page)
    assert r.title == "Why the orchard growers want a later frost warning"
    assert [x.title for x in r.related] == ["Harbour board approves new breakwater funding"]
    assert "breakwater" not in r.text


def test_banner_over_cards_only_is_a_listing() -> None:
    cards = "".join(
        f"• {t}\n  Local\n  {s}\n\n  {t}\n\n  {teaser}\n"
        for t, s, teaser in (
            ("Ferry crews end strike after pay offer", "Coast Wire",
             "Ferry crews voted on Tuesday to accept a new pay offer, ending a strike that "
             "had cut sailings to the islands for a week."),
            ("Library reopens after flood repairs", "Town Herald",
             "The central library reopened on Monday after four months of repairs to its "
             "flooded basement and the children's wing."),
        ))
    r = clean(NAV + BANNER + cards)
    assert r.page_kind == "listing" and r.title is None and r.text == ""
    titles = [x.title for x in r.related]
    assert titles[0] == "Harbour board approves new breakwater funding"
    assert "Library reopens after flood repairs" in titles


def test_a_headline_printed_twice_without_a_repeated_label_stays_the_title() -> None:
    page = ("logo\nSea wall repairs finish a month early\nSea wall repairs finish a month "
            "early\nThe repairs to the sea wall at the harbour finished a month early, the "
            "council said on Friday, and the promenade reopens this weekend.\n")
    r = clean(page)
    assert r.title == "Sea wall repairs finish a month early" and r.related == ()


def test_a_line_that_announces_a_list_is_no_title() -> None:
    page = ("Town news today\n\nHere are the stories people in town are reading:\n\n"
            "1. Market hall roof repaired: The roof of the market hall was repaired over the "
            "weekend after the storm.\n2. New bus route: A bus will link the station and the "
            "hospital from May, the council said.\n")
    r = clean(page)
    assert r.title == "Town news today"
    assert r.text.startswith("Here are the stories people in town are reading:")


RESULTS = (
    "Support independent reporting today and tomorrow. Donate to the Desk\n"
    "The Desk's search shows how outlets across the spectrum covered a topic, so you can "
    "compare them.\n"
    "Feb 11 2025\nNews\nCounties pool money to keep rural bus routes running\n"
    "Several counties agreed to share the cost of three rural bus routes that the state "
    "stopped paying for last year.\n"
    "Officials said the routes carry about nine hundred riders on a\n"
    "Metro Ledger\n"
    "Oct 02 2024\nAnalysis\nAre rural buses worth what they cost? The numbers are mixed\n"
    "Ridership on rural routes has grown since the pandemic, but the cost per rider is "
    "still three times the city's.\n"
    "Transit Weekly\n"
    "Jun 18 2024\nFact Check\nPost overstates how many bus stops closed\n"
    "A widely shared post says half the rural stops closed in a year. The operators' own "
    "figures show about one in ten.\n"
    "Check Desk\n")


def test_result_cards_opened_by_their_date_take_the_outlet_under_them() -> None:
    r = clean(RESULTS)
    assert r.page_kind == "listing" and r.title is None
    assert [(x.title, x.source, x.published) for x in r.related] == [
        ("Counties pool money to keep rural bus routes running", "Metro Ledger",
         "Feb 11 2025"),
        ("Are rural buses worth what they cost? The numbers are mixed", "Transit Weekly",
         "Oct 02 2024"),
        ("Post overstates how many bus stops closed", "Check Desk", "Jun 18 2024"),
    ]


def test_a_label_every_post_ends_with_is_no_outlet() -> None:
    posts = "".join(
        f"Posted on June {d}, 2025 by admin\n{t}\n{teaser}\nSource link\nPosted in Town\n"
        for d, t, teaser in (
            (12, "Council agrees new parking rules for the centre",
             "The council agreed on Tuesday to limit parking in the centre to two hours on "
             "weekdays from next month."),
            (11, "School adds evening classes for adults",
             "The secondary school will open its classrooms to adult learners three evenings "
             "a week from September."),
            (10, "Bakery on the square marks fifty years",
             "The bakery on the market square celebrated fifty years on Saturday with free "
             "bread for its first customers."),
        ))
    r = clean("Menu\nTown Feed\nThe latest from around the town\n" + posts + "Older posts\n")
    assert all(x.source != "Posted in Town" for x in r.related)


def test_a_card_whose_headline_its_teaser_does_not_restate_inside_a_run() -> None:
    cards = [
        ("Norway and Sweden agree to share rescue helicopters",
         "Norway and Sweden signed an agreement on Monday to share rescue helicopters in "
         "the far north, so that crews can cross the border."),
        ("Shipping firms reroute vessels as canal drought worsens",
         "Several of the largest container lines said they would send more ships around the "
         "southern cape as low water limits daily crossings, and freight rates have"),
        ("Japanese town pays residents to adopt abandoned bicycles",
         "A town outside Osaka pays residents small rewards to adopt bicycles abandoned at "
         "its station, after their number passed two thousand."),
    ]
    r = clean("\n\n".join(f"{t}\n\n{x}" for t, x in cards))
    assert r.page_kind == "listing"
    assert [x.title for x in r.related] == [t for t, _ in cards]


def test_an_excerpt_with_a_shorter_question_line_is_still_a_card() -> None:
    first = ("• A ferry crew in the north rescued a kayaker who had drifted two miles out to sea "
             "after his paddle snapped in a sudden squall on Sunday afternoon.")
    second = ("• A library book borrowed in 1962 came back this week with a note of apology and "
              "a cheque for the fine, the branch librarian said on Tuesday.")
    page = (f"Trending Now\n{first}\n\nHave you ever been rescued at sea? Tell us on our page "
            "or\n\nRead More »from Kayaker Rescued by Ferry Crew\n"
            f"{second}\n\nRead More »from Library Gets Its Book Back\n")
    r = clean(page)
    assert r.page_kind == "listing"
    assert [x.title for x in r.related] == ["Kayaker Rescued by Ferry Crew",
                                            "Library Gets Its Book Back"]


def test_whole_posts_between_a_bulleted_title_and_a_link_line() -> None:
    posts = [
        ("Crews gain ground on hillside fire as winds ease",
         ["Firefighters made progress overnight against the hillside fire as calmer winds "
          "let aircraft drop water on its eastern edge.",
          "The fire has burned about 900 acres and was a third contained, officials said on "
          "Monday morning.",
          "Evacuation orders for two streets were lowered to warnings, and residents went "
          "home in the afternoon.",
          "The cause is under investigation."]),
        ("Smoke brings hazy skies to the lakes",
         ["Air quality alerts were issued for three counties on Sunday as smoke from the "
          "northern fires drifted south over the lakes.",
          "Health officials advised people with asthma to stay indoors until the haze "
          "lifts, which may take two days."]),
    ]
    page = "Town Wire 24\nTag: fires\n" + "".join(
        f"• {t}\n\n" + "\n\n".join(ps) + "\n\nSource link\n" for t, ps in posts)
    r = clean(page)
    assert r.page_kind == "listing" and r.text == ""
    assert [x.title for x in r.related] == [t for t, _ in posts]


def test_a_storys_bullet_points_before_a_link_line_are_no_posts() -> None:
    page = ("Council sets out its plan for the harbour\n\nThe council published its plan for "
            "the harbour on Monday, after two years of consultation with residents.\n"
            "• New berths for fishing boats\nTwo new berths will open next spring.\n"
            "Source link\n"
            "• A wider promenade\nThe promenade will be widened by two metres.\nSource link\n"
            "The work will cost about four million pounds over three years, the council "
            "said, and most of it comes from a national fund.\n")
    r = clean(page)
    assert r.page_kind == "article" and "New berths" in r.text
