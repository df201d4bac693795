"""The shortcuts cleaner takes inside trafilatura's run (issue 11, time) give what trafilatura
itself gives: the same nodes cleaned, the same text, and trafilatura alone untouched."""

from __future__ import annotations

from copy import copy

import trafilatura
from lxml import etree

from cleaner.markup import extract_cleaning, extract_speed
from cleaner.markup.extract import extract_main, parse_html

BODY = "".join(f"<p>Paragraph {n} of the story: the council voted on the new harbour plan and "
               "the ferry timetable changes from next month onwards.</p>" for n in range(6))


def _page(extra: str = "") -> str:
    return (f"<html><head><title>t</title><style>p {{}}</style></head><body>{extra}"
            f"<article>{BODY}</article><aside>Elsewhere</aside><footer>Footer text</footer>"
            "<div class='site-footer'>links</div><script>var x = 1;</script></body></html>")


def _texts(tree) -> list[str]:
    return [" ".join(t.split()) for t in tree.itertext()]


def test_quick_basic_cleaning_removes_what_trafilaturas_selector_removes():
    assert extract_cleaning.MATCHES_TRAFILATURA
    tree = parse_html(_page())
    ours = extract_cleaning.basic_cleaning_quick(copy(tree))
    theirs = copy(tree)
    for elem in trafilatura.settings.BASIC_CLEAN_XPATH(theirs):
        trafilatura.xml.delete_element(elem)
    assert ours is not None and etree.tostring(ours) == etree.tostring(theirs)
    assert "Footer text" not in _texts(ours)


def test_a_cookie_banner_class_leaves_the_page_to_trafilaturas_own_selector():
    for banner in ("<div class='Cookie-Banner'>We use cookies</div>",
                   "<div id='onetrust-consent-sdk'>Consent</div>",
                   "<div class='cooKie_notice'>Kelvin sign k</div>"):
        tree = parse_html(_page(banner))
        assert extract_cleaning.basic_cleaning_quick(tree) is None


def test_trafilatura_alone_keeps_its_own_cleaning(monkeypatch):
    calls = []
    monkeypatch.setattr(extract_speed, "basic_cleaning_quick", lambda t: calls.append(t))
    trafilatura.html2txt(_page())  # not cleaner's run: the shortcut is not asked
    assert calls == []
    tree = parse_html(_page())
    with_shortcut = extract_speed.OWN_RUN.set(True)
    try:
        trafilatura.html2txt(tree)
    finally:
        extract_speed.OWN_RUN.reset(with_shortcut)
    assert len(calls) == 1


def test_the_raw_tree_is_copied_for_the_fallbacks_only_when_they_run(monkeypatch):
    copies = []
    real = extract_speed._copy

    def counted(obj):
        copies.append(obj)
        return real(obj)

    monkeypatch.setattr(extract_speed, "_copy", counted)
    found = extract_main(parse_html(_page()), consume=True)
    assert found.note.startswith("extraction: fast pass (")
    quiet = len(copies)
    copies.clear()
    trafilatura.extract(_page(), include_comments=False)  # trafilatura alone: copies it
    assert len(copies) > quiet


def test_the_main_text_is_trafilaturas_own_on_a_plain_page():
    page = _page()
    ours = extract_main(parse_html(page)).text
    assert ours == trafilatura.extract(page, include_comments=False, fast=True)
