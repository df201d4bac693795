"""SIGINT/SIGTERM stop a run between lines instead of killing it mid-write."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def stop_on_signals() -> Iterator[Callable[[], int | None]]:
    """SIGINT/SIGTERM set a flag instead of killing the run; yields a function reading it."""
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return

    def on_signal(signum: int, frame: FrameType | None) -> None:  # noqa: ARG001
        caught.append(signum)

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield lambda: caught[0] if caught else None
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
