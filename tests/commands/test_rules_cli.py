"""`--rules` anywhere and added to the bundled rules; the maintainer commands write to
./rules or --rules, never into the installed package; lint reports every finding of a file
in one run; learn checks its input and keeps the name of the site that owns the host."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cleaner.commands.main import main
from cleaner.rulebook.files import bundled_rules_dir
from tests.batch_support import SEEDS

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "newsbeat"
SAMPLES = sorted((EXAMPLE / "pages").glob("*.txt"))
LONE_SITE = """\
site: lone
hosts: [lone.example]
lines:
  - id: lone-updated
    category: metadata
    match: '^Updated {{date}}$'
"""
PRATIDIN = next(p for p in SEEDS if p.name.startswith("002_"))
PAGE = ("Council opens library\n\nThe town council voted on Monday to open a new library in "
        "the centre, the mayor said after a long meeting.\nUpdated 3 May 2024\n")


@pytest.fixture()
def lone(tmp_path: Path) -> tuple[Path, Path]:
    site = tmp_path / "lone.yaml"
    site.write_text(LONE_SITE, encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    return site, page


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_lone_site_file_is_added_to_the_bundled_rules_anywhere_on_the_line(
        lone, where, capsys):
    site, page = lone
    opts = ["--rules", str(site)]
    argv = [*opts, "clean", str(page), "--url", "https://lone.example/a"] if where == "before" \
        else ["clean", str(page), "--url", "https://lone.example/a", *opts]
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["site"] == "lone"  # the user's site, with the generic {{date}} macro
    assert "lone-updated" in {r["rule"] for r in result["removed"]}
    assert main(["clean", str(PRATIDIN), *opts]) == 0  # the bundled sites still apply
    assert json.loads(capsys.readouterr().out)["site"] == "pratidintime"


def test_rules_before_and_after_the_command_are_both_kept(lone, tmp_path, capsys):
    site, page = lone
    other = tmp_path / "other.yaml"
    other.write_text("site: other\nhosts: [other.example]\n", encoding="utf-8")
    assert main(["--rules", str(site), "clean", str(page), "--rules", str(other),
                 "--url", "https://other.example/"]) == 0
    assert json.loads(capsys.readouterr().out)["site"] == "other"
    assert main(["clean", str(page), "--url", "https://lone.example/", "--rules", str(other),
                 "--rules", str(site)]) == 0
    assert json.loads(capsys.readouterr().out)["site"] == "lone"


def test_no_bundled_rules_leaves_them_out_and_says_where_macros_come_from(lone, capsys):
    site, page = lone
    assert main(["clean", str(page), "--rules", str(site), "--no-bundled-rules"]) == 2
    err = capsys.readouterr().err
    assert "unknown macro {{date}}" in err and "known: \n" not in err + "\n"
    assert "generic.yaml" in err
    plain = site.with_name("plain.yaml")
    plain.write_text("site: plain\nhosts: [plain.example]\n", encoding="utf-8")
    assert main(["clean", str(PRATIDIN), "--rules", str(plain), "--no-bundled-rules"]) == 0
    assert json.loads(capsys.readouterr().out)["site"] is None  # pratidintime left out


def test_rules_new_writes_to_dot_rules_not_the_package(tmp_path, monkeypatch, capsys):
    before = sorted(p.name for p in bundled_rules_dir().iterdir())
    monkeypatch.chdir(tmp_path)
    assert main(["rules", "new", "newsbeat.example", "--sample", *map(str, SAMPLES)]) == 0
    assert (tmp_path / "rules" / "newsbeat.yaml").is_file()
    assert (tmp_path / "rules" / "tests" / "newsbeat.yaml").is_file()
    assert sorted(p.name for p in bundled_rules_dir().iterdir()) == before
    assert "rules/newsbeat.yaml" in capsys.readouterr().out


def test_rules_new_writes_to_the_rules_option_given_after_the_command(tmp_path, capsys):
    target = tmp_path / "mine"
    target.mkdir()
    assert main(["rules", "new", "newsbeat.example", "--sample", *map(str, SAMPLES),
                 "--rules", str(target)]) == 0
    assert (target / "newsbeat.yaml").is_file()
    capsys.readouterr()


def test_lint_reports_every_finding_of_a_file_in_one_run(tmp_path, capsys):
    rules = tmp_path / "rules"
    (rules / "tests").mkdir(parents=True)
    shutil.copy(bundled_rules_dir() / "generic.yaml", rules / "generic.yaml")
    (rules / "demo.yaml").write_text("""\
site: demo
hosts: [demo.example]
lines:
  - id: demo-a
    category: ad
    match: '^Advert$'
    colour: red
  - id: demo-a
    category: ad
    match: '^Dup$'
  - id: demo-c
    category: ad
    match: '^{{nomacro}}$'
    zone: everywhere
    extra: 1
""", encoding="utf-8")
    (rules / "tests" / "demo.yaml").write_text(
        "site: demo\ntests:\n  - fixture: rules/fixtures/demo/missing.txt\n"
        "    must_contain: ['x']\n", encoding="utf-8")
    assert main(["rules", "lint", str(rules)]) == 2
    out = capsys.readouterr().out
    for finding in ("unknown key 'colour'", "unknown key 'extra'", "zone must be",
                    "unknown macro {{nomacro}}", "duplicate rule id 'demo-a'",
                    "missing.txt does not exist"):
        assert finding in out, finding


def test_learn_on_a_missing_folder_exits_2_naming_it(tmp_path, capsys):
    assert main(["rules", "learn", str(tmp_path / "nonexistent"), "--site", "x.example"]) == 2
    err = capsys.readouterr().err
    assert "nonexistent" in err and "no such" in err


def test_learn_on_a_folder_without_pages_exits_2(tmp_path, capsys):
    (tmp_path / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    assert main(["rules", "learn", str(tmp_path), "--site", "x.example"]) == 2
    assert "no readable page" in capsys.readouterr().err


def test_learn_keeps_the_name_of_the_site_that_owns_the_host(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n, seed in enumerate(p for p in SEEDS if "thesun" in p.name):
        shutil.copy(seed, pages / f"{n}.txt")
    assert main(["rules", "learn", str(pages), "--site", "thesun.co.uk"]) == 0
    out = capsys.readouterr().out
    assert "\nsite: thesun\n" in out and "thesun-co" not in out


def test_lint_a_lone_site_file_with_the_generic_macros(lone, capsys):
    site, _ = lone
    assert main(["rules", "lint", str(site)]) == 0
    assert "unknown macro" not in capsys.readouterr().out
