"""Short sentences stranded among the chrome below the story: islands of promo.

Below the story, a paywall box, an app banner or a comment form mixes lines the shape
stages recognise (labels, headings, buttons: no sentence end) with short sentences they
keep, because a sentence could be the story's closing line ("Read news from hundreds of
titles, curated for you.", "One app. One membership.", "Save my name, email, and website
in this browser for the next time I comment.", "Like Loading..."). Their wording changes
with every outlet and app; what they share is where they sit:

- after the story's last paragraph;
- in a run of at most a few open lines whose neighbours are chrome already decided by
  other stages: a chrome line right above, and right below a chrome line or the page's
  end; and no open paragraph within two lines either side (the story is not there);
- about something other than the story: few of their content words are the story's, in
  every line of the run (one line on the topic makes the run the story's end);
- away from captions, ad labels, datelines and live stamps, which sit inside stories.

A story's closing line sits right under its last paragraph, so the paragraph rule keeps
it; a closing line under an ad label still has the paragraph two lines up. Samples
296-299, 310, 342 and 353-367 (inkl paywall and app banners, WordPress comment forms)
set the numbers.
"""

from __future__ import annotations

from cleaner.core.lines import Line, is_paragraph
from cleaner.text.content_words import content_words
from cleaner.text.topic_pairs import WIDGET

__all__ = ["mark_tail_islands", "TAIL_ISLAND"]

TAIL_ISLAND = "generic-tail-island"
MAX_ISLAND_CHARS = 160  # a promo line or a form's note; a longer line is prose
MAX_RUN = 3  # open lines in one island ("One app. One membership." / "100+ sources.")
CONTEXT_LINES = 2  # non-blank lines looked at on each side of the island
MIN_CHROME = 2  # decided chrome lines among them
MAX_OPEN_AROUND = 1  # other open (short, non-paragraph) lines among them
MAX_TOPIC_SHARE = 0.5  # the share of the island's content words the story also uses
_CHROME = frozenset({"noise", "related", "meta"})
# Decided lines that sit inside a story as well as below it: a caption, an ad label, a
# dateline or a live post's time stamp. Next to them a short sentence may be the story's
# (a writer's note under the last picture, sample 091; a live post, samples 135, 361).
_IN_STORY = frozenset({"caption", "metadata", "ad"})
_COMMON = frozenset({"from", "with", "that", "this", "your", "have", "will", "more",
                     "what", "about", "into", "their", "there", "when", "they", "were"})


def _on_topic(text: str, story: dict[str, int]) -> bool:
    """Half or more of the line's content words are used elsewhere on the page."""
    own = content_words(text, _COMMON)
    shared = sum(1 for w in own if story.get(w, 0) > 1)  # used beyond this line
    return bool(own) and shared / len(own) >= MAX_TOPIC_SHARE


def _runs(live: list[Line], start: int) -> list[tuple[int, int]]:
    """Runs [a, b) of open, short lines in `live` from `start` on."""
    runs, k = [], start
    while k < len(live):
        if live[k].open and len(live[k].text) <= MAX_ISLAND_CHARS:
            j = k
            while j < len(live) and live[j].open and len(live[j].text) <= MAX_ISLAND_CHARS:
                j += 1
            runs.append((k, j))
            k = j
        else:
            k += 1
    return runs


def _stranded(live: list[Line], a: int, b: int) -> bool:
    """Chrome right above the run and right below it (or the page's end), chrome around
    it, and no open paragraph near it (see the module docstring)."""
    if b - a > MAX_RUN or a == 0 or live[a - 1].fate not in _CHROME:
        return False
    if b < len(live) and live[b].fate not in _CHROME:
        return False
    around = live[max(0, a - CONTEXT_LINES):a] + live[b:b + CONTEXT_LINES]
    # A wall right above (a paywall's "Sign up to read this article", a share bar) parts
    # the island from the story's last paragraph two lines up (inkl, samples 477, 478).
    walled = a >= CONTEXT_LINES and _wall(live[a - 1])
    near = around[1:] if walled else around
    if any(ln.open and is_paragraph(ln.text) for ln in near) or any(
            ln.fate == "meta" or ln.category in _IN_STORY for ln in around):
        return False
    chrome = sum(ln.fate in _CHROME for ln in around)
    opened = sum(ln.open for ln in around)
    if b == len(live):  # at the page's end the lines above must all be chrome, or a wall
        return (opened == 0 and chrome >= MIN_CHROME) or walled
    return chrome >= MIN_CHROME and opened <= MAX_OPEN_AROUND


def _wall(ln: Line) -> bool:
    """A paywall or sign-up call that parts the story from what follows ("Sign up to read
    this article"): chrome (not a caption, an ad label or a dateline, `_IN_STORY`) that
    calls the reader to act. A short line that tail chrome took by its shape alone may be
    a subhead ("Weather" over the day's forecast, sample 509), and a share bar sits inside
    stories as well."""
    return (ln.fate in ("noise", "related") and ln.category not in _IN_STORY
            and WIDGET.search(ln.text) is not None)


def _last_paragraph(live: list[Line]) -> int:
    """The position of the last open paragraph, or -1: read from the end, as most pages
    end in their story or in chrome right under it."""
    for k in range(len(live) - 1, -1, -1):
        ln = live[k]
        if ln.open and is_paragraph(ln.text):
            return k
    return -1


def _story_words(live: list[Line]) -> dict[str, int]:
    """How often each content word is used in the page's open lines and title."""
    story: dict[str, int] = {}
    for ln in live:
        if ln.open or ln.fate == "title":
            for w in content_words(ln.text, _COMMON):
                story[w] = story.get(w, 0) + 1
    return story


def mark_tail_islands(lines: list[Line]) -> None:
    """Decide short open lines stranded among chrome below the story as boilerplate.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("The council approved the new library on Monday after a long "
    ...     "debate in the chamber.\\nIt opens in May.\\nSign up to read\\nRead stories "
    ...     "from hundreds of titles, picked for you.\\nAlready a member?\\nOur Picks")
    >>> for k in (2, 4, 5):
    ...     page[k].decide("noise", "nav", "x")
    >>> mark_tail_islands(page)
    >>> [ln.rule for ln in page[1:4]]
    [None, 'x', 'generic-tail-island']
    """
    live = [ln for ln in lines if ln.fate != "blank"]
    last = _last_paragraph(live)
    if last < 0:
        return
    story: dict[str, int] | None = None  # the page's words: counted only for an island
    for a, b in _runs(live, last + 1):
        if not _stranded(live, a, b):
            continue
        if story is None:
            story = _story_words(live)
        if any(_on_topic(ln.text, story) for ln in live[a:b]):
            continue  # one line of the story's topic: the run is the story's end
        for ln in live[a:b]:
            ln.decide("noise", "boilerplate", TAIL_ISLAND)
