"""The README's worked example and its claims about the command line stay true."""

from __future__ import annotations

import json
import re
from pathlib import Path

from cleaner.commands.main import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGE = ROOT / "docs" / "examples" / "quickstart" / "page.txt"


def test_the_two_make_commands_come_first():
    first = [ln for ln in README.splitlines() if ln.strip()][:4]
    assert first[2].startswith("make run") and first[3].startswith("make test")


def test_the_worked_example_gives_what_the_readme_shows(capsys):
    assert main(["clean", str(PAGE), "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    shown = README.split("```json\n", 1)[1].split("```", 1)[0]
    shown = re.sub(r' \.\.\."', '"', shown)  # the README shortens long strings with " ..."
    want = json.loads(re.sub(r"\.\.\.(\\n|\")", r"\1", shown))
    for key in want:
        if key in ("id", "input"):  # they name the input: a path, however it was given
            continue
        if key == "text":
            assert all(got["text"].split("\n")[i].startswith(part.rstrip(". "))
                       for i, part in enumerate(want["text"].split("\n")))
        else:
            assert got[key] == want[key], key
