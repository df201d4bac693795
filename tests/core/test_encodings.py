"""Encodings as scraped pages really arrive: BOMs, UTF-16, wrong labels, mojibake.

Each case is either decoded to the right characters or refused with an error naming the
input; a guess or a repair is reported in the notes.
"""

from __future__ import annotations

import codecs

import pytest

from cleaner.authoring.fuzzgen import sloppy_cp1252
from cleaner.core.decode import charset, decode_input, defuse_markup, repair_text
from cleaner.core.errors import InputError
from cleaner.core.records import InputRecord
from cleaner.engine.pipeline import clean_record
from cleaner.rulebook.loader import default_rules

FRENCH = ("Le café du coin ferme : « les clients ne viennent plus », dit sa gérante — "
          "la facture d’énergie a doublé, à 1 200 € par mois.\n")
GERMAN = "Die Straße bleibt gesperrt, sagt der Bürgermeister; Anwohner äußern Ärger.\n"
RUSSIAN = "Путин заявил в четверг, что готов встретиться с Зеленским на финальном этапе.\n"
HEBREW = "השר אמר ביום חמישי כי השיחות יתחדשו לאחר הפסגה בפריז.\n"
CJK = "首相は木曜日、首脳会談の後に協議を再開すると述べた。\n"


def page(body: str, meta: str | None = None) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    paras = "".join(f"<p>{line}</p>" for line in body.splitlines() if line)
    return (f"<!DOCTYPE html><html><head>{head}<title>Headline</title></head>"
            f"<body><article><h1>Headline</h1>{paras}</article></body></html>")


@pytest.mark.parametrize("text", [FRENCH, RUSSIAN, HEBREW, CJK])
def test_utf8_without_bom(text):
    d = decode_input(text.encode("utf-8"), "a.txt")
    assert d.text == text and d.encoding == "utf-8" and not d.notes


def test_utf8_with_bom_drops_the_mark():
    d = decode_input(codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "a.txt")
    assert d.text == FRENCH  # no U+FEFF glued to the first word


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [FRENCH, CJK, page(GERMAN)])
def test_utf16_with_bom_label_or_neither(enc, text):
    """Windows tools save UTF-16 with a BOM; exports labelled 'utf-16le' often have none."""
    data = text.encode(enc)
    label = enc if enc != "utf-16" else None
    assert decode_input(data, "a.txt", label).text == text
    if enc == "utf-16" or text != CJK:
        assert decode_input(data, "a.txt").text == text
    else:  # CJK in UTF-16 with neither BOM nor label has no zero bytes to go by: refused
        with pytest.raises(InputError, match="a.txt: "):
            decode_input(data, "a.txt")


@pytest.mark.parametrize("enc", ["cp1252", "latin-1"])
@pytest.mark.parametrize("text", [FRENCH, GERMAN])
def test_western_bytes_labelled_utf8(enc, text):
    """The most common mislabel: an old CMS writes cp1252 and the server says UTF-8."""
    data = text.encode(enc, "replace")
    expected = data.decode("cp1252")
    for header, html in ((None, False), ("utf-8", False), (None, True)):
        raw = page(expected, "utf-8").encode(enc, "replace") if html else data
        d = decode_input(raw, "a.html", header)
        assert (expected in d.text) if not html else ("dit sa gérante" in d.text
                                                      or "Bürgermeister" in d.text)
        assert d.encoding == "cp1252"
        assert any("windows-1252" in n for n in d.notes)


def test_latin1_label_reads_curly_quotes_as_windows_1252():
    """'ISO-8859-1' means windows-1252 on the web: 0x93/0x94 are quotes, not C1 controls."""
    d = decode_input("He said “no” — twice.".encode("cp1252"), "a.txt", "ISO-8859-1")
    assert d.text == "He said “no” — twice."


def test_header_latin1_but_bytes_are_utf8():
    """Servers default to ISO-8859-1 in the header while the page is UTF-8 (meta agrees)."""
    data = page(FRENCH, "utf-8").encode("utf-8")
    d = decode_input(data, "a.html", "iso-8859-1")
    assert "gérante" in d.text and "Ã" not in d.text
    assert any("UTF-8" in n for n in d.notes)


def test_meta_wins_when_the_header_does_not_fit():
    data = page(RUSSIAN, "windows-1251").encode("cp1251")
    d = decode_input(data, "a.html", "utf-8")
    assert "Зеленским" in d.text and d.encoding == "cp1251"


def test_header_wins_over_a_wrong_meta():
    data = page(RUSSIAN, "utf-8").encode("koi8-r")
    d = decode_input(data, "a.html", "koi8-r")
    assert "Зеленским" in d.text


def test_unlabelled_cyrillic_is_guessed_and_reported():
    d = decode_input((RUSSIAN * 3).encode("cp1251"), "a.txt")
    assert "Зеленским" in d.text
    assert d.notes  # a guess is reported


@pytest.mark.parametrize("label", ["unicode_escape", "raw_unicode_escape", "rot13", "idna",
                                   "punycode", "base64", "hex", "undefined", "utf-7",
                                   "no-such-charset", "", "a" * 300])
def test_labels_that_name_no_charset_are_ignored(label):
    """A page must not choose to be read through a Python codec: `\\u0041` stays as is."""
    text = "Price \\u0041\\x42 stays literal, +AGEAYgBj- too, and so does Uryyb.\n"
    html = page(text, label).encode("utf-8")
    for data, header in ((text.encode("utf-8"), label), (html, None)):
        d = decode_input(data, "a.html", header)
        assert "\\u0041\\x42" in d.text and "+AGEAYgBj-" in d.text and "Uryyb" in d.text
    assert charset(label) is None


def test_mojibake_is_repaired_and_reported():
    broken = sloppy_cp1252(FRENCH.encode("utf-8"))
    assert "cafÃ©" in broken
    for content in (broken, broken.encode("utf-8")):
        d = decode_input(content, "a.txt")
        assert d.text == FRENCH
        assert any("mojibake" in n for n in d.notes)


def test_double_mojibake_is_repaired():
    twice = sloppy_cp1252(sloppy_cp1252(GERMAN.encode("utf-8")).encode("utf-8"))
    assert repair_text(twice)[0] == GERMAN


@pytest.mark.parametrize("text", [FRENCH, GERMAN, RUSSIAN, "Â is a letter; so is Ã alone.",
                                  "Prices: 5 € — “fine”."])
def test_clean_text_is_left_alone(text):
    fixed, notes = repair_text(text)
    assert fixed == text and not notes


def test_mojibake_page_through_the_pipeline_keeps_a_note():
    text = "Headline here\n\n" + FRENCH * 2
    result = clean_record(InputRecord("m", sloppy_cp1252(text.encode("utf-8")), kind="text"),
                          default_rules())
    assert result.status == "ok" and "gérante" in result.text
    assert any("mojibake" in n for n in result.notes)


def test_cp1252_page_with_a_wrong_header_through_the_pipeline():
    data = page(FRENCH * 3, "utf-8").encode("cp1252")
    record = InputRecord("w", data, "https://example.com/a", "html", "utf-8", origin="w.html")
    result = clean_record(record, default_rules())
    assert result.status == "ok", result.error
    assert "gérante" in result.text and "\ufffd" not in result.text
    assert any("windows-1252" in n for n in result.notes)


@pytest.mark.parametrize("data, why", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
    (b"PK\x03\x04" + b"\x00" * 300, "binary"),
    (b"\x1f\x8b\x08\x00garbage", "corrupt gzip"),
    (b"", "empty"), (b"   \n\t", "empty"), (codecs.BOM_UTF8 + b"  ", "empty"),
])
def test_undecodable_input_is_an_error_naming_it(data, why):
    with pytest.raises(InputError, match=f"^shard-3.jsonl:12: .*{why}"):
        decode_input(data, "shard-3.jsonl:12")
    result = clean_record(InputRecord("x", data, origin="shard-3.jsonl:12"), default_rules())
    assert result.status == "error" and result.error.startswith("shard-3.jsonl:12: ")


def test_over_long_tags_lose_their_attributes_but_not_their_text():
    html = "<p>before</p>" * 2_000 + "<div " + "x=1 " * 10_000 + ">kept</div>"
    out, notes = defuse_markup(html)
    assert out.endswith("<div>kept</div>") and notes
    short = "<p class='a'>x</p>" * 3_000
    assert defuse_markup(short) == (short, ())


@pytest.mark.parametrize("shift", [0, 1, 9_999, 10_000, 10_001, 17_345])
def test_the_long_tag_test_finds_what_the_pattern_finds(shift):
    """long_tag_start reads windows instead of scanning with _LONG_TAG_START: the same
    answer for runs just under, at and over the limit, wherever they fall."""
    from cleaner.core.decode import _LONG_TAG_START, MAX_TAG_CHARS, long_tag_start

    pad = "<p>x</p>" * (shift // 8) + "y" * (shift % 8)
    for run in (MAX_TAG_CHARS - 1, MAX_TAG_CHARS, MAX_TAG_CHARS + 1, 3 * MAX_TAG_CHARS):
        for start in ("<a", "<1", "< ", ">a", "a", "<<a", "<é"):
            for end in ("", ">", "<b>", "x" * 30_000):
                page = pad + start + "z" * run + end
                assert long_tag_start(page) == bool(_LONG_TAG_START.search(page)), (
                    run, start, end)
