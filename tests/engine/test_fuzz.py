"""Fuzz and property tests: every hostile input gets a result or an error record.

The fast part of the campaign (`make soak` runs 100,000 generated inputs). Inputs go through
`clean_item` with the in-process per-document time limit, the path the batch runner uses,
so "nothing runs past the limit" is checked as "no result is a time-limit error", not by
timing anything here.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.authoring.fuzzgen import cases, giant_cases, problems
from cleaner.core.records import InputRecord
from cleaner.engine.options import Options
from cleaner.engine.pipeline import clean_record
from cleaner.ingest.items import Item
from cleaner.rulebook.loader import default_rules
from cleaner.runner.item import clean_item

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CORPUS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
# The seeded sample run on every `make test`: ~8 ms each, so a few seconds in all.
FAST_CASES = 400
FAST_SEED = 20261121
OPTIONS = Options()
TIME_LIMITED = "over the time limit"


@pytest.fixture(scope="module")
def rules():
    return default_rules()


@pytest.fixture(autouse=True)
def _quiet():
    """Expected failures log at ERROR; keep pytest's captured output readable."""
    logging.disable(logging.CRITICAL)
    yield
    logging.disable(logging.NOTSET)


def _check(record: InputRecord, rules) -> None:
    result = clean_item(Item(record, id=record.id, url=record.url), rules, OPTIONS, guard=True)
    found = problems(record, result)
    assert not found, f"{record.id}: {found}"
    assert TIME_LIMITED not in (result.error or ""), f"{record.id} ran past the limit"


def test_seeded_sample_gets_a_record_each(rules):
    for case in cases(FAST_SEED, FAST_CASES, CORPUS):
        _check(case.record, rules)


def test_generator_is_reproducible():
    a = [c.record for c in cases(7, 30, CORPUS)]
    b = [c.record for c in cases(7, 30, CORPUS)]
    assert a == b
    assert len({c.kind for c in cases(7, 300, CORPUS)}) >= 8  # every shape gets its turn


@pytest.mark.slow
@pytest.mark.parametrize("case", list(giant_cases()), ids=lambda c: c.name)
def test_giant_inputs(case, rules):
    """100,000-level nesting, a 10 MB line, 100,000 attributes, a gzip bomb, ..."""
    _check(case.record, rules)


def test_gzip_bomb_is_an_error_naming_the_limit(rules):
    bomb = next(c for c in giant_cases() if c.name == "gzip-bomb").record
    result = clean_record(bomb, rules)
    assert result.status == "error" and "gzip-bomb" in result.error
    assert "size limit" in result.error


def test_tag_with_100k_attributes_keeps_the_text(rules):
    """libxml2 checks attributes pairwise: this page took 137 s before the tag was defused."""
    giant = next(c for c in giant_cases() if c.name == "many-attributes").record
    result = clean_record(giant, rules)
    assert result.status == "ok"
    assert "talks would resume" in result.text
    assert any("attributes" in n for n in result.notes)


def test_lone_surrogates_from_json_do_not_fail_the_record(rules):
    """json.loads('"\\ud800"') is legal and gives a lone surrogate; RE2 and UTF-8 writers
    both reject it. It used to turn the whole page into an internal error."""
    text = "Headline here\n\nA first paragraph \ud800 that is long enough to be kept as body " \
           "text, with a full stop at the end.\n"
    result = clean_record(InputRecord("sur", text, kind="text"), rules)
    assert result.status == "ok"
    assert "\ud800" not in result.text and "paragraph" in result.text
    assert not problems(InputRecord("sur", text), result)


@pytest.mark.parametrize("url", ["https://[::1", "http://host:99999/x", "http://[bad]/"])
def test_unparseable_url_is_a_note_not_a_failure(url, rules):
    text = "Headline here\n\nA first paragraph that is long enough to be kept as body " \
           "text, with a full stop at the end.\n"
    result = clean_record(InputRecord("u", text, url, "text"), rules)
    assert result.status == "ok" and result.url == url
    assert any("url" in n for n in result.notes)


@pytest.mark.parametrize("content", ["", " ", "\n\n\t", "\u00a0\u3000\u2003", b"", b" \r\n"])
def test_only_whitespace_is_an_empty_input_error(content, rules):
    result = clean_record(InputRecord("ws", content, origin="ws.txt"), rules)
    assert result.status == "error" and "ws.txt" in result.error and "empty" in result.error


_settings = settings(max_examples=120, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_settings
@given(data=st.binary(max_size=3_000), kind=st.sampled_from(["auto", "html", "text"]),
       charset=st.one_of(st.none(), st.text(max_size=20)))
def test_random_bytes(data, kind, charset):
    _check(InputRecord("b", data, None, kind, charset, origin="bytes-input"), default_rules())


@_settings
@given(text=st.text(st.characters(codec=None), max_size=3_000),
       kind=st.sampled_from(["auto", "html", "text"]),
       url=st.one_of(st.none(), st.text(max_size=40)))
def test_random_text(text, kind, url):
    """Any code point, lone surrogates and C0/C1 controls included, in any field."""
    _check(InputRecord("t", text, url, kind, origin="text-input"), default_rules())


_TAG = st.sampled_from(["div", "p", "a", "span", "script", "style", "table", "td", "li", "b",
                        "article", "h1", "!--", "![CDATA[", "template", "svg"])
_HTML = st.recursive(
    st.text(max_size=60),
    lambda inner: st.builds(
        lambda tag, attrs, kids, close: f"<{tag}{attrs}>{''.join(kids)}"
                                        + (f"</{tag}>" if close else ""),
        _TAG, st.text(max_size=30).map(lambda s: f' class="{s}"' if s else ""),
        st.lists(inner, max_size=4), st.booleans()),
    max_leaves=40)


@_settings
@given(body=_HTML, kind=st.sampled_from(["auto", "html"]))
def test_random_markup(body, kind):
    _check(InputRecord("h", f"<html><body>{body}</body></html>", None, kind, origin="html-input"),
           default_rules())


@pytest.mark.parametrize("depth", [300, 100_000])
def test_deep_nesting_keeps_the_text_or_says_why(depth, rules):
    para = ("<p>Officials said on Thursday that the talks would resume after the summit, and "
            "that a statement would follow later in the week.</p>")
    html = "<html><body>" + "<div>" * depth + para * 3 + "</div>" * depth + "</body></html>"
    result = clean_record(InputRecord("deep", html, kind="html"), rules)
    kept = result.status == "ok" and "talks would resume" in result.text
    explained = result.status == "error" or any("nest" in n for n in result.notes)
    assert kept or explained, (result.status, result.text[:80], result.notes)
