"""Site tests: the bundled ones pass, and a failing one names the rule at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.authoring.ruletests import load_tests, run_tests
from cleaner.commands.main import main
from cleaner.engine.pipeline import RULES_DIR
from cleaner.rulebook.loader import default_rules, load_rules

SITE = """site: demo
hosts: [demo.example]
lines:
  - id: demo-upsell
    category: promo
    match: '^Try Demo Plus$'
sections:
  - id: demo-more
    category: related
    start: '^More from Demo$'
"""
PAGE = """A demo headline about the harbour
The harbour authority said on Monday that the new quay would open in the spring, a year late.
Try Demo Plus
Officials blamed the delay on storms that damaged the foundations twice during the winter.
Advertisement
More from Demo
A story somebody wanted to keep in the body
"""


def test_bundled_site_tests_cover_every_site_and_pass():
    tests, findings = load_tests(RULES_DIR, default_rules())
    assert not findings
    assert {t.site for t in tests} >= {"daily8", "pratidintime", "ynetnews", "thesun", "generic"}
    failures = [(o.test.where, o.failures) for o in run_tests(tests, default_rules()) if not o.ok]
    assert failures == []


@pytest.fixture()
def demo(tmp_path: Path, make_rules) -> Path:
    rules = make_rules(tests=True, demo=SITE)
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    return rules


def _write_test(rules: Path, body: str) -> None:
    head = "site: demo\ntests:\n  - fixture: page.txt\n    url: https://demo.example/x\n"
    (rules / "tests" / "demo.yaml").write_text(head + body, encoding="utf-8")


def _failures(rules: Path) -> list[str]:
    ruleset = load_rules([rules])
    tests, findings = load_tests(rules, ruleset)
    assert not findings
    return [msg for o in run_tests(tests, ruleset) for msg in o.failures]


def test_passing_test(demo):
    _write_test(demo, "    title: A demo headline about the harbour\n"
                "    must_contain: ['new quay would open', 'storms that damaged']\n"
                "    must_not_contain: [Try Demo Plus, Advertisement, More from Demo]\n"
                "    related: []\n")
    assert _failures(demo) == []


def test_removed_must_contain_names_the_rule_and_where_it_is(demo):
    _write_test(demo, "    must_contain: ['A story somebody wanted to keep']\n")
    [msg] = _failures(demo)
    assert "removed by rule 'demo-more' (related)" in msg
    assert f"{demo / 'demo.yaml'}:8" in msg


def test_surviving_must_not_contain_says_no_rule_fired(demo):
    _write_test(demo, "    must_not_contain: ['Officials blamed the delay']\n")
    [msg] = _failures(demo)
    assert "survived" in msg and "line 4" in msg and "no rule fired" in msg


def test_related_items_and_title_are_checked(demo):
    _write_test(demo, "    title: Another title\n    related: [{title: 'Quay story'}]\n")
    msgs = _failures(demo)
    assert any("title is 'A demo headline about the harbour'" in m for m in msgs)
    assert any("related item 'Quay story' missing" in m for m in msgs)


def test_unconfirmed_test_fails_until_reviewed(demo):
    _write_test(demo, "    confirmed: false\n")
    [msg] = _failures(demo)
    assert msg.startswith("not confirmed")


def test_wrong_site_is_reported(demo):
    head = "site: demo\ntests:\n  - fixture: page.txt\n"  # no URL, and demo has no fingerprint
    (demo / "tests" / "demo.yaml").write_text(head, encoding="utf-8")
    [msg] = _failures(demo)
    assert "detected as site None, expected 'demo'" in msg


def test_cli_exit_codes_and_report(demo, capsys):
    _write_test(demo, "    must_contain: ['A story somebody wanted to keep']\n")
    assert main(["--rules", str(demo), "rules", "test", "demo"]) == 1
    out = capsys.readouterr().out
    assert "FAIL demo page.txt" in out and "demo-more" in out
    _write_test(demo, "    must_contain: ['new quay would open']\n")
    assert main(["--rules", str(demo), "rules", "test"]) == 0
    assert main(["--rules", str(demo), "rules", "test", "nosuchsite"]) == 2


def test_surviving_line_names_the_rule_that_matched_but_held_back(demo):
    held_back = ("  - id: demo-officials\n    category: promo\n    zone: head\n"
                 "    match: '^Officials blamed'\nsections:")
    (demo / "demo.yaml").write_text(SITE.replace("sections:", held_back), encoding="utf-8")
    _write_test(demo, "    must_not_contain: ['Officials blamed the delay']\n")
    [msg] = _failures(demo)
    assert "rule 'demo-officials' matches it but did not fire (its zone is head)" in msg
