"""Download one page for cleaning: `fetch(url, options) -> InputRecord`, or FetchError.

Plain urllib with every limit explicit, because a fetcher in a batch meets hostile servers:
a timeout per socket operation, a size cap enforced while streaming (the body is never read
whole first), a redirect limit, a gzip decompression cap, and a User-Agent naming us.
"""

from __future__ import annotations

import http.client
import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import Message
from urllib.parse import urlsplit

from .decode import gunzip
from .errors import FetchError, InputError
from .options import DEFAULT_OPTIONS, Options
from .records import InputRecord

log = logging.getLogger(__name__)
USER_AGENT = "cleaner/0.1 (+https://github.com/cleaner)"
# News pages are well under 5 MB of HTML; the cap bounds memory per fetch in a batch.
MAX_DOWNLOAD_BYTES = 5_000_000
# Seconds per connect or read; a server slower than this is down as far as a batch cares.
TIMEOUT_SECONDS = 15.0
# Browsers allow 20; news sites need 2-3 (http -> https -> www -> consent).
MAX_REDIRECTS = 5
# The whole download's deadline, as a multiple of the per-read timeout: a server that drips a
# byte every few ms never trips the per-read timeout, only this.
DEADLINE_FACTOR = 4
CHUNK = 64 * 1024
_ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


@dataclass(frozen=True, slots=True)
class FetchLimits:
    timeout: float = TIMEOUT_SECONDS
    max_bytes: int = MAX_DOWNLOAD_BYTES
    max_redirects: int = MAX_REDIRECTS
    deadline: float | None = None  # seconds for the whole download; None: DEADLINE_FACTOR x

    @property
    def total_seconds(self) -> float:
        return self.deadline if self.deadline is not None else DEADLINE_FACTOR * self.timeout


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limit: int) -> None:
        self.max_redirections = limit
        self.max_repeats = limit


def _opener(limits: FetchLimits) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_Redirects(limits.max_redirects))


def _read_capped(response, url: str, limit: int, deadline: float, seconds: float) -> bytes:
    """Read at most `limit` bytes before `deadline` (time.monotonic), a chunk per socket read
    so that a dripping server is noticed between chunks."""
    read = getattr(response, "read1", response.read)
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: download took longer than its total time limit of "
                             f"{seconds:g} s")
        chunk = read(CHUNK)
        if not chunk:
            missing = getattr(response, "length", None)  # of the promised Content-Length
            if missing:
                raise FetchError(f"{url}: incomplete response ({size} bytes, {missing} more "
                                 "promised, then the connection closed)")
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url}: response is over the size limit of {limit} bytes")
        chunks.append(chunk)


def _gunzip(data: bytes, url: str, limit: int) -> bytes:
    """The input reader's capped gunzip, its error reported as a fetch failure."""
    try:
        return gunzip(data, url, limit)
    except InputError as exc:
        raise FetchError(str(exc)) from None


def _content_type(headers: Message) -> tuple[str, str | None]:
    ctype = (headers.get_content_type() or "").lower()
    return ctype, headers.get_content_charset()


def fetch(url: str, options: Options = DEFAULT_OPTIONS,
          limits: FetchLimits = FetchLimits()) -> InputRecord:
    """The page at url as an InputRecord (bytes, final URL, HTTP charset); raise FetchError
    naming the URL and the cause."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    cap = min(limits.max_bytes, options.max_bytes)
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "gzip"})
    deadline = time.monotonic() + limits.total_seconds
    captured = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        with _opener(limits).open(request, timeout=limits.timeout) as response:
            ctype, charset = _content_type(response.headers)
            if ctype and ctype not in _ACCEPTED:
                raise FetchError(f"{url}: content type {ctype} is not HTML or text")
            data = _read_capped(response, url, cap, deadline, limits.total_seconds)
            encoding = (response.headers.get("Content-Encoding") or "").lower().strip()
            final_url = response.geturl() or url
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise FetchError(f"{url}: too many redirects (limit {limits.max_redirects})") from None
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: {exc.reason}") from None
    except http.client.IncompleteRead as exc:
        raise FetchError(f"{url}: incomplete response ({len(exc.partial)} bytes, then the "
                         "connection closed)") from None
    except http.client.BadStatusLine as exc:
        raise FetchError(f"{url}: bad HTTP status line {str(exc)[:80]!r}") from None
    except http.client.HTTPException as exc:
        raise FetchError(f"{url}: HTTP protocol error: {type(exc).__name__}: {exc}") from None
    except TimeoutError:
        raise FetchError(f"{url}: timed out after {limits.timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
    if encoding in ("gzip", "x-gzip"):
        data = _gunzip(data, url, cap)
    elif encoding not in ("", "identity"):
        raise FetchError(f"{url}: unsupported Content-Encoding {encoding!r}")
    log.info("fetched %s (%d bytes)", final_url, len(data))
    kind = "text" if ctype == "text/plain" else "html" if ctype else "auto"
    return InputRecord(id=url, content=data, url=final_url, kind=kind,
                       headers_charset=charset, origin=url, captured=captured)
