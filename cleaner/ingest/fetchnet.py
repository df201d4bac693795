"""Where a fetch may connect, and how: the limits of one request, http(s) URLs only, every
resolved address checked (private, loopback, link-local and metadata addresses refused
unless allowed, whatever their spelling), connections pinned to the checked address, and a
watchdog that ends a request at its deadline. `fetch.py` builds the requests on these.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from cleaner.core.errors import FetchError

# News pages are well under 5 MB of HTML; the cap bounds memory per fetch in a batch.
MAX_DOWNLOAD_BYTES = 5_000_000
# Seconds per connect or read; a server slower than this is down as far as a batch cares.
TIMEOUT_SECONDS = 15.0
# Browsers allow 20; news sites need 2-3 (http -> https -> www -> consent).
MAX_REDIRECTS = 5
# The whole request's deadline, as a multiple of the per-read timeout, when neither a
# deadline nor the per-document time limit is shorter.
DEADLINE_FACTOR = 4
# Retries after a 5xx answer or a timed-out read, waiting BACKOFF_SECONDS, then twice that.
RETRIES = 2
BACKOFF_SECONDS = 0.5
SCHEMES = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class FetchLimits:
    timeout: float = TIMEOUT_SECONDS
    max_bytes: int = MAX_DOWNLOAD_BYTES
    max_redirects: int = MAX_REDIRECTS
    deadline: float | None = None  # seconds for the whole request; None: DEADLINE_FACTOR x
    allow_private: bool = False  # fetch private, loopback and link-local addresses too
    private_hosts: tuple[str, ...] = ()  # host names (as written) allowed to be private
    retries: int = RETRIES
    backoff: float = BACKOFF_SECONDS

    @property
    def total_seconds(self) -> float:
        return self.deadline if self.deadline is not None else DEADLINE_FACTOR * self.timeout


class Retry(FetchError):
    """A failure worth another try (a 5xx answer, a timed-out read)."""


def refused_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for an address a fetcher must not reach on a user's behalf: anything not
    globally routable (private, loopback, link-local and cloud metadata, multicast,
    reserved, unspecified), also when wrapped in IPv6 (::ffff:127.0.0.1, 6to4, Teredo)."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None and refused_address(inner):
            return True
    return not ip.is_global or ip.is_multicast


@dataclass(frozen=True, slots=True)
class Target:
    url: str
    scheme: str
    host: str
    port: int
    path: str


def parse_target(url: str) -> Target:
    """The URL's parts, or FetchError for anything that is not a fetchable http(s) URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
        host = parts.hostname
    except ValueError as exc:
        raise FetchError(f"{url}: not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    if not host or any(ch.isspace() for ch in url.strip()):
        raise FetchError(f"{url}: not a valid URL (no host, or spaces in it)")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(url, scheme, host, port or SCHEMES[scheme], path)


def resolve(t: Target, limits: FetchLimits, url: str) -> list[Any]:
    """The host's addresses, each checked; FetchError when one is private and not allowed."""
    try:
        infos = socket.getaddrinfo(t.host, t.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"{url}: cannot resolve host {t.host!r} ({exc})") from None
    if not (limits.allow_private or t.host in limits.private_hosts):
        for *_, sockaddr in infos:
            ip = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
            if refused_address(ip):
                hop = "" if t.url == url else f" (redirected to {t.url})"
                raise FetchError(f"{url}: host {t.host} is a private, loopback or "
                                 f"link-local address ({ip}){hop}; refused (pass "
                                 "--allow-private to fetch it)")
    return infos


class PinnedHTTP(http.client.HTTPConnection):
    """A connection to an address checked beforehand, not to whatever DNS says next."""

    def __init__(self, host: str, port: int, address: tuple[Any, ...], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection(self._address[:2], self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: tuple[Any, ...], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection(self._address[:2], self.timeout)
        self.sock = self._context.wrap_socket(  # type: ignore[attr-defined]
            sock, server_hostname=self.host)


class Watchdog:
    """Shuts the connection's socket at the deadline, which ends any read in progress:
    the only way to bound a status line or headers sent a byte at a time."""

    def __init__(self, seconds: float, conn: http.client.HTTPConnection) -> None:
        self.fired = False
        self._conn = conn
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        sock = self._conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        self._timer.cancel()


DEFAULT_LIMITS = FetchLimits()
