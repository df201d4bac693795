"""cleaner's JSON-LD reader gives what trafilatura's extract_meta_json gives."""

from __future__ import annotations

import pytest
from trafilatura.json_metadata import normalize_json as trafilatura_normalize
from trafilatura.metadata import JSON_MINIFY, extract_meta_json
from trafilatura.settings import Document

from cleaner.markup import jsonld
from cleaner.markup.extract import parse_html

SCRIPTS = [
    '{"@context": "https://schema.org", "@type": "NewsArticle",  '
    '"headline" : "A \\"quoted\\"  head",\n\t"author": '
    '{"@type": "Person", "name": "Ann  Lee"}, "datePublished": "2025-06-11T08:30:00+02:00"}',
    '{"name": "\\ud83d\\ude00 caf\\u00e9 &amp; <b>bar</b>", "x": "a\\\\"}',
    '{"a": "unterminated  string',
    ' \n "\\\\" \t ',
    "\ud800 lone  surrogates \udfff",
    "",
]


@pytest.mark.parametrize("text", SCRIPTS)
def test_minify_and_normalize_are_trafilaturas(text: str) -> None:
    assert jsonld.MATCHES_TRAFILATURA
    minified = JSON_MINIFY.sub(r"\1", text)
    assert jsonld.minify(text) == minified
    assert jsonld.normalize_json(minified) == trafilatura_normalize(minified)


def test_the_metadata_read_is_trafilaturas() -> None:
    page = ("<html><head><script type='application/ld+json'>" + SCRIPTS[0] + "</script>"
            "<script type='application/ld+json'>{broken json</script></head>"
            "<body><p>x</p></body></html>")
    ours = jsonld.meta_json(parse_html(page), Document())
    theirs = extract_meta_json(parse_html(page), Document())
    fields = [k for k in Document.__slots__ if k not in ("body", "commentsbody")]
    assert [getattr(ours, k) for k in fields] == [getattr(theirs, k) for k in fields]
    assert ours.author == "Ann Lee"
