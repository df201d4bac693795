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
