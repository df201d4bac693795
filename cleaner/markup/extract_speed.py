"""Stand-ins that make trafilatura's run cheaper on cleaner's own pages, output unchanged.

Why this is its own module: each stand-in skips work whose result the run never reads (a
tree copy) or does the same work a faster way (basic cleaning), and each must stay exactly
trafilatura's own for every other caller (trafilatura alone is the benchmark's baseline).
tests/markup/test_extract_speed.py holds them to both.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from contextvars import ContextVar

import trafilatura.core
import trafilatura.external
import trafilatura.main_extractor
from lxml.etree import XPath, _Element
from lxml.html import HtmlElement
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor
from trafilatura.xml import delete_element

from cleaner.markup.extract_choice import EVIDENCE, RawCopy, _made, compare_if_fragment
from cleaner.markup.extract_cleaning import basic_cleaning_quick, html2txt_in_place
from cleaner.markup.standin import stand_in


def _lazily(options: Extractor) -> bool:
    """Whether this run is cleaner's own and compares with the fallbacks only on evidence
    (compare_if_fragment), so that the trees the comparison reads can be made on demand."""
    return EVIDENCE.get() is not None and not options.fast and not options.comments


def _extract_then_compare(cleaned_tree: HtmlElement, cleaned_tree_backup: HtmlElement | RawCopy,
                          tree: HtmlElement, options: Extractor) -> tuple[_Element, str]:
    """Stands in for trafilatura.core._extract_and_compare (pinned 2.3.1), which copies the
    raw tree for the comparison with the fallbacks before it knows whether that runs: on
    cleaner's own runs the copy is made only when it does (1 ms a page; nothing reads or
    changes the raw tree in between). Every other caller gets the original."""
    if not _lazily(options):
        return _trafilatura_extract_and_compare(
            cleaned_tree, _made(cleaned_tree_backup), tree, options)
    postbody, temp_text = extract_content(cleaned_tree, options)
    return compare_if_fragment(
        cleaned_tree_backup, RawCopy(lambda: _copy_unless_given_up(tree)), postbody,
        temp_text, options)


_trafilatura_extract_and_compare: Callable[
    [HtmlElement, HtmlElement, HtmlElement, Extractor], tuple[_Element, str]] = stand_in(
    trafilatura.core, "_extract_and_compare", _extract_then_compare)


def _prepare_then_back_up_on_demand(tree: HtmlElement, options: Extractor,
                                    url: str | None) -> tuple[HtmlElement, HtmlElement | RawCopy]:
    """Stands in for trafilatura.core._prepare_tree (pinned 2.3.1), which cleans a copy of
    the raw tree, copies the cleaned tree as a backup for the comparison with the fallbacks
    and converts the tags of the first: on cleaner's own runs that comparison seldom runs
    (two pages in three skip it on scrapinghub), so the backup is made only when it does, by
    cleaning another copy of the raw tree the same way (tree_cleaning reads nothing but the
    tree and the options, and nothing changes the raw tree in between, as for RawCopy
    above). Every other caller gets the original."""
    if not _lazily(options):
        return _trafilatura_prepare_tree(tree, options, url)
    cleaned = tree_cleaning(_copy_unless_given_up(tree), options)  # trafilatura.core.copy
    backup = RawCopy(lambda: tree_cleaning(_copy_unless_given_up(tree), options))
    return convert_tags(cleaned, options, url), backup


_trafilatura_prepare_tree: Callable[
    [HtmlElement, Extractor, str | None], tuple[HtmlElement, HtmlElement]] = stand_in(
    trafilatura.core, "_prepare_tree", _prepare_then_back_up_on_demand)

# trafilatura.extract copies a tree it is given before pruning it (core.bare_extraction,
# pinned 2.3.1), so that the caller's tree survives. A caller that gives its tree up
# (extract_main(consume=True)) has that first copy skipped; every other copy is made.
OWNED_TREE: ContextVar[HtmlElement | None] = ContextVar("cleaner_owned_tree", default=None)


def _copy_unless_given_up(obj: HtmlElement) -> HtmlElement:
    """Stands in for trafilatura.core.copy: the given-up tree once, uncopied; else a copy."""
    if obj is not None and obj is OWNED_TREE.get():
        OWNED_TREE.set(None)
        return obj
    return _copy(obj)


_copy: Callable[[HtmlElement], HtmlElement] = stand_in(trafilatura.core, "copy",
                                                       _copy_unless_given_up)

# trafilatura's basic cleaning (html2txt's page measure before its recall retry, baseline,
# justext) found the faster way on cleaner's own runs, the same nodes (see
# extract_cleaning); trafilatura alone, the baseline, keeps its own.
OWN_RUN: ContextVar[bool] = ContextVar("cleaner_own_run", default=False)


def _basic_cleaning_quickly(tree: HtmlElement) -> HtmlElement:
    """Stands in for trafilatura.baseline.basic_cleaning (pinned 2.3.1; trafilatura.external
    imports it by name): basic_cleaning_quick on cleaner's own runs when it can decide."""
    if OWN_RUN.get() and (done := basic_cleaning_quick(tree)) is not None:
        return done
    return _trafilatura_basic_cleaning(tree)


# the module, not trafilatura.baseline: the package's attribute of that name is a function
_trafilatura_basic_cleaning: Callable[[HtmlElement], HtmlElement] = stand_in(
    importlib.import_module("trafilatura.baseline"), "basic_cleaning", _basic_cleaning_quickly)
stand_in(trafilatura.external, "basic_cleaning", _basic_cleaning_quickly)


def _html2txt_without_copy(content: HtmlElement | str, clean: bool = True) -> str:
    """Stands in for trafilatura.baseline.html2txt where trafilatura.core calls it (pinned
    2.3.1: the page's text measured before its recall retry, on every page whose text is
    under 3,000 characters), which copies the whole raw tree to clean and space it: on
    cleaner's own runs the same text is read from the tree as it is (extract_cleaning.
    html2txt_in_place; 2.9 against 2.2 ms a call). Every other caller gets the original."""
    if OWN_RUN.get() and clean and isinstance(content, HtmlElement) and (
            text := html2txt_in_place(content)) is not None:
        return text
    return _trafilatura_html2txt(content, clean)


_trafilatura_html2txt: Callable[[HtmlElement | str, bool], str] = stand_in(
    trafilatura.core, "html2txt", _html2txt_without_copy)


def _outermost(matches: dict[HtmlElement, None]) -> list[HtmlElement]:
    """The matches with no match among their ancestors, in the order of `matches`: what
    trafilatura's prune_unwanted_nodes computes by testing every ancestor of every match
    (2,300 ancestor walks a page); here each ancestor is looked at once, its answer kept."""
    covered: dict[HtmlElement, bool] = {}
    outer = []
    for elem in matches:
        path, node, found = [], elem.getparent(), False
        while node is not None:
            known = covered.get(node)
            if known is not None:
                found = known
                break
            if node in matches:
                found = True
                break
            path.append(node)
            node = node.getparent()
        for seen in path:
            covered[seen] = found
        if not found:
            outer.append(elem)
    return outer


def _prune_unwanted_nodes_quickly(tree: HtmlElement, nodelist: list[XPath],
                                  with_backup: bool = False) -> HtmlElement:
    """Stands in for trafilatura.htmlprocessing.prune_unwanted_nodes where its main extractor
    calls it (pinned 2.3.1): the same nodes pruned under the same guard, the outermost
    matches found by _outermost. Every other caller gets the original."""
    if not (with_backup and OWN_RUN.get()):
        return _trafilatura_prune_unwanted_nodes(tree, nodelist, with_backup)
    matches = dict.fromkeys(elem for expression in nodelist for elem in expression(tree))
    outer = _outermost(matches)
    old_len = len(tree.text_content())
    if old_len - sum(len(elem.text_content()) for elem in outer) > old_len / 7:
        for elem in outer:
            delete_element(elem)
    return tree


_trafilatura_prune_unwanted_nodes: Callable[[HtmlElement, list[XPath], bool], HtmlElement] = (
    stand_in(trafilatura.main_extractor, "prune_unwanted_nodes", _prune_unwanted_nodes_quickly))


# justext (as the pinned trafilatura calls it: external.try_justext hands classify_paragraphs
# JT_STOPLIST, every language's stopwords in one tuple of 154,000 words) looks the lowercased
# set up in an lru_cache keyed by that tuple, whose hash is recomputed on every call: 1 ms
# with the tuple in the CPU's caches, 8 ms in the middle of a page (measured on scrapinghub:
# 10 calls for 181 pages, 0.44 ms a page). On cleaner's own runs the same tuple object gets
# the same set without hashing it; any other tuple, and every other caller, gets justext's.
_last_stoplist: list[tuple[object, frozenset[str]]] = []


def _stoplist_by_identity(stoplist: tuple[str, ...]) -> frozenset[str]:
    """Stands in for justext.core.define_stoplist: the set made for this very object last
    time on cleaner's own runs, else justext's own (lru_cached) answer."""
    if not OWN_RUN.get():
        return _justext_define_stoplist(stoplist)
    if _last_stoplist and _last_stoplist[0][0] is stoplist:
        return _last_stoplist[0][1]
    made = _justext_define_stoplist(stoplist)
    _last_stoplist[:] = [(stoplist, made)]
    return made


_justext_define_stoplist: Callable[[tuple[str, ...]], frozenset[str]] = stand_in(
    importlib.import_module("justext.core"), "define_stoplist", _stoplist_by_identity)
