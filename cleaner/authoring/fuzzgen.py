"""A seeded generator of hostile inputs, shared by the fuzz tests and `make soak`.

Seeded so that a failure found by a long soak replays from its (seed, index) alone:
`case(seed, index)` is a pure function. The shapes come from what scraped data really
throws at a pipeline: binary junk, tag soup, nesting bombs, wrong charset labels,
mojibake, control characters, scripts mixed mid-line, lines megabytes long, and records
whose fields (url, charset label, kind) are themselves garbage.

Sizes stay small (tens of kB) so a soak can try 100,000 inputs in minutes; the few giant
inputs the issue names (100,000-level nesting, a 10 MB line, a multi-megabyte attribute)
come from `giant_cases()`, run once each.
"""

from __future__ import annotations

import codecs
import gzip
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from cleaner.core.records import InputRecord

# Largest ordinary case, in characters. Keeps one case under ~50 ms so 100k fit a soak.
MAX_CASE_CHARS = 40_000
# Deepest nesting in an ordinary case; libxml2 stops at 256 levels, so cross that.
MAX_ORDINARY_DEPTH = 3_000

WORDS = {
    "latin": "the minister said on Thursday that talks would resume after the summit in "
             "Paris while markets fell sharply Advertisement Comments Share".split(),
    "accented": "été café naïve Ærø Żółć señor Çağrı straße Dvořák façade".split(),
    "cyrillic": "Путин заявил в четверг что переговоры возобновятся".split(),
    "greek": "ο υπουργός δήλωσε την Πέμπτη ότι οι συνομιλίες".split(),
    "arabic": "قال الوزير يوم الخميس إن المحادثات ستستأنف".split(),
    "hebrew": "השר אמר ביום חמישי כי השיחות יתחדשו".split(),
    "devanagari": "मंत्री ने गुरुवार को कहा कि बातचीत फिर शुरू होगी".split(),
    "bengali": "মন্ত্রী বৃহস্পতিবার বলেছেন আলোচনা আবার শুরু হবে".split(),
    "cjk": "部长 周四 表示 会谈 将 在 峰会 后 恢复 東京 ニュース 한국 뉴스".split(),
    "emoji": ["😀", "👩‍👩‍👧", "🇺🇦", "❤️", "🔥🔥", "👍🏽"],
}
ODD_CHARS = ["\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00ad", "\u0301\u0301\u0301",
             "\ufffd", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x00",
             "\ud800", "\udfff", "\U0010ffff", "\ufdd0", "&#0;", "&#x110000;", "&nbsp"]
TIME_WORDS = ["2 hours ago", "5h", "1 day ago", "3 min", "Yesterday", "12:45", "2024-05-01"]
TAGS = ["div", "p", "span", "a", "b", "i", "table", "tr", "td", "ul", "li", "article",
        "section", "h1", "h2", "script", "style", "noscript", "iframe", "svg", "math", "template",
        "form", "select", "option", "textarea", "title", "pre", "br", "img", "meta", "object",
        "x-custom", "ruby", "rt", "frameset", "plaintext", "xmp"]
CHARSETS = ["utf-8", "UTF8", "latin-1", "iso-8859-1", "windows-1252", "cp1251", "koi8-r",
            "shift_jis", "euc-jp", "gb2312", "big5", "utf-16", "utf-16le", "utf-16be",
            "utf-7", "unicode_escape", "idna", "punycode", "rot13", "base64", "hex", "zlib",
            "undefined", "x-user-defined", "nonsense-charset", "", "utf-8\x00", "../../etc/passwd",
            "a" * 300]
URLS = [None, "", "http://", "https://[::1", "javascript:alert(1)", "file:///etc/passwd",
        "https://example.com/" + "a/" * 500, "https://xn--e1afmkfd.xn--p1ai/новости?q=1#x",
        "https://www.daily8.com/news/1", "https://www.ynetnews.com/article/abc",
        "https://www.thesun.co.uk/news/123/", "http://user:pw@host:99999/", "\x00\n\r",
        "https://pratidintime.com/x"]


@dataclass(frozen=True, slots=True)
class Case:
    """One generated input and the recipe that made it, for the failure report."""

    name: str
    kind: str
    record: InputRecord


def _words(rng: random.Random, n: int, scripts: Sequence[str] | None = None) -> str:
    scripts = scripts or [rng.choice(list(WORDS))]
    return " ".join(rng.choice(WORDS[rng.choice(scripts)]) for _ in range(n))


def _sentence(rng: random.Random, scripts: Sequence[str] | None = None) -> str:
    return _words(rng, rng.randint(3, 30), scripts).capitalize() + rng.choice([".", "", "!", "…"])


def _odd(rng: random.Random, text: str, share: float) -> str:
    """Sprinkle odd characters (controls, bidi overrides, lone surrogates) into `text`."""
    if not text:
        return rng.choice(ODD_CHARS)
    out = list(text)
    for _ in range(max(1, int(len(out) * share))):
        out.insert(rng.randrange(len(out) + 1), rng.choice(ODD_CHARS))
    return "".join(out)


def gen_bytes(rng: random.Random) -> tuple[bytes, str]:
    n = rng.choice([0, 1, 2, 3, 16, 512, 4096, 20_000])
    data = rng.randbytes(n)
    shape = rng.randrange(6)
    if shape == 1:
        data = codecs.BOM_UTF8 + data
    elif shape == 2:
        data = rng.choice([codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE]) + data
    elif shape == 3:
        data = gzip.compress(data)
    elif shape == 4:
        data = b"\x1f\x8b" + data  # a gzip magic number on garbage
    elif shape == 5:
        data = b"<html><head><meta charset=" + rng.choice(CHARSETS).encode("utf-8", "replace") \
            + b"></head><body>" + data
    return data, f"bytes{shape}"


def _attrs(rng: random.Random) -> str:
    out = []
    for _ in range(rng.choice([0, 0, 1, 2, 5])):
        name = rng.choice(["class", "id", "href", "style", "data-x", "on\u00e9rror", "a b", "=",
                           "<", "x" * rng.choice([1, 100])])
        value = rng.choice(["card", "ad-slot", "related", "\"unterminated", "'", "javascript:",
                            "<!--", "]]>", "&amp;&#99999999;", "a" * rng.choice([10, 2000])])
        quote = rng.choice(['"', "'", ""])
        out.append(f" {name}={quote}{value}{quote}")
    return "".join(out)


def _soup(rng: random.Random, budget: list[int], depth: int) -> str:
    """Random tag soup: unclosed and misnested tags, comments and CDATA anywhere."""
    parts: list[str] = []
    while budget[0] > 0 and rng.random() < 0.8:
        budget[0] -= 1
        roll = rng.random()
        if roll < 0.35 and depth < 40:
            tag = rng.choice(TAGS)
            inner = _soup(rng, budget, depth + 1)
            close = rng.choice([f"</{tag}>", "", f"</{rng.choice(TAGS)}>", "</", f"</{tag}"])
            parts.append(f"<{tag}{_attrs(rng)}>{inner}{close}")
        elif roll < 0.6:
            parts.append(_sentence(rng, rng.sample(list(WORDS), 2)))
        elif roll < 0.7:
            parts.append(rng.choice(["<!-- comment <p>inside</p> -->", "<!--", "-->", "<!-->",
                                     "<![CDATA[ <div>cdata</div> ]]>", "<![CDATA[", "]]>",
                                     "<!DOCTYPE html>", "<?xml version='1.0'?>", "<?php x ?>",
                                     "<!-- -- -->", "<!---->", "<!--->"]))
        elif roll < 0.8:
            parts.append(rng.choice(TIME_WORDS) + "\n" + _sentence(rng) + "\n")
        else:
            parts.append(_odd(rng, rng.choice(["&", "&#", "&#x;", "<", ">", "</>", "<<p>>",
                                               "<p <p>", "<a href=x"]), 0.2))
    return "".join(parts)


def gen_html(rng: random.Random) -> tuple[str, str]:
    budget = [rng.choice([5, 50, 400])]
    body = _soup(rng, budget, 0)
    head = rng.choice(["", "<!DOCTYPE html><html><head><title>T</title></head><body>",
                       "<html><body>", "<html><head><meta charset=utf-8><body>", "<body>"])
    return (head + body)[:MAX_CASE_CHARS], "html"


def gen_deep_html(rng: random.Random) -> tuple[str, str]:
    depth = rng.choice([255, 256, 257, 300, 1_000, MAX_ORDINARY_DEPTH])
    tag = rng.choice(["div", "span", "b", "table", "ul", "a", "p", "x"])
    closed = rng.random() < 0.5
    para = "<p>" + " ".join(_sentence(rng, ["latin"]) for _ in range(4)) + "</p>"
    html = "<html><body>" + f"<{tag}>" * depth + para * 3
    if closed:
        html += f"</{tag}>" * depth + "</body></html>"
    return html, f"deep{depth}{tag}{'c' if closed else 'u'}"


def gen_text(rng: random.Random) -> tuple[str, str]:
    """Aggregator-like text: paragraphs, time stamps, short card lines, mixed scripts."""
    scripts = rng.sample(list(WORDS), rng.choice([1, 1, 2, 4]))
    lines = []
    for _ in range(rng.randint(0, 60)):
        roll = rng.random()
        if roll < 0.4:
            lines.append(" ".join(_sentence(rng, scripts) for _ in range(rng.randint(1, 6))))
        elif roll < 0.6:
            lines.append(_words(rng, rng.randint(1, 4), scripts))
        elif roll < 0.75:
            lines.append(rng.choice(TIME_WORDS))
        elif roll < 0.85:
            lines.append(rng.choice(["Advertisement", "Read more", "Comments", "Related", "",
                                     "Share this article", "· 2h", "|", "..."]))
        else:
            lines.append("")
    text = rng.choice(["\n", "\r\n", "\r", "\u2028"]).join(lines)
    if rng.random() < 0.3:
        text = _odd(rng, text, rng.choice([0.001, 0.05]))
    return text, f"text{len(scripts)}"


def gen_controls(rng: random.Random) -> tuple[str, str]:
    chars = [chr(c) for c in range(0, 32)] + [chr(c) for c in range(0x7F, 0xA0)]
    noise = "".join(rng.choice(chars) for _ in range(rng.choice([1, 50, 2_000])))
    text = _sentence(rng) + "\n" + noise + "\n" + _sentence(rng)
    return text, "controls"


def gen_whitespace(rng: random.Random) -> tuple[str, str]:
    spaces = [" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u200b", "\x0b",
              "\x0c", "\u2028", "\u180e"]
    return "".join(rng.choice(spaces) for _ in range(rng.choice([0, 1, 10, 10_000]))), "space"


def gen_long_line(rng: random.Random) -> tuple[str, str]:
    n = rng.choice([1_000, 10_000, MAX_CASE_CHARS])
    unit = rng.choice(["word ", "a", "2 hours ago ", "<p>", "Ã©", "\u0301", "😀 ", "- ", "(("])
    return (unit * (n // len(unit) + 1))[:n], "longline"


def gen_encoded(rng: random.Random) -> tuple[bytes, str]:
    """Real text in a real encoding, often under a wrong label or a wrong meta charset."""
    enc, scripts = rng.choice([("utf-8", ["cyrillic", "accented"]), ("cp1252", ["accented"]),
                               ("latin-1", ["accented"]), ("utf-16", ["cjk"]),
                               ("utf-16-le", ["greek"]), ("cp1251", ["cyrillic"]),
                               ("shift_jis", ["latin"]), ("koi8-r", ["cyrillic"])])
    text = "\n".join(" ".join(_sentence(rng, scripts) for _ in range(3)) for _ in range(5))
    if rng.random() < 0.4:
        text = f"<html><head><meta charset=\"{rng.choice(CHARSETS)}\"></head><body><p>" \
               + text.replace("\n", "</p><p>") + "</p></body></html>"
    data = text.encode(enc, "replace")
    if rng.random() < 0.2:
        data = data.decode("utf-8", "replace").encode("utf-8").decode("latin-1").encode("utf-8")
    return data, f"enc-{enc}"


def gen_mojibake(rng: random.Random) -> tuple[str, str]:
    text = "\n".join(_sentence(rng, ["accented", "latin"]) + " “quoted” — €5"
                     for _ in range(rng.randint(1, 8)))
    rounds = rng.choice([1, 1, 2])
    for _ in range(rounds):
        text = sloppy_cp1252(text.encode("utf-8"))
    return text, f"mojibake{rounds}"


def sloppy_cp1252(data: bytes) -> str:
    """Bytes read as windows-1252 the way browsers and Excel do: the five bytes cp1252
    leaves undefined become the latin-1 C1 controls instead of an error."""
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                   for b in data)


def gen_mutant(rng: random.Random, corpus: Sequence[str]) -> tuple[str, str]:
    """A real seed page, mutated: truncated, lines shuffled or duplicated, junk spliced in."""
    if not corpus:
        return gen_text(rng)
    lines = rng.choice(corpus).split("\n")
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        i = rng.randrange(len(lines)) if lines else 0
        if op == 0 and lines:
            del lines[i:i + rng.randint(1, 20)]
        elif op == 1 and lines:
            lines[i:i] = lines[i:i + rng.randint(1, 10)] * rng.randint(2, 20)
        elif op == 2:
            lines.insert(i, rng.choice(TIME_WORDS))
        elif op == 3 and lines:
            lines[i] = _odd(rng, lines[i], 0.1)
        elif op == 4:
            rng.shuffle(lines)
        else:
            lines.insert(i, _soup(rng, [20], 0))
    return "\n".join(lines)[:MAX_CASE_CHARS], "mutant"


_GENERATORS: list[tuple[str, int, Callable[..., tuple[bytes | str, str]]]] = [
    ("bytes", 12, gen_bytes), ("html", 20, gen_html), ("deep", 4, gen_deep_html),
    ("text", 20, gen_text), ("controls", 5, gen_controls), ("space", 4, gen_whitespace),
    ("longline", 5, gen_long_line), ("encoded", 10, gen_encoded), ("mojibake", 5, gen_mojibake),
    ("mutant", 15, gen_mutant),
]
KINDS = tuple(name for name, _, _ in _GENERATORS)


def case(seed: int, index: int, corpus: Sequence[str] = ()) -> Case:
    """The `index`-th case of run `seed`; the same pair always gives the same input."""
    rng = random.Random(f"{seed}:{index}")
    names = [n for n, _, _ in _GENERATORS]
    weights = [w for _, w, _ in _GENERATORS]
    kind = rng.choices(names, weights)[0]
    fn = dict((n, f) for n, _, f in _GENERATORS)[kind]
    content, shape = fn(rng, corpus) if kind == "mutant" else fn(rng)
    url = rng.choice(URLS) if rng.random() < 0.5 else None
    charset = rng.choice(CHARSETS) if isinstance(content, bytes) and rng.random() < 0.3 else None
    record_kind = rng.choice(["auto", "auto", "html", "text"])
    rid = f"fuzz-{seed}-{index}-{shape}"
    record = InputRecord(rid, content, url, record_kind, charset, origin=rid)  # type: ignore[arg-type]
    return Case(rid, kind, record)


def cases(seed: int, count: int, corpus: Sequence[str] = (), start: int = 0) -> Iterator[Case]:
    for i in range(start, start + count):
        yield case(seed, i, corpus)


def giant_cases() -> Iterator[Case]:
    """The inputs the issue names, at full size: each takes seconds, so they run once."""
    para = "<p>Officials said on Thursday that the talks would resume after the summit, " \
           "and that a statement would follow later in the week.</p>"
    giants: list[tuple[str, str | bytes, str]] = [
        ("deep-div-100k", "<html><body>" + "<div>" * 100_000 + para * 3 + "</div>" * 100_000
         + "</body></html>", "html"),
        ("deep-unclosed-100k", "<html><body>" + "<div><span>" * 50_000 + para * 3, "html"),
        ("deep-inline-100k", "<p>" + "<b><i>" * 50_000 + "text", "auto"),
        ("huge-attribute-5mb", '<html><body><div class="' + "a" * 5_000_000 + '">x</div>'
         + para * 3 + "</body></html>", "html"),
        ("many-attributes", "<html><body><div " + " ".join(f"a{i}=x" for i in range(100_000))
         + ">" + para + "</div></body></html>", "html"),
        ("line-10mb-words", "word " * 2_000_000, "text"),
        ("line-10mb-nospace", "a" * 10_000_000, "text"),
        ("comment-unclosed-1mb", "<html><body>" + para + "<!--" + "x" * 1_000_000, "html"),
        ("whitespace-1mb", " \n\t\u00a0" * 250_000, "auto"),
        ("lines-200k-short", "2h\n" * 200_000, "text"),
        ("gzip-bomb", gzip.compress(b"\0" * 50_000_000), "auto"),
    ]
    for name, content, kind in giants:
        yield Case(name, "giant", InputRecord(name, content, None, kind, origin=name))  # type: ignore[arg-type]


def problems(record: InputRecord, result: object) -> list[str]:
    """What is wrong with `result` as the answer to `record` (empty when nothing is).

    The contract every runner relies on: one Result per input, under the input's id; an
    error record says what went wrong and names the input; the record survives a trip
    through JSON and a UTF-8 file unchanged."""
    import json

    from cleaner.core.records import Result

    if not isinstance(result, Result):
        return [f"got {type(result).__name__}, not a Result"]
    found = []
    if result.id != record.id:
        found.append(f"id {result.id!r} is not the input's {record.id!r}")
    if result.status == "error":
        if not result.error:
            found.append("error record without a message")
        elif record.name not in result.error:
            found.append(f"error message does not name the input: {result.error[:200]!r}")
        if "internal error" in (result.error or ""):
            found.append(f"unexpected exception: {(result.error or '')[:300]}")
    elif result.status != "ok":
        found.append(f"status {result.status!r}")
    try:
        data = result.to_dict()
        line = json.dumps(data, ensure_ascii=False).encode("utf-8")
        if Result.from_dict(json.loads(line)) != result:
            found.append("the record changes on a JSON round trip")
    except (TypeError, ValueError) as exc:
        found.append(f"the record cannot be written as UTF-8 JSON: {exc}")
    return found
