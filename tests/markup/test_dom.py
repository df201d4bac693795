"""DOM stages on small pages: drops with their rule, the over-pruning guard, cards from
markup with absolute URLs, the page URL from canonical markup, one parse."""

from __future__ import annotations

import trafilatura

from cleaner.engine.pipeline import clean
from cleaner.markup.cards import base_url, page_url, read_cards
from cleaner.markup.dom import drop_noise, outermost, plan_drops, prune, visible_len
from cleaner.markup.extract import extract_main, extract_text, parse_html
from cleaner.rulebook.loader import default_rules
from cleaner.rulebook.model import DomCards, DomDrop
from cleaner.rulebook.patterns import compile_selector as css

BODY = "".join(f"<p>Paragraph {w} of the story: the council met on Tuesday and agreed the plan "
               "after a long debate, residents said.</p>"
               for w in ("one", "two", "three", "four", "five", "six"))


def _drop(rule_id: str, selector: str, category: str = "ad") -> DomDrop:
    return DomDrop(rule_id, category, "test.yaml", 1, selector, css(selector))


def _page(extra: str = "", head: str = "") -> str:
    return (f"<html><head><title>Council plan</title>{head}</head><body><nav>Home News</nav>"
            f"<article><h1>Council plan</h1>{BODY}{extra}</article></body></html>")


def test_drops_record_text_rule_and_category():
    tree = parse_html(_page("<div class='ad'>Advertisement <b>Buy</b></div>"))
    removed, notes = drop_noise(tree, [_drop("t-ad", ".ad")])
    assert [(r.text, r.category, r.rule) for r in removed] == [("Advertisement Buy", "ad", "t-ad")]
    assert notes == [] and not tree.xpath("//div[@class='ad']")


def test_only_outermost_nodes_are_removed():
    tree = parse_html(_page("<div class='box'>Box <div class='ad'>x</div></div>"))
    planned = plan_drops(tree, [_drop("inner", ".ad"), _drop("outer", ".box")])
    assert [p.rule for p in outermost(planned)] == ["outer"]
    removed, _ = drop_noise(tree, [_drop("inner", ".ad"), _drop("outer", ".box")])
    assert [(r.rule, r.text) for r in removed] == [("outer", "Box x")]


def test_guard_backs_off_a_rule_that_would_gut_the_page():
    tree = parse_html(_page("<div class='ad'>Advertisement</div>"))
    removed, notes = drop_noise(tree, [_drop("t-ad", ".ad"), _drop("t-greedy", "article")])
    assert [r.rule for r in removed] == ["t-ad"]
    assert len(notes) == 1 and "t-greedy" in notes[0] and "over-pruning" in notes[0]
    assert "Paragraph six" in extract_text(tree)


def test_cards_read_with_absolute_urls_against_base_and_canonical():
    html = _page("<ul class='more'><li><a href='/a/one'><h3>First card</h3></a>"
                 "<span class='src'>Wire</span><time datetime='2025-06-11'>2h ago</time></li>"
                 "<li><a href='two.html'><h3>Second card</h3></a></li></ul>",
                 head="<link rel='canonical' href='https://news.example.com/x/story'>")
    tree = parse_html(html)
    assert page_url(tree) == "https://news.example.com/x/story"
    rule = DomCards("t-cards", "related", "test.yaml", 1, ".more li", css(".more li"),
                    tuple((k, css(v)) for k, v in (("title", "h3"), ("url", "a"),
                                                    ("source", ".src"), ("published", "time"))))
    cards, planned = read_cards(tree, [rule], None)
    assert [(c.title, c.url, c.source, c.published) for c in cards] == [
        ("First card", "https://news.example.com/a/one", "Wire", "2025-06-11"),
        ("Second card", "https://news.example.com/x/two.html", None, None)]
    assert len(planned) == 2  # the items are dropped with the card rule's id
    based = parse_html(html.replace("<head>", "<head><base href='https://cdn.example.net/'>"))
    assert base_url(based, None) == "https://cdn.example.net/"


def test_unpruned_tree_extracts_as_trafilatura_does():
    html = _page("<footer>Contact us</footer>")
    main = extract_main(parse_html(html))
    assert main.text == trafilatura.extract(html, include_comments=False, fast=True)
    assert main.note.startswith("extraction: fast pass (")


LEAD = "The harbour reopened on Monday after a week of storms had closed it. " * 5
REST = " ".join(f"Paragraph {i}: the fishermen counted {i} damaged moorings along the quay."
                for i in range(40))


def _compare_with(monkeypatch, paragraphs: int, page: int, fallback_text: str):
    """Run the comparison stand-in on a main-extractor text of len(LEAD) characters, with
    trafilatura's own comparison replaced by one returning fallback_text."""
    from cleaner.markup import extract_choice

    calls = []

    def fake_compare(cleaned, raw, body, text, options):
        calls.append(text)
        return "fallback body", fallback_text

    monkeypatch.setattr(extract_choice, "_trafilatura_compare", fake_compare)
    from types import SimpleNamespace

    ev = extract_choice.Evidence(paragraphs, page)
    token = extract_choice.EVIDENCE.set(ev)
    try:
        got = extract_choice.compare_if_fragment(None, None, [], LEAD,
                                                 SimpleNamespace(min_extracted_size=250))
    finally:
        extract_choice.EVIDENCE.reset(token)
    return got, ev, calls


def test_a_fragment_is_completed_by_the_fallbacks_and_the_note_says_so(monkeypatch):
    got, ev, calls = _compare_with(monkeypatch, 20 * len(LEAD), 30 * len(LEAD), LEAD + REST)
    assert got == ("fallback body", LEAD + REST) and calls == [LEAD]
    assert ev.use_fallbacks and ev.note.startswith("extraction: fallbacks (the fast pass found")


def test_a_complete_text_skips_the_fallbacks(monkeypatch):
    got, ev, calls = _compare_with(monkeypatch, len(LEAD), len(LEAD) * 2, LEAD + REST)
    assert got == ([], LEAD) and calls == []  # trafilatura's comparison never ran
    assert ev.note.startswith("extraction: fast pass (")


def test_fallbacks_that_only_repeat_the_fragment_are_no_completion(monkeypatch):
    got, ev, _ = _compare_with(monkeypatch, 20 * len(LEAD), 30 * len(LEAD), LEAD * 3)
    assert got == ([], LEAD) and ev.note.startswith("extraction: fast pass kept")


SECTIONS = "".join(f"<p>Section {w}: the ferry crews were told on Friday that the harbour "
                   "board would pay for new moorings, and the repairs start next month.</p>"
                   for w in ("one", "two", "three", "four", "five", "six", "seven", "eight"))


def _kept_fragment(html: str, fragment: str):
    from cleaner.markup import extract_choice, extract_rescue

    tree = parse_html(html)
    ev = extract_choice.Evidence(extract_choice.paragraph_chars(tree), 0, kept=True)
    found = extract_choice.Extraction(fragment, "kept")
    return extract_rescue.paragraphs_if_fragment(tree, found, ev)


def test_an_uncompleted_fragment_becomes_the_pages_paragraphs():
    first = SECTIONS.split("</p>")[0].removeprefix("<p>")
    got = _kept_fragment(f"<html><body><div>{SECTIONS}</div></body></html>", first)
    assert got.text.count("\n") == 7 and got.text.startswith(first)
    assert got.note.startswith("kept; the page's paragraphs (")


def test_paragraphs_stay_out_when_they_do_not_contain_the_fragment_or_barely_extend_it():
    first = SECTIONS.split("</p>")[0].removeprefix("<p>")
    page = f"<html><body><div>{SECTIONS}</div></body></html>"
    assert _kept_fragment(page, LEAD).text == LEAD  # another text: not this fragment's page
    most = "\n".join(p.removeprefix("<p>") for p in SECTIONS.split("</p>")[:5])
    assert _kept_fragment(page, most).text == most  # the paragraphs are not twice as long
    assert _kept_fragment(page, first * 8).text == first * 8  # not a fragment at all


def test_a_rescued_text_in_one_glued_line_is_split_by_the_full_run():
    from cleaner.markup.extract_choice import Extraction
    from cleaner.markup.extract_rescue import split_if_glued

    tree = parse_html(f"<html><body><article>{SECTIONS * 2}</article></body></html>")
    glued = " ".join(trafilatura.extract(tree, fast=True).split("\n"))
    got = split_if_glued(tree, None, Extraction(glued, "rescued"))
    assert got.text.count("\n") >= 7 and "one glued line" in got.note
    other = LEAD * 30  # one line, but not the text the full run finds: kept as it was
    assert split_if_glued(tree, None, Extraction(other, "r")).text == other


def test_other_callers_get_trafilaturas_own_comparison(monkeypatch):
    from cleaner.markup import extract_choice

    monkeypatch.setattr(extract_choice, "_trafilatura_compare", lambda *a: ("theirs", "text"))
    assert extract_choice.EVIDENCE.get() is None
    assert extract_choice.compare_if_fragment(None, None, [], "x", None) == ("theirs", "text")


def test_site_from_canonical_url_when_no_url_given():
    html = _page(head="<link rel='canonical' href='https://www.ynetnews.com/article/abc'>")
    result = clean(html)
    assert result.site == "ynetnews"
    assert result.title == "Council plan"
    assert result.text.startswith("Paragraph one of the story")
    assert default_rules().detect(None, html) is None  # the markup alone names no site


def test_dom_section_drops_from_heading_to_stop(tmp_path):
    from cleaner.rulebook.loader import load_rules

    (tmp_path / "generic.yaml").write_text("site: generic\n", encoding="utf-8")
    (tmp_path / "ex.yaml").write_text(
        "site: ex\nhosts: [example.com]\ndom:\n  sections:\n"
        "    - id: ex-more-from\n      category: related\n"
        "      start: '//h3[normalize-space() = \"More from us\"]'\n"
        "      stop: 'p.end'\n", encoding="utf-8")
    rules = load_rules([tmp_path])
    html = _page("<h3>More from us</h3><ul><li>Other story one</li></ul><div>Other two</div>"
                 "<p class='end'>The closing paragraph of the story stays in the body, as the "
                 "stop marks where the block ends.</p>")
    result = clean(html, "https://example.com/a", rules=rules)
    assert [(r.rule, r.text) for r in result.removed if r.rule == "ex-more-from"] == [
        ("ex-more-from", "More from us"), ("ex-more-from", "Other story one"),
        ("ex-more-from", "Other two")]
    assert "Other story" not in result.text and "closing paragraph" in result.text


def test_dom_section_schema_errors_name_file_and_line(tmp_path):
    import pytest

    from cleaner.core.errors import RuleError
    from cleaner.rulebook.loader import load_rules

    (tmp_path / "generic.yaml").write_text("site: generic\n", encoding="utf-8")
    (tmp_path / "ex.yaml").write_text(
        "site: ex\ndom:\n  sections:\n    - id: ex-bad\n      category: related\n"
        "      start: 'h3[[['\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert "ex.yaml:6:" in str(info.value) and "start" in str(info.value)


def test_card_container_is_dropped_whole_with_its_heading(tmp_path):
    from cleaner.rulebook.loader import load_rules

    (tmp_path / "generic.yaml").write_text("site: generic\n", encoding="utf-8")
    (tmp_path / "ex.yaml").write_text(
        "site: ex\nhosts: [example.com]\ndom:\n  cards:\n    - id: ex-cards\n"
        "      container: 'section.more'\n      item: 'li'\n"
        "      fields: {title: 'a', url: 'a'}\n", encoding="utf-8")
    html = _page("<section class='more'><h2>More from Example</h2><ul>"
                 "<li><a href='/one'>Card one headline</a></li>"
                 "<li><a href='https://other.org/two'>Card two headline</a></li></ul></section>")
    result = clean(html, "https://example.com/news/a", rules=load_rules([tmp_path]))
    assert [(c.title, c.url) for c in result.related] == [
        ("Card one headline", "https://example.com/one"),
        ("Card two headline", "https://other.org/two")]
    assert [r.text for r in result.removed if r.rule == "ex-cards"] == [
        "More from Example Card one headline Card two headline"]


def test_menu_share_tells_a_link_list_from_an_article():
    from cleaner.markup.extract_choice import MENU_SHARE, menu_share

    menu = "\n".join(["Home", "News", "Sport", "Weather", "Contact us", "Privacy"] * 5)
    assert menu_share(menu) >= MENU_SHARE
    assert menu_share(BODY.replace("</p><p>", "\n").replace("<p>", "").replace("</p>", "")) == 0
    assert menu_share("") == 0.0


def test_title_prefers_confirmed_h1_then_meta_without_site_name():
    from cleaner.markup.flow import page_title

    logo_first = ("<html><head><title>Bridge to reopen in May | Valley News</title></head><body>"
                  "<h1>Valley News</h1><h1>Bridge to reopen in May</h1></body></html>")
    assert page_title(parse_html(logo_first)) == "Bridge to reopen in May"
    no_h1 = ("<html><head><meta property='og:title' content='Bridge to reopen in May - Valley "
             "News'></head><body><p>x</p></body></html>")
    assert page_title(parse_html(no_h1)) == "Bridge to reopen in May"


def test_the_adapters_docstring_example_holds():
    import doctest

    from cleaner.markup import extract

    assert doctest.testmod(extract).failed == 0


def test_the_page_measured_once_matches_a_new_measure_after_the_drops():
    # tails that join a sibling's tail or the parent's text, inside visible and invisible
    # parents, with the whitespace that makes two stripped lengths differ from one
    extra = ("<div>Lead <span class='ad'>Buy</span>  tail after  <i>x</i></div>"
             "<p><b>bold</b> before <span class='ad'>Ad</span>   after text</p>"
             "<noscript><span class='ad'>in noscript</span> hidden tail</noscript>"
             "<div><span class='ad'>first</span></div>text<div class='ad'>last</div>  end ")
    for rules in ([_drop("t-ad", ".ad")], [_drop("t-ad", ".ad"), _drop("t-nav", "nav")], []):
        tree = parse_html(_page(extra))
        pruned = prune(tree, rules)
        assert pruned.visible is None if not rules else pruned.visible == visible_len(tree)
