"""rulebook.line_sets: the filter answers what a search with each pattern answers."""

from __future__ import annotations

from pathlib import Path

import re2

from cleaner.core.lines import split_lines
from cleaner.rulebook.line_sets import LineSets
from cleaner.rulebook.loader import default_rules
from cleaner.rulebook.model import _set_options

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"


def _every_pattern(site_name: str | None) -> list[str]:
    """All the patterns one page's merged rules try on a line, as the set holds them."""
    rules = default_rules()
    active = rules.active(rules.site_named(site_name) if site_name else None)
    families = [*active.related_patterns, *(r.start for r in active.sections),
                *(r.pattern for r in active.inline)]
    return [r.pattern.pattern for r in active.lines] + [p.pattern for p in families]


def test_answers_as_each_pattern_searched_alone() -> None:
    lines = [ln.text for path in sorted(SEEDS.glob("*.txt"))[::7]
             for ln in split_lines(path.read_text(encoding="utf-8")) if ln.fate != "blank"]
    assert len(lines) > 1000
    for site in (None, *(s.name for s in default_rules().sites)):
        patterns = _every_pattern(site)
        one_by_one = [re2.compile(p, options=_set_options()) for p in patterns]
        found = LineSets(patterns, _set_options())
        for text in lines:
            expected = [k for k, p in enumerate(one_by_one) if p.search(text)]
            assert sorted(found.Match(text)) == expected, (site, text)


def test_patterns_without_literals_and_bytes() -> None:
    # no atom to look for: the pattern runs on every text; bytes are read as they are
    found = LineSets([r"^\d{1,3}$", "(?i)^read more$", r"[^\pL\pN]{3}"], _set_options())
    assert sorted(found.Match("42")) == [0]
    assert sorted(found.Match(b"READ MORE")) == [1]
    assert sorted(found.Match("--- 7")) == [2]
    assert found.Match("nothing here") == []


def test_empty() -> None:
    assert LineSets([], _set_options()).Match("anything") == []
