"""Which rule file a page gets: by the URL's host, else by a fingerprint in the text."""

from __future__ import annotations

import pytest

from cleaner.rulebook.loader import default_rules
from cleaner.rulebook.model import host_matches

BODY = "A plain paragraph about nothing in particular, long enough to be a paragraph here.\n"


@pytest.mark.parametrize(("url", "site"), [
    ("https://daily8.com/news/123", "daily8"),
    ("https://www.daily8.com/news/123", "daily8"),
    ("https://in.daily8.com/news/123", "daily8"),          # *.daily8.com
    ("http://WWW.YNETNEWS.COM/article/abc", "ynetnews"),    # hosts are case-insensitive
    ("https://www.thesun.co.uk/news/1/", "thesun"),
    ("https://www.thesun.ie/news/1/", "thesun"),
    ("pratidintime.com/latest/x", "pratidintime"),         # no scheme
    ("https://www.inkl.com/news/x", "inkl"),
    ("https://example.org/a", None),
    ("https://notdaily8.com/a", None),                     # a suffix is not a subdomain
    ("https://daily8.com.evil.example/a", None),
])
def test_by_host(url: str, site: str | None) -> None:
    found = default_rules().detect(url, BODY)
    assert (found.name if found else None) == site


@pytest.mark.parametrize(("text", "site"), [
    ("Title\n" + BODY + "Explore what Daily8 AI can do for you:\n", "daily8"),
    (BODY + "Ready to dive in? Download Daily8 app today from your store.\n", "daily8"),
    ("Title\nPratidinTime News Desk\n" + BODY, "pratidintime"),
    ("Title\nPratidinTime Web Desk\n" + BODY, "pratidintime"),
    ("Title\nauthor-image\nDhruba Jyoti Baruah\nNew Update\n" + BODY, "pratidintime"),
    ("Title\r\nauthor-image\r\nA Reporter\r\nNew Update\r\n" + BODY, "pratidintime"),
    (BODY + "<< Follow Ynetnews on Facebook | Twitter >>\n", "ynetnews"),
    ("Get all your news in one place.\nTitle\n" + BODY, "inkl"),
    ("Title\n" + BODY + "A caption of the scene at dawnCredit: Reuters\n", "thesun"),
    ("Title\n" + BODY, None),
    ("Title\nThis story mentions Daily8 AI in passing.\n" + BODY, None),
])
def test_by_fingerprint_without_url(text: str, site: str | None) -> None:
    found = default_rules().detect(None, text)
    assert (found.name if found else None) == site


def test_host_wins_over_fingerprint() -> None:
    text = "Get all your news in one place.\n" + BODY
    assert default_rules().detect("https://www.ynetnews.com/a", text).name == "ynetnews"


def test_unknown_host_falls_back_to_fingerprint() -> None:
    text = "Get all your news in one place.\n" + BODY
    assert default_rules().detect("https://mirror.example/a", text).name == "inkl"


@pytest.mark.parametrize(("pattern", "host", "ok"), [
    ("a.com", "a.com", True),
    ("a.com", "www.a.com", True),
    ("a.com", "news.a.com", False),
    ("*.a.com", "news.a.com", True),
    ("*.a.com", "x.y.a.com", True),
    ("*.a.com", "a.com", False),
    ("*.a.com", "evila.com", False),
    ("a.com", "A.COM.", True),
])
def test_host_matches(pattern: str, host: str, ok: bool) -> None:
    assert host_matches(pattern, host) is ok


def test_detection_reads_the_pages_utf8_bytes_as_it_reads_the_text():
    rules = default_rules()
    for text in ("<p>Café crème</p>\nFollow Ynetnews on Facebook\n", "Crème brûlée, no site"):
        by_text = rules.detect(None, text)
        assert rules.detect(None, text, text.encode("utf-8")) == by_text
    assert by_text is None and rules.detect(None, "x\nFollow Ynetnews on\n").name == "ynetnews"
