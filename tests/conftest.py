"""Fixtures shared across the test modules: a local HTTP server (tests never touch the
network), a scratch rules folder holding the bundled generic rules, and a stand-in terminal
for progress lines."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from cleaner.rulebook.files import bundled_rules_dir


@pytest.fixture(scope="module")
def serve() -> Iterator[Callable[[type[BaseHTTPRequestHandler]], str]]:
    """`serve(Handler)` starts a server on 127.0.0.1 (a free port) for the module and returns
    its base URL; every server started is shut down when the module's tests end."""
    servers: list[ThreadingHTTPServer] = []

    def start(handler: type[BaseHTTPRequestHandler]) -> str:
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture()
def make_rules(tmp_path: Path) -> Callable[..., Path]:
    """`make_rules(demo=YAML, ..., tests=False)` writes tmp_path/rules with the bundled
    generic.yaml plus one file per keyword (its site name), and a tests/ folder if asked;
    fixtures named in rule tests resolve against tmp_path, the rules folder's parent."""

    def make(tests: bool = False, **sites: str) -> Path:
        rules = tmp_path / "rules"
        rules.mkdir(exist_ok=True)
        if tests:
            (rules / "tests").mkdir(exist_ok=True)
        shutil.copy(bundled_rules_dir() / "generic.yaml", rules / "generic.yaml")
        for name, text in sites.items():
            (rules / f"{name}.yaml").write_text(text, encoding="utf-8")
        return rules

    return make


class FakeTerminal:
    """A stderr that says it is a terminal, so progress lines are drawn; keeps what it got."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


@pytest.fixture()
def terminal() -> Callable[[], FakeTerminal]:
    """`terminal()` gives a new FakeTerminal."""
    return FakeTerminal
