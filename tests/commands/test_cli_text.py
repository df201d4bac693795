"""The CLI on text dumps, in process (main([...]) with capsys), plus one smoke test of the
installed `cleaner` script."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.commands.main import main

ROOT = Path(__file__).resolve().parents[2]
DAILY8 = ROOT / "seeds" / "001_f6ca94376d23a34d.txt"
PRATIDIN = ROOT / "seeds" / "002_d379520142cff4ce.txt"
KEYS = ["id", "url", "site", "title", "text", "language", "source", "author", "published",
        "related", "removed", "status", "error"]
PLAIN = ("Bridge repairs to start in spring\n\nThe city council approved a plan to repair the "
         "four oldest bridges over the river, after inspectors found corrosion last year.\n"
         "Work on the first bridge will start in the spring and is expected to take two "
         "years.\nAdvertisement\n")


def test_clean_one_input_prints_one_json_object(capsys) -> None:
    assert main(["clean", str(DAILY8), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert all(key in record for key in KEYS)
    assert record["site"] == "daily8" and record["status"] == "ok"
    assert record["source"] == "Russia Today" and record["published"] is None
    assert record["published_raw"] == "5 hours ago"  # no capture date to count back from
    assert len(record["related"]) == 3


def test_jsonl_is_the_default_for_one_input_and_for_several(capsys) -> None:
    main(["clean", str(DAILY8)])
    assert json.loads(capsys.readouterr().out)["id"] == "001_f6ca94376d23a34d.txt"
    main(["clean", str(DAILY8), str(PRATIDIN)])
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["site"] for x in lines] == ["daily8", "pratidintime"]


def test_text_format_prints_title_then_body(capsys) -> None:
    assert main(["clean", str(PRATIDIN), "--format", "text"]) == 0
    out = capsys.readouterr().out
    head, _, out = out.partition("\n")
    assert head == f"=== {PRATIDIN.name} ==="
    title, _, body = out.partition("\n\n")
    assert title == "Kremlin Says Putin Open to Talks with Zelenskyy, Questions Legitimacy"
    assert "Advertisment" not in body and "Kremlin spokesperson Dmitry Peskov" in body


def test_stdin_and_url(monkeypatch, capsys) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(PLAIN.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["clean", "-", "--url", "https://www.daily8.com/x", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "stdin" and record["url"] == "https://www.daily8.com/x"
    assert record["site"] == "daily8"
    assert record["title"] == "Bridge repairs to start in spring"
    assert [r["rule"] for r in record["removed"]] == ["generic-ad-label"]


def test_explain_shows_the_rule_of_every_removed_line(capsys) -> None:
    assert main(["explain", str(DAILY8), "--color", "never"]) == 0
    out = capsys.readouterr().out
    main(["clean", str(DAILY8)])
    record = json.loads(capsys.readouterr().out)
    assert "site: daily8" in out
    for removal in record["removed"]:
        rows = [row for row in out.splitlines() if removal["rule"] in row]
        assert rows, removal


def test_explain_of_a_missing_file_is_an_error(tmp_path: Path, capsys) -> None:
    path = str(tmp_path / "missing.txt")
    assert main(["explain", path]) == 1
    assert path in capsys.readouterr().err


def test_bad_rules_dir_exits_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "generic.yaml").write_text("site: generic\nlines: [1, 2\n", encoding="utf-8")
    assert main(["--rules", str(tmp_path), "clean", str(DAILY8)]) == 2
    assert "generic.yaml:" in capsys.readouterr().err


def _script() -> str | None:
    beside = Path(sys.executable).parent / "cleaner"
    return str(beside) if beside.exists() else shutil.which("cleaner")


@pytest.mark.skipif(_script() is None, reason="the cleaner script is not installed")
def test_installed_script_smoke() -> None:
    done = subprocess.run([_script(), "clean", str(PRATIDIN), "--format", "json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["site"] == "pratidintime"
