"""Issue #12 finding 6 and 7 (fetch side) and #13 item 5: the fetcher refuses private
addresses and other schemes on every hop, keeps one deadline over the whole request, sniffs
a missing Content-Type, reads every gzip member; --fetch takes a URL list, fetches in
parallel with one connection per host, one request at a time per host, and retries.

The server is on 127.0.0.1 only; since loopback is refused by default, every fetch here
passes allow_private (`--allow-private`) explicitly, and one test checks the refusal."""

from __future__ import annotations

import gzip
import io
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest

from cleaner.commands.main import main
from cleaner.core.errors import FetchError
from cleaner.ingest.fetch import FetchLimits, fetch

PAGE = ("<html><head><title>Harbour reopens</title></head><body><article>"
        "<h1>Harbour reopens</h1>"
        + "".join(f"<p>The {w} paragraph of the harbour story, long enough to be kept as the "
                  "body of an article, with a clause and a full stop.</p>"
                  for w in ("first", "second", "third"))
        + "</article></body></html>").encode("utf-8")
OPEN = FetchLimits(timeout=2.0, allow_private=True, backoff=0.05)
STATE = {"flaky": 0, "active": 0, "max_active": 0, "ports": set(), "requests": 0}
LOCK = threading.Lock()
DRIP_SECONDS = 8.0  # each byte within any read timeout; the headers never end


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _send(self, code: int, body: bytes, ctype: str | None = "text/html; charset=utf-8",
              **headers) -> None:
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), str(v))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        with LOCK:
            STATE["active"] += 1
            STATE["requests"] += 1
            STATE["max_active"] = max(STATE["max_active"], STATE["active"])
            STATE["ports"].add(self.client_address[1])
        try:
            self._route(self.path)
        finally:
            with LOCK:
                STATE["active"] -= 1

    def _route(self, path: str) -> None:
        if path.startswith("/page"):
            time.sleep(0.05)
            self._send(200, PAGE)
        elif path == "/no-type":
            self._send(200, PAGE, None)
        elif path == "/two-members":
            self._send(200, gzip.compress(PAGE[:120]) + gzip.compress(PAGE[120:]),
                       Content_Encoding="gzip")
        elif path == "/to-ftp":
            self._send(302, b"", Location="ftp://127.0.0.1/pub/")
        elif path == "/to-file":
            self._send(302, b"", Location="file:///etc/passwd")
        elif path == "/to-loopback":
            self._send(302, b"", Location="http://2130706433/")
        elif path == "/flaky":
            with LOCK:
                STATE["flaky"] += 1
                n = STATE["flaky"]
            if n < 3:
                self._send(503, b"busy")
            else:
                self._send(200, PAGE)
        elif path == "/head-drip":  # status line, then a header that never ends
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                end = time.monotonic() + DRIP_SECONDS
                while time.monotonic() < end:
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.05)
                STATE["drip"] = "finished"  # the client waited for the whole drip
            except OSError:
                STATE["drip"] = "cut"  # the client hung up mid-drip
            self.close_connection = True
        else:
            self._send(404, b"")


@pytest.fixture(scope="module")
def server(serve):
    return serve(Handler)


def test_loopback_is_refused_without_allow_private(server):
    with pytest.raises(FetchError) as info:
        fetch(server + "/page", limits=FetchLimits(timeout=2.0))
    assert "private" in str(info.value) and "--allow-private" in str(info.value)
    assert fetch(server + "/page", limits=OPEN).content == PAGE


@pytest.mark.parametrize("url", [
    "http://localhost/", "http://0x7f000001/", "http://2130706433/", "http://017700000001/",
    "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/latest/meta-data",
    "http://10.0.0.1/", "http://192.168.1.1/", "http://0.0.0.0/", "http://[fe80::1]/",
])
def test_private_addresses_in_every_spelling_are_refused(url):
    with pytest.raises(FetchError, match="private"):
        fetch(url, limits=FetchLimits(timeout=1.0))


def test_redirect_to_loopback_is_refused_on_that_hop(server):
    with pytest.raises(FetchError) as info:
        fetch(server + "/to-loopback",
              limits=FetchLimits(timeout=2.0, private_hosts=("127.0.0.1",)))
    assert "private" in str(info.value) and "2130706433" in str(info.value)


@pytest.mark.parametrize("path, scheme", [("/to-ftp", "ftp"), ("/to-file", "file")])
def test_redirect_to_another_scheme_is_refused_clearly(server, path, scheme):
    with pytest.raises(FetchError) as info:
        fetch(server + path, limits=OPEN)
    message = str(info.value)
    assert f"redirect to {scheme}://" in message and "only http and https" in message
    assert "too many" not in message


def _drip_outcome() -> str:
    """How the last drip ended, as the server saw it: 'cut' when we hung up mid-headers."""
    for _ in range(int(DRIP_SECONDS * 40)):
        if STATE.get("drip"):
            return STATE["drip"]
        time.sleep(0.05)
    return "unknown"


def test_header_drip_is_stopped_by_the_whole_request_deadline(server):
    STATE["drip"] = None
    with pytest.raises(FetchError) as info:
        fetch(server + "/head-drip", limits=FetchLimits(timeout=0.5, deadline=1.0,
                                                        allow_private=True, retries=0))
    assert "total time limit" in str(info.value)
    assert _drip_outcome() == "cut"


@pytest.mark.parametrize("url", ["http://[::1", "http://host:99999/", "http:///nohost",
                                 "http://exa mple.com/"])
def test_malformed_url_is_a_fetch_error(url):
    with pytest.raises(FetchError):
        fetch(url, limits=FetchLimits(timeout=1.0))


def test_malformed_url_is_an_error_record_and_the_run_goes_on(server, capsys):
    code = main(["clean", "--fetch", "--allow-private", "http://[::1", server + "/page",
                 "--format", "jsonl", "-q"])
    lines = [json.loads(x) for x in io.StringIO(capsys.readouterr().out)]
    assert code == 1 and [r["status"] for r in lines] == ["error", "ok"]


def test_missing_content_type_is_sniffed_as_html(server):
    record = fetch(server + "/no-type", limits=OPEN)
    assert record.kind == "html"
    from cleaner.engine.pipeline import clean_record

    result = clean_record(record)
    assert result.status == "ok" and "<p>" not in result.text and "third paragraph" in result.text


def test_every_gzip_member_of_a_body_is_read(server):
    assert fetch(server + "/two-members", limits=OPEN).content == PAGE


def test_5xx_is_retried_with_backoff(server):
    STATE["flaky"] = 0
    assert fetch(server + "/flaky", limits=OPEN).content == PAGE
    assert STATE["flaky"] == 3


def test_timeout_option_covers_fetching(server):
    from cleaner.engine.options import Options

    STATE["drip"] = None
    with pytest.raises(FetchError, match="total time limit"):
        fetch(server + "/head-drip", Options(timeout_seconds=1.0),
              FetchLimits(allow_private=True, retries=0))
    assert _drip_outcome() == "cut"  # stopped at 1 s, not the old 4 x 15 s


# #13: URL lists, parallel fetching, politeness ------------------------------------------

def test_fetch_reads_a_url_list_file_and_stdin(server, tmp_path, monkeypatch, capsys):
    urls = [f"{server}/page{i}" for i in range(3)]
    listing = tmp_path / "urls.txt"
    listing.write_text("# a comment\n" + "\n".join(urls) + "\n\n", encoding="utf-8")
    assert main(["clean", "--fetch", str(listing), "--allow-private", "--format", "jsonl",
                 "-q"]) == 0
    got = [json.loads(x)["input"] for x in io.StringIO(capsys.readouterr().out)]
    assert got == urls
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\n".join(urls).encode())))
    assert main(["clean", "--fetch", "-", "--allow-private", "--format", "jsonl", "-q"]) == 0
    got = [json.loads(x)["input"] for x in io.StringIO(capsys.readouterr().out)]
    assert got == urls


def test_parallel_fetch_is_polite_per_host_and_reuses_connections(server):
    from cleaner.ingest.fetch import fetch_many

    STATE.update(max_active=0, ports=set(), requests=0)
    urls = [f"{server}/page{i}" for i in range(8)]
    results = list(fetch_many(urls, limits=OPEN, workers=4))
    assert [r.url for r in results] == urls  # in input order
    assert STATE["max_active"] == 1  # one request at a time on one host
    assert len(STATE["ports"]) < STATE["requests"]  # keep-alive: fewer connections


def test_negative_workers_are_rejected(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["clean", str(tmp_path / "a.txt"), "--workers", "-1"])
    assert info.value.code == 2
    assert "--workers" in capsys.readouterr().err
