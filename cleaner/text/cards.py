"""Related cards found by their shape, on any site: no heading or rule file needed.

A page where anchors (ages, dates, a repeated "Read More") recur a few lines apart, and the
lines between them have the same shape each time (title copies, a source, bullets
"  • Business", a teaser), carries a card list, whatever its template. This module runs the
card readers in order and decides the lines of the run it finds:
- `card_lines` types each line (anchor, bullet, title, prose, separator);
- `card_anchored` cuts runs of anchors into cards, and `card_spans` reads cards that a
  marker closes or opens (a date under each teaser, "Read More", a bulleted title);
- stories printed one a line with their date glued on (author pages) are cards too, and the
  glued and paired forms (`glued_closers`, `topic_pairs`, `glued_pairs`, `source_cards`)
  are tried last.
`listing.mark_listing` then calls a page with cards and no prose outside them a listing.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.core.lines import Line, is_paragraph, normalize
from cleaner.core.records import Related
from cleaner.rulebook.model import Active
from cleaner.text.broken_titles import join_broken_titles
from cleaner.text.card_anchored import anchor_runs, anchored_item, anchors_close, build_cards
from cleaner.text.card_fields import unnumbered
from cleaner.text.card_lines import MIN_CARDS, Token, classify, mark_repeated
from cleaner.text.card_opened import opened_by_anchor
from cleaner.text.card_spans import (
    bullet_titles,
    bulleted_posts,
    closed_cards,
    credited_captions,
    opened_cards,
    separator_runs,
)
from cleaner.text.card_story import story_card, story_lead, story_tail
from cleaner.text.glued_closers import glued_closer_cards
from cleaner.text.glued_pairs import glued_pair_cards
from cleaner.text.source_cards import source_triple_cards
from cleaner.text.titled_items import titled_items
from cleaner.text.topic_pairs import pair_cards

CARD_RULE = "generic-card-shape"
# Lines a rule removes that never close a card: an ad label is set between paragraphs
# ("Advertisment" on PratidinTime), and a slideshow's counter ("1 of 4", "2 of 4") between
# a story's slides (MSN, sample 534): repeated, they would read as a card list's links.
_NEVER_CLOSE = frozenset({"ad", "gallery"})
CARD_CHROME = "generic-card-chrome"

@dataclass(frozen=True, slots=True)
class CardRun:
    """Cards found on a page and the lines they used (open-line positions)."""

    items: tuple[Related, ...]
    used: tuple[int, ...]
    chrome: tuple[int, ...]
    first: int
    last: int



def find_cards(open_lines: list[Line], noise: list[str | None] | None = None
               ) -> CardRun | None:
    """The card run of a page, if it has one (see the module docstring). `noise` gives the
    category of lines a line rule removes anyway: they are no card line, but a repeated
    one ("Read More") may still close each card; an ad label or a slide counter never does
    (`_NEVER_CLOSE`)."""
    texts, halves = join_broken_titles([ln.text for ln in open_lines])
    if len(texts) < MIN_CARDS * 2:
        return None
    keys = [normalize(t) for t in texts]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    flags = noise or [None] * len(texts)
    tokens = mark_repeated([Token("X" if f in _NEVER_CLOSE else "N") if f else classify(t)
                            for t, f in zip(texts, flags)], keys, seen)
    for k in halves:  # a broken headline's first half: its card's, as chrome is
        tokens[k] = Token("R")
    anchors = [k for k, t in enumerate(tokens) if t.kind == "A"]
    items, used = titled_items(texts, tokens)  # a headline over each dated teaser
    paired = set(used)
    for k, t in enumerate(tokens):  # stories one a line, two or more in a row
        if k in paired:
            continue
        if t.kind == "I" and ((k and tokens[k - 1].kind == "I")
                              or (k + 1 < len(tokens) and tokens[k + 1].kind == "I")):
            items.append(Related(t.source or texts[k], None, t.published))
            used.append(k)
    runs = anchor_runs(anchors, tokens)
    if not runs and len(anchors) == 1:
        runs = [anchors]  # one card alone: kept only when it carries a whole card's shape
    for run in runs:
        opened = opened_by_anchor(texts, tokens, run)
        if opened:  # date, label, title, teaser, outlet: the date opens each card
            items += opened[0]
            used += opened[1]
            continue
        if len(run) >= MIN_CARDS and anchors_close(tokens, run):
            closed = closed_cards(texts, tokens, run)
            if closed:
                items += closed[0]
                used += closed[1]
                continue
        lo = used[-1] + 1 if used else 0
        cards = build_cards(texts, keys, tokens, run, lo, len(texts))
        if not cards and len(run) > MIN_CARDS:  # the first anchor may be the page's own
            cards = build_cards(texts, keys, tokens, run[1:], run[0] + 1, len(texts))
        if not cards:
            continue
        for card in cards:
            item = anchored_item(texts, keys, tokens, card)
            if item:
                items.append(item)
            used += [*card.lead, card.anchor, *card.post]
    if not items:
        starts = bullet_titles(texts, keys, tokens)
        found = opened_cards(texts, tokens, starts, True) if starts else None
        if not found:
            starts = credited_captions(texts, tokens)
            found = opened_cards(texts, tokens, starts, False) if starts else None
        if not found:
            seps = separator_runs(tokens, keys, texts)
            # a separator followed by a title opens its card ("A picture" over each card);
            # one followed by chrome or nothing closes it ("Read More")
            opens = bool(seps) and not anchors_close(tokens, seps)
            found = None if not seps else (opened_cards(texts, tokens, seps, False) if opens
                                           else closed_cards(texts, tokens, seps, False))
            if not found and seps and not opens:
                found = bulleted_posts(texts, tokens, seps)
        if not found:
            found = glued_closer_cards(texts)
        if not found:
            found = pair_cards(texts)
        if not found:
            found = glued_pair_cards(texts)
        if not found:
            found = source_triple_cards(texts)
        if not found:
            return None
        items, used = found
    items = unnumbered(items)
    used = sorted(set(k for k in used if tokens[k].kind not in ("N", "X")))
    chrome = tuple(k for k, t in enumerate(tokens) if t.kind == "R" and k not in used
                   and used[0] <= k <= used[-1])
    return CardRun(tuple(items), tuple(used), chrome, used[0], used[-1])


def _rule_noise(text: str, active: Active) -> str | None:
    """The category of a line rule that removes the line anyway (debris between cards,
    "&w=3840&q=100)"; "Read More"), or None."""
    rule = active.noise_anywhere(text)
    return rule.category if rule else None


def _story_headline(open_lines: list[Line], lead: list[int]) -> int | None:
    """The headline among the lines over the story's paragraph: the last title-shaped one
    (a feed's dateline, "Yahoo Top Stories Feed - August 14, 2019 - 6:12pm", may sit
    between it and the paragraph, sample 431); the line right over the paragraph when
    none is."""
    return next((k for k in reversed(lead) if classify(open_lines[k].text).kind == "T"),
                lead[-1] if lead else None)


def _story_head(open_lines: list[Line], run: CardRun) -> bool:
    """The run is one card at the top of the page with the story's paragraphs right under
    it: the article's own head (nav, date, section trail, headline, author, age, an
    autoblog's WordPress theme, sample 561), not a related card."""
    end = run.last + 1
    return (len(run.items) == 1 and end + 1 < len(open_lines)
            and not any(is_paragraph(ln.text) for ln in open_lines[:run.first])
            and is_paragraph(open_lines[end].text) and is_paragraph(open_lines[end + 1].text))


def mark_cards(lines: list[Line], active: Active) -> list[Related]:
    """Decide the lines of the page's card run as related (chrome between cards as nav)."""
    open_lines = [ln for ln in lines if ln.open]
    run = find_cards(open_lines, [_rule_noise(ln.text, active) for ln in open_lines])
    if run is None or _story_head(open_lines, run):
        return []
    if story_tail(open_lines, run.used, run.items):  # the story's last line, then a card
        run = CardRun(run.items[1:], run.used[1:], run.chrome, run.first + 1, run.last)
    story = story_card(open_lines, run.used, tuple(item.title for item in run.items))
    if story:  # the page's own story heads the cards: its headline and paragraph stay
        lead = story_lead(open_lines, story)
        head = _story_headline(open_lines, lead)
        for k in lead:  # a picture label, byline or date over or under the headline
            if k != head:
                open_lines[k].decide("noise", "nav", CARD_CHROME)
        run = CardRun(run.items[1:], tuple(k for k in run.used if k > story[-1]), run.chrome,
                      run.first, run.last)
    for k in run.used:
        open_lines[k].decide("related", "related", CARD_RULE)
    for k in run.chrome:
        open_lines[k].decide("noise", "nav", CARD_CHROME)
    return list(run.items)


