"""The line sets: anchored patterns in a MatchSet answer as a search set would."""

from __future__ import annotations

import pytest
import re2

from cleaner.rulebook.line_sets import LineSets, starts_anchored
from cleaner.rulebook.loader import default_rules
from cleaner.rulebook.model import _set_options


@pytest.mark.parametrize(("pattern", "anchored"), [
    (r"(?i)^(?:ad|ads)$|^sponsored$", True),
    (r"^[^\pL\pN_\x{2500}-\x{257F}]{1,5}$", True),
    (r"^(?P<source>\S[^\n]{0,57}?\pL)$", True),
    (r"(?i:^x)", True),
    (r"(^a|^b)c", True),
    (r"^a|b", False),  # one alternative may start anywhere
    (r"(?:^a)?b", False),
    (r"(?m)^a", False),  # a line's start, not the text's
    (r"(?m:^a)", False),
    (r"\s*\bSTORY", False),
    (r"\Q^a\E", False),  # not read: searched as before
    (r"(?U)^a+", False),  # a flag Python does not know: not read either
])
def test_starts_anchored(pattern: str, anchored: bool) -> None:
    assert starts_anchored(pattern) is anchored


def _searched(patterns: list[str], text: str) -> list[int]:
    return sorted(k for k, p in enumerate(patterns) if re2.search(p, text))


@pytest.fixture(scope="module")
def every_site_sets() -> list[tuple[list[str], LineSets]]:
    rules = default_rules()
    found = []
    for site in (None, *rules.sites):
        active = rules.active(site)
        patterns = ([r.pattern.pattern for r in active.lines]
                    + [p.pattern for p in active.related_patterns]
                    + [r.start.pattern for r in active.sections]
                    + [r.pattern.pattern for r in active.inline])
        found.append((patterns, LineSets(patterns, _set_options())))
    return found


@pytest.mark.parametrize("text", [
    "", "Advertisement", "By Jane Smith and Tom Lee", "Photo: Jane Smith/Reuters",
    "A long paragraph, the kind a story is made of, that no rule should take away.",
    "Reuters3 days ago", " Advertisement", "(Photo: AP) caption", "2 hours ago",
])
def test_the_sets_answer_as_each_pattern_searched_alone(
        text: str, every_site_sets: list[tuple[list[str], LineSets]]) -> None:
    for patterns, sets in every_site_sets:
        assert sorted(sets.Match(text)) == _searched(patterns, text)
