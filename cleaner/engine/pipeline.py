"""The per-record function every runner shares: one input record in, one result out.

It runs the stages declared in `cleaner.core.stages.STAGES`, in that order (that list is
the one place the order is written; `cleaner explain` prints it and rules/README.md is
generated from it). Which of them run on a page is `stages.planned`: the HTML stages on
HTML input, the text-dump stages on text input, minus the switches a site's `disable:`
or `Options.stages_off` names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cleaner.core.dates import read_date
from cleaner.core.decode import decode_input, defuse_markup, looks_like_html
from cleaner.core.errors import CleanerError
from cleaner.core.language import detect_language, main_script
from cleaner.core.lines import Line, forget_paragraphs, split_lines
from cleaner.core.records import InputRecord, Related, Removal, Result
from cleaner.core.stages import planned, switched_off
from cleaner.core.timelimit import time_limit
from cleaner.engine.options import DEFAULT_OPTIONS, Options
from cleaner.markup.pagemeta import PageMeta, read_page_meta
from cleaner.rulebook.files import bundled_rules_dir
from cleaner.rulebook.loader import default_rules
from cleaner.rulebook.model import Active, RuleSet
from cleaner.text.age_source_cards import AGE_SOURCE_CARDS, mark_age_source_cards
from cleaner.text.alt_text import CAPTION_ALT, mark_alt_text
from cleaner.text.anchored_tail import mark_anchored_tail
from cleaner.text.appeals import READER_APPEAL, mark_appeals
from cleaner.text.author_bio import AUTHOR_BIO, mark_author_bios
from cleaner.text.byline_title import BYLINE_AS_TITLE, fix_byline_title
from cleaner.text.caption_first import LEADING_CAPTION, mark_leading_caption
from cleaner.text.card_headings import CARD_HEADING, mark_card_headings
from cleaner.text.card_lines import forget_tokens
from cleaner.text.cards import CARD_RULE, mark_cards
from cleaner.text.closing_box import CLOSING_BOX, mark_closing_box
from cleaner.text.colon_lists import COLON_LIST, reopen_colon_lists
from cleaner.text.comment_thread import COMMENT_THREAD, mark_comment_threads
from cleaner.text.credited_caption import CREDITED_CAPTION, mark_credited_caption
from cleaner.text.credited_lines import CREDITED_LINE, mark_credited_lines
from cleaner.text.dated_bullets import DATED_BULLETS, mark_dated_bullets
from cleaner.text.dateline_title import DATELINE_TITLE, fix_dateline_title
from cleaner.text.doubled_cards import DOUBLED_CARDS, mark_doubled_cards
from cleaner.text.echo_cards import ECHO_CARDS, mark_echo_cards
from cleaner.text.edge_notes import EDGE_NOTE, mark_edge_notes
from cleaner.text.glued_bylines import GLUED_BYLINES, mark_glued_bylines
from cleaner.text.head_cards import HEAD_CARDS, mark_head_cards
from cleaner.text.labelled_promo import LABELLED_PROMO, mark_labelled_promo
from cleaner.text.labelled_tail import LABELLED_TAIL, mark_labelled_tail
from cleaner.text.linerules import (
    FOREIGN_LINE,
    Meta,
    apply_line_rules,
    apply_sections,
    clean_inline,
    finish_body,
    mark_foreign,
)
from cleaner.text.listing import LISTING_CHROME, mark_listing
from cleaner.text.listing_shape import LISTING_SHAPE, mark_shaped_listing
from cleaner.text.live_entries import LIVE_ENTRIES, reopen_live_entries
from cleaner.text.outlet_closers import OUTLET_CLOSERS, mark_outlet_closers
from cleaner.text.prefixed_closers import PREFIXED_CLOSERS, mark_prefixed_closers
from cleaner.text.recurrence import GENERIC_RULE as RECURRING_LINE
from cleaner.text.recurrence import mark_recurring, recurrence_note, site_key
from cleaner.text.related import extract_related
from cleaner.text.related_heads import RELATED_HEAD, mark_related_heads
from cleaner.text.repeats import (
    CAPTION_PAIR,
    DOUBLED_SOURCE,
    mark_caption_pairs,
    mark_doubled_source,
    mark_repeats,
)
from cleaner.text.roundup import ROUNDUP, reopen_roundup
from cleaner.text.signoffs import SIGN_OFF, mark_signoffs
from cleaner.text.tail_chrome import (
    TAIL_CHROME,
    mark_tail_chrome,
    mark_tail_chrome_again,
    reopen_inner_tags,
)
from cleaner.text.tail_islands import TAIL_ISLAND, mark_tail_islands
from cleaner.text.tail_pairs import TAIL_PAIRS, mark_tail_pairs
from cleaner.text.template_cards import TEMPLATE_CARDS, mark_template_cards
from cleaner.text.title_pick import pick_title
from cleaner.text.title_template import TITLE_TEMPLATE, mark_title_template_cards
from cleaner.text.topic_pairs import TAIL_HEADLINES, mark_tail_headlines
from cleaner.text.via_labels import VIA_LABELS, mark_via_labels
from cleaner.text.zones import find_zones

log = logging.getLogger(__name__)

# Card shapes read from the lines alone, after the generic card shapes and in this order
# (each decides the lines of the cards it finds, so a later one sees only what is left).
_CARD_READERS: tuple[tuple[str, Callable[[list[Line]], list[Related]]], ...] = (
    (DATED_BULLETS, mark_dated_bullets),
    (AGE_SOURCE_CARDS, mark_age_source_cards),
    (ECHO_CARDS, mark_echo_cards),
    (VIA_LABELS, mark_via_labels),
    (GLUED_BYLINES, mark_glued_bylines),
    (DOUBLED_CARDS, mark_doubled_cards),
    (TEMPLATE_CARDS, mark_template_cards),
    (PREFIXED_CLOSERS, mark_prefixed_closers),
    (OUTLET_CLOSERS, mark_outlet_closers),
)


def __getattr__(name: str) -> Path:
    """`RULES_DIR`, the older name of rulefiles.bundled_rules_dir(), resolved on use."""
    if name == "RULES_DIR":
        return bundled_rules_dir()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, slots=True)
class Analysis:
    """A result plus the fate of every line, for `explain`."""

    result: Result
    lines: tuple[Line, ...]
    dom_removals: tuple[Removal, ...] = ()
    stages: tuple[str, ...] = ()  # the ids of the stages that ran, in order


_NO_STATS = frozenset({RECURRING_LINE})


def stage_plan(active: Active, options: Options, is_html: bool) -> tuple[str, ...]:
    """The stages that run on this page: the declared list filtered by the input kind, the
    site's `disable:` (stage ids among its rule ids), the run's options."""
    off = options.stages_off
    if active.site is not None and active.site.disable:
        off = off | active.site.disable
    if not options.drop_foreign_lines:
        off = off | {FOREIGN_LINE}
    if options.recurrence is None:
        off = off | _NO_STATS
    return planned(is_html, frozenset(off))  # planned is memoised: a hashable key


def _text_stages(lines: list[Line], active: Active, options: Options,
                 prior_related: list[Related], title: str | None = None,
                 recurrence_key: str | None = None,
                 is_html: bool = False,
                 run: tuple[str, ...] | None = None) -> tuple[dict[str, Any], list[Removal]]:
    run = run if run is not None else stage_plan(active, options, is_html)
    off = switched_off(run)
    on = frozenset(run)  # asked ~40 times a page: a set, not a scan of the tuple
    active.forget()
    forget_tokens()
    forget_paragraphs()
    related = prior_related + extract_related(lines, active)
    apply_sections(lines, active)
    # Shapes of a text dump (cards, chrome after the story) are judged on text input only
    # (core.stages says why): `run` leaves them out on HTML.
    listing = False
    if LABELLED_PROMO in on:  # first: the banner's headline would read as a card title
        related += mark_labelled_promo(lines)
    if CARD_RULE in on:
        related += mark_cards(lines, active)
    for stage_id, read_cards in _CARD_READERS:
        if stage_id in on:
            related += read_cards(lines)
    if ROUNDUP in on:
        related = reopen_roundup(lines, related)
    if LISTING_CHROME in on:
        listing = mark_listing(lines, related)
    if LISTING_SHAPE in on and not listing:
        stories = mark_shaped_listing(lines, active)
        if stories is not None:
            related += stories
            listing = True
    zones = find_zones(lines)
    meta = Meta()
    meta.offer("title", title)  # the HTML path reads the headline from markup
    if DOUBLED_SOURCE in on:
        mark_doubled_source(lines, zones, meta)
    apply_line_rules(lines, active, zones, meta, body_stage=False)
    # a caption printed first: the story starts later than it seemed
    if ((LEADING_CAPTION in on and mark_leading_caption(lines))
            or (CREDITED_CAPTION in on and mark_credited_caption(lines))):
        zones = find_zones(lines)
        apply_line_rules(lines, active, zones, meta, body_stage=False)
    if RECURRING_LINE in on:
        mark_recurring(lines, recurrence_key, options.recurrence, options.recurrence_share,
                       options.recurrence_min_pages, options.recurrence_label_share)
    title = None if listing else pick_title(lines, zones, meta, off)
    if BYLINE_AS_TITLE in on:  # a text dump's byline over its headline (HTML: markup)
        title = fix_byline_title(lines, title)
    if DATELINE_TITLE in on:
        title = fix_dateline_title(lines, title)
    if HEAD_CARDS in on:
        related += mark_head_cards(lines)
    if CAPTION_PAIR in on:
        mark_caption_pairs(lines, title, alike=not is_html)
    apply_line_rules(lines, active, zones, meta, body_stage=True)
    if CREDITED_LINE in on:
        mark_credited_lines(lines)
    if CAPTION_ALT in on:
        mark_alt_text(lines)
    if SIGN_OFF in on:
        mark_signoffs(lines, title)
    if RELATED_HEAD in on:
        related += mark_related_heads(lines)
    if TAIL_PAIRS in on:
        related += mark_tail_pairs(lines)
    if LABELLED_TAIL in on:
        related += mark_labelled_tail(lines)
    if TAIL_HEADLINES in on:
        related += mark_anchored_tail(lines)
        related += mark_tail_headlines(lines)
    if TITLE_TEMPLATE in on:
        related += mark_title_template_cards(lines)
    if TAIL_CHROME in on:
        mark_tail_chrome(lines, zones)
    if CARD_HEADING in on:
        mark_card_headings(lines)
    if LIVE_ENTRIES in on:  # after every shape stage: it undoes their calls in live posts
        related = reopen_live_entries(lines, related)
    if COLON_LIST in on:
        related = reopen_colon_lists(lines, related)
    if READER_APPEAL in on:
        mark_appeals(lines)
    if EDGE_NOTE in on:
        mark_edge_notes(lines, title)
    if AUTHOR_BIO in on:
        mark_author_bios(lines)
    if COMMENT_THREAD in on:
        mark_comment_threads(lines)
    if CLOSING_BOX in on:
        related += mark_closing_box(lines)
    if TAIL_ISLAND in on:
        mark_tail_islands(lines)
    if TAIL_CHROME in on:  # the story may end higher now: a closing note was a paragraph
        mark_tail_chrome_again(lines, zones)
    mark_repeats(lines, title, off)
    reopen_inner_tags(lines, active)
    candidate = "\n".join(ln.text for ln in lines if ln.open)
    if candidate.count(" ") < 3 and related:  # a listing page, or a label left: its cards'
        candidate += "\n" + "\n".join(f"{r.title}\n{r.teaser or ''}" for r in related)
    script = main_script(candidate)
    language = detect_language(candidate, script) if options.detect_language else None
    # Not on HTML: trafilatura chose the article's region, and a line in another language
    # inside it is a quotation, a line of code, a transliterated name (scrapinghub: 6 pages
    # lost body to it, none gained; WCXB: none either way). Text dumps keep the stage.
    if FOREIGN_LINE in on:
        mark_foreign(lines, script, language)
    body, inline_removed = finish_body(lines, active)
    removed = [Removal(ln.text, ln.category or "boilerplate", ln.rule or "?")
               for ln in lines if ln.fate in ("noise", "meta", "related")]
    related = [replace(r, teaser=clean_inline(r.teaser, active)) if r.teaser else r
               for r in related]
    fields = {
        "page_kind": "listing" if listing else "article",
        "title": title, "text": "\n".join(body), "language": language,
        "source": meta.values.get("source") or active.publisher,
        "author": meta.values.get("author"), "published": meta.values.get("published"),
        "related": tuple(related),
    }
    return fields, removed + inline_removed


def analyze(record: InputRecord, rules: RuleSet | None = None,
            options: Options = DEFAULT_OPTIONS) -> Analysis:
    """Clean one record and keep every line's fate; raises CleanerError on bad input."""
    rules = rules or default_rules()
    decoded = decode_input(record.content, record.name, record.headers_charset,
                           options.max_bytes)
    content, url = decoded.text, usable_url(record.url)
    is_html = record.kind == "html" or (record.kind == "auto" and looks_like_html(content))
    # The site is decided once: by the record's URL, or (HTML without one) after parsing,
    # by the address the page declares; only a page still without a site is looked at
    # again, in the text its extraction gives (the markup may hide a fingerprint).
    deferred = is_html and url is None
    site = None if deferred else rules.detect(url, content, decoded.utf8)
    active = rules.active(site)
    prior_related: list[Related] = []
    dom_removed: list[Removal] = []
    html_title: str | None = None
    page_meta = PageMeta()
    notes: list[str] = list(decoded.notes)
    if url != record.url:
        notes.append("the record's url does not parse; site chosen from the content")
    if is_html:
        from cleaner.markup.flow import html_to_text, parse_page

        raw = content
        content, defused = defuse_markup(content)
        notes += defused
        utf8 = decoded.utf8 if content is decoded.text else None  # the same text's bytes
        page = parse_page(content, record.name, utf8)
        notes += page.notes
        if deferred:  # by the canonical URL's host, else the raw page's fingerprints
            declared = usable_url(page.declared_url)
            site = (rules.detect(declared, content, utf8) if declared
                    else rules.detect(None, raw, decoded.utf8))
            active = rules.active(site)
        page_meta = read_page_meta(page.tree, url)  # before any node is dropped
        extracted = html_to_text(page, url, active)
        content, prior_related = extracted.text, list(extracted.related)
        html_title = extracted.title
        dom_removed = list(extracted.removed)
        notes += extracted.notes
        if site is None:  # the extracted text may carry a fingerprint the markup hid
            site = rules.detect(None, content)
            active = rules.active(site) if site else active
    lines = split_lines(content)
    key = site_key(site.name if site else None, url)
    notes += recurrence_note(key, options)
    run = stage_plan(active, options, is_html)
    fields, removed = _text_stages(lines, active, options, prior_related, html_title, key,
                                   is_html, run)
    fields.update(_dates(page_meta.published, fields.pop("published"), record.captured))
    fields["author"] = page_meta.author or fields["author"]
    result = Result(id=record.id, input=record.origin, url=record.url,
                    canonical_url=page_meta.canonical_url,
                    site=site.name if site else None, site_name=page_meta.site_name,
                    captured=record.captured, removed=tuple(dom_removed + removed),
                    notes=tuple(notes), **fields)
    return Analysis(result, tuple(lines), tuple(dom_removed), run)


def _dates(markup: str | None, printed: str | None, captured: str | None
           ) -> dict[str, str | None]:
    """`published` in ISO 8601: the markup's date first, else the date a line printed
    (a relative age is dated from `captured`); a printed date that cannot be read for sure
    goes to `published_raw` instead."""
    if markup:
        return {"published": markup, "published_raw": None}
    read = read_date(printed, captured)
    return {"published": read, "published_raw": None if read else printed}


def usable_url(url: str | None) -> str | None:
    """The url when it parses; scraped records carry `https://[::1` and worse, and one
    broken field must not cost the page its result."""
    if not url:
        return None
    try:  # as RuleSet.detect reads it: host-only urls get a '//'; the port parses lazily
        urlsplit(url if "//" in url else "//" + url).port  # noqa: B018
    except ValueError:
        return None
    return url


def clean_record(record: InputRecord, rules: RuleSet | None = None,
                 options: Options = DEFAULT_OPTIONS) -> Result:
    """The batch boundary: never raises for a record; a failure is an error record naming
    the input. Rules that do not load are no record's fault: that raises RuleError."""
    rules = rules or default_rules()
    try:
        return analyze(record, rules, options).result
    except CleanerError as exc:
        return replace(Result.failure(record.id, record.url, str(exc), record.captured),
                       input=record.origin)
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a batch
        log.exception("unexpected failure on %s", record.id)
        return replace(Result.failure(
            record.id, record.url, f"{record.name}: internal error {type(exc).__name__}: {exc}",
            record.captured), input=record.origin)


def clean(content: str | bytes, url: str | None = None, *, id: str = "-",
          rules: RuleSet | None = None, options: Options = DEFAULT_OPTIONS) -> Result:
    """Clean one page (HTML or extracted text); raises CleanerError on unusable input and
    LimitError when it needs more than `options.timeout_seconds` (0: no limit), the limit
    the CLI applies to each document.

    >>> r = clean("Title here\\n\\nA first paragraph that is long enough to count as one, "
    ...           "with a full stop at the end.\\nAdvertisement")
    >>> r.title, r.removed[0].category
    ('Title here', 'ad')
    """
    rules = rules or default_rules()  # loaded outside the limit: it is no page's cost
    record = InputRecord(id=id, content=content, url=url)
    with time_limit(options.timeout_seconds, record.name):
        return analyze(record, rules, options).result
