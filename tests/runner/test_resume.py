"""Resume: a torn last line is repaired, ids already written are skipped, and after a
kill -9 or a SIGTERM mid-run every input id ends up in the output exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

from cleaner.ingest.inputs import read_inputs
from cleaner.runner.batch import run_batch
from cleaner.runner.shards import repair_and_scan
from tests.batch_support import ROOT, read_lines, text_records, write_jsonl

CLEANER = [sys.executable, "-m", "cleaner.commands.main"]
# Inputs for the subprocess runs: enough that the run is still going when it is stopped.
KILL_RUN_RECORDS = 1200


def test_torn_last_line_is_cut_and_done_ids_are_counted(tmp_path):
    out = tmp_path / "part.jsonl"
    whole = [json.dumps({"id": f"d{i}", "status": "ok"}) + "\n" for i in range(3)]
    out.write_text("".join(whole) + '{"id": "d3", "stat', encoding="utf-8")
    done = repair_and_scan(out)
    assert done == Counter({"d0": 1, "d1": 1, "d2": 1})
    assert out.read_text(encoding="utf-8") == "".join(whole)


def test_corrupt_line_cuts_the_rest(tmp_path):
    out = tmp_path / "part.jsonl"
    out.write_text('{"id": "a"}\nnot json\n{"id": "b"}\n', encoding="utf-8")
    assert repair_and_scan(out) == Counter({"a": 1})
    assert out.read_text(encoding="utf-8") == '{"id": "a"}\n'


def test_resume_skips_done_ids_and_finishes_the_rest(tmp_path):
    src = write_jsonl(tmp_path / "part.jsonl", text_records(30))
    out = tmp_path / "out"
    run_batch(read_inputs([str(src)]), out_dir=out)
    full = (out / "part.jsonl").read_bytes()
    lines = full.splitlines(keepends=True)
    (out / "part.jsonl").write_bytes(b"".join(lines[:12]) + lines[12][:40])  # a torn line
    s = run_batch(read_inputs([str(src)]), out_dir=out, resume=True, workers=1)
    assert s.skipped == 12 and s.ok + s.errors == 18
    assert (out / "part.jsonl").read_bytes() == full


def test_resume_keeps_duplicate_ids_once_each(tmp_path):
    recs = text_records(4)
    recs[2]["id"] = recs[0]["id"]  # two inputs share an id: both must be written once
    src = write_jsonl(tmp_path / "dup.jsonl", recs)
    out = tmp_path / "out"
    run_batch(read_inputs([str(src)]), out_dir=out)
    lines = (out / "dup.jsonl").read_bytes().splitlines(keepends=True)
    (out / "dup.jsonl").write_bytes(b"".join(lines[:1]))
    run_batch(read_inputs([str(src)]), out_dir=out, resume=True)
    assert [r["id"] for r in read_lines(out / "dup.jsonl")] == [r["id"] for r in recs]


def _start(src, out, *extra):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([*CLEANER, "clean", str(src), "--out", str(out), "--quiet",
                             *extra], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _wait_for_output(proc, path, min_bytes=20_000, limit=60.0):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if path.exists() and path.stat().st_size >= min_bytes:
            return
        if proc.poll() is not None:
            pytest.fail(f"run ended before it could be stopped: {proc.stderr.read()!r}")
        time.sleep(0.02)
    pytest.fail("no output appeared")


def _assert_exactly_once(out_file, ids):
    got = [r["id"] for r in read_lines(out_file)]
    assert Counter(got) == Counter(ids)
    assert got == ids  # and in input order


@pytest.fixture(scope="module")
def big_input(tmp_path_factory):
    d = tmp_path_factory.mktemp("kill")
    recs = text_records(KILL_RUN_RECORDS)
    return write_jsonl(d / "crawl.jsonl", recs), [r["id"] for r in recs]


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["2"])
def test_kill_9_then_resume_writes_every_id_exactly_once(big_input, tmp_path, workers):
    src, ids = big_input
    out = tmp_path / "out"
    proc = _start(src, out, "--workers", workers)
    _wait_for_output(proc, out / "crawl.jsonl")
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    partial = (out / "crawl.jsonl").read_bytes()
    assert 0 < len(partial.splitlines()) < len(ids), "the kill did not land mid-run"
    proc = _start(src, out, "--workers", workers, "--resume")
    _, err = proc.communicate(timeout=300)
    assert proc.returncode in (0, 1), err
    assert b"already done (resumed)" in err
    _assert_exactly_once(out / "crawl.jsonl", ids)


@pytest.mark.slow
def test_sigterm_flushes_valid_jsonl_and_resume_completes(big_input, tmp_path):
    src, ids = big_input
    out = tmp_path / "out"
    proc = _start(src, out, "--workers", "1")
    _wait_for_output(proc, out / "crawl.jsonl")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert b"interrupted by SIGTERM" in err
    done = read_lines(out / "crawl.jsonl")  # whole lines only: valid JSONL
    assert 0 < len(done) < len(ids)
    assert [r["id"] for r in done] == ids[: len(done)]
    proc = _start(src, out, "--resume")
    proc.communicate(timeout=300)
    _assert_exactly_once(out / "crawl.jsonl", ids)
