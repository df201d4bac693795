"""The judgements made after trafilatura's run, on the text it returned.

Why this is its own module: some pages cannot be judged inside the run (extract_choice),
because the main extractor found almost nothing and trafilatura rescued the page later, or
because neither of its passes completed a fragment. These judgements read the run's text
beside the page's own evidence and may take a second trafilatura run or the page's
paragraphs instead; each says so in the note.

3. A fragment that the fallbacks did not complete either: the page's paragraphs are taken
   (paragraphs_if_fragment) when that text is the size of the paragraph text the page
   shows (PAGE_TEXT_SPAN of it), holds PAGE_TEXT_CONTAINS of the fragment's words and is
   PAGE_TEXT_EXTENDS times longer. Set on WCXB (4 pages completed, from F1 0.39-0.49 to
   0.89-0.99); pages whose paragraph text is larger than the page's paragraphs (teasers,
   product boxes: 1.3-2.3 times) or only 1.5 times the fragment stay as they were.
4. A rescued text that is one glued line (see split_if_glued).
"""

from __future__ import annotations

import trafilatura
from lxml.html import HtmlElement

from cleaner.markup.extract_choice import (
    EXTENDS,
    FRAGMENT_OF_PAGE,
    FRAGMENT_OF_PARAGRAPHS,
    MENU_SHARE,
    NEW_WORD,
    NEW_WORDS_MIN,
    Evidence,
    Extraction,
    menu_share,
    new_word_share,
)

PAGE_TEXT_SPAN = (0.8, 1.25)
PAGE_TEXT_EXTENDS = 2.0
PAGE_TEXT_CONTAINS = 0.75  # the fragment may carry a bio or a disclaimer the body lacks
GLUED_MIN_CHARS = 2000
GLUED_SPLIT_LINES = 3
SAME_TEXT_SHARE = 0.5
SAME_TEXT_WORDS = 0.9


def contained_share(part: str, whole: str) -> float:
    """Share of part's words (four letters or more) that whole has too."""
    words = NEW_WORD.findall(part.lower())
    have = set(NEW_WORD.findall(whole.lower()))
    return sum(w in have for w in words) / len(words) if words else 1.0


def paragraphs_if_fragment(tree: HtmlElement, found: Extraction, ev: Evidence) -> Extraction:
    """A fragment that neither pass completed: the body is the page's own paragraphs
    (trafilatura's baseline: article body, else the <p>s in page order) when they hold
    about the text the page shows in paragraphs, contain the fragment, and are at least
    PAGE_TEXT_EXTENDS times as long (WCXB: a fast pass that stopped at the first of a
    page's sections, the rest in sibling containers)."""
    n = len(found.text)
    if PAGE_TEXT_EXTENDS * n > PAGE_TEXT_SPAN[1] * ev.paragraphs:
        return found  # no text the size of the paragraphs can be that much longer
    from trafilatura import baseline

    text = baseline(tree)[1]
    low, high = PAGE_TEXT_SPAN
    if not (text and low * ev.paragraphs <= len(text) <= high * ev.paragraphs
            and len(text) >= PAGE_TEXT_EXTENDS * n and contained_share(found.text, text)
            >= PAGE_TEXT_CONTAINS):
        return found
    return Extraction(text, f"{found.note}; the page's paragraphs ({len(text)} characters) "
                      "taken instead")


def judge_rescued(tree: HtmlElement, url: str | None, fast: str, ev: Evidence) -> Extraction:
    """The main extractor found almost nothing and trafilatura's rescue gave `fast`: judged
    like any fast text, with a second, full run when the page shows it is a fragment."""
    n = len(fast)
    held = f"the page holds {ev.paragraphs} in paragraphs, {ev.page} in all"
    menu = menu_share(fast) >= MENU_SHARE
    complete = n >= FRAGMENT_OF_PARAGRAPHS * ev.paragraphs and n >= FRAGMENT_OF_PAGE * ev.page
    if complete and not menu:
        return split_if_glued(tree, url, Extraction(
            fast, f"extraction: fast pass, rescued ({n} characters; {held})"))
    full = trafilatura.extract(tree, url=url, include_comments=False) or ""
    why = "a menu (short lines)" if menu else f"{n} characters ({held})"
    seen = f"the fast pass, rescued, found {why}; trafilatura's fallbacks found {len(full)}"
    if menu and full or (len(full) >= EXTENDS * n and full
                         and new_word_share(fast, full) >= NEW_WORDS_MIN):
        return Extraction(full, f"extraction: fallbacks ({seen}, used)")
    ev.kept = True
    return Extraction(fast, f"extraction: fast pass kept ({seen}, no completion)")


def split_if_glued(tree: HtmlElement, url: str | None, found: Extraction) -> Extraction:
    """A rescued text in one line of GLUED_MIN_CHARS or more is a whole container read as
    one block (trafilatura's baseline), menus and credits glued to the body where no line
    rule can reach them. trafilatura's full run is taken instead when it gives the same text
    in paragraphs: several lines, SAME_TEXT_SHARE of the length, and SAME_TEXT_WORDS of its
    words in the rescued text (WCXB: 3 pages, F1 +0.01 to +0.06; a full run that keeps a
    tenth of the page, or one line again, is no split)."""
    text = found.text
    if len(text) < GLUED_MIN_CHARS or "\n" in text:
        return found
    full = trafilatura.extract(tree, url=url, include_comments=False) or ""
    if (full.count("\n") >= GLUED_SPLIT_LINES and len(full) >= SAME_TEXT_SHARE * len(text)
            and contained_share(full, text) >= SAME_TEXT_WORDS):
        return Extraction(full, f"{found.note}; one glued line, trafilatura's full run "
                          f"splits it ({full.count(chr(10)) + 1} lines, used)")
    return found
