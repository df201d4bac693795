"""The local runner: stream input items through `clean_record`, in order, on N processes.

Why it is built this way:
- Every input item becomes exactly one output line, in input order, so a shard's output
  lines up with its input and `--resume` can skip by id.
- Workers are separate processes (forkserver/spawn, never fork: a forked copy of a parent
  holding open shard files and threads is a liability). Each loads the rules once.
- Work travels in chunks (one message out, one back, per chunk of documents): with two
  workers on two cores every millisecond the parent spends per document is taken from them.
- At most `window` items (and bytes) are in flight or waiting to be written, so memory does
  not grow with the input size.
- A worker that overruns the per-document time limit is killed and replaced, so even a page
  stuck in C code (a parser on a nesting bomb) cannot stall the run; in-process runs use the
  guard in `timelimit` instead. Either way the document becomes an error record naming the
  limit.
- Output is whole lines only; SIGINT/SIGTERM stop the run between lines and flush. After a
  kill -9 the last line may be torn: `--resume` truncates it before reading the done ids.
- One run at a time per output folder (an flock on the folder); shards are opened without
  following symlinks; two inputs never share a shard by accident of their names; ids are
  written byte-exact (a lone surrogate as its JSON escape), so `--resume` finds them again.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import logging
import multiprocessing as mp
import os
import queue
import re
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import BinaryIO, TextIO

from cleaner.core.errors import LimitError
from cleaner.core.records import InputRecord, Result
from cleaner.core.timelimit import time_limit, time_limit_message
from cleaner.engine.options import DEFAULT_OPTIONS, Options
from cleaner.ingest.items import Item
from cleaner.rulebook.loader import load_rules_for
from cleaner.rulebook.model import RuleSet

log = logging.getLogger(__name__)

# Documents go to a worker in chunks, and come back as one message per chunk: one pipe
# round trip, one thread hand-off and one pickle per chunk instead of per document. On the
# 2-core box that took the parent from ~0.3 to ~0.1 ms of CPU per text document, which is
# CPU the two workers need (`python -m bench.run --html-docs 0`). A chunk is cut short at
# CHUNK_BYTES of input, so big pages travel alone.
CHUNK_DOCS = 16
CHUNK_BYTES = 256 << 10
# Chunks a worker holds: the one it is cleaning and the next, so it never waits on the pipe.
CHUNKS_AHEAD = 2
# Items read ahead per worker (in flight plus finished but waiting for an earlier one to be
# written). Bounds memory (peak RSS flat from 20k to 100k records, `bench.run --memory`)
# while a worker is stuck on one slow page: the others go on meanwhile.
WINDOW_PER_WORKER = CHUNK_DOCS * CHUNKS_AHEAD * 2
# ... and at most this much input per worker, so a run of 20 MB pages cannot hold 64 of them.
WINDOW_BYTES_PER_WORKER = 32 << 20
# Longest a wait blocks, so a SIGINT/SIGTERM is acted on promptly (seconds).
POLL_SECONDS = 0.25
# Shard files are flushed at least this often (seconds), so a crash loses little work.
FLUSH_SECONDS = 1.0
# Open output shards kept at once; inputs of one shard arrive together, so few are needed.
MAX_OPEN_SHARDS = 32
CONTAINER_SUFFIXES = (".jsonl.gz", ".jsonl", ".ndjson", ".warc.gz", ".warc")
SPECIAL_SHARDS = {"-": "stdin", "<fetch>": "fetched"}


class WorkerStartError(RuntimeError):
    """A worker died before it was ready (an import or rule load failing in the child)."""


class OutputError(RuntimeError):
    """The output folder cannot be used for this run (another run holds it, or it holds an
    earlier run's output and neither resume nor overwrite was asked for)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the parent needs from a cleaned record: its JSON line and summary counts. The
    line is UTF-8 bytes with its newline, encoded once where it is made (the worker), so the
    parent only copies it to the file."""

    id: str
    data: bytes
    status: str
    error: str | None
    categories: tuple[tuple[str, int], ...] = ()


@dataclass(slots=True)
class Summary:
    ok: int = 0
    errors: int = 0
    skipped: int = 0  # already in the output (--resume)
    removed: Counter = field(default_factory=Counter)
    interrupted: int | None = None  # the signal that stopped the run, if any

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "ok":
            self.ok += 1
        else:
            self.errors += 1
        for category, n in outcome.categories:
            self.removed[category] += n

    def render(self) -> str:
        head = f"cleaner: {self.ok} ok, {self.errors} errors"
        if self.skipped:
            head += f", {self.skipped} already done (resumed)"
        if self.interrupted:
            head += f"; interrupted by {signal.Signals(self.interrupted).name}, output flushed"
        cats = ", ".join(f"{c} {n}" for c, n in sorted(self.removed.items()))
        return head + (f"\nremovals by category: {cats}" if cats else "")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(obj: object, indent: int | None = None) -> str:
    """JSON with non-ASCII kept as is, except lone surrogates (an id read from JSON
    `"\\ud800..."`), which no UTF-8 writer takes: they stay JSON escapes, so the text reads
    back to the same string (and `--resume` matches the id) instead of a '?'."""
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    if text.isascii() or not _LONE_SURROGATE.search(text):
        return text
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def result_line(result: Result) -> bytes:
    """The one JSONL serialisation every runner writes (Dask output must equal local)."""
    text = json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: see json_text
        return (json_text(result.to_dict()) + "\n").encode("utf-8")


def outcome_of(result: Result) -> Outcome:
    cats = Counter(r.category for r in result.removed)
    return Outcome(result.id, result_line(result), result.status, result.error,
                   tuple(sorted(cats.items())))


def size_limit_message(name: str, size: int, max_bytes: int) -> str:
    return f"{name}: {size} bytes is over the size limit of {max_bytes} bytes (max_bytes)"


def precheck(item: Item, options: Options) -> Result | None:
    """The error record for an item that never reaches a worker (unreadable or too big)."""
    record = item.record
    if record is None:
        return replace(Result.failure(item.id, item.url, item.error or f"{item.id}: unreadable "
                                      "input", item.date), input=item.origin)
    size = len(record.content)
    if size > options.max_bytes:
        return replace(Result.failure(record.id, record.url,
                                      size_limit_message(record.name, size, options.max_bytes),
                                      record.captured), input=record.origin)
    return None


def clean_item(item: Item, rules: RuleSet, options: Options = DEFAULT_OPTIONS,
               guard: bool = False) -> Result:
    """One item to one result; never raises. `guard` adds the in-process time limit."""
    from cleaner.engine.pipeline import clean_record

    early = precheck(item, options)
    if early is not None:
        return early
    record = item.record
    assert record is not None
    if not guard:
        return clean_record(record, rules, options)
    try:
        with time_limit(options.timeout_seconds, record.name):
            return clean_record(record, rules, options)
    except LimitError as exc:  # the alarm fired outside clean_record's own handler
        return replace(Result.failure(record.id, record.url, str(exc), record.captured),
                       input=record.origin)


# A small page run through the pipeline once at start-up, so that everything loaded or
# compiled on first use (trafilatura and its regexes, the HTML and text stages) is ready.
_WARM_PAGE = ("<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
              "<p>The town council met on Monday and voted to open a new library in the "
              "centre, the mayor said after a long meeting.</p><p>Building starts next "
              "year and should take two years, officials said.</p></article></body></html>")


def warm(rules: RuleSet, libraries: bool = False) -> None:
    """Build every site's merged rules now (an RE2 set compile each, up to ~0.3 s): a worker
    pays it at start-up instead of on its first page of each site, inside the time limit.
    With `libraries`, also load what an HTML page loads on first use (trafilatura's
    extractors and justext stoplists, ftfy: about 0.6 s and 16 MB, measured with cProfile
    and RSS). langdetect's profiles stay lazy: 67 MB a process for 0.5 s once, and text runs
    seldom reach langdetect at all."""
    for site in (None, *rules.sites):
        rules.active(site)
    if libraries:
        import ftfy  # noqa: F401 - imported on the first page with mojibake otherwise

        from cleaner.engine.pipeline import clean_record
        from cleaner.markup.extract import warm_trafilatura

        warm_trafilatura()
        clean_record(InputRecord("warm-up", _WARM_PAGE, "https://warm-up.invalid/", "html"),
                     rules)


# ---------------------------------------------------------------- worker processes

# A worker's progress, shared with the parent without a message: the sequence number of the
# document it is cleaning and when it started (time.monotonic(), the same clock in every
# process; 0.0 while it is between chunks). The parent reads it to enforce the per-document
# time limit and to name the document a dying worker was on.
_SEQ, _STARTED = 0, 1
# An InputRecord as a tuple of its fields, in declaration order (InputRecord(*t) rebuilds it)
_record_fields = attrgetter(*(f.name for f in fields(InputRecord)))


def _worker_main(tasks, results, progress, rule_paths: tuple[str, ...] | None,
                 options: Options) -> None:
    """A worker: load the rules once, then clean chunks of records until told to stop."""
    # The parent decides when to stop (a SIGTERM to the process group must not turn the
    # documents in flight into "worker died" error records); it ends us with SIGKILL or EOF.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    from cleaner.engine.pipeline import clean_record

    rules = load_rules_for(rule_paths)
    warm(rules, libraries=True)
    results.send("ready")  # the time limit counts from here, not from the process start
    while True:
        try:
            chunk = tasks.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        done = []
        for seq, *values in chunk:
            record = InputRecord(*values)
            # in this order, so the parent never pairs one document's number with the
            # previous one's start (it reads the number, the start, the number again)
            progress[_STARTED] = 0.0
            progress[_SEQ] = seq
            progress[_STARTED] = time.monotonic()
            o = outcome_of(clean_record(record, rules, options))
            # plain tuples: a slots dataclass pickles several times slower
            done.append((seq, o.id, o.data, o.status, o.error, o.categories))
        progress[_STARTED] = 0.0
        results.send(done)


def _context():
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        # workers fork from a server that has imported the pipeline once, so each new
        # worker (and each replacement after a time-out) starts without re-importing it
        ctx.set_forkserver_preload(["cleaner.engine.pipeline", "cleaner.markup.flow"])
        return ctx
    return mp.get_context("spawn")


class _Worker:
    """One worker process. Chunks go out on their own pipe from a sender thread, results come
    back on another, read by the main loop: the parent never blocks on a send, so a large
    chunk going out and a large result coming back cannot deadlock on two full pipes."""

    def __init__(self, ctx, rule_paths, options) -> None:
        task_r, task_w = ctx.Pipe(duplex=False)
        result_r, result_w = ctx.Pipe(duplex=False)
        self.progress = ctx.Array("d", 2, lock=False)
        self.proc = ctx.Process(target=_worker_main,
                                args=(task_r, result_w, self.progress, rule_paths, options),
                                daemon=True, name="cleaner-worker")
        self.proc.start()
        task_r.close()
        result_w.close()
        self.conn = result_r
        self._tasks = task_w
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self._sender = threading.Thread(target=self._send_loop, daemon=True,
                                        name="cleaner-sender")
        self._sender.start()
        self.chunks: deque[list[int]] = deque()  # seqs of the chunks sent, oldest first
        self.ready = False  # set when the worker has loaded its rules

    def _send_loop(self) -> None:
        try:
            while True:
                msg = self._outbox.get()
                self._tasks.send(msg)
                if msg is None:
                    return
        except (OSError, ValueError):  # the worker is gone; its results side reports it
            return
        finally:
            self._tasks.close()

    def send(self, chunk: list[tuple[int, InputRecord]]) -> None:
        self.chunks.append([seq for seq, _ in chunk])
        # plain tuples: a slots dataclass pickles several times slower
        self._outbox.put([(seq, *_record_fields(r)) for seq, r in chunk])

    def current(self) -> tuple[int, float] | None:
        """(seq, started) of the document being cleaned, or None between documents."""
        seq = self.progress[_SEQ]
        started = self.progress[_STARTED]
        if not started or self.progress[_SEQ] != seq:  # moved on while we looked
            return None
        return int(seq), started

    def unfinished(self) -> list[int]:
        return [seq for chunk in self.chunks for seq in chunk]

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self._outbox.put(None)
        self._sender.join(5)
        self.conn.close()

    def stop(self) -> None:
        self._outbox.put(None)
        self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(2)
        self._sender.join(5)
        self.conn.close()


def _inline_outcomes(items: Iterable[Item], rules: RuleSet, options: Options,
                     stop: Callable[[], bool]) -> Iterator[tuple[Item, Outcome]]:
    for item in items:
        if stop():
            return
        yield item, outcome_of(clean_item(item, rules, options, guard=True))


def _pool_outcomes(items: Iterable[Item], workers: int, rule_paths: tuple[str, ...] | None,
                   options: Options, stop: Callable[[], bool]) -> Iterator[tuple[Item, Outcome]]:
    ctx = _context()
    pool = [_Worker(ctx, rule_paths, options) for _ in range(workers)]
    window = workers * WINDOW_PER_WORKER
    window_bytes = workers * WINDOW_BYTES_PER_WORKER
    held = 0  # input bytes of the items in `pending`
    pending: dict[int, list] = {}  # seq -> [item, outcome or None]
    queue: deque[int] = deque()  # seqs waiting for a worker
    it = iter(items)
    exhausted, next_seq, next_out = False, 0, 0
    timeout = options.timeout_seconds

    def next_chunk() -> list[tuple[int, InputRecord]]:
        chunk, size = [], 0
        while queue and len(chunk) < CHUNK_DOCS:
            record = pending[queue[0]][0].record
            size += len(record.content)
            if chunk and size > CHUNK_BYTES:
                break
            chunk.append((queue.popleft(), record))
        return chunk

    def fail_one(w: _Worker, culprit: int, message_for: Callable[[InputRecord], str]) -> _Worker:
        """Give the document the worker was on an error record, requeue the rest of what it
        held (cleaned again by its replacement), and replace it."""
        record = pending[culprit][0].record
        pending[culprit][1] = outcome_of(replace(
            Result.failure(record.id, record.url, message_for(record), record.captured),
            input=record.origin))
        queue.extendleft(reversed([s for s in w.unfinished() if s != culprit]))
        w.kill()
        return _Worker(ctx, rule_paths, options)

    try:
        while not stop():
            while not exhausted and next_seq - next_out < window and (
                    held < window_bytes or next_seq == next_out):
                try:
                    item = next(it)
                except StopIteration:
                    exhausted = True
                    break
                early = precheck(item, options)
                pending[next_seq] = [item, outcome_of(early) if early else None]
                if early is None:
                    queue.append(next_seq)
                if item.record is not None:
                    held += len(item.record.content)
                next_seq += 1
            for w in pool:
                while queue and len(w.chunks) < CHUNKS_AHEAD:
                    w.send(next_chunk())
            while next_out in pending and pending[next_out][1] is not None:
                item, outcome = pending.pop(next_out)
                next_out += 1
                if item.record is not None:
                    held -= len(item.record.content)
                yield item, outcome
            if exhausted and next_out == next_seq:
                return
            busy = [w for w in pool if w.chunks]
            if not busy:
                continue
            now = time.monotonic()
            wait_for = POLL_SECONDS
            if timeout > 0:
                for w in busy:
                    cur = w.current() if w.ready else None
                    if cur is not None:
                        wait_for = min(wait_for, max(0.0, cur[1] + timeout - now))
            ready = mp.connection.wait([w.conn for w in busy], timeout=wait_for)
            for i, w in enumerate(pool):
                if w.conn not in ready:
                    continue
                try:
                    while w.conn.poll():
                        msg = w.conn.recv()
                        if msg == "ready":
                            w.ready = True
                            continue
                        w.chunks.popleft()
                        for seq, *values in msg:
                            pending[seq][1] = Outcome(*values)
                except (EOFError, OSError):
                    w.proc.join(1)
                    code = w.proc.exitcode
                    if not w.ready:  # broken at start-up: every replacement would be too
                        raise WorkerStartError(
                            f"a worker process failed to start (exit code {code}); run "
                            "with -v or --workers 0 to see why") from None
                    log.warning("worker %s died (exit code %s); replacing it", w.proc.pid, code)
                    if not w.chunks:  # died holding nothing (its last results came through)
                        w.kill()
                        pool[i] = _Worker(ctx, rule_paths, options)
                        continue
                    cur = w.current()
                    culprit = cur[0] if cur is not None else w.chunks[0][0]
                    pool[i] = fail_one(w, culprit, lambda r, code=code: (
                        f"{r.name}: the worker process died while cleaning it "
                        f"(exit code {code})"))
            if timeout > 0:
                now = time.monotonic()
                for i, w in enumerate(pool):
                    cur = w.current() if w.ready and w.chunks else None
                    if cur is not None and now - cur[1] > timeout:
                        log.warning("document over the time limit; replacing worker %s",
                                    w.proc.pid)
                        pool[i] = fail_one(w, cur[0],
                                           lambda r: time_limit_message(r.name, timeout))
    finally:
        for w in pool:
            if w.chunks:
                w.kill()
            else:
                w.stop()


def iter_outcomes(items: Iterable[Item], workers: int = 0,
                  rule_paths: tuple[str, ...] | None = None,
                  options: Options = DEFAULT_OPTIONS,
                  stop: Callable[[], bool] = lambda: False) -> Iterator[tuple[Item, Outcome]]:
    """(item, outcome) for every item, in input order. workers=0 cleans in this process."""
    if workers <= 0:
        rules = load_rules_for(rule_paths)
        if options.timeout_seconds > 0:
            warm(rules)  # as workers do: the first page of a site must not pay for its rules
        return _inline_outcomes(items, rules, options, stop)
    return _pool_outcomes(items, workers, rule_paths, options, stop)


# ---------------------------------------------------------------- output shards and resume


def shard_name(shard: str) -> str:
    """Output shard for an input: a JSONL/WARC file keeps its name; loose documents go to
    a shard named after their folder; stdin and fetched URLs have their own."""
    if shard in SPECIAL_SHARDS:
        return SPECIAL_SHARDS[shard]
    folder, name = os.path.split(shard)  # called per document: no pathlib parsing here
    if not name:  # a path ending in a separator
        folder, name = os.path.split(str(Path(shard)))
    low = name.lower()
    for suffix in CONTAINER_SUFFIXES:
        if low.endswith(suffix):
            return name[: -len(suffix)] or "shard"
    return _folder_shard(folder)


@lru_cache(maxsize=256)
def _folder_shard(folder: str) -> str:
    return Path(folder).name or Path.cwd().name or "documents"


@lru_cache(maxsize=4096)
def _source_key(shard: str) -> str:
    """What one shard holds: a container file, or the loose documents of one folder."""
    if shard in SPECIAL_SHARDS:
        return shard
    low = shard.lower()
    path = shard if low.endswith(CONTAINER_SUFFIXES) else os.path.dirname(shard)
    return os.path.abspath(path or ".")


class ShardNamer:
    """Output shard names that cannot collide: the first source to want a name gets it; a
    different source wanting the same one (`x/pages` and `y/pages`) gets the name plus a
    hash of its absolute path. The same inputs in the same order give the same names, so
    `--resume` finds its shards again."""

    def __init__(self) -> None:
        self.by_key: dict[str, str] = {}
        self.owner: dict[str, str] = {}

    def __call__(self, shard: str) -> str:
        key = _source_key(shard)
        name = self.by_key.get(key)
        if name is None:
            name = base = shard_name(shard)
            digest = hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()
            digits = 8
            while name in self.owner:
                name = f"{base}-{digest[:digits]}"
                digits += 4
            self.by_key[key] = name
            self.owner[name] = key
        return name


def _open_nofollow(path: Path, flags: int) -> int:
    """os.open that refuses a symlink (planted as a shard, it would aim our writes, or
    --resume's truncation, at its target)."""
    try:
        return os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OSError(errno.ELOOP, "output file is a symlink; refusing to follow it",
                          str(path)) from None
        raise


def repair_and_scan(path: Path) -> Counter:
    """Ids already written to one output shard. A torn or corrupt tail (a kill -9 mid-write)
    is cut back to the last whole, parseable line, so the file is valid JSONL again."""
    done: Counter = Counter()
    good_end = 0
    with os.fdopen(_open_nofollow(path, os.O_RDWR), "r+b") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                done[json.loads(raw)["id"]] += 1
            except (ValueError, KeyError, TypeError):
                break
            good_end += len(raw)
        size = os.fstat(fh.fileno()).st_size
        if size != good_end:
            log.warning("%s: cutting a torn or corrupt tail (%d bytes)", path, size - good_end)
            fh.truncate(good_end)
    return done


@contextmanager
def claim_output(out_dir: str | Path, resume: bool, overwrite: bool = True) -> Iterator[Path]:
    """The output folder, created if needed and held for this run: a second run on it stops
    with OutputError instead of interleaving its lines with ours. Without resume or
    overwrite, a folder that already holds output is refused."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"output folder {out} is in use by another cleaner run; wait "
                              "for it to end or choose another --out") from None
        if not (resume or overwrite) and any(not n.startswith(".") for n in os.listdir(out)):
            raise OutputError(f"output folder {out} already holds output; pass --resume to "
                              "add what is missing or --overwrite to replace it")
        yield out
    finally:
        os.close(fd)


class ShardWriter:
    """Appends lines to OUT/<shard>.jsonl; truncates a shard on first use unless resuming."""

    def __init__(self, out_dir: Path, resume: bool) -> None:
        self.out_dir = out_dir
        self.resume = resume
        self.started: set[str] = set()
        self.done: dict[str, Counter] = {}
        self.handles: dict[str, BinaryIO] = {}
        self.last_flush = time.monotonic()
        out_dir.mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        return self.out_dir / f"{name}.jsonl"

    def already_done(self, name: str, id: str) -> bool:
        """True (once per copy) for an id the shard already holds; loads it on first use."""
        if not self.resume:
            return False
        if name not in self.done:
            p = self.path(name)
            self.done[name] = repair_and_scan(p) if os.path.lexists(p) else Counter()
        counter = self.done[name]
        if counter.get(id, 0) > 0:
            counter[id] -= 1
            return True
        return False

    def write(self, name: str, data: bytes) -> None:
        fh = self.handles.get(name)
        with self._named(name):
            if fh is None:
                if len(self.handles) >= MAX_OPEN_SHARDS:
                    oldest = next(iter(self.handles))
                    self._close_one(oldest, self.handles.pop(oldest))
                append = self.resume or name in self.started
                flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
                fd = _open_nofollow(self.path(name), flags)
                self.started.add(name)
                fh = self.handles[name] = os.fdopen(fd, "ab" if append else "wb")
            fh.write(data)
        now = time.monotonic()
        if now - self.last_flush > FLUSH_SECONDS:
            self.flush()
            self.last_flush = now

    @contextmanager
    def _named(self, name: str) -> Iterator[None]:
        """A write error (a full disk) names the shard file it hit."""
        try:
            yield
        except OSError as exc:
            if exc.filename:
                raise
            raise OSError(exc.errno, exc.strerror or str(exc), str(self.path(name))) from exc

    def _check_alive(self, name: str, fh: BinaryIO) -> None:
        """A shard deleted under us (its folder removed) would swallow every later line
        silently, since the open handle still accepts writes: fail instead."""
        if os.fstat(fh.fileno()).st_nlink == 0:
            raise OSError(errno.ENOENT, "output file was deleted during the run",
                          str(self.path(name)))

    def flush(self) -> None:
        for name, fh in self.handles.items():
            with self._named(name):
                fh.flush()
            self._check_alive(name, fh)

    def _close_one(self, name: str, fh: BinaryIO) -> None:
        try:
            with self._named(name):
                fh.flush()
            self._check_alive(name, fh)
        finally:
            try:
                fh.close()
            except OSError:
                pass  # the flush above already raised the real error

    def close(self) -> None:
        """Close every shard; raise the first write error (after closing them all)."""
        first: OSError | None = None
        for name, fh in self.handles.items():
            try:
                self._close_one(name, fh)
            except OSError as exc:
                first = first or exc
        self.handles.clear()
        if first is not None:
            raise first


@contextmanager
def stop_on_signals() -> Iterator[Callable[[], int | None]]:
    """SIGINT/SIGTERM set a flag instead of killing the run; yields a function reading it."""
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return

    def on_signal(signum, frame):  # noqa: ARG001
        caught.append(signum)

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield lambda: caught[0] if caught else None
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


def run_batch(items: Iterable[Item], *, out_dir: str | Path | None = None,
              stream: TextIO | None = None, workers: int = 0,
              rule_paths: Iterable[str] | None = None, options: Options = DEFAULT_OPTIONS,
              resume: bool = False, progress=None,
              on_error: Callable[[str], None] | None = None,
              on_result: Callable[[Item, Outcome], None] | None = None,
              overwrite: bool = True, claim: bool = True,
              names: Callable[[str], str] | None = None) -> Summary:
    """Clean every item and write one JSON line each: to OUT/<shard>.jsonl with `out_dir`,
    else to `stream`, else to `on_result`. Returns the summary; never raises on bad input.
    With `out_dir`, the folder is held for the run (`claim_output`) unless `claim` is False
    (the caller holds it, as the Dask engine does); `overwrite=False` refuses a folder that
    already holds output unless resuming."""
    if resume and out_dir is None:
        raise ValueError("resume needs an output directory")
    if out_dir is not None and claim:
        with claim_output(out_dir, resume, overwrite):
            return run_batch(items, out_dir=out_dir, workers=workers, rule_paths=rule_paths,
                             options=options, resume=resume, progress=progress,
                             on_error=on_error, on_result=on_result, claim=False, names=names)
    summary = Summary()
    writer = ShardWriter(Path(out_dir), resume) if out_dir is not None else None
    paths = tuple(rule_paths) if rule_paths else None
    shard_of = names or ShardNamer()

    with stop_on_signals() as caught:
        def todo() -> Iterator[Item]:
            for item in items:
                if resume and writer is not None and writer.already_done(
                        shard_of(item.shard), item.id):
                    summary.skipped += 1
                    continue
                yield item

        try:
            for item, outcome in iter_outcomes(todo(), workers, paths, options,
                                               stop=lambda: caught() is not None):
                if writer is not None:
                    writer.write(shard_of(item.shard), outcome.data)
                elif stream is not None:
                    stream.write(outcome.data.decode("utf-8"))
                if on_result is not None:
                    on_result(item, outcome)
                summary.add(outcome)
                if progress is not None:
                    progress.update(outcome.status == "ok")
                if outcome.status != "ok" and on_error is not None:
                    on_error(outcome.error or outcome.id)
        finally:
            if writer is not None:
                writer.close()
            elif stream is not None:
                stream.flush()
            if progress is not None:
                progress.close()
        summary.interrupted = caught()
    return summary


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)
