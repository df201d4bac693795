"""Cards after the story: a headline and its teaser, over and over, to the page's end.

Aggregator apps close an article with "more from" cards that print no anchor the shape
stage knows: a headline, the first paragraph of that story under it, and at most a few
short lines between two cards (the outlet, a section label, "2 mins", a date). The
teaser is a paragraph, so `mark_tail_headlines`, which stops at the story's last
paragraph, never reaches them, and `pair_cards` leaves any page with a story around the
run to the other stages. What tells the run from the story's own subheads and paragraphs:

- each headline is restated by the paragraph under it (`topic_pairs` reads the pair), or,
  when the teasers do not all restate them, the same label (the outlet's name) recurs
  between the cards or one card of the run is restated;
- the run reaches the end of the page, with only short lines after its last card;
- the headlines are about something else than the story above the run: most of them
  have most of their content words outside the story (`MAX_TOPIC_SHARE`; a local
  outlet's next story may share the town's name), where a story's subheads speak of it.

The short lines between the story's last paragraph and the run ("Read full article on
original website", "MORE STORIES FROM X", the first card's outlet) are the block's
header and go with it; a run with no such header, or under a single paragraph, is a
briefing's items under its intro ("Good morning. Here's what you need to know ..."), the
article itself. Hold-out pages of NewsBreak, Magzter and app copies set this.
"""

from __future__ import annotations

from cleaner.core.lines import Line, is_paragraph
from cleaner.core.records import Related
from cleaner.text.topic_pairs import (
    MAX_BETWEEN,
    MIN_PAIRS,
    SHORT_WORDS,
    headline,
    pairs_of,
    stems,
    teaser,
)

__all__ = ["mark_tail_pairs", "TAIL_PAIRS"]

TAIL_PAIRS = "generic-tail-pairs"
MAX_TOPIC_SHARE = 0.5  # of a card headline's content words the story above also uses
MIN_STORY_PARAGRAPHS = 2  # a story above the cards; a briefing's intro is one paragraph


def _short(text: str) -> bool:
    return len(text.split()) <= SHORT_WORDS and not is_paragraph(text)


def _loose_pairs(texts: list[str]) -> list[tuple[int, int]]:
    """A headline-shaped line right over a teaser-shaped one, whatever their words."""
    out: list[tuple[int, int]] = []
    for i in range(len(texts) - 1):
        if (not out or i > out[-1][1]) and headline(texts[i]) and teaser(texts[i + 1]):
            out.append((i, i + 1))
    return out


def _labelled(texts: list[str], run: list[tuple[int, int]]) -> bool:
    """The same short line (the outlet's name) recurs between the cards of the run."""
    seen: dict[str, int] = {}
    for k, (i, _) in enumerate(run):
        lo = run[k - 1][1] + 1 if k else max(0, i - MAX_BETWEEN)
        for text in set(texts[lo:i]):
            seen[text] = seen.get(text, 0) + 1
    return any(n >= MIN_PAIRS for n in seen.values())


def _tail_run(texts: list[str]) -> list[tuple[int, int]]:
    """The cards that end the page: headlines restated by their teasers, or any
    headline-teaser pairs with one label recurring between them."""
    restated = pairs_of(texts)
    run = _run_of(texts, restated)
    if len(run) >= MIN_PAIRS:
        return run
    run = _run_of(texts, _loose_pairs(texts))
    if len(run) < MIN_PAIRS:
        return []
    # one card of the run restated by its teaser proves the run's shape for the others,
    # whose teasers tell the story from another side ("Both title contenders said ..."
    # under "Title rivals play down talk of team orders", an AFP portal, sample 445)
    return run if _labelled(texts, run) or set(run) & set(restated) else []


def _run_of(texts: list[str], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs that end the page, joined by short lines only."""
    if not pairs or not all(_short(t) for t in texts[pairs[-1][1] + 1:]):
        return []
    run = [pairs[-1]]
    for pair in reversed(pairs[:-1]):
        gap = texts[pair[1] + 1:run[0][0]]
        if len(gap) > MAX_BETWEEN or not all(_short(t) for t in gap):
            break
        run.insert(0, pair)
    return run


def mark_tail_pairs(lines: list[Line]) -> list[Related]:
    """Decide the cards that close the page (see the module docstring) as related, with
    the short lines between and around them, and return the cards.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines(
    ...     "The council approved a new library for the east side on Monday, after years "
    ...     "of campaigning by parents and teachers.\\n"
    ...     "Building work starts in the autumn, and the doors should open about two "
    ...     "years later.\\n"
    ...     "More stories\\n"
    ...     "Ferry fares to rise for island commuters in spring\\n"
    ...     "Island commuters will pay more for ferry fares from the spring, the operator "
    ...     "said on Tuesday.\\n"
    ...     "Harbour Times\\n"
    ...     "Rail strike called off after late pay offer\\n"
    ...     "A planned rail strike was called off after the union accepted a late pay "
    ...     "offer on Wednesday.")
    >>> [r.title[:20] for r in mark_tail_pairs(page)]
    ['Ferry fares to rise ', 'Rail strike called o']
    >>> [ln.fate for ln in page][1:3]
    ['undecided', 'noise']
    """
    live = [ln for ln in lines if ln.open]
    texts = [ln.text for ln in live]
    last = next((k for k in range(len(texts) - 1, -1, -1) if not _short(texts[k])), None)
    if last is None or last < 1 or not any(headline(t) for t in texts[max(0, last - 2):last]):
        return []  # the page does not end on a headline and its teaser: most articles
    run = _tail_run(texts)
    if len(run) < MIN_PAIRS:
        return []
    start = run[0][0]
    while start > 0 and _short(texts[start - 1]):
        start -= 1  # the block's header and the first card's labels
    if start == run[0][0]:
        return []  # no header: a briefing's items right under its intro are its sections
    # the story is under its headline: a notice printed above the headline ("You are
    # using an older browser version ...", an MSN briefing, sample 605) is none of it
    top = next((ln.index for ln in lines if ln.fate == "title"), -1)
    paragraphs = [ln.text for ln in live[:start] if ln.index > top and is_paragraph(ln.text)]
    if len(paragraphs) < MIN_STORY_PARAGRAPHS:
        return []  # no story above (a listing, `pair_cards` reads it) or only an intro
    story: set[str] = set()
    for text in paragraphs + [ln.text for ln in lines if ln.fate == "title"]:
        story |= stems(text)  # a briefing's headline names its items (sample 382)
    on_topic = 0
    for i, _ in run:
        own = stems(texts[i])
        on_topic += not own or len(own & story) / len(own) >= MAX_TOPIC_SHARE
    if 2 * on_topic >= len(run):
        return []  # subheads on the story's topic: the story's own sections
    heads = {i: j for i, j in run}
    for k in range(start, len(live)):
        live[k].decide("noise" if k not in heads and k not in heads.values() else "related",
                       "related", TAIL_PAIRS)
    return [Related(texts[i], teaser=texts[j]) for i, j in run]
