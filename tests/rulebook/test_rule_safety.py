"""Issue #12 finding 10: `rules lint` (and loading) refuses rule files that hurt: slow
selector shapes, rules that match everything, host wildcards wider than a registered domain,
and fixtures outside the rules folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.commands.main import main
from cleaner.rulebook.patterns import PatternError, compile_selector

SITE = """site: demo
hosts: [demo.example]
lines:
  - id: demo-upsell
    category: promo
    match: '^Try Demo Plus$'
"""


@pytest.fixture()
def rules(make_rules) -> Path:
    return make_rules()


def _lint(capsys, rules: Path, site: str) -> tuple[int, str]:
    (rules / "demo.yaml").write_text(site, encoding="utf-8")
    code = main(["rules", "lint", str(rules)])
    return code, capsys.readouterr().out


def _dom_drop(selector: str) -> str:
    return SITE + f"dom:\n  drop:\n    - id: demo-drop\n      category: ad\n" \
                  f"      select: {json.dumps(selector)}\n"


@pytest.mark.parametrize("selector", [
    "* ~ * ~ * ~ * ~ * ~ * ~ * ~ * ~ .zzz",
    "div ~ p ~ span ~ a ~ b",
    "//*[following::*[following::*[self::zzz]]]",
    "//*[preceding::div[following-sibling::*[following::p]]]",
    "//div[following::*]//p[preceding::*]",
])
def test_slow_selector_shapes_are_refused(rules, capsys, selector):
    code, out = _lint(capsys, rules, _dom_drop(selector))
    assert code == 2, out
    assert "demo.yaml:" in out and ("slow" in out or "quadratic" in out), out


@pytest.mark.parametrize("selector", [
    "div.ad ~ p", "h2 + p", "//aside[contains(@class, 'related')]",
    "//h2[following-sibling::p]",
])
def test_ordinary_selectors_still_pass(selector):
    compile_selector(selector)


@pytest.mark.parametrize("site", [
    SITE.replace("'^Try Demo Plus$'", "'.'"),
    SITE.replace("'^Try Demo Plus$'", "'^'"),
    SITE.replace("'^Try Demo Plus$'", "'(?s).*'"),
    SITE.replace("'^Try Demo Plus$'", "'\\S|\\s'"),
    SITE + "inline:\n  - id: demo-inline\n    category: ad\n    match: '.+'\n",
    SITE + "sections:\n  - id: demo-section\n    category: ad\n    start: '.'\n",
    SITE + "sections:\n  - id: demo-section\n    category: ad\n    start: '^'\n",
], ids=["line-dot", "line-empty", "line-star", "line-any", "inline-dotplus", "section-dot",
        "section-empty"])
def test_match_all_rules_are_refused(rules, capsys, site):
    code, out = _lint(capsys, rules, site)
    assert code == 2, out
    assert "every line" in out or "matches everything" in out, out


@pytest.mark.parametrize("hosts", ["['*.com']", "['*.co.uk']", "['*']", "['*.uk']"])
def test_host_wildcards_wider_than_a_registered_domain_are_refused(rules, capsys, hosts):
    code, out = _lint(capsys, rules, SITE.replace("[demo.example]", hosts))
    assert code == 2, out
    assert "registered domain" in out, out


def test_host_wildcard_under_a_registered_domain_passes(rules, capsys):
    code, out = _lint(capsys, rules, SITE.replace("[demo.example]", "['*.demo.co.uk']"))
    assert "registered domain" not in out, out


def test_match_all_fingerprint_is_refused(rules, capsys):
    code, out = _lint(capsys, rules, SITE + "fingerprints:\n  - '.'\n")
    assert code == 2 and "matches everything" in out, out


@pytest.mark.parametrize("fixture", ["/etc/hostname", "../../outside.txt"])
def test_fixture_outside_the_rules_folder_is_refused(rules, tmp_path, capsys, fixture):
    (tmp_path / "outside.txt").write_text("Title\n\nBody text.\n", encoding="utf-8")
    (rules / "demo.yaml").write_text(SITE, encoding="utf-8")
    tests = rules / "tests"
    tests.mkdir()
    (tests / "demo.yaml").write_text(f"site: demo\ntests:\n  - fixture: {fixture}\n",
                                     encoding="utf-8")
    code = main(["rules", "lint", str(rules)])
    out = capsys.readouterr().out
    assert code == 2 and "is outside" in out, out


def test_exslt_regex_in_xpath_cannot_reach_python_re():
    """lxml's XPath runs EXSLT `re:test` on Python's backtracking `re`; a selector cannot
    bind that prefix, and the compiled XPath has the extension switched off anyway."""
    with pytest.raises(PatternError):
        compile_selector("//*[re:test(., '(a+)+$')]")


def test_lint_and_rule_errors_do_not_pass_terminal_escapes(rules, capsys):
    evil = SITE.replace("id: demo-upsell", "id: \"demo-\\e]0;pwned\\a-upsell\"").replace(
        "'^Try Demo Plus$'", "'(a+)+$'")
    code, out = _lint(capsys, rules, evil)
    assert code == 2 and "\x1b" not in out and "\x07" not in out and "pwned" in out
    tmp = rules.parent / "in.txt"
    tmp.write_text("Title\n\nBody.", encoding="utf-8")
    assert main(["--rules", str(rules), "clean", str(tmp)]) == 2
    assert "\x1b" not in capsys.readouterr().err
