"""A bad rule file stops loading with an error that names the file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.core.errors import RuleError
from cleaner.rulebook.loader import check_files, load_rules

GENERIC = """site: generic
macros:
  time_ago: '\\d+ hours? ago'
lines:
  - id: generic-ad
    category: ad
    match: '^Advertisement$'
"""

SITE_OK = """site: example
hosts: [example.com]
fingerprints: ['(?m)^Example News$']
lines:
  - id: example-promo
    category: promo
    match: '^Get the Example app$'
"""


def _rules(tmp_path: Path, **files: str) -> Path:
    (tmp_path / "generic.yaml").write_text(GENERIC, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _error(tmp_path: Path, **files: str) -> RuleError:
    with pytest.raises(RuleError) as info:
        load_rules([_rules(tmp_path, **files)])
    return info.value


def test_good_files_load(tmp_path: Path) -> None:
    rules = load_rules([_rules(tmp_path, example=SITE_OK)])
    assert [s.name for s in rules.sites] == ["example"]
    assert rules.generic.lines[0].id == "generic-ad"


def test_bundled_rules_load_without_findings() -> None:
    ruleset, findings = check_files([Path(__file__).parents[2] / "rules"])
    assert ruleset is not None
    assert [f for f in findings if f.severity == "error"] == []


BAD_FILES = [
    pytest.param("""site: bad
lines:
  - id: bad-one
    category: ad
    match: '^x$'
    colour: red
""", 6, "unknown key 'colour'", id="unknown-key"),
    pytest.param("""site: bad
lines:
  - id: bad-regex
    category: ad
    match: '^(unclosed$'
""", 5, "match", id="bad-regex"),
    pytest.param("""site: bad
lines:
  - id: bad-catastrophic
    category: ad
    match: '(a+)+$'
""", 5, "bad-catastrophic", id="catastrophic-regex"),
    pytest.param("""site: bad
lines:
  - id: bad-category
    category: weather
    match: '^x$'
""", 4, "category 'weather'", id="unknown-category"),
    pytest.param("""site: bad
lines:
  - id: bad-macro
    category: ad
    match: '^{{no_such_macro}}$'
""", 5, "unknown macro", id="unknown-macro"),
    pytest.param("""site: bad
lines:
  - id: bad-zone
    category: ad
    zone: footer
    match: '^x$'
""", 5, "zone", id="bad-zone"),
    pytest.param("""site: bad
lines: !!python/object:os.system
  args: [echo hi]
""", 2, "not allowed", id="python-tag"),
    pytest.param("""site: bad
base: &base
  id: bad-anchor
lines:
  - *base
""", 2, "anchors and aliases", id="yaml-alias"),
    pytest.param("""site: bad
lines:
  - id: bad-syntax
    match: '^x$
""", 5, "YAML syntax", id="yaml-syntax"),  # the parser notices at the end of the file
    pytest.param("""site: bad
lines:
  - id: dup-key
    id: dup-key-again
    category: ad
    match: '^x$'
""", 4, "duplicate key", id="duplicate-key"),
    pytest.param("""site: bad
related:
  - id: bad-related
    cards: {anchor: '^x$'}
    item: '^(?P<title>.+)$'
""", 3, "exactly one of", id="related-two-kinds"),
    pytest.param("""site: bad
fingerprints:
  - match: '^x$'
    weight: 1.5
""", 4, "weight must be above 0", id="fingerprint-weight"),
    pytest.param("""site: bad
fingerprints:
  - weight: 0.5
""", 3, "missing required key 'match'", id="fingerprint-no-match"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD_FILES)
def test_bad_file_names_file_and_line(tmp_path: Path, text: str, line: int,
                                      message: str) -> None:
    err = _error(tmp_path, bad=text)
    assert err.path.endswith("bad.yaml")
    assert err.line == line, str(err)
    assert message in str(err)
    assert str(err).startswith(f"{err.path}:{line}:")


def test_duplicate_rule_id_across_files(tmp_path: Path) -> None:
    dup = SITE_OK.replace("site: example", "site: other").replace("example.com", "other.com")
    err = _error(tmp_path, example=SITE_OK, other=dup)
    assert "duplicate rule id 'example-promo'" in str(err)
    assert err.path.endswith("other.yaml") and err.line == 5


def test_host_claimed_twice(tmp_path: Path) -> None:
    twin = SITE_OK.replace("site: example", "site: twin").replace("example-promo", "twin-promo")
    err = _error(tmp_path, example=SITE_OK, twin=twin)
    assert "host 'example.com' is already claimed" in str(err)
    assert err.path.endswith("twin.yaml")


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    text = """site: bad
lines:
  - id: bad-a
    category: weather
    match: '^x$'
  - id: bad-b
    category: ad
    match: '^(x$'
"""
    _, findings = check_files([_rules(tmp_path, bad=text)])
    assert sorted(f.line for f in findings if f.severity == "error") == [4, 8]


WEIGHTED = """site: weighted
fingerprints:
  - '(?m)^Only Weighted News prints this$'
  - match: '(?m)^Shared chrome one$'
    weight: 0.5
  - match: '(?m)^Shared chrome two$'
    weight: 0.5
"""


@pytest.mark.parametrize(("text", "site"), [
    ("Only Weighted News prints this\nbody", "weighted"),  # a decisive fingerprint
    ("Shared chrome one\nShared chrome two\nbody", "weighted"),  # two halves add up to 1
    ("Shared chrome one\nbody", None),  # half the evidence is not enough
])
def test_weighted_fingerprints_add_up(tmp_path: Path, text: str, site: str | None) -> None:
    rules = load_rules([_rules(tmp_path, weighted=WEIGHTED)])
    found = rules.detect(None, text)
    assert (found.name if found else None) == site
