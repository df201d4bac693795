"""Cards cut around their anchors: runs of dated lines, each card's lines before and after.

Anchors (ages, dates, feed lines; see `card_lines`) are grouped into runs, and each run is
cut into cards: the lines before an anchor that repeat the card's own lines (Daily8 prints
the title three times) or the one title/source line right above it belong to it; after the
anchor come bullets, the title and the teaser. A run is kept only when the cards share one
shape and have titles, so a timeline of dated paragraphs in an article is not taken for
cards. The fields of such a card are read here too (`anchored_item`): they depend on which
lines copy which.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner.core.lines import normalize
from cleaner.core.records import Related
from cleaner.text.card_fields import card_title
from cleaner.text.card_lines import MAX_CARD_LINES, MAX_TEASER_LINES, MIN_CARDS, Token
from cleaner.text.cards_first import opens_like_the_rest, titled_after_anchor


@dataclass(slots=True)
class Card:
    lead: list[int]  # positions (in the open-line list) before the anchor
    anchor: int
    post: list[int] = field(default_factory=list)



def anchor_runs(anchors: list[int], tokens: list[Token]) -> list[list[int]]:
    """Anchors close together with at most a teaser's worth of prose between them; an
    article's dateline is cut off from the related list under the story this way."""
    runs: list[list[int]] = []
    for a in anchors:
        if (runs and a - runs[-1][-1] <= MAX_CARD_LINES
                and sum(t.kind == "P" for t in tokens[runs[-1][-1]:a]) <= MAX_TEASER_LINES):
            runs[-1].append(a)
        else:
            runs.append([a])
    return [r for r in runs if len(r) >= MIN_CARDS]


def _lead(keys: list[str], tokens: list[Token], lo: int, anchor: int,
          post_keys: set[str]) -> list[int]:
    """The lines before an anchor that are its card's: copies of lines after the anchor
    (title copies, the source under a bullet), and the title or source right before it."""
    lead: list[int] = []
    spare = 1
    k = anchor - 1
    top = anchor - 1  # the line right above the anchor, or above its byline
    while k >= lo:
        kind = tokens[k].kind
        if kind in ("P", "A"):
            break
        if k == top and keys[k].startswith("by ") and kind in ("S", "T", "R"):
            lead.append(k)  # a byline between the title and the age ("By X, AP Writer")
            top -= 1
        elif keys[k] in post_keys or kind in ("R", "N", "X"):
            lead.append(k)
        elif (kind == "T" or (kind == "S" and tokens[anchor].source is None)) and spare \
                and k == top:  # an anchor that names its source has a title above
            spare -= 1
            lead.append(k)
        else:
            break
        k -= 1
    return sorted(lead)


def _shape(tokens: list[Token], card: Card, keys: list[str] | None = None) -> str:
    """What a card is made of before its anchor (title copies, source), then whether a
    bullet follows it: the part of a card a template fixes. What follows the anchor
    varies (a standfirst, one or two teaser lines, none). With `keys`, a lead line that
    the bullet under the anchor names is the card's source, however long ("Philippine
    Daily Inquirer" over "• Philippine Daily Inquirer", a Daily8 hashtag page, sample
    570), where a short one ("Rappler") reads as one anyway."""
    named = {normalize(tokens[k].source or "") for k in card.post
             if tokens[k].kind == "B"} if keys else set()
    out: list[str] = []
    for k in card.lead:  # runs of one kind count once (title copies)
        kind = "S" if keys and keys[k] in named else tokens[k].kind
        if kind not in ("R", "N", "X", "P") and (not out or out[-1] != kind):
            out.append(kind)
    out.append("A")
    if any(tokens[k].kind == "B" for k in card.post):
        out.append("B")
    return "".join(out)


def build_cards(texts: list[str], keys: list[str], tokens: list[Token], run: list[int],
           lo: int, hi: int) -> list[Card] | None:
    """Cut a run of anchors into cards; None when they do not share a shape."""
    if len(run) == 1:
        return _single(keys, tokens, run[0], lo, hi)
    cards = []
    for n, a in enumerate(run):
        end = run[n + 1] if n + 1 < len(run) else hi
        cards.append(Card([], a, list(range(a + 1, end))))
    # the lead of each card is taken from the tail of the previous card's lines
    for n, card in enumerate(cards):
        start = cards[n - 1].anchor + 1 if n else lo
        post_keys = {keys[k] for k in card.post[:MAX_CARD_LINES]}
        post_keys |= {normalize(tokens[k].source or "") for k in card.post[:3]
                      if tokens[k].kind == "B"}
        card.lead = _lead(keys, tokens, start, card.anchor, post_keys - {""})
        if n:
            prev = cards[n - 1]
            prev.post = [k for k in prev.post if k < (card.lead[0] if card.lead else card.anchor)]
    last = cards[-1]
    longest = max((c.post for c in cards[:-1]), key=len)
    template = [tokens[k].kind for k in longest]
    last.post = _fit_tail(tokens, last.post, template)
    for card in cards:
        if sum(tokens[k].kind == "P" for k in card.post) > MAX_TEASER_LINES:
            return None
        size = sum(tokens[k].kind not in ("N", "R", "X") for k in [*card.lead, *card.post])
        if size >= MAX_CARD_LINES:
            return None
    shapes = [_shape(tokens, c, keys) for c in cards]
    common = max(set(shapes), key=shapes.count)
    if shapes.count(common) * 3 < len(shapes) * 2:  # two cards in three share the shape
        return None
    if "T" not in common and "S" not in common and not titled_after_anchor(tokens, cards):
        return None
    if shapes[0] != common and len(run) > MIN_CARDS:
        if opens_like_the_rest(tokens, cards, common, Token("R")):
            return cards
        return build_cards(texts, keys, tokens, run[1:], run[0] + 1, hi)  # the page's own head
    return cards


def _single(keys: list[str], tokens: list[Token], anchor: int, lo: int, hi: int
            ) -> list[Card] | None:
    """A lone card (a hashtag page with one story): kept when its title is printed more
    than once around the anchor and a bullet names its source, as card templates do."""
    post = []
    for k in range(anchor + 1, min(hi, anchor + MAX_CARD_LINES)):
        if tokens[k].kind in ("A", "I"):
            break
        post.append(k)
        if tokens[k].kind == "P":
            break
    post_keys = {keys[k] for k in post} | {normalize(tokens[k].source or "") for k in post
                                            if tokens[k].kind == "B"}
    card = Card(_lead(keys, tokens, lo, anchor, post_keys - {""}), anchor, post)
    lines = [*card.lead, *card.post]
    has_bullet = any(tokens[k].kind == "B" for k in post)
    titles = [keys[k] for k in lines if tokens[k].kind == "T"]
    if has_bullet and len(titles) > len(set(titles)):
        return [card]
    return None


def _fit_tail(tokens: list[Token], post: list[int], template: list[str]) -> list[int]:
    """The last card's lines after its anchor: as many as the previous card's shape
    allows, so the footer after the list is not taken for its teaser."""
    out, t = [], 0
    for k in post:
        kind = tokens[k].kind
        if kind in ("R", "N", "X"):
            out.append(k)
            continue
        while t < len(template) and template[t] != kind:
            t += 1
        if t >= len(template):
            break
        out.append(k)
        if kind != "P":
            t += 1
    return out


def anchored_item(texts: list[str], keys: list[str], tokens: list[Token], card: Card
             ) -> Related | None:
    lines = [k for k in [*card.lead, *card.post] if tokens[k].kind not in ("R", "N", "X")]
    anchor = tokens[card.anchor]
    bullets = [tokens[k].source for k in lines if tokens[k].kind == "B"]
    counts: dict[str, int] = {}
    for k in lines:
        if tokens[k].kind in ("S", "T"):
            counts[keys[k]] = counts.get(keys[k], 0) + 1
    source = anchor.source
    bullet_keys = {normalize(b or "") for b in bullets}
    if source is None:
        source = next((texts[k] for k in lines if tokens[k].kind == "S"
                       and keys[k] in bullet_keys), None)
    if source is None and bullets:
        source = bullets[-1]
    if source is None:
        source = next((texts[k] for k in card.lead if tokens[k].kind == "S"), None)
    skey = normalize(source or "")
    names = [k for k in lines if tokens[k].kind in ("S", "T") and keys[k] != skey
             and keys[k] not in bullet_keys and not keys[k].startswith("by ")]
    if not names:
        return None
    top = max(counts.get(keys[k], 0) for k in names)
    titled = [k for k in names if counts.get(keys[k], 0) == top]
    title = next((k for k in titled if tokens[k].kind == "T"), titled[0])
    teaser = [texts[k] for k in card.post if tokens[k].kind == "P"]
    return Related(card_title(texts[title]), source, anchor.published, None,
                   "\n".join(teaser) or None)



def anchors_close(tokens: list[Token], run: list[int]) -> bool:
    """Whether the anchors close their cards (the date or feed line under the teaser):
    after the last one comes no title or teaser, only chrome or the end of the page."""
    for t in tokens[run[-1] + 1:]:
        if t.kind in ("B", "R", "N", "X"):
            continue
        return t.kind not in ("T", "P")
    return True


