"""Validate rule files against the schema and compile them into `Site`s.

Every problem is a `Finding` with file, line and column; loading is all or nothing: a run
never starts with half a rule set. The schema is documented key by key in rules/README.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cleaner.core.records import CATEGORIES
from cleaner.rulebook.keys import allowed, required
from cleaner.rulebook.model import (
    CardSpec,
    DomCards,
    DomDrop,
    DomSection,
    EmbeddedSpec,
    InlineRule,
    LineRule,
    RelatedRule,
    SectionRule,
    Site,
)
from cleaner.rulebook.patterns import (
    PatternError,
    compile_pattern,
    compile_selector,
    matches_everything,
)
from cleaner.rulebook.yamlsource import LocDict, LocList, Where

GENERIC_FILE = "generic.yaml"
CARD_FIELDS = ("source", "title", "teaser", "skip")
DOM_FIELDS = ("title", "url", "source", "published", "teaser")


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.col}: {tag}{self.message}"


class Checker:
    """Collects findings while one file is checked, so lint can report them all at once."""

    def __init__(self, path: str, macros: dict[str, str]) -> None:
        self.path, self.macros = path, macros
        self.findings: list[Finding] = []

    def fail(self, where: Where, message: str) -> None:
        self.findings.append(Finding(self.path, where.line, where.col, message))

    def keys(self, d: LocDict, allowed: Mapping[str, tuple[type, ...]], required: Iterable[str],
             what: str) -> bool:
        ok = True
        for key, value in d.items():
            if key not in allowed:
                self.fail(d.key_where[key], f"unknown key {key!r} in {what}; allowed: "
                          f"{', '.join(allowed)}")  # reported; the rest is still checked
            elif not isinstance(value, allowed[key]) or isinstance(value, bool) and (
                    bool not in allowed[key]):
                names = " or ".join(t.__name__.replace("Loc", "").lower() for t in allowed[key])
                self.fail(d.value_where[key], f"{what}: {key!r} must be {names}")
                ok = False
        for key in required:
            if key not in d:
                self.fail(d.where, f"{what}: missing required key {key!r}")
                ok = False
        return ok

    def regex(self, d: LocDict, key: str, what: str, removes: bool = False) -> Any:
        """The compiled regex at d[key]; with `removes`, one matching every line is refused
        (a rule that takes everything leaves every page "ok" and empty)."""
        if key not in d:
            return None
        try:
            pattern = compile_pattern(d[key], self.macros)
        except PatternError as exc:
            self.fail(d.value_where[key], f"{what}: {key}: {exc}")
            return None
        if removes and matches_everything(pattern):
            self.fail(d.value_where[key], f"{what}: {key}: {d[key]!r} matches everything "
                      "(every line); it would remove every page's text. Anchor it on the "
                      "words it is meant for")
            return None
        return pattern

    def selector(self, d: LocDict, key: str, what: str) -> str | None:
        source = d.get(key)
        if source is None:
            return None
        try:
            return compile_selector(source)  # CSS, or XPath when it starts with / ./ (
        except PatternError as exc:
            self.fail(d.value_where[key], f"{what}: {key}: {exc}")
            return None




def _category(ctx: Checker, d: LocDict, what: str, default: str | None = None) -> str:
    cat = d.get("category", default)
    if cat not in CATEGORIES:
        ctx.fail(d.value_where.get("category", d.where),
                 f"{what}: category {cat!r} is not one of {', '.join(CATEGORIES)}")
    return cat or "boilerplate"


def _items(ctx: Checker, doc: LocDict, key: str) -> list[LocDict]:
    seq = doc.get(key)
    if seq is None:
        return []
    if not isinstance(seq, LocList):
        ctx.fail(doc.value_where[key], f"{key!r} must be a list")
        return []
    out = []
    for item, where in zip(seq, seq.item_where):
        if isinstance(item, LocDict):
            out.append(item)
        else:
            ctx.fail(where, f"each entry of {key!r} must be a mapping with an id")
    return out


def _line_rule(ctx: Checker, d: LocDict) -> LineRule | None:
    what = f"line rule {d.get('id', '?')!r}"
    if not ctx.keys(d, allowed("lines"), required("lines"), what):
        return None
    zone = d.get("zone", "any")
    if zone not in ("any", "head", "body", "tail"):
        ctx.fail(d.value_where["zone"], f"{what}: zone must be any, head, body or tail")
    pat = ctx.regex(d, "match", what, removes=True)
    cat = _category(ctx, d, what)
    ctx_cat = d.get("context_category", cat)
    if "context_category" in d and ctx_cat not in CATEGORIES:
        ctx.fail(d.value_where["context_category"], f"{what}: unknown context_category")
    if pat is None:
        return None
    return LineRule(d["id"], cat, ctx.path, d.where.line, pat, zone, d.get("before", 0),
                    d.get("after", 0), ctx_cat, ctx.regex(d, "unless", what))


def _inline_rule(ctx: Checker, d: LocDict) -> InlineRule | None:
    what = f"inline rule {d.get('id', '?')!r}"
    if not ctx.keys(d, allowed("inline"), required("inline"), what):
        return None
    pat, cat = ctx.regex(d, "match", what, removes=True), _category(ctx, d, what)
    return InlineRule(d["id"], cat, ctx.path, d.where.line, pat) if pat else None


def _section_rule(ctx: Checker, d: LocDict) -> SectionRule | None:
    what = f"section {d.get('id', '?')!r}"
    if not ctx.keys(d, allowed("sections"), required("sections"), what):
        return None
    start, stop = ctx.regex(d, "start", what, removes=True), ctx.regex(d, "stop", what)
    cat = _category(ctx, d, what)
    if start is None:
        return None
    return SectionRule(d["id"], cat, ctx.path, d.where.line, start, stop,
                       d.get("stop_inclusive", False), d.get("max_lines"))


def _related_rule(ctx: Checker, d: LocDict) -> RelatedRule | None:
    what = f"related rule {d.get('id', '?')!r}"
    if not ctx.keys(d, allowed("related"), required("related"), what):
        return None
    kinds = [k for k in ("cards", "item", "embedded") if k in d]
    if len(kinds) != 1:
        ctx.fail(d.where, f"{what}: give exactly one of cards, item, embedded")
        return None
    cards = embedded = None
    if "cards" in d:
        c = d["cards"]
        if not ctx.keys(c, allowed("related.cards"), required("related.cards"),
                        f"{what}: cards"):
            return None
        after = tuple(c.get("after", ("title", "teaser")))
        bad = [f for f in after if f not in CARD_FIELDS]
        if bad:
            ctx.fail(c.value_where["after"], f"{what}: cards.after: unknown field(s) {bad}; "
                     f"allowed: {', '.join(CARD_FIELDS)}")
        anchor = ctx.regex(c, "anchor", f"{what}: cards")
        if anchor is None or bad:
            return None
        cards = CardSpec(anchor, after, ctx.regex(c, "source_line", f"{what}: cards"))
    if "embedded" in d:
        e = d["embedded"]
        if not ctx.keys(e, allowed("related.embedded"), required("related.embedded"),
                        f"{what}: embedded"):
            return None
        end, start = ctx.regex(e, "end", what), ctx.regex(e, "start", what)
        if end is None or start is None:
            return None
        embedded = EmbeddedSpec(end, start, e.get("max_lines", 40), e.get("title_before", 1))
    item = ctx.regex(d, "item", what)
    if "item" in d and item is None:
        return None
    if item is not None and "title" not in item.groupindex:
        ctx.fail(d.value_where["item"], f"{what}: item needs a (?P<title>...) group")
    return RelatedRule(d["id"], _category(ctx, d, what, "related"), ctx.path, d.where.line,
                       ctx.regex(d, "start", what), ctx.regex(d, "stop", what), cards, item,
                       embedded, d.get("source"))


def _dom_drop(ctx: Checker, d: LocDict) -> DomDrop | None:
    what = f"dom drop {d.get('id', '?')!r}"
    if not ctx.keys(d, allowed("dom.drop"), required("dom.drop"), what):
        return None
    xp, cat = ctx.selector(d, "select", what), _category(ctx, d, what)
    return DomDrop(d["id"], cat, ctx.path, d.where.line, d["select"], xp) if xp else None


def _dom_section(ctx: Checker, d: LocDict) -> DomSection | None:
    what = f"dom section {d.get('id', '?')!r}"
    if not ctx.keys(d, allowed("dom.sections"), required("dom.sections"), what):
        return None
    start, cat = ctx.selector(d, "start", what), _category(ctx, d, what)
    stop = ctx.selector(d, "stop", what)
    if start is None or ("stop" in d and stop is None):
        return None
    return DomSection(d["id"], cat, ctx.path, d.where.line, d["start"], start, stop)


def _dom_cards(ctx: Checker, d: LocDict) -> DomCards | None:
    what = f"dom cards {d.get('id', '?')!r}"
    if not ctx.keys(d, allowed("dom.cards"), required("dom.cards"), what):
        return None
    item = ctx.selector(d, "item", what)
    container = ctx.selector(d, "container", what)
    if "container" in d and container is None:
        return None
    fields = d["fields"]
    ctx.keys(fields, allowed("dom.cards.fields"), required("dom.cards.fields"),
             f"{what}: fields")
    compiled = []
    for name in DOM_FIELDS:
        if name in fields:
            xp = ctx.selector(fields, name, f"{what}: fields")
            if xp:
                compiled.append((name, xp))
    if item is None:
        return None
    return DomCards(d["id"], _category(ctx, d, what, "related"), ctx.path, d.where.line,
                    d["item"], item, tuple(compiled), d.get("source"), d.get("drop", True),
                    container)


# Site tests are not part of a rule file: they live in rules/tests/<site>.yaml (checked by
# cleaner.authoring.ruletests), so a rule file stays the site's template and nothing else.
_BUILDERS: dict[str, Callable[[Checker, LocDict], Any]] = {
    "lines": _line_rule, "inline": _inline_rule, "sections": _section_rule,
    "related": _related_rule,
}


def check_site(ctx: Checker, doc: Any) -> Site | None:
    """The site one rule file describes, or None; every problem goes to `ctx.findings`."""
    if not isinstance(doc, LocDict):
        ctx.findings.append(Finding(ctx.path, 1, 1, "a rule file must be a mapping"))
        return None
    ctx.keys(doc, allowed("file"), required("file"), "rule file")
    ctx.macros = {**ctx.macros, **{k: str(v) for k, v in doc.get("macros", {}).items()}}
    built = {key: [r for r in (fn(ctx, d) for d in _items(ctx, doc, key)) if r]
             for key, fn in _BUILDERS.items()}
    dom = doc.get("dom", LocDict())
    if dom:
        ctx.keys(dom, allowed("dom"), required("dom"), "dom")
    drops = [r for r in (_dom_drop(ctx, d) for d in _items(ctx, dom, "drop")) if r]
    cards = [r for r in (_dom_cards(ctx, d) for d in _items(ctx, dom, "cards")) if r]
    dom_sections = [r for r in (_dom_section(ctx, d) for d in _items(ctx, dom, "sections")) if r]
    fps, weights = _fingerprints(ctx, doc.get("fingerprints", LocList()))
    raw_hosts = doc.get("hosts", LocList())
    for host, where in zip(raw_hosts, getattr(raw_hosts, "item_where", [])):
        problem = wildcard_problem(str(host).lower())
        if problem:
            ctx.fail(where, f"host {str(host)!r}: {problem}")
    return Site(
        name=str(doc.get("site", "")), label=str(doc.get("name", doc.get("site", ""))),
        file=ctx.path, hosts=tuple(str(h).lower() for h in doc.get("hosts", [])),
        fingerprints=tuple(fps), fingerprint_weights=tuple(weights), publisher=doc.get("publisher"),
        disable=frozenset(str(x) for x in doc.get("disable", [])),
        lines=tuple(built["lines"]), inline=tuple(built["inline"]),
        sections=tuple(built["sections"]), related=tuple(built["related"]),
        dom_drop=tuple(drops), dom_cards=tuple(cards), dom_sections=tuple(dom_sections))


def wildcard_problem(host: str) -> str | None:
    """Why a host pattern claims too much, or None. `*.a.com` is every subdomain of a.com;
    the part after `*.` must be a registered domain (or under one), never a public suffix
    (`*.com`, `*.co.uk`), or the site takes other sites' pages."""
    if "*" not in host:
        return None
    if not host.startswith("*.") or "*" in host[2:]:
        return ("a wildcard must be a whole first label before a registered domain, like "
                "'*.example.com'")
    base = host[2:]
    from tld import get_tld

    found = get_tld(base, fix_protocol=True, fail_silently=True, as_object=True)
    suffix = getattr(found, "tld", None)  # a Result object (as_object=True), or None
    if (found is not None and suffix == base) or (found is None and "." not in base):
        return (f"'*.{base}' is wider than a registered domain ({base} is a public suffix); "
                "name the site's own domain, like '*.example.com'")
    return None


def _fingerprints(ctx: Checker, raw: LocList) -> tuple[list[Any], list[float]]:
    """A fingerprint is a regex (decisive on its own, weight 1) or `{match, weight}`: a
    chrome line the site shares with others counts for part of the evidence, and a page
    is the site's when its fingerprints found add up to 1."""
    fps, weights = [], []
    for fp, where in zip(raw, getattr(raw, "item_where", [])):
        weight = 1.0
        if isinstance(fp, LocDict):
            if not ctx.keys(fp, allowed("fingerprint"), required("fingerprint"),
                            "fingerprint"):
                continue
            weight = float(fp.get("weight", 1.0))
            if not 0 < weight <= 1:
                ctx.fail(fp.value_where.get("weight", where),
                         "fingerprint: weight must be above 0 and at most 1")
                continue
            where, fp = fp.value_where["match"], fp["match"]
        try:
            compiled = compile_pattern(str(fp), ctx.macros)
        except PatternError as exc:
            ctx.fail(where, f"fingerprint: {exc}")
            continue
        if matches_everything(compiled):
            ctx.fail(where, f"fingerprint {str(fp)!r} matches everything; it would claim "
                     "every other site's pages")
            continue
        fps.append(compiled)
        weights.append(weight)
    return fps, weights
