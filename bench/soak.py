"""`make soak`: the long fuzz and fault campaign, with a summary a release can quote.

    python -m bench.soak                       # 100,000 generated inputs + giants + faults
    python -m bench.soak --inputs 5000 --seed 7 --no-giants --no-faults

Part 1 (fuzz): `--inputs` hostile inputs from cleaner.authoring.fuzzgen (seeded, so any failure
replays from its id `fuzz-SEED-INDEX-...` with `fuzzgen.case(SEED, INDEX)`) go through the batch
runner on `--workers` processes, with the per-document time limit enforced by killing the
worker, exactly as `cleaner clean --workers N` runs. Then the giant inputs (100,000-level
nesting, 10 MB lines, a gzip bomb, ...) once each.

Part 2 (faults): a JSONL shard of generated records with corrupt lines spliced in is cleaned
to an output folder while workers are SIGKILLed every few hundred records; the output is then
torn mid-line (as a kill -9 of the whole run leaves it) and resumed.

Part 3 (attacks, issue #12): what a hostile input source or a careless operator hands a
run, through `cleaner clean` in a child process whose peak memory is read with wait4: a
gzip bomb (one JSONL line expanding to ATTACK_BOMB_BYTES), a ATTACK_LINE_BYTES plain JSONL
line, a WARC record of ATTACK_WARC_BYTES, a multi-member .html.gz, a FIFO, a symlink out of
the input folder, ids with lone surrogates, raw CRs inside JSONL strings, cleaner's own
output given back; then two runs on one output folder at once, a symlink planted as an
output shard, and a resume. Each input must come out exactly once, the parent's peak RSS
under ATTACK_MAX_RSS_MB, nothing outside the folders read or written.

Counted: inputs tried; crashes (a result breaking the contract: an exception escaping
clean_record, a dead worker, an id mismatch, a record that is not valid UTF-8 JSON); hangs
(a document stopped by the time limit); records lost (inputs without exactly one output
record). Exit status 1 if any of the three is not zero.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from cleaner.authoring.fuzzgen import cases, giant_cases, problems
from cleaner.core.records import Result
from cleaner.engine.options import Options
from cleaner.ingest.inputs import read_inputs
from cleaner.ingest.items import Item
from cleaner.runner.batch import iter_outcomes, run_batch

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = 100_000  # the bar for `make soak`
DEFAULT_SEED = 6
FAULT_RECORDS = 3_000  # part 2: enough for several worker kills and a resume
KILL_EVERY = 400  # results between two worker kills in part 2
CORRUPT_EVERY = 97  # a corrupt input line after every 97th record in part 2
ATTACK_BOMB_BYTES = 2 << 30  # one line of 2 GiB, ~2 MB gzipped
ATTACK_LINE_BYTES = 500 << 20  # the 500 MB plain line
ATTACK_WARC_BYTES = 300 << 20
CONCURRENT_DOCS = 3_000  # as many as the two runs on one folder
ATTACK_MAX_RSS_MB = 500  # the bar for the parent's peak memory
TIME_LIMIT = "over the time limit"
WORKER_DIED = "worker process died"


def _corpus() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


class Tally:
    def __init__(self) -> None:
        self.tried = 0
        self.crashes: list[str] = []
        self.hangs: list[str] = []
        self.lost: list[str] = []
        self.status: Counter = Counter()
        self.slowest: list[tuple[float, str]] = []

    def check(self, item: Item, line: bytes) -> None:
        record = item.record
        try:
            result = Result.from_dict(json.loads(line))
        except (ValueError, KeyError, TypeError) as exc:
            self.crashes.append(f"{item.id}: unreadable output line ({exc})")
            return
        self.status[result.status] += 1
        error = result.error or ""
        if TIME_LIMIT in error:
            self.hangs.append(error)
            return
        if WORKER_DIED in error:
            self.crashes.append(error)
            return
        for problem in problems(record, result) if record else []:
            self.crashes.append(f"{item.id}: {problem}")


def fuzz(tally: Tally, seed: int, count: int, workers: int, options: Options,
         giants: bool) -> None:
    corpus = _corpus()
    sent: Counter = Counter()

    def items(source):
        for case in source:
            sent[case.record.id] += 1
            yield Item(case.record, id=case.record.id, url=case.record.url, shard="soak")

    got: Counter = Counter()
    started = time.monotonic()
    runs = [(items(cases(seed, count, corpus)), workers)]
    if giants:  # through the same pool: the time limit there kills the worker
        runs.append((items(giant_cases()), workers))
    n = 0
    for source, n_workers in runs:
        for item, outcome in iter_outcomes(source, n_workers, None, options):
            n += 1
            got[outcome.id] += 1
            tally.tried += 1
            tally.check(item, outcome.data)
            if n % 10_000 == 0:
                rate = n / (time.monotonic() - started)
                print(f"  fuzz: {n} inputs, {rate:.0f}/s, crashes {len(tally.crashes)}, "
                      f"hangs {len(tally.hangs)}", file=sys.stderr, flush=True)
    tally.lost += [f"{i}: {sent[i]} in, {got[i]} out" for i in sent if got[i] != sent[i]]


def faults(tally: Tally, seed: int, workers: int, options: Options) -> dict:
    """Corrupt lines, killed workers, a torn output file and a resume: nothing lost."""
    import multiprocessing as mp

    corpus = _corpus()
    with tempfile.TemporaryDirectory(prefix="cleaner-soak-") as tmp:
        src, out = Path(tmp) / "faults.jsonl", Path(tmp) / "out"
        expected = []
        with open(src, "wb") as fh:
            for n, case in enumerate(cases(seed + 1, FAULT_RECORDS, corpus)):
                content = case.record.content
                if isinstance(content, bytes):
                    content = content.decode("utf-8", "replace")
                key = "html" if case.record.kind == "html" else "text"
                fh.write(json.dumps({"id": case.record.id, "url": case.record.url,
                                     key: content}).encode("utf-8") + b"\n")
                expected.append(case.record.id)
                if n % CORRUPT_EVERY == 0:
                    fh.write(b'{"id": "torn-' + str(n).encode() + b'", "text": "\x00\xff\n')
                    expected.append(f"faults.jsonl#{len(expected) + 1}")
        kills = [0]
        seen = [0]

        def on_result(item, outcome):
            seen[0] += 1
            if workers and seen[0] % KILL_EVERY == 0:
                victims = [p for p in mp.active_children() if p.name == "cleaner-worker"]
                if victims:
                    os.kill(victims[0].pid, signal.SIGKILL)
                    kills[0] += 1

        run_batch(read_inputs([str(src)]), out_dir=out, workers=workers, options=options,
                  on_result=on_result)
        shard = out / "faults.jsonl"
        data = shard.read_bytes()
        cut = data.rfind(b"\n", 0, len(data) * 2 // 3)
        shard.write_bytes(data[: cut + 1] + data[cut + 1: cut + 40])  # a torn last line
        resumed = run_batch(read_inputs([str(src)]), out_dir=out, workers=workers,
                            options=options, resume=True)
        # split on "\n" only: str.splitlines() would also cut at a raw U+2028 inside a string
        lines = [x for x in shard.read_text(encoding="utf-8").split("\n") if x]
        got = Counter(json.loads(x)["id"] for x in lines)
        want = Counter(expected)
        lost = [f"{i}: {want[i]} in, {got[i]} out" for i in want if got[i] != want[i]]
        extra = [f"{i}: not an input, {got[i]} out" for i in got if i not in want]
        tally.lost += lost + extra
        died = sum(WORKER_DIED in x for x in lines)
        tally.tried += len(expected)
        return {"records": len(expected), "worker_kills": kills[0], "died_records": died,
                "corrupt_lines": sum(1 for x in expected if x.startswith("faults.jsonl#")),
                "resumed_skipped": resumed.skipped, "resumed_done": resumed.ok + resumed.errors}


def _attack_inputs(folder: Path) -> dict[str, str]:
    """Write the hostile inputs; returns id -> the status each must end with."""
    import gzip
    import zlib

    from tests.batch_support import warc_record

    folder.mkdir(parents=True)
    body = ("A paragraph long enough to be the body of an article, with a clause and a full "
            "stop at its end.")
    page = f"<html><body><article><h1>Title</h1><p>{body}</p></article></body></html>"
    want: dict[str, str] = {}
    # a gzip bomb: one JSONL line that expands to ATTACK_BOMB_BYTES
    with open(folder / "bomb.jsonl.gz", "wb") as fh:
        z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        fh.write(z.compress(b'{"id": "bomb", "text": "'))
        block = b"a" * (1 << 20)
        for _ in range(ATTACK_BOMB_BYTES >> 20):
            fh.write(z.compress(block))
        fh.write(z.compress(b'"}\n{"id": "after-bomb", "html": ' + json.dumps(page).encode()
                            + b'}\n'))
        fh.write(z.flush())
    want.update({"bomb.jsonl.gz#1": "error", "after-bomb": "ok"})
    # a 500 MB plain line, then a good record
    with open(folder / "giant-line.jsonl", "wb") as fh:
        fh.write(b'{"id": "giant", "text": "')
        block = b"b" * (1 << 20)
        for _ in range(ATTACK_LINE_BYTES >> 20):
            fh.write(block)
        fh.write(b'"}\n{"id": "after-giant", "html": ' + json.dumps(page).encode() + b'}\n')
    want.update({"giant-line.jsonl#1": "error", "after-giant": "ok"})
    # a WARC record of ATTACK_WARC_BYTES between two small ones, written in pieces
    with open(folder / "big.warc.gz", "wb") as fh:
        fh.write(gzip.compress(warc_record("http://x.example/w1", "w1",
                                           "2024-05-01T10:00:00Z", page.encode()), 1))
        with gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=1) as gz:
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
            gz.write((f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:w2>\r\n"
                      f"WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: http://x.example/w2"
                      f"\r\nContent-Type: application/http; msgtype=response\r\n"
                      f"Content-Length: {len(http) + ATTACK_WARC_BYTES}\r\n\r\n").encode())
            gz.write(http)
            block = b"c" * (1 << 20)
            for _ in range(ATTACK_WARC_BYTES >> 20):
                gz.write(block)
            gz.write(b"\r\n\r\n")
        fh.write(gzip.compress(warc_record("http://x.example/w3", "w3",
                                           "2024-05-01T10:00:00Z", page.encode()), 1))
    want.update({"urn:uuid:w1": "ok", "urn:uuid:w2": "error", "urn:uuid:w3": "ok"})
    # multi-member gzip page; ids with lone surrogates and raw CRs; our own output
    (folder / "members.html.gz").write_bytes(gzip.compress(page[:60].encode())
                                             + gzip.compress(page[60:].encode()))
    want["members.html.gz"] = "ok"
    (folder / "odd.jsonl").write_bytes(
        b'{"id": "\\ud800lone", "text": "Title\\n\\n' + body.encode() + b'"}\n'
        b'{"id": "cr", "text": "Title\\n\\nA raw\rCR inside. ' + body.encode() + b'"}\n')
    want.update({"\ud800lone": "ok", "cr": "ok"})
    own = {"id": "old", "text": body, "status": "ok", "removed": [], "related": [],
           "notes": []}
    (folder / "earlier.json").write_text(json.dumps(own), encoding="utf-8")
    want["earlier.json"] = "error"
    # a FIFO and a symlink to a file outside the folder
    os.mkfifo(folder / "pipe.txt")
    want["pipe.txt"] = "error"
    outside = folder.parent / "outside-secret.txt"
    outside.write_text("secret line that must not come out\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    want["link.txt"] = "error"
    return want


# Runs `cleaner clean`, then writes the process's own peak RSS (VmHWM: since exec, unlike
# ru_maxrss, which keeps the forked parent's pages) to the file named first.
_CHILD = """import sys
from cleaner.commands.main import main
code = main(["clean", *sys.argv[2:]])
hwm = [x for x in open("/proc/self/status") if x.startswith("VmHWM:")]
open(sys.argv[1], "w").write(hwm[0].split()[1] if hwm else "0")
sys.exit(code)
"""


def _child_run(argv: list[str]) -> tuple[int, float, float]:
    """`cleaner clean ARGV` in a child process: (exit code, peak RSS in MB, seconds)."""
    import subprocess

    started = time.monotonic()
    with tempfile.NamedTemporaryFile(prefix="cleaner-rss-") as rss:
        code = subprocess.call([sys.executable, "-c", _CHILD, rss.name, *argv],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kb = Path(rss.name).read_text() or "0"
    return code, int(kb) / 1024, time.monotonic() - started


def attacks(tally: Tally, workers: int) -> dict:
    """Part 3: hostile inputs and operator mistakes through the CLI; see the docstring."""
    import threading

    with tempfile.TemporaryDirectory(prefix="cleaner-attack-") as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        want = _attack_inputs(src)
        code, rss, seconds = _child_run([str(src), "--out", str(out), "--workers",
                                         str(workers), "-q"])
        lines = [json.loads(x) for f in sorted(out.glob("*.jsonl"))
                 for x in f.read_bytes().split(b"\n") if x]
        got = Counter(r["id"] for r in lines)
        status = {r["id"]: r["status"] for r in lines}
        tally.tried += len(want)
        tally.lost += [f"attack {i!r}: {got[i]} out" for i in want if got[i] != 1]
        tally.lost += [f"attack {i!r}: not an input" for i in got if i not in want]
        tally.crashes += [f"attack {i!r}: status {status.get(i)}, expected {s}"
                          for i, s in want.items() if i in status and status[i] != s]
        if code != 1:
            tally.crashes.append(f"attack run: exit code {code}, expected 1")
        if rss > ATTACK_MAX_RSS_MB:
            tally.crashes.append(f"attack run: parent peak RSS {rss:.0f} MB > "
                                 f"{ATTACK_MAX_RSS_MB} MB")
        if any("secret line" in (r.get("text") or "") for r in lines):
            tally.crashes.append("attack run: a file outside the input folder was read")
        # a resume adds nothing
        code2, _, _ = _child_run([str(src), "--out", str(out), "--resume", "-q"])
        again = sum(len(f.read_bytes().split(b"\n")) - 1 for f in out.glob("*.jsonl"))
        if again != len(lines):
            tally.lost.append(f"attack resume: {again} lines after, {len(lines)} before")
        # two runs on one folder at once: one runs, the other stops with exit code 2
        small = Path(tmp) / "small"
        small.mkdir()
        for n in range(CONCURRENT_DOCS):
            (small / f"{n}.txt").write_text(f"Title {n}\n\n" + "\n".join(
                body_text(n * 100 + k) for k in range(40)), encoding="utf-8")  # ~5 ms each
        both = Path(tmp) / "both"
        codes: list[int] = []
        argv = [str(small), "--out", str(both), "--overwrite", "--workers", str(workers), "-q"]
        first = threading.Thread(target=lambda: codes.append(_child_run(argv)[0]))
        first.start()
        shard = both / "small.jsonl"
        while first.is_alive() and not shard.exists():
            time.sleep(0.01)  # the second run starts once the first has begun writing
        second_code = _child_run(argv)[0]
        first.join()
        codes.append(second_code)
        written = [json.loads(x)["id"] for f in both.glob("*.jsonl")
                   for x in f.read_bytes().split(b"\n") if x]
        whole = Counter(written) == Counter(f"{n}.txt" for n in range(CONCURRENT_DOCS))
        if codes != [0, 2] or not whole:
            tally.lost.append(f"concurrent runs: exit codes {codes} (first, second), "
                              f"{len(written)} lines ({len(set(written))} ids) for "
                              f"{CONCURRENT_DOCS} inputs")
        tally.tried += CONCURRENT_DOCS
        # a symlink planted as an output shard is not followed
        victim = Path(tmp) / "victim.txt"
        victim.write_text("precious\n", encoding="utf-8")
        planted = Path(tmp) / "planted"
        planted.mkdir()
        (planted / "small.jsonl").symlink_to(victim)
        code3, _, _ = _child_run([str(small), "--out", str(planted), "--overwrite", "-q"])
        if victim.read_text(encoding="utf-8") != "precious\n" or code3 != 2:
            tally.crashes.append(f"planted shard symlink: exit {code3}, victim "
                                 f"{'changed' if victim.read_text() != 'precious' else 'kept'}")
        return {"inputs": len(want), "exit_code": code, "parent_peak_rss_mb": round(rss),
                "seconds": round(seconds, 1), "concurrent_exit_codes": codes,
                "planted_symlink_exit_code": code3}


def body_text(n: int) -> str:
    return (f"Paragraph {n} is long enough to be the body of an article, with a clause and "
            "a full stop at its end.")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=DEFAULT_INPUTS)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--workers", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    ap.add_argument("--timeout", type=float, default=Options().timeout_seconds,
                    help="per-document time limit in seconds (a document over it is a hang)")
    ap.add_argument("--no-giants", action="store_true")
    ap.add_argument("--no-faults", action="store_true")
    ap.add_argument("--no-attacks", action="store_true")
    ap.add_argument("--json", metavar="FILE", help="also write the summary as JSON")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.CRITICAL)  # expected failures log; the tally reports
    options = Options(timeout_seconds=args.timeout)
    tally = Tally()
    t0 = time.monotonic()
    # first, while this process is small and has no workers: part 3's child is measured alone
    attack_report = {} if args.no_attacks else attacks(tally, args.workers)
    print(f"soak: {args.inputs} generated inputs (seed {args.seed}) on {args.workers} "
          f"worker(s), {args.timeout:g} s per document", file=sys.stderr, flush=True)
    t_fuzz = time.monotonic()
    fuzz(tally, args.seed, args.inputs, args.workers, options, not args.no_giants)
    fuzz_s = time.monotonic() - t_fuzz
    fault_report = {} if args.no_faults else faults(tally, args.seed, args.workers, options)
    summary = {
        "inputs_tried": tally.tried, "crashes": len(tally.crashes), "hangs": len(tally.hangs),
        "records_lost": len(tally.lost), "results": dict(tally.status),
        "fuzz_seconds": round(fuzz_s, 1), "wall_seconds": round(time.monotonic() - t0, 1),
        "seed": args.seed, "workers": args.workers, "faults": fault_report,
        "attacks": attack_report,
    }
    for label, found in (("crash", tally.crashes), ("hang", tally.hangs),
                         ("lost", tally.lost)):
        for line in found[:20]:
            print(f"{label}: {line[:300]}")
    print(f"inputs tried: {summary['inputs_tried']}")
    print(f"crashes: {summary['crashes']}")
    print(f"hangs: {summary['hangs']}")
    print(f"records lost: {summary['records_lost']}")
    print(f"results: {dict(tally.status)}; wall time {summary['wall_seconds']} s "
          f"(fuzz {summary['fuzz_seconds']} s)")
    if fault_report:
        print("faults: " + ", ".join(f"{k} {v}" for k, v in fault_report.items()))
    if attack_report:
        print("attacks: " + ", ".join(f"{k} {v}" for k, v in attack_report.items()))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 1 if tally.crashes or tally.hangs or tally.lost else 0


if __name__ == "__main__":
    sys.exit(main())
