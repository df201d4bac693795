"""The stages of one page, declared once, in the order the pipeline runs them.

The pipeline (`cleaner.engine.pipeline`) runs them in this order and records each one that
ran; `cleaner explain` prints this list with the stages that ran on the page; the stage
table in rules/README.md is generated from it (`python -m cleaner.rulebook.docs`); and a
site's `disable:` accepts the id of every stage marked `switch` (besides rule ids), to turn
that stage off on the site's pages. Stages that are not switches are the frame every page
needs (decoding, the zones, the body) or apply rule-file rules, which a site switches off
one by one by their own ids.

Layers: `html` stages run on HTML input only, before the text exists; `text` stages run on
the lines of either input, except those marked `text_only`: on an HTML page the markup has
placed the story already, and its lists and short closing lines are the story's own
(wcxb-dev: 27 pages lost recall when the text-dump stages ran on extracted text).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Layer = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    layer: Layer
    purpose: str
    switch: bool = False  # a site may name it in `disable:`; removals carry this id as rule
    text_only: bool = False  # runs on text input only, not on the text of an HTML page


STAGES: tuple[Stage, ...] = (
    Stage("decode", "text", "bytes to text: charset, gzip, mojibake repair, markup defused"),
    Stage("site", "text", "pick the site's rules: URL host, else the page's fingerprints"),
    Stage("page-meta", "html", "author, date, canonical URL and site name from the markup"),
    Stage("page-title", "html", "the headline from h1, og:title or <title>"),
    Stage("dom-cards", "html", "related cards read from the untouched tree (`dom.cards`)"),
    Stage("dom-drops", "html", "DOM sections and drops (`dom.sections`, `dom.drop`) under "
          "the over-pruning guard"),
    Stage("main-text", "html", "trafilatura on the pruned tree: the article's text, one "
          "paragraph a line"),
    Stage("split", "text", "the text into lines"),
    Stage("related-lists", "text", "related lists under a heading (`related` rules)"),
    Stage("sections", "text", "runs of lines between a start and a stop (`sections` rules)"),
    Stage("generic-labelled-promo", "text", "a short label over a headline, printed "
          "twice: a banner linking another story", switch=True, text_only=True),
    Stage("generic-card-shape", "text", "card-shaped runs: title, source, age",
          switch=True, text_only=True),
    Stage("generic-dated-bullets", "text", "bullet cards with the date glued to the "
          "headline, the teaser under them", switch=True, text_only=True),
    Stage("generic-age-source-cards", "text", "cards closed by an age-and-source line "
          "('3y ago from X')", switch=True, text_only=True),
    Stage("generic-echo-cards", "text", "cards whose headline comes back under the "
          "teaser with 'Read More'", switch=True, text_only=True),
    Stage("generic-via-labels", "text", "cards opened by a syndication label glued to "
          "the next field ('X on MSN2d')", switch=True, text_only=True),
    Stage("generic-glued-bylines", "text", "headlines glued to their author and place, "
          "in a run", switch=True, text_only=True),
    Stage("generic-doubled-cards", "text", "a run of cards that print their headline "
          "twice, labels between the copies, and no story around them", switch=True,
          text_only=True),
    Stage("generic-template-cards", "text", "a run of cards repeating one template of "
          "line shapes with the same field labels ('Summary', 'Key Facts') and no story "
          "around them", switch=True, text_only=True),
    Stage("generic-prefixed-closers", "text", "cards whose headline is glued into a "
          "closing link after a prefix the closers share ('Read More »from <headline>'), "
          "the teaser above it", switch=True, text_only=True),
    Stage("generic-outlet-closers", "text", "cards closed by their outlet's name and a "
          "mark every closer repeats ('Joy Online »', 'CBC News - Published')",
          switch=True, text_only=True),
    Stage("generic-roundup", "text", "a headline naming the cards under it: a roundup "
          "whose items are its story", switch=True, text_only=True),
    Stage("generic-listing-chrome", "text", "a listing page's chrome around its cards",
          switch=True, text_only=True),
    Stage("generic-listing-shape", "text", "a page of headline-and-teaser units and no "
          "story around them: a listing", switch=True, text_only=True),
    Stage("zones", "text", "head, body and tail of the page, from its paragraphs"),
    Stage("generic-doubled-source", "text", "the outlet's name printed twice over the story",
          switch=True),
    Stage("line-rules", "text", "`lines` rules of the head and tail zones"),
    Stage("generic-leading-caption", "text", "a caption printed before the headline, "
          "beside a lone credit (zones and head rules run again)", switch=True,
          text_only=True),
    Stage("generic-credited-caption", "text", "a first line ending in a bracketed credit, "
          "over a headline and a paragraph", switch=True, text_only=True),
    Stage("generic-recurring-line", "text", "lines on most pages of the site (with "
          "recurrence stats)", switch=True),
    Stage("title", "text", "the title line; the lines above it (`generic-above-title`, "
          "`generic-head-fragment`)"),
    Stage("generic-above-title", "text", "chrome above the title", switch=True),
    Stage("generic-head-fragment", "text", "a fragment of the head left under the title",
          switch=True),
    Stage("generic-byline-over-headline", "text", "a byline taken for the title gives "
          "way to the headline under it; a byline above the title is metadata", switch=True,
          text_only=True),
    Stage("generic-title-over-dateline", "text", "the headline over the first "
          "paragraph's dateline, when the title is missing or below that paragraph; a "
          "dateline between the title and the first paragraph", switch=True,
          text_only=True),
    Stage("generic-head-cards", "text", "headlines printed twice in a row above the "
          "title, two or more: a related strip, not chrome", switch=True, text_only=True),
    Stage("generic-caption-pair", "text", "an image caption and its credit", switch=True),
    Stage("generic-credited-line", "text", "a caption closed by a picture credit, and "
          "the alt text over a caption", switch=True, text_only=True),
    Stage("generic-caption-alt", "text", "an image's alt text over its full caption",
          switch=True, text_only=True),
    Stage("generic-sign-off", "text", "writers' sign-offs, role lines and counter "
          "banners printed as lines", switch=True, text_only=True),
    Stage("generic-related-head", "text", "a related box inside the body under a "
          "glued or capitals heading", switch=True, text_only=True),
    Stage("body-line-rules", "text", "`lines` rules of the body zone"),
    Stage("generic-tail-pairs", "text", "headline-and-teaser cards on other topics "
          "that close the page: related items", switch=True, text_only=True),
    Stage("generic-labelled-tail", "text", "cards after the story that print one label "
          "shape under every headline ('positiveWorld Affairs', 'Updated (2 articles)'): "
          "related items", switch=True, text_only=True),
    Stage("generic-tail-headlines", "text", "headlines on other topics after the story: "
          "related items", switch=True, text_only=True),
    Stage("generic-title-template", "text", "headlines after the story beside the label "
          "the title carries ('Score (91)' as 'Score (94)'): related items", switch=True,
          text_only=True),
    Stage("generic-tail-chrome", "text", "short chrome lines after the story",
          switch=True, text_only=True),
    Stage("generic-card-heading", "text", "short lines heading a related block or "
          "between its cards", switch=True, text_only=True),
    Stage("generic-live-entries", "text", "a live blog's posts between its clock stamps "
          "are opened again: the story, not cards or chrome", switch=True, text_only=True),
    Stage("generic-colon-list", "text", "a list under the story's line ending in ':' is "
          "opened again: the story, not chrome", switch=True, text_only=True),
    Stage("generic-reader-appeal", "text", "the outlet asking the reader to subscribe, "
          "donate, download", switch=True, text_only=True),
    Stage("generic-edge-note", "text", "publishing notes at the body's edges (licence, "
          "disclaimer, read time), off the story's topic", switch=True, text_only=True),
    Stage("generic-author-bio", "text", "the writer's bio at the body's end, opened by a "
          "name the page prints as its byline", switch=True, text_only=True),
    Stage("generic-comment-thread", "text", "readers' posts under a comment heading, each "
          "opened by the same header", switch=True, text_only=True),
    Stage("generic-closing-box", "text", "a short related heading after the story with "
          "cards (headline, teaser, outlet) to the page's end", switch=True, text_only=True),
    Stage("generic-tail-island", "text", "short sentences stranded among the chrome "
          "below the story (promo, form notes), off the story's topic", switch=True,
          text_only=True),
    Stage("generic-repeated-title", "text", "the title printed again in the body",
          switch=True),
    Stage("generic-repeated-line", "text", "a line printed twice", switch=True),
    Stage("inner-tags", "text", "lines a tag rule closed inside the body are reopened"),
    Stage("language", "text", "the article's language and script"),
    Stage("generic-foreign-line", "text", "lines in another script or language",
          switch=True, text_only=True),
    Stage("body", "text", "the body and `inline` rules; teasers of related items"),
)

STAGE_IDS: tuple[str, ...] = tuple(s.id for s in STAGES)
SWITCHES: frozenset[str] = frozenset(s.id for s in STAGES if s.switch)


def stage(stage_id: str) -> Stage:
    """The declared stage with this id; KeyError names the ids there are.

    >>> stage("zones").layer
    'text'
    """
    for s in STAGES:
        if s.id == stage_id:
            return s
    raise KeyError(f"no stage {stage_id!r}; stages: {', '.join(STAGE_IDS)}")


@lru_cache(maxsize=256)  # per page: a few kinds of page and sites' disable sets
@lru_cache(maxsize=256)  # asked once a page, of a handful of distinct (kind, off) pairs
def planned(is_html: bool, off: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The ids of the stages that run on one page, in order: the HTML stages only on HTML
    input, the text-only stages only on text input, no switch named in `off`.

    >>> "dom-cards" in planned(is_html=False)
    False
    """
    return tuple(s.id for s in STAGES
                 if not (s.layer == "html" and not is_html)
                 and not (s.text_only and is_html)
                 and not (s.switch and s.id in off))


@lru_cache(maxsize=256)
def switched_off(run: tuple[str, ...]) -> frozenset[str]:
    """The switches not in `run` (what stages that check several switches inside take)."""
    return frozenset(s.id for s in STAGES if s.switch and s.id not in run)
