"""A one-line progress display on stderr: documents done, docs/s, errors.

It is drawn only on a terminal (a log file or a pipe would fill with carriage returns) and
redrawn at most a few times a second, so it costs nothing next to cleaning a page.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

# Redraws per second at most; 5 reads as live to a person and is free next to cleaning.
REDRAW_SECONDS = 0.2


class Progress:
    """Counts documents and errors; draws itself when `enabled` and the stream is a tty."""

    def __init__(self, stream: TextIO | None = None, enabled: bool = True,
                 label: str = "cleaning") -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.visible = bool(enabled and isatty is not None and isatty())
        self.label = label
        self.done = 0
        self.errors = 0
        self.start = time.monotonic()
        self._last_draw = 0.0
        self._drawn = False
        self.note = ""

    def update(self, ok: bool) -> None:
        self.done += 1
        self.errors += not ok
        if self.visible:
            now = time.monotonic()
            if now - self._last_draw >= REDRAW_SECONDS:
                self._last_draw = now
                self._draw(now)

    def add(self, ok: int, errors: int, note: str = "") -> None:
        """Count a batch of documents at once (a Dask shard that has finished)."""
        self.done += ok + errors
        self.errors += errors
        self.note = note
        if self.visible:
            self._last_draw = time.monotonic()
            self._draw(self._last_draw)

    def rate(self) -> float:
        elapsed = time.monotonic() - self.start
        return self.done / elapsed if elapsed > 0 else 0.0

    def _draw(self, now: float) -> None:
        note = f", {self.note}" if self.note else ""
        self.stream.write(f"\r\033[K{self.label}: {self.done} docs, {self.rate():.0f} docs/s, "
                          f"{self.errors} errors{note}")
        self.stream.flush()
        self._drawn = True

    def message(self, text: str) -> None:
        """Print a line without tearing the bar (the bar is redrawn on the next update)."""
        if self._drawn:
            self.stream.write("\r\033[K")
            self._drawn = False
        self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._drawn = False
