"""Each line category, one row per rule: a line in the context it appears in, the category
and the rule id that must decide it (or that it must stay body)."""

from __future__ import annotations

import pytest

from cleaner.core.records import InputRecord
from cleaner.engine.pipeline import analyze

TITLE = "City council agrees plan to repair its ageing river bridges"
PARAS = [
    "The city council on Tuesday approved a plan to repair the four oldest bridges over the "
    "river, after inspectors found corrosion in their steel frames last year.",
    "Work on the first bridge will start in the spring and is expected to take two years, "
    "with lanes closed at night rather than during the morning rush hour.",
    "Residents said they welcomed the repairs but worried about the cost, which the council "
    "put at about 40 million over the next decade.",
]
DAILY8 = "https://daily8.com/n/1"


def page(head: tuple[str, ...] = (), body: tuple[str, ...] = (), tail: tuple[str, ...] = (),
         above: tuple[str, ...] = ()) -> str:
    """A small article with the line under test above the title, in the head, between the
    first paragraphs, or after the last."""
    return "\n".join([*above, TITLE, *head, PARAS[0], *body, PARAS[1], PARAS[2], *tail])


# (where, line, url, category, rule); category None means the line stays in the body
ROWS = [
    ("body", "Advertisement", None, "ad", "generic-ad-label"),
    ("body", "Story continues below advertisement", None, "ad", "generic-story-continues"),
    ("tail", "Read Entire Article", None, "promo", "generic-read-entire-article"),
    ("body", "Download the Example News app for breaking alerts", None, "promo",
     "generic-get-the-app"),
    ("tail", "Follow us on Telegram for the latest updates", None, "promo", "generic-follow-us"),
    ("body", "Sign up to our morning newsletter", None, "promo", "generic-newsletter"),
    ("tail", "Try Our AI Features", DAILY8, "promo", "daily8-ai-upsell"),
    ("body", "Crowds outside the court on Friday. Photograph: Jane Doe/AP", None, "caption",
     "generic-photograph-credit"),
    ("body", "(Photo: Kirill Kudryavtsev / AFP)", None, "caption",
     "generic-photo-credit-parenthesised"),
    ("body", "A bridge over the river at dawn. (Photo by Sam Lee/Getty Images)", None,
     "caption", "generic-photo-credit-parenthesised"),
    ("body", "Traffic queues on the old bridge on MondayCredit: Getty", None, "caption",
     "generic-caption-credit-glued"),
    ("body", "Illustration of a map showing the four bridges", None, "caption",
     "generic-alt-text-description"),
    ("body", "Photo of the day's traffic queues on the old bridge", None, "caption",
     "generic-alt-text-description"),
    ("body", "1 of 12", None, "gallery", "generic-gallery-counter"),
    ("body", "View gallery", None, "gallery", "generic-gallery-counter"),
    ("body", "Image 3 of 12", None, "gallery", "generic-gallery-counter"),
    ("body", "Next slide", None, "gallery", "generic-gallery-counter"),
    ("head", "5 min read", None, "metadata", "generic-reading-time"),
    ("body", "Listen to this article", None, "metadata", "generic-reading-time"),
    ("tail", "Comments (12)", None, "comment", "generic-comment-widget"),
    ("tail", "WhatsApp", None, "nav", "generic-share-bar"),
    ("body", "Blue-grey background", DAILY8, "metadata", "daily8-image-placeholder"),
    ("body", "Also Read: Council approves budget for new ring road", None, "related",
     "generic-also-read"),
    ("tail", "No comments yet...", None, "comment", "generic-comment-widget"),
    ("tail", "3 Comments", None, "comment", "generic-comment-widget"),
    ("tail", "Share this article", None, "nav", "generic-share-bar"),
    ("above", "Home", None, "nav", "generic-nav-item"),
    ("above", "Transport", None, "nav", "generic-above-title"),
    ("head", "By Jane Doe", None, "metadata", "generic-byline"),
    ("above", "logo", None, "metadata", "generic-image-placeholder"),
    ("head", "2 hours ago 15", None, "metadata", "generic-time-and-count"),
    ("head", "June 12, 2025", None, "metadata", "generic-dateline"),
    ("head", "Updated on: 12 Jun 2025, 10:30 am", None, "metadata", "generic-dateline-labelled"),
    ("head", "Reuters5 hours ago", DAILY8, "metadata", "generic-source-age-glued"),
    ("head", "USA Today3 days ago", None, "metadata", "generic-source-age-glued"),
    ("body", "time4 days ago", None, "metadata", "generic-age-labelled"),
    ("head", "Fox 12 Northwest · 3h", None, "metadata", "generic-source-age-dotted"),
    ("body", "01:14:54", None, "metadata", "generic-duration"),
    ("tail", "(Reporting by Jane Doe; Editing by Sam Lee)", None, "metadata",
     "generic-wire-credits"),
    ("body", "Reuters / Wednesday, September 10, 2025", None, "metadata",
     "generic-source-slash-date"),
    ("head", "14:05, 2 Jun 2025", None, "metadata", "generic-time-then-date"),
    ("head", "Dakar, Sept 3 (AFP)", None, "metadata", "generic-wire-dateline"),
    ("head", "World News | Africa", None, "nav", "generic-breadcrumb"),
    ("body", "Traffic on the bridge, June 3, 2025. REUTERS/Jane Doe", None, "caption",
     "generic-wire-caption-credit"),
    ("body", "AFP via Getty Images", None, "caption", "generic-agency-credit"),
    ("body", "Hana Ostrova/Getty Images", None, "caption", "generic-photographer-credit"),
    ("body", "Ferry passengers queue at the pier | Tom Arkwright/AP", None, "caption",
     "generic-photographer-credit"),
    ("body", "The pier was rebuilt with help from AP.", None, None, None),  # a story line
    ("head", "Posted on June 30, 2025 by newsdesk", None, "metadata", "generic-dateline-by"),
    ("head", "^GSPC", None, "metadata", "generic-ticker"),
    ("body", "[ad_1]", None, "markup", "generic-shortcode"),
    ("body", "[caption id=\"\" width=\"640\"] A bridge at dawn. (Photo: Reuters)[/caption]", None,
     "caption", "generic-caption-shortcode"),
    ("body", "© Provided by USA TODAY", None, "caption", "generic-provided-by"),
    ("body", "The new logo", None, None, None),  # not a partner's "USA TODAY logo"
    ("tail", "Hashtags", None, "nav", "generic-tail-chrome"),
    ("tail", "Show more", None, "nav", "generic-tail-chrome"),
    ("tail", "The bridges reopen in May.", None, None, None),
    ("body", "What the repairs cost", None, None, None),  # a subhead between paragraphs stays
    ("body", "Orange background", DAILY8, "metadata", "daily8-image-placeholder"),
    ("tail", "Tags: Bridges, Transport, city council", None, "tags", "generic-tags-labelled"),
    ("tail", "Bridges Transport City Council Infrastructure", None, "tags", "generic-tag-line"),
    ("body", "</div>", None, "markup", "generic-html-tag"),
    ("body", "&w=3840&q=100)", None, "markup", "generic-url-fragment"),
    ("body", "* * *", None, "markup", "generic-symbols-only"),
    ("body", "[caption id=\"attachment_12\" align=\"alignnone\"]", None, "markup",
     "generic-shortcode"),
    ("body", "&nbsp; &nbsp;", None, "markup", "generic-shortcode"),
    ("body", "READ MORE: Council approves budget for new ring road", None, "related",
     "generic-also-read"),
    ("tail", "Do you have a story for The Sun news desk?", "https://www.thesun.co.uk/n/1",
     "promo", "thesun-news-desk-promo"),
    ("head", "Bikash Sarma", "https://pratidintime.com/x", "metadata", "pratidintime-author"),
    ("body", TITLE, None, "duplicate", "generic-repeated-title"),
    ("tail", PARAS[2], None, "duplicate", "generic-repeated-line"),  # printed twice
    ("body", "Это предложение написано по-русски и не относится к статье.", None, "language",
     "generic-foreign-line"),
    ("tail", "© 2025 Example Media. All rights reserved.", None, "boilerplate",
     "generic-copyright"),
    ("body", "14.52 BST", None, "metadata", "generic-live-stamp"),
    ("body", "Updated at 15.03 BST", None, "metadata", "generic-live-stamp"),
    ("body", "2h ago", None, "metadata", "generic-live-age"),
    ("body", "Show key events only", None, "nav", "generic-live-widget"),
    ("body", "Photo: Getty Images", None, "caption", "generic-credit-alone"),
    ("body", "A crane on the quay at dawn. (Credit: Sam Lee/Harbour News)", None, "caption",
     "generic-photo-credit-parenthesised"),
    ("body", "Want the best of our reporting in your inbox? Sign up to our free newsletter.",
     None, "promo", "generic-reader-appeal"),
    ("tail", "If you value our reporting, please consider making a donation today.", None,
     "promo", "generic-reader-appeal"),
    # lines that must stay in the body
    ("body", "If you subscribe to the bus pass, the council said, fares fall by a third.", None,
     None, None),                               # the reader addressed, no outlet speaking
    ("body", '"We will support our members," the union said.', None, None, None),  # quoted
    ("body", "14.52", None, None, None),        # a clock without a zone: a time or a score
    ("body", "4:14 p.m.", None, None, None),    # a running wire story's entry time
    ("body", "— Jane Doe (@janedoe) June 12, 2025", None, None, None),  # an embed's attribution
    ("body", "5/5", None, None, None),                              # a review's rating
    ("body", "[stack trace omitted]", None, None, None),            # an editor's bracket
    ("body", "<PropertyGroup>", None, None, None),                  # a line of XML code
    ("body", 'BeforeTargets="Build"', None, None, None),            # an attribute in code
    ("body", "└───────┬───────┘", None, None, None),                # a box-drawn table row
    ("body", "______________________________", None, None, None),   # a drawn rule
    # not a tag list; on text input a closing line with no sentence in it is chrome
    ("tail", "The Doobie Brothers Tour Dates", None, "nav", "generic-tail-chrome"),
    ("body", "What happens next", None, None, None),                # a subhead
    ("body", "Photo of the day: Gulls on the new quay", None, None, None),  # a recurring section
    ("body", "Map of the week", None, None, None),                  # a section, no alt text
    ("body", "private-address: 192.168.0.0/16", None, None, None),  # config, no glued date
    ("body", "Date: 16-19 March 2026", None, None, None),           # an event's dates
    ("body", "Update to nightly-2025-11-24", None, None, None),     # a version, not a source
    ("body", "By Jane Doe, Transport Editor", None, None, None),   # a boxout's byline
    ("body", "It all started a year ago", DAILY8, None, None),     # not a glued source+age
    ("body", "Home", None, None, None),                            # nav words only in head
    ("tail", "Read more", None, "promo", "generic-read-entire-article"),
    ("tail", PARAS[0], None, None, None),       # a repeat far from its copy is structure
]


def _where(where: str, line: str) -> dict[str, tuple[str, ...]]:
    return {where: (line,)}


@pytest.mark.parametrize(("where", "line", "url", "category", "rule"), ROWS,
                         ids=[f"{r[4] or 'body'}:{r[1][:24]}" for r in ROWS])
def test_line_category(where: str, line: str, url: str | None, category: str | None,
                       rule: str | None) -> None:
    text = page(**_where(where, line))
    analysis = analyze(InputRecord("t", text, url, "text"))
    matches = [ln for ln in analysis.lines if ln.text == line]
    target = matches[-1]  # a repeat is the later copy
    assert (target.category, target.rule) == (category, rule), target
    body = analysis.result.text.split("\n")
    if category is None:
        assert body.count(line) == len(matches)
    else:
        assert target.fate in ("noise", "meta", "related")
        assert body.count(line) == (1 if line in PARAS else 0)
    for para in PARAS:  # the story itself is never touched
        assert para in body


def test_categories_cover_every_category() -> None:
    from cleaner.core.records import CATEGORIES

    assert {r[3] for r in ROWS if r[3]} == set(CATEGORIES)
