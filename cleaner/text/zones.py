"""Where the article starts and ends: head (title, byline, date), body, tail (tags, chrome).

Rules scoped to a zone (`zone: head`) only fire there, so a byline pattern cannot eat a
boxout's byline in the middle of the story, and a tag-line pattern cannot eat a subhead.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.core.lines import Line, is_paragraph

# Without a single sentence-ended paragraph, lines this long stand in for paragraphs
# (Daily8 video pages glue "Show more" to the end of the story's only paragraph).
LONG_LINE_CHARS = 160
LOOKAHEAD_LINES = 3  # a story starts where a paragraph is followed by another this close


@dataclass(frozen=True, slots=True)
class Zones:
    body_start: int  # line index of the first body paragraph (head is before it)
    tail_start: int  # line index after the last paragraph (tail is from here)

    def zone_of(self, index: int) -> str:
        if index < self.body_start:
            return "head"
        if index >= self.tail_start:
            return "tail"
        return "body"


def find_zones(lines: list[Line]) -> Zones:
    """Head ends at the first paragraph that has another paragraph within a few lines:
    a lone standfirst amid header chrome (PratidinTime) stays in the head."""
    candidates = [ln for ln in lines if ln.open]
    paras = [k for k, ln in enumerate(candidates) if is_paragraph(ln.text)]
    if not paras:  # a story whose lines all lost their full stop ("... Show more" glued on)
        paras = [k for k, ln in enumerate(candidates) if len(ln.text) >= LONG_LINE_CHARS]
    if not paras:
        end = len(lines)
        return Zones(end, end)
    start = candidates[paras[0]].index
    for a, b in zip(paras, paras[1:]):
        if b - a <= LOOKAHEAD_LINES:
            start = candidates[a].index
            break
    return Zones(start, candidates[paras[-1]].index + 1)
