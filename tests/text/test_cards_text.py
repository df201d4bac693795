"""Related cards by shape on pages no rule file knows; listings; the line token types.

The pages here are written for the test (no site rules match them): each row is one card
layout seen on a real aggregator, with the titles the cards must yield.
"""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.text.card_lines import classify

STORY = ("The council approved the new budget on Tuesday after a long debate that ran well "
         "into the evening.\nOfficials said the plan would keep every library open for at "
         "least another two years.\n")
TEASER = ("A teaser that runs long enough to read as prose, the way card teasers do on the "
          "aggregators studied.")
STORIES = [("Harbour ferry fares rise for the first time in years",
            "Island commuters will pay more from March, the operator said on Monday."),
           ("Storm damage closes the coastal path near the lighthouse",
            "Walkers are asked to use the inland route while engineers survey the cliff."),
           ("Village school celebrates its hundredth anniversary",
            "Former pupils travelled from three continents for the celebration at the weekend.")]


@pytest.mark.parametrize(("page", "titles"), [
    # compact Daily8-like cards: source, bare age, "- Source", title, teaser
    ("Reuters\n2 hours ago\n- Reuters\nFirst card title here\n" + TEASER + "\n"
     "BBC\n4 hours ago\n- BBC\nSecond card title here\n" + TEASER + "\n",
     ["First card title here", "Second card title here"]),
    # NewsBreak-like: title, then "Source · age"
    ("Bridge lane closures planned for the weekend\nKOIN 6 · 5h\n"
     "School board delays vote on bus contract\nThe Oregonian · 1d\n"
     "Missing hiker found safe near the falls\nFox 12 · 2d\n",
     ["Bridge lane closures planned for the weekend",
      "School board delays vote on bus contract", "Missing hiker found safe near the falls"]),
    # the date closes each card (headline pages of a wire mirror)
    ("Council tax bills to rise in most of England\n" + TEASER + "\n"
     "(Sat, 18 Jan 2025 10:33:38 GMT)\nMuseum returns carved door to village\n" + TEASER
     + "\n(Sat, 18 Jan 2025 03:29:20 GMT)\n",
     ["Council tax bills to rise in most of England", "Museum returns carved door to village"]),
])
def test_cards_on_an_unknown_site(page: str, titles: list[str]) -> None:
    result = clean("A headline for the page under test\n" + STORY + "More stories\n" + page)
    assert result.site is None
    assert [r.title for r in result.related] == titles
    assert result.page_kind == "article"
    assert result.text.splitlines() == STORY.strip().splitlines()
    assert {r.rule for r in result.removed if r.text in titles} == {"generic-card-shape"}


def test_page_of_cards_is_a_listing() -> None:
    cards = "".join(f"{title}\n{teaser} {TEASER}\nRead More\n" for title, teaser in STORIES)
    result = clean("Latest stories\n" + cards)
    assert result.page_kind == "listing" and result.text == "" and result.title is None
    assert [r.title for r in result.related] == [title for title, _ in STORIES]


def test_dated_paragraphs_of_an_article_are_not_cards() -> None:
    """A timeline: dates over paragraphs, no titles between them."""
    body = [f"{teaser} {TEASER}" for _, teaser in STORIES]
    page = ("How the dispute unfolded over one year\n" + STORY + "12 March 2024\n" + body[0]
            + "\n3 June 2024\n" + body[1] + "\n9 October 2024\n" + body[2] + "\n")
    result = clean(page)
    assert result.related == () and result.page_kind == "article"
    assert set(body) <= set(result.text.splitlines())


def test_live_blog_posts_under_a_repeated_marker_are_the_story() -> None:
    """A live blog: each post is a repeated "Updated" line, a short heading and several
    paragraphs. A repeated line opening cards of one teaser each is a card list; posts of
    several paragraphs are the story and stay body."""
    posts = "".join(f"Updated\n\n{title}\n{teaser} {TEASER}\n{STORY.splitlines()[n]}\n\n"
                    for n, (title, teaser) in enumerate(STORIES[:2]))
    result = clean("Ferry fares frozen for another year: live updates\n" + STORY + "\n" + posts)
    assert result.related == () and result.page_kind == "article"
    for _title, teaser in STORIES[:2]:
        assert f"{teaser} {TEASER}" in result.text.splitlines()


def test_time_label_is_never_a_source() -> None:
    page = ("logo\n#\n\nLatest news with #Harbour\n\n"
            + "".join(f"{title}\n{title}\n\nYahoo\n\ntime{n + 2} days ago\n\n  • Business\n"
                      f"  • Yahoo\n\n{title}\n\n{teaser} {TEASER} Copy the Story Link\n\n"
                      for n, (title, teaser) in enumerate(STORIES)))
    result = clean(page)
    assert result.site == "daily8" and result.page_kind == "listing"
    assert [(r.source, r.published) for r in result.related] == [
        ("Yahoo", "2 days ago"), ("Yahoo", "3 days ago"), ("Yahoo", "4 days ago")]
    assert result.source is None
    assert all("Copy the Story Link" not in (r.teaser or "") for r in result.related)


@pytest.mark.parametrize(("line", "kind", "source", "published"), [
    ("time4 days ago", "A", None, "4 days ago"),
    ("Axios12-03-2025", "A", "Axios", "12-03-2025"),
    ("USA Today3 days ago", "A", "USA Today", "3 days ago"),
    ("Reuters · 3h", "A", "Reuters", "3h"),
    ("Reuters - World - News Image", "A", "Reuters", None),
    ("  • Business".strip(), "B", "Business", None),
    ("It happened a year ago", "S", None, None),  # a short line, not an age
    ("46 | 8941 | 1 | 1", "S", None, None),
    ("Ferry delays leave islanders strandedMon 12 May Mon 12 May 2025 at 9:14pm", "I",
     "Ferry delays leave islanders stranded", "Mon 12 May 2025 at 9:14pm"),
])
def test_token_types(line: str, kind: str, source: str | None, published: str | None) -> None:
    token = classify(line)
    assert (token.kind, token.source, token.published) == (kind, source, published)


CUT = ("A teaser that runs long enough to read as prose and is then cut short by the feed "
       "that copied it ... more")


@pytest.mark.parametrize(("page", "titles", "sources"), [
    # bulleted titles over teasers cut short (WordPress tag pages, headline networks)
    ("".join(f"  • {title}\n    {CUT}\n" for title, _ in STORIES),
     [title for title, _ in STORIES], [None] * 3),
    # the bulleted title printed again under it (Yahoo front pages)
    ("".join(f"  • {title}\n\n    {title}\n\n    {teaser}\n" for title, teaser in STORIES),
     [title for title, _ in STORIES], [None] * 3),
    # an age before the title and the outlet glued after it, the same on every card
    ("".join(f"  • 2 months {title} Coastwire\n    {CUT}\n" for title, _ in STORIES),
     [title for title, _ in STORIES], ["Coastwire"] * 3),
    # a credited photo caption opens each card (news apps)
    ("".join(f"A view of the harbour at dawn (Ana Ruiz/PA)\n\n{title}\n\n{teaser} {TEASER}\n"
             for title, teaser in STORIES), [title for title, _ in STORIES], [None] * 3),
    # a picture placeholder opens each card
    ("".join(f"A picture\n\n{title}\n\n{teaser} {TEASER}\n" for title, teaser in STORIES),
     [title for title, _ in STORIES], [None] * 3),
])
def test_cards_opened_by_their_first_line(page: str, titles: list[str],
                                          sources: list[str | None]) -> None:
    result = clean("Latest stories\n\n" + page)
    assert result.page_kind == "listing" and result.text == ""
    assert [r.title for r in result.related] == titles
    assert [r.source for r in result.related] == sources


def test_a_storys_bulleted_points_and_captions_stay_body() -> None:
    """Key points explained by whole paragraphs (no title copy, no teaser cut short) and
    credited photos followed by the story's paragraphs are the story, not cards."""
    points = "".join(f"• {title}\n{teaser} {TEASER}\n" for title, teaser in STORIES)
    photos = "".join(f"A view of the harbour at dawn (Ana Ruiz/PA)\n{teaser} {TEASER}\n"
                     for _, teaser in STORIES)
    for part in (points, photos):
        result = clean("A headline for the page under test\n" + STORY + part)
        assert result.related == () and result.page_kind == "article"
        kept = set(result.text.splitlines())
        assert {f"{teaser} {TEASER}" for _, teaser in STORIES} <= kept


def test_numbered_cards_with_a_byline_above_the_age() -> None:
    """A wire roundup: "1 Title", "By NAME, Agency Writer", the age, the teaser. The byline
    is no title and the list's numbers are no part of the titles."""
    cards = "".join(f"{n} {title}\nBy ANA RUIZ, Associated Press Writer\n{n + 2} minutes ago\n"
                    f"{teaser} {TEASER}\n" for n, (title, teaser) in enumerate(STORIES, 1))
    result = clean("A headline for the page under test\n" + STORY + "More stories\n" + cards)
    assert [r.title for r in result.related] == [title for title, _ in STORIES]
    assert result.text.splitlines() == STORY.strip().splitlines()
