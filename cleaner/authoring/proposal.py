"""What `cleaner rules learn` proposes, and the proposals as a rule file to review."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class LineProposal:
    id: str
    category: str
    match: str
    pages: int
    examples: tuple[str, ...]
    zone: str | None = None


@dataclass(frozen=True, slots=True)
class SectionProposal:
    id: str
    category: str
    start: str
    stop: str | None
    pages: int
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CardsProposal:
    id: str
    start: str
    stop: str | None
    anchor: str
    after: tuple[str, ...]
    source_line: str | None
    pages: int
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Proposal:
    site: str
    domain: str
    pages: int
    min_pages: int
    lines: tuple[LineProposal, ...] = ()
    sections: tuple[SectionProposal, ...] = ()
    related: tuple[CardsProposal, ...] = ()
    handled: tuple[tuple[str, str, int], ...] = ()  # (example, existing rule, pages)
    skipped: tuple[str, ...] = field(default=())  # inputs that could not be read
    existing: str | None = None  # the site's rule file, whose rules ran first


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _comment(text: str) -> str:
    return " ".join(text.split())[:90]


def to_yaml(p: Proposal) -> str:
    """The proposals as a rule file to review: counts and examples ride along as comments."""
    out = [f"# cleaner rules learn: {p.pages} page(s) of {p.domain}; a line counts when it "
           f"occurs on >= {p.min_pages} pages.",
           "# Proposals only: nothing was applied. Check each one (categories are guesses),",
           f"# paste into rules/{p.site}.yaml and run `cleaner rules test {p.site}`.",
           *([f"# {p.domain} already has rules ({p.existing}): they ran first, so this is only "
              "what they miss", "# (--fresh starts from the generic rules alone)."]
             if p.existing else []),
           f"site: {p.site}", f"hosts: [{p.domain}]"]
    if p.lines:
        out.append("\nlines:")
        for r in p.lines:
            out.append(f"  # on {r.pages}/{p.pages} pages, e.g. "
                       + "; ".join(_q(_comment(e)) for e in r.examples))
            out += [f"  - id: {r.id}", f"    category: {r.category}"]
            if r.zone:
                out.append(f"    zone: {r.zone}")
            out.append(f"    match: {_q(r.match)}")
    if p.sections:
        out.append("\nsections:")
        for s in p.sections:
            out.append(f"  # on {s.pages}/{p.pages} pages, then e.g. "
                       + "; ".join(_q(_comment(e)) for e in s.examples))
            out += [f"  - id: {s.id}", f"    category: {s.category}", f"    start: {_q(s.start)}"]
            if s.stop:
                out.append(f"    stop: {_q(s.stop)}")
    if p.related:
        out.append("\nrelated:")
        for c in p.related:
            out.append(f"  # cards on {c.pages}/{p.pages} pages, anchors e.g. "
                       + "; ".join(_q(_comment(e)) for e in c.examples))
            out += [f"  - id: {c.id}", f"    start: {_q(c.start)}"]
            if c.stop:
                out.append(f"    stop: {_q(c.stop)}")
            out += ["    cards:", f"      anchor: {_q(c.anchor)}",
                    f"      after: [{', '.join(c.after)}]"]
            if c.source_line:
                out.append(f"      source_line: {_q(c.source_line)}")
    if p.handled:
        out.append("\n# Repeated lines existing rules already remove:")
        out += [f"#   {_q(_comment(t))} on {c} pages: {rule}" for t, rule, c in p.handled]
    if p.skipped:
        out.append("\n# Inputs skipped:")
        out += [f"#   {s}" for s in p.skipped]
    return "\n".join(out) + "\n"
