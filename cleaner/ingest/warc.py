"""WARC input (`.warc`, `.warc.gz`): one item per response or resource record.

Crawl archives are the usual container at scale. The record's own id, target URL and date
follow the page (the id into the output, the URL into site detection), so an output line
can be traced back to the capture. Requests, metadata and warcinfo records are not pages and
are skipped; a non-2xx response or a non-page payload (an image) is an error item, so the
output accounts for every captured page.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from cleaner.core.records import InputKind, InputRecord
from cleaner.engine.options import DEFAULT_OPTIONS
from cleaner.ingest.files import open_regular
from cleaner.ingest.items import Item, unreadable

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


def _kind(content_type: str | None) -> InputKind | None:
    """'html', 'text', 'auto' (no type given), or None for a payload that is not a page."""
    if not content_type:
        return "auto"
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in HTML_TYPES:
        return "html"
    if ctype in TEXT_TYPES:
        return "text"
    return None


def _record_id(raw: str | None, rel: str, n: int) -> str:
    rid = (raw or "").strip().strip("<>")
    return rid or f"{rel}#{n}"


def read_warc(source: str | Path | BinaryIO, max_bytes: int = DEFAULT_OPTIONS.max_bytes,
              rel: str | None = None) -> Iterator[Item]:
    """Items of a WARC file (or stream), in file order; an unreadable file or record is an
    error item. A record over `max_bytes` is an error item and is never read into memory."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    if isinstance(source, (str, Path)):
        name = str(source)
        rel = rel or Path(name).name
        try:
            fh, _ = open_regular(name)
        except OSError as exc:
            yield unreadable(name, rel, name, None, exc)
            return
    else:
        fh, name, rel = source, "<stdin>", rel or "stdin"
    shard = name if isinstance(source, (str, Path)) else "-"
    n = 0
    with fh:
        records = ArchiveIterator(fh, record_types=WarcRecordType.response
                                  | WarcRecordType.resource, parse_http=True)
        try:
            for record in records:
                n += 1
                yield _item(record, name, rel, n, shard, max_bytes)
        except OSError as exc:  # a corrupt or truncated archive: say where it broke
            log.warning("%s: WARC read failed after %d records: %s", name, n, exc)
            yield Item(None, f"{name}: corrupt WARC data after record {n} ({exc})",
                       f"{rel}#corrupt-{n + 1}", shard=shard, origin=name)


def _item(record: Any, name: str, rel: str, n: int, shard: str, max_bytes: int) -> Item:
    headers = record.headers
    rid = _record_id(record.record_id, rel, n)
    url = headers.get("WARC-Target-URI") or None
    date = headers.get("WARC-Date") or None
    origin = f"{name}#{rid}"
    if record.content_length > max_bytes:  # skipped unread by the iterator
        return Item(None, f"{origin}: a record of {record.content_length} bytes is over the "
                    f"size limit of {max_bytes} bytes (max_bytes)", rid, url, shard,
                    date=date, origin=origin)
    if record.is_http:
        status = record.http_headers.status_code if record.http_headers else None
        if status is not None and not 200 <= status < 300:
            return Item(None, f"{origin}: HTTP status {status}, not a page", rid, url, shard,
                        date=date, origin=origin)
        content_type = record.http_content_type
        charset = record.http_charset
    else:
        content_type = headers.get("Content-Type")
        charset = None
    kind = _kind(content_type)
    if kind is None:
        return Item(None, f"{origin}: content type {content_type} is not a page", rid, url,
                    shard, date=date, origin=origin)
    body = record.reader.read(max_bytes + 1)
    if len(body) > max_bytes:
        return Item(None, f"{origin}: over the size limit of {max_bytes} bytes (max_bytes)",
                    rid, url, shard, date=date, origin=origin)
    return Item(InputRecord(rid, body, url, kind, headers_charset=charset, origin=origin,
                            captured=date),
                id=rid, url=url, shard=shard, date=date, origin=origin)
