"""A misbehaving server on 127.0.0.1 (never the network): each fault is an error record that
names the URL and the cause, and a batch of URLs goes on past it."""

from __future__ import annotations

import gzip
import json
import socket
import struct
import time
from http.server import BaseHTTPRequestHandler

import pytest

from cleaner.commands.main import main
from cleaner.core.errors import FetchError
from cleaner.ingest.fetch import FetchLimits, fetch

ARTICLE = ("<html><head><title>Flood waters recede</title></head><body><article>"
           "<h1>Flood waters recede</h1>"
           + "".join(f"<p>The {w} paragraph of the flood story, long enough to be kept as the "
                     "body of an article, with a clause or two and a full stop.</p>"
                     for w in ("first", "second", "third"))
           + "</article></body></html>").encode("utf-8")
GZIP_BOMB = gzip.compress(b"\0" * 60_000_000, 9)  # 60 MB of zeros in ~60 kB
DRIP_SECONDS = 3.0  # the drip outlasts every per-read timeout below many times over


class Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _head(self, code: int, ctype: str = "text/html; charset=utf-8", **headers) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), str(v))
        self.end_headers()

    def _send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              **headers) -> None:
        self._head(code, ctype, Content_Length=len(body), **headers)
        self.wfile.write(body)

    def _reset(self) -> None:
        """Close with RST, not FIN: SO_LINGER on, zero seconds."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path.split("?")[0]  # "/ok?again=1" is the same page at another URL
        if path == "/ok":
            self._send(200, ARTICLE)
        elif path == "/drip":  # a byte at a time: each read is quick, the whole is not
            self._head(200, Content_Length=100_000)
            end = time.monotonic() + DRIP_SECONDS
            try:
                while time.monotonic() < end:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/silent":  # accepts, then says nothing
            time.sleep(2.0)
            self.close_connection = True
        elif path == "/reset":
            self._reset()
        elif path == "/reset-mid-body":
            self._head(200, Content_Length=50_000)
            self.wfile.write(ARTICLE[:200])
            self.wfile.flush()
            self._reset()
        elif path == "/truncated":  # promises more than it sends, then closes cleanly
            self._head(200, Content_Length=50_000)
            self.wfile.write(ARTICLE[:200])
            self.close_connection = True
        elif path == "/bad-status":
            self.wfile.write(b"HTTP/1.1 two-hundred OK\r\n\r\n")
            self.close_connection = True
        elif path == "/not-http":
            self.wfile.write(b"\x00\x01\x02 this is not HTTP at all\r\n")
            self.close_connection = True
        elif path == "/404":
            self._send(404, b"<h1>Not found</h1>")
        elif path == "/500":
            self._send(500, b"<h1>Internal error</h1>")
        elif path == "/loop":
            self._send(302, b"", Location="/loop")
        elif path == "/ping":
            self._send(301, b"", Location="/pong")
        elif path == "/pong":
            self._send(301, b"", Location="/ping")
        elif path == "/huge":  # no length: streams until someone stops reading
            self._head(200)
            try:
                for _ in range(2_000):
                    self.wfile.write(b"<p>" + b"x" * 8_192 + b"</p>")
            except OSError:
                pass
            self.close_connection = True
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "image/png")
        elif path == "/png-as-html":  # wrong content type the other way round
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "text/html")
        elif path == "/gzip-bomb":
            self._send(200, GZIP_BOMB, Content_Encoding="gzip")
        elif path == "/gzip-lie":
            self._send(200, ARTICLE, Content_Encoding="gzip")
        elif path == "/brotli":
            self._send(200, ARTICLE, Content_Encoding="br")
        else:
            self._send(404, b"")


@pytest.fixture(scope="module")
def server(serve):
    return serve(Hostile)


# 127.0.0.1 is refused unless allowed; no retries, so each fault is seen once
QUICK = FetchLimits(timeout=0.5, max_bytes=2_000_000, allow_private=True, retries=0)
FAULTS = [
    ("/silent", "timed out"),
    ("/reset", "reset"),
    ("/reset-mid-body", "reset"),
    ("/truncated", "incomplete"),
    ("/bad-status", "status"),
    ("/not-http", "status"),
    ("/404", "HTTP 404"),
    ("/500", "HTTP 500"),
    ("/loop", "redirect"),
    ("/ping", "redirect"),
    ("/huge", "size limit"),
    ("/image", "image/png"),
    ("/gzip-bomb", "size limit"),
    ("/gzip-lie", "gzip"),
    ("/brotli", "Content-Encoding"),
]


@pytest.mark.parametrize("path, cause", FAULTS, ids=[p for p, _ in FAULTS])
def test_each_fault_is_a_fetch_error_naming_url_and_cause(server, path, cause):
    with pytest.raises(FetchError) as info:
        fetch(server + path, limits=QUICK)
    message = str(info.value)
    assert message.startswith(server + path + ": ")
    assert cause.lower() in message.lower(), message


def test_slow_drip_is_stopped_by_a_total_deadline(server):
    """Every read returns within the per-read timeout, so only a deadline on the whole
    download stops a server that sends one byte every 50 ms."""
    with pytest.raises(FetchError) as info:
        fetch(server + "/drip", limits=FetchLimits(timeout=0.3, max_bytes=2_000_000,
                                                             allow_private=True))
    assert "/drip" in str(info.value) and "time" in str(info.value).lower()


def test_png_served_as_html_is_an_error_record_after_fetch(server):
    from cleaner.engine.pipeline import clean_record

    record = fetch(server + "/png-as-html", limits=QUICK)
    result = clean_record(record)
    assert result.status == "error" and "png-as-html" in result.error
    assert "binary" in result.error


BATCH = ["/ok", "/404", "/500", "/loop", "/reset", "/truncated", "/bad-status", "/image",
         "/gzip-bomb", "/gzip-lie", "/png-as-html", "/ok?again=1"]


def test_a_batch_of_urls_goes_on_past_every_fault(server, tmp_path):
    out = tmp_path / "out"
    urls = [server + p for p in BATCH]
    code = main(["clean", "--fetch", "--allow-private", *urls, "--out", str(out), "-q"])
    assert code == 1  # some records failed; the run itself finished
    lines = [json.loads(x) for x in (out / "fetched.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in lines] == urls  # one record per URL, in order
    by_path = {r["id"][len(server):]: r for r in lines}
    assert by_path["/ok"]["status"] == by_path["/ok?again=1"]["status"] == "ok"
    assert "Flood waters recede" in (by_path["/ok"]["title"] or "")
    for path in BATCH:
        if path.startswith("/ok"):
            continue
        rec = by_path[path]
        assert rec["status"] == "error", path
        assert server + path in rec["error"], rec["error"]
