"""WARC input: response records become items with the record's id, URL and date."""

from __future__ import annotations

import gzip

import pytest

from cleaner.ingest.inputs import read_inputs
from cleaner.runner.batch import run_batch
from tests.batch_support import read_lines, warc_record, warc_request

pytest.importorskip("fastwarc")

PAGE = (b"<html><head><title>Council votes</title></head><body><article><h1>Council votes"
        b"</h1><p>The town council voted on Monday to open a new library in the centre, "
        b"the mayor said after a long meeting that went on until late.</p></article>"
        b"</body></html>")


def _records():
    return [
        warc_request("http://news.example/a", "0000"),
        warc_record("http://news.example/a", "1111", "2024-05-01T10:00:00Z", PAGE),
        warc_record("http://news.example/b", "2222", "2024-05-02T11:00:00Z", b"",
                    status="404 Not Found"),
        warc_record("http://news.example/c.png", "3333", "2024-05-03T12:00:00Z", b"\x89PNG",
                    ctype="image/png"),
    ]


@pytest.fixture(params=["crawl.warc", "crawl.warc.gz"])
def warc(tmp_path, request):
    path = tmp_path / request.param
    recs = _records()
    data = b"".join(gzip.compress(r) for r in recs) if request.param.endswith(".gz") \
        else b"".join(recs)
    path.write_bytes(data)
    return path


def test_items_carry_record_id_url_and_date(warc):
    items = list(read_inputs([str(warc)]))
    assert [i.id for i in items] == ["urn:uuid:1111", "urn:uuid:2222", "urn:uuid:3333"]
    page = items[0]
    assert page.record is not None and page.record.kind == "html"
    assert page.url == page.record.url == "http://news.example/a"
    assert page.date == page.record.captured == "2024-05-01T10:00:00Z"
    assert page.record.content == PAGE and page.record.headers_charset == "utf-8"
    assert page.shard == str(warc)
    assert items[1].record is None and "HTTP status 404" in items[1].error
    assert str(warc) in items[1].error
    assert items[2].record is None and "image/png" in items[2].error


def test_warc_to_jsonl_shard_named_after_the_archive(warc, tmp_path):
    out = tmp_path / "out"
    s = run_batch(read_inputs([str(warc)]), out_dir=out)
    lines = read_lines(out / "crawl.jsonl")
    assert [r["id"] for r in lines] == ["urn:uuid:1111", "urn:uuid:2222", "urn:uuid:3333"]
    assert lines[0]["status"] == "ok" and "library" in lines[0]["text"]
    assert lines[0]["url"] == "http://news.example/a"
    # the capture date reaches the output, on error records too
    assert [r["captured"] for r in lines] == ["2024-05-01T10:00:00Z", "2024-05-02T11:00:00Z",
                                              "2024-05-03T12:00:00Z"]
    assert lines[0]["published"] is None  # a capture date is not a publication date
    assert (s.ok, s.errors) == (1, 2)


def test_missing_and_corrupt_archives_are_error_items(tmp_path):
    bad = tmp_path / "broken.warc"
    bad.write_bytes(b"this is not a WARC file\r\n\r\n")
    items = list(read_inputs([str(tmp_path / "nope.warc"), str(bad)]))
    assert len(items) == 2 and all(i.record is None for i in items)
    assert "nope.warc: no such file" in items[0].error
    assert str(bad) in items[1].error and "corrupt WARC" in items[1].error
