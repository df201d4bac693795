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
