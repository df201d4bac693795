"""The shortcuts cleaner takes inside trafilatura's run (issue 11, time) give what trafilatura
itself gives: the same nodes cleaned, the same text, and trafilatura alone untouched."""

from __future__ import annotations

from copy import copy

import trafilatura
from lxml import etree

from cleaner.markup import extract, extract_cleaning, extract_speed
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


def test_the_cleaned_backup_is_made_only_when_the_fallbacks_run(monkeypatch):
    cleanings = []
    real = extract_speed.tree_cleaning

    def counted(tree, options):
        cleanings.append(tree)
        return real(tree, options)

    monkeypatch.setattr(extract_speed, "tree_cleaning", counted)
    found = extract_main(parse_html(_page()), consume=True)
    assert found.note.startswith("extraction: fast pass (")
    assert len(cleanings) == 1  # the tree the main extractor reads; no backup made
    cleanings.clear()
    # a page whose paragraphs hold far more than the fast text: the comparison runs
    monkeypatch.setattr(extract, "paragraph_chars", lambda tree: 100_000)
    found = extract_main(parse_html(_page()), consume=True)
    assert found.note.startswith(("extraction: fallbacks", "extraction: fast pass kept"))
    assert len(cleanings) >= 2  # the comparison ran: the backup was made for it


def test_the_backup_made_on_demand_is_the_backup_trafilatura_makes():
    from trafilatura.settings import Extractor

    from cleaner.markup.extract_choice import Evidence

    tree = parse_html(_page("<table><tr><td>cell</td></tr></table><form>f</form>"))
    options = Extractor(comments=False)
    theirs = extract_speed._trafilatura_prepare_tree(copy(tree), options, None)[1]
    token = extract_speed.EVIDENCE.set(Evidence(0, 0))
    try:
        ours = extract_speed._prepare_then_back_up_on_demand(copy(tree), options, None)[1]
    finally:
        extract_speed.EVIDENCE.reset(token)
    assert isinstance(ours, extract_speed.RawCopy)
    assert etree.tostring(ours.make()) == etree.tostring(theirs)


IN_PLACE_PAGES = [
    _page(),
    "<html><body><div>Lead<aside>side</aside> tail\x07 one<script>x</script>two</div>"
    "<p>para<footer>f</footer></p><span>a<style>s</style>b</span>"
    "<div id='footer' class='x'>by id first</div><div class='x' id='footer'>kept</div>"
    "<section><svg><text>t</text></svg>\x0b after svg</section>end</body></html>",
    "<html><body>no blocks <b>bold</b><template>t</template> tail</body></html>",
]


def test_the_page_text_read_in_place_is_html2txts():
    token = extract_speed.OWN_RUN.set(True)
    try:
        for page in IN_PLACE_PAGES:
            tree = parse_html(page)
            assert extract_cleaning.html2txt_in_place(tree) == trafilatura.html2txt(tree)
        banner = parse_html(_page("<div class='cookie-banner'>We use cookies</div>"))
        assert extract_cleaning.html2txt_in_place(banner) is None  # trafilatura's own way
    finally:
        extract_speed.OWN_RUN.reset(token)


def test_the_cookie_words_decide_as_the_expression_does():
    for values in ("nav\nmain", "cookie-banner", "x\nCookieBot", "notice__cookie", "Consent-SDK",
                   "cooKie_notice", "cookıe-banner", "consent", "ONETRUST-x"):
        assert extract_cleaning.names_cookie_banner(values) == bool(
            extract_cleaning._COOKIE_CONSENT.search(values))


def test_the_outermost_matches_are_trafilaturas():
    tree = parse_html("<html><body><div class='a'><div class='a'><p class='a'>x</p></div>"
                      "<span class='b'>y</span></div><p class='b'>z<b class='a'>w</b></p>"
                      "</body></html>")
    select = [etree.XPath(".//*[@class='b']"), etree.XPath(".//*[@class='a']")]
    matches = dict.fromkeys(el for x in select for el in x(tree))
    theirs = [el for el in matches if not any(a in matches for a in el.iterancestors())]
    assert extract_speed._outermost(matches) == theirs and len(theirs) == 2


def test_the_stoplist_set_is_justexts_own_found_without_hashing_the_tuple(monkeypatch):
    import justext.core

    stoplist = ("The", "And", "Der")
    expected = extract_speed._justext_define_stoplist(stoplist)
    hashed = []
    monkeypatch.setattr(extract_speed, "_justext_define_stoplist",
                        lambda s: hashed.append(s) or expected)
    assert justext.core.define_stoplist(stoplist) == frozenset({"the", "and", "der"})
    assert len(hashed) == 1  # not cleaner's run: justext's own, every time
    own = extract_speed.OWN_RUN.set(True)
    try:
        first = justext.core.define_stoplist(stoplist)
        again = justext.core.define_stoplist(stoplist)
        other = justext.core.define_stoplist(("x",))
    finally:
        extract_speed.OWN_RUN.reset(own)
    assert first is again is expected
    assert len(hashed) == 3  # the first time on cleaner's run, and for another tuple
    assert other is expected  # (the stand-in above answers `expected` for any tuple)
