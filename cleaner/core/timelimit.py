"""The per-document time limit inside one process, in any thread.

Worker processes of the local runner are killed from outside when they overrun; this is the
guard for code that runs in-process: `--workers 0` (main thread: SIGALRM) and the Dask engine,
whose tasks run in worker threads where SIGALRM cannot reach. There, one watchdog thread per
process raises the overrun in the late thread (PyThreadState_SetAsyncExc). Both act between
Python bytecodes only: a page stuck inside C code is stopped when the call returns, which is
why untrusted crawls should run on worker processes.

An overrun is raised again every REPEAT_SECONDS until the block ends: an exception raised
asynchronously can land in a gc callback or a __del__ (distributed installs one), where
Python prints it and carries on. It is a BaseException, so `except Exception` in the
pipeline or a library does not stop it either; `time_limit` turns it into LimitError.

Arming and disarming is a dict update under a lock (about a microsecond); the watchdog wakes
on a poll interval instead of per document, so the guard costs nothing measurable per page.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from cleaner.core.errors import LimitError

# The watchdog looks at the deadlines this often at most, and at least four times per limit,
# so a document stops within a quarter of its limit of overrunning it.
POLL_SECONDS = 0.25
# An overrun that did not end the block (swallowed) is raised again after this long.
REPEAT_SECONDS = 0.05


def time_limit_message(name: str, seconds: float) -> str:
    return f"{name}: over the time limit of {seconds:g} s per document (timeout_seconds)"


class _Overrun(BaseException):
    """Raised in the overrunning thread; never escapes `time_limit`."""


def _raise_in(tid: int, exc: type[BaseException] | None) -> None:
    """Set (or with None, clear) the exception thread `tid` raises at its next bytecode."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid),
                                               ctypes.py_object(exc) if exc else None)


class _Watchdog:
    """Deadlines by token; a daemon thread raises _Overrun in each late thread, again and
    again, until that thread disarms its token."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._armed: dict[int, list[Any]] = {}  # token -> [next fire time, thread id]
        self._fired: set[int] = set()  # tokens raised at least once, not yet cleared
        self._poll = POLL_SECONDS
        self._next = 0
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float) -> int:
        with self._lock:
            self._next += 1
            token = self._next
            self._armed[token] = [time.monotonic() + seconds, threading.get_ident()]
            if seconds / 4 < self._poll:
                self._poll = max(0.01, seconds / 4)
                self._wake.set()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, daemon=True,
                                                name="cleaner-watchdog")
                self._thread.start()
        return token

    def disarm(self, token: int) -> None:
        """Stop raising for `token` and drop a raise not yet delivered. Safe to call again
        if an overrun lands inside it (the caller retries)."""
        with self._lock:
            self._armed.pop(token, None)
            fired = token in self._fired
        if fired:
            _raise_in(threading.get_ident(), None)
            self._fired.discard(token)

    def _run(self) -> None:
        while True:
            self._wake.wait(self._poll)
            self._wake.clear()
            now = time.monotonic()
            with self._lock:
                for token, entry in self._armed.items():
                    if now >= entry[0]:
                        entry[0] = now + REPEAT_SECONDS
                        self._fired.add(token)
                        _raise_in(entry[1], _Overrun)


_watchdog = _Watchdog()


class _Alarm:
    """SIGALRM for the main thread: fires after `seconds`, then every REPEAT_SECONDS."""

    def __init__(self, seconds: float) -> None:
        self.old = signal.signal(signal.SIGALRM, self._on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)

    @staticmethod
    def _on_alarm(signum: int, frame: FrameType | None) -> None:  # noqa: ARG002
        raise _Overrun

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.old)


class _Armed:
    def __init__(self, seconds: float) -> None:
        self.token = _watchdog.arm(seconds)

    def stop(self) -> None:
        _watchdog.disarm(self.token)


def _stop(guard: _Alarm | _Armed) -> bool:
    """Stop the guard even if an overrun lands meanwhile; True if one did."""
    hit = False
    while True:
        try:
            guard.stop()
            return hit
        except _Overrun:
            hit = True


def _alarm_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float, name: str) -> Iterator[None]:
    """Raise LimitError naming `name` in this thread once `seconds` have passed."""
    if seconds <= 0:
        yield
        return
    guard = _Alarm(seconds) if _alarm_usable() else _Armed(seconds)
    late = False
    try:
        try:
            yield
        finally:
            late = _stop(guard)
    except _Overrun:
        _stop(guard)  # in case the overrun landed before the finally could stop it
        late = True
    if late:
        raise LimitError(time_limit_message(name, seconds))
