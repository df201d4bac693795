"""cleaner's page loader builds the tree trafilatura's own loader builds, with the same
element classes, only chosen without a call into Python per element."""

from __future__ import annotations

import pytest
from lxml import etree
from trafilatura.utils import load_html

from cleaner.markup.page_parser import load_page

PAGES = [
    "<html><head><title>T</title><!-- c --><?pi x?></head><body><form action='/s'>"
    "<label for='q'>Search</label><input name='q'><select name='s'><option>a</option>"
    "</select><textarea>t</textarea></form><article><p>Body &amp; more</p>"
    "<svg><linearGradient id='g'/></svg></article></body></html>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>declared encoding</p></body></html>",
    "<p>a lone fragment</p>",
    "just text, no markup at all",
    "<html><body><div><div><p>" + "deep " * 50 + "</p></div></div></body></html>",
]


def _shape(tree: etree._Element | None) -> tuple[bytes, list[str]] | None:
    if tree is None:
        return None
    return etree.tostring(tree), [type(el).__name__ for el in tree.iter()]


@pytest.mark.parametrize("page", PAGES)
def test_the_tree_and_its_classes_are_trafilaturas(page: str) -> None:
    assert _shape(load_page(page)) == _shape(load_html(page))


def test_form_elements_keep_their_lxml_html_classes() -> None:
    tree = load_page(PAGES[0])
    assert tree is not None
    kinds = {el.tag: type(el).__name__ for el in tree.iter()}
    assert kinds["form"] == "FormElement" and kinds["input"] == "InputElement"
    assert kinds["select"] == "SelectElement" and kinds["label"] == "LabelElement"
    assert kinds["p"] == "HtmlElement"


@pytest.mark.parametrize("page", [
    "<!DOCTYPE html>\n<html><head><title>Café</title></head><body><p>Crème brûlée, "
    "naïve “quotes” — 東京</p></body></html>",
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/'
    'DTD/xhtml1-strict.dtd">\n<html><body><p>Zürich – Ελληνικά</p></body></html>',
    "<!DOCTYPE html><html><body><p>one line only, é</p></body></html>",
    "<?xml version='1.0' encoding='iso-8859-1'?><html><body><p>déclaré</p></body></html>",
    "<html><body><p>bell \x07 and é</p></body></html>",
])
def test_the_pages_utf8_bytes_give_the_same_tree(page: str) -> None:
    assert _shape(load_page(page, page.encode("utf-8"))) == _shape(load_html(page))


REPAIRS = [
    "<!DOCTYPE html>\n<html><body><p>plain</p></body></html>",
    "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'http://www.w3.org/x.dtd' />\n<html>",
    "<!doctype html/><html><body>no newline at all</body></html>",
    '<html lang="en"/>\n<head></head><body><p>self-closing html</p></body>',
    "<html><body><p>a form feed \x0c and a bell \x07 and \x00</p></body></html>",
    "<!DOCTYPE html>\n<p>non-characters \ufffe and \uffff, tab\t, CR\r, curly ’</p>",
    "<p>accents é, CJK 漢字, emoji 😀, a replacement char \ufffd</p>",
]


@pytest.mark.parametrize("html", REPAIRS)
def test_the_repairs_are_trafilaturas(html: str) -> None:
    """repair_faulty skips trafilatura's deletion of forbidden characters only when there
    is none: the same string as trafilatura's repair_faulty_html, with or without bytes."""
    from trafilatura.utils import repair_faulty_html

    from cleaner.markup.page_parser import repair_faulty

    beginning = html[:50].lower()
    expected = repair_faulty_html(html, beginning)
    assert repair_faulty(html, beginning) == expected
    assert repair_faulty(html, beginning, html.encode("utf-8")) == expected
