"""Cards that their anchor opens and a short line closes: date, label, title, teaser,
outlet.

Search and aggregator result pages print each result as its date ("Feb 11 2025"), a type
label ("News", "Analysis"), the headline, a teaser over one or two lines and the outlet's
name under it. The anchor grouping (`card_anchored`) reads the short line right above each
date as the next card's source (as "Reuters" / "3h" / title cards print it), which shifts
every card by one line here. What tells the two apart is the edges of the run: when the
lines after the last date have the shape the lines between two dates have, ending in the
short line, and the line above the first date is no such short line, the dates open the
cards and the short line closes each: it is the card's outlet (outlets differ from card
to card; a line every post ends with, "Posted in Technology", is a label).
"""

from __future__ import annotations

from cleaner.core.lines import normalize
from cleaner.core.records import Related
from cleaner.text.card_fields import card_title
from cleaner.text.card_lines import MAX_CARD_LINES, MIN_CARDS, Token

__all__ = ["opened_by_anchor"]

_CHROME = ("R", "N", "X")


def _shape(tokens: list[Token], span: list[int]) -> str:
    """The kinds of a card's lines, a teaser's lines counted once (a teaser cut over two
    lines reads as prose then a title-sized rest)."""
    out: list[str] = []
    for k in span:
        kind = tokens[k].kind
        if kind == "T" and out and out[-1] == "P":
            kind = "P"
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def opened_by_anchor(texts: list[str], tokens: list[Token], run: list[int]
                     ) -> tuple[list[Related], list[int]] | None:
    """The cards of an anchor run opened by their anchors and closed by a short line, with
    the positions they use; None when the run is not of that shape (see the module
    docstring)."""
    if len(run) < MIN_CARDS:
        return None
    spans = [[k for k in range(a + 1, b) if tokens[k].kind not in _CHROME]
             for a, b in zip(run, run[1:])]
    shapes = [_shape(tokens, s) for s in spans]
    common = shapes[0]
    if (any(s != common for s in shapes) or len(common) < 3 or common[-1] != "S"
            or "T" not in common or any(len(s) > MAX_CARD_LINES for s in spans)):
        return None
    above = next((k for k in range(run[0] - 1, -1, -1) if tokens[k].kind not in _CHROME), None)
    if above is not None and tokens[above].kind == "S":
        return None  # the short line stands above every date: it opens the cards
    tail: list[int] = []
    for k in range(run[-1] + 1, min(len(tokens), run[-1] + 1 + MAX_CARD_LINES)):
        if tokens[k].kind in _CHROME:
            continue
        tail.append(k)
        if _shape(tokens, tail) == common:
            break
    if _shape(tokens, tail) != common:
        return None
    closers = [normalize(texts[s[-1]]) for s in [*spans, tail]]
    if len(set(closers)) < len(closers):
        return None  # a label every post ends with ("Posted in Technology"), no outlet
    items: list[Related] = []
    used: list[int] = []
    for a, span in zip(run, [*spans, tail]):
        title = next(k for k in span if tokens[k].kind == "T")
        teaser = [texts[k] for k in span if k > title and k != span[-1]
                  and tokens[k].kind in ("P", "T")]
        items.append(Related(card_title(texts[title]), texts[span[-1]],
                             tokens[a].published, None, "\n".join(teaser) or None))
        used += [a, *span]
    return items, used
