"""Issue #12, input and output side: every input record accounted for exactly once, memory
bounded by --max-bytes, nothing outside the given roots read or written."""

from __future__ import annotations

import fcntl
import gzip
import io
import json
import os
import threading
import tracemalloc
from pathlib import Path

import pytest

from cleaner.commands.main import main
from cleaner.engine.options import Options
from cleaner.ingest.inputs import read_inputs
from cleaner.runner.batch import run_batch

BODY = ("A first paragraph that is long enough to count as the body of an article, "
        "with a clause and a full stop.")


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_bytes().splitlines()]


# 1. ids with lone surrogates ---------------------------------------------------------------

def test_lone_surrogate_id_is_kept_byte_exact_and_resume_matches_it(tmp_path):
    src = tmp_path / "crawl.jsonl"
    src.write_text('{"id": "\\ud800lone", "text": "Title\\n\\n' + BODY + '"}\n'
                   '{"id": "plain", "text": "Title\\n\\n' + BODY + '"}\n', encoding="utf-8")
    out = tmp_path / "out"
    run_batch(read_inputs([str(src)]), out_dir=out)
    raw = (out / "crawl.jsonl").read_bytes()
    assert b"\\ud800lone" in raw  # escaped in the JSON, not replaced by '?'
    assert [r["id"] for r in _lines(out / "crawl.jsonl")] == ["\ud800lone", "plain"]
    for _ in range(2):
        summary = run_batch(read_inputs([str(src)]), out_dir=out, resume=True)
        assert summary.skipped == 2 and summary.ok + summary.errors == 0
    assert len(_lines(out / "crawl.jsonl")) == 2


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text"])
def test_lone_surrogate_id_prints_in_every_format(tmp_path, capsys, fmt):
    src = tmp_path / "crawl.jsonl"
    src.write_text('{"id": "\\ud800lone", "text": "Title\\n\\n' + BODY + '"}\n',
                   encoding="utf-8")
    assert main(["clean", str(src), "--format", fmt, "-q"]) == 0
    out = capsys.readouterr().out
    if fmt != "text":
        assert json.loads(out)["id"] == "\ud800lone"
    out.encode("utf-8")  # a terminal or pipe can take it


# 2. one run per output folder --------------------------------------------------------------

def test_second_run_on_a_locked_output_folder_exits_2_naming_it(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Title\n\n" + BODY, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    holder = os.open(out, os.O_RDONLY)  # what a running `cleaner clean --out out` holds
    try:
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        code = main(["clean", str(src), "--out", str(out), "-q"])
        err = capsys.readouterr().err
    finally:
        os.close(holder)
    assert code == 2
    assert str(out) in err and "another" in err.lower()
    assert list(out.iterdir()) == []
    assert main(["clean", str(src), "--out", str(out), "-q"]) == 0  # free again


# 3. symlinks -------------------------------------------------------------------------------

@pytest.mark.parametrize("resume", [False, True])
def test_symlinked_output_shard_is_not_followed(tmp_path, capsys, resume):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Title\n\n" + BODY, encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "in.jsonl").symlink_to(victim)
    argv = ["clean", str(src), "--out", str(out), "-q"]
    code = main(argv + (["--resume"] if resume else ["--overwrite"]))
    assert code == 2
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert "symlink" in capsys.readouterr().err.lower()


def test_symlink_inside_an_input_folder_to_outside_is_an_error_record(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0 secret line that must not come out\n", encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Title\n\n" + BODY, encoding="utf-8")
    (src / "b.txt").symlink_to(secret)
    items = list(read_inputs([str(src)]))
    assert len(items) == 2
    linked = [i for i in items if i.record is None]
    assert len(linked) == 1 and "outside" in linked[0].error
    assert "--follow-links" in linked[0].error and "b.txt" in linked[0].error
    followed = list(read_inputs([str(src)], follow_links=True))
    assert all(i.record is not None for i in followed)


# 4. the size cap bounds memory -------------------------------------------------------------

def _peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_giant_line_in_jsonl_gz_is_an_error_record_without_holding_it(tmp_path):
    src = tmp_path / "crawl.jsonl.gz"
    with gzip.open(src, "wb") as fh:
        fh.write(b'{"id": "a", "text": "Title\\n\\n' + BODY.encode() + b'"}\n')
        fh.write(b'{"id": "giant", "text": "' + b"x" * 30_000_000 + b'"}\n')
        fh.write(b'{"id": "c", "text": "Title\\n\\n' + BODY.encode() + b'"}\n')
    got: list = []
    peak = _peak(lambda: got.extend(read_inputs([str(src)], max_bytes=100_000)))
    assert [i.record is not None for i in got] == [True, False, True]
    assert "size limit" in got[1].error and str(src) in got[1].error
    assert peak < 5_000_000, peak


def test_big_plain_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50_000_000)  # sparse: no disk, but 50 MB if read
    got: list = []
    peak = _peak(lambda: got.extend(read_inputs([str(big)], max_bytes=100_000)))
    assert got[0].record is None and "size limit" in got[0].error
    assert peak < 5_000_000, peak


def test_big_warc_record_is_an_error_record_without_reading_it(tmp_path):
    from tests.batch_support import warc_record

    path = tmp_path / "crawl.warc.gz"
    page = b"<html><body><p>" + BODY.encode() + b"</p></body></html>"
    with open(path, "wb") as fh:
        for rid, body in (("small", page), ("huge", b"<p>" + b"y" * 20_000_000),
                          ("after", page)):
            fh.write(gzip.compress(warc_record(f"http://x.example/{rid}", rid,
                                               "2024-05-01T10:00:00Z", body), 1))
    got: list = []
    peak = _peak(lambda: got.extend(read_inputs([str(path)], max_bytes=100_000)))
    assert [i.id for i in got] == ["urn:uuid:small", "urn:uuid:huge", "urn:uuid:after"]
    assert got[1].record is None and "size limit" in got[1].error
    assert peak < 8_000_000, peak


def test_multi_member_html_gz_keeps_every_member(tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(b"<html><body><article><h1>Two parts</h1><p>" + BODY.encode()
                                   + b"</p>")
                     + gzip.compress(b"<p>The second member's paragraph is also long enough "
                                     b"to be kept as body text, and ends here.</p></article>"
                                     b"</body></html>"))
    from cleaner.engine.pipeline import clean_record

    result = clean_record(next(iter(read_inputs([str(page)]))).record)
    assert "second member" in result.text, result


# 5. special files --------------------------------------------------------------------------

def _in_thread(fn, fifo: Path) -> list:
    box: list = []
    t = threading.Thread(target=lambda: box.append(fn()), daemon=True)
    t.start()
    t.join(10)
    if t.is_alive():  # unblock the reader so the test suite goes on, then fail
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        t.join(5)
        pytest.fail("reading a FIFO blocked")
    return box[0]


def test_fifo_given_or_found_is_an_error_record_and_never_blocks(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Title\n\n" + BODY, encoding="utf-8")
    fifo = src / "pipe.txt"
    os.mkfifo(fifo)
    found = _in_thread(lambda: list(read_inputs([str(src)])), fifo)
    assert len(found) == 2 and found[1].record is None and "FIFO" in found[1].error
    given = _in_thread(lambda: list(read_inputs([str(fifo)])), fifo)
    assert len(given) == 1 and given[0].record is None and str(fifo) in given[0].error


# 11. JSONL splits on LF only ---------------------------------------------------------------

def test_raw_cr_inside_a_jsonl_string_stays_in_the_record(tmp_path):
    src = tmp_path / "crawl.jsonl"
    src.write_bytes(b'{"id": "cr", "text": "Title\\n\\nA body with a raw\rcarriage return in '
                    b'it, long enough to keep."}\n{"id": "next", "text": "Title\\n\\n'
                    + BODY.encode() + b'"}\n')
    items = list(read_inputs([str(src)]))
    assert [i.id for i in items] == ["cr", "next"]
    assert all(i.record is not None for i in items)


def test_max_bytes_reaches_the_readers_through_the_cli(tmp_path, capsys):
    src = tmp_path / "crawl.jsonl"
    src.write_bytes(b'{"id": "big", "text": "' + b"z" * 300_000 + b'"}\n'
                    b'{"id": "ok", "text": "Title\\n\\n' + BODY.encode() + b'"}\n')
    assert main(["clean", str(src), "--max-bytes", "100000", "--format", "jsonl", "-q"]) == 1
    out = [json.loads(x) for x in io.StringIO(capsys.readouterr().out)]
    assert [r["status"] for r in out] == ["error", "ok"]
    assert Options().max_bytes > 100_000
