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

from .inputs import Item
from .records import InputRecord

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


def _kind(content_type: str | None) -> str | None:
    """'html', 'text', 'auto' (no type given), or None for a payload that is not a page."""
    if not content_type:
        return "auto"
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in HTML_TYPES:
        return "html"
    if ctype in TEXT_TYPES:
        return "text"
    return None


def _record_id(raw: str | None, path: Path, n: int) -> str:
    rid = (raw or "").strip().strip("<>")
    return rid or f"{path.name}#{n}"


def read_warc(path: str | Path) -> Iterator[Item]:
    """Items of a WARC file, in file order; an unreadable file or record is an error item."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    path = Path(path)
    shard = str(path)
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        yield Item(None, f"{path}: no such file", path.name, shard=shard)
        return
    except OSError as exc:
        yield Item(None, f"{path}: cannot read ({exc.strerror or exc})", path.name, shard=shard)
        return
    n = 0
    with fh:
        records = ArchiveIterator(fh, record_types=WarcRecordType.response
                                  | WarcRecordType.resource, parse_http=True)
        try:
            for record in records:
                n += 1
                yield _item(record, path, n, shard)
        except OSError as exc:  # a corrupt or truncated archive: say where it broke
            log.warning("%s: WARC read failed after %d records: %s", path, n, exc)
            yield Item(None, f"{path}: corrupt WARC data after record {n} ({exc})",
                       f"{path.name}#corrupt-{n + 1}", shard=shard)


def _item(record, path: Path, n: int, shard: str) -> Item:
    headers = record.headers
    rid = _record_id(record.record_id, path, n)
    url = headers.get("WARC-Target-URI") or None
    date = headers.get("WARC-Date") or None
    origin = f"{path}#{rid}"
    if record.is_http:
        status = record.http_headers.status_code if record.http_headers else None
        if status is not None and not 200 <= status < 300:
            return Item(None, f"{origin}: HTTP status {status}, not a page", rid, url, shard,
                        date=date)
        content_type = record.http_content_type
        charset = record.http_charset
    else:
        content_type = headers.get("Content-Type")
        charset = None
    kind = _kind(content_type)
    if kind is None:
        return Item(None, f"{origin}: content type {content_type} is not a page", rid, url,
                    shard, date=date)
    body = record.reader.read()
    return Item(InputRecord(rid, body, url, kind, headers_charset=charset, origin=origin,
                            captured=date),
                id=rid, url=url, shard=shard, date=date)
