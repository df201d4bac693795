"""The local runner: one output line per input, in order, same on 0, 1 and 2 workers;
size and time limits become error records naming the limit."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cleaner.core.records import InputRecord
from cleaner.engine.options import DEFAULT_OPTIONS
from cleaner.ingest.inputs import read_inputs
from cleaner.ingest.items import Item
from cleaner.runner.batch import iter_outcomes, run_batch
from cleaner.runner.shards import shard_name
from tests.batch_support import big_text, read_lines, text_records, write_jsonl


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    d = tmp_path_factory.mktemp("in")
    a = write_jsonl(d / "part-a.jsonl", text_records(40, "a"))
    b = write_jsonl(d / "part-b.jsonl.gz", text_records(25, "b"))
    bad = d / "part-c.jsonl"
    bad.write_text('{"id": "c-0", "text": "Title\\n\\nSome body text that is long enough."}\n'
                   "not json\n"
                   '{"id": "c-2", "url": "http://x.example/"}\n', encoding="utf-8")
    return [str(a), str(b), str(bad)]


def _run(shards, out, workers):
    return run_batch(read_inputs(shards), out_dir=out, workers=workers)


def test_one_line_per_input_in_order_and_same_on_any_worker_count(shards, tmp_path):
    summaries = {w: _run(shards, tmp_path / f"w{w}", w) for w in (0, 1, 2)}
    for w in (0, 1, 2):
        names = sorted(p.name for p in (tmp_path / f"w{w}").iterdir())
        assert names == ["part-a.jsonl", "part-b.jsonl", "part-c.jsonl"]
        a = read_lines(tmp_path / f"w{w}" / "part-a.jsonl")
        assert [r["id"] for r in a] == [f"a-{i}" for i in range(40)]
        b = read_lines(tmp_path / f"w{w}" / "part-b.jsonl")
        assert [r["id"] for r in b] == [f"b-{i}" for i in range(25)]
        c = read_lines(tmp_path / f"w{w}" / "part-c.jsonl")
        assert [r["status"] for r in c] == ["ok", "error", "error"]
        assert "part-c.jsonl:2" in c[1]["error"] and "not a JSON record" in c[1]["error"]
        assert "'c-2'" in c[2]["error"]
        for name in names:  # byte-identical to the in-process run
            assert (tmp_path / f"w{w}" / name).read_bytes() == \
                (tmp_path / "w0" / name).read_bytes()
    s = summaries[2]
    assert (s.ok, s.errors) == (summaries[0].ok, summaries[0].errors)
    assert s.ok + s.errors == 40 + 25 + 3 and s.errors >= 2
    assert sum(s.removed.values()) > 0 and s.removed == summaries[0].removed


def test_summary_names_counts_and_categories(shards, tmp_path):
    from cleaner.commands.common import summary_text

    text = summary_text(_run(shards, tmp_path, 0))
    assert text.startswith("cleaner: ") and " ok, " in text and "removals by category:" in text


def test_size_cap_is_an_error_record_naming_the_limit():
    options = replace(DEFAULT_OPTIONS, max_bytes=1000)
    items = [Item(InputRecord("small", "Title\n\nShort body line here.", kind="text"), id="small"),
             Item(InputRecord("huge", "x" * 5000, kind="text", origin="huge.txt"), id="huge")]
    for workers in (0, 1):
        out = [o for _, o in iter_outcomes(items, workers, options=options)]
        assert [o.id for o in out] == ["small", "huge"]
        assert out[1].status == "error"
        assert "huge.txt" in out[1].error and "max_bytes" in out[1].error


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_time_limit_is_an_error_record_and_the_run_goes_on(workers):
    """In-process: SIGALRM guard; with workers: the stuck worker is killed and replaced. The
    slow page sits mid-chunk, so the pages cleaned before it on the killed worker are cleaned
    again by the replacement, and only the slow one is charged."""
    options = replace(DEFAULT_OPTIONS, timeout_seconds=0.2)
    slow = InputRecord("slow", big_text(60_000), kind="text", origin="slow.txt")

    def fast(name: str) -> Item:
        return Item(InputRecord(name, f"Title {name}\n\nA body line that is here for {name}.",
                                kind="text"), id=name)

    items = [*(fast(f"before{i}") for i in range(5)), Item(slow, id="slow"),
             *(fast(f"after{i}") for i in range(5))]
    out = [o for _, o in iter_outcomes(items, workers, options=options)]
    assert [o.id for o in out] == [i.id for i in items]
    assert out[5].status == "error"
    assert "slow.txt" in out[5].error and "timeout_seconds" in out[5].error
    assert [o.status for o in out[:5] + out[6:]] == ["ok"] * 10


def test_unreadable_inputs_become_error_records(tmp_path):
    items = list(read_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "gone.jsonl")]))
    out = [o for _, o in iter_outcomes(items, 0)]
    assert [o.status for o in out] == ["error", "error"]
    assert "missing.txt" in out[0].error and "gone.jsonl" in out[1].error


def test_stdout_stream_gets_one_line_per_input(shards):
    import io

    buf = io.StringIO()
    s = run_batch(read_inputs(shards[:1]), stream=buf, workers=1)
    assert len(buf.getvalue().splitlines()) == 40 == s.ok + s.errors


def test_shard_names_follow_inputs():
    assert shard_name("data/crawl-00001.warc.gz") == "crawl-00001"
    assert shard_name("x/part-7.jsonl.gz") == "part-7"
    assert shard_name("x/part-7.ndjson") == "part-7"
    assert shard_name("pages/site/a.html") == "site"
    assert shard_name("-") == "stdin"


def test_progress_draws_on_a_terminal_only_and_can_be_silenced(terminal):
    import io

    from cleaner.runner.progress import Progress

    pipe = io.StringIO()
    p = Progress(stream=pipe)
    p.update(True)
    p.close()
    assert pipe.getvalue() == ""
    tty = terminal()
    p = Progress(stream=tty)
    p.update(True)
    p.update(False)
    p.message("cleaner: x.txt: input is empty")
    p.close()
    assert "1 docs" in tty.text and "docs/s" in tty.text and "0 errors" in tty.text
    assert "cleaner: x.txt: input is empty\n" in tty.text
    assert (p.done, p.errors) == (2, 1)
    quiet = terminal()
    p = Progress(stream=quiet, enabled=False)
    p.update(True)
    assert quiet.text == ""


def test_a_worker_that_cannot_start_stops_the_run_with_a_clear_error(tmp_path):
    from cleaner.runner.pool import WorkerStartError

    broken = tmp_path / "broken.yaml"  # rules that load in no worker
    broken.write_text("this: [is not a rule file\n", encoding="utf-8")
    items = [Item(InputRecord("a", "Title\n\nBody line.", kind="text"), id="a")]
    with pytest.raises(WorkerStartError, match="failed to start"):
        list(iter_outcomes(items, 1, rule_paths=(str(broken),)))


def test_read_ahead_is_bounded_by_bytes_as_well_as_count(monkeypatch):
    """Big pages fill the byte budget long before the count window: the runner must stop
    reading ahead there, or a shard of 20 MB pages would hold 64 of them per worker."""
    import cleaner.runner.pool as pool

    monkeypatch.setattr(pool, "WINDOW_BYTES_PER_WORKER", 3_000_000)
    page = "Title\n\n" + "A body sentence that goes on for a while. " * 25_000  # ~1 MB
    pulled = [0]

    def items():
        for i in range(12):
            pulled[0] += 1
            yield Item(InputRecord(f"p{i}", page, kind="text"), id=f"p{i}")

    most_ahead = 0
    for n, (_, outcome) in enumerate(iter_outcomes(items(), 1), 1):
        assert outcome.status == "ok"
        most_ahead = max(most_ahead, pulled[0] - n)
    assert n == 12
    assert most_ahead <= 3  # ~3 MB of 1 MB pages in hand, not the 64-item count window


def test_jsonl_capture_date_passes_through_to_every_record(tmp_path):
    src = tmp_path / "crawl.jsonl"
    src.write_text(
        '{"id": "a", "text": "Title\\n\\nA body line that is here.", "captured": "2025-03-01"}\n'
        '{"id": "b", "text": "Title\\n\\nAnother body line.", "date": "2025-03-02T08:00:00Z"}\n'
        '{"id": "c", "url": "http://x.example/", "timestamp": "2025-03-03"}\n'
        '{"id": "d", "text": "Title\\n\\nNo date on this one."}\n', encoding="utf-8")
    run_batch(read_inputs([str(src)]), out_dir=tmp_path / "out", workers=1)
    lines = read_lines(tmp_path / "out" / "crawl.jsonl")
    assert [r["captured"] for r in lines] == ["2025-03-01", "2025-03-02T08:00:00Z",
                                              "2025-03-03", None]
    assert lines[2]["status"] == "error"  # no body, but its date is still carried


def test_warm_loads_what_the_pipeline_would_load_on_a_first_page():
    """Long runs load these at start-up, outside every page's time limit."""
    import sys

    from trafilatura import external

    from cleaner.engine.warmup import warm
    from cleaner.rulebook.loader import default_rules

    warm(default_rules(), libraries=True)
    assert "ftfy" in sys.modules
    assert external.JT_STOPLIST  # trafilatura's justext fallback
