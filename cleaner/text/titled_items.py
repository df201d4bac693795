"""Cards of two lines: a headline, then its teaser with the date glued on, over and over.

Author and topic pages print each story as its headline on one line and, on the next, the
teaser with its date glued to the end ("… after two failed winter crops. Tue 3 Jun Tue 3
Jun 2025 at 9:12pm", a Daily8 author page, sample 425). `card_lines.classify` types the
teaser line I (a story on one line with its date), the headline T; the card finder reads
runs of I lines as stories of their own, and a lone headline-and-paragraph pair is as often
an article's subhead. What makes them cards is the pattern: T, I, T, I … with nothing
between, at least `MIN_CARDS` times, whatever the words. The I line's text is then the
teaser, not a title.
"""

from __future__ import annotations

from cleaner.core.records import Related
from cleaner.text.card_lines import MIN_CARDS, Token

__all__ = ["titled_items"]

MIN_TEASER_WORDS = 8  # a teaser is a sentence; a shorter I line is a headline with its date


def _pair(tokens: list[Token], k: int) -> bool:
    """A headline at k and a dated teaser under it."""
    if k + 1 >= len(tokens) or tokens[k].kind != "T" or tokens[k + 1].kind != "I":
        return False
    teaser = tokens[k + 1].source or ""
    return len(teaser.split()) >= MIN_TEASER_WORDS


def titled_items(texts: list[str], tokens: list[Token]) -> tuple[list[Related], list[int]]:
    """The cards of every run of `MIN_CARDS` or more headline-and-dated-teaser pairs in a
    row, and the positions of their lines.

    >>> from cleaner.text.card_lines import classify
    >>> texts = ["Ferry fares rise for island commuters",
    ...          "Island commuters will pay four per cent more for the ferry from April. "
    ...          "Tue 3 Jun Tue 3 Jun 2025 at 9:12pm",
    ...          "Library opens late on Fridays from June",
    ...          "The council says students asked for longer opening hours in the exam "
    ...          "season. Fri 23 May Fri 23 May 2025 at 4:47am"]
    >>> items, used = titled_items(texts, [classify(t) for t in texts])
    >>> [(r.title[:5], r.published[:10], r.teaser[:6]) for r in items], used
    ([('Ferry', 'Tue 3 Jun ', 'Island'), ('Libra', 'Fri 23 May', 'The co')], [0, 1, 2, 3])
    """
    items: list[Related] = []
    used: list[int] = []
    k = 0
    while k < len(tokens):
        run = []
        while _pair(tokens, k):
            run.append(k)
            k += 2
        if len(run) >= MIN_CARDS:
            for j in run:
                t = tokens[j + 1]
                items.append(Related(texts[j], None, t.published, None, t.source))
                used += [j, j + 1]
        k += 1 if not run else 0
    return items, used
