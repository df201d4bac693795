"""The Python API honours the options the CLI honours, and clean_many is the batch runner as
an iterator: one result per record, in input order, errors as error records."""

from __future__ import annotations

import time

import pytest

import cleaner
from cleaner import CleanerError, InputRecord, LimitError, Options, clean, clean_many
from cleaner.engine import pipeline
from tests.batch_support import text_records

PAGE = ("Council opens library\n\nThe town council voted on Monday to open a new library in "
        "the centre, the mayor said after a long meeting.\n")


def _slow_analyze(real):
    def slow(*args, **kwargs):
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:  # Python bytecodes: where the limit can act
            pass
        return real(*args, **kwargs)
    return slow


def test_clean_honours_the_time_limit(monkeypatch):
    monkeypatch.setattr(pipeline, "analyze", _slow_analyze(pipeline.analyze))
    with pytest.raises(LimitError, match="timeout_seconds"):
        clean(PAGE, options=Options(timeout_seconds=0.2))


def test_clean_honours_the_other_options():
    with pytest.raises(CleanerError, match="size limit"):
        clean(PAGE, options=Options(max_bytes=10))
    assert clean(PAGE, options=Options(detect_language=False)).language is None
    assert clean(PAGE).language == "en"


def test_clean_many_is_exported_and_documented():
    assert "clean_many" in cleaner.__all__ and "workers" in clean_many.__doc__


@pytest.mark.parametrize("workers", [0, 2])
def test_clean_many_yields_one_result_per_record_in_order(workers):
    records = [*text_records(5), {"id": "empty", "text": ""}, {"id": "odd", "body": 1},
               InputRecord("rec", PAGE), 42, PAGE]
    results = list(clean_many(records, workers=workers))
    assert [r.id for r in results] == ["doc-0", "doc-1", "doc-2", "doc-3", "doc-4", "empty",
                                       "odd", "rec", "8", "9"]
    assert [r.status for r in results] == ["ok"] * 5 + ["error"] * 2 + ["ok", "error", "ok"]
    assert "odd" in results[6].error and "int" in results[8].error
    assert results[7].title == "Council opens library"


def test_clean_many_time_limit_gives_an_error_record(monkeypatch):
    monkeypatch.setattr(pipeline, "analyze", _slow_analyze(pipeline.analyze))
    results = list(clean_many([PAGE], options=Options(timeout_seconds=0.2)))
    assert results[0].status == "error" and "timeout_seconds" in results[0].error


def test_clean_many_is_lazy():
    def endless():
        n = 0
        while True:
            n += 1
            yield {"id": str(n), "text": PAGE}

    it = clean_many(endless())
    assert [next(it).id for _ in range(3)] == ["1", "2", "3"]


def test_clean_many_rules_are_added_to_the_bundled_ones(tmp_path):
    site = tmp_path / "own.yaml"
    site.write_text("site: own\nhosts: [own.example]\nlines:\n  - id: own-stamp\n"
                    "    category: metadata\n    match: '^Updated {{date}}$'\n", encoding="utf-8")
    page = {"id": "a", "url": "https://own.example/x", "text": PAGE + "Updated 3 May 2024\n"}
    [result] = clean_many([page], rules=[site])
    assert result.site == "own" and "own-stamp" in {r.rule for r in result.removed}
    with pytest.raises(ValueError):
        list(clean_many([page], workers=-1))
