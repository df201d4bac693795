"""Finding the files named on the command line, and opening them safely.

Only regular files are opened, and without blocking: a FIFO or a device in an input folder
is an error item, never a hang. A symlink inside an input folder is read only when its
target is inside that folder, unless `follow_links` says otherwise; a path named on the
command line is always read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cleaner.ingest.items import Source


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


def open_regular(path: str) -> tuple[BinaryIO, int]:
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
