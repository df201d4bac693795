"""`make run` (cleaner run-seeds) reads sample pages only: truth files and URL sidecars are not
pages, and a sidecar URL reaches its page's record."""

from __future__ import annotations

import json

from cleaner.commands.main import main
from cleaner.ingest.samples import sample_paths, sidecar_url

PAGE = ("logo\n\nCouncil votes to keep the ferry running through winter\n\n"
        "The council voted on Tuesday to fund the winter ferry for another year, after "
        "islanders said the crossing is their only way to reach the clinic.\n")


def _folder(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "truth").mkdir(parents=True)
    (seeds / "001_page.txt").write_text(PAGE, encoding="utf-8")
    (seeds / "001_page.url").write_text("https://www.example.com/a/ferry\n", encoding="utf-8")
    (seeds / "truth" / "001_page.yaml").write_text("family: x\ntitle: y\n", encoding="utf-8")
    return seeds


def test_sample_paths_skip_truth_files_and_sidecars(tmp_path):
    seeds = _folder(tmp_path)
    assert [p.name for p in sample_paths(seeds)] == ["001_page.txt"]
    assert sidecar_url(seeds / "001_page.txt") == "https://www.example.com/a/ferry"


def test_run_seeds_cleans_pages_only_with_their_urls(tmp_path, capsys):
    seeds, out = _folder(tmp_path), tmp_path / "out"
    assert main(["run-seeds", str(seeds), "--out", str(out)]) == 0
    written = sorted(p.name for p in out.rglob("*.json"))
    assert written == ["001_page.json"]
    result = json.loads((out / "001_page.json").read_text(encoding="utf-8"))
    assert result["url"] == "https://www.example.com/a/ferry"
    assert "1 inputs, 0 errors" in capsys.readouterr().out
