"""Card headlines broken over two lines by the card's width, as tag and archive pages of
narrow themes print them ("Council approves £4m plan" / "to dredge the inner harbour").

The second half starts with a lower-case word and the first half ends without a sentence
end: a headline's words, not two lines. A template breaks every card's headline, so a page
is read this way only when at least two cards show it (sample 134); a lone lower-case line
is left alone (a list item, a wrapped sentence in a story), and so is a line the page
prints again (a card's repeated teaser end, sample 125).
"""

from __future__ import annotations

import re

__all__ = ["join_broken_titles"]

MIN_BROKEN = 2  # pairs on the page: one is chance, two is the template
HALF_MAX_WORDS = 10  # a half of a headline; a longer line is prose
JOINED_MAX_CHARS = 150  # the seeds' longest headline

MIN_HALF_WORDS = 2
_END = re.compile(r"[.!?:;,…\"'”’)\]|]$")
_DATE_END = re.compile(r"\d{4}$|\d{1,2}[:.]\d{2}")


def _first_half(text: str) -> bool:
    """A headline's start: capitalised, three words or more, no sentence end, no date."""
    return (bool(text) and text[0].isupper() and not _END.search(text)
            and MIN_HALF_WORDS + 1 <= len(text.split()) <= HALF_MAX_WORDS
            and _DATE_END.search(text) is None)


def _second_half(text: str) -> bool:
    """A headline's end: lower-case first word, two words or more, no link, no sentence
    end ("from Yahoo News - Latest News https://..." is a feed line, sample 073)."""
    return (bool(text) and text[0].islower() and not _END.search(text)
            and MIN_HALF_WORDS <= len(text.split()) <= HALF_MAX_WORDS
            and "://" not in text and " - " not in text)


def join_broken_titles(texts: list[str]) -> tuple[list[str], set[int]]:
    """The lines with each broken headline's second half replaced by the whole headline,
    and the indices of the first halves (chrome of the card now).

    >>> join_broken_titles(["Council approves plan", "to dredge the harbour", "1 May",
    ...                     "Fishermen warn dredging", "will disturb fish", "2 May"])
    (['Council approves plan', 'Council approves plan to dredge the harbour', '1 May', \
'Fishermen warn dredging', 'Fishermen warn dredging will disturb fish', '2 May'], {0, 3})
    """
    seen: dict[str, int] = {}
    for t in texts:
        seen[t] = seen.get(t, 0) + 1
    pairs = [k for k in range(1, len(texts))
             if _second_half(texts[k]) and _first_half(texts[k - 1])
             and seen[texts[k]] == seen[texts[k - 1]] == 1
             and len(texts[k - 1]) + len(texts[k]) < JOINED_MAX_CHARS]
    if len(pairs) < MIN_BROKEN:
        return texts, set()
    out = list(texts)
    for k in pairs:
        out[k] = f"{texts[k - 1]} {texts[k]}"
    return out, {k - 1 for k in pairs}
