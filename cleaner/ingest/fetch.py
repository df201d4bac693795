"""Download pages for cleaning: `fetch(url) -> InputRecord` or FetchError, and
`fetch_many(urls)` for lists.

A fetcher in a batch meets hostile servers and hostile URL lists, so every limit is
explicit (issue #12):
- one deadline over the whole request, retries included: connect, status line, headers and
  body (a server sending its headers a byte a second is cut off at the deadline, not after
  every byte's socket timeout); `--timeout` bounds it;
- http and https only, checked on every redirect hop, with a message that names the hop;
- the host is resolved once per hop and every address checked: private, loopback,
  link-local, metadata (169.254.169.254) and other non-global addresses are refused unless
  `allow_private` (`--allow-private`) says so, whatever the spelling (`0x7f000001`,
  `2130706433`, `[::ffff:127.0.0.1]`); the connection goes to the checked address, so a
  second DNS answer cannot swap it;
- a size cap enforced while streaming, a gzip cap over every member, a redirect limit;
- any URL problem is a FetchError naming the URL, never another exception.
`fetch_many` adds what a list needs (issue #13): parallel fetching in input order, one
kept-alive connection and at most one request at a time per host, and retries with
backoff on 5xx answers and timeouts.
"""

from __future__ import annotations

import http.client
import logging
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from email.message import Message
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

from cleaner.core.decode import gunzip, looks_like_html
from cleaner.core.errors import FetchError, InputError
from cleaner.core.records import InputKind, InputRecord
from cleaner.engine.options import DEFAULT_OPTIONS, Options
from cleaner.ingest.fetchnet import (
    DEFAULT_LIMITS,
    SCHEMES,
    FetchLimits,
    PinnedHTTP,
    PinnedHTTPS,
    Retry,
    Target,
    Watchdog,
    parse_target,
    resolve,
)

log = logging.getLogger(__name__)
USER_AGENT = "cleaner/0.1 (+https://github.com/cleaner)"
# Parallel fetches by default; politeness is per host whatever this is.
FETCH_WORKERS = 8
CHUNK = 64 * 1024
_ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
_REDIRECTS = (301, 302, 303, 307, 308)


class Fetcher:
    """Kept-alive connections and one lock per host, shared by the threads of a list fetch.
    A host's lock is held for one request (one hop), so a redirect to another host never
    waits on a lock while holding one."""

    def __init__(self, limits: FetchLimits = DEFAULT_LIMITS,
                 options: Options = DEFAULT_OPTIONS) -> None:
        self.limits = limits
        self.options = options
        self._pool: dict[tuple[Any, ...], http.client.HTTPConnection] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host.lower(), threading.Lock())

    def close(self) -> None:
        with self._guard:
            for conn in self._pool.values():
                conn.close()
            self._pool.clear()

    def total_seconds(self) -> float:
        total = self.limits.total_seconds
        if self.options.timeout_seconds > 0:
            total = min(total, self.options.timeout_seconds)
        return total

    def fetch(self, url: str) -> InputRecord:
        """The page at url as an InputRecord (bytes, final URL, HTTP charset); raise
        FetchError naming the URL and the cause."""
        seconds = self.total_seconds()
        deadline = time.monotonic() + seconds
        captured = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        attempt = 0
        while True:
            try:
                return self._follow(url, deadline, seconds, captured)
            except Retry as exc:
                wait = self.limits.backoff * (2 ** attempt)
                attempt += 1
                if attempt > self.limits.retries or time.monotonic() + wait >= deadline:
                    raise FetchError(str(exc)) from None
                log.info("retrying %s in %.1f s: %s", url, wait, exc)
                time.sleep(wait)

    def _follow(self, url: str, deadline: float, seconds: float, captured: str
                ) -> InputRecord:
        current = url
        for _ in range(self.limits.max_redirects + 1):
            try:
                target = parse_target(current)
            except FetchError as exc:
                if current == url:
                    raise
                raise FetchError(f"{url}: redirected to a bad URL: {exc}") from None
            status, headers, body = self._request(target, url, deadline, seconds)
            if status in _REDIRECTS and headers.get("Location"):
                nxt = urljoin(current, headers["Location"].strip())
                scheme = urlsplit(nxt).scheme.lower() if "://" in nxt else ""
                if scheme not in SCHEMES:
                    raise FetchError(f"{url}: redirect to {nxt} refused: only http and https "
                                     "URLs can be fetched")
                current = nxt
                continue
            return self._record(url, current, status, headers, body, captured)
        raise FetchError(f"{url}: too many redirects (limit {self.limits.max_redirects})")

    def _record(self, url: str, final: str, status: int, headers: Message, body: bytes,
                captured: str) -> InputRecord:
        if status >= 500:
            raise Retry(f"{url}: HTTP {status} {http.client.responses.get(status, '')}".rstrip())
        if status >= 300:
            raise FetchError(f"{url}: HTTP {status} {http.client.responses.get(status, '')}"
                             .rstrip())
        cap = min(self.limits.max_bytes, self.options.max_bytes)
        encoding = (headers.get("Content-Encoding") or "").lower().strip()
        if encoding in ("gzip", "x-gzip"):
            try:
                body = gunzip(body, url, cap)
            except InputError as exc:
                raise FetchError(str(exc)) from None
        elif encoding not in ("", "identity"):
            raise FetchError(f"{url}: unsupported Content-Encoding {encoding!r}")
        if headers.get("Content-Type"):
            ctype, charset = headers.get_content_type().lower(), headers.get_content_charset()
            kind = "text" if ctype == "text/plain" else "html"
        else:  # no type given: markup is HTML, anything else is left to the pipeline
            charset = None
            head = body[:20_000].decode("latin-1")
            kind = "html" if looks_like_html(head) else "auto"
        log.info("fetched %s (%d bytes)", final, len(body))
        return InputRecord(id=url, content=body, url=final, kind=cast(InputKind, kind),
                           headers_charset=charset, origin=url, captured=captured)

    def _connection(self, t: Target, url: str, remaining: float
                    ) -> tuple[http.client.HTTPConnection, bool]:
        key = (t.scheme, t.host.lower(), t.port)
        with self._guard:
            conn = self._pool.pop(key, None)
        if conn is not None:
            return conn, True
        infos = resolve(t, self.limits, url)
        timeout = min(self.limits.timeout, max(remaining, 0.01))
        cls = PinnedHTTPS if t.scheme == "https" else PinnedHTTP
        return cls(t.host, t.port, infos[0][4], timeout), False

    def _request(self, t: Target, url: str, deadline: float, seconds: float
                 ) -> tuple[int, Message, bytes]:
        with self._lock(t.host):
            for fresh_try in (False, True):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise self._late(url, seconds)
                conn, reused = self._connection(t, url, remaining)
                if fresh_try and reused:  # the pooled one failed: a new one, not another
                    conn.close()
                    conn, reused = self._connection(t, url, remaining)
                watchdog = Watchdog(remaining, conn)
                try:
                    result = self._exchange(conn, t, url, deadline, seconds)
                except (http.client.RemoteDisconnected, BrokenPipeError,
                        ConnectionResetError) as exc:
                    conn.close()
                    if watchdog.fired:
                        raise self._late(url, seconds) from None
                    if reused and not fresh_try:  # a kept-alive connection the server closed
                        continue
                    raise self._error(url, exc) from None
                except FetchError:
                    conn.close()
                    if watchdog.fired:
                        raise self._late(url, seconds) from None
                    raise
                except Exception as exc:  # noqa: BLE001 - every failure names the URL
                    conn.close()
                    if watchdog.fired:
                        raise self._late(url, seconds) from None
                    raise self._error(url, exc) from None
                finally:
                    watchdog.cancel()
                status, headers, body, keep = result
                if keep:
                    with self._guard:
                        self._pool[(t.scheme, t.host.lower(), t.port)] = conn
                else:
                    conn.close()
                return status, headers, body
        raise FetchError(f"{url}: connection failed")  # pragma: no cover

    def _exchange(self, conn: http.client.HTTPConnection, t: Target, url: str,
                  deadline: float, seconds: float) -> tuple[int, Message, bytes, bool]:
        conn.request("GET", t.path, headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip"})
        response = conn.getresponse()
        status = response.status
        if status in _REDIRECTS or status >= 300:
            body = response.read(CHUNK)  # a short body, read so the connection can be kept
            whole = response.isclosed() or not response.read(1)
        else:
            ctype = (response.headers.get_content_type() or "").lower()
            if response.headers.get("Content-Type") and ctype not in _ACCEPTED:
                raise FetchError(f"{url}: content type {ctype} is not HTML or text")
            cap = min(self.limits.max_bytes, self.options.max_bytes)
            body, whole = _read_capped(response, url, cap, deadline, seconds), True
        keep = whole and not response.will_close
        response.close()  # the connection is free for the next request only once closed
        return status, response.headers, body, keep

    @staticmethod
    def _late(url: str, seconds: float) -> FetchError:
        return FetchError(f"{url}: the request took longer than its total time limit of "
                          f"{seconds:g} s")

    def _error(self, url: str, exc: BaseException) -> FetchError:
        if isinstance(exc, http.client.IncompleteRead):
            return FetchError(f"{url}: incomplete response ({len(exc.partial)} bytes, then "
                              "the connection closed)")
        if isinstance(exc, http.client.BadStatusLine):
            return FetchError(f"{url}: bad HTTP status line {str(exc)[:80]!r}")
        if isinstance(exc, http.client.HTTPException):
            return FetchError(f"{url}: HTTP protocol error: {type(exc).__name__}: {exc}")
        if isinstance(exc, (TimeoutError, socket.timeout)):
            return Retry(f"{url}: timed out after {self.limits.timeout:g} s")
        return FetchError(f"{url}: {type(exc).__name__}: {exc}")


def _read_capped(response: http.client.HTTPResponse, url: str, limit: int, deadline: float,
                 seconds: float) -> bytes:
    """Read at most `limit` bytes before `deadline` (time.monotonic)."""
    read = getattr(response, "read1", response.read)
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: the request took longer than its total time limit of "
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


def fetch(url: str, options: Options = DEFAULT_OPTIONS,
          limits: FetchLimits = DEFAULT_LIMITS) -> InputRecord:
    """The page at url as an InputRecord; raise FetchError naming the URL and the cause."""
    fetcher = Fetcher(limits, options)
    try:
        return fetcher.fetch(url)
    finally:
        fetcher.close()


def fetch_many(urls: Iterable[str], options: Options = DEFAULT_OPTIONS,
               limits: FetchLimits = DEFAULT_LIMITS, workers: int = FETCH_WORKERS
               ) -> Iterator[InputRecord | FetchError]:
    """Each URL's record or FetchError, in input order, fetched on `workers` threads with
    at most workers x 4 URLs in flight."""
    return (got for _, got in fetch_pairs(urls, options, limits, workers))


def fetch_pairs(urls: Iterable[str], options: Options = DEFAULT_OPTIONS,
                limits: FetchLimits = DEFAULT_LIMITS, workers: int = FETCH_WORKERS
                ) -> Iterator[tuple[str, InputRecord | FetchError]]:
    """(url, record or FetchError) for each URL, as `fetch_many`."""
    fetcher = Fetcher(limits, options)

    def one(url: str) -> InputRecord | FetchError:
        try:
            return fetcher.fetch(url)
        except FetchError as exc:
            return exc
        except Exception as exc:  # noqa: BLE001 - one URL must not end the list
            return FetchError(f"{url}: {type(exc).__name__}: {exc}")

    window = max(1, workers) * 4
    pending: list[Any] = []
    try:
        with ThreadPoolExecutor(max_workers=max(1, workers),
                                thread_name_prefix="cleaner-fetch") as pool:
            for url in urls:
                pending.append((url, pool.submit(one, url)))
                if len(pending) >= window:
                    url, future = pending.pop(0)
                    yield url, future.result()
            while pending:
                url, future = pending.pop(0)
                yield url, future.result()
    finally:
        for _, future in pending:
            future.cancel()
        fetcher.close()
