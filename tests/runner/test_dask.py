"""The Dask engine writes exactly what the local engine writes, record for record."""

from __future__ import annotations

import pytest

from cleaner.core.records import InputRecord
from cleaner.engine.pipeline import clean_record
from cleaner.ingest.inputs import read_inputs
from cleaner.runner.batch import run_batch
from tests.batch_support import SEEDS, read_lines, text_records, write_jsonl

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    # threads, not processes: starts in well under a second and still runs the real
    # scheduler; the tasks are the same ones a multi-machine cluster would run
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("dask")
    a = write_jsonl(d / "part-a.jsonl", text_records(30, "a"))
    b = write_jsonl(d / "part-b.jsonl.gz", text_records(20, "b"))
    bad = d / "part-c.jsonl"
    bad.write_text('{"id": "c-0", "text": ""}\nnot json\n', encoding="utf-8")
    return [str(a), str(b), str(bad), *[str(p) for p in SEEDS]]


def test_dask_output_equals_local_output(client, inputs, tmp_path):
    from cleaner.runner.daskrun import run_dask

    local = run_batch(read_inputs(inputs), out_dir=tmp_path / "local", workers=0)
    remote = run_dask(inputs, tmp_path / "dask", client=client)
    local_files = sorted(p.name for p in (tmp_path / "local").iterdir())
    assert local_files == sorted(p.name for p in (tmp_path / "dask").iterdir())
    assert local_files == ["part-a.jsonl", "part-b.jsonl", "part-c.jsonl", "seeds.jsonl"]
    for name in local_files:
        mine = read_lines(tmp_path / "local" / name)
        theirs = read_lines(tmp_path / "dask" / name)
        assert len(mine) == len(theirs) and mine == theirs, name
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()
    assert (remote.ok, remote.errors, remote.removed) == (local.ok, local.errors, local.removed)
    assert remote.errors == 2


def test_dask_resume_skips_done_ids(client, inputs, tmp_path):
    from cleaner.runner.daskrun import run_dask

    out = tmp_path / "out"
    run_dask(inputs[:1], out, client=client)
    full = (out / "part-a.jsonl").read_bytes()
    lines = full.splitlines(keepends=True)
    (out / "part-a.jsonl").write_bytes(b"".join(lines[:10]) + lines[10][:25])
    s = run_dask(inputs[:1], out, client=client, resume=True)
    assert s.skipped == 10 and s.ok + s.errors == 20
    assert (out / "part-a.jsonl").read_bytes() == full


def test_clean_bag_maps_records_and_dicts_to_result_dicts(client):
    import dask.bag as db

    from cleaner.runner.daskrun import clean_bag

    recs = [InputRecord(p.stem, p.read_bytes(), kind="text", origin=p.name) for p in SEEDS[:4]]
    dicts = [{"id": "d1", "url": "http://x.example/1", "text": "Title\n\nA body line here."},
             {"id": "d2", "url": None}]
    bag = db.from_sequence(recs + dicts, npartitions=3)
    got = clean_bag(bag).compute(scheduler=client)
    want = [clean_record(r).to_dict() for r in recs]
    assert got[:4] == want
    assert got[4]["id"] == "d1" and got[4]["url"] == "http://x.example/1"
    assert got[5]["status"] == "error" and "'d2'" in got[5]["error"]


def test_time_limit_holds_on_dask_worker_threads(client, tmp_path):
    """Dask runs tasks in threads, out of SIGALRM's reach: the watchdog stops the slow page,
    names the limit, and the shard goes on."""
    from dataclasses import replace

    from cleaner.engine.options import DEFAULT_OPTIONS
    from cleaner.runner.daskrun import clean_bag, run_dask
    from tests.batch_support import big_text

    options = replace(DEFAULT_OPTIONS, timeout_seconds=0.3)
    src = write_jsonl(tmp_path / "slow.jsonl", [
        {"id": "before", "text": "Title\n\nA body line that is here."},
        {"id": "slow", "text": big_text(60_000)},
        {"id": "after", "text": "Title\n\nAnother body line that is here."}])
    summary = run_dask([str(src)], tmp_path / "out", client=client, options=options)
    lines = read_lines(tmp_path / "out" / "slow.jsonl")
    assert [r["id"] for r in lines] == ["before", "slow", "after"]
    assert [r["status"] for r in lines] == ["ok", "error", "ok"]
    assert "slow.jsonl:2" in lines[1]["error"] and "timeout_seconds" in lines[1]["error"]
    assert (summary.ok, summary.errors) == (2, 1)

    import dask.bag as db

    got = clean_bag(db.from_sequence(read_lines(src), npartitions=1),
                    options=options).compute(scheduler=client)
    assert [r["status"] for r in got] == ["ok", "error", "ok"]
    assert "timeout_seconds" in got[1]["error"]


def test_progress_line_counts_finished_shards(client, inputs, tmp_path, terminal):
    from cleaner.runner.daskrun import run_dask
    from cleaner.runner.progress import Progress

    term = terminal()
    summary = run_dask(inputs, tmp_path / "p", client=client,
                       progress=Progress(stream=term, label="dask"))
    assert "0/4 shards" in term.text and "4/4 shards" in term.text
    assert f"{summary.ok + summary.errors} docs" in term.text


def test_cli_dask_logs_nothing_of_distributed_without_verbose(tmp_path):
    # a process of its own: distributed configures its log handlers once, at import
    import subprocess
    import sys

    src = write_jsonl(tmp_path / "part.jsonl", text_records(3))
    argv = [sys.executable, "-c",
            "import sys; from cleaner.commands.main import main; sys.exit(main())",
            "clean", str(src), "--engine", "dask",
            "--workers", "1"]
    quiet = subprocess.run([*argv, "--out", str(tmp_path / "q")], capture_output=True,
                           text=True, timeout=120)
    assert quiet.returncode == 0, quiet.stderr
    assert "distributed" not in quiet.stderr and "INFO" not in quiet.stderr, quiet.stderr
    assert "3 ok, 0 errors" in quiet.stderr
    loud = subprocess.run([*argv, "--out", str(tmp_path / "v"), "-v"], capture_output=True,
                          text=True, timeout=120)
    assert loud.returncode == 0 and "INFO distributed" in loud.stderr


def test_unreachable_scheduler_exits_2_with_one_line(tmp_path, capfd, monkeypatch):
    import cleaner.runner.daskrun
    from cleaner.commands.main import main

    monkeypatch.setattr(cleaner.runner.daskrun, "CONNECT_TIMEOUT_SECONDS", 1.0)
    src = write_jsonl(tmp_path / "part.jsonl", text_records(1))
    code = main(["clean", str(src), "--out", str(tmp_path / "o"), "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:9"])
    err = capfd.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err
