"""The text-path card shapes added for hold-out 4: headlines glued to their teaser
(glued_pairs), outlet/headline/teaser triples closing a page (source_cards), headlines
glued to byline and place (glued_bylines), and a byline picked as the title giving way to
the headline under it (byline_title). Every text here is written for the tests."""

from __future__ import annotations

import pytest

from cleaner.core.lines import split_lines
from cleaner.core.records import InputRecord
from cleaner.engine.pipeline import clean_record
from cleaner.text.byline_title import BYLINE_AS_TITLE, fix_byline_title
from cleaner.text.glued_bylines import GLUED_BYLINES, mark_glued_bylines
from cleaner.text.glued_pairs import glued_pair_cards, split_glued
from cleaner.text.source_cards import source_triple_cards

TITLE = "Council approves east side library"
STORY = ("The council approved a new library for the east side on Monday, after years of "
         "campaigning by residents and a long debate in the chamber.")
STORY2 = ("Construction is due to start in the autumn, and the library should open its doors "
          "to readers within two years of the first shovel.")

# headline + teaser on one line, as a digest copied to text prints them
GLUED1 = ("Ranchers sue state over new drought rules A coalition of ranchers filed suit on "
          "Monday, saying the water limits ignore decades of use. Read more")
GLUED2 = ("City council delays vote on downtown parking plan The council postponed its "
          "decision after residents packed the chamber to object to higher fees.")
GLUED3 = ("Storm knocks out power to thousands across valley Officials said crews would work "
          "through the night to restore lines brought down by wind.")


def _text(content: str):
    return clean_record(InputRecord(id="t", content=content, kind="text"))


# --- glued_pairs: split_glued --------------------------------------------------------

def test_split_glued_cuts_headline_from_teaser_and_drops_the_link_tail():
    assert split_glued(GLUED1) == (
        "Ranchers sue state over new drought rules",
        "A coalition of ranchers filed suit on Monday, saying the water limits ignore "
        "decades of use.")
    assert split_glued(GLUED3) == (
        "Storm knocks out power to thousands across valley",
        "Officials said crews would work through the night to restore lines brought down "
        "by wind.")


def test_split_glued_drops_a_long_tally_tail():
    line = ("Wind farm approved off the northern coast The regulator cleared the project after "
            "a two year review of its effect on birds. Coverage Distribution: 40% Left 35% "
            "Center 25% Right across sixty outlets and blogs")
    head, teaser = split_glued(line)
    assert head == "Wind farm approved off the northern coast"
    assert teaser.endswith("effect on birds.")


def test_split_glued_reads_a_capital_dateline():
    line = ("Hikers rescued after two nights on the ridge TUCSON, Ariz. — Two hikers lost on the "
            "ridge were found on Sunday by a search team using a drone.")
    head, teaser = split_glued(line)
    assert head == "Hikers rescued after two nights on the ridge"
    assert teaser.startswith("TUCSON, Ariz. —")


def test_split_glued_acronym_list_is_no_dateline():
    # capitals then a comma but no dash after them: a list of firms, one sentence
    line = ("Energy firms bid for offshore wind leases near SSE, Halvard and Nordpower bid "
            "for the new leases on Tuesday, the ministry said.")
    assert split_glued(line) is None


@pytest.mark.parametrize("line", [
    # shorter than a glued card's line
    "Ferry fares rise for islanders A ferry ride costs more from May.",
    # the headline would end on a function word
    "Volunteers clean up the beach near the A coastal group of volunteers cleared litter "
    "from the sand on Saturday morning.",
    # a sentence ends inside the would-be headline: prose
    "Rain fell all day. Roads were closed in town The council said the roads would reopen "
    "on Tuesday once the water had drained away.",
    # no sentence in the rest: a caption printed twice, not a teaser
    "Crowds gather in the square for the lantern festival The crowds gather in the square "
    "for the lantern festival at dusk",
])
def test_split_glued_refuses(line):
    assert split_glued(line) is None


def test_loose_split_only_when_asked():
    # a capitalised word after a lowercase one: only when the page shows the shape elsewhere
    line = ("Mayor opens new footbridge over the river Hundreds crossed the bridge on its first "
            "morning, and the mayor cut a ribbon at the far bank.")
    assert split_glued(line) is None
    assert split_glued(line, loose=True) == (
        "Mayor opens new footbridge over the river",
        "Hundreds crossed the bridge on its first morning, and the mayor cut a ribbon at the "
        "far bank.")


# --- glued_pairs: glued_pair_cards ---------------------------------------------------

def test_two_glued_lines_with_labels_between_are_cards():
    texts = [TITLE, "TOP VIEWED", GLUED1, GLUED2, "Blindspot for the Right:", GLUED3]
    items, used = glued_pair_cards(texts)
    assert used == [2, 3, 5]
    assert [r.title for r in items] == [
        "Ranchers sue state over new drought rules",
        "City council delays vote on downtown parking plan",
        "Storm knocks out power to thousands across valley"]
    assert items[1].teaser == GLUED2.split(" plan ", 1)[1]
    assert all(r.source is None and r.url is None for r in items)


def test_a_loose_line_joins_a_run_with_a_strict_one():
    loose = ("Mayor opens new footbridge over the river Hundreds crossed the bridge on its first "
             "morning, and the mayor cut a ribbon at the far bank.")
    items, used = glued_pair_cards(["Latest News", GLUED2, loose])
    assert used == [1, 2]
    assert items[1].title == "Mayor opens new footbridge over the river"


def test_loose_lines_alone_are_no_cards():
    loose = ("Mayor opens new footbridge over the river Hundreds crossed the bridge on its first "
             "morning, and the mayor cut a ribbon at the far bank.")
    loose2 = ("Passengers on the delayed evening flight said Sunday that nobody from the airline "
              "explained why the crew never arrived.")
    assert glued_pair_cards(["Latest News", loose, loose2]) is None


def test_a_single_glued_line_is_no_card():
    assert glued_pair_cards([TITLE, "TOP VIEWED", GLUED2, "Sign up for our newsletter"]) is None


def test_glued_lines_right_after_a_story_paragraph_are_story():
    assert glued_pair_cards([TITLE, STORY, GLUED2, GLUED3]) is None


def test_a_paragraph_between_glued_lines_breaks_the_run():
    assert glued_pair_cards([TITLE, GLUED2, STORY, GLUED3]) is None


def test_too_many_labels_between_glued_lines_break_the_run():
    labels = ["Sports", "Weather", "Traffic", "Opinion"]
    assert glued_pair_cards(["Digest", GLUED2, *labels, GLUED3]) is None
    assert glued_pair_cards(["Digest", GLUED2, *labels[:3], GLUED3]) is not None


def test_body_paragraphs_with_a_capital_after_a_long_clause_are_no_cards():
    # "Gate A" reads as a headline glued to a summary opening "A ..."; the paragraphs
    # around it have a capitalised day after a verb: prose, not a digest.
    paras = [
        "Passengers on the delayed evening flight said Sunday that nobody from the airline "
        "explained why the crew never arrived at the terminal.",
        "More than two hundred travellers waited at Gate A for over three hours before the "
        "flight was finally cancelled shortly before midnight.",
        "The airline apologised on Monday and offered vouchers to everyone on board, saying a "
        "scheduling error had left the plane without a crew.",
    ]
    assert glued_pair_cards(["Flight cancelled after crew fails to show", *paras]) is None
    assert glued_pair_cards([TITLE, STORY, *paras, STORY2]) is None


def test_two_strict_glued_lines_before_a_paragraph_are_still_cards():
    items, used = glued_pair_cards(["Latest News", GLUED2, GLUED3, STORY])
    assert used == [1, 2]


def test_glued_cards_through_the_pipeline():
    r = _text(f"{TITLE}\n\n{STORY}\n\n{STORY2}\n\nTOP VIEWED\n{GLUED1}\n{GLUED2}\n{GLUED3}\n")
    assert r.title == TITLE
    assert r.text == f"{STORY}\n{STORY2}"
    assert [x.title for x in r.related] == [
        "Ranchers sue state over new drought rules",
        "City council delays vote on downtown parking plan",
        "Storm knocks out power to thousands across valley"]


def test_one_glued_line_after_a_story_paragraph_stays_body_through_the_pipeline():
    r = _text(f"{TITLE}\n\n{STORY}\n{GLUED2}\n\n{STORY2}\n")
    assert r.text == f"{STORY}\n{GLUED2}\n{STORY2}"
    assert r.related == ()


# --- source_cards --------------------------------------------------------------------

HEAD1 = "Ferry fares to rise for island commuters in spring"
TEASE1 = ("Island commuters will pay more for ferry fares from the spring, the operator said "
          "on Tuesday after a review of its costs.")
HEAD2 = "School board weighs later start times for high schools"
TEASE2 = ("Board members heard from parents and teachers on Thursday about moving the first "
          "bell to half past eight next year.")


def test_outlet_headline_teaser_triples_closing_a_page_are_cards():
    texts = [TITLE, STORY, STORY2, "KVUE", HEAD1, TEASE1, "TEXAS・", HEAD2, TEASE2,
             "IN THIS ARTICLE", "Libraries"]
    items, used = source_triple_cards(texts)
    assert used == [3, 4, 5, 6, 7, 8]
    assert [(r.title, r.source, r.teaser) for r in items] == [
        (HEAD1, "KVUE", TEASE1), (HEAD2, "TEXAS", TEASE2)]


def test_one_triple_is_no_run():
    assert source_triple_cards([TITLE, STORY, STORY2, "KVUE", HEAD1, TEASE1]) is None


def test_subhead_and_paragraph_pairs_are_story():
    # a story's subheads have no short outlet line above each
    assert source_triple_cards([TITLE, STORY, HEAD1, TEASE1, HEAD2, TEASE2]) is None


def test_triples_followed_by_more_story_are_story():
    texts = [TITLE, "KVUE", HEAD1, TEASE1, "Westword", HEAD2, TEASE2, STORY]
    assert source_triple_cards(texts) is None


def test_source_cards_through_the_pipeline():
    r = _text(f"{TITLE}\n\n{STORY}\n\n{STORY2}\n\nKVUE\n{HEAD1}\n{TEASE1}\n"
              f"Westword・\n{HEAD2}\n{TEASE2}\nIN THIS ARTICLE\n")
    assert r.title == TITLE
    assert r.text == f"{STORY}\n{STORY2}"
    assert [(x.title, x.source) for x in r.related] == [(HEAD1, "KVUE"), (HEAD2, "Westword")]


# --- glued_bylines -------------------------------------------------------------------

BYLINE1 = "Denver's oldest diner marks 80 years on ColfaxRick HaydenDenver, CO"
BYLINE2 = "Snow closes mountain pass for second day in a rowLena MarshGolden, CO"


def test_two_glued_byline_lines_are_related():
    lines = split_lines(f"{TITLE}\n{STORY}\n{BYLINE1}\n{BYLINE2}")
    items = mark_glued_bylines(lines)
    assert [r.title for r in items] == ["Denver's oldest diner marks 80 years on Colfax",
                                        "Snow closes mountain pass for second day in a row"]
    assert [(ln.fate, ln.rule) for ln in lines[2:]] == [("related", GLUED_BYLINES)] * 2
    assert lines[0].open and lines[1].open


def test_a_decided_line_between_glued_bylines_does_not_break_the_run():
    lines = split_lines(f"{BYLINE1}\nAdvertisement\n{BYLINE2}")
    lines[1].decide("noise", "ad", "test")
    assert len(mark_glued_bylines(lines)) == 2


@pytest.mark.parametrize("page", [
    f"{TITLE}\n{STORY}\n{BYLINE1}",                 # one alone may be a sentence's end
    f"{BYLINE1}\n{STORY}\n{BYLINE2}",               # prose between: no run
    # a sentence ending on a place, with spaces where the glue would be
    f"{TITLE}\nThe festival moves next year to Boulder, CO\nThe fair moves to Aurora, CO",
])
def test_glued_bylines_do_not_fire(page):
    lines = split_lines(page)
    assert mark_glued_bylines(lines) == []
    assert all(ln.open for ln in lines)


def test_glued_bylines_through_the_pipeline():
    r = _text(f"{TITLE}\n\n{STORY}\n\n{STORY2}\n\n{BYLINE1}\n{BYLINE2}\n{STORY}\n")
    assert [x.title for x in r.related] == ["Denver's oldest diner marks 80 years on Colfax",
                                            "Snow closes mountain pass for second day in a row"]
    assert BYLINE1 not in r.text and BYLINE2 not in r.text


# --- byline_title --------------------------------------------------------------------

HEADLINE = "Council approves east side library after long debate"


def _picked(page: str, at: int):
    lines = split_lines(page)
    lines[at].decide("title", None, None)
    return lines


@pytest.mark.parametrize("byline", [
    "Daniel Okafor in Seattle",
    "Priya Lindqvist and Tom Eardley (earlier)",
    "Priya Lindqvist, Sam Reed and Tom Eardley in New York",
    "Daniel Okafor (now)",
])
def test_a_byline_title_gives_way_to_the_headline_under_it(byline):
    lines = _picked(f"World\n{byline}\n\n{HEADLINE}\n\n{STORY}", 1)
    assert fix_byline_title(lines, byline) == HEADLINE
    assert (lines[1].fate, lines[1].category, lines[1].rule) == (
        "meta", "metadata", BYLINE_AS_TITLE)
    assert lines[3].fate == "title"


def test_a_byline_title_stays_when_the_next_line_is_prose():
    byline = "Daniel Okafor in Seattle"
    lines = _picked(f"World\n{byline}\n\n{STORY}\n\n{STORY2}", 1)
    assert fix_byline_title(lines, byline) == byline
    assert lines[1].fate == "title" and lines[3].open


@pytest.mark.parametrize("title", [
    "Seattle council approves library",   # a headline, not names
    "Daniel Okafor",                      # one name and nothing after it
    None,
])
def test_a_title_that_is_no_byline_is_kept(title):
    lines = _picked(f"World\n{title}\n\n{HEADLINE}\n\n{STORY}", 1)
    assert fix_byline_title(lines, title) == title
    assert lines[3].open


def test_a_byline_title_over_a_short_line_stays():
    byline = "Daniel Okafor in Seattle"
    lines = _picked(f"{byline}\nLibrary approved\n{STORY}", 0)
    assert fix_byline_title(lines, byline) == byline


def test_byline_title_through_the_pipeline():
    r = _text(f"News\nDaniel Okafor in Seattle\n\n{HEADLINE}\n\n{STORY}\n\n{STORY2}\n")
    assert r.title == HEADLINE
    assert r.text == f"{STORY}\n{STORY2}"
    r = _text(f"News\nDaniel Okafor in Seattle\n\n{STORY}\n\n{STORY2}\n")
    assert r.title == "Daniel Okafor in Seattle"
    assert STORY in r.text
