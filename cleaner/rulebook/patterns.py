"""Compile rule regexes on RE2, so matching time is linear in the line length.

Rules come from maintainers and run over millions of scraped lines; one regex with nested
quantifiers could stall a worker on Python's backtracking engine. RE2 cannot backtrack.
We still reject patterns that *would* backtrack catastrophically elsewhere, so a rule stays
safe if it is ever ported to lxml's XPath or to Python `re`.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Mapping
from typing import Any

import re2
from cssselect import GenericTranslator, SelectorError
from lxml import etree

MAX_PATTERN_CHARS = 2_000
# After macro expansion: `{{m}}` repeated 400 times is short to write and megabytes to
# compile. The longest bundled rule expands to under 1,000 characters.
MAX_EXPANDED_CHARS = 10_000
_MACRO = re.compile(r"\{\{(\w+)\}\}")
_UNICODE_CLASS = re.compile(r"\\[pP](?:\{\w+\}|\w)")  # RE2 syntax Python's parser lacks
# RE2 memory for a large automaton: a site's whole line-rule set (RE2's default 8 MB was
# full with the seeds' rule sets: name-like patterns are wide; 64 MB leaves room for a
# site's next dozens of rules) and the card stage's date forms (which fell back to a slower
# engine in 8 MB). The one setting both use.
LARGE_SET_MAX_MEM = 64 << 20
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.max_mem = 8 << 20  # a rule needing more is too big to be a line rule
_RE2_OPTIONS.log_errors = False  # we report the error ourselves, with file and line


class PatternError(ValueError):
    """A pattern that does not compile or is unsafe; the message says which and why."""


def expand_macros(source: str, macros: Mapping[str, str]) -> str:
    """Replace `{{name}}` by the shared fragment `name` (defined once, in generic.yaml)."""

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in macros:
            known = (f"known: {', '.join(sorted(macros))}" if macros else "no macros are "
                     "defined: they come from generic.yaml (load it too, or drop "
                     "--no-bundled-rules) or from this file's own `macros:`")
            raise PatternError(f"unknown macro {{{{{name}}}}}; {known}")
        return f"(?:{macros[name]})"

    return _MACRO.sub(sub, source)


def _unbounded(code: object) -> bool:
    return code in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)


def _only_repeats(items: list[Any]) -> bool:
    """True when every mandatory element is itself a repeat, so iterations can split a
    match many ways (`(a+)+`, `(\\w+\\s?)*`). A body with a fixed character between its
    repeats (`(?:, [A-Z]\\w*)+`) splits only one way."""
    items = list(items)
    while len(items) == 1 and items[0][0] == sre_parse.SUBPATTERN:
        items = list(items[0][1][-1])
    repeats = [av for op, av in items if _unbounded(op)]
    fixed = [op for op, av in items if not _unbounded(op) and op not in (sre_parse.AT,)]
    return not fixed and any(hi is sre_parse.MAXREPEAT or hi > 1 for lo, hi, body in repeats)


def _flat(items: list[Any]) -> list[Any]:
    """The items of a body with plain groups opened, so `(?:x)` reads as `x`."""
    out = []
    for op, av in items:
        if op == sre_parse.SUBPATTERN:
            out.extend(_flat(list(av[-1])))
        else:
            out.append((op, av))
    return out


def _any_star(items: list[Any]) -> bool:
    """A `.*` or `.+` in the body, or a repeat followed by `.`: either can swallow what the
    rest of the body matches, so each iteration splits many ways (`(.*,)*`, `(.*a){20}`,
    `(([a-z])+.)+`)."""
    flat = _flat(items)
    if any(_unbounded(op) and av[1] is sre_parse.MAXREPEAT
           and any(o == sre_parse.ANY for o, _ in _flat(list(av[2]))) for op, av in flat):
        return True
    # `[a-z]+.` splits the same way: the `.` can take any letter the repeat could have taken
    return any(_unbounded(op) and av[1] is sre_parse.MAXREPEAT and nxt == sre_parse.ANY
               for (op, av), (nxt, _) in zip(flat, flat[1:]))


def _optional_echo(items: list[Any]) -> bool:
    """A body like `a(?:|a)`, which is how Python parses `(a|aa)`: an alternative that may be
    empty and otherwise starts as the body does, so `aa` is one iteration or two."""
    flat = _flat(items)
    if not flat:
        return False
    first = flat[0]
    for op, av in flat[1:]:
        if op == sre_parse.BRANCH and any(not b for b in av[1]):
            if any(_flat(list(b))[:1] == [first] for b in av[1] if b):
                return True
    return False


def _nested_repeat(items: list[Any]) -> bool:
    """True for a repeat of a body made of repeats: the `(a+)+` shape."""
    for op, av in items:
        if _unbounded(op):
            lo, hi, body = av
            if hi is sre_parse.MAXREPEAT and (_only_repeats(list(body))
                                              or _branches_overlap(list(body))
                                              or _optional_echo(list(body))):
                return True
            if (hi is sre_parse.MAXREPEAT or hi > 1) and _any_star(list(body)):
                return True
            if _nested_repeat(list(body)):
                return True
        elif op == sre_parse.SUBPATTERN and _nested_repeat(list(av[-1])):
            return True
        elif op == sre_parse.BRANCH and any(_nested_repeat(list(b)) for b in av[1]):
            return True
    return False


def _branches_overlap(items: list[Any]) -> bool:
    """A repeated alternation whose branches start alike, the `(a|aa)*` shape."""
    for op, av in items:
        if op == sre_parse.SUBPATTERN:
            return _branches_overlap(list(av[-1]))
        if op == sre_parse.BRANCH:
            # two elements: `&[a-z]+;|&#\d+;` share the `&` but part at the next one
            firsts = [str(list(b)[:2]) for b in av[1]]
            return len(firsts) != len(set(firsts))
    return False


def check_backtracking(source: str) -> None:
    """Raise PatternError for shapes that backtrack exponentially on a backtracking engine."""
    try:
        tree = sre_parse.parse(_UNICODE_CLASS.sub(r"\\w", source))
    except re.error:
        return  # RE2-only syntax; RE2 itself is the judge then
    if _nested_repeat(list(tree)):
        raise PatternError(
            "nested quantifier (like `(a+)+`) can backtrack catastrophically; "
            "rewrite it without a repeat inside a repeat")


# Lines a rule that removes "something" must not all match: a line rule `.`, an inline `.+`
# or a section starting at `^` removes every page's text, and each page is then "ok" with
# an empty body (issue #12). Real rules match some of these, never all.
MATCH_ALL_PROBES = (
    "x", "Zq", "1234", "An ordinary sentence of body text, with a comma and a full stop.",
    "façade naïve Überraschung", "   indented words", "Ω", "—",
)


def matches_everything(pattern: re2._Regexp) -> bool:
    """True when the compiled pattern finds a match in every probe line."""
    return all(pattern.search(probe) is not None for probe in MATCH_ALL_PROBES)


def compile_pattern(source: str, macros: Mapping[str, str] | None = None) -> re2._Regexp:
    """Expand macros, check safety and compile on RE2; raise PatternError if unusable.

    >>> compile_pattern(r'^Comments$').search('Comments') is not None
    True
    """
    if not isinstance(source, str) or not source:
        raise PatternError("a pattern must be a non-empty string")
    if len(source) > MAX_PATTERN_CHARS:
        raise PatternError(f"pattern is {len(source)} characters; the limit is "
                           f"{MAX_PATTERN_CHARS}")
    expanded = expand_macros(source, macros or {})
    if len(expanded) > MAX_EXPANDED_CHARS:
        raise PatternError(f"pattern is {len(expanded)} characters once macros are expanded; "
                           f"the limit is {MAX_EXPANDED_CHARS}")
    check_backtracking(expanded)
    try:
        return re2.compile(expanded, options=_RE2_OPTIONS)
    except Exception as exc:  # re2.error, or TypeError for some syntax
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(f"regex does not compile: {reason}") from None


# Selectors (CSS, or XPath when they start with / ./ or '(') for DOM rules. A selector runs on
# every page, so one that compiles but fails when run (an undefined `foo:` prefix, an
# unknown function) would fail every page of a run: each is run once, on a probe page, here.
MAX_SELECTOR_CHARS = 1_000  # cssselect translates recursively: 3,000 combinators overflow
_CSS = GenericTranslator()
_PROBE = etree.fromstring("<html><body><div class='a'><p id='b'>x</p></div></body></html>")
_LITERAL = re.compile(r"'[^']*'|\"[^\"]*\"")
# A path from the root inside a predicate (`//p[count(//*) > 0]`) is evaluated once per
# candidate node: quadratic in the page size, minutes on a large page.
_ROOTED_IN_PREDICATE = re.compile(r"\[[^\]]*?(?:^|[^.\w)\]@*:-])\s*/")
# Axes that look at (almost) every other node of the page from each node they start at.
# One is fine (`h2 ~ p`); each more multiplies the work by the page size: `* ~ * ~ * ~ ...`
# and `//*[following::*[following::*]]` ran over 20 s on a 10,000-element page.
_DOC_AXIS = re.compile(r"\b(?:following|preceding)::")
_ANY_ORDER_AXIS = re.compile(r"\b(?:following|preceding)(?:-sibling)?::")
MAX_DOC_AXES = 1
MAX_ORDER_AXES = 2


def compile_selector(source: str) -> str:
    """The XPath for a CSS or XPath selector; raise PatternError if it is unusable."""
    if not isinstance(source, str) or not source.strip():
        raise PatternError("a selector must be a non-empty string")
    if len(source) > MAX_SELECTOR_CHARS:
        raise PatternError(f"selector is {len(source)} characters; the limit is "
                           f"{MAX_SELECTOR_CHARS}")
    try:
        if source.startswith(("/", "./", "(")):
            xpath = source  # the XPath escape hatch
        else:
            xpath = _CSS.css_to_xpath(source, prefix="descendant-or-self::")
        # regexp=False: lxml would otherwise run EXSLT `re:` functions on Python's
        # backtracking `re`, outside RE2's guarantees
        found = etree.XPath(xpath, regexp=False)(_PROBE)
    except (SelectorError, etree.XPathError, ValueError, RecursionError) as exc:
        raise PatternError(f"selector does not parse: {exc or type(exc).__name__}") from None
    if not isinstance(found, list):
        raise PatternError(f"selector gives a {type(found).__name__}, not a list of nodes")
    bare = _LITERAL.sub("''", xpath)
    if _ROOTED_IN_PREDICATE.search(bare):
        raise PatternError("a path from the root inside a predicate (like `[count(//*)]`) "
                           "runs once per node; use a relative path (`.//`)")
    doc_axes, order_axes = len(_DOC_AXIS.findall(bare)), len(_ANY_ORDER_AXIS.findall(bare))
    if doc_axes > MAX_DOC_AXES or order_axes > MAX_ORDER_AXES:
        raise PatternError(
            f"slow selector: {order_axes} following/preceding steps (`~` in CSS); each one "
            "after the first multiplies the time by the page size (`* ~ * ~ * ~ x` or "
            "nested `following::` took over 20 s on a 10,000-element page); anchor it on a "
            "class or a parent instead")
    return xpath
