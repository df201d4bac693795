"""The line stages: sections, title choice, head chrome, doubled source, repeats."""

from __future__ import annotations

from pathlib import Path

from cleaner.core.lines import split_lines
from cleaner.core.records import InputRecord
from cleaner.engine.pipeline import analyze
from cleaner.rulebook.loader import load_rules
from cleaner.text.linerules import Meta, apply_sections
from cleaner.text.repeats import mark_doubled_source, mark_repeats
from cleaner.text.title_pick import pick_title
from cleaner.text.zones import find_zones

LONG = "A paragraph long enough to count as one, with enough words in it to pass the bar."
RULES = """site: figures
sections:
  - id: figures-figure
    category: caption
    start: '^\\d+ View gallery$'
    stop: '^\\(Photo: .+\\)$'
    stop_inclusive: true
    max_lines: 4
  - id: figures-footer
    category: promo
    start: '^FOOTER$'
"""


def _active(tmp_path: Path):
    (tmp_path / "generic.yaml").write_text("site: generic\n", encoding="utf-8")
    (tmp_path / "figures.yaml").write_text(RULES, encoding="utf-8")
    rules = load_rules([tmp_path])
    return rules.active(rules.sites[0])


def test_bounded_section_removed_at_every_occurrence(tmp_path: Path) -> None:
    text = "\n".join([LONG, "1 View gallery", "alt", "caption", "(Photo: A / B)", LONG,
                      "2 View gallery", "alt two", "(Photo: C)", LONG,
                      "3 View gallery", "no credit here", "x", "y", "z", "w", LONG,
                      "FOOTER", "a", "b"])
    lines = split_lines(text)
    apply_sections(lines, _active(tmp_path))
    removed = [ln.index for ln in lines if ln.fate == "noise"]
    assert removed == [1, 2, 3, 4, 6, 7, 8, 17, 18, 19]  # the third lacks its stop: kept


def test_title_skips_nav_and_head_fragments_are_metadata() -> None:
    text = "\n".join(["News", "World", "Officials agree a plan for the bridges", "Transport",
                      LONG, LONG])
    lines = split_lines(text)
    zones = find_zones(lines)
    assert pick_title(lines, zones, Meta()) == "Officials agree a plan for the bridges"
    assert [(ln.fate, ln.rule) for ln in lines[:4]] == [
        ("noise", "generic-above-title"), ("noise", "generic-above-title"),
        ("title", None), ("noise", "generic-head-fragment")]


def test_short_title_is_taken_when_nothing_longer_exists() -> None:
    lines = split_lines("Brexit\n" + LONG + "\n" + LONG)
    assert pick_title(lines, find_zones(lines), Meta()) == "Brexit"


def test_title_from_metadata_wins() -> None:
    lines = split_lines("Some head line of words\n" + LONG + "\n" + LONG)
    meta = Meta({"title": "From metadata"})
    assert pick_title(lines, find_zones(lines), meta) == "From metadata"
    assert lines[0].open


def test_doubled_source_only_in_head() -> None:
    lines = split_lines("\n".join(["The GuardianThe Guardian", "A title of some words",
                                   LONG, LONG, "The ObserverThe Observer"]))
    meta = Meta()
    mark_doubled_source(lines, find_zones(lines), meta)
    assert meta.values == {"source": "The Guardian"}
    assert lines[0].rule == "generic-doubled-source" and lines[4].open


def test_repeats_keep_the_first_copy() -> None:
    title = "A title of some words"
    lines = split_lines("\n".join([title, LONG, title.upper(), LONG, "Short", "Short"]))
    lines[0].decide("title", None, None)
    mark_repeats(lines, title)
    assert [(ln.fate, ln.rule) for ln in lines] == [
        ("title", None), ("undecided", None), ("noise", "generic-repeated-title"),
        ("noise", "generic-repeated-line"), ("undecided", None), ("undecided", None)]


def test_metadata_rule_fills_fields_and_first_value_wins() -> None:
    text = "\n".join(["A title of some words here", "By Jane Doe", "June 12, 2025",
                      "By John Roe", LONG, LONG.replace("A ", "The ")])
    result = analyze(InputRecord("t", text, None, "text")).result
    assert (result.author, result.published) == ("Jane Doe", "2025-06-12")  # read as ISO
    assert result.published_raw is None
    assert result.text == f"{LONG}\n{LONG.replace('A ', 'The ')}"


def test_far_repeats_are_structure_not_duplicates() -> None:
    step = "Eat one to two hours after your workout"
    lines = split_lines("\n".join(["Plan A", step, "Chicken and rice", "Plan B", step,
                                   "Beef and peppers", "Plan C", step]))
    mark_repeats(lines, None)
    assert [ln.fate for ln in lines if ln.text == step] == ["undecided"] * 3


def test_a_relative_age_is_dated_from_the_capture_time() -> None:
    text = "\n".join(["A title of some words here", "5 hours ago", LONG,
                      LONG.replace("A ", "The ")])
    captured = analyze(InputRecord("t", text, None, "text",
                                   captured="2025-06-12T10:00:00+00:00")).result
    assert (captured.published, captured.published_raw) == ("2025-06-12T05:00:00+00:00", None)
    unknown = analyze(InputRecord("t", text, None, "text")).result
    assert (unknown.published, unknown.published_raw) == (None, "5 hours ago")


def test_a_tail_tag_line_with_body_after_it_is_a_subhead() -> None:
    # From a scrapinghub page (HTML): a title-case subhead above a listing's dates. On text
    # input the lines after the last paragraph are judged by generic-tail-chrome instead.
    subhead = "Riverside Theatre Summer Season Performance"
    html = ("<html><head><title>A title of some words here</title></head><body><article>"
            "<h1>A title of some words here</h1>"
            f"<p>{LONG}</p><p>{LONG.replace('A ', 'The ')}</p><h2>{subhead}</h2>"
            "<p>Tue to Sat 4PM, closed on Mondays</p>"
            "<p>Bridges Transport City Council Infrastructure</p></article></body></html>")
    result = analyze(InputRecord("t", html, None, "html")).result
    assert subhead in result.text and "Tue to Sat 4PM" in result.text
    assert "Bridges Transport" not in result.text  # the closing run is still a tag list


def test_picture_lines_around_a_credit_are_captions() -> None:
    """Tabloid text dumps: a caption over a lone credit line, and alt text / gallery count /
    credited caption. A story line ending like a sentence over a credit stays."""
    from cleaner import clean

    page = ("Grandmother completes charity skydive at ninety-two\n" + LONG + "\n" + LONG[2:]
            + "\nMargaret with her instructor after landing\n(Image: SWNS)\n"
            + "A plate of crab on toast on a wooden table.\n3\n"
            + "Crab on toast is a signature dishCredit: Instagram/@harbourcook\n"
            + "She said she would do it again next year.\n(Image: Getty Images)\n" + LONG[4:])
    text = clean(page).text.splitlines()
    assert text == [LONG, LONG[2:], "She said she would do it again next year.", LONG[4:]]


def test_a_dateline_with_an_age_is_no_headline_but_a_sentence_with_one_stays() -> None:
    from cleaner import clean

    result = clean("Top Stories\nYour Morning Briefing\nMSN UK 6 hrs ago News desk\n"
                   "The fire started a day ago and is still burning near two villages.\n"
                   + LONG + "\n" + LONG[2:])
    assert result.title == "Your Morning Briefing"
    assert result.text.splitlines() == [
        "The fire started a day ago and is still burning near two villages.", LONG, LONG[2:]]
