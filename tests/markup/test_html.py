"""HTML fixtures of the seed sites: the same article as a text seed gives the same result,
and related cards come out with absolute URLs."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from tests.golden_tool import ROOT, result_for

HTML = ROOT / "seeds" / "html"
FIXTURES = sorted(HTML.rglob("*.html"))
# fixture -> the text seed carrying the same article
SAME_ARTICLE = {
    "daily8/putin_meet_zelensky": "001_f6ca94376d23a34d",
    "daily8/yahoo_heatwaves": "005_daily8_yahoo_heatwaves",
    "daily8/bbc_cherry_blossoms": "006_daily8_bbc_minute",
    "pratidintime/kremlin_talks": "002_d379520142cff4ce",
    "pratidintime/assam_flood": "010_pratidintime_flood",
    "pratidintime/riyan_parag": "011_pratidintime_cricket",
    "ynetnews/putin_istanbul": "003_8549324ab8f36054",
    "ynetnews/hostage_talks": "012_ynetnews_hostages",
    "ynetnews/ai_chip_startup": "013_ynetnews_tech_further_reading",
    "thesun/putin_peace_demands": "004_7921adbd90302e63",
    "thesun/energy_bills": "014_thesun_energy_bills",
}


def _key(path) -> str:
    return str(path.relative_to(HTML).with_suffix(""))


def test_most_fixtures_carry_cards():
    assert sum(1 for p in FIXTURES if result_for(p).related) >= 9


def test_three_fixtures_per_seed_site():
    sites = {}
    for path in FIXTURES:
        sites.setdefault(path.parent.name, []).append(path)
    assert {s: len(v) >= 3 for s, v in sites.items()} == dict.fromkeys(
        ("daily8", "pratidintime", "thesun", "ynetnews"), True)


@pytest.mark.parametrize("key, seed", sorted(SAME_ARTICLE.items()))
def test_same_article_as_text_seed(key, seed):
    result = result_for(HTML / f"{key}.html")
    golden = json.loads((ROOT / "golden" / f"{seed}.json").read_text(encoding="utf-8"))
    assert result.status == "ok", result.error
    assert result.site == golden["site"]  # by the canonical URL's host
    assert result.title == golden["title"]
    assert result.text == golden["text"]
    assert [r.title for r in result.related] == [r["title"] for r in golden["related"]]


@pytest.mark.parametrize("path", FIXTURES, ids=_key)
def test_cards_absolute_and_chrome_gone(path):
    result = result_for(path)
    for card in result.related:
        parts = urlsplit(card.url or "")
        assert parts.scheme == "https" and result.site in parts.netloc, card.url
    categories = {r.category for r in result.removed}
    assert {"caption", "ad"} <= categories
    for noise in ("Credit:", "Advertisement", "Share on Facebook", "Photo:"):
        assert noise not in result.text


META_PAGE = """<html><head><title>Bees can count to four | Example News</title>
<link rel="canonical" href="/science/bees-count">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-06-11T08:30:00+02:00">
</head><body><article><h1>Bees can count to four</h1>
<p>{body}</p><p>{body}</p></article></body></html>"""


def test_metadata_comes_from_the_markup() -> None:
    from cleaner.engine.pipeline import clean

    body = ("Researchers showed that honey bees can tell three dots from four, a skill "
            "once thought to need a larger brain than an insect has.")
    result = clean(META_PAGE.format(body=body), "https://news.example.org/x?utm=1")
    assert result.canonical_url == "https://news.example.org/science/bees-count"
    assert result.site_name == "Example News"
    assert result.author == "Jane Doe"
    assert result.published == "2025-06-11T08:30:00+02:00"  # the markup's time and offset
    assert result.published_raw is None
