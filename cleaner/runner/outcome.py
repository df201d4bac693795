"""What a cleaned record becomes on its way to the output: its JSON line, encoded once where
it is made (a worker), and the counts the run's summary needs."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from cleaner.core.records import Result


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
    # The Result itself when it was cleaned in this process (never sent by a worker), so
    # the command line prints it without reading its JSON back.
    result: Result | None = field(default=None, compare=False)



@dataclass(slots=True)
class Summary:
    """A run's counts: records ok and failed, skipped on resume, removals by category, and
    the signal that stopped it, if any. The command line words it (commands.clean)."""

    ok: int = 0
    errors: int = 0
    skipped: int = 0  # already in the output (--resume)
    removed: Counter[str] = field(default_factory=Counter)
    interrupted: int | None = None  # the signal that stopped the run, if any

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "ok":
            self.ok += 1
        else:
            self.errors += 1
        for category, n in outcome.categories:
            self.removed[category] += n


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


def outcome_of(result: Result, keep: bool = False) -> Outcome:
    """The outcome of a result; `keep` holds on to the Result as well (in process only)."""
    cats = Counter(r.category for r in result.removed)
    return Outcome(result.id, result_line(result), result.status, result.error,
                   tuple(sorted(cats.items())), result if keep else None)
