"""The page's own story printed as the first card of a run of same-shaped cards.

A copied article page can print its story as a headline and one paragraph, then the
site's headline/teaser cards below it in the same shape (NewsBreak), or a feed page can
open with the top story whose text is one long line (a local radio site's news feed). The
card readers take the whole page as a listing and the story is lost. What sets the story
apart is its paragraph: far longer than any teaser under it. A teaser is cut to a few
lines; the story's paragraph is not.
"""

from __future__ import annotations

from statistics import median

from cleaner.core.lines import Line, is_paragraph, normalize
from cleaner.core.records import Related
from cleaner.text.linerules import STATEMENT_END

STORY_MIN_CHARS = 300  # the story's paragraph: longer than a teaser is cut to
PROSE_MIN_CHARS = 80  # a teaser or paragraph line among the cards
STORY_OVER_TEASERS = 1.5  # times the median teaser of the other cards
MAX_LEAD_LINES = 4  # headline, byline, date and picture label above the paragraph
BULLETS = "•·*"


def story_card(open_lines: list[Line], used: tuple[int, ...],
               titles: tuple[str, ...] = ()) -> list[int]:
    """Positions (in `open_lines`) of the first card when it is the page's story: the run
    opens the page (short chrome above it at most), and its first prose line, within a few
    lines of the run's top, is the longest, at least `STORY_MIN_CHARS` long and
    `STORY_OVER_TEASERS` times the median of the other cards' prose. Returns the lead
    lines and the paragraphs (the first one and those right under it); [] when no story.
    With the cards' `titles`: a first card whose title is printed nowhere over its
    paragraph (a blog archive's "Read More »from <title>" under each excerpt, sample 430)
    has the others' template, no story's headline; and a line that ends with a card's
    title is that card's link, no teaser."""
    if not used or any(len(ln.text) >= PROSE_MIN_CHARS for ln in open_lines[:used[0]]):
        return []  # prose above the cards: the story is there, not in them
    ends = tuple(t for t in titles if t)
    prose = [k for k in used if len(open_lines[k].text) >= PROSE_MIN_CHARS
             and not (ends and open_lines[k].text.endswith(ends))]
    if ends and prose and not any(open_lines[k].text.startswith(ends[0])
                                  for k in used if k <= prose[0]):
        return []
    if len(prose) < 2:
        return []
    first, rest = prose[0], [len(open_lines[k].text) for k in prose[1:]]
    size = len(open_lines[first].text)
    if (first - used[0] > MAX_LEAD_LINES or size < STORY_MIN_CHARS or size <= max(rest)
            or size < STORY_OVER_TEASERS * median(rest)
            or open_lines[first].text[0] in BULLETS):
        return []  # a bulleted paragraph is a list's item: a card's (sample 430)
    last = first  # the story's next paragraphs, right under its first one (sample 431)
    while last + 1 in used and is_paragraph(open_lines[last + 1].text):
        last += 1
    return [k for k in used if k <= last]


def story_lead(open_lines: list[Line], story: list[int]) -> list[int]:
    """The lines of a `story_card` above its first paragraph (headline, byline, date)."""
    return [k for k in story if k < next(
        j for j in story if len(open_lines[j].text) >= PROSE_MIN_CHARS)]


def story_tail(open_lines: list[Line], used: tuple[int, ...], items: tuple[Related, ...]
               ) -> bool:
    """Whether the run's first line is the story's last sentence, not a card's title.

    A card list under the story whose first title a heading's rule took with its heading
    ("Recommended Stories" and the first title, from a rule file) is read by shape from
    the story's last line on: a short sentence right under the story's paragraphs, then
    the first card's source and age (sample 383). A title does not end with a full stop:
    when the run's first line does, right under a paragraph, and no other card's title
    does, the line goes on with the story."""
    if not used or not used[0] or not items:
        return False
    first = open_lines[used[0]].text
    if not STATEMENT_END.search(first) or normalize(items[0].title) != normalize(first):
        return False
    if not is_paragraph(open_lines[used[0] - 1].text):
        return False
    return all(not STATEMENT_END.search(item.title) for item in items[1:]) and len(items) > 1
