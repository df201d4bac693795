"""Cards after the story printed in the story's own template: the label that sits beside
the page's headline comes back beside other headlines below the story.

Feed apps print the page's story and the next ones alike: a badge over each headline
("Score (94)" over the story, "Score (91)" and "Score (89)" over the next stories, a
good-news feed, sample 444), or a label under each ("neutralWorld Affairs", a sentiment
glued to a category, under the story's headline and under the next one, sample 446). The
stories below are bare headlines, so no card reader sees a card (no teaser, no age), and
the tail stages call them chrome. What makes them cards is the repetition of the story's
own frame, whatever its words: a short line beside the title (digits masked, so a score
or a count may differ) recurs after the story's last paragraph on the same side of a
headline-shaped line. Only the tail is read: the story's body is never touched, but the
label beside the title, once it comes back so, goes as chrome.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line, is_paragraph, nearest_filled
from cleaner.core.records import Related
from cleaner.text.topic_pairs import headline

__all__ = ["TITLE_TEMPLATE", "mark_title_template_cards"]

TITLE_TEMPLATE = "generic-title-template"
MAX_LABEL_WORDS = 4  # a badge, a section or a sentiment label; a longer line is a sentence
MAX_LABEL_CHARS = 40
# The label beside the title itself may be a longer locator ("Duluth | St. Louis County |
# Minnesota"): it is judged by its copies, not turned into cards.
MAX_ECHO_CHARS, MAX_ECHO_WORDS = 60, 6
_DIGITS = re.compile(r"\d+")


def _frame(text: str, max_chars: int = MAX_LABEL_CHARS, max_words: int = MAX_LABEL_WORDS
           ) -> str | None:
    """The line's shape as a label beside a headline (digits masked), or None when it is no
    label: too long, a sentence, or a line with no letters. Separators ("|") are no words."""
    words = sum(1 for w in text.split() if any(c.isalnum() for c in w))
    if (not text or len(text) > max_chars or words > max_words
            or not any(c.isalpha() for c in text) or text.rstrip()[-1:] in ".!?"):
        return None
    return _DIGITS.sub("#", text.lower())


def _reclaimed(ln: Line) -> bool:
    """Open, or called chrome by a line rule or a tail stage: a card's line may be either;
    a line a card reader took (noise of the "related" category: a block's header, a
    card's outlet) is that reader's."""
    return ln.open or (ln.fate == "noise" and ln.category != "related")


def _echoed(lines: list[Line], last: int, step: int, frame: str) -> bool:
    """The title's label comes back after the story on the same side of a headline,
    whichever stage took that card: the label is the template's, not the story's ("Duluth
    | St. Louis County | Minnesota" under the headline and under each next item, a
    council-meeting site, sample 565)."""
    for ln in lines[last + 1:]:
        if (ln.fate in ("blank", "title")
                or _frame(ln.text, MAX_ECHO_CHARS, MAX_ECHO_WORDS) != frame):
            continue
        head = nearest_filled(lines, ln.index, -step)
        if head is not None and head.index > last and headline(head.text):
            return True
    return False


def mark_title_template_cards(lines: list[Line]) -> list[Related]:
    """Decide the headlines after the story that carry the title's label on the same side
    (and the labels) as related; return them.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Score (94)\\nTeen turns garage into a free bike library\\n"
    ...     "A 16-year-old has turned his family's garage into a free bike library for "
    ...     "children who have none.\\nScore (91)\\nRetired nurses run a free clinic at the "
    ...     "laundromat")
    >>> page[1].decide("title", None, None)
    >>> [r.title for r in mark_title_template_cards(page)]
    ['Retired nurses run a free clinic at the laundromat']
    """
    title = next((ln for ln in lines if ln.fate == "title"), None)
    if title is None:
        return []
    last = max((ln.index for ln in lines if ln.open and is_paragraph(ln.text)), default=-1)
    if last < title.index:
        return []  # no story under the title: its tail is no place to read
    above, below = nearest_filled(lines, title.index, -1), nearest_filled(lines, title.index, 1)
    frames = {step: _frame(ln.text) for step, ln in ((-1, above), (1, below)) if ln}
    found: list[tuple[Line, Line]] = []
    taken: set[int] = set()
    for ln in lines[last + 1:]:
        shape = _frame(ln.text) if _reclaimed(ln) else None
        if shape is None:
            continue
        for step, frame in frames.items():  # the label over (-1) or under (1) the title
            head = nearest_filled(lines, ln.index, -step) if frame == shape else None
            if (head is not None and head.index > last and _reclaimed(head)
                    and headline(head.text) and head.index not in taken
                    and ln.index not in taken):
                found.append((head, ln))
                taken |= {head.index, ln.index}
                break
    for step, near in ((-1, above), (1, below)):
        frame = _frame(near.text, MAX_ECHO_CHARS, MAX_ECHO_WORDS) if near is not None else None
        if near is not None and near.open and frame and _echoed(lines, last, step, frame):
            near.decide("noise", "nav", TITLE_TEMPLATE)
    items: list[Related] = []
    for head, label in found:
        head.decide("related", "related", TITLE_TEMPLATE)
        label.decide("related", "related", TITLE_TEMPLATE)
        items.append(Related(head.text, None, None))
    return items
