"""trafilatura's JSON-LD metadata reader (pinned 2.3.1: metadata.extract_meta_json), the same
steps with two of them done in C.

Why this is its own module: the reader minifies each JSON-LD script with a regular
expression whose replacement is a group reference, which Python 3.11 expands in Python for
every match (every string and every whitespace character of the script), and it drops
surrogate code points with a generator over every character. Here the minified text is the
same pattern's split, joined (whitespace runs are one match instead of one a character: the
same text), and the surrogates go with one character class. On the benchmarks the reader took
0.45-0.6 ms a page, a third of it in those two steps. Everything else is trafilatura's own
code, called as it calls it; MATCHES_TRAFILATURA keeps the module honest about the version.
"""

from __future__ import annotations

import json
import re
from html import unescape

from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura import metadata as trafilatura_metadata
from trafilatura.json_metadata import (
    JSON_UNICODE_REPLACE,
    extract_json,
    extract_json_parse_error,
)
from trafilatura.settings import Document
from trafilatura.utils import HTML_STRIP_TAGS, trim

_MINIFY_PATTERN = r'("(?:\\.|[^"\\])*")|\s'
# The same strings kept, the same whitespace dropped: a run of it is one match here.
_MINIFY = re.compile(r'("(?:\\.|[^"\\])*")|\s+')
_SURROGATE = re.compile("[\ud800-\udfff]")
_SCRIPTS = XPath('.//script[@type="application/ld+json" or @type="application/settings+json"]')
# Only while trafilatura's minifier is the one this module was written against.
MATCHES_TRAFILATURA = trafilatura_metadata.JSON_MINIFY.pattern == _MINIFY_PATTERN


def minify(text: str) -> str:
    """trafilatura's JSON_MINIFY.sub(r"\\1", text): strings as they are, whitespace outside
    them removed."""
    return "".join(part for part in _MINIFY.split(text) if part)


def normalize_json(string: str) -> str:
    """trafilatura.json_metadata.normalize_json, surrogates dropped by a character class."""
    if "\\" in string:
        string = string.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        string = JSON_UNICODE_REPLACE.sub(lambda match: chr(int(match[1], 16)), string)
        string = _SURROGATE.sub("", string)
        string = unescape(string)
    return trim(HTML_STRIP_TAGS.sub("", string))


def meta_json(tree: HtmlElement, metadata: Document) -> Document:
    """trafilatura.metadata.extract_meta_json(tree, metadata), the same result."""
    if not MATCHES_TRAFILATURA:
        return trafilatura_metadata.extract_meta_json(tree, metadata)
    for elem in _SCRIPTS(tree):
        if not elem.text:
            continue
        element_text = normalize_json(minify(elem.text))
        try:
            schema = json.loads(element_text, strict=False)
            metadata = extract_json(schema, metadata)
        except json.JSONDecodeError:
            metadata = extract_json_parse_error(element_text, metadata)
    return metadata
