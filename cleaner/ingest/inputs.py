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
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cleaner.core.records import InputRecord
from cleaner.engine.options import DEFAULT_OPTIONS

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
INPUT_FORMATS = ("auto", "text", "html", "jsonl", "warc")
# Keys every cleaner result has and no input record needs: a file holding them is an earlier
# output given back as input (cleaning it would make an "article" of a JSON dump).
RESULT_KEYS = frozenset({"status", "removed", "related", "notes"})
# Bytes looked at to tell JSONL or WARC from a document when the suffix does not say.
SNIFF_BYTES = 64 << 10
# A JSONL line carries its document JSON-escaped (quotes, newlines, \uXXXX): room for that
# on top of the document cap, still a bound on what one line may hold in memory.
LINE_OVERHEAD = 2
CHUNK = 1 << 16
# Raw control characters (a CR, a tab) inside JSON strings are against the letter of JSON,
# and common in crawl exports: they stay in the record rather than failing it.
_JSON = json.JSONDecoder(strict=False)


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


def _kind(path: str) -> str:
    name = path.lower()
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


def is_own_output(obj: object) -> bool:
    return isinstance(obj, dict) and RESULT_KEYS <= obj.keys()


def own_output_message(where: str) -> str:
    return (f"{where}: this is cleaner's own output (it has the keys "
            f"{', '.join(sorted(RESULT_KEYS))}), not a page; give the original input")


# ---------------------------------------------------------------- finding the files


def _special(mode: int) -> str | None:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _walk_folder(root: str, follow_links: bool) -> Iterator[Source]:
    """Every non-hidden entry under root, sorted by path; a symlink whose target leaves root
    and every special file come back with the reason they will not be read."""
    real_root = os.path.realpath(root)
    found: list[Source] = []
    seen_dirs = {real_root}
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            found.append(Source(folder, root, f"cannot list folder ({exc.strerror or exc})"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = entry.path
            try:
                if entry.is_symlink():
                    target = os.path.realpath(path)
                    if not follow_links and not _inside(target, real_root):
                        found.append(Source(path, root, f"symlink to {target}, outside the "
                                            f"input folder {root}; pass --follow-links to "
                                            "read it"))
                        continue
                    st = os.stat(path)
                    if stat.S_ISDIR(st.st_mode):
                        if follow_links and target not in seen_dirs:
                            seen_dirs.add(target)
                            stack.append(path)
                        continue  # a link to a folder inside root: its files come anyway
                else:
                    st = entry.stat(follow_symlinks=False)
                    if stat.S_ISDIR(st.st_mode):
                        stack.append(path)
                        continue
            except OSError as exc:
                found.append(Source(path, root, f"cannot read ({exc.strerror or exc})"))
                continue
            special = _special(st.st_mode)
            found.append(Source(path, root, f"{special}, not a file; not read"
                                if special else None))
    found.sort(key=lambda s: s.path)
    yield from found


def _glob_root(pattern: str) -> str:
    """The folder before the first wildcard: ids of the matches are relative to it."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if any(ch in part for ch in "*?["):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


def walk(paths: list[str], follow_links: bool = False) -> Iterator[Source]:
    """Directories become their files (sorted); globs are expanded; '-' stays stdin."""
    import glob

    for p in paths:
        if p == "-":
            yield Source(p, None)
        elif any(ch in p for ch in "*?["):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield Source(p, os.path.dirname(p) or ".")
            root = _glob_root(p)
            for m in matches:
                if os.path.isdir(m):
                    yield from _walk_folder(m, follow_links)
                else:
                    yield Source(m, root)
        elif os.path.isdir(p):
            yield from _walk_folder(p, follow_links)
        else:
            yield Source(p, os.path.dirname(p) or ".")


def expand(paths: list[str], follow_links: bool = False) -> Iterator[str]:
    """The paths `walk` finds, as strings."""
    return (s.path for s in walk(paths, follow_links))


# ---------------------------------------------------------------- reading them


def _open_regular(path: str) -> tuple[BinaryIO, int]:
    """Open a regular file for reading without ever blocking (a FIFO opened O_NONBLOCK
    returns at once, and is then refused by its fstat); returns the file and its size."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        special = _special(st.st_mode)
        if special:
            raise IsADirectoryError(0, f"{special}, not a file; not read")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), st.st_size
    except BaseException:
        os.close(fd)
        raise


def _line_cap(max_bytes: int) -> int:
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
    for n, raw, size in _lines(fh, _line_cap(max_bytes)):
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
        yield _record_item(obj, where, fallback, shard, origin)


def _record_item(obj: dict, where: str, fallback: str, shard: str, origin: str) -> Item:
    rid = str(obj.get("id") or fallback)
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    captured = captured_of(obj)
    if is_own_output(obj):
        return Item(None, own_output_message(where), rid, url, shard, captured, origin)
    for key in ("html", "text"):
        if isinstance(obj.get(key), str):
            record = InputRecord(rid, obj[key], url, key, origin=origin, captured=captured)
            return Item(record, id=rid, url=url, shard=shard, date=captured, origin=origin)
    return Item(None, f"{where}: record {rid!r} has no 'html' or 'text' string", rid, url,
                shard, date=captured, origin=origin)


def read_jsonl(path: Path, max_bytes: int = DEFAULT_OPTIONS.max_bytes,
               rel: str | None = None) -> Iterator[Item]:
    """The items of a JSONL file (`.gz`: every member), streamed line by line."""
    import gzip

    name = str(path)
    try:
        fh, _ = _open_regular(name)
    except OSError as exc:
        yield _unreadable(name, rel or path.name, name, None, exc)
        return
    with fh:
        stream: BinaryIO = gzip.GzipFile(fileobj=fh) if name.endswith(".gz") else fh
        try:
            yield from jsonl_items(stream, name, rel or path.name, name, max_bytes)
        except (OSError, EOFError) as exc:  # a corrupt or truncated gzip stream
            yield Item(None, f"{name}: corrupt data ({exc})", f"{rel or path.name}#corrupt",
                       shard=name, origin=name)


def _unreadable(p: str, rid: str, shard: str, url: str | None, exc: OSError) -> Item:
    if isinstance(exc, FileNotFoundError):
        reason = "no such file"
    elif isinstance(exc, IsADirectoryError) and exc.errno == 0:
        reason = exc.strerror
    else:
        reason = f"cannot read ({exc.strerror or exc})"
    return Item(None, f"{p}: {reason}", rid, url, shard, origin=p)


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


def _read_json_file(fh: BinaryIO, p: str, rid: str, max_bytes: int, shard: str | None = None
                    ) -> Iterator[Item]:
    """A `.json` file: one record object, a list of them, or JSON lines; cleaner's own
    output (an object or array of results) is refused."""
    shard = shard or p
    data = fh.read(_line_cap(max_bytes) + 1)
    if len(data) > _line_cap(max_bytes):
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
        yield _record_item(o, p, rid if one else f"{rid}#{n}", shard,
                           p if one else f"{p}#{n}")


def _read_file(src: Source, url: str | None, max_bytes: int, input_format: str
               ) -> Iterator[Item]:
    p = src.path
    rid = relative_id(p, src.root)
    if src.problem:
        yield Item(None, f"{p}: {src.problem}", rid, url, p, origin=p)
        return
    fmt = _format_of(p, input_format)
    if fmt == "warc":
        from cleaner.ingest.warc import read_warc

        yield from read_warc(p, max_bytes=max_bytes, rel=rid)
        return
    try:
        fh, size = _open_regular(p)
    except OSError as exc:
        yield _unreadable(p, rid, p, url, exc)
        return
    with fh:
        gz = p.lower().endswith(".gz")
        if fmt == "sniff":
            head = fh.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[attr-defined]
            fmt = _sniff(head) or "document"
            if fmt == "gzip":
                fmt, gz = _sniff_gzip(head) or "document", True
        if fmt == "warc":
            from cleaner.ingest.warc import read_warc

            yield from read_warc(p, max_bytes=max_bytes, rel=rid)
        elif fmt == "jsonl":
            import gzip

            stream: BinaryIO = gzip.GzipFile(fileobj=fh) if gz else fh
            try:
                yield from jsonl_items(stream, p, rid, p, max_bytes)
            except (OSError, EOFError) as exc:
                yield Item(None, f"{p}: corrupt data ({exc})", f"{rid}#corrupt", shard=p,
                           origin=p)
        elif fmt == "json":
            yield from _read_json_file(fh, p, rid, max_bytes)
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
            yield Item(InputRecord(rid, data, url, kind, origin=p), id=rid, url=url, shard=p,
                       origin=p)


def _read_stdin(url: str | None, max_bytes: int, input_format: str) -> Iterator[Item]:
    stream = sys.stdin.buffer
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    fmt = input_format
    if fmt == "auto":
        head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
        fmt = _sniff(head) or "document"
        if fmt == "gzip":
            fmt = _sniff_gzip(head) or "document"
            if fmt == "jsonl":
                import gzip

                stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
    if fmt == "json":
        yield from _read_json_file(stream, "<stdin>", "stdin", max_bytes, shard="-")
        return
    if fmt == "jsonl":
        yield from jsonl_items(stream, "<stdin>", "stdin", "-", max_bytes)
        return
    if fmt == "warc":
        from cleaner.ingest.warc import read_warc

        yield from read_warc(stream, max_bytes=max_bytes, rel="stdin")
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Item(None, f"<stdin>: over the size limit of {max_bytes} bytes (max_bytes)",
                   "stdin", url, origin="<stdin>")
        return
    kind = input_format if input_format in ("html", "text") else "auto"
    yield Item(InputRecord("stdin", data, url, kind, origin="<stdin>"), id="stdin", url=url,
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
