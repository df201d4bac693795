"""Turn input bytes into text, and tell HTML from already-extracted text.

Order of trust for the encoding: byte-order mark, the HTTP header's charset, the page's
meta charset, strict UTF-8, then charset-normalizer's guess. A label that does not decode
(cp1252 bytes labelled UTF-8) falls through to the next, so the label never wins over the
bytes.
"""

from __future__ import annotations

import codecs
import re
import zlib

from .errors import InputError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w:.-]{1,40})""", re.I)
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html|<head|<body|<!--|<\?xml)", re.I)
_HTML_TAGS = re.compile(r"<(?:p|div|span|a|br|article|section|h[1-6]|img|script|meta|li)\b",
                        re.I)
BINARY_SNIFF_BYTES = 8_192
BINARY_CONTROL_SHARE = 0.10  # text has almost no C0 controls besides \t \n \r \f
HTML_MIN_TAGS = 3


def _binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > BINARY_CONTROL_SHARE * len(head)


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError, ValueError):
        return None


def gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """Decompress gzip with a cap, so a gzip bomb is an error, not an out-of-memory kill."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(f"{name}: corrupt gzip data ({exc})") from None
    if len(out) > max_bytes or d.unconsumed_tail:
        raise InputError(f"{name}: gzip data expands past the size limit of {max_bytes} bytes")
    return out


def decode_bytes(data: bytes, name: str, header_charset: str | None = None,
                 max_bytes: int = 20_000_000) -> str:
    """Decode one input; raise InputError naming the input when it is empty or not text."""
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, name, max_bytes)
    if len(data) > max_bytes:
        raise InputError(f"{name}: {len(data)} bytes is over the size limit of {max_bytes}")
    if not data.strip():
        raise InputError(f"{name}: input is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _try(data, enc)
            if text is not None:
                return text
    if _binary(data):
        raise InputError(f"{name}: input looks like binary data, not text or HTML")
    meta = _META_CHARSET.search(data[:4096])
    for label in (header_charset, meta.group(1).decode("ascii", "replace") if meta else None,
                  "utf-8"):
        text = _try(data, label)
        if text is not None:
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None:
        text = _try(data, best.encoding)
        if text is not None:
            return text
    raise InputError(f"{name}: cannot decode the bytes as text in any known encoding")


def looks_like_html(text: str) -> bool:
    """HTML when it opens like a document or carries a few common tags early on."""
    if _HTML_START.match(text[:1024]):
        return True
    return len(_HTML_TAGS.findall(text[:20_000])) >= HTML_MIN_TAGS
