"""The package as a user installs it: its name, version, licence, entry points, where the
bundled rules are found, and the published JSON Schema every golden must validate against."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10: the same parser, from PyPI (dev extra)
    import tomli as tomllib  # type: ignore[no-redef]

import cleaner
from cleaner.commands.main import main
from cleaner.core.records import CATEGORIES, Result
from cleaner.rulebook.files import bundled_rules_dir, rule_sources

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SCHEMA = json.loads((ROOT / "cleaner" / "result.schema.json").read_text(encoding="utf-8"))
GOLDENS = sorted((ROOT / "golden").rglob("*.json"))


def test_distribution_name_is_not_the_unrelated_cleaner_on_pypi():
    # `pip install cleaner` installs someone else's project: ours needs its own name
    assert PYPROJECT["project"]["name"] not in ("cleaner", "Cleaner")
    assert PYPROJECT["project"]["scripts"] == {"cleaner": "cleaner.commands.main:main"}


def test_metadata_licence_and_typing_marker():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT" and (ROOT / "LICENSE").read_text().startswith("MIT")
    assert any(c.startswith("Programming Language :: Python :: 3") for c in project["classifiers"])
    assert "version" in project["dynamic"]  # single-sourced from cleaner.__version__
    assert (ROOT / "cleaner" / "py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["cleaner"]


def test_the_wheel_ships_the_rules_folder_as_package_data():
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert setuptools["package-dir"]["cleaner.bundled_rules"] == "rules"
    assert "*.yaml" in setuptools["package-data"]["cleaner.bundled_rules"]


def test_bundled_rules_are_found_inside_an_installed_package(tmp_path, monkeypatch):
    # the wheel's layout: site-packages/cleaner/bundled_rules/*.yaml, no rules/ beside it
    import cleaner.rulebook.files as rulefiles

    pkg = tmp_path / "site-packages" / "cleaner"
    (pkg / "bundled_rules").mkdir(parents=True)
    shutil.copy(ROOT / "rules" / "generic.yaml", pkg / "bundled_rules" / "generic.yaml")
    monkeypatch.setattr(rulefiles, "__file__", str(pkg / "rulebook" / "files.py"))
    rulefiles.bundled_rules_dir.cache_clear()
    try:
        assert rulefiles.bundled_rules_dir() == pkg / "bundled_rules"
    finally:
        monkeypatch.undo()
        rulefiles.bundled_rules_dir.cache_clear()
    assert bundled_rules_dir() == ROOT / "rules"  # a checkout: the repository's folder


def test_version_everywhere(capsys):
    assert cleaner.__version__.count(".") == 2 and "__version__" in cleaner.__all__
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"cleaner {cleaner.__version__}"


def test_python_dash_m_cleaner():
    out = subprocess.run([sys.executable, "-m", "cleaner", "--version"], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == f"cleaner {cleaner.__version__}"


def test_user_rules_are_added_and_a_same_named_file_replaces_the_bundled_one(tmp_path):
    own = tmp_path / "thesun.yaml"
    own.write_text("site: thesun\nhosts: [thesun.co.uk]\n", encoding="utf-8")
    extra = tmp_path / "extra.yaml"
    extra.write_text("site: extra\nhosts: [extra.example]\n", encoding="utf-8")
    files = rule_sources([own, extra])
    names = [f.name for f in files]
    assert "generic.yaml" in names and "daily8.yaml" in names  # bundled kept
    assert own in files and bundled_rules_dir() / "thesun.yaml" not in files
    assert extra in files and names.count("thesun.yaml") == 1
    assert rule_sources([bundled_rules_dir()]) == rule_sources()  # --rules rules: once each
    assert rule_sources([extra], bundled=False) == [extra]


# ---------------------------------------------------------------- the published schema


def test_schema_lists_every_result_field_in_order():
    keys = list(Result("x").to_dict())
    assert list(SCHEMA["properties"]) == keys and SCHEMA["required"] == keys
    assert SCHEMA["additionalProperties"] is False
    removed = SCHEMA["properties"]["removed"]["items"]["properties"]
    assert removed["category"]["enum"] == list(CATEGORIES)


def test_schema_ships_in_the_package():
    assert "result.schema.json" in PYPROJECT["tool"]["setuptools"]["package-data"]["cleaner"]


@pytest.mark.parametrize("path", GOLDENS, ids=lambda p: p.name)
def test_every_golden_validates_against_the_schema(path):
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), SCHEMA,
                        cls=jsonschema.Draft202012Validator)


def test_the_schema_rejects_what_is_not_a_result():
    jsonschema = pytest.importorskip("jsonschema")
    good = Result("a", title="T", text="Body.").to_dict()
    jsonschema.validate(good, SCHEMA)
    error = Result.failure("a", None, "a: empty input").to_dict()
    jsonschema.validate(error, SCHEMA)
    for bad in ({**good, "extra": 1}, {**good, "status": "fine"},
                {k: v for k, v in good.items() if k != "notes"},
                {**good, "removed": [{"text": "x", "category": "spam", "rule": "r"}]},
                {**error, "error": None}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, SCHEMA)
