"""What a reader yields: an Item (an input record, or the reason there is none), and the one
function that turns a JSON object into an input record (JSONL lines, `.json` files, the
`clean_many` dicts and the Dask engine all read records through `item_of`).

A record names its document under `html` (HTML), `text` (extracted text) or `content`
(either: told apart by its content). An object holding the keys of a cleaner result is an
earlier output given back as input and is refused: cleaning it would make an "article" of
a JSON dump.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.core.records import InputKind, InputRecord

# Keys every cleaner result has and no input record needs: a file holding them is an earlier
# output given back as input (cleaning it would make an "article" of a JSON dump).
RESULT_KEYS = frozenset({"status", "removed", "related", "notes"})
# The keys that name a record's document, and the kind each gives it.
DOCUMENT_KEYS: tuple[tuple[str, InputKind], ...] = (
    ("html", "html"), ("text", "text"), ("content", "auto"))


@dataclass(frozen=True, slots=True)
class Item:
    """An input record, or the reason there is none (a missing file, a corrupt line)."""

    record: InputRecord | None
    error: str | None = None
    id: str = ""
    url: str | None = None
    shard: str = "-"
    date: str | None = None  # capture date where the container records one (WARC-Date)
    origin: str | None = None  # where it was read from (path, path#line): Result.input


@dataclass(frozen=True, slots=True)
class Source:
    """One path found on the command line or under a folder named there."""

    path: str
    root: str | None  # the folder ids are relative to (None: stdin)
    problem: str | None = None  # why it will not be read (a FIFO, a symlink leaving root)


def record_id(path: Path) -> str:
    """A file's name without its document suffix (the goldens are named so)."""
    name = path.name
    for suffix in (".gz", ".html", ".htm", ".txt", ".text"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def relative_id(path: str, root: str | None) -> str:
    """The path relative to the root it was found under, with '/' separators."""
    if root is None:
        return path
    rel = os.path.relpath(path, root)
    return rel.replace(os.sep, "/")


def captured_of(obj: dict[str, Any]) -> str | None:
    """A JSONL record's capture date, under the names crawl exports use for it."""
    for key in ("captured", "date", "timestamp"):
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def is_own_output(obj: object) -> bool:
    return isinstance(obj, dict) and RESULT_KEYS <= obj.keys()


def own_output_message(where: str) -> str:
    return (f"{where}: this is cleaner's own output (it has the keys "
            f"{', '.join(sorted(RESULT_KEYS))}), not a page; give the original input")



def item_of(obj: Any, where: str, fallback: str, shard: str = "-",
            origin: str | None = None) -> Item:
    """The item of one JSON object: an input record, or an error item naming `where` (a
    file and line, or the record's position) when the object is not a usable record.

    >>> item_of({"id": "a", "text": "Headline"}, "x.jsonl:1", "x#1").record.kind
    'text'
    """
    if not isinstance(obj, dict):
        return Item(None, f"{where}: not an input record: {type(obj).__name__}", fallback,
                    shard=shard, origin=origin)
    rid = str(obj.get("id") or fallback)
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    captured = captured_of(obj)
    origin = origin if origin is not None else obj.get("origin")
    if is_own_output(obj):
        return Item(None, own_output_message(where), rid, url, shard, captured, origin)
    for key, kind in DOCUMENT_KEYS:
        value = obj.get(key)
        if isinstance(value, (str, bytes)):
            record = InputRecord(rid, value, url, kind, origin=origin, captured=captured)
            return Item(record, id=rid, url=url, shard=shard, date=captured, origin=origin)
    return Item(None, f"{where}: record {rid!r} has no 'html', 'text' or 'content' string",
                rid, url, shard, date=captured, origin=origin)


def as_item(obj: Any, n: int = 0) -> Item:
    """An input record, a record dict (`item_of`), or a page's str/bytes (id: its position
    `n`) as an Item; anything else is an error item, never an exception. What `clean_many`
    and the Dask engine take from Python callers."""
    if isinstance(obj, InputRecord):
        return Item(obj, id=obj.id, url=obj.url, date=obj.captured)
    if isinstance(obj, (str, bytes)):
        return Item(InputRecord(str(n), obj), id=str(n))
    return item_of(obj, f"record {n}", str(n))


def unreadable(p: str, rid: str, shard: str, url: str | None, exc: OSError) -> Item:
    if isinstance(exc, FileNotFoundError):
        reason = "no such file"
    elif isinstance(exc, IsADirectoryError) and exc.errno == 0:
        reason = exc.strerror or "not a regular file"
    else:
        reason = f"cannot read ({exc.strerror or exc})"
    return Item(None, f"{p}: {reason}", rid, url, shard, origin=p)


