"""fetch() against a local server on 127.0.0.1: never the network."""

from __future__ import annotations

import gzip
import time
from http.server import BaseHTTPRequestHandler

import pytest

from cleaner.core.errors import FetchError
from cleaner.engine.pipeline import clean_record
from cleaner.ingest.fetch import USER_AGENT, FetchLimits, fetch

PAGE = ("<html><head><title>Café owners win</title></head><body><article>"
        "<h1>Café owners win</h1>"
        + "".join(f"<p>The {w} paragraph of a café story, long enough to be an article body, "
                  "with words, a clause or two, and a full stop.</p>"
                  for w in ("first", "second", "third", "fourth"))
        + "</article></body></html>").encode("cp1252")
SEEN_AGENTS: list[str] = []
# The server is on 127.0.0.1, which fetch() refuses unless told (tests/ingest/test_fetch_safety.py).
LOCAL = FetchLimits(allow_private=True)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _send(self, code: int, body: bytes, ctype: str, **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/page":
            self._send(200, PAGE, "text/html; charset=windows-1252")
        elif path == "/gz":
            self._send(200, gzip.compress(PAGE), "text/html; charset=windows-1252",
                       Content_Encoding="gzip")
        elif path == "/bomb":
            self._send(200, gzip.compress(b" " * 3_000_000), "text/html",
                       Content_Encoding="gzip")
        elif path == "/big":
            self._send(200, b"x" * 300_000, "text/html")
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4", "application/pdf")
        elif path == "/missing":
            self._send(404, b"no", "text/html")
        elif path == "/moved":
            self._send(302, b"", "text/html", Location="/page")
        elif path == "/loop":
            self._send(302, b"", "text/html", Location="/loop")
        elif path == "/slow":
            time.sleep(1.0)
            self._send(200, PAGE, "text/html")
        else:
            self._send(500, b"", "text/html")


@pytest.fixture(scope="module")
def server(serve):
    return serve(Handler)


def test_fetch_gives_bytes_charset_and_user_agent(server):
    from datetime import datetime, timedelta, timezone

    before = datetime.now(timezone.utc).replace(microsecond=0)
    record = fetch(server + "/page", limits=LOCAL)
    captured = datetime.strptime(record.captured, "%Y-%m-%dT%H:%M:%SZ")
    assert before <= captured.replace(tzinfo=timezone.utc) <= before + timedelta(seconds=30)
    assert record.content == PAGE
    assert record.headers_charset == "windows-1252"
    assert record.url == server + "/page" and record.kind == "html"
    assert SEEN_AGENTS[-1] == USER_AGENT


def test_fetched_page_cleans_with_header_charset(server):
    result = clean_record(fetch(server + "/gz", limits=LOCAL))
    assert result.status == "ok", result.error
    assert "The third paragraph of a café story" in result.text


def test_gzip_is_decoded(server):
    assert fetch(server + "/gz", limits=LOCAL).content == PAGE


def test_redirect_followed_and_final_url_kept(server):
    record = fetch(server + "/moved", limits=LOCAL)
    assert record.url == server + "/page" and record.origin == server + "/moved"


@pytest.mark.parametrize("path, limits, message", [
    ("/loop", FetchLimits(allow_private=True), "redirect"),
    ("/big", FetchLimits(max_bytes=100_000, allow_private=True), "size limit"),
    ("/bomb", FetchLimits(max_bytes=1_000_000, allow_private=True), "size limit"),
    ("/pdf", FetchLimits(allow_private=True), "application/pdf"),
    ("/missing", FetchLimits(allow_private=True), "HTTP 404"),
    ("/slow", FetchLimits(timeout=0.2, allow_private=True, retries=0), "timed out"),
])
def test_fetch_errors_name_url_and_cause(server, path, limits, message):
    with pytest.raises(FetchError) as info:
        fetch(server + path, limits=limits)
    assert server + path in str(info.value) and message in str(info.value)


def test_refuses_other_schemes():
    with pytest.raises(FetchError, match="only http"):
        fetch("file:///etc/passwd")
