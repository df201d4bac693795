"""Helpers shared by the batch, resume, Dask, WARC and CLI tests (no tests of its own)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS]


def paragraphs(n: int) -> list[str]:
    """n short, distinct text documents cut from the seeds (fast to clean)."""
    paras = [p.strip() for t in seed_texts() for p in t.split("\n\n") if len(p.strip()) > 80]
    docs = []
    for i in range(n):
        a, b = paras[i % len(paras)], paras[(i * 7 + 3) % len(paras)]
        docs.append(f"Story number {i}\n\n{a}\n\n{b}\n")
    return docs


def write_jsonl(path: Path, records: list[dict]) -> Path:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def text_records(n: int, prefix: str = "doc") -> list[dict]:
    return [{"id": f"{prefix}-{i}", "url": None, "text": t} for i, t in enumerate(paragraphs(n))]


def read_lines(path: Path) -> list[dict]:
    """Every line of a JSONL file, asserting the file is valid JSONL (whole lines only)."""
    data = path.read_bytes()
    assert not data or data.endswith(b"\n"), f"{path} ends with a torn line"
    return [json.loads(line) for line in data.splitlines()]


def big_text(lines: int) -> str:
    """A long, varied text document: slow enough to overrun a tiny time limit."""
    return "Big page\n\n" + "\n".join(
        f"Paragraph {i} tells the reader that the council met on day {i % 31} and said "
        f"that {i * 17 % 1000} people had attended the meeting in the town hall." for i in
        range(lines))


def warc_record(uri: str, rid: str, date: str, body: bytes, status: str = "200 OK",
                ctype: str = "text/html; charset=utf-8", wtype: str = "response") -> bytes:
    http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def warc_request(uri: str, rid: str) -> bytes:
    http = f"GET / HTTP/1.1\r\nHost: {uri}\r\n\r\n".encode()
    head = (f"WARC/1.0\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=request\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"
