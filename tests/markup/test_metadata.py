"""Metadata from markup and printed dates: canonical URL, timestamps, relative ages."""

from __future__ import annotations

import pytest

from cleaner.core.dates import read_date
from cleaner.markup.extract import parse_html
from cleaner.markup.pagemeta import canonical_url, iso_timestamp, markup_timestamps, published


@pytest.mark.parametrize("raw, captured, expected", [
    ("5 hours ago", "2025-06-12T10:00:00+00:00", "2025-06-12T05:00:00+00:00"),
    ("an hour ago", "2025-06-12T10:00:00Z", "2025-06-12T09:00:00+00:00"),
    ("3 days ago", "2025-06-12T10:00:00Z", "2025-06-09"),
    ("yesterday", "2025-06-12T10:00:00Z", "2025-06-11"),
    ("5 hours ago", None, None),             # no capture time: stays printed
    ("1 month ago", "2025-06-12T10:00:00Z", None),  # too vague for a day
    ("June 12, 2025", None, "2025-06-12"),
    ("12 June 2025", None, "2025-06-12"),
    ("Tue 11 Jun 2025 06.00 BST", None, "2025-06-11"),
    ("2025-06-11T08:00:00Z", None, "2025-06-11T08:00:00+00:00"),
    ("2025-06-11", None, "2025-06-11"),
    ("03-04-2025", None, None),              # day and month could be swapped
    ("31 June 2025", None, None),            # no such day
    ("", None, None),
])
def test_printed_dates(raw, captured, expected):
    assert read_date(raw, captured) == expected


def test_canonical_url_is_made_absolute():
    tree = parse_html("<html><head><link rel='canonical' href='/a/b'></head><body><p>x</p>"
                      "</body></html>")
    assert canonical_url(tree, "https://news.example.org/x?y=1") == "https://news.example.org/a/b"
    assert canonical_url(tree, None) is None  # a relative link with nothing to join it to
    og = parse_html("<html><head><meta property='og:url' content='https://e.org/p'></head>"
                    "<body></body></html>")
    assert canonical_url(og, None) == "https://e.org/p"


def test_a_timestamp_keeps_its_offset_only_for_htmldates_day():
    assert iso_timestamp("2025-06-11T08:30:00Z") == "2025-06-11T08:30:00+00:00"
    assert iso_timestamp("2025-06-11") is None and iso_timestamp("June 11") is None
    tree = parse_html("<html><head><meta property='article:published_time' "
                      "content='2025-06-11T08:30:00+02:00'></head><body>"
                      "<time datetime='2025-06-01T10:00:00Z'>June 1</time></body></html>")
    assert markup_timestamps(tree) == ["2025-06-11T08:30:00+02:00", "2025-06-01T10:00:00+00:00"]
    assert published(tree, "2025-06-11") == "2025-06-11T08:30:00+02:00"
    assert published(tree, "2025-06-01") == "2025-06-01T10:00:00+00:00"
    assert published(tree, "2024-01-01") == "2024-01-01"  # htmldate's day decides
    assert published(tree, None) == "2025-06-11T08:30:00+02:00"


_BODY = "<p>" + "A sentence of the story that carries no date at all. " * 6 + "</p>"


def _page(head: str, body: str) -> str:
    return (f"<html><head><title>Story</title>{head}</head><body><article>{body}{_BODY}"
            "</article><footer><p>Copyright 2019 Example Media</p></footer></body></html>")


@pytest.mark.parametrize("head, body, expected", [
    # a <meta> named for publication with a printed date: htmldate does not read it
    ("<meta name='published' content='July 17, 2025'>", "", "2025-07-17"),
    # an element whose class names a date, holding the date alone
    ("", "<div class='date-article'>OCTOBER 13, 2025</div>", "2025-10-13"),
    # a date-named element that holds more than a date is no date
    ("", "<div class='date-article'>Updated by the desk team in OCTOBER 13, 2025 and "
     "later again</div>", None),
])
def test_printed_markup_dates_stand_in_for_the_page_wide_search(head, body, expected):
    """Without a date in the markup or the text, htmldate's page-wide pattern search would
    take the copyright year (2019-01-01); cleaner reads what the markup prints instead."""
    from cleaner.markup.pagemeta import read_page_meta

    tree = parse_html(_page(head, body))
    assert read_page_meta(tree, "https://news.example.org/story").published == expected


def test_other_callers_keep_htmldates_page_wide_search():
    """The stand-in applies to cleaner's own reading only: trafilatura's metadata (the
    baseline `cleaner eval` compares with) still runs htmldate's full search."""
    from cleaner.markup.extract import trafilatura_metadata_baseline

    _, date = trafilatura_metadata_baseline(_page("", ""), "https://news.example.org/story")
    assert date == "2019-01-01"
