"""Pages named by URL: a list of URLs (on the command line, in files, on stdin) and the
items their downloads become, in input order, a failed download an error item naming its
URL (the output accounts for every URL)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

from cleaner.engine.options import Options
from cleaner.ingest.fetch import FETCH_WORKERS, fetch_pairs
from cleaner.ingest.fetchnet import FetchLimits
from cleaner.ingest.items import Item


def url_list(paths: list[str]) -> Iterator[str]:
    """The URLs to fetch: a PATH with '://' is a URL, '-' is a list on stdin, an existing
    file is a list (one URL a line, blank lines and # comments skipped); anything else is
    passed on as a URL, to become an error record naming it."""
    for p in paths:
        if "://" in p or (p != "-" and not os.path.isfile(p)):
            yield p
            continue
        fh = sys.stdin if p == "-" else open(p, encoding="utf-8", errors="replace")
        try:
            for line in fh:
                line = line.strip()
                if line and not line.startswith("#"):
                    yield line
        finally:
            if fh is not sys.stdin:
                fh.close()


def fetch_items(urls: list[str], options: Options, allow_private: bool = False,
                workers: int = 0) -> Iterator[Item]:
    """Each URL becomes a record, or an error item naming the URL; fetched in parallel,
    politely per host, in input order."""
    limits = FetchLimits(allow_private=allow_private)
    for url, got in fetch_pairs(url_list(urls), options, limits,
                                workers=max(workers * 2, FETCH_WORKERS)):
        if isinstance(got, Exception):
            yield Item(None, str(got), url, url, "<fetch>", origin=url)
        else:
            yield Item(got, id=got.id, url=got.url, shard="<fetch>", origin=got.origin)
