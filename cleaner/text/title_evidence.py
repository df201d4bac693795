"""Evidence from the story for a headline candidate: its words recur in the body.

Shape alone ties: a site's tagline ("The news service heard by 26 million listeners to
commercial radio in the UK"), a panel heading ("Unique coverage by outlet") and the
headline are all head lines of a headline's size and case. What sets the headline apart is
the story under it: a headline names the story's subject, so most of its content words
(the four letters and longer ones, stop words aside) come back in the body, while a
tagline's and a panel's words do not. Words compare by a crude stem (a common ending
dropped, then the first five letters) so "planting" meets "planted" and "trees" "tree".
"""

from __future__ import annotations

from functools import lru_cache

from cleaner.core.letters import letter_runs
from cleaner.core.lines import Line, normalize

__all__ = ["StoryWords", "story_words", "echo", "echo_share", "echo_shares"]

StoryWords = frozenset[str]

MIN_WORD_CHARS = 4
STEM_CHARS = 5
# Share of a line's content words that must recur in the body for the body to echo it.
# Headlines of the samples echo 0.4 to 1.0; taglines, panel headings and banners 0 to 0.2.
ECHO_SHARE = 0.34
# Below this share a line is not echoed at all. Short Daily8 copies print little of the
# story, so some headlines echo only 0.25 to 0.33: such a line keeps its place.
UNECHOED_SHARE = 0.2
# A later line echoed this much more than the first is the headline under a label: sample
# 229's panel heading echoes 0.33 (one word of three), its headline 0.86; on all samples
# no headline is followed by an equal echoed 0.5 more.
ECHO_MARGIN = 0.5
# The story's opening is enough: a headline names what its first paragraphs tell, and a
# long page's later words would only echo chrome by chance (and cost time: the text path's
# budget is about 1.4 ms a page).
STORY_CHARS = 2000
COPY_MIN_CHARS = 12  # a name this long quoted inside a line is that line's copy of it
_STOP = frozenset(
    "this that with from have been were will would could should about after before their "
    "there they them then than what when where which while your yours into over under more "
    "most some such only also just very much many here says said does done make made like "
    "news".split())


# Endings dropped before the cut, so "falling" meets "fallen", "walkers" "walker" and
# "prices" "price"; the first that leaves three letters goes.
_ENDINGS = ("ings", "ing", "ers", "er", "ed", "en", "es", "ly", "s", "e")


@lru_cache(maxsize=8192)  # a page's words repeat, and so do a site's
def _stem(word: str) -> str:
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            word = word[:-len(end)]
            break
    return word[:STEM_CHARS]


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in letter_runs(text.lower(), MIN_WORD_CHARS) if w not in _STOP}


def story_words(lines: list[Line], start: int,
                skip: frozenset[str] = frozenset()) -> StoryWords:
    """The stems of the open lines from `start` on, up to STORY_CHARS, but for copies of
    the lines `skip` names (`normalize` keys): the story the head lines announce."""
    return frozenset(map(_stem, _story_text_words(lines, start, skip)))


def _story_text_words(lines: list[Line], start: int,
                      skip: frozenset[str] = frozenset()) -> set[str]:
    """The distinct content words (lower case, stop words aside) of the open lines from
    `start` on, up to STORY_CHARS, but for copies of the lines `skip` names (their
    `normalize` keys): read in one pass over the lines joined (a newline parts words as a
    line's end does)."""
    texts: list[str] = []
    budget = STORY_CHARS
    for k in range(start, len(lines)):
        ln = lines[k]
        if ln.open and not (skip and _copies(normalize(ln.text), skip)):
            texts.append(ln.text)
            budget -= len(ln.text)
            if budget <= 0:
                break
    return set(letter_runs("\n".join(texts).lower(), MIN_WORD_CHARS)) - _STOP


def _copies(key: str, skip: frozenset[str]) -> bool:
    """The line is one of `skip`, or quotes one whole inside a longer line: a credit that
    names the outlet ("Read more on El País English Edition" under an MSN copy, sample
    607) repeats the outlet's line, it does not tell the story."""
    return key in skip or any(len(s) >= COPY_MIN_CHARS and s in key for s in skip)


def echo_shares(texts: list[str], lines: list[Line], start: int,
                skip_copies: bool = False) -> list[float]:
    """`echo_share` of each text against `story_words(lines, start)`, stemming only the
    story's words that can meet one of the texts' stems: a stem is a prefix of its word,
    three letters or more, so a story word whose first three letters open none of them
    cannot change a share (most of a story's words; stemming them all cost a third of the
    title pick's time). With `skip_copies`, the texts' own copies further down are no
    story: a section label printed again in the page's footer ("National News [External
    Sources]", sample 505) would echo itself whole."""
    own = [_stems(text) for text in texts]
    wanted: set[str] = set().union(*own)
    heads = {stem[:3] for stem in wanted}
    copies = frozenset(normalize(text) for text in texts) if skip_copies else frozenset()
    story = {stem for stem in map(_stem, (w for w in _story_text_words(lines, start, copies)
                                          if w[:3] in heads)) if stem in wanted}
    return [len(words & story) / len(words) if words else 0.0 for words in own]


def echo_share(text: str, story: StoryWords) -> float:
    """The share of the line's content words that the story repeats (0 without any)."""
    words = _stems(text)
    return len(words & story) / len(words) if words else 0.0


def echo(text: str, story: StoryWords) -> bool:
    """Whether the story repeats enough of the line's content words (ECHO_SHARE).

    >>> story = frozenset(_stems("Two walkers were rescued after a cliff fell in Dorset."))
    >>> echo("Two walkers rescued after cliff fall buries path on Dorset coast", story)
    True
    >>> echo("The news service heard by 26 million listeners in the UK", story)
    False
    """
    return echo_share(text, story) >= ECHO_SHARE
