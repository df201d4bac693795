"""Cards printed on one line each: a headline glued to its teaser.

Digests, e-mail reports and app "Latest News" blocks copied as text lose the break between
a story's headline and its summary: "Ranchers sue over drought rules A coalition of
ranchers filed suit ...", sometimes with "Read more" or a tally ("Coverage Distribution:
...") after the summary. Nothing but the shape tells the two apart:

- the headline is a prefix of 4 to `MAX_HEADLINE_WORDS` words with no punctuation at its
  end and no sentence end inside, ending on a content word (a headline does not end on
  "near" or "the");
- the summary starts a sentence right after it: a capitalised opener ("A", "The",
  "Researchers" is not one: see `_OPENERS`), a dateline in capitals ("TUCSON, Ariz. —"),
  or, when the page shows the shape on another line already, any capitalised word;
- a page has two such lines or more, with nothing but short labels between them ("TOP
  VIEWED", "Blindspot for the Right:"): a story's paragraph that happens to have a
  capitalised word after its fourth word is alone, among other paragraphs. A run right
  after a paragraph, or right before one with a single line read strictly ("said Sunday
  that ...", "at Gate A for ..."), is the story's;
- a card's headline is glued into its line: a paragraph that has a headline of its own on
  the line above (a sentence-case subhead, not a capitals or colon label like "TOP
  VIEWED", "Blindspot for the Left:") is a section of the story under its subhead. When
  half the run's lines sit under such subheads, the run is the story's (a newsletter's
  sections "A storm takes aim" / paragraph, sample 424).

The headline is the card's title, the summary (up to its last sentence end; a short tail
after it is the digest's link or tally) its teaser.
"""

from __future__ import annotations

import re

from cleaner.core.lines import is_paragraph
from cleaner.core.records import Related

__all__ = ["glued_pair_cards", "split_glued"]

MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_WORDS = 20
MIN_LINE_CHARS = 100
MIN_TEASER_WORDS = 8
MIN_CARDS = 2
MAX_BETWEEN = 3  # short label lines between two glued cards
MAX_TAIL_WORDS = 10  # "Read more", a tally of percentages after the summary

# Words that open a summary's first sentence and are capitalised only there.
_OPENERS = frozenset(
    "A An The This That These Those It Its He She They We Our His Her Their In On At After "
    "Before For From When While As More Most Some Many Several Two Three Officials "
    "Residents Researchers Scientists Students Parents Ministers Lawmakers Experts "
    "Shoppers Drivers Passengers Families".split())
# A headline never ends on these.
_FUNCTION = frozenset(
    "a an the of to in on at for from by with and or but near over under into as is are "
    "was were its their his her our your my than about after before".split())
_DATELINE = re.compile(r"^[A-Z][A-Z.'-]+(?:\([A-Z]+\))?,$")
_PUNCT_END = re.compile(r"[.,:;!?\"'”’)\]…—–-]$")
_SENTENCE_IN = re.compile(r"[.!?][\"'”’)]? [A-Z]")
_LAST_END = re.compile(r"[.!?…][\"'”’)]?(?=\s|$)")
_CAP = re.compile(r"^[A-Z][a-z'’]")
_UNSPACED = re.compile(r"^([A-Za-z'’-]*[a-z]{3})([A-Z][a-z'’]*)$")  # "peaksCounties", "wallA"
# A subhead over a paragraph: a few words, sentence case, no end punctuation (a label in
# capitals or ending in ':' heads a digest's card instead).
MIN_SUBHEAD_WORDS, MAX_SUBHEAD_WORDS = 3, 10
_LOWER = re.compile(r"\b[a-z]")


def _subhead(text: str) -> bool:
    """A sentence-case subhead: 3 to 10 words, lower-case words among them, no end
    punctuation, no bullet."""
    words = text.split()
    return (MIN_SUBHEAD_WORDS <= len(words) <= MAX_SUBHEAD_WORDS and not _PUNCT_END.search(text)
            and _LOWER.search(text) is not None and text[:1].isalpha())


def _under_subheads(texts: list[str], run: list[int]) -> bool:
    """Half the run's lines or more sit right under a subhead of their own."""
    return sum(k > 0 and _subhead(texts[k - 1]) for k in run) * 2 >= len(run)


_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # every opener starts with one


def _candidates(words: list[str], loose: bool) -> int | None:
    """The word index where the summary starts, or None."""
    last = min(len(words) - MIN_TEASER_WORDS, MAX_HEADLINE_WORDS)
    for i in range(MIN_HEADLINE_WORDS, last + 1):
        prev, word = words[i - 1], words[i]
        # what each way to start needs of the word itself, tested first: an opener or a
        # dateline's capitals (`_dateline` reads none but an upper-case word), or (loose)
        # a capital letter (`_CAP`); most words of most lines have neither
        if not (word.isupper() or (word[0] in _CAPITALS if loose else word in _OPENERS)):
            continue
        if _PUNCT_END.search(prev) or prev.lower() in _FUNCTION:
            continue
        if word in _OPENERS or _dateline(words, i):
            return i
        if loose and _CAP.match(word) and _name_end(words, i):
            return i
    return None


def _dateline(words: list[str], i: int) -> bool:
    """A dateline: capitals up to a comma, then a region and a dash within three words
    ("TUCSON, Ariz. —", "ROUND ROCK, Texas —"); an acronym in a list ("SSE, Equinor and
    ...") has no dash after it."""
    for j in range(i, min(i + 3, len(words))):
        if _DATELINE.match(words[j]):
            return any(w in ("—", "–", "-") for w in words[j + 1:j + 4])
        if not words[j].isupper():
            return False
    return False


def _name_end(words: list[str], i: int) -> bool:
    """A capitalised word after a lowercase one starts the summary; after a capitalised
    one it does only when a name of two words or more ends there and a lowercase word
    follows ("... near Mount Lemmon Search and rescue ...")."""
    if not words[i - 1][:1].isupper():
        return True
    return (i >= 2 and words[i - 2][:1].isupper() and i + 1 < len(words)
            and words[i + 1][:1].islower())


def split_glued(text: str, loose: bool = False) -> tuple[str, str] | None:
    """(headline, summary) when the line reads as a headline glued to its summary."""
    strict, loosely = _split_both(text, loose)
    return loosely if loose else strict


Split = tuple[str, str] | None


def _split_both(text: str, loose: bool = True) -> tuple[Split, Split]:
    """`split_glued` read strictly and (with `loose`) loosely, in one pass: the loose
    reading tries the loose cut only where the strict one finds no cut at all, so where
    the strict one does, both answers are the same."""
    if len(text) < MIN_LINE_CHARS or not text[:1].isupper():
        return None, None
    words = text.split()
    cut = _candidates(words, False)
    if cut is not None:
        found = _split_at(words, cut)
        return found, found
    cut = _candidates(words, True) if loose else None
    if cut is None:
        return _split_unspaced(words, loose)
    return None, _split_at(words, cut)


def _split_unspaced(words: list[str], loose: bool) -> tuple[Split, Split]:
    """The cut where the copy lost even the space: "... storm season peaksCounties across
    the region say ..." (a headline widget's items, sample 506). Only one word glued that
    way, at a headline's length, counts: its lower-case head closes the headline (three
    letters or more, so "iPhone" is none) and its capitalised tail opens the summary,
    read as `_candidates` reads a spaced word (an opener: strict; any capital: loose)."""
    last = min(len(words) - MIN_TEASER_WORDS, MAX_HEADLINE_WORDS)
    for i in range(MIN_HEADLINE_WORDS - 1, last):
        glue = _UNSPACED.match(words[i])
        if glue is None:
            continue
        head, tail = glue[1], glue[2]
        if head.lower() in _FUNCTION:
            return None, None
        spaced = [*words[:i], head, tail, *words[i + 1:]]
        found = _split_at(spaced, i + 1)
        strict = found if tail in _OPENERS else None
        return strict, (found if loose else strict)
    return None, None


def _split_at(words: list[str], cut: int) -> Split:
    """(headline, summary) with the summary starting at word `cut`, or None."""
    head = " ".join(words[:cut])
    if _SENTENCE_IN.search(head):
        return None
    rest = " ".join(words[cut:])
    ends = list(_LAST_END.finditer(rest))
    if not ends:
        return None  # a summary has a sentence; a caption printed twice has none
    if ends:
        tail = rest[ends[-1].end():].split()
        if tail and (len(tail) <= MAX_TAIL_WORDS or ":" in " ".join(tail[:4])):
            rest = rest[:ends[-1].end()]
    if len(rest.split()) < MIN_TEASER_WORDS:
        return None
    return head, rest


def glued_pair_cards(texts: list[str]) -> tuple[list[Related], list[int]] | None:
    """The glued cards of a page (open lines), with the positions they use, or None."""
    both = [_split_both(t, loose=False) for t in texts]
    strict = [k for k, (s, _) in enumerate(both) if s]
    if not strict:
        return None
    # the loose reading where the strict one found no cut (elsewhere both are the same)
    both = [_split_both(t) if s is None else (s, s) for t, (s, _) in zip(texts, both)]
    found = [k for k, (_, s) in enumerate(both) if s]
    best: list[int] = []
    run: list[int] = []
    for k in found:
        if run and (k - run[-1] - 1 > MAX_BETWEEN
                    or any(is_paragraph(texts[j]) for j in range(run[-1] + 1, k))):
            best = max(best, run, key=len)
            run = []
        run.append(k)
    best = max(best, run, key=len)
    if best and best[0] and is_paragraph(texts[best[0] - 1]):
        return None  # right after a story's paragraph: more story, not a digest's cards
    if (best and best[-1] + 1 < len(texts) and is_paragraph(texts[best[-1] + 1])
            and sum(k in strict for k in best) < MIN_CARDS):
        return None  # right before one, one line strict: a story's "said Sunday", "Gate A"
    if len(best) < MIN_CARDS or not any(k in strict for k in best):
        return None
    if _under_subheads(texts, best):
        return None  # paragraphs under their own subheads: the story's sections
    items = []
    for k in best:
        head, rest = both[k][1]  # type: ignore[misc]
        items.append(Related(head, None, None, None, rest))
    return items, best
