"""JSON input: JSONL files and streams (one record a line) and `.json` files (one record
object or a list of them).

JSONL is split on LF only (a raw CR inside a string belongs to the record). Memory is
bounded: a line over the cap is read through in pieces and dropped (the record becomes an
error item naming the input and line). cleaner's own output given back as input is refused.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, cast

from cleaner.engine.options import DEFAULT_OPTIONS
from cleaner.ingest.files import open_regular
from cleaner.ingest.items import Item, is_own_output, item_of, own_output_message, unreadable

# A JSONL line carries its document JSON-escaped (quotes, newlines, \uXXXX): room for that
# on top of the document cap, still a bound on what one line may hold in memory.
LINE_OVERHEAD = 2
CHUNK = 1 << 16
# Raw control characters (a CR, a tab) inside JSON strings are against the letter of JSON,
# and common in crawl exports: they stay in the record rather than failing it.
_JSON = json.JSONDecoder(strict=False)


def line_cap(max_bytes: int) -> int:
    return LINE_OVERHEAD * max_bytes + 4096


def _lines(fh: BinaryIO, cap: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line or None when over `cap`, its size), split on LF only; an
    over-size line is read through in pieces and never held whole."""
    n = 0
    while True:
        line = fh.readline(cap + 1)
        if not line:
            return
        n += 1
        if len(line) > cap and not line.endswith(b"\n"):
            size = len(line)
            while not line.endswith(b"\n"):
                line = fh.readline(CHUNK)
                if not line:
                    break
                size += len(line)
            yield n, None, size
        else:
            yield n, line, len(line)


def jsonl_items(fh: BinaryIO, name: str, rel: str, shard: str,
                max_bytes: int = DEFAULT_OPTIONS.max_bytes) -> Iterator[Item]:
    """One item per line of `{id, url, html}` or `{id, url, text}`; a bad or over-size
    line is an error item naming the input and line."""
    for n, raw, size in _lines(fh, line_cap(max_bytes)):
        where, fallback = f"{name}:{n}", f"{rel}#{n}"
        origin = where  # file:line, as editors and grep -n read it
        if raw is None:
            yield Item(None, f"{where}: a record of {size} bytes is over the size limit of "
                       f"{max_bytes} bytes (max_bytes)", fallback, shard=shard, origin=origin)
            continue
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            obj = _JSON.decode(raw.decode("utf-8", "replace"))
            if not isinstance(obj, dict):
                raise ValueError("a record must be a JSON object")
        except ValueError as exc:
            yield Item(None, f"{where}: not a JSON record ({exc})", fallback, shard=shard,
                       origin=origin)
            continue
        yield item_of(obj, where, fallback, shard, origin)



def read_jsonl(path: Path, max_bytes: int = DEFAULT_OPTIONS.max_bytes,
               rel: str | None = None) -> Iterator[Item]:
    """The items of a JSONL file (`.gz`: every member), streamed line by line."""
    import gzip

    name = str(path)
    try:
        fh, _ = open_regular(name)
    except OSError as exc:
        yield unreadable(name, rel or path.name, name, None, exc)
        return
    with fh:
        stream = cast(BinaryIO, gzip.GzipFile(fileobj=fh)) if name.endswith(".gz") else fh
        try:
            yield from jsonl_items(stream, name, rel or path.name, name, max_bytes)
        except (OSError, EOFError) as exc:  # a corrupt or truncated gzip stream
            yield Item(None, f"{name}: corrupt data ({exc})", f"{rel or path.name}#corrupt",
                       shard=name, origin=name)


def read_json_file(fh: BinaryIO, p: str, rid: str, max_bytes: int, shard: str | None = None
                    ) -> Iterator[Item]:
    """A `.json` file: one record object, a list of them, or JSON lines; cleaner's own
    output (an object or array of results) is refused."""
    shard = shard or p
    data = fh.read(line_cap(max_bytes) + 1)
    if len(data) > line_cap(max_bytes):
        yield Item(None, f"{p}: over the size limit of {max_bytes} bytes (max_bytes)", rid,
                   shard=shard, origin=p)
        return
    try:
        obj = _JSON.decode(data.decode("utf-8", "replace"))
    except ValueError:
        yield from jsonl_items(io.BytesIO(data), p, rid, shard, max_bytes)
        return
    objs = obj if isinstance(obj, list) else [obj]
    if any(is_own_output(o) for o in objs):
        yield Item(None, own_output_message(p), rid, shard=shard, origin=p)
        return
    for n, o in enumerate(objs, 1):
        if not isinstance(o, dict):
            yield Item(None, f"{p}: not a JSON record", f"{rid}#{n}", shard=shard, origin=p)
            continue
        one = len(objs) == 1
        yield item_of(o, p, rid if one else f"{rid}#{n}", shard,
                           p if one else f"{p}#{n}")
