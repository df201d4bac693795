"""Hostile rule files: each is refused with an error naming file and line, and loading is
all or nothing (one bad file and no rule set at all, so a run never starts half-armed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.commands.main import main
from cleaner.core.errors import RuleError
from cleaner.rulebook.loader import check_files, load_rules
from cleaner.rulebook.patterns import (
    MAX_EXPANDED_CHARS,
    MAX_PATTERN_CHARS,
    PatternError,
    compile_pattern,
    compile_selector,
)

GENERIC = """site: generic
macros:
  time_ago: '\\d+ hours? ago'
lines:
  - id: generic-ad
    category: ad
    match: '^Advertisement$'
"""
GOOD_SITE = """site: good
hosts: [good.example]
lines:
  - id: good-promo
    category: promo
    match: '^Get the app$'
"""


def _dir(tmp_path: Path, bad: str) -> Path:
    (tmp_path / "generic.yaml").write_text(GENERIC, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(GOOD_SITE, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(bad, encoding="utf-8")
    return tmp_path


def _refused(tmp_path: Path, bad: str, needle: str) -> RuleError:
    rules_dir = _dir(tmp_path, bad)
    with pytest.raises(RuleError) as info:
        load_rules([rules_dir])
    err = info.value
    assert needle in str(err)
    assert err.path.endswith("bad.yaml") and err.line >= 1, str(err)
    ruleset, findings = check_files([rules_dir])
    assert ruleset is None  # all or nothing: the good files do not load on their own
    return err


def _line_rule(pattern: str) -> str:
    return (f"site: bad\nmacros:\n  big: {'x' * 1_900}\nlines:\n  - id: bad-rule\n"
            f"    category: ad\n    match: {json.dumps(pattern)}\n")


BILLION_LAUGHS = """site: bad
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_alias_bomb_is_refused_before_expansion(tmp_path):
    err = _refused(tmp_path, BILLION_LAUGHS, "anchors and aliases are not allowed")
    assert err.line == 2


def test_merge_keys_are_refused(tmp_path):
    _refused(tmp_path, "site: bad\nlines:\n  - <<: {id: x}\n    category: ad\n", "merge")


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:builtins.dict {{}}",
    "!!binary aGVsbG8=",
    "!!set {{a, b}}",
    "!custom x",
])
def test_python_and_other_tags_are_refused_and_never_run(tmp_path, tag):
    marker = tmp_path / "pwned"
    err = _refused(tmp_path, f"site: bad\nnote: {tag.format(marker=marker)}\n", "not allowed")
    assert err.line == 2
    assert not marker.exists()


def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path):
    _refused(tmp_path, "site: bad\nnote: " + "[" * 20_000 + "]" * 20_000 + "\n", "nested")


def test_oversized_file_is_refused(tmp_path):
    _refused(tmp_path, "site: bad\nnote: '" + "x" * 1_100_000 + "'\n", "larger than")


@pytest.mark.parametrize("pattern, needle", [
    ("a" * (MAX_PATTERN_CHARS + 1), "limit"),
    ("{{big}}" * 250, "once macros are expanded"),  # 1,750 characters to write, 475,000 to run
    ("(?:[a-z]{1,100}){1,100}", "does not compile"),  # RE2's repetition cap
    ("\\pL{1000}", "pattern too large"),  # RE2's memory cap: Unicode classes are big
])
def test_very_large_regexes_are_refused(tmp_path, pattern, needle):
    _refused(tmp_path, _line_rule(pattern), needle)


CATASTROPHIC = ["(a+)+$", "(a*)*b", "(a|aa)*$", "(?:a|a)*b", "(x+x+)+y", "^(\\d+)*$",
                "(\\w+\\s?)*$", "(.*,)*x", "(.*a){20}", "(?:.*){30}", "(\\p{L}+)+",
                "^(?:\\s*\\w+\\s*)+:$", "^(([a-z])+.)+[A-Z]([a-z])+$"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_backtracking_shapes_are_refused(tmp_path, pattern):
    _refused(tmp_path, _line_rule(pattern), "backtrack catastrophically")


@pytest.mark.parametrize("pattern", [
    "^(?:, [A-Z]\\w*)+$", "^\\d{1,2} (?:hours?|mins?) ago$", "^[^\\p{Ll}]*\\p{Ll}.*$",
    "^BY [\\p{Lu}][\\pL.'-]+(?: [\\p{Lu}][\\pL.'-]+){0,3}$", "(?:ab|a)*c", "(?:foo|fo)+"])
def test_safe_repeats_still_compile(pattern):
    compile_pattern(pattern)


def test_accepted_rules_run_linearly_on_evil_lines():
    """The backstop: RE2 never backtracks, so even a shape the check lets through finishes
    on a line built to hurt a backtracking engine (this would not finish on Python `re`)."""
    import re2

    evil = re2.compile("^(a|a)*$")  # compiled directly, bypassing the check
    assert evil.search("a" * 100_000 + "!") is None


@pytest.mark.parametrize("selector, needle", [
    ("div[", "does not parse"), ("a:nth-child(", "does not parse"), ("//div[", "does not parse"),
    ("p::text", "does not parse"), ("a >> b", "does not parse"), ("[data-x=", "does not parse"),
    ("//*[foo:bar()]", "Undefined namespace prefix"),
    ("//*[php:function('system','id')]", "Undefined namespace prefix"),
    ("//p[count(//*) > 0]", "path from the root"), ("count(//p)", "does not parse"),
    ("(//p)[1] | //", "does not parse"), ("div" + " > div" * 3_000, "limit"),
])
def test_selectors_that_do_not_parse_or_would_fail_at_run_time(tmp_path, selector, needle):
    bad = (f"site: bad\ndom:\n  drop:\n    - id: bad-drop\n      category: ad\n"
           f"      select: {json.dumps(selector)}\n")
    err = _refused(tmp_path, bad, needle)
    assert err.line == 6
    with pytest.raises(PatternError):
        compile_selector(selector)


def test_every_problem_in_every_file_is_listed(tmp_path):
    rules_dir = _dir(tmp_path, _line_rule("(a+)+"))
    (rules_dir / "worse.yaml").write_text(BILLION_LAUGHS.replace("site: bad", "site: worse"),
                                          encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([rules_dir])
    text = str(info.value)
    assert "bad.yaml:7:" in text and "worse.yaml:2:" in text


def test_cli_refuses_to_start_with_a_bad_rule_file(tmp_path, capsys):
    rules_dir = _dir(tmp_path / "rules" if (tmp_path / "rules").mkdir() is None else tmp_path,
                     BILLION_LAUGHS)
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\nA paragraph long enough to be kept as the body of the "
                    "article, with a full stop.\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["--rules", str(rules_dir), "clean", str(page), "--out", str(out), "-q"])
    assert code == 2
    assert "bad.yaml:2:" in capsys.readouterr().err
    assert not any(out.glob("*.jsonl")) if out.exists() else True


def test_expanded_limit_is_far_above_real_rules():
    bundled = Path(__file__).resolve().parents[2] / "rules"
    ruleset = load_rules([bundled])
    assert ruleset.generic.lines  # the bundled rules load under every limit above
    assert MAX_EXPANDED_CHARS >= 5 * MAX_PATTERN_CHARS
