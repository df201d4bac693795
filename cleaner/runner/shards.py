"""Output shards and resume: OUT/<shard>.jsonl per input container or folder, names that
cannot collide, files opened without following symlinks, one run per output folder (an
flock), and `--resume` reading back the ids already written (cutting a torn last line)."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

# Shard files are flushed at least this often (seconds), so a crash loses little work.
FLUSH_SECONDS = 1.0
# Open output shards kept at once; inputs of one shard arrive together, so few are needed.
MAX_OPEN_SHARDS = 32
CONTAINER_SUFFIXES = (".jsonl.gz", ".jsonl", ".ndjson", ".warc.gz", ".warc")
SPECIAL_SHARDS = {"-": "stdin", "<fetch>": "fetched"}


class OutputError(RuntimeError):
    """The output folder cannot be used for this run (another run holds it, or it holds an
    earlier run's output and neither resume nor overwrite was asked for)."""


def shard_name(shard: str) -> str:
    """Output shard for an input: a JSONL/WARC file keeps its name; loose documents go to
    a shard named after their folder; stdin and fetched URLs have their own."""
    if shard in SPECIAL_SHARDS:
        return SPECIAL_SHARDS[shard]
    folder, name = os.path.split(shard)  # called per document: no pathlib parsing here
    if not name:  # a path ending in a separator
        folder, name = os.path.split(str(Path(shard)))
    low = name.lower()
    for suffix in CONTAINER_SUFFIXES:
        if low.endswith(suffix):
            return name[: -len(suffix)] or "shard"
    return _folder_shard(folder)


@lru_cache(maxsize=256)
def _folder_shard(folder: str) -> str:
    return Path(folder).name or Path.cwd().name or "documents"


@lru_cache(maxsize=4096)
def _source_key(shard: str) -> str:
    """What one shard holds: a container file, or the loose documents of one folder."""
    if shard in SPECIAL_SHARDS:
        return shard
    low = shard.lower()
    path = shard if low.endswith(CONTAINER_SUFFIXES) else os.path.dirname(shard)
    return os.path.abspath(path or ".")


class ShardNamer:
    """Output shard names that cannot collide: the first source to want a name gets it; a
    different source wanting the same one (`x/pages` and `y/pages`) gets the name plus a
    hash of its absolute path. The same inputs in the same order give the same names, so
    `--resume` finds its shards again."""

    def __init__(self) -> None:
        self.by_key: dict[str, str] = {}
        self.owner: dict[str, str] = {}

    def __call__(self, shard: str) -> str:
        key = _source_key(shard)
        name = self.by_key.get(key)
        if name is None:
            name = base = shard_name(shard)
            digest = hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()
            digits = 8
            while name in self.owner:
                name = f"{base}-{digest[:digits]}"
                digits += 4
            self.by_key[key] = name
            self.owner[name] = key
        return name


def _open_nofollow(path: Path, flags: int) -> int:
    """os.open that refuses a symlink (planted as a shard, it would aim our writes, or
    --resume's truncation, at its target)."""
    try:
        return os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OSError(errno.ELOOP, "output file is a symlink; refusing to follow it",
                          str(path)) from None
        raise


def repair_and_scan(path: Path) -> Counter[str]:
    """Ids already written to one output shard. A torn or corrupt tail (a kill -9 mid-write)
    is cut back to the last whole, parseable line, so the file is valid JSONL again."""
    done: Counter[str] = Counter()
    good_end = 0
    with os.fdopen(_open_nofollow(path, os.O_RDWR), "r+b") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                done[json.loads(raw)["id"]] += 1
            except (ValueError, KeyError, TypeError):
                break
            good_end += len(raw)
        size = os.fstat(fh.fileno()).st_size
        if size != good_end:
            log.warning("%s: cutting a torn or corrupt tail (%d bytes)", path, size - good_end)
            fh.truncate(good_end)
    return done


@contextmanager
def claim_output(out_dir: str | Path, resume: bool, overwrite: bool = True) -> Iterator[Path]:
    """The output folder, created if needed and held for this run: a second run on it stops
    with OutputError instead of interleaving its lines with ours. Without resume or
    overwrite, a folder that already holds output is refused."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"output folder {out} is in use by another cleaner run; wait "
                              "for it to end or choose another --out") from None
        if not (resume or overwrite) and any(not n.startswith(".") for n in os.listdir(out)):
            raise OutputError(f"output folder {out} already holds output; pass --resume to "
                              "add what is missing or --overwrite to replace it")
        yield out
    finally:
        os.close(fd)


class ShardWriter:
    """Appends lines to OUT/<shard>.jsonl; truncates a shard on first use unless resuming."""

    def __init__(self, out_dir: Path, resume: bool) -> None:
        self.out_dir = out_dir
        self.resume = resume
        self.started: set[str] = set()
        self.done: dict[str, Counter[str]] = {}
        self.handles: dict[str, BinaryIO] = {}
        self.last_flush = time.monotonic()
        out_dir.mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        return self.out_dir / f"{name}.jsonl"

    def already_done(self, name: str, id: str) -> bool:
        """True (once per copy) for an id the shard already holds; loads it on first use."""
        if not self.resume:
            return False
        if name not in self.done:
            p = self.path(name)
            self.done[name] = repair_and_scan(p) if os.path.lexists(p) else Counter()
        counter = self.done[name]
        if counter.get(id, 0) > 0:
            counter[id] -= 1
            return True
        return False

    def write(self, name: str, data: bytes) -> None:
        fh = self.handles.get(name)
        with self._named(name):
            if fh is None:
                if len(self.handles) >= MAX_OPEN_SHARDS:
                    oldest = next(iter(self.handles))
                    self._close_one(oldest, self.handles.pop(oldest))
                append = self.resume or name in self.started
                flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
                fd = _open_nofollow(self.path(name), flags)
                self.started.add(name)
                fh = self.handles[name] = os.fdopen(fd, "ab" if append else "wb")
            fh.write(data)
        now = time.monotonic()
        if now - self.last_flush > FLUSH_SECONDS:
            self.flush()
            self.last_flush = now

    @contextmanager
    def _named(self, name: str) -> Iterator[None]:
        """A write error (a full disk) names the shard file it hit."""
        try:
            yield
        except OSError as exc:
            if exc.filename:
                raise
            raise OSError(exc.errno, exc.strerror or str(exc), str(self.path(name))) from exc

    def _check_alive(self, name: str, fh: BinaryIO) -> None:
        """A shard deleted under us (its folder removed) would swallow every later line
        silently, since the open handle still accepts writes: fail instead."""
        if os.fstat(fh.fileno()).st_nlink == 0:
            raise OSError(errno.ENOENT, "output file was deleted during the run",
                          str(self.path(name)))

    def flush(self) -> None:
        for name, fh in self.handles.items():
            with self._named(name):
                fh.flush()
            self._check_alive(name, fh)

    def _close_one(self, name: str, fh: BinaryIO) -> None:
        try:
            with self._named(name):
                fh.flush()
            self._check_alive(name, fh)
        finally:
            try:
                fh.close()
            except OSError:
                pass  # the flush above already raised the real error

    def close(self) -> None:
        """Close every shard; raise the first write error (after closing them all)."""
        first: OSError | None = None
        for name, fh in self.handles.items():
            try:
                self._close_one(name, fh)
            except OSError as exc:
                first = first or exc
        self.handles.clear()
        if first is not None:
            raise first
