"""Exceptions raised by cleaner.

    CleanerError
     ├── RuleError        a rule file is unreadable or breaks the schema (fails at load)
     ├── InputError       one input record is unusable (empty, binary, undecodable, missing)
     ├── FetchError       a URL could not be fetched
     └── LimitError       a record hit the size or time limit

Rule problems stop a run before it starts; every other error becomes an error record in a
batch, so that no input is lost.
"""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of every error cleaner raises on purpose."""


class RuleError(CleanerError):
    """A rule file problem, located by file, line and column where known."""

    def __init__(self, message: str, path: str = "", line: int = 0, col: int = 0) -> None:
        self.path, self.line, self.col, self.message = path, line, col, message
        where = f"{path}:{line}:{col}: " if path else ""
        super().__init__(f"{where}{message}")


class InputError(CleanerError):
    """An input that cannot be cleaned; the message names the input."""


class FetchError(CleanerError):
    """A URL that could not be downloaded; the message names the URL and the cause."""


class LimitError(CleanerError):
    """A record over the size cap or the per-document time limit."""
