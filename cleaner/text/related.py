"""Read related articles out of text lines, before any line is dropped.

Four shapes, each declared by a rule (see rules/README.md):
- cards: a list under a heading where each card spreads over lines around one anchor line
  (its age, like Daily8's "time33 minutes ago");
- item lists: one article a line under a heading ("Further Reading");
- single items: a one-line promo anywhere, an item rule with no heading ("Also Read: ...");
- embedded promos: another story inside the body (headline, "BY <author>", paragraphs,
  "Read more here").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

from cleaner.core.lines import Line, normalize
from cleaner.core.records import Related
from cleaner.rulebook.model import Active, CardSpec, EmbeddedSpec, RelatedRule

MAX_SOURCE_WORDS = 4  # "Reuters", "The New York Times": an outlet's name under its item
# Capitalised words (a short connector between them: "Times of India"), no sentence end
_SOURCE_NAME = re.compile(r"^[A-Z][\w&’'.-]*(?: (?:[A-Z][\w&’'.-]*|of|the|and|on|de))*$")
LEAD_SOURCE_MAX_CHARS = 60  # a bare source name before the anchor (Daily8: "Time of India")


class _Finder:
    """Which page lines each page-wide related pattern matches. The patterns sit in the
    merged rules' one RE2 set (`Active.related_hits`); Python-level search calls cost ~10 us
    each, which was a third of the text path's time."""

    def __init__(self, lines: list[Line], active: Active) -> None:
        self.slot = {p.pattern: k for k, p in enumerate(active.related_patterns)}
        self.hits: dict[int, set[int]] = {}
        for ln in lines:
            if ln.fate != "blank":
                for k in active.related_hits(ln.text):
                    self.hits.setdefault(k, set()).add(ln.index)

    def match(self, regex: Any, ln: Line) -> bool:
        return ln.index in self.hits.get(self.slot[regex.pattern], ())

    def anywhere(self, regex: Any) -> bool:
        """False when the pattern matches no line at all (the rule can be skipped)."""
        return bool(self.hits.get(self.slot[regex.pattern]))


@dataclass(slots=True)
class _Card:
    anchor: int  # position in the region list
    published: str | None
    source: str | None = None
    title: str | None = None
    fixed_end: int = 0  # region position after the anchor, source and title lines
    teaser: list[str] = field(default_factory=list)


def _group(groups: dict[str, str | None], name: str) -> str | None:
    """A named group of a match, stripped; None when absent or empty. Takes the match's
    groupdict(): the binding rebuilds its name table on every group(name) call (~5 us)."""
    value = groups.get(name)
    return value.strip() if value else None


def _region(lines: list[Line], rule: RelatedRule,
            finder: _Finder) -> tuple[Line, list[Line]] | None:
    """The heading line and the open lines under it, up to the stop line or the end."""
    start_at = None
    if rule.start and finder.anywhere(rule.start):
        start_at = next((ln.index for ln in lines
                         if ln.open and finder.match(rule.start, ln)), None)
    if start_at is None:
        return None
    body = []
    for ln in lines[start_at + 1:]:
        if ln.open and rule.stop and finder.match(rule.stop, ln):
            break
        if ln.open:
            body.append(ln)
    return lines[start_at], body


def _drop_noise(region: list[Line], active: Active, spec: CardSpec | None,
                finder: _Finder) -> list[Line]:
    """Lines inside a list that an any-zone line rule calls noise (markup debris, ads)."""
    kept = []
    for ln in region:
        if spec and finder.match(spec.anchor, ln):
            kept.append(ln)
            continue
        hit = active.noise_anywhere(ln.text)
        if hit:
            ln.decide("noise", hit.category, hit.id)
        else:
            kept.append(ln)
    return kept


def _parse_cards(region: list[Line], spec: CardSpec, finder: _Finder) -> list[_Card]:
    texts = [ln.text for ln in region]
    anchors = [k for k, ln in enumerate(region) if finder.match(spec.anchor, ln)]
    cards = []
    for n, k in enumerate(anchors):
        m = spec.anchor.search(texts[k]).groupdict()
        card = _Card(k, _group(m, "published"), _group(m, "source"))
        limit = anchors[n + 1] if n + 1 < len(anchors) else len(texts)
        pos = k + 1
        for slot in spec.after:
            if pos >= limit or slot == "teaser":
                break
            if slot == "source":
                sm = spec.source_line.search(texts[pos]) if spec.source_line else None
                if sm:
                    card.source = card.source or _group(sm.groupdict(), "source")
                    pos += 1
            elif slot == "title":
                card.title = texts[pos]
                pos += 1
            else:
                pos += 1
        card.fixed_end = pos
        cards.append(card)
    return cards


def _lead_start(texts: list[str], lo: int, card: _Card) -> int:
    """How far back before the anchor the card's own lead reaches: repeats of its title or
    source, and a bare source name right before the anchor."""
    keys = {normalize(x) for x in (card.title, card.source) if x}
    k = card.anchor
    while k > lo and normalize(texts[k - 1]) in keys:
        k -= 1
    if card.source is None and k > lo and len(texts[k - 1]) <= LEAD_SOURCE_MAX_CHARS:
        card.source = texts[k - 1]
        k -= 1
        while k > lo and normalize(texts[k - 1]) in keys | {normalize(card.source)}:
            k -= 1
    return k


def _cards(region: list[Line], spec: CardSpec, default_source: str | None,
           finder: _Finder) -> list[Related]:
    texts = [ln.text for ln in region]
    cards = _parse_cards(region, spec, finder)
    for n, card in enumerate(cards):
        lo = cards[n - 1].fixed_end if n else 0
        lead = _lead_start(texts, lo, card)
        if n:
            cards[n - 1].teaser.extend(texts[lo:lead])
    if cards:
        cards[-1].teaser.extend(texts[cards[-1].fixed_end:])
    return [Related(c.title or "", c.source or default_source, c.published, None,
                    "\n".join(c.teaser) or None) for c in cards if c.title]


def _item(m: Any, ln: Line, source: str | None) -> Related:
    g = m.groupdict()
    return Related(_group(g, "title") or ln.text, _group(g, "source") or source,
                   _group(g, "published"), _group(g, "url"), _group(g, "teaser"))


def _items(region: list[Line], item: Any, active: Active,
           source: str | None) -> tuple[list[Related], list[Line]]:
    """One article per line until the first line that is not an item, or that a line rule
    calls noise (the share bar or the comments after a "Further Reading" list), or a
    sentence. A date line under an item is its `published`, a name line its `source`
    (`_under_source`), and a sentence right under that name line its `teaser` when the
    next card follows it or an earlier card of the list had one."""
    out: list[Related] = []
    used: list[Line] = []
    named: list[bool] = []  # per item: a source line printed under it
    dates = _Dates(region, active)
    for k, ln in enumerate(region):
        date = dates[k]
        if date and out and out[-1].published is None:  # "June 12, 2025" under its item
            out[-1] = replace(out[-1], published=date)
            used.append(ln)
            continue
        if out and not named[-1] and _under_source(region, dates, k, item, named):
            out[-1] = replace(out[-1], source=ln.text)  # "Reuters" under its item
            named[-1] = True
            used.append(ln)
            continue
        if (out and named[-1] and out[-1].teaser is None and used[-1] is region[k - 1]
                and _sentence(ln.text) and (any(r.teaser for r in out[:-1])
                                            or _card_next(region, dates, k + 1, item))):
            out[-1] = replace(out[-1], teaser=ln.text)  # the summary under "Reuters"
            used.append(ln)
            continue
        m = item.search(ln.text)
        if not m or _is_noise(ln.text, active) or _sentence(ln.text):
            break  # a sentence ends the list: items are headlines, the story goes on
        out.append(_item(m, ln, source))
        named.append(False)
        used.append(ln)
    return out, used


class _Dates:
    """The date each line of the region reads as (None: no date line), asked only for
    the lines the list reaches: the region runs to the page's end, the list stops early."""

    def __init__(self, region: list[Line], active: Active) -> None:
        self._region, self._active = region, active
        self._found: dict[int, str | None] = {}

    def __getitem__(self, k: int) -> str | None:
        if k not in self._found:
            self._found[k] = _date_line(self._region[k].text, self._active)
        return self._found[k]


def _under_source(region: list[Line], dates: _Dates, k: int, item: Any,
                  named: list[bool]) -> bool:
    """Line k is the source printed under the item above it, as a list of "Title" then
    "Source" (then maybe a date) lines prints each: a short name (capitalised words, no
    sentence) followed by the next item and that item's own name line, or any such line
    once the item before had one. A name line alone is a heading inside the list ("Our
    Picks")."""
    if not _source_name(region[k].text):
        return False
    if len(named) > 1 and named[-2]:
        return True  # the list prints a name under each item already
    if k + 1 < len(region) and _sentence(region[k + 1].text):
        return _card_next(region, dates, k + 2, item)  # its summary, then the next card
    return _card_next(region, dates, k + 1, item)


def _card_next(region: list[Line], dates: _Dates, k: int, item: Any) -> bool:
    """From line k on, the next card of a list that prints "Title", "Source" and maybe a
    summary under it (Yahoo's "Recommended Stories", sample 455): an item that is no
    sentence and no name, then a name line (date lines skipped)."""
    after = list(islice((j for j in range(k, len(region)) if dates[j] is None), 2))
    if len(after) < 2:
        return False
    title, name = region[after[0]].text, region[after[1]].text
    return (bool(item.search(title)) and not _sentence(title) and not _source_name(title)
            and _source_name(name))


def _source_name(text: str) -> bool:
    return len(text.split()) <= MAX_SOURCE_WORDS and _SOURCE_NAME.match(text) is not None


def _sentence(text: str) -> bool:
    """A line ending in a full stop (not an ellipsis): story, never a headline."""
    return text.endswith(".") and not text.endswith("..")


def _date_line(text: str, active: Active) -> str | None:
    """The date when a metadata rule reads the whole line as one (a dateline, an age)."""
    for r in active.matching(text):
        if r.fields == ("published",):
            return _group(r.pattern.search(text).groupdict(), "published")
    return None


def _is_noise(text: str, active: Active) -> bool:
    return active.noise_anywhere(text) is not None


def _single_items(lines: list[Line], rule: RelatedRule, item: Any, source: str | None,
                  finder: _Finder) -> list[Related]:
    """An item rule without a heading: each matching line is a promo on its own
    ("Also Read: <headline>")."""
    found: list[Related] = []
    if not finder.anywhere(item):
        return found
    for ln in lines:
        if ln.open and finder.match(item, ln):
            m = item.search(ln.text)
            if m:
                found.append(_item(m, ln, source))
                ln.decide("related", rule.category, rule.id)
    return found


def _embedded(lines: list[Line], rule: RelatedRule, spec: EmbeddedSpec,
              finder: _Finder) -> list[Related]:
    found: list[Related] = []
    if not finder.anywhere(spec.end):
        return found
    for end in [ln for ln in lines if ln.open and finder.match(spec.end, ln)]:
        window = [ln for ln in lines[max(0, end.index - spec.max_lines):end.index] if ln.open]
        starts = [k for k, ln in enumerate(window) if finder.match(spec.start, ln)]
        if not starts or starts[-1] < spec.title_before:
            continue
        s = starts[-1]
        title_lines = window[s - spec.title_before:s]
        body = window[s + 1:]
        for ln in [*title_lines, window[s], *body, end]:
            ln.decide("related", rule.category, rule.id)
        title = " ".join(ln.text for ln in title_lines) or window[s].text
        found.append(Related(title, rule.source, None, None,
                             "\n".join(ln.text for ln in body) or None))
    return found


def extract_related(lines: list[Line], active: Active) -> list[Related]:
    """Apply every related rule in order; decided lines become `related` with the rule id."""
    related: list[Related] = []
    if not active.related:
        return related
    finder = _Finder(lines, active)
    for rule in active.related:
        if rule.embedded:
            related.extend(_embedded(lines, rule, rule.embedded, finder))
            continue
        source = rule.source or active.publisher  # a list with no source is the site's own
        if rule.item and rule.start is None:
            related.extend(_single_items(lines, rule, rule.item, source, finder))
            continue
        found = _region(lines, rule, finder)
        if not found:
            continue
        heading, region = found
        if rule.cards:
            # a second list heading inside the region ("Trending Now" after "Related
            # Articles") belongs to the lists, not to the teaser of the card before it
            headings = [ln for ln in region if finder.match(rule.start, ln)]
            region = _drop_noise([ln for ln in region if ln not in headings], active,
                                 rule.cards, finder)
            items, used = _cards(region, rule.cards, rule.source, finder), region + headings
        elif rule.item:  # the schema asks for exactly one of cards, item, embedded
            items, used = _items(region, rule.item, active, source)
        else:
            continue
        if not items:
            continue
        related.extend(items)
        for ln in [heading, *used]:
            ln.decide("related", rule.category, rule.id)
    return related
