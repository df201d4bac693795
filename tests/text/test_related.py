"""Related articles read from text: Daily8 cards in their variants, item lists, one-line
promos and embedded promos."""

from __future__ import annotations

from cleaner import clean

STORY = ("The first paragraph of the story is long enough to count as one, and it ends with "
         "a full stop.\nThe second paragraph follows it closely, also long enough to count, "
         "and also ends properly.\n")
DAILY8_FOOT = ("\nDOWNLOAD THE APP\n\nGet Started Now: Download the App\n\nReady to dive into "
               "a world of global content with local flavor? Download Daily8 app today from "
               "your preferred app store and start exploring.\napp-storeplay-store\n")


def daily8(cards: str, heading: str = "Related Articles") -> str:
    return ("logo\nA headline of the Daily8 page under test\n\nReuters5 hours ago\n" + STORY
            + "Orange background\n\nTry Our AI Features\n\nExplore what Daily8 AI can do for "
            "you:\n\nComments\n\nNo comments yet...\n\n" + heading + "\n\n" + cards
            + DAILY8_FOOT)


def test_card_variants() -> None:
    cards = """Title one repeated before the card
Title one repeated before the card

Russia Today

time33 minutes ago

  • Russia Today

Title one repeated before the card

Teaser one, first line.
Teaser one, second line.

NDTV
a minute ago
- NDTV
Title two with no teaser

Yahoo23-04-2025
• Yahoo
Title three glued to its source
Teaser three.
&w=3840&q=100)
"""
    result = clean(daily8(cards), "https://daily8.com/x")
    got = [(r.title, r.source, r.published, r.teaser) for r in result.related]
    assert got == [
        ("Title one repeated before the card", "Russia Today", "33 minutes ago",
         "Teaser one, first line. Teaser one, second line."),
        ("Title two with no teaser", "NDTV", "a minute ago", None),
        ("Title three glued to its source", "Yahoo", "23-04-2025", "Teaser three."),
    ]
    assert result.source == "Reuters" and result.published_raw == "5 hours ago"
    assert result.text == STORY.strip()
    for r in result.related:
        assert r.title not in result.text


def test_second_list_heading_is_not_a_teaser() -> None:
    cards = ("NDTV\ntime2 hours ago\n• NDTV\nCard one title\nCard one teaser.\n\nTrending Now\n\n"
             "Yahoo\na minute ago\n• Yahoo\nCard two title\nCard two teaser.\n")
    result = clean(daily8(cards))
    assert [(r.title, r.teaser) for r in result.related] == [
        ("Card one title", "Card one teaser."), ("Card two title", "Card two teaser.")]
    assert {r.rule for r in result.removed if r.text == "Trending Now"} == {
        "daily8-related-cards"}


def test_hashtag_listing_has_no_text() -> None:
    cards = ("Al Jazeera\ntime45 minutes ago\n• Al Jazeera\nA card title on the listing\n"
             "Its teaser.\n")
    page = "logo\n#Climate\n\n" + cards + DAILY8_FOOT
    result = clean(page)
    assert result.site == "daily8" and result.text == "" and result.title is None
    assert [(r.title, r.source) for r in result.related] == [
        ("A card title on the listing", "Al Jazeera")]
    assert result.language == "en"


def test_teaser_loses_inline_ad_label() -> None:
    cards = ("NDTV\ntime2 hours ago\n• NDTV\nA title\nFirst half. STORY CONTINUES BELOW THIS AD "
             "Second half.\n")
    [item] = clean(daily8(cards)).related
    assert item.teaser == "First half. Second half."


def test_further_reading_list_ends_at_noise() -> None:
    page = ("A headline for a page with a reading list\n" + STORY + "Further Reading\n"
            "First related story title here - The Guardian\n"
            "Second related story title | BBC News\n"
            "A third title without a source\n"
            "Share this article\n"
            "Comments\n")
    result = clean(page)
    assert [(r.title, r.source) for r in result.related] == [
        ("First related story title here", "The Guardian"),
        ("Second related story title", "BBC News"),
        ("A third title without a source", None),
    ]
    rules = {r.text: r.rule for r in result.removed}
    assert rules["Share this article"] == "generic-share-bar"
    assert rules["Comments"] == "generic-comment-widget"


def test_dates_under_list_items_are_their_published() -> None:
    page = ("A headline for a page with a dated reading list\n" + STORY + "Related Stories\n"
            "First related story title here\nJune 12, 2025\n"
            "Second related story title | BBC News\n3 days ago\n"
            "A third title without a date\n")
    result = clean(page)
    assert [(r.title, r.source, r.published) for r in result.related] == [
        ("First related story title here", None, "June 12, 2025"),
        ("Second related story title", "BBC News", "3 days ago"),
        ("A third title without a date", None, None),
    ]
    assert result.text == STORY.strip()


def test_also_read_takes_the_site_as_source() -> None:
    page = ("A headline for a PratidinTime page here\nauthor-image\nPratidinTime News Desk\n"
            + STORY + "Also Read: Another story by the same site\n"
            + STORY.replace("first", "third"))
    result = clean(page)
    assert result.site == "pratidintime"
    assert [(r.title, r.source) for r in result.related] == [
        ("Another story by the same site", "PratidinTime")]
    assert "Also Read" not in result.text


def test_embedded_promo_is_related_and_boxout_stays() -> None:
    page = ("A Sun headline for the embedded promo test\n\n" + STORY
            + "A caption of the scene at dawnCredit: Reuters\n"
            "BOXOUT HEADING\nBy Jane Doe, Political Editor\n"
            "THE boxout's own paragraph is long enough to be a paragraph, and it ends with a "
            "full stop like the others.\n"
            "Headline of another Sun story\nBY John Smith\n"
            "The promo's first paragraph, which belongs to another article entirely.\n"
            "Read more here\n"
            "The story goes on after the promo with a last long paragraph that ends with a full "
            "stop as well.\n")
    result = clean(page)
    assert result.site == "thesun"
    [promo] = result.related
    assert promo.title == "Headline of another Sun story" and promo.source == "The Sun"
    assert "another article entirely" in promo.teaser
    body = result.text.split("\n")
    assert "BOXOUT HEADING" in body and "By Jane Doe, Political Editor" in body
    assert "Read more here" not in body and "BY John Smith" not in body
    assert body[-1].startswith("The story goes on after the promo")


def test_without_the_pattern_set_results_are_the_same(monkeypatch) -> None:
    """If the patterns tried on every line ever outgrow one RE2 set, the line rules keep a
    set of their own and the related, section and inline patterns are searched one by one."""
    from pathlib import Path

    import re2

    from cleaner.rulebook import model as ruleset
    from cleaner.rulebook.files import bundled_rules_dir
    from cleaner.rulebook.loader import load_rules

    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    expected = [clean(p.read_bytes()).to_dict() for p in seeds]
    real, calls = ruleset._search_set, []

    def too_big_together(patterns):  # each merge tries all families first, then lines alone
        calls.append(len(patterns))
        if len(calls) % 2:
            raise re2.error("out of memory")
        return real(patterns)

    monkeypatch.setattr(ruleset, "_search_set", too_big_together)
    rules = load_rules([bundled_rules_dir()])
    assert rules.active(None).related_at is None and rules.active(None).related_patterns
    assert [clean(p.read_bytes(), rules=rules).to_dict() for p in seeds] == expected


def test_source_lines_under_list_items_are_their_sources() -> None:
    """A list printing "Title", "Source" (and maybe an age) per story: the name lines are
    the items' sources, not items of their own."""
    page = ("A headline for a page with a sourced reading list\n" + STORY + "Related Stories\n"
            "Harbour dredging finishes a week early\nThe Courier\n2 hours ago\n"
            "Night buses return to the ring road\nValley Post\n5 hours ago\n"
            "Library extends opening on Fridays\nCity Herald\n")
    result = clean(page)
    assert [(r.title, r.source, r.published) for r in result.related] == [
        ("Harbour dredging finishes a week early", "The Courier", "2 hours ago"),
        ("Night buses return to the ring road", "Valley Post", "5 hours ago"),
        ("Library extends opening on Fridays", "City Herald", None),
    ]
    assert result.text == STORY.strip()


def test_a_name_line_alone_in_a_list_is_no_source() -> None:
    """A short name over the following items without names under them is a heading
    inside the list, not the source of the item above it."""
    page = ("A headline for a page with a two-part reading list\n" + STORY + "Related Stories\n"
            "Harbour dredging finishes a week early\nOur Picks\n"
            "Night buses return to the ring road\nLibrary extends opening on Fridays\n")
    result = clean(page)
    assert all(r.source != "Our Picks" for r in result.related)
