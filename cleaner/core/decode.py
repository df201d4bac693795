"""Turn input bytes into text, and tell HTML from already-extracted text.

Order of trust for the encoding: byte-order mark; then bytes that are valid UTF-8 with
multi-byte sequences (no real cp1252 or latin-1 page is valid UTF-8 by accident, while
servers label UTF-8 pages "ISO-8859-1" all the time); then the HTTP header's charset, the
page's meta charset, a UTF-16 page without a BOM, and charset-normalizer's guess. A label
that does not decode (cp1252 bytes labelled UTF-8) falls through to the next, so the label
never wins over the bytes. Labels name charsets, not Python codecs: a page that declares
`unicode_escape` or `rot13` gets no say in how it is read.

Text that is already mojibake ("CafÃ©", UTF-8 read as cp1252 somewhere upstream) is repaired
with ftfy's `fix_encoding`, which undoes only encoding mix-ups and leaves quotes and
other characters alone, and the repair is reported in the result's notes.
"""

from __future__ import annotations

import codecs
import logging
import re
import zlib
from dataclasses import dataclass, field

from cleaner.core.errors import InputError

log = logging.getLogger(__name__)

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
# UTF-16 without a BOM: ASCII-heavy text puts a zero in every other byte. Half the odd (or
# even) bytes being zero, and almost none of the others, never happens in binary formats
# we have met, and the text still has to decode cleanly afterwards.
UTF16_ZERO_SHARE = 0.5
UTF16_OTHER_ZERO_SHARE = 0.05
# Python codecs that are not charsets: a label naming one is ignored (a page could otherwise
# make us run `unicode_escape` over its bytes, or decode itself through rot13).
_NOT_CHARSETS = frozenset({
    "unicode_escape", "raw_unicode_escape", "idna", "punycode", "rot_13", "undefined",
    "base64_codec", "hex_codec", "zlib_codec", "bz2_codec", "quopri_codec", "uu_codec",
    "utf_7", "mbcs", "oem", "palmos", "charmap",
})
# Labels the web means as windows-1252 (the WHATWG Encoding Standard maps them so): their
# bytes 0x80-0x9F are curly quotes and dashes, never the C1 controls latin-1 would give.
_AS_CP1252 = frozenset({"latin_1", "iso8859_1", "ascii", "cp1252"})
# A character sequence that can only be UTF-8 read as cp1252/latin-1: a lead byte Â-ô followed
# by continuation bytes. Checked first so that ftfy, slow on megabytes, runs only on suspects.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]")
# The same test on the UTF-8 bytes of the text, which the page is scanned for first: a
# regex over bytes that starts with one literal byte runs 3 times faster than the character
# class over a str (0.3 ms against 0.9 ms on a 190 kB page), and encoding the text finds the
# lone surrogates on the way (0.2 ms against 0.8 ms for their character class).
_MOJIBAKE_HINT_UTF8 = re.compile(
    b"\xc3[\x82-\xb4](?:" + b"|".join(re.escape(chr(c).encode()) for c in range(0x80, 0x2200)
                                        if _MOJIBAKE_HINT.match("\u00c2" + chr(c))) + b")")
# Lines longer than this are not repaired (ftfy's own max_decode_length is 1,000,000).
MOJIBAKE_MAX_LINE = 1_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")
# Western text is mostly ASCII: in French, German or Spanish news under 10% of letters are
# accented; 40% leaves room for names and short lines and still refuses Cyrillic or Greek
# (near 100% high bytes) in a 1252 guise.
WESTERN_MAX_HIGH_SHARE = 0.40
_TYPOGRAPHY = frozenset("\u00a0\u201c\u201d\u2018\u2019\u201a\u201e\u2013\u2014\u2026\u20ac"
                        "\u2022\u00ab\u00bb\u00b0\u00a9\u00ae\u2122\u00a3\u00a2\u00a7"
                        "\u00b6\u00b7\u00d7\u00f7\u00bf\u00a1\u00b4\u00bd\u00bc\u00be\u2039"
                        "\u203a\u2020\u2021\u2030\u00b1\u00b2\u00b3\u00b9\u00a5")
# A start tag longer than this is an attack or a bug, not markup: libxml2 checks attributes
# for duplicates in quadratic time (100,000 attributes: over two minutes), and trafilatura
# spends seconds on a multi-megabyte class. Real tags (inline SVG paths, data URIs aside)
# stay far below; 20,000 characters keeps a long `srcset` or `style` intact.
MAX_TAG_CHARS = 20_000
_LONG_TAG = re.compile(rf"<([A-Za-z][^\s/<>]{{0,60}})[^<>]{{{MAX_TAG_CHARS},}}>")
# What any such tag starts with; looked for first, as it cannot backtrack (a page with a long
# JSON blob made _LONG_TAG itself cost 10-45 ms).
_LONG_TAG_START = re.compile(rf"<[A-Za-z][^<>]{{{MAX_TAG_CHARS}}}")
# Such a tag holds a run of MAX_TAG_CHARS + 1 characters without "<" or ">", and any run that
# long covers a whole window of half that size that starts at a multiple of it: pages whose
# every such window holds a "<" or ">" (most) need no scan at all (long_tag_start).
_TAG_WINDOW = MAX_TAG_CHARS // 2
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


# A UTF-8 page with a few bad bytes is repaired in place when its valid multi-byte
# characters outnumber the bad bytes (labelled UTF-8) or outnumber them four to one
# (unlabelled), and the bad bytes are under 1% of the page: tests/ingest/test_inputs_trust.py.
UTF8_REPAIR_LABELLED = 1
UTF8_REPAIR_UNLABELLED = 4
UTF8_REPAIR_MAX_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of one input, the encoding it was read with, and what had to be repaired.
    `utf8` is the text's UTF-8 bytes when the repair checks made them (a page that is not
    all ASCII): the HTML parser reads them faster than the str (page_parser)."""

    text: str
    encoding: str | None = None
    notes: tuple[str, ...] = ()
    utf8: bytes | None = field(default=None, repr=False, compare=False)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > BINARY_CONTROL_SHARE * len(head)


def charset(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when the label names no charset."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name.replace("-", "_")
    except (LookupError, ValueError, TypeError):
        return None
    if name in _NOT_CHARSETS or not getattr(codecs.lookup(name), "_is_text_encoding", True):
        return None
    return "cp1252" if name in _AS_CP1252 else name


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeError, ValueError):
        return None


def _utf16_guess(data: bytes) -> str | None:
    head = data[:BINARY_SNIFF_BYTES]
    even, odd = head[0::2], head[1::2]
    if len(odd) < 2:
        return None
    for zeros, others, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if (zeros.count(0) >= UTF16_ZERO_SHARE * len(zeros)
                and others.count(0) <= UTF16_OTHER_ZERO_SHARE * len(others)):
            return enc
    return None


def gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """Decompress gzip with a cap, so a gzip bomb is an error, not an out-of-memory kill.
    Every member is read: `cat a.gz b.gz` (and servers that gzip in pieces) is one file."""
    out: list[bytes] = []
    size, rest = 0, data
    while rest:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            part = d.decompress(rest, max_bytes + 1 - size)
        except zlib.error as exc:
            raise InputError(f"{name}: corrupt gzip data ({exc})") from None
        size += len(part)
        if size > max_bytes or d.unconsumed_tail:
            raise InputError(f"{name}: gzip data expands past the size limit of "
                             f"{max_bytes} bytes")
        if not d.eof:  # a cut-off download: keep nothing rather than half a page
            raise InputError(f"{name}: corrupt gzip data (truncated after {len(data)} bytes)")
        out.append(part)
        rest = d.unused_data
        if rest[:2] != b"\x1f\x8b":  # trailing padding (zeros) after the last member
            break
    return b"".join(out)


def _western(data: bytes) -> str | None:
    """The bytes as windows-1252 when they read as Western text: mostly ASCII, and every
    other character a letter or common typographic punctuation. charset-normalizer guesses
    cp775 or cp1006 for a short French or German page; browsers fall back to windows-1252."""
    text = _try(data, "cp1252")
    if text is None:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    letters = sum(ch.isalpha() for ch in text)
    if len(high) > WESTERN_MAX_HIGH_SHARE * max(letters, 1):
        return None
    if all(ch.isalpha() or ch in _TYPOGRAPHY for ch in high):
        return text
    return None


def _mostly_utf8(data: bytes, labelled: bool) -> tuple[str, str, list[str]] | None:
    """UTF-8 with a few invalid bytes (a stray 0xFF, a cut sequence), decoded as UTF-8 with
    those bytes replaced, instead of reading the whole page in another codec ("Bücherei" as
    cp1250 "BĂĽcherei"). Evidence that the page is UTF-8: its label, and valid multi-byte
    sequences outnumbering the invalid bytes. A cp1252 page labelled UTF-8 has almost no
    valid multi-byte sequences (an accented letter before ASCII is invalid UTF-8), so it
    falls through to the windows-1252 reading."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    share = UTF8_REPAIR_LABELLED if labelled else UTF8_REPAIR_UNLABELLED
    if bad <= 0 or multibyte < share * bad or bad > UTF8_REPAIR_MAX_SHARE * len(data):
        return None
    return text, "utf-8", [f"{bad} invalid byte(s) in UTF-8 text replaced with U+FFFD"]


def _decode(data: bytes, name: str, header_charset: str | None) -> tuple[str, str, list[str]]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _try(data, enc)
            if text is not None:
                return text, enc, []
    header = charset(header_charset)
    if header and header.startswith(("utf_16", "utf_32")):  # declared, so zeros are expected
        text = _try(data, header)
        if text is not None:
            return text, header, []
    utf16 = _utf16_guess(data)
    if utf16:
        text = _try(data, utf16)
        if text is not None:
            return text, utf16, [f"no byte-order mark or label; read as {utf16}"]
    if _binary(data):
        raise InputError(f"{name}: input looks like binary data, not text or HTML")
    meta_match = _META_CHARSET.search(data[:4096])
    meta = charset(meta_match.group(1).decode("ascii", "replace")) if meta_match else None
    labels = [lb for lb in (header, meta) if lb]
    if not data.isascii():
        text = _try(data, "utf-8")
        if text is not None:
            wrong = [lb for lb in labels if lb != "utf_8"]
            return text, "utf-8", [f"labelled {wrong[0]} but the bytes are UTF-8; read as "
                                   "UTF-8"] if wrong else []
        repaired = _mostly_utf8(data, "utf_8" in labels)
        if repaired is not None:
            return repaired
    for label in labels:
        text = _try(data, label)
        if text is not None:
            return text, label, []
    if data.isascii():
        return data.decode("ascii"), "ascii", []
    said = f"labelled {labels[0]}, which does not fit the bytes; " if labels else ""
    text = _western(data)
    if text is not None:
        return text, "cp1252", [f"{said}read as windows-1252"]
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    guess = charset(best.encoding) if best is not None else None
    text = _try(data, guess)
    if text is not None:
        return text, guess or "?", [f"{said}read as {guess} (charset-normalizer's guess)"]
    raise InputError(f"{name}: cannot decode the bytes as text in any known encoding")


def repair_text(text: str, from_bytes: bool = False) -> tuple[str, tuple[str, ...]]:
    """Undo mojibake and drop lone surrogates (from JSON `\\ud800` escapes), which no UTF-8
    writer or RE2 can take; say what was changed. Text we decoded from bytes ourselves
    holds no lone surrogate."""
    return _repair(text, from_bytes)[:2]


def _repair(text: str, from_bytes: bool) -> tuple[str, tuple[str, ...], bytes | None]:
    """repair_text, plus the text's UTF-8 bytes when they were made and the text is
    unchanged."""
    notes: list[str] = []
    if text.isascii():
        return text, (), None
    utf8 = None
    try:
        utf8 = text.encode("utf-8")
        # every hint starts with the byte C3: most pages hold none, found by a byte search
        # (0.01 against 0.12 ms for the regex on scrapinghub's pages)
        hinted = b"\xc3" in utf8 and _MOJIBAKE_HINT_UTF8.search(utf8) is not None
    except UnicodeEncodeError:  # only a lone surrogate does not encode
        if not from_bytes:
            text = _SURROGATE.sub("\ufffd", text)
            notes.append("replaced lone surrogate code points with U+FFFD")
        hinted = _MOJIBAKE_HINT.search(text) is not None
    if hinted:
        import ftfy

        fixed_lines, repaired = [], 0
        for line in text.split("\n"):
            if len(line) <= MOJIBAKE_MAX_LINE and _MOJIBAKE_HINT.search(line):
                new = ftfy.fix_encoding(line)
                repaired += new != line
                line = new
            fixed_lines.append(line)
        if repaired:
            text, utf8 = "\n".join(fixed_lines), None
            notes.append(f"repaired mojibake (text decoded twice upstream) on {repaired} "
                         f"line(s)")
    return text, tuple(notes), utf8


def long_tag_start(html: str) -> bool:
    """Whether _LONG_TAG_START.search(html) finds one, read from the runs without "<" or ">"
    that cover a whole window (_TAG_WINDOW): such a tag is the "<" right before one of them
    and a letter, the run MAX_TAG_CHARS + 1 long or more. str.find skips to each window's
    first delimiter in C (0.02 against 0.3 ms for the regular expression on a 130 kB page);
    most pages have no such window, the others a few (a long script or text)."""
    n, seen = len(html), -1
    for start in range(0, n, _TAG_WINDOW):
        end = start + _TAG_WINDOW
        if start < seen or html.find("<", start, end) >= 0 or html.find(">", start, end) >= 0:
            continue
        before = max(html.rfind("<", 0, start), html.rfind(">", 0, start))
        after = [k for k in (html.find("<", end), html.find(">", end)) if k >= 0]
        seen = min(after, default=n)  # the run is html[before + 1:seen]
        if (before >= 0 and html[before] == "<" and seen - before - 1 >= MAX_TAG_CHARS + 1
                and html[before + 1] in _ASCII_LETTERS):
            return True
    return False


def defuse_markup(html: str) -> tuple[str, tuple[str, ...]]:
    """Strip the attributes of start tags over MAX_TAG_CHARS, before any parser sees them;
    the element and everything inside it stay."""
    if len(html) < MAX_TAG_CHARS or not long_tag_start(html):
        return html, ()
    out, n = _LONG_TAG.subn(r"<\1>", html)
    if not n:
        return html, ()
    return out, (f"dropped the attributes of {n} start tag(s) longer than {MAX_TAG_CHARS} "
                 "characters",)


def decode_input(content: bytes | str, name: str, header_charset: str | None = None,
                 max_bytes: int = 20_000_000) -> Decoded:
    """Text of one input, decoded and repaired; raise InputError naming the input when it
    is empty, too big, binary or in no known encoding."""
    encoding: str | None = None
    decode_notes: list[str] = []
    if isinstance(content, bytes):
        if content[:2] == b"\x1f\x8b":
            content = gunzip(content, name, max_bytes)
        if len(content) > max_bytes:
            raise InputError(f"{name}: {len(content)} bytes is over the size limit of "
                             f"{max_bytes}")
        if not content.strip():
            raise InputError(f"{name}: input is empty")
        content, encoding, decode_notes = _decode(content, name, header_charset)
    elif len(content) > max_bytes:
        raise InputError(f"{name}: {len(content)} characters is over the size limit "
                         f"of {max_bytes}")
    text, notes, utf8 = _repair(content, encoding is not None)
    if not text or text.isspace():  # not text.strip(): that copies the page
        raise InputError(f"{name}: input is empty")
    return Decoded(text, encoding, (*decode_notes, *notes), utf8)


def decode_bytes(data: bytes, name: str, header_charset: str | None = None,
                 max_bytes: int = 20_000_000) -> str:
    """Decode one input; raise InputError naming the input when it is empty or not text."""
    return decode_input(data, name, header_charset, max_bytes).text


def looks_like_html(text: str) -> bool:
    """HTML when it opens like a document or carries a few common tags early on."""
    if _HTML_START.match(text[:1024]):
        return True
    return len(_HTML_TAGS.findall(text[:20_000])) >= HTML_MIN_TAGS
