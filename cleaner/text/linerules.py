"""The rule-file stages on lines: sections, line rules with their metadata, inline spans.

Each stage decides open lines only and records the rule that decided them. The order is
the declared stage order (cleaner.core.stages): related lists were read before any of
this. The built-in judgments of the head and the tail live beside it: `title_pick` (the
headline and the chrome above it), `repeats` (lines printed twice), `tail_chrome`. What
is shared by them is here: `Meta`, the metadata the lines give, and the sentence-end test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cleaner.core.language import is_foreign_line
from cleaner.core.lines import SENTENCE_CREDIT, Line
from cleaner.core.records import Removal
from cleaner.rulebook.model import Active, LineRule, SectionRule
from cleaner.text.zones import Zones

FOREIGN_LINE = "generic-foreign-line"
# A line that ends as a sentence, maybe with a bracketed credit or footnote mark after the
# stop (core.lines' SENTENCE_CREDIT); unlike core.lines' paragraph test, an ellipsis ends
# one too (the line stages judge short lines).
SENTENCE_END = re.compile(rf"""[.!?…]["'”’)\]]*{SENTENCE_CREDIT}$""")
# A statement ended by a full stop, perhaps with its outlet in brackets ("... a year. (Sky
# News)"); not a question (headlines ask them) nor a teaser cut short ("...", "…").
STATEMENT_END = re.compile(rf"""(?<!\.)\.["'”’)\]]*{SENTENCE_CREDIT}$""")
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
    if not active.sections:
        return
    # which rules start on which line, from one set pass over the lines open now (a line
    # decided later never opens again)
    starts: list[list[int]] = [[] for _ in active.sections]
    for ln in lines:
        if ln.open:
            for r in active.section_starts(ln.text):
                starts[r].append(ln.index)
    for rule, at in zip(active.sections, starts):
        k = 0
        while k < len(lines):
            begin = next((i for i in at if i >= k and lines[i].open), None)
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
        # the stop may be a line a related rule took already (its list's heading)
        if (ln.open or ln.fate == "related") and rule.stop.search(ln.text):
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
        fields = rule.fields
        if fields:
            groups = rule.pattern.search(ln.text).groupdict()
            for name in fields:
                if name in META_FIELDS:
                    meta.offer(name, groups[name])
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
        # one set pass first: most lines hold no inline span, and then no rule needs its
        # own search (when one does, every rule is tried in order on the text as cut so far)
        for rule in active.inline if active.inline_hits(text) else ():
            if rule.pattern.search(text):
                for m in rule.pattern.finditer(text):
                    removed.append(Removal(m.group(0).strip(), rule.category, rule.id))
                text = " ".join(rule.pattern.sub(" ", text).split())
        ln.decide("body", None, None)
        if text:
            body.append(text)
    return body, removed


def clean_inline(text: str, active: Active) -> str:
    for rule in active.inline if active.inline_hits(text) else ():
        text = rule.pattern.sub(" ", text)
    return " ".join(text.split())
