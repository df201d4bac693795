"""Turn command-line paths into input records, one per document, never dropping one.

A path that cannot be read still yields a record (with the failure attached), so a batch
writes exactly one output record for every input it was given.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .records import InputRecord

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


@dataclass(frozen=True, slots=True)
class Item:
    """An input record, or the reason there is none (a missing file, a corrupt line)."""

    record: InputRecord | None
    error: str | None = None
    id: str = ""
    url: str | None = None
    shard: str = "-"
    date: str | None = None  # capture date where the container records one (WARC-Date)


def record_id(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".html", ".htm", ".txt", ".text"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return "auto"


def captured_of(obj: dict) -> str | None:
    """A JSONL record's capture date, under the names crawl exports use for it."""
    for key in ("captured", "date", "timestamp"):
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def read_jsonl(path: Path) -> Iterator[Item]:
    """One item per line of `{id, url, html}` or `{id, url, text}`; a bad line is an error item."""
    import gzip

    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            fallback = f"{path.name}:{n}"
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("a record must be a JSON object")
            except ValueError as exc:
                yield Item(None, f"{path}:{n}: not a JSON record ({exc})", fallback,
                           shard=str(path))
                continue
            rid = str(obj.get("id") or fallback)
            url = obj.get("url")
            captured = captured_of(obj)
            if isinstance(obj.get("html"), str):
                record = InputRecord(rid, obj["html"], url, "html", origin=fallback,
                                     captured=captured)
                yield Item(record, id=rid, url=url, shard=str(path), date=captured)
            elif isinstance(obj.get("text"), str):
                record = InputRecord(rid, obj["text"], url, "text", origin=fallback,
                                     captured=captured)
                yield Item(record, id=rid, url=url, shard=str(path), date=captured)
            else:
                yield Item(None, f"{path}:{n}: record {rid!r} has no 'html' or 'text' string",
                           rid, url, str(path), date=captured)


def expand(paths: list[str]) -> Iterator[str]:
    """Directories become their files (sorted); globs are expanded; '-' stays stdin."""
    import glob

    for p in paths:
        if p == "-":
            yield p
        elif any(ch in p for ch in "*?["):
            yield from sorted(glob.glob(p, recursive=True)) or [p]
        elif Path(p).is_dir():
            yield from sorted(str(f) for f in Path(p).rglob("*") if f.is_file()
                              and not f.name.startswith("."))
        else:
            yield p


def read_inputs(paths: list[str], url: str | None = None) -> Iterator[Item]:
    for p in expand(paths):
        if p == "-":
            data = sys.stdin.buffer.read()
            yield Item(InputRecord("stdin", data, url, origin="<stdin>"), id="stdin", url=url)
            continue
        path = Path(p)
        if path.name.lower().endswith(JSONL_SUFFIXES):
            if not path.is_file():
                yield Item(None, f"{p}: no such file", record_id(path), shard=p)
                continue
            yield from read_jsonl(path)
            continue
        if path.name.lower().endswith((".warc", ".warc.gz")):
            from .warc import read_warc

            yield from read_warc(path)
            continue
        rid = record_id(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            yield Item(None, f"{p}: no such file", rid, url, p)
            continue
        except OSError as exc:
            yield Item(None, f"{p}: cannot read ({exc.strerror or exc})", rid, url, p)
            continue
        yield Item(InputRecord(rid, data, url, _kind(path), origin=p), id=rid, url=url, shard=p)
