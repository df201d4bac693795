"""`cleaner clean`: one JSON line per input by default, --out writes shards,
errors name their input, exit codes say whether anything failed."""

from __future__ import annotations

import http.server
import io
import json
import sys

import pytest

from cleaner.commands.main import main
from tests.batch_support import SEEDS, read_lines, text_records, write_jsonl

OK_TEXT = ("Council opens library\n\nThe town council voted on Monday to open a new library in "
           "the centre, the mayor said after a long meeting.\n")


def run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_one_input_prints_one_json_line(capsys):
    code, out, _ = run(["clean", str(SEEDS[0])], capsys)
    assert code == 0
    obj = json.loads(out)
    assert obj["id"] == SEEDS[0].name and obj["status"] == "ok"  # the path under its root


def test_several_inputs_print_one_line_each_and_a_failure_exits_1(capsys, tmp_path):
    code, out, err = run(["clean", str(SEEDS[0]), str(tmp_path / "missing.txt")], capsys)
    assert code == 1
    lines = [json.loads(x) for x in out.splitlines()]
    assert [r["status"] for r in lines] == ["ok", "error"]
    assert "missing.txt" in lines[1]["error"] and "missing.txt" in err
    assert "1 ok, 1 errors" in err


def test_one_failed_input_exits_1(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, _ = run(["clean", str(empty)], capsys)
    assert code == 1 and json.loads(out)["status"] == "error"


def test_stdin(capsys, monkeypatch):
    code, out, _ = run(["clean", "-", "--format", "text"], capsys, OK_TEXT.encode(), monkeypatch)
    head, title = out.splitlines()[:2]
    assert code == 0 and head.startswith("=== ") and title == "Council opens library"


def test_out_dir_writes_shards_named_after_inputs_and_summary(capsys, tmp_path):
    src = write_jsonl(tmp_path / "crawl-001.jsonl", text_records(6))
    code, out, err = run(["clean", str(src), str(SEEDS[0]), "--out", str(tmp_path / "o"),
                          "--workers", "2"], capsys)
    assert code == 0 and out == ""
    assert len(read_lines(tmp_path / "o" / "crawl-001.jsonl")) == 6
    assert len(read_lines(tmp_path / "o" / "seeds.jsonl")) == 1
    assert "7 ok, 0 errors" in err and "removals by category:" in err


def test_limits_from_the_command_line(capsys, tmp_path):
    code, out, err = run(["clean", str(SEEDS[0]), "--max-bytes", "100"], capsys)
    assert code == 1 and "max_bytes" in json.loads(out)["error"]


def test_resume_needs_out(capsys):
    code, _, err = run(["clean", str(SEEDS[0]), "--resume"], capsys)
    assert code == 2 and "--out" in err


def test_dask_engine_from_the_command_line(capsys, tmp_path):
    pytest.importorskip("distributed")
    src = write_jsonl(tmp_path / "part.jsonl", text_records(5))
    code, _, err = run(["clean", str(src), "--out", str(tmp_path / "d"), "--engine", "dask"],
                       capsys)
    assert code == 0, err
    code, _, _ = run(["clean", str(src), "--out", str(tmp_path / "l")], capsys)
    assert (tmp_path / "d" / "part.jsonl").read_bytes() == \
        (tmp_path / "l" / "part.jsonl").read_bytes()


class _Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/story":
            body = f"<html><body><h1>Council opens library</h1><p>{OK_TEXT}</p></body></html>"
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(serve):
    return serve(_Pages)


def test_fetch_turns_each_url_into_a_record_or_an_error_record(capsys, server):
    pytest.importorskip("cleaner.ingest.fetch")
    code, out, _ = run(["clean", "--fetch", "--allow-private", f"{server}/story",
                        f"{server}/gone"], capsys)
    assert code == 1
    lines = [json.loads(x) for x in out.splitlines()]
    assert len(lines) == 2
    assert lines[0]["status"] == "ok" and "library" in (lines[0]["title"] or "").lower()
    assert lines[1]["status"] == "error" and f"{server}/gone" in lines[1]["error"]
