"""Turn command-line paths into input records, one per document, never dropping one.

A path that cannot be read still yields a record (with the failure attached), so a batch
writes exactly one output record for every input it was given. Why the readers look like
this (issue #12):
- Memory is bounded by `max_bytes`, whatever the input: a file is measured before it is
  read, a JSONL line is read in pieces and dropped once it is over the cap (the record
  becomes an error item naming the input), stdin is read up to the cap.
- Only regular files are opened, and without blocking: a FIFO or a device in an input
  folder is an error item, never a hang.
- A symlink inside an input folder is read only when its target is inside that folder,
  unless `follow_links` says otherwise; a path named on the command line is always read.
- JSONL is split on LF only (a raw CR inside a string belongs to the record), and found by
  its content as well as by its suffix; cleaner's own output given back as input is refused.
- Ids are unique within a run: the path relative to the root named on the command line, or
  `file#N` for the record on line N of a JSONL file that carries no id.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO, cast

from cleaner.core.records import InputKind, InputRecord
from cleaner.engine.options import DEFAULT_OPTIONS
from cleaner.ingest.files import open_regular, walk
from cleaner.ingest.items import Item, Source, relative_id, unreadable
from cleaner.ingest.jsonl import jsonl_items, read_json_file
from cleaner.ingest.warc import read_warc

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
INPUT_FORMATS = ("auto", "text", "html", "jsonl", "warc")
# Bytes looked at to tell JSONL or WARC from a document when the suffix does not say.
SNIFF_BYTES = 64 << 10


def _kind(path: str) -> str:
    name = path.lower()
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return "auto"



# A JSON object's start: `{` then a quoted key and a colon. Enough to tell JSONL from a
# document even when the first record is longer than the bytes sniffed (a 200 kB page).
_JSON_START = re.compile(rb'\{\s*"[^"\\\n]{1,64}"\s*:')


def _sniff(head: bytes) -> str | None:
    """'jsonl', 'json' (one pretty-printed object), 'warc' or 'gzip' when the first bytes
    say so, else None (a document)."""
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith(b"WARC/"):
        return "warc"
    if not _JSON_START.match(body):
        return None
    return "json" if body.split(b"\n", 1)[0].strip() == b"{" else "jsonl"


def _sniff_gzip(head: bytes) -> str | None:
    """What a gzip stream holds, from its first compressed bytes."""
    import zlib

    try:
        inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
    except zlib.error:
        return None
    found = _sniff(inner)
    return found if found in ("jsonl", "warc") else None


def _format_of(path: str, input_format: str) -> str:
    if input_format != "auto":
        return input_format
    low = path.lower()
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if low.endswith(WARC_SUFFIXES):
        return "warc"
    if low.endswith((".json", ".json.gz")):
        return "json"
    if low.endswith(HTML_SUFFIXES + TEXT_SUFFIXES):
        return "document"
    return "sniff"


def _read_file(src: Source, url: str | None, max_bytes: int, input_format: str
               ) -> Iterator[Item]:
    p = src.path
    rid = relative_id(p, src.root)
    if src.problem:
        yield Item(None, f"{p}: {src.problem}", rid, url, p, origin=p)
        return
    fmt = _format_of(p, input_format)
    if fmt == "warc":
        yield from read_warc(p, max_bytes=max_bytes, rel=rid)
        return
    try:
        fh, size = open_regular(p)
    except OSError as exc:
        yield unreadable(p, rid, p, url, exc)
        return
    with fh:
        gz = p.lower().endswith(".gz")
        if fmt == "sniff":
            head = fh.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[attr-defined]
            fmt = _sniff(head) or "document"
            if fmt == "gzip":
                fmt, gz = _sniff_gzip(head) or "document", True
        if fmt == "warc":
            yield from read_warc(p, max_bytes=max_bytes, rel=rid)
        elif fmt == "jsonl":
            import gzip

            stream = cast(BinaryIO, gzip.GzipFile(fileobj=fh)) if gz else fh
            try:
                yield from jsonl_items(stream, p, rid, p, max_bytes)
            except (OSError, EOFError) as exc:
                yield Item(None, f"{p}: corrupt data ({exc})", f"{rid}#corrupt", shard=p,
                           origin=p)
        elif fmt == "json":
            yield from read_json_file(fh, p, rid, max_bytes)
        else:
            kind = input_format if input_format in ("html", "text") else _kind(p)
            if size > max_bytes:  # measured, not read
                yield Item(None, f"{p}: {size} bytes is over the size limit of {max_bytes} "
                           "bytes (max_bytes)", rid, url, p, origin=p)
                return
            data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:  # grew while we looked
                yield Item(None, f"{p}: over the size limit of {max_bytes} bytes "
                           "(max_bytes)", rid, url, p, origin=p)
                return
            yield Item(InputRecord(rid, data, url, cast(InputKind, kind), origin=p), id=rid,
                       url=url, shard=p,
                       origin=p)


def _read_stdin(url: str | None, max_bytes: int, input_format: str) -> Iterator[Item]:
    stream = sys.stdin.buffer
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)
    fmt = input_format
    if fmt == "auto":
        head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
        fmt = _sniff(head) or "document"
        if fmt == "gzip":
            fmt = _sniff_gzip(head) or "document"
            if fmt == "jsonl":
                import gzip

                stream = cast(io.BufferedReader, gzip.GzipFile(fileobj=stream))
    if fmt == "json":
        yield from read_json_file(stream, "<stdin>", "stdin", max_bytes, shard="-")
        return
    if fmt == "jsonl":
        yield from jsonl_items(stream, "<stdin>", "stdin", "-", max_bytes)
        return
    if fmt == "warc":
        yield from read_warc(stream, max_bytes=max_bytes, rel="stdin")
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Item(None, f"<stdin>: over the size limit of {max_bytes} bytes (max_bytes)",
                   "stdin", url, origin="<stdin>")
        return
    kind = input_format if input_format in ("html", "text") else "auto"
    yield Item(InputRecord("stdin", data, url, cast(InputKind, kind), origin="<stdin>"),
               id="stdin", url=url,
               origin="<stdin>")


def read_inputs(paths: list[str], url: str | None = None, *,
                max_bytes: int = DEFAULT_OPTIONS.max_bytes, input_format: str = "auto",
                follow_links: bool = False) -> Iterator[Item]:
    """One item per document under `paths` (files, folders, globs, '-' for stdin), in order.

    >>> [i.id for i in read_inputs(["/nonexistent/a.txt"])]
    ['a.txt']
    """
    return read_sources(walk(paths, follow_links), url, max_bytes=max_bytes,
                        input_format=input_format)


def read_sources(sources: Iterable[Source], url: str | None = None, *,
                 max_bytes: int = DEFAULT_OPTIONS.max_bytes, input_format: str = "auto"
                 ) -> Iterator[Item]:
    """The items of sources `walk` found (the Dask engine ships them to its tasks)."""
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input format {input_format!r} is not one of "
                         f"{', '.join(INPUT_FORMATS)}")
    for src in sources:
        if src.path == "-":
            yield from _read_stdin(url, max_bytes, input_format)
        else:
            yield from _read_file(src, url, max_bytes, input_format)
