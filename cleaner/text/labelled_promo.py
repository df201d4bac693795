"""A promo unit printed twice: a short label over a headline, then the label again
(often with a colon) over the same headline.

Portal pages put a banner above the page's own content that links another story ("Live
Updates" / "Jury begins deliberations in ..." / "Live Updates:" / the same headline): the
visible text and its screen-reader copy. The headline has the headline's size and the page
prints it again, so the title chooser would take it for the page's doubled headline, and a
listing under it would look like an article. An aggregator's doubled headline is printed
twice on its own (Daily8 "logo" / title / title) or with different lines above each copy;
only a promo repeats its label with it. The unit is a related item; its labels are chrome.
"""

from __future__ import annotations

from cleaner.core.lines import Line, is_paragraph, normalize
from cleaner.core.records import Related

__all__ = ["mark_labelled_promo", "LABELLED_PROMO"]

LABELLED_PROMO = "generic-labelled-promo"
LABEL_MAX_WORDS = 4  # "Live Updates", "Breaking News", "Watch Live"
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_CHARS = 160


def _label(text: str) -> str | None:
    """The label's key (a trailing colon aside) when the line is a short label."""
    text = text.rstrip(":").strip()
    if (not text or len(text.split(maxsplit=LABEL_MAX_WORDS)) > LABEL_MAX_WORDS or text[-1] in ".!?"
            or not any(c.isalpha() for c in text)):
        return None  # an icon ("💾") over a picture credit is no label
    return normalize(text)


def _headline(text: str) -> bool:
    """A headline's size and shape; a credit ("© Photograph: ...") is none."""
    return (text[0].isalnum() and len(text.split()) >= HEADLINE_MIN_WORDS
            and len(text) <= HEADLINE_MAX_CHARS and not is_paragraph(text)
            and text[-1] not in ".:")


def mark_labelled_promo(lines: list[Line]) -> list[Related]:
    """Decide each promo unit printed twice as a related item (its labels as chrome).

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Live Updates\\nJury begins deliberations in bribery trial\\n"
    ...                    "Live Updates:\\nJury begins deliberations in bribery trial\\n"
    ...                    "Will we stop changing the clocks?")
    >>> [r.title for r in mark_labelled_promo(page)], [ln.fate for ln in page][:4]
    (['Jury begins deliberations in bribery trial'], ['noise', 'related', 'noise', 'related'])
    """
    filled = [ln for ln in lines if ln.open]
    # the headline's two copies are compared first: most lines are printed once, and the
    # comparison keys are wanted by later stages anyway (normalize remembers them)
    keys = [normalize(ln.text) for ln in filled]
    found: list[Related] = []
    k = 0
    while k + 3 < len(filled):
        if keys[k + 1] != keys[k + 3]:
            k += 1
            continue
        a, b, c, d = filled[k:k + 4]
        key = _label(a.text)
        if (key is not None and key == _label(c.text) and _headline(b.text)
                and keys[k + 1] != key):
            a.decide("noise", "related", LABELLED_PROMO)
            c.decide("noise", "related", LABELLED_PROMO)
            b.decide("related", "related", LABELLED_PROMO)
            d.decide("related", "related", LABELLED_PROMO)
            found.append(Related(b.text.strip()))
            k += 4
        else:
            k += 1
    return found
