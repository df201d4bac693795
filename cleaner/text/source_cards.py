"""Cards of three lines with no date: the outlet, the headline, the teaser, over and over.

Local-news apps close an article with "Related" stories printed as an outlet or label line
("KVUE", "Westword", "TEXAS・"), the headline and one paragraph of teaser, with no age and
no link line: the shape stage finds no anchor and no repeated separator, and the outlet
changes from card to card. The shape is what marks them: two triples or more in a row of
a short unpunctuated line, a headline-sized line and a paragraph, at the end of the page
(after them only short lines: tags, "IN THIS ARTICLE"). A story's subhead and paragraph
pairs have no short line above each subhead, and they are followed by more story.
"""

from __future__ import annotations

from cleaner.core.lines import is_paragraph
from cleaner.core.records import Related

__all__ = ["source_triple_cards"]

MIN_CARDS = 2
MAX_SOURCE_WORDS = 4
MAX_SOURCE_CHARS = 30
MIN_TITLE_WORDS = 4
MAX_TITLE_WORDS = 25
MAX_TAIL_WORDS = 6  # tag lines after the cards


def _source(text: str) -> bool:
    return (len(text.split()) <= MAX_SOURCE_WORDS and len(text) <= MAX_SOURCE_CHARS
            and text[-1] not in ".!?:;," and any(c.isalpha() for c in text))


def _title(text: str) -> bool:
    return (MIN_TITLE_WORDS <= len(text.split()) <= MAX_TITLE_WORDS
            and text[-1] not in ".:;," and not is_paragraph(text))


def _triple(texts: list[str], k: int) -> bool:
    return (k + 2 < len(texts) and _source(texts[k]) and _title(texts[k + 1])
            and is_paragraph(texts[k + 2]))


def source_triple_cards(texts: list[str]) -> tuple[list[Related], list[int]] | None:
    """The page's closing run of outlet/headline/teaser cards (open lines), or None."""
    k = len(texts) - 1
    while k >= 0 and len(texts[k].split()) <= MAX_TAIL_WORDS and not is_paragraph(texts[k]):
        k -= 1  # the tag lines after the cards
    starts: list[int] = []
    k -= 2
    while k >= 0 and _triple(texts, k):
        starts.insert(0, k)
        k -= 3
    if len(starts) < MIN_CARDS:
        return None
    items = [Related(texts[s + 1], texts[s].rstrip("・· "), None, None, texts[s + 2])
             for s in starts]
    used = [j for s in starts for j in (s, s + 1, s + 2)]
    return items, used
