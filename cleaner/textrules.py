"""The line stages of cleaning: sections, line rules, title, repeats, language, body.

Each stage decides open lines only and records the rule that decided them. The order is
the documented stage order (rules/README.md): related lists were read before any of this.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .language import is_foreign_line
from .lines import Line, is_paragraph, normalize
from .records import Removal
from .ruleset import Active, LineRule
from .zones import Zones

TITLE_MAX_CHARS = 300
DUPLICATE_MIN_CHARS = 20  # shorter repeats ("Russia", "Comments") are left to the rules
REPEATED_TITLE = "generic-repeated-title"
REPEATED_LINE = "generic-repeated-line"
FOREIGN_LINE = "generic-foreign-line"
META_FIELDS = ("source", "author", "published", "title")


@dataclass(slots=True)
class Meta:
    """Metadata found in lines: the first value of each field wins."""

    values: dict[str, str] = field(default_factory=dict)

    def offer(self, name: str, value: str | None) -> None:
        if value and value.strip() and name not in self.values:
            self.values[name] = value.strip()


def apply_sections(lines: list[Line], active: Active) -> None:
    for rule in active.sections:
        starts = [ln for ln in lines if ln.open and rule.start.search(ln.text)]
        if not starts:
            continue
        begin = starts[0].index
        end, found = len(lines), rule.stop is None
        for ln in lines[begin + 1:]:
            if rule.max_lines and ln.index - begin > rule.max_lines:
                break
            if rule.stop and ln.open and rule.stop.search(ln.text):
                end, found = ln.index + (1 if rule.stop_inclusive else 0), True
                break
        if not found and rule.max_lines:
            continue  # a bounded section whose stop is missing is not this template
        for ln in lines[begin:end]:
            if ln.open:
                ln.decide("noise", rule.category, rule.id)


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


def pick_title(lines: list[Line], zones: Zones, meta: Meta) -> str | None:
    """The first open head line that is not a paragraph; a title from metadata wins."""
    if "title" in meta.values:
        return meta.values["title"]
    for ln in lines:
        if ln.index >= zones.body_start:
            break
        if ln.open and len(ln.text) <= TITLE_MAX_CHARS and not is_paragraph(ln.text):
            ln.decide("title", None, None)
            return ln.text
    return None


def mark_repeats(lines: list[Line], title: str | None) -> None:
    """Later copies of the title and of any long line are noise; the first copy stays."""
    title_key = normalize(title) if title else None
    seen: set[str] = set()
    for ln in lines:
        if ln.fate == "title":
            continue
        if not ln.open:
            continue
        key = normalize(ln.text)
        if title_key and key == title_key:
            ln.decide("noise", "duplicate", REPEATED_TITLE)
        elif len(ln.text) >= DUPLICATE_MIN_CHARS and key in seen:
            ln.decide("noise", "duplicate", REPEATED_LINE)
        else:
            seen.add(key)


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
