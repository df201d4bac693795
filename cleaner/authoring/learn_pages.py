"""The pages `cleaner rules learn` reads, as line shapes: each page cleaned with the rules
in force (so what a rule removes already is known), each line abstracted to its shape (a
fixed line, a time, some text then a time), so lines that vary only in a time count as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.core.errors import CleanerError
from cleaner.core.lines import normalize
from cleaner.core.records import InputRecord
from cleaner.engine.pipeline import analyze
from cleaner.ingest.inputs import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, read_inputs
from cleaner.rulebook.files import bundled_rules_dir
from cleaner.rulebook.model import RuleSet
from cleaner.rulebook.patterns import compile_pattern
from cleaner.rulebook.yamlsource import LocDict, load_located
from cleaner.text.card_headings import CARD_HEADING

# Stages that only tidy around what a rule should anchor: a related block's heading taken
# by `generic-card-heading` is still the start a site's `related` rule wants, so learn
# reads those lines as unhandled and proposes them.
FALLBACK_RULES = frozenset({CARD_HEADING})

MAX_HEADING_CHARS = 60  # longer lines are sentences, not headings or markers
PAGE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES  # a rule file is no page
_LABEL = re.compile(r"^[a-z]{1,8}$")  # an icon's alt text glued to a time ("time2 hours ago")


@dataclass(frozen=True, slots=True)
class Shape:
    """What a line is once its variable parts are abstracted.

    kind "line": a fixed line (key = its normalised text); "time": a bare time or date,
    maybe after a glued lower-case label; "prefix-time": some text then a time ("Mint5
    hours ago"), the text varying from page to page.
    """

    kind: str
    key: str
    label: str = field(default="", compare=False)  # kept for the regex, not for counting


@dataclass(slots=True)
class Page:
    name: str
    texts: list[str]
    shapes: list[Shape]
    handled: list[str | None]  # the existing rule that already removes each line
    body: tuple[int, int] = (0, 0)  # [start, end) of the longest run of unique text


def generic_macros(rules_dir: Path | None) -> dict[str, str]:
    path = (rules_dir or bundled_rules_dir()) / "generic.yaml"
    if not path.is_file():  # a user's folder of site files: the bundled generic macros
        path = bundled_rules_dir() / "generic.yaml"
    try:
        doc = load_located(path.read_text(encoding="utf-8"), str(path))
    except (OSError, CleanerError):
        return {}
    macros = doc.get("macros") if isinstance(doc, LocDict) else None
    return {k: str(v) for k, v in (macros or {}).items()}


class Shaper:
    def __init__(self, macros: dict[str, str]) -> None:
        alts = [f"{{{{{m}}}}}" for m in ("time_ago", "date") if m in macros]
        self.time_end = (compile_pattern(f"(?:{'|'.join(alts)})$", macros) if alts else None)
        self.time_alts = "|".join(alts)

    def shape(self, text: str) -> Shape:
        if self.time_end is not None:
            m = self.time_end.search(text)
            if m:
                prefix = text[: m.start()].strip()
                if not prefix or _LABEL.match(prefix):
                    return Shape("time", "<time>", prefix)
                if len(prefix) <= MAX_HEADING_CHARS:
                    return Shape("prefix-time", "<text><time>")
        return Shape("line", normalize(text))


def read_pages(directory: Path, domain: str, ruleset: RuleSet, shaper: Shaper
                ) -> tuple[list[Page], list[str]]:
    pages, skipped = [], []
    url = f"https://{domain.removeprefix('*.')}/"
    files = [str(f) for f in sorted(directory.rglob("*")) if f.is_file()
             and f.name.lower().endswith(PAGE_SUFFIXES)] if directory.is_dir() else [str(directory)]
    for item in read_inputs(files):
        if item.record is None:
            skipped.append(item.error or item.id)
            continue
        record = InputRecord(item.record.id, item.record.content, url, item.record.kind,
                             origin=item.record.origin)
        try:
            analysis = analyze(record, ruleset)
        except CleanerError as exc:
            skipped.append(str(exc))
            continue
        lines = [ln for ln in analysis.lines if ln.text]
        handled = [ln.rule if ln.fate in ("noise", "meta", "related")
                   and ln.rule not in FALLBACK_RULES else None for ln in lines]
        pages.append(Page(record.name, [ln.text for ln in lines],
                           [shaper.shape(ln.text) for ln in lines], handled))
    return pages, skipped
