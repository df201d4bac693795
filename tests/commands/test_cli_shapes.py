"""One output shape per format whatever the number of inputs, and `explain` on a file of
several records: in process, main([...]) with capsys."""

from __future__ import annotations

import json

from cleaner.commands.main import main
from tests.batch_support import SEEDS, text_records, write_jsonl


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_is_the_default_for_one_input_and_for_several(capsys):
    _, one, _ = _run(capsys, "clean", str(SEEDS[0]))
    _, two, _ = _run(capsys, "clean", str(SEEDS[0]), str(SEEDS[1]))
    assert one.count("\n") == 1 and json.loads(one)["id"] == SEEDS[0].name
    assert [json.loads(x)["id"] for x in two.splitlines()] == [SEEDS[0].name, SEEDS[1].name]
    assert two.splitlines()[0] == one.rstrip("\n")  # the same line, whatever the count


def test_format_json_with_several_inputs_is_one_json_array(capsys):
    code, out, _ = _run(capsys, "clean", "--format", "json", str(SEEDS[0]), str(SEEDS[1]),
                        str(SEEDS[2]))
    value = json.loads(out)  # concatenated objects would not parse
    assert code == 0 and isinstance(value, list)
    assert [r["id"] for r in value] == [p.name for p in SEEDS[:3]]


def test_format_json_with_one_input_is_that_object(capsys):
    code, out, _ = _run(capsys, "clean", "--format", "json", str(SEEDS[0]))
    assert code == 0 and json.loads(out)["id"] == SEEDS[0].name


def test_format_json_with_no_input_is_an_empty_array(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    _, out, _ = _run(capsys, "clean", "--format", "json", str(tmp_path / "empty"))
    assert json.loads(out) == []


def test_format_json_keeps_error_records_in_the_array(capsys, tmp_path):
    code, out, _ = _run(capsys, "clean", "--format", "json", "-q", str(SEEDS[0]),
                        str(tmp_path / "missing.txt"))
    assert code == 1 and [r["status"] for r in json.loads(out)] == ["ok", "error"]


def test_format_text_separates_documents(capsys, tmp_path):
    code, out, _ = _run(capsys, "clean", "--format", "text", "-q", str(SEEDS[0]), str(SEEDS[1]),
                        str(tmp_path / "missing.txt"))
    heads = [ln for ln in out.splitlines() if ln.startswith("=== ")]
    assert heads == [f"=== {SEEDS[0].name} ===", f"=== {SEEDS[1].name} ===",
                     "=== missing.txt ==="]
    first = out.split("=== ")[1]
    assert json.loads(_run(capsys, "clean", str(SEEDS[0]))[1])["title"] in first
    assert "ERROR " in out.split("=== missing.txt ===")[1]


def test_explain_explains_every_record_of_a_jsonl_file(capsys, tmp_path):
    src = write_jsonl(tmp_path / "pages.jsonl", text_records(3))
    code, out, _ = _run(capsys, "explain", str(src), "--color", "never")
    assert code == 0
    assert [ln for ln in out.splitlines() if ln.startswith("=== ")] == [
        "=== doc-0 ===", "=== doc-1 ===", "=== doc-2 ==="]
    assert "Story number 2" in out  # not the first record only


def test_explain_picks_one_record_with_id(capsys, tmp_path):
    src = write_jsonl(tmp_path / "pages.jsonl", text_records(3))
    code, out, _ = _run(capsys, "explain", str(src), "--id", "doc-1", "--color", "never")
    assert code == 0 and "Story number 1" in out and "Story number 0" not in out
    code, _, err = _run(capsys, "explain", str(src), "--id", "nope")
    assert code == 2 and "nope" in err


def test_explain_html_report_needs_one_record(capsys, tmp_path):
    src = write_jsonl(tmp_path / "pages.jsonl", text_records(2))
    code, _, err = _run(capsys, "explain", str(src), "--html", str(tmp_path / "r.html"))
    assert code == 2 and "--id" in err and not (tmp_path / "r.html").exists()
