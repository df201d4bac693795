"""Show every line's fate: kept, title, related, or removed by which rule and why.

Colour in a terminal, plain text when piped; the HTML report lives in explain_html.py.
"""

from __future__ import annotations

from cleaner.core.stages import STAGES
from cleaner.core.terminal import safe_line
from cleaner.engine.pipeline import Analysis

_COLOURS = {"body": "", "title": "\033[1m", "related": "\033[36m", "meta": "\033[33m",
            "noise": "\033[31m"}
_RESET = "\033[0m"
_MARK = {"body": "KEEP ", "title": "TITLE", "related": "REL  ", "meta": "META ",
         "noise": "DROP "}


def stage_table(ran: tuple[str, ...] | None = None) -> str:
    """The declared stages in order, one a line: `+` ran on this page, `-` did not (with
    `ran`), the layer, `switch` when a site can disable it, and its purpose."""
    rows = []
    for s in STAGES:
        mark = "" if ran is None else ("+ " if s.id in ran else "- ")
        flags = ",".join(f for f, on in (("switch", s.switch), ("text input", s.text_only))
                         if on)
        rows.append(f"{mark}{s.id:<24} {s.layer:<5} {flags:<18} {s.purpose}")
    return "\n".join(rows)


def render(analysis: Analysis, colour: bool = False, width: int = 100,
           stages: bool = False) -> str:
    """One row per non-blank line: fate, category, rule id, then the text (shortened);
    the stages that did not run on the page (all of them, in order, with `stages`)."""
    r = analysis.result
    skipped = [s.id for s in STAGES if s.id not in analysis.stages]
    head = [f"site: {r.site or '(none: generic rules only)'}", f"title: {r.title}",
            f"source: {r.source}  author: {r.author}  published: {r.published}  "
            f"language: {r.language}",
            f"stages: {len(analysis.stages)} of {len(STAGES)} ran; not run: "
            f"{', '.join(skipped) or 'none'}"]
    rows = []
    for rem in analysis.dom_removals:
        rows.append(("noise", f"DOM  {rem.category:<10} {rem.rule:<34} {rem.text}"))
    for ln in analysis.lines:
        if ln.fate == "blank":
            continue
        label = f"{_MARK.get(ln.fate, ln.fate)} {ln.category or '':<10} {ln.rule or '':<34}"
        rows.append((ln.fate, f"{ln.index + 1:>4} {label} {ln.text}"))
    out = [safe_line(h) for h in head] + [""]
    for fate, text in rows:
        text = safe_line(text)  # page text and rule ids must not drive the terminal
        text = text if len(text) <= width else text[: width - 1] + "…"
        out.append(f"{_COLOURS.get(fate, '')}{text}{_RESET}" if colour and _COLOURS.get(fate)
                   else text)
    out.append("")
    out.append(f"related: {len(r.related)}")
    for rel in r.related:
        out.append(safe_line(f"  - {rel.title} | {rel.source} | {rel.published} | "
                             f"{rel.url or ''}"))
    if stages:
        out += ["", "stages (+ ran, - did not):", stage_table(analysis.stages)]
    return "\n".join(out)
