"""rules/README.md's key reference and stage table are generated from the declarations the
loader and the pipeline use; the committed file must match them."""

from __future__ import annotations

import ast
from pathlib import Path

from cleaner.core.stages import STAGE_IDS
from cleaner.rulebook import keys
from cleaner.rulebook.docs import main, regenerate

README = Path(__file__).resolve().parents[2] / "rules" / "README.md"
SCHEMA = Path(__file__).resolve().parents[2] / "cleaner" / "rulebook" / "schema.py"


def test_the_committed_readme_is_up_to_date():
    assert main(["--path", str(README), "--check"]) == 0, (
        "rules/README.md is out of date: run python -m cleaner.rulebook.docs")


def test_a_drifted_readme_fails_the_check(tmp_path):
    stale = tmp_path / "README.md"
    stale.write_text(README.read_text(encoding="utf-8").replace("| `zone` |", "| `zones` |"),
                     encoding="utf-8")
    assert main(["--path", str(stale), "--check"]) == 1
    assert main(["--path", str(stale)]) == 0 and main(["--path", str(stale), "--check"]) == 0


def test_every_key_and_stage_is_in_the_readme():
    text = README.read_text(encoding="utf-8")
    assert regenerate(text) == text
    for section in keys.SECTIONS:
        assert f"### {section.title}" in text
        for k in section.keys:
            assert k.doc in text
    for stage_id in STAGE_IDS:
        assert f"`{stage_id}`" in text


def test_the_schema_checks_keys_only_through_the_declared_tables():
    # every ctx.keys(...) call passes allowed(<section>), so no key can be accepted that
    # the README does not document
    calls = [n for n in ast.walk(ast.parse(SCHEMA.read_text(encoding="utf-8")))
             if isinstance(n, ast.Call) and getattr(n.func, "attr", None) == "keys"]
    assert calls
    for call in calls:
        allowed = call.args[1]
        assert isinstance(allowed, ast.Call) and getattr(allowed.func, "id", "") == "allowed"
        assert allowed.args[0].value in {s.id for s in keys.SECTIONS}


def test_dom_keys_are_documented():
    text = README.read_text(encoding="utf-8")
    for title in ("DOM drops (`dom.drop`)", "DOM sections (`dom.sections`)",
                  "DOM cards (`dom.cards`)", "DOM card fields"):
        assert title in text
