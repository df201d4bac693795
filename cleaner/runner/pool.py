"""The worker pool of the local runner: N processes, documents in chunks, results in input
order, a per-document time limit enforced from outside.

- Workers are separate processes (forkserver/spawn, never fork: a forked copy of a parent
  holding open shard files and threads is a liability). Each loads the rules once.
- Work travels in chunks (one message out, one back, per chunk of documents): with two
  workers on two cores every millisecond the parent spends per document is taken from them.
- At most `window` items (and bytes) are in flight or waiting to be written, so memory does
  not grow with the input size.
- A worker that overruns the per-document time limit is killed and replaced, so even a page
  stuck in C code (a parser on a nesting bomb) cannot stall the run. A worker that dies
  takes only the document it was on: the rest of what it held is cleaned again.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing as mp
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, replace
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from operator import attrgetter
from typing import Any

from cleaner.core.records import InputRecord, Result
from cleaner.core.timelimit import time_limit_message
from cleaner.engine.options import Options
from cleaner.engine.pipeline import clean_record
from cleaner.engine.warmup import warm
from cleaner.ingest.items import Item
from cleaner.rulebook.loader import load_rules_for
from cleaner.runner.item import precheck
from cleaner.runner.outcome import Outcome, outcome_of

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


class WorkerStartError(RuntimeError):
    """A worker died before it was ready (an import or rule load failing in the child)."""

    def __init__(self, exit_code: int | None) -> None:
        super().__init__(f"a worker process failed to start (exit code {exit_code})")
        self.exit_code = exit_code


# ---------------------------------------------------------------- one worker process

# document it is cleaning and when it started (time.monotonic(), the same clock in every
# process; 0.0 while it is between chunks). The parent reads it to enforce the per-document
# time limit and to name the document a dying worker was on.
_SEQ, _STARTED = 0, 1
# An InputRecord as a tuple of its fields, in declaration order (InputRecord(*t) rebuilds it)
_record_fields = attrgetter(*(f.name for f in fields(InputRecord)))


def _worker_main(tasks: Connection, results: Connection, progress: Any,
                 rule_paths: tuple[str, ...] | None, options: Options) -> None:
    """A worker: load the rules once, then clean chunks of records until told to stop."""
    # The parent decides when to stop (a SIGTERM to the process group must not turn the
    # documents in flight into "worker died" error records); it ends us with SIGKILL or EOF.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    rules = load_rules_for(rule_paths)
    warm(rules, libraries=True)
    # What warm-up loaded (rules, trafilatura, lxml: most of the worker's objects) lives as
    # long as the worker: frozen, a full collection no longer walks it for each page's few.
    gc.collect()
    gc.freeze()
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


def context() -> BaseContext:
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

    def __init__(self, ctx: Any, rule_paths: tuple[str, ...] | None,
                 options: Options) -> None:
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
        self._outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
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


class _Pool:
    """The parent's side of a run on worker processes. Items are read ahead into `pending`
    (seq -> [item, outcome or None]) up to the window, their seqs queued for the workers;
    outcomes are yielded in seq order as they complete."""

    def __init__(self, items: Iterable[Item], workers: int,
                 rule_paths: tuple[str, ...] | None, options: Options) -> None:
        self.ctx = context()
        self.rule_paths, self.options = rule_paths, options
        self.workers = [self._new_worker() for _ in range(workers)]
        self.window = workers * WINDOW_PER_WORKER
        self.window_bytes = workers * WINDOW_BYTES_PER_WORKER
        self.held = 0  # input bytes of the items in `pending`
        self.pending: dict[int, list[Any]] = {}  # seq -> [item, outcome or None]
        self.queue: deque[int] = deque()  # seqs waiting for a worker
        self.items = iter(items)
        self.exhausted, self.next_seq, self.next_out = False, 0, 0
        self.timeout = options.timeout_seconds

    def _new_worker(self) -> _Worker:
        return _Worker(self.ctx, self.rule_paths, self.options)

    def run(self, stop: Callable[[], bool]) -> Iterator[tuple[Item, Outcome]]:
        try:
            while not stop():
                self._read_ahead()
                self._dispatch()
                yield from self._finished()
                if self.exhausted and self.next_out == self.next_seq:
                    return
                busy = [w for w in self.workers if w.chunks]
                if not busy:
                    continue
                ready = mp.connection.wait([w.conn for w in busy], timeout=self._wait_for(busy))
                for i, w in enumerate(self.workers):
                    if w.conn in ready:
                        self._receive(i, w)
                self._enforce_time_limit()
        finally:
            for w in self.workers:
                if w.chunks:
                    w.kill()
                else:
                    w.stop()

    def _read_ahead(self) -> None:
        """Pull items until the window (count and bytes) is full; an item that never needs
        a worker (unreadable, too big) gets its outcome here."""
        while not self.exhausted and self.next_seq - self.next_out < self.window and (
                self.held < self.window_bytes or self.next_seq == self.next_out):
            try:
                item = next(self.items)
            except StopIteration:
                self.exhausted = True
                return
            early = precheck(item, self.options)
            self.pending[self.next_seq] = [item, outcome_of(early) if early else None]
            if early is None:
                self.queue.append(self.next_seq)
            if item.record is not None:
                self.held += len(item.record.content)
            self.next_seq += 1

    def _dispatch(self) -> None:
        for w in self.workers:
            while self.queue and len(w.chunks) < CHUNKS_AHEAD:
                w.send(self._next_chunk())

    def _next_chunk(self) -> list[tuple[int, InputRecord]]:
        chunk: list[tuple[int, InputRecord]] = []
        size = 0
        while self.queue and len(chunk) < CHUNK_DOCS:
            record = self.pending[self.queue[0]][0].record
            size += len(record.content)
            if chunk and size > CHUNK_BYTES:
                break
            chunk.append((self.queue.popleft(), record))
        return chunk

    def _finished(self) -> Iterator[tuple[Item, Outcome]]:
        """The outcomes ready to go out, in input order."""
        while self.next_out in self.pending and self.pending[self.next_out][1] is not None:
            item, outcome = self.pending.pop(self.next_out)
            self.next_out += 1
            if item.record is not None:
                self.held -= len(item.record.content)
            yield item, outcome

    def _wait_for(self, busy: list[_Worker]) -> float:
        """How long to block on the workers: until the first document could overrun."""
        wait_for = POLL_SECONDS
        if self.timeout > 0:
            now = time.monotonic()
            for w in busy:
                cur = w.current() if w.ready else None
                if cur is not None:
                    wait_for = min(wait_for, max(0.0, cur[1] + self.timeout - now))
        return wait_for

    def _receive(self, i: int, w: _Worker) -> None:
        """Read what worker `i` sent; replace it if it died."""
        try:
            while w.conn.poll():
                msg = w.conn.recv()
                if msg == "ready":
                    w.ready = True
                    continue
                w.chunks.popleft()
                for seq, *values in msg:
                    self.pending[seq][1] = Outcome(*values)
        except (EOFError, OSError):
            w.proc.join(1)
            code = w.proc.exitcode
            if not w.ready:  # broken at start-up: every replacement would be too
                raise WorkerStartError(code) from None
            log.warning("worker %s died (exit code %s); replacing it", w.proc.pid, code)
            if not w.chunks:  # died holding nothing (its last results came through)
                w.kill()
                self.workers[i] = self._new_worker()
                return
            cur = w.current()
            culprit = cur[0] if cur is not None else w.chunks[0][0]
            self.workers[i] = self._fail_one(w, culprit, lambda r: (
                f"{r.name}: the worker process died while cleaning it (exit code {code})"))

    def _enforce_time_limit(self) -> None:
        if self.timeout <= 0:
            return
        now, timeout = time.monotonic(), self.timeout

        def message(record: InputRecord) -> str:
            return time_limit_message(record.name, timeout)

        for i, w in enumerate(self.workers):
            cur = w.current() if w.ready and w.chunks else None
            if cur is not None and now - cur[1] > timeout:
                log.warning("document over the time limit; replacing worker %s", w.proc.pid)
                self.workers[i] = self._fail_one(w, cur[0], message)

    def _fail_one(self, w: _Worker, culprit: int,
                  message_for: Callable[[InputRecord], str]) -> _Worker:
        """Give the document the worker was on an error record, requeue the rest of what it
        held (cleaned again by its replacement), and replace it."""
        record = self.pending[culprit][0].record
        self.pending[culprit][1] = outcome_of(replace(
            Result.failure(record.id, record.url, message_for(record), record.captured),
            input=record.origin))
        self.queue.extendleft(reversed([s for s in w.unfinished() if s != culprit]))
        w.kill()
        return self._new_worker()


def pool_outcomes(items: Iterable[Item], workers: int, rule_paths: tuple[str, ...] | None,
                  options: Options, stop: Callable[[], bool]) -> Iterator[tuple[Item, Outcome]]:
    """(item, outcome) for every item, in input order, cleaned on `workers` processes (started
    on the first `next`, stopped when the iteration ends)."""
    yield from _Pool(items, workers, rule_paths, options).run(stop)
