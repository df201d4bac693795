"""The line stages of cleaning: sections, line rules, title, repeats, language, body.

Each stage decides open lines only and records the rule that decided them. The order is
the documented stage order (rules/README.md): related lists were read before any of this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .language import is_foreign_line
from .lines import Line, is_paragraph, normalize
from .records import Removal
from .ruleset import Active, LineRule, SectionRule
from .zones import Zones

TITLE_MAX_CHARS = 300
# Headlines on the seeds and samples have 5 to 20 words; nav items and section labels above
# them ("Home", "World", "inkl") have one or two.
TITLE_MIN_WORDS = 3
DOUBLED_SOURCE_MAX_CHARS = 60  # an outlet's name, not a doubled headline
DUPLICATE_MIN_CHARS = 20  # shorter repeats ("Russia", "Comments") are left to the rules
# A repeat with at most this many kept lines since its previous copy is a duplicate. The
# seeds' duplicates have 0 (PratidinTime's standfirst after the byline chrome, Ynetnews'
# doubled alt text); on the scrapinghub pages, repeats 3+ lines apart were real content, and
# on WCXB repeats one line apart were a transcript's "Yeah." and a list's recurring name.
REPEAT_GAP = 0
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")  # trafilatura prints table rows as | a | b |
REPEATED_TITLE = "generic-repeated-title"
REPEATED_LINE = "generic-repeated-line"
FOREIGN_LINE = "generic-foreign-line"
ABOVE_TITLE = "generic-above-title"
HEAD_FRAGMENT = "generic-head-fragment"
DOUBLED_SOURCE = "generic-doubled-source"
META_FIELDS = ("source", "author", "published", "title")


@dataclass(slots=True)
class Meta:
    """Metadata found in lines: the first value of each field wins."""

    values: dict[str, str] = field(default_factory=dict)

    def offer(self, name: str, value: str | None) -> None:
        if value and value.strip() and name not in self.values:
            self.values[name] = value.strip()


def apply_sections(lines: list[Line], active: Active) -> None:
    """Every occurrence of a bounded section is removed (one per figure, say); a section
    without a stop runs to the end, so its first start is enough."""
    for rule in active.sections:
        k = 0
        while k < len(lines):
            begin = next((ln.index for ln in lines[k:]
                          if ln.open and rule.start.search(ln.text)), None)
            if begin is None:
                break
            end = _section_end(lines, begin, rule)
            if end is None:  # a bounded section whose stop is missing is not this template
                k = begin + 1
                continue
            for ln in lines[begin:end]:
                if ln.open:
                    ln.decide("noise", rule.category, rule.id)
            if rule.stop is None:
                break
            k = max(end, begin + 1)


def _section_end(lines: list[Line], begin: int, rule: SectionRule) -> int | None:
    """The line index after the section, or None when a bounded section finds no stop."""
    if rule.stop is None:
        return min(len(lines), begin + rule.max_lines + 1) if rule.max_lines else len(lines)
    for ln in lines[begin + 1:]:
        if rule.max_lines and ln.index - begin > rule.max_lines:
            return None
        if ln.open and rule.stop.search(ln.text):
            return ln.index + (1 if rule.stop_inclusive else 0)
    return None if rule.max_lines else len(lines)


def _first_rule(active: Active, text: str, zone: str, body_stage: bool) -> LineRule | None:
    for rule in active.matching(text):
        if (rule.zone == "body") != body_stage:
            continue
        if rule.zone not in ("any", zone):
            continue
        if rule.unless and rule.unless.search(text):
            continue
        return rule
    return None


def apply_line_rules(lines: list[Line], active: Active, zones: Zones, meta: Meta,
                     body_stage: bool) -> None:
    """One RE2 set match per line finds every rule that fires; the first in order wins."""
    for ln in lines:
        if not ln.open:
            continue
        rule = _first_rule(active, ln.text, zones.zone_of(ln.index), body_stage)
        if rule is None:
            continue
        fields = rule.pattern.groupindex
        if fields:
            m = rule.pattern.search(ln.text)
            for name in fields:
                if name in META_FIELDS:
                    meta.offer(name, m.group(name))
            ln.decide("meta", rule.category, rule.id)
        else:
            ln.decide("noise", rule.category, rule.id)
        _context(lines, ln.index, rule)


def _context(lines: list[Line], index: int, rule: LineRule) -> None:
    """Neighbours a rule also removes: the alt text before a gallery count, say."""
    for step, count in ((-1, rule.before), (1, rule.after)):
        k, left = index + step, count
        while left and 0 <= k < len(lines):
            if lines[k].open:
                lines[k].decide("noise", rule.context_category or rule.category, rule.id)
                left -= 1
            elif lines[k].fate != "blank":
                break
            k += step


def mark_doubled_source(lines: list[Line], zones: Zones, meta: Meta) -> None:
    """A head line that is one short name twice is a logo's alt text glued to the outlet's
    name (inkl: "The GuardianThe Guardian"): it names the source."""
    for ln in lines:
        if ln.index >= zones.body_start:
            break
        if ln.open and ln.half and len(ln.half) <= DOUBLED_SOURCE_MAX_CHARS:
            meta.offer("source", ln.half)
            ln.decide("meta", "metadata", DOUBLED_SOURCE)
            return


def pick_title(lines: list[Line], zones: Zones, meta: Meta,
               off: frozenset[str] = frozenset()) -> str | None:
    """The first open head line of a few words that is not a paragraph (a title from
    metadata wins). Short head lines around it are page chrome: nav and section labels
    above it, a lone source or image label between it and the story."""
    if "title" in meta.values:
        return meta.values["title"]
    head = [ln for ln in lines[:zones.body_start]
            if ln.open and len(ln.text) <= TITLE_MAX_CHARS and not is_paragraph(ln.text)]
    if not head:
        return None
    title = next((ln for ln in head if len(ln.text.split()) >= TITLE_MIN_WORDS), head[0])
    found_body = zones.body_start < len(lines)  # else everything is "head": judge nothing
    for ln in head:
        if ln.index < title.index:
            if ABOVE_TITLE not in off:
                ln.decide("noise", "nav", ABOVE_TITLE)
        elif (ln is not title and found_body and len(ln.text.split()) < TITLE_MIN_WORDS
              and HEAD_FRAGMENT not in off):
            # between the title and the story: a source, section or image label on its own
            ln.decide("noise", "metadata", HEAD_FRAGMENT)
    title.decide("title", None, None)
    return title.text


def mark_repeats(lines: list[Line], title: str | None,
                 off: frozenset[str] = frozenset()) -> None:
    """Later copies of the title are noise, and so is a line repeated word for word right
    after its previous copy (at most REPEAT_GAP kept lines between): a standfirst repeated
    under the header chrome, alt text printed twice. Copies farther apart are the article's
    own structure (a recipe's "Eat 1-2 hours after your workout" in each plan, an interview's
    recurring question) and stay; so do table rows, and lines that differ in a number
    ("| 3 bedroom | $2,438 |" after "| 2 bedroom | $2,079 |", WCXB)."""
    title_key = normalize(title) if title else None
    last_seen: dict[str, int] = {}  # key -> count of kept lines when it was last kept
    kept = 0
    for ln in lines:
        if not ln.open:
            continue
        if title_key and normalize(ln.text) == title_key and REPEATED_TITLE not in off:
            ln.decide("noise", "duplicate", REPEATED_TITLE)
            continue
        key = " ".join(ln.text.lower().split())
        if (len(ln.text) >= DUPLICATE_MIN_CHARS and key in last_seen
                and kept - last_seen[key] <= REPEAT_GAP and not _TABLE_ROW.match(ln.text)
                and REPEATED_LINE not in off):
            ln.decide("noise", "duplicate", REPEATED_LINE)
            continue
        kept += 1
        last_seen[key] = kept


def reopen_inner_tags(lines: list[Line], active: Active) -> None:
    """A tag list closes the article: a tail line a tag rule took that still has body after
    it was a subhead in title case ("Jeongdong Theater Tradition Series Performance" above
    a listing's dates, scrapinghub), so it goes back to the body."""
    tag_rules = {r.id for r in active.lines if r.zone == "tail" and r.category == "tags"}
    last_body = max((ln.index for ln in lines if ln.open), default=-1)
    for ln in lines:
        if ln.index >= last_body:
            break
        if ln.rule in tag_rules:
            ln.decide("undecided", None, None)


def mark_foreign(lines: list[Line], script: str | None, language: str | None) -> None:
    for ln in lines:
        if ln.open and is_foreign_line(ln.text, script, language):
            ln.decide("noise", "language", FOREIGN_LINE)


def finish_body(lines: list[Line], active: Active) -> tuple[list[str], list[Removal]]:
    """Open lines become body, with inline spans (glued ad labels) cut out."""
    body, removed = [], []
    for ln in lines:
        if not ln.open:
            continue
        text = ln.text
        for rule in active.inline:
            if rule.pattern.search(text):
                for m in rule.pattern.finditer(text):
                    removed.append(Removal(m.group(0).strip(), rule.category, rule.id))
                text = " ".join(rule.pattern.sub(" ", text).split())
        ln.decide("body", None, None)
        if text:
            body.append(text)
    return body, removed


def clean_inline(text: str, active: Active) -> str:
    for rule in active.inline:
        text = rule.pattern.sub(" ", text)
    return " ".join(text.split())
