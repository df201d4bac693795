"""Cards read as spans between markers that close or open each card, not around an anchor.

When nothing card-like follows the last anchor, the anchors close their cards (a date or
feed line under each teaser); without dates, a short line repeated after every card ("Read
More") closes them. Other pages open each card with a marker instead: a bulleted title, a
credited photo caption, an image placeholder ("A picture"). These readers share one way of
cutting the page into spans and checking that the spans share a shape, which is why they
live together and apart from the anchor grouping (`card_anchored`).
"""

from __future__ import annotations

import re

from cleaner.core.lines import normalize
from cleaner.core.records import Related
from cleaner.text.card_fields import bulleted, card_title, shared_source
from cleaner.text.card_lines import (
    MAX_CARD_LINES,
    MAX_TEASER_LINES,
    MIN_CARDS,
    SENTENCE_END,
    TEASER_MIN_CHARS,
    Token,
    classify,
)

# A card title that starts with the story's age: "2 months Harbor Dredging Finally Funded".
_AGE_FIRST = re.compile(r"^(?P<published>\d{1,3} (?:minutes?|hours?|days?|weeks?|months?"
                        r"|years?)(?: ago)?) (?P<title>\S.{11,})$")
# A photo caption ending in its credit, photographer and agency: "... Leeds (Danny Orme/PA)".
_CREDITED = re.compile(r" \([^()/]{2,40}/[^()/]{1,30}\)$")
# A teaser cut short: "... more", "[…]", "...".
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])(?: ?more)?$")

def separator_runs(tokens: list[Token], keys: list[str],
                   texts: list[str] | None = None) -> list[int]:
    """Anchors for cards without a date: the repeated link line that closes each card
    ("Read More"), when it recurs at least twice. A line that counts up from copy to copy
    ("1 of 4", "2 of 4": `texts` tell them apart) is a gallery's slide counter inside the
    story: the slides are the story's pictures and paragraphs, no cards (MSN, sample 534)."""
    counts: dict[str, int] = {}
    for k, t in enumerate(tokens):
        if t.kind == "R":
            counts[keys[k]] = counts.get(keys[k], 0) + 1
    if not counts:
        return []
    best = max(counts, key=counts.__getitem__)
    if counts[best] < MIN_CARDS:
        return []
    seps = [k for k, t in enumerate(tokens) if t.kind == "R" and keys[k] == best]
    return [] if texts is not None and _counts_up([texts[k] for k in seps]) else seps


_FIRST_NUMBER = re.compile(r"\d+")


def _counts_up(texts: list[str]) -> bool:
    """Each copy's first number is one more than the one before's (a counter)."""
    numbers = [int(m.group()) if (m := _FIRST_NUMBER.search(t)) else None for t in texts]
    return None not in numbers and all(
        b == a + 1 for a, b in zip(numbers, numbers[1:]))  # type: ignore[operator]


def closed_cards(texts: list[str], tokens: list[Token], ends: list[int],
                 dated: bool = True) -> tuple[list[Related], list[int]] | None:
    """Cards that end at their anchor: title, teaser lines, then "Read More", a feed line or
    the date. The first card is as long as the second (what is above it is the heading).
    Cards closed by a repeated line and not a date (not `dated`) that run on from a
    paragraph right above the first and have another paragraph after the last marker are
    a live blog's posts between their repeated stamps ("16.42 BST"): the story going on
    through them, not a card list under its heading."""
    spans = [list(range(ends[n - 1] + 1 if n else max(0, e - MAX_CARD_LINES), e))
             for n, e in enumerate(ends)]
    spans = [[k for k in span if tokens[k].kind not in ("N", "R", "X")] for span in spans]
    if len(spans) > 1:
        keep = len(spans[0]) - len(spans[1]) if len(spans[1]) else len(spans[0])
        if not dated and 0 < keep <= len(spans[0]) and tokens[spans[0][keep - 1]].kind == "P" \
                and any(t.kind == "P" for t in tokens[ends[-1] + 1:ends[-1] + MAX_CARD_LINES]):
            return None  # the story runs through the "cards" and past them (live blog)
        spans[0] = spans[0][keep:]
    shapes = ["".join(dict.fromkeys(tokens[k].kind for k in span if tokens[k].kind != "P"))
              for span in spans]
    common = max(set(shapes), key=shapes.count)
    if shapes.count(common) * 3 < len(shapes) * 2:  # two cards in three share the shape
        return closed_cards(texts, tokens, ends[1:], dated) if len(ends) > MIN_CARDS else None
    out, used = [], []
    for span, e in zip(spans, ends):
        titles = [k for k in span if tokens[k].kind in ("T", "S")]
        if not titles or len(span) > MAX_CARD_LINES:
            return None
        if sum(tokens[k].kind == "P" for k in span) > MAX_TEASER_LINES:
            return None
        # the outlet's name may stand above the title ("The Guardian" / "Dockers win pay
        # rise as ports reopen"): a headline-sized line without a stop is the title then,
        # unless the card prints another line twice (its title copies)
        keys = [normalize(texts[k]) for k in titles]
        t = next((k for k, key in zip(titles, keys) if keys.count(key) > 1),
                 next((k for k in titles if tokens[k].kind == "T"
                       and not SENTENCE_END.search(texts[k])), titles[0]))
        if any(tokens[k].kind == "P" for k in span if k < t):
            return None  # prose above the title: story paragraphs, not a card
        teaser = [texts[k] for k in span if k > t and tokens[k].kind in ("P", "T")
                  and normalize(texts[k]) != normalize(texts[t])]
        anchor = tokens[e]
        source = anchor.source or next((texts[k] for k in titles if k < t
                                        and tokens[k].kind == "S"), None)
        out.append(Related(card_title(texts[t]), source, anchor.published, None,
                           "\n".join(teaser) or None))
        used += [*span[span.index(t):], e]
    return out, used


def opened_cards(texts: list[str], tokens: list[Token], starts: list[int],
                  titled: bool) -> tuple[list[Related], list[int]] | None:
    """Cards that start at their anchor: an image placeholder printed before each card ("A
    picture") or a bulleted title ("• Title", `titled`), then the title copy or the title,
    and a teaser. The last card is as long as the one before it (what follows is the
    footer). Every card needs its title, and prose only after it."""
    spans = [list(range(s + 1, starts[n + 1] if n + 1 < len(starts)
                        else min(len(tokens), s + 1 + MAX_CARD_LINES)))
             for n, s in enumerate(starts)]
    spans = [[k for k in span if tokens[k].kind not in ("N", "R", "X")] for span in spans]
    spans[-1] = spans[-1][:len(spans[-2])]
    shapes = ["".join(dict.fromkeys(tokens[k].kind for k in span if tokens[k].kind != "P"))
              for span in spans]
    if not titled and shapes.count(max(set(shapes), key=shapes.count)) * 3 < len(shapes) * 2:
        return None  # two cards in three share the shape (bulleted titles prove their own)
    # A card's teaser is one paragraph when nothing but a repeated line opens the cards:
    # posts of a live blog under a repeated "Updated" are a title and several paragraphs
    # each, and they are the story (inkl live blogs).
    teaser_lines = MAX_TEASER_LINES if titled else 1
    out, used = [], []
    for span, s in zip(spans, starts):
        if len(span) > MAX_CARD_LINES or sum(tokens[k].kind == "P" for k in span) \
                > teaser_lines:
            return None
        if titled:
            title, published, teaser_from = bulleted(texts[s]), None, s
            m = _AGE_FIRST.search(title)
            if m:
                title, published = m.group("title"), m.group("published")
        else:
            heads = [k for k in span if tokens[k].kind in ("T", "S")]
            if not heads or any(tokens[k].kind == "P" for k in span if k < heads[0]):
                return None
            title, published, teaser_from = texts[heads[0]], None, heads[0]
        key = normalize(title)
        teaser = [texts[k] for k in span if k > teaser_from and tokens[k].kind in ("P", "T")
                  and normalize(texts[k]) != key]
        out.append(Related(card_title(title), None, published, None, "\n".join(teaser) or None))
        used += [s, *span]
    return shared_source(out), used



def credited_captions(texts: list[str], tokens: list[Token]) -> list[int]:
    """Lines that open a card with its picture: news apps print each card as a credited
    caption, the title and the teaser. Captions inside a story are followed by its
    paragraphs, which `opened_cards` refuses (prose before a title)."""
    starts = [k for k, t in enumerate(tokens) if t.kind in ("T", "S") and texts[k][-1] == ")"
              and _CREDITED.search(texts[k])]
    return starts if len(starts) >= MIN_CARDS else []


def bullet_titles(texts: list[str], keys: list[str], tokens: list[Token]) -> list[int]:
    """Lines that open a card with a bulleted title ("• Harbor City council approves ..."):
    a bullet and a title, where the card under it holds the title again (Yahoo prints it
    twice) or a teaser cut short ("... more", "[…]"), as feeds and headline networks end
    each story. Two cards in three must show that evidence; a story's own bulleted list
    (key points in a row, or points explained in whole paragraphs) shows neither."""
    starts = [k for k, t in enumerate(tokens) if t.kind in ("T", "B") and texts[k][0] in "•·*"
              and classify(bulleted(texts[k])).kind == "T"]
    if len(starts) < MIN_CARDS:
        return []
    ends = [*starts[1:], min(len(tokens), starts[-1] + 1 + MAX_CARD_LINES)]
    proven = 0
    for s, e in zip(starts, ends):
        if e - s < 2:
            return []  # two bulleted titles in a row: a list, not cards
        title = normalize(_AGE_FIRST.sub(r"\g<title>", bulleted(texts[s])))
        copy = any(keys[k] == title for k in range(s + 1, e))
        cut = any(_TRUNCATED.search(texts[k]) for k in range(s + 1, e)
                  if tokens[k].kind in ("P", "T") and len(texts[k]) >= TEASER_MIN_CHARS)
        proven += copy or cut
    return starts if proven * 3 >= len(starts) * 2 else []




def bulleted_posts(texts: list[str], tokens: list[Token], ends: list[int]
                   ) -> tuple[list[Related], list[int]] | None:
    """Whole posts between a bulleted title and the repeated link line that closes them
    ("• Crews gain ground on ..." / three or four paragraphs / "Source link"): autoblog tag
    archives print each post in full, more paragraphs than a teaser (`closed_cards`), and
    both ends of every card are marked. Each card holds its title and sentences only."""
    out, used = [], []
    lo = 0
    for e in ends:
        start = next((k for k in range(e - 1, lo - 1, -1) if texts[k][0] in "•·*"
                      and tokens[k].kind in ("T", "B")), None)
        if start is None or e - start > MAX_CARD_LINES or e - start < 2:
            return None
        body = range(start + 1, e)
        if not all(tokens[k].kind == "P" or (tokens[k].kind == "T"
                                             and SENTENCE_END.search(texts[k]))
                   for k in body):
            return None  # a label or a headline inside: not one post
        out.append(Related(card_title(bulleted(texts[start])), None, None, None,
                           texts[start + 1]))
        used += [start, *body, e]
        lo = e + 1
    return out, used
