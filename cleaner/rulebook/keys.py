"""Every key a rule file may hold, declared once: its type, whether it is required, and what
it means. The schema validates with these tables (`allowed`, `required`), and the key
reference in rules/README.md is generated from them (`python -m cleaner.rulebook.docs`), so
the documentation cannot drift from what the loader accepts.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.rulebook.yamlsource import LocDict, LocList

S, N, B, L, D = (str,), (int,), (bool,), (LocList,), (LocDict,)
NUMBER = (int, float)


@dataclass(frozen=True, slots=True)
class Key:
    name: str
    types: tuple[type, ...]
    doc: str
    required: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """The keys of one kind of mapping in a rule file (`lines` entries, `dom.cards`...)."""

    id: str
    title: str
    keys: tuple[Key, ...]
    intro: str = ""


def _rule(category: str = "required", more: tuple[Key, ...] = ()) -> tuple[Key, ...]:
    """The keys every rule has (id, category, note), then its own."""
    cat = Key("category", S, "one of the categories (see *Categories*)"
              + ("" if category == "required" else f"; default `{category}`"),
              required=category == "required")
    return (Key("id", S, "unique across all files; starts with the site's name "
                "(`daily8-ai-upsell`)", required=True), cat,
            Key("note", S, "free text for maintainers"), *more)


SECTIONS: tuple[Section, ...] = (
    Section("file", "Top-level keys", (
        Key("site", S, "the site's id (`daily8`), unique across files; `generic` for "
            "generic.yaml", required=True),
        Key("name", S, "a readable name"),
        Key("hosts", L, "hosts whose pages get this file (see *Host matching*); one file "
            "per host"),
        Key("fingerprints", L, "regexes (or `{match, weight}` maps, below) that identify "
            "the site's pages when there is no URL or the host is unknown; searched in the "
            "first 200,000 characters"),
        Key("publisher", S, "the outlet the site itself is (`The Sun`): the result's "
            "`source` when no line names one, and the source of related items naming none"),
        Key("disable", L, "generic rule ids this site turns off, and built-in stages (the "
            "stages a site can disable in the *Stage order* table); each must exist"),
        Key("macros", D, "shared regex fragments used as `{{name}}` (see *Macros*)"),
        Key("lines", L, "line rules: whole lines that are noise, or metadata"),
        Key("inline", L, "inline rules: spans cut out of a line that otherwise stays"),
        Key("sections", L, "runs of lines from a start line to a stop line"),
        Key("related", L, "related-article lists, one-line promos and embedded promos"),
        Key("dom", D, "HTML-path rules, applied to the page's tree before extraction "
            "(`drop`, `sections`, `cards`)"),
        Key("note", S, "free text for maintainers"),
    )),
    Section("fingerprint", "Weighted fingerprints (`fingerprints` entries as maps)", (
        Key("match", S, "the regex (use `(?m)^...$` to anchor to a line)", required=True),
        Key("weight", NUMBER, "above 0, at most 1 (default 1): the site is chosen when the "
            "weights of its fingerprints found add up to 1"),
        Key("note", S, "free text for maintainers"),
    ), "A bare regex decides alone (weight 1)."),
    Section("lines", "Line rules (`lines`)", _rule(more=(
        Key("match", S, "regex searched in the line (anchor with `^...$` for whole lines); "
            "named groups `source`, `author`, `published`, `title` make it a metadata rule",
            required=True),
        Key("zone", S, "`any` (default), `head`, `body` or `tail` (see *Zones*)"),
        Key("unless", S, "regex: the rule does not fire on lines that match it"),
        Key("before", N, "neighbouring non-blank open lines above also removed (default 0)"),
        Key("after", N, "neighbouring non-blank open lines below also removed (default 0)"),
        Key("context_category", S, "the category of those neighbours (default: the rule's)"),
    ))),
    Section("inline", "Inline rules (`inline`)", _rule(more=(
        Key("match", S, "regex; every match is cut out of body lines and related teasers",
            required=True),
    ))),
    Section("sections", "Sections (`sections`)", _rule(more=(
        Key("start", S, "regex for the section's first line", required=True),
        Key("stop", S, "regex for the line that ends it (without it: the end of the page)"),
        Key("stop_inclusive", B, "`true`: the stop line is part of the section (default "
            "`false`)"),
        Key("max_lines", N, "if the stop line is not found within this many lines, this is "
            "not the template and nothing is removed"),
    ))),
    Section("related", "Related rules (`related`)", _rule("related", (
        Key("start", S, "regex for the list's heading line (cards and item lists)"),
        Key("stop", S, "regex for the line after the list (default: the end)"),
        Key("cards", D, "cards spread over several lines around an anchor line (below)"),
        Key("item", S, "regex for one related article a line; must capture `title`, may "
                 "capture `source`, `published`, `url`, `teaser`; without `start` every "
                 "matching line is an item on its own"),
        Key("embedded", D, "another article embedded in the body (below)"),
        Key("source", S, "the source of items naming none (default: the site's "
            "`publisher`)"),
    )), "Exactly one of `cards`, `item`, `embedded`."),
    Section("related.cards", "Cards (`related` ... `cards`)", (
        Key("anchor", S, "regex for the anchor line (usually the age: `time33 minutes ago`); "
            "may capture `published` and `source`", required=True),
        Key("after", L, "the lines after the anchor, in order: any of `source`, `title`, "
            "`teaser`, `skip` (default `[title, teaser]`)"),
        Key("source_line", S, "regex for the `source` slot, capturing `source`"),
    )),
    Section("related.embedded", "Embedded promos (`related` ... `embedded`)", (
        Key("end", S, "regex for the promo's last line (\"Read more here\")", required=True),
        Key("start", S, "regex for its byline line", required=True),
        Key("max_lines", N, "how far back from the end to look for the byline (default 40)"),
        Key("title_before", N, "lines before the byline that are the headline (default 1)"),
    )),
    Section("dom", "HTML rules (`dom`)", (
        Key("drop", L, "nodes removed from the tree before extraction (below)"),
        Key("sections", L, "runs of sibling nodes removed together (below)"),
        Key("cards", L, "related cards read from the untouched tree (below)"),
    ), "Selectors are CSS, or XPath when they start with `/`, `./` or `(`. Drops, sections "
       "and dropped cards run under the over-pruning guard: when what they leave would be "
       "under 1/7 of the page's text, it backs off (a note says so)."),
    Section("dom.drop", "DOM drops (`dom.drop`)", _rule(more=(
        Key("select", S, "selector of the nodes to remove", required=True),
    ))),
    Section("dom.sections", "DOM sections (`dom.sections`)", _rule(more=(
        Key("start", S, "selector of the first node (a heading such as \"More from us\"); it "
            "and its following siblings are removed", required=True),
        Key("stop", S, "selector of the first following sibling that is kept (default: the "
            "end of the parent)"),
    ))),
    Section("dom.cards", "DOM cards (`dom.cards`)", _rule("related", (
        Key("item", S, "selector of one card's node", required=True),
        Key("fields", D, "a selector per field, relative to the card's node (below)",
            required=True),
        Key("container", S, "selector of the block holding the cards; items are looked for "
            "inside it, and `drop` removes it whole (its heading and chrome too)"),
        Key("source", S, "the source of cards naming none"),
        Key("drop", B, "remove the cards (or their container) from the tree, so the "
            "extractor never sees them (default `true`)"),
    ))),
    Section("dom.cards.fields", "DOM card fields (`dom.cards` ... `fields`)", (
        Key("title", S, "selector of the card's title", required=True),
        Key("url", S, "selector of its link (the `href` is read)"),
        Key("source", S, "selector of its source"),
        Key("published", S, "selector of its date"),
        Key("teaser", S, "selector of its teaser"),
    )),
)

_BY_ID = {s.id: s for s in SECTIONS}


def allowed(section: str) -> dict[str, tuple[type, ...]]:
    """The keys of `section` and their types, for the schema's check."""
    return {k.name: k.types for k in _BY_ID[section].keys}


def required(section: str) -> tuple[str, ...]:
    return tuple(k.name for k in _BY_ID[section].keys if k.required)
