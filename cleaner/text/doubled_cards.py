"""Cards that print their headline twice, with at most a section and an outlet line
between the copies and a one-line teaser under the second: a portal's front or topic page
("Storm knocks out power" / "U.S." / "Associated Press" / the headline again / a teaser).

There is no date or "Read More" to anchor them (`cards`), and no bullet (`card_spans`):
the copies are the anchor. A story's own doubled lines differ in their shape: an image's
alt text and caption sit on consecutive lines (the copies here have a blank or the card's
labels between them), an article keeps paragraphs outside such a run, and a story's
doubled headline and captions carry no outlet between their copies; so a run counts only
with `MIN_CARDS` units in a row, half of them with labels between the copies, and no
paragraph left open anywhere else on the page.
"""

from __future__ import annotations

from cleaner.core.lines import Line, is_paragraph, normalize
from cleaner.core.records import Related

__all__ = ["mark_doubled_cards", "DOUBLED_CARDS"]

DOUBLED_CARDS = "generic-doubled-cards"
MIN_CARDS = 2
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_CHARS = 160
LABEL_MAX_WORDS = 4  # "U.S.", "Associated Press", "Full coverage »"
MAX_LABELS = 2  # between the copies, and between two cards
_SENTENCE_END = (".", "!", "?", ":", ";")


def _headline(text: str) -> bool:
    return (len(text.split()) >= MIN_HEADLINE_WORDS and len(text) <= MAX_HEADLINE_CHARS
            and not text.endswith(_SENTENCE_END) and text[0].isalnum())


def _label(text: str) -> bool:
    return len(text.split()) <= LABEL_MAX_WORDS and not text.endswith(("!", "?", ":", ";"))


def _unit(live: list[Line], k: int) -> tuple[int, list[int], int | None] | None:
    """(position of the second copy, label positions, teaser position or None) for a card
    whose first copy is at `k`."""
    if not _headline(live[k].text):
        return None
    key = normalize(live[k].text)
    for j in range(k + 1, min(len(live), k + 2 + MAX_LABELS)):
        if normalize(live[j].text) == key:
            if live[j].index - live[k].index < 2:
                return None  # alt text over its caption, on the next line
            after = j + 1
            teaser = after if after < len(live) and live[after].text.endswith(
                _SENTENCE_END[:3]) and not _headline(live[after].text) else None
            return j, list(range(k + 1, j)), teaser
        if not _label(live[j].text):
            return None
    return None


# A card: first copy, second copy, label positions, teaser position (open-line positions).
_Unit = tuple[int, int, list[int], int | None]


def _end(unit: _Unit) -> int:
    return unit[3] if unit[3] is not None else unit[1]


def mark_doubled_cards(lines: list[Line]) -> list[Related]:
    """Decide a run of doubled-headline cards as related; return them.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Storm cuts power to homes\\nU.S.\\nWire\\n\\nStorm cuts power to "
    ...     "homes\\nCrews were sent to help.\\nZoo welcomes twin cubs\\n\\nZoo welcomes twin cubs")
    >>> [(r.title, r.source, r.teaser) for r in mark_doubled_cards(page)]
    [('Storm cuts power to homes', 'Wire', 'Crews were sent to help.'), \
('Zoo welcomes twin cubs', None, None)]
    """
    live = [ln for ln in lines if ln.open]
    units: list[_Unit] = []
    k = 0
    while k < len(live):
        unit = _unit(live, k)
        if unit is None:
            k += 1
            continue
        units.append((k, *unit))
        k = _end(units[-1]) + 1
    runs: list[list[_Unit]] = []
    for one in units:
        if runs:
            gap = live[_end(runs[-1][-1]) + 1:one[0]]
            if len(gap) <= MAX_LABELS and all(_label(ln.text) for ln in gap):
                runs[-1].append(one)
                continue
        runs.append([one])
    run = max(runs, key=len, default=[])
    if len(run) < MIN_CARDS or sum(bool(u[2]) for u in run) * 2 < len(run):
        return []  # half the cards at least name their section or outlet between copies
    first, last = run[0][0], _end(run[-1])
    if any(is_paragraph(ln.text) for n, ln in enumerate(live) if n < first or n > last):
        return []  # a story around the run: its own doubled lines, not cards
    found: list[Related] = []
    for k, _j, labels, teaser in run:
        source = live[labels[-1]].text if labels else None
        found.append(Related(live[k].text, source, None, None,
                             live[teaser].text if teaser is not None else None))
    own = {n for k, j, labels, teaser in run
           for n in (k, j, *labels, *(() if teaser is None else (teaser,)))}
    for n in range(first, last + 1):  # between two cards: a link line ("Full coverage »")
        live[n].decide(*(("related", "related") if n in own else ("noise", "nav")),
                       DOUBLED_CARDS)
    return found
