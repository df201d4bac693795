"""`cleaner rules lint`: every finding as file:line:col, non-zero exit on errors, dead rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.authoring.lint import lint
from cleaner.commands.main import main
from cleaner.engine.pipeline import RULES_DIR

SITE = """site: demo
hosts: [demo.example]
lines:
  - id: demo-upsell
    category: promo
    match: '^Try Demo Plus$'
"""


@pytest.fixture()
def rules(make_rules) -> Path:
    return make_rules(demo=SITE)


def _lint(capsys, *argv: str) -> tuple[int, list[str]]:
    code = main(["rules", "lint", *argv])
    return code, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("edit, line, needle", [
    (("    category: promo", "    category: promo\n    colour: red"), 6, "unknown key 'colour'"),
    (("'^Try Demo Plus$'", "'^(Try'"), 6, "match"),
    (("'^Try Demo Plus$'", "'(a+)+$'"), 6, "match"),
    (("'^Try Demo Plus$'", "!!python/object/apply:os.system ['echo hi']"), 6, "YAML tag"),
])
def test_each_error_is_reported_with_file_and_line(rules, capsys, edit, line, needle):
    (rules / "demo.yaml").write_text(SITE.replace(*edit), encoding="utf-8")
    code, out = _lint(capsys, str(rules))
    assert code != 0
    hits = [o for o in out if o.startswith(f"{rules / 'demo.yaml'}:{line}:") and needle in o]
    assert hits, out


def test_catastrophic_regex_is_named_as_such(rules, capsys):
    (rules / "demo.yaml").write_text(SITE.replace("'^Try Demo Plus$'", "'(a+)+$'"))
    code, out = _lint(capsys, str(rules))
    assert code == 2 and any("demo.yaml:6:" in o for o in out), out


def test_duplicate_id_and_host_claimed_twice(rules, capsys):
    (rules / "other.yaml").write_text(SITE.replace("site: demo", "site: other"))
    code, out = _lint(capsys, str(rules))
    assert code == 2
    assert any("other.yaml:4:" in o and "duplicate rule id 'demo-upsell'" in o for o in out)
    assert any("other.yaml:" in o and "host 'demo.example' is already claimed" in o
               for o in out)


def test_clean_rules_exit_zero_and_site_without_tests_is_warned(rules, capsys):
    code, out = _lint(capsys, str(rules))
    assert code == 0
    assert any("warning: site 'demo' has no fixtures" in o for o in out), out
    assert [o for o in out if "generic.yaml" in o] == [  # one warning, not one per rule
        f"{rules / 'generic.yaml'}:1:1: warning: the generic rules have no fixtures of their "
        "own: add rules/tests/generic.yaml (pages no site claims)"]


def test_dead_rule_is_a_warning_at_the_rule(tmp_path, make_rules):
    rules = make_rules(demo=SITE)  # fixtures are relative to the rules dir's parent
    page = "A headline\n\nA body paragraph that is long enough to count as one, and it ends.\n"
    fixtures = tmp_path / "fixtures" / "demo"
    fixtures.mkdir(parents=True)
    (fixtures / "1.txt").write_text(page, encoding="utf-8")
    (rules / "tests").mkdir()
    (rules / "tests" / "demo.yaml").write_text(
        "site: demo\ntests:\n  - fixture: fixtures/demo/1.txt\n    url: https://demo.example/a\n",
        encoding="utf-8")
    findings = [f for f in lint([rules]) if str(rules / "demo.yaml") == f.path]
    assert [(f.line, f.severity) for f in findings] == [(4, "warning")]
    assert "dead rule 'demo-upsell'" in findings[0].message
    (fixtures / "1.txt").write_text(page + "Try Demo Plus\n", encoding="utf-8")
    assert not [f for f in lint([rules]) if str(rules / "demo.yaml") == f.path]


def test_missing_fixture_is_an_error_in_the_test_file(tmp_path, make_rules):
    rules = make_rules(tests=True, demo=SITE)
    (rules / "tests" / "demo.yaml").write_text(
        "site: demo\ntests:\n  - fixture: nowhere.txt\n    must_contian: [x]\n"
        "  - fixture: nowhere.txt\n")
    msgs = [str(f) for f in lint([rules]) if f.severity == "error"]
    assert any("tests/demo.yaml:4:5: unknown key 'must_contian'" in m for m in msgs), msgs
    assert any("tests/demo.yaml:5:" in m and "does not exist" in m for m in msgs), msgs
    alone = [str(f) for f in lint([rules / "tests" / "demo.yaml"])]  # a test file named alone
    assert sorted(alone) == sorted(msgs)


def test_one_site_file_is_linted_with_its_generic_macros(capsys):
    code, out = _lint(capsys, str(RULES_DIR / "daily8.yaml"))
    assert code == 0, out


def test_bundled_rules_have_no_errors():
    assert not [f for f in lint([RULES_DIR]) if f.severity == "error"]


def test_dom_rule_on_an_html_fixture_is_alive_and_tested(tmp_path, make_rules):
    rules = make_rules(tests=True)
    (rules / "demo.yaml").write_text(
        "site: demo\nhosts: [demo.example]\ndom:\n  drop:\n    - id: demo-promo-box\n"
        "      category: promo\n      select: 'div.promo'\n    - id: demo-never\n"
        "      category: ad\n      select: 'aside.nothing-like-this'\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><body><article><h1>Quay to open late</h1><p>The harbour authority said on "
        "Monday that the quay would open a year late, after storms damaged it twice.</p>"
        "<div class='promo'><p>Subscribe to the Harbour Post for one pound a week.</p></div>"
        "<p>Engineers had to redesign the sea wall before work could resume this spring.</p>"
        "</article></body></html>", encoding="utf-8")
    (rules / "tests" / "demo.yaml").write_text(
        "site: demo\ntests:\n  - fixture: page.html\n    url: https://demo.example/a\n"
        "    must_contain: ['redesign the sea wall']\n"
        "    must_not_contain: ['Harbour Post']\n", encoding="utf-8")
    findings = [(f.line, f.message) for f in lint([rules]) if f.path == str(rules / "demo.yaml")]
    assert findings == [(8, "dead rule 'demo-never': fires on none of demo's fixtures")]
    assert main(["--rules", str(rules), "rules", "test", "demo"]) == 0
