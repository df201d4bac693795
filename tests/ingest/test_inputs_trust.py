"""Issue #13 item 2 (input side) and #12 findings 8 and 9: JSONL found by content and on
stdin, --input-format, cleaner's own output refused, unique ids and the `input` field,
shards that cannot collide, no silent overwrite; a few bad bytes in UTF-8 repaired in place;
no terminal escapes from input text."""

from __future__ import annotations

import io
import json
import sys

import pytest

from cleaner.commands.main import main
from cleaner.core.decode import decode_input
from cleaner.ingest.inputs import read_inputs

BODY = ("A first paragraph that is long enough to count as the body of an article, "
        "with a clause and a full stop.")
JSONL = ('{"id": "r1", "text": "Title one\\n\\n' + BODY + '"}\n'
         '{"id": "r2", "text": "Title two\\n\\n' + BODY + '"}\n')


def _out(capsys) -> list[dict]:
    return [json.loads(x) for x in io.StringIO(capsys.readouterr().out)]


def test_jsonl_on_stdin_is_read_as_records(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(JSONL.encode())))
    assert main(["clean", "-", "--format", "jsonl", "-q"]) == 0
    got = _out(capsys)
    assert [r["id"] for r in got] == ["r1", "r2"] and got[0]["title"] == "Title one"


def test_jsonl_recognised_by_content_and_input_format_forces_a_reading(tmp_path, capsys):
    dump = tmp_path / "crawl.dump"
    dump.write_text(JSONL, encoding="utf-8")
    assert [i.id for i in read_inputs([str(dump)])] == ["r1", "r2"]
    text = tmp_path / "notes.txt"
    text.write_text(JSONL, encoding="utf-8")
    assert [i.id for i in read_inputs([str(text)], input_format="jsonl")] == ["r1", "r2"]
    assert len(list(read_inputs([str(dump)], input_format="text"))) == 1
    assert main(["clean", str(dump), "--input-format", "jsonl", "--format", "jsonl",
                 "-q"]) == 0
    assert len(_out(capsys)) == 2


def test_cleaners_own_output_is_refused(tmp_path):
    from cleaner.engine.pipeline import clean

    own = tmp_path / "earlier.json"
    own.write_text(json.dumps(clean("Title\n\n" + BODY).to_dict()), encoding="utf-8")
    items = list(read_inputs([str(own)]))
    assert len(items) == 1 and items[0].record is None
    assert "cleaner's own output" in items[0].error and str(own) in items[0].error
    shard = tmp_path / "out.jsonl"
    shard.write_text(json.dumps(clean("Title\n\n" + BODY).to_dict()) + "\n", encoding="utf-8")
    items = list(read_inputs([str(shard)]))
    assert items[0].record is None and "own output" in items[0].error


def test_ids_are_unique_paths_and_input_names_the_source(tmp_path):
    for top in ("x", "y"):
        d = tmp_path / top / "pages"
        d.mkdir(parents=True)
        (d / "1.txt").write_text("Title\n\n" + BODY, encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "x"), str(tmp_path / "y")]))
    assert [i.id for i in items] == ["pages/1.txt", "pages/1.txt"]
    assert [i.record.origin for i in items] == [str(tmp_path / "x" / "pages" / "1.txt"),
                                                str(tmp_path / "y" / "pages" / "1.txt")]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text('{"text": "Title\\n\\n' + BODY + '"}\n' * 2, encoding="utf-8")
    assert [i.id for i in read_inputs([str(crawl)])] == ["crawl.jsonl#1", "crawl.jsonl#2"]


def test_input_field_is_filled_and_folders_of_one_name_do_not_share_a_shard(tmp_path):
    for top in ("x", "y"):
        d = tmp_path / top / "pages"
        d.mkdir(parents=True)
        (d / "1.txt").write_text(f"Title {top}\n\n" + BODY, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["clean", str(tmp_path / "x" / "pages"), str(tmp_path / "y" / "pages"),
                 "--out", str(out), "-q"]) == 0
    shards = sorted(out.glob("*.jsonl"))
    assert len(shards) == 2
    records = [json.loads(x) for s in shards for x in s.read_text("utf-8").splitlines()]
    assert sorted(r["input"] for r in records) == [
        str(tmp_path / "x" / "pages" / "1.txt"), str(tmp_path / "y" / "pages" / "1.txt")]
    assert sorted(r["title"] for r in records) == ["Title x", "Title y"]
    # resume finds both again
    assert main(["clean", str(tmp_path / "x" / "pages"), str(tmp_path / "y" / "pages"),
                 "--out", str(out), "--resume", "-q"]) == 0
    assert sum(len(s.read_text("utf-8").splitlines()) for s in out.glob("*.jsonl")) == 2


def test_a_non_empty_output_folder_is_not_overwritten_silently(tmp_path, capsys):
    src = tmp_path / "pages"
    src.mkdir()
    (src / "1.txt").write_text("Title\n\n" + BODY, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["clean", str(src), "--out", str(out), "-q"]) == 0
    before = (out / "pages.jsonl").read_bytes()
    capsys.readouterr()
    assert main(["clean", str(src), "--out", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    assert str(out) in err and "--overwrite" in err and "--resume" in err
    assert (out / "pages.jsonl").read_bytes() == before
    assert main(["clean", str(src), "--out", str(out), "--overwrite", "-q"]) == 0


# 8. a few bad bytes in a UTF-8 page ---------------------------------------------------------

@pytest.mark.parametrize("label", ["header", "meta"])
def test_stray_byte_in_a_utf8_page_is_repaired_in_place(label):
    page = ('<html><head>' + ('<meta charset="utf-8">' if label == "meta" else "")
            + '<title>Bücherei</title></head><body><p>Die Bücherei öffnet am Montag, sagte '
              'die Stadt.</p><p>Straße und Café bleiben.</p>').encode("utf-8")
    page = page.replace(b"am Montag", b"am \xffMontag")
    decoded = decode_input(page, "p.html", "utf-8" if label == "header" else None)
    assert "Bücherei" in decoded.text and "Straße" in decoded.text
    assert decoded.encoding == "utf-8"
    assert any("1 invalid byte" in n for n in decoded.notes), decoded.notes


def test_cp1252_page_labelled_utf8_still_reads_as_cp1252():
    page = "<p>Café crème, déjà vu: a long enough line of French words.</p>".encode("cp1252")
    decoded = decode_input(page, "p.html", "utf-8")
    assert "Café crème" in decoded.text


# 9. no terminal escapes from input --------------------------------------------------------

EVIL = ("Title \x1b]0;pwned\x07 here\n\n" + BODY + "\n\x1b[2J\x1b[31mscreen cleared\x1b[0m "
        "and a line that is long enough to be kept in the body text.\n")


def test_explain_escapes_control_characters(tmp_path, capsys):
    page = tmp_path / "evil.txt"
    page.write_text(EVIL, encoding="utf-8")
    assert main(["explain", str(page), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "screen cleared" in out


def test_format_text_escapes_control_characters(tmp_path, capsys):
    page = tmp_path / "evil.txt"
    page.write_text(EVIL, encoding="utf-8")
    main(["clean", str(page), "--format", "text", "-q"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "screen cleared" in out


def test_error_lines_on_stderr_escape_control_characters(tmp_path, capsys):
    bad = tmp_path / "evil\x1b[2Jname.txt"
    bad.write_bytes(b"")
    main(["clean", str(bad), str(tmp_path / "missing.txt"), "--format", "jsonl"])
    assert "\x1b" not in capsys.readouterr().err


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("shape", ["big-first-record", "gzip", "pretty-object", "warc"])
def test_stdin_is_read_by_content_in_every_container(monkeypatch, capsys, shape):
    import gzip

    from tests.batch_support import warc_record

    big = '{"id": "big", "html": ' + json.dumps(
        "<html><body><h1>Big one</h1>" + f"<p>{BODY}</p>" * 2_000 + "</body></html>") + "}\n"
    data = {"big-first-record": (big + JSONL).encode(),
            "gzip": gzip.compress(JSONL.encode()),
            "pretty-object": json.dumps({"id": "r1", "text": "Title one\n\n" + BODY},
                                        indent=2).encode(),
            "warc": warc_record("http://x.example/a", "w1", "2024-05-01T10:00:00Z",
                                f"<html><body><h1>Title one</h1><p>{BODY}</p>".encode()),
            }[shape]
    _stdin(monkeypatch, data)
    assert main(["clean", "-", "--format", "jsonl", "-q"]) == 0
    got = [r["id"] for r in _out(capsys)]
    assert got == {"big-first-record": ["big", "r1", "r2"], "gzip": ["r1", "r2"],
                   "pretty-object": ["r1"], "warc": ["urn:uuid:w1"]}[shape]
