"""The compiled rule model: one `Site` per rule file, and the `RuleSet` that picks one.

Rule files are data (see rules/README.md); this module holds what they compile into and the
host/fingerprint matching that chooses a site for a page. Matching is explicit:
`example.com` matches the apex and `www.`; `*.example.com` matches any subdomain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

import re2

from cleaner.core.errors import RuleError
from cleaner.rulebook.line_sets import LineSets
from cleaner.rulebook.patterns import LARGE_SET_MAX_MEM

Zone = Literal["any", "head", "body", "tail"]
CardField = Literal["source", "title", "teaser", "skip"]
LINE_SET_MAX_MEM = LARGE_SET_MAX_MEM  # one set per site, shared by all its pages
MATCH_MEMO_LINES = 4096  # lines whose rule matches are remembered (a few pages' worth)
FINGERPRINT_WINDOW = 200_000  # chars searched for a fingerprint; aggregator chrome sits early
# A page is a site's when the weights of its fingerprints found add up to this: one line
# only that site prints, or several chrome lines it shares with others (rules/README.md).
FINGERPRINT_SCORE = 1.0


@dataclass(frozen=True, slots=True)
class RuleBase:
    id: str
    category: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class LineRule(RuleBase):
    """A whole line that is noise, or metadata when the pattern has named groups."""

    pattern: re2._Regexp
    zone: Zone = "any"
    before: int = 0
    after: int = 0
    context_category: str | None = None
    unless: re2._Regexp | None = None
    # The pattern's named groups, read once: the binding rebuilds `groupindex` on every
    # access (~2 us), and stages ask it for each line a rule matches.
    fields: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", tuple(self.pattern.groupindex))


@dataclass(frozen=True, slots=True)
class InlineRule(RuleBase):
    """A span removed from inside a line (an ad label glued into a paragraph)."""

    pattern: re2._Regexp


@dataclass(frozen=True, slots=True)
class SectionRule(RuleBase):
    """Everything from a start line up to a stop line (or the end)."""

    start: re2._Regexp
    stop: re2._Regexp | None = None
    stop_inclusive: bool = False
    max_lines: int | None = None


@dataclass(frozen=True, slots=True)
class CardSpec:
    """A related card spread over lines, found by its one anchor line (usually the time)."""

    anchor: re2._Regexp
    after: tuple[CardField, ...] = ("title", "teaser")
    source_line: re2._Regexp | None = None


@dataclass(frozen=True, slots=True)
class EmbeddedSpec:
    """A promo of another article inside the body: headline, byline, paragraphs, end marker."""

    end: re2._Regexp
    start: re2._Regexp
    max_lines: int = 40
    title_before: int = 1


@dataclass(frozen=True, slots=True)
class RelatedRule(RuleBase):
    """A list of related articles (cards or one-line items) or an embedded promo."""

    start: re2._Regexp | None = None
    stop: re2._Regexp | None = None
    cards: CardSpec | None = None
    item: re2._Regexp | None = None
    embedded: EmbeddedSpec | None = None
    source: str | None = None

    def page_patterns(self) -> tuple[re2._Regexp, ...]:
        """The patterns of the rule that are tried on every line of the page (a card list's
        anchor too: it is tried on every line of the list, twice)."""
        if self.embedded:
            return (self.embedded.end, self.embedded.start)
        return tuple(p for p in (self.start, self.stop,
                                 self.item if self.start is None else None,
                                 self.cards.anchor if self.cards else None) if p)


@dataclass(frozen=True, slots=True)
class DomDrop(RuleBase):
    """Nodes dropped from the HTML tree before extraction."""

    selector: str
    xpath: str  # the compiled form of selector, kept for explain and lint


@dataclass(frozen=True, slots=True)
class DomCards(RuleBase):
    """Related cards read from markup: item nodes, and a relative selector per field."""

    item: str
    item_xpath: str
    fields: tuple[tuple[str, str], ...]  # (field name, xpath relative to the item)
    source: str | None = None
    drop: bool = True
    container_xpath: str | None = None  # items are looked for inside it; `drop` takes it whole


@dataclass(frozen=True, slots=True)
class DomSection(RuleBase):
    """A run of sibling nodes dropped together: from a start node (a heading such as "More
    from us") up to, not including, the first following sibling that matches stop, or to the
    end of the parent when there is no stop."""

    start: str
    start_xpath: str
    stop_xpath: str | None = None


@dataclass(frozen=True, slots=True)
class Site:
    """Everything one rule file says; the generic file is a Site with no hosts."""

    name: str
    label: str
    file: str
    hosts: tuple[str, ...] = ()
    fingerprints: tuple[re2._Regexp, ...] = ()
    fingerprint_weights: tuple[float, ...] = ()  # beside fingerprints; 1.0 when not given
    publisher: str | None = None
    disable: frozenset[str] = frozenset()
    lines: tuple[LineRule, ...] = ()
    inline: tuple[InlineRule, ...] = ()
    sections: tuple[SectionRule, ...] = ()
    related: tuple[RelatedRule, ...] = ()
    dom_drop: tuple[DomDrop, ...] = ()
    dom_cards: tuple[DomCards, ...] = ()
    dom_sections: tuple[DomSection, ...] = ()

    def all_rule_ids(self) -> list[str]:
        groups = (self.lines, self.inline, self.sections, self.related, self.dom_drop,
                  self.dom_cards, self.dom_sections)
        return [r.id for g in groups for r in g]


@dataclass(frozen=True, slots=True)
class Active:
    """The rules in force for one page: the site's first, then the generic ones it keeps."""

    site: Site | None
    lines: tuple[LineRule, ...]
    inline: tuple[InlineRule, ...]
    sections: tuple[SectionRule, ...]
    related: tuple[RelatedRule, ...]
    dom_drop: tuple[DomDrop, ...]
    dom_cards: tuple[DomCards, ...]
    # One RE2 set (a few inside, for speed: rulebook.line_sets) holds every pattern tried on
    # each line of a page: the line rules', then the related rules' page patterns
    # (`related_patterns`), the section starts and the inline patterns, at the offsets below
    # (None: that family did not fit the set and is searched pattern by pattern). One pass
    # per line replaces a pass per family: each costs ~4 us in the pipeline, most of it the
    # binding's, whatever the set holds.
    line_set: LineSets = field(repr=False)
    dom_sections: tuple[DomSection, ...] = ()
    related_patterns: tuple[re2._Regexp, ...] = ()
    related_at: int | None = None
    sections_at: int | None = None
    inline_at: int | None = None
    # Several stages ask about the same line (related lists, cards, sections, both
    # line-rule passes, inline spans): the answers are remembered for one page (`forget`
    # starts the next) and bounded.
    _memo: dict[str, tuple[tuple[LineRule, ...], tuple[int, ...]]] = field(
        default_factory=dict, repr=False, compare=False)

    def _hits(self, text: str) -> tuple[tuple[LineRule, ...], tuple[int, ...]]:
        """(line rules that fire, every set entry that fires) for text, from one pass."""
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) >= MATCH_MEMO_LINES:
                self._memo.clear()
            hits = self.line_set.Match(text)
            if hits:
                hits.sort()
                n = len(self.lines)
                found = (tuple(self.lines[i] for i in hits if i < n), tuple(hits))
            else:
                found = ((), ())
            self._memo[text] = found
        return found

    def matching(self, text: str) -> tuple[LineRule, ...]:
        """Every line rule whose pattern fires on text, in rule order (one RE2 pass)."""
        return self._hits(text)[0]

    def noise_anywhere(self, text: str) -> LineRule | None:
        """The first line rule that removes `text` wherever it stands: zone `any`, no fields
        to read, its `unless` not matching. Markup debris or an ad label between cards or
        inside a related list is noise there too (the card and related-list stages ask)."""
        for r in self.matching(text):
            if r.zone == "any" and not r.fields and not (r.unless and r.unless.search(text)):
                return r
        return None

    def _family(self, text: str, at: int, size: int) -> tuple[int, ...]:
        """Positions within a family of `size` patterns stored in the set from `at` of the
        ones that match text."""
        hits = self._hits(text)[1]
        if not hits:  # most lines: nothing to pick out
            return ()
        end = at + size
        return tuple(h - at for h in hits if at <= h < end)

    def related_hits(self, text: str) -> tuple[int, ...]:
        """Positions in `related_patterns` of the patterns that match text."""
        if self.related_at is None:
            return tuple(k for k, p in enumerate(self.related_patterns) if p.search(text))
        return self._family(text, self.related_at, len(self.related_patterns))

    def section_starts(self, text: str) -> tuple[int, ...]:
        """Positions in `sections` of the rules whose start pattern matches text."""
        if self.sections_at is None:
            return tuple(k for k, r in enumerate(self.sections) if r.start.search(text))
        return self._family(text, self.sections_at, len(self.sections))

    def inline_hits(self, text: str) -> bool:
        """Whether any inline rule's pattern matches somewhere in text."""
        if not self.inline:
            return False
        if self.inline_at is None:
            return any(r.pattern.search(text) for r in self.inline)
        return bool(self._family(text, self.inline_at, len(self.inline)))

    def forget(self) -> None:
        """Drop the remembered matches: called once per page, so speed measured on a
        repeated corpus is not flattered by matches remembered from earlier copies."""
        self._memo.clear()

    @property
    def publisher(self) -> str | None:
        return self.site.publisher if self.site else None


def host_matches(pattern: str, host: str) -> bool:
    """`a.com` matches a.com and www.a.com; `*.a.com` matches every subdomain of a.com."""
    host = host.lower().rstrip(".")
    if pattern.startswith("*."):
        return host.endswith(pattern[1:])
    return host in (pattern, "www." + pattern)


@dataclass(slots=True)
class RuleSet:
    """The generic rules plus every site; `active()` merges them for one page."""

    generic: Site
    sites: tuple[Site, ...]
    _cache: dict[str | None, Active] = field(default_factory=dict, repr=False)
    _fingerprint_set: re2.Set | None = field(default=None, repr=False)
    _fingerprint_owner: list[int] | None = field(default=None, repr=False)
    _fingerprint_weight: list[float] = field(default_factory=list, repr=False)

    def site_named(self, name: str) -> Site | None:
        return next((s for s in self.sites if s.name == name), None)

    def detect(self, url: str | None, text: str, utf8: bytes | None = None) -> Site | None:
        """By the URL's host first; without a URL (or an unknown host) by the site whose
        fingerprints found in the text score highest, if they reach FINGERPRINT_SCORE.
        `utf8`, when given, is the text's UTF-8 bytes: what RE2 reads, so the binding need
        not encode the text again (0.1 ms on a 170 kB page)."""
        if url:
            host = urlsplit(url if "//" in url else "//" + url).hostname or ""
            for site in self.sites:
                if any(host_matches(p, host) for p in site.hosts):
                    return site
        if not text:
            return None
        owners = self._fingerprints()
        if not owners:
            return None
        assert self._fingerprint_set is not None  # built by _fingerprints() with its owners
        window = utf8 if utf8 is not None and len(text) <= FINGERPRINT_WINDOW else text[
            :FINGERPRINT_WINDOW]
        hits = self._fingerprint_set.Match(window) or ()
        scores: dict[int, float] = {}
        for k in hits:
            scores[owners[k]] = scores.get(owners[k], 0.0) + self._fingerprint_weight[k]
        best = max(scores, key=lambda n: (scores[n], -n), default=None)
        if best is None or scores[best] < FINGERPRINT_SCORE - 1e-9:
            return None
        return self.sites[best]

    def _fingerprints(self) -> list[int]:
        """All sites' fingerprints in one RE2 set, so a page is searched once, not once per
        fingerprint (on raw HTML that was 2.5 ms a page); returns the owning site per entry."""
        if self._fingerprint_owner is None:
            owners, weights = [], []
            fp_set = re2.Set.SearchSet(_set_options())
            for n, site in enumerate(self.sites):
                own = site.fingerprint_weights or (1.0,) * len(site.fingerprints)
                for fp, weight in zip(site.fingerprints, own):
                    fp_set.Add(fp.pattern)
                    owners.append(n)
                    weights.append(weight)
            self._fingerprint_weight = weights
            if owners:
                fp_set.Compile()
            self._fingerprint_set, self._fingerprint_owner = fp_set, owners
        return self._fingerprint_owner

    def active(self, site: Site | None) -> Active:
        key = site.name if site else None
        if key not in self._cache:
            self._cache[key] = _merge(self.generic, site)
        return self._cache[key]


def _set_options() -> re2.Options:
    options = re2.Options()
    options.max_mem = LINE_SET_MAX_MEM
    return options


def _merge(generic: Site, site: Site | None) -> Active:
    off = site.disable if site else frozenset()

    def pick(name: str) -> tuple[Any, ...]:
        own = getattr(site, name) if site else ()
        return tuple(own) + tuple(r for r in getattr(generic, name) if r.id not in off)

    lines, sections, inline = pick("lines"), pick("sections"), pick("inline")
    related = pick("related")
    related_patterns = tuple({p.pattern: p for r in related for p in r.page_patterns()}.values())
    where = site.file if site else generic.file
    families = [related_patterns, tuple(r.start for r in sections),
                tuple(r.pattern for r in inline)]
    line_patterns = [r.pattern for r in lines]
    try:  # all in one set; a family that makes it too big is searched one by one instead
        line_set = _search_set(line_patterns + [p for f in families for p in f])
        offsets: list[int | None] = []
        at = len(line_patterns)
        for family in families:
            offsets.append(at)
            at += len(family)
    except re2.error:
        try:
            line_set = _search_set(line_patterns)
        except re2.error:
            raise RuleError(f"the {len(lines)} line rules in force for this site do not fit "
                            f"in one RE2 set of {LINE_SET_MAX_MEM >> 20} MB; make the widest "
                            "patterns narrower", where, 1, 1) from None
        offsets = [None, None, None]
    return Active(site, lines, inline, sections, related, pick("dom_drop"), pick("dom_cards"),
                  line_set, pick("dom_sections"), related_patterns, offsets[0], offsets[1],
                  offsets[2])


def _search_set(patterns: list[re2._Regexp]) -> LineSets:
    """One RE2 set of patterns, as far as callers see (a few inside: line_sets says why):
    Match(text) lists the ones that match somewhere in text, as a search with each would;
    raises re2.error when they do not fit in memory."""
    return LineSets([pattern.pattern for pattern in patterns], _set_options())
