"""Whether trafilatura's fast text stands or its fallbacks run, decided per page by evidence.

Why this is its own module: it is the one judgement made inside trafilatura's run (as a
stand-in for its comparison with the fallbacks), with the page's evidence and the note that
says which pass the text came from. The adapter (extract) sets the evidence up and reads the
note; the judgements after the run (extract_rescue) reuse the same measures.

Each page gets trafilatura's main extractor, as its fast mode runs it (no readability or
justext fallbacks): on aggregator pages its text holds fewer teasers and menus. On ordinary
pages it sometimes returns a fragment (issue 11: 31 of WCXB's 711 pages kept under a third
of their body), so whether it is complete is decided per page, by evidence, inside the one
trafilatura run (see compare_if_fragment):

1. Is the main extractor's text short beside the text the page itself holds? Against the
   paragraphs (<p>, <pre> of PARAGRAPH_MIN_CHARS or more) and against all visible text of
   the pruned page. Or is it a menu (MENU_SHARE of it in short lines)? If not, it stands.
2. If so, trafilatura's own comparison with its fallbacks runs, and its text is taken when
   it is EXTENDS times longer and brings new words (a text that repeats the first one, a
   page printed twice, is no completion).

Set on both benchmarks (`cleaner eval`): every WCXB page whose fast text was a fragment is
caught but one whose fallback text is no better.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

import trafilatura.core
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.settings import Extractor

from cleaner.markup.standin import stand_in

PARAGRAPH_MIN_CHARS = 80  # shorter <p>s are captions, bylines and teaser lines
FRAGMENT_OF_PARAGRAPHS = 0.5  # fast text under half the page's paragraph text: suspect
FRAGMENT_OF_PAGE = 0.4  # ... or under 40% of all the page's visible text
EXTENDS = 1.3  # the fallbacks' text must be this much longer to replace the fast one
NEW_WORDS_MIN = 0.1  # share of the fallbacks' words the fast text lacks
NEW_WORD = re.compile(r"\w{4,}")
# A fast result is a menu when at least this share of its text is in lines under
# MENU_LINE_CHARS. Set on the benchmark: the one page where fast failed scores 0.89; the next
# highest is 0.31 (a real article with short list items).
MENU_SHARE = 0.8
MENU_LINE_CHARS = 40


def menu_share(text: str) -> float:
    """Share of the text's characters that sit in short lines: near 1 for a link list."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    total = sum(len(ln) for ln in lines)
    return sum(len(ln) for ln in lines if len(ln) < MENU_LINE_CHARS) / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Extraction:
    """The main text and a note saying which pass it came from and why."""

    text: str
    note: str


@dataclass(slots=True)
class Evidence:
    """What the page holds, set before the trafilatura run; the decision and its note are
    written by the first comparison and reused by trafilatura's recall retry."""

    paragraphs: int
    page: int
    use_fallbacks: bool | None = None
    deferred: bool = False
    note: str = ""
    chosen: int = 0  # characters of the text the comparison kept
    kept: bool = False  # a fragment that trafilatura's fallbacks did not complete


# Set by the adapter for the length of cleaner's own trafilatura run; None for every other
# caller, which then gets trafilatura's own comparison.
EVIDENCE: ContextVar[Evidence | None] = ContextVar("cleaner_extract_evidence", default=None)


def paragraph_chars(tree: HtmlElement) -> int:
    """Characters the page holds in paragraph-like nodes long enough to be body text."""
    total = 0
    for node in tree.iter("p", "pre"):
        n = len(" ".join(node.text_content().split()))
        total += n if n >= PARAGRAPH_MIN_CHARS else 0
    return total


def new_word_share(fast: str, full: str) -> float:
    """Share of full's words (four letters or more) that the fast text does not have."""
    have = set(NEW_WORD.findall(fast.lower()))
    words = NEW_WORD.findall(full.lower())
    return sum(w not in have for w in words) / len(words) if words else 0.0


def _block_lines(body: _Element) -> str:
    return "\n".join(" ".join(el.itertext()) for el in body)


@dataclass(frozen=True, slots=True)
class RawCopy:
    """A tree for the comparison not made yet: the raw tree's copy, or the cleaned tree's
    backup (see extract_speed)."""

    make: Callable[[], HtmlElement]


def _made(tree: HtmlElement | RawCopy) -> HtmlElement:
    return tree.make() if isinstance(tree, RawCopy) else tree


def compare_if_fragment(cleaned_tree: HtmlElement | RawCopy, raw_tree: HtmlElement | RawCopy,
                        body: _Element, text: str,
                        options: Extractor) -> tuple[_Element, str]:
    """Stands in for trafilatura.core.compare_extraction (pinned 2.3.1): on cleaner's own
    runs it lets the comparison with the fallbacks happen only when the page shows that the
    main extractor's text is a fragment or a menu; every other caller gets the original.
    Either tree may be one not made yet (RawCopy, see extract_speed); the cleaned tree's
    backup is made first, as trafilatura makes it before the raw tree's copy."""
    ev = EVIDENCE.get()
    if ev is None:
        return _trafilatura_compare(_made(cleaned_tree), _made(raw_tree), body, text, options)
    if ev.use_fallbacks is None:
        n = len(text)
        if n < options.min_extracted_size:
            # too little to judge here: trafilatura rescues such a page later in the run
            # (baseline, wild text); extract_main judges what the run returns instead
            ev.use_fallbacks, ev.deferred = False, True
            return body, text
        menu = menu_share(_block_lines(body)) >= MENU_SHARE
        fragment = n < FRAGMENT_OF_PARAGRAPHS * ev.paragraphs or n < FRAGMENT_OF_PAGE * ev.page
        held = f"the page holds {ev.paragraphs} in paragraphs, {ev.page} in all"
        ev.chosen = n
        if not (menu or fragment):
            ev.use_fallbacks = False
            ev.note = f"extraction: fast pass ({n} characters; {held})"
            return body, text
        body2, text2 = _trafilatura_compare(_made(cleaned_tree), _made(raw_tree), body, text,
                                            options)
        why = "a menu (short lines)" if menu else f"{n} characters ({held})"
        seen = f"the fast pass found {why}; trafilatura's fallbacks found {len(text2)}"
        if menu and text2 or (len(text2) >= EXTENDS * n and text2
                              and new_word_share(text, text2) >= NEW_WORDS_MIN):
            ev.use_fallbacks, ev.chosen = True, len(text2)
            ev.note = f"extraction: fallbacks ({seen}, used)"
            return body2, text2
        ev.use_fallbacks, ev.kept = False, True
        ev.note = f"extraction: fast pass kept ({seen}, no completion)"
        return body, text
    if ev.use_fallbacks:
        return _trafilatura_compare(_made(cleaned_tree), _made(raw_tree), body, text, options)
    return body, text


_trafilatura_compare: Callable[[HtmlElement, HtmlElement, _Element, str, Extractor],
                               tuple[_Element, str]] = stand_in(
    trafilatura.core, "compare_extraction", compare_if_fragment)
