"""Cards closed by a link line with the story's title glued on: "Read More »from Stranded
Kayaker Rescued by Ferry Crew" under each post of a blog archive (Yahoo's blogs printed
their archive pages so, sample 097).

Such a page has no dates and no repeated line, so the other card shapes find nothing. What
repeats is the closing line's start: two lines or more begin with the same few words, and
the rest of each is a headline. Each closes a card of paragraphs (the post's excerpt,
maybe opened by a bullet, the last cut mid-sentence); the glued rest is its title, the
first paragraph its teaser.
"""

from __future__ import annotations

import os

from cleaner.core.lines import PARAGRAPH_MIN_CHARS, is_paragraph, normalize
from cleaner.core.records import Related

__all__ = ["glued_closer_cards"]

MIN_CLOSERS = 2
PREFIX_MIN_CHARS = 6  # "Read More »from " ; shorter shared starts are chance ("The ")
PREFIX_MAX_CHARS = 30
TITLE_MIN_WORDS = 3
TITLE_MIN_CHARS = 12
_BULLETS = "•·*-–"
# A later line of an excerpt may be shorter than a paragraph: the post's question to the
# reader, cut short ("What do you think of ...? Tell us on our Facebook page or", sample
# 213); a line of this many words is still prose, not a label.
MORE_MIN_WORDS = 8


def _shared_start(texts: list[str]) -> str:
    """The start the lines share, cut after its last space or '»' (a word boundary)."""
    prefix = os.path.commonprefix(texts)
    cut = max(prefix.rfind(" "), prefix.rfind("»"))
    return prefix[:cut + 1] if cut >= 0 else ""


def _card_line(text: str) -> bool:
    """A line of a post's excerpt: paragraph-long; the excerpt is cut mid-sentence."""
    return len(text.lstrip(_BULLETS + " ")) >= PARAGRAPH_MIN_CHARS


def _excerpt_line(text: str) -> bool:
    return _card_line(text) or len(text.split()) >= MORE_MIN_WORDS


def glued_closer_cards(texts: list[str]) -> tuple[list[Related], list[int]] | None:
    """The cards and the indices of their lines, or None.

    >>> texts = ["Trending Now", "• A long first paragraph of the first post, which goes "
    ...          "on and on until it is long enough.", "Read More »from Kayaker Rescued "
    ...          "by Ferry Crew", "• A long first paragraph of the second post, which "
    ...          "goes on and on until it is long enough.", "Read More »from Library Gets "
    ...          "Book Back"]
    >>> [it.title for it in glued_closer_cards(texts)[0]]
    ['Kayaker Rescued by Ferry Crew', 'Library Gets Book Back']
    """
    firsts: dict[str, list[int]] = {}
    for k, t in enumerate(texts):  # grouped by their first characters: one slice a line
        if len(t) > PREFIX_MIN_CHARS + TITLE_MIN_CHARS:
            firsts.setdefault(t[:PREFIX_MIN_CHARS], []).append(k)
    for group in firsts.values():
        if len(group) < MIN_CLOSERS:
            continue
        prefix = _shared_start([texts[k] for k in group])
        if not PREFIX_MIN_CHARS <= len(prefix) <= PREFIX_MAX_CHARS:
            continue
        titles = [texts[k][len(prefix):].strip() for k in group]
        if not all(len(t.split()) >= TITLE_MIN_WORDS and t[0].isupper()
                   and not is_paragraph(t) for t in titles):
            continue
        found = _cards(texts, group, titles)
        if found:
            return found
    return None


def _cards(texts: list[str], closers: list[int], titles: list[str]
           ) -> tuple[list[Related], list[int]] | None:
    items: list[Related] = []
    used: list[int] = []
    start = closers[0]
    while start > 0 and _excerpt_line(texts[start - 1]):
        start -= 1
    while (start < closers[0] and not _card_line(texts[start])
           and not _heads(texts[start], titles[0])):
        start += 1  # the excerpt opens with a paragraph; a shorter line above is the head's
    if start and _heads(texts[start - 1], title=titles[0]):
        start -= 1  # the first post's own headline over its excerpt
    for k, title in zip(closers, titles):
        head = [start] if start < k and _heads(texts[start], title) else []
        body = list(range(start + len(head), k))
        if not head and (not body or not _card_line(texts[body[0]])):
            return None
        if not all(_excerpt_line(texts[j]) for j in body[1 if not head else 0:]):
            return None
        teaser = texts[body[0]].lstrip(_BULLETS + " ") if body else None
        items.append(Related(title, None, None, None, teaser))
        used += [*head, *body, k]
        start = k + 1
    return items, used


def _heads(text: str, title: str) -> bool:
    """The line is the post's headline, the title its closer repeats, maybe under a bullet
    ("• Stray dog completes half-marathon" over its excerpt, a Yahoo author archive,
    sample 600): then the excerpt may be short or missing (one post prints none)."""
    return normalize(text.lstrip(_BULLETS + " ")) == normalize(title)
