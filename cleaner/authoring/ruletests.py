"""Site tests: stored fixtures and what their clean result must and must not hold.

Tests live with the rules, one file per site: `rules/tests/<site>.yaml`. Fixture paths are
relative to the project root, the directory that holds `rules/` (so `seeds/x.txt` or
`rules/fixtures/<site>/1.txt`). A failure says which rule is to blame: the rule id that
removed a line that had to stay, or that no rule fired on a line that had to go.

    site: daily8
    tests:
      - fixture: seeds/000_x.txt
        url: https://daily8.com/a        # optional: otherwise the fingerprint picks the site
        title: 'The headline'            # optional
        must_contain: ['a body line or part of one']
        must_not_contain: ['Comments']
        related:                         # the whole expected list, in order
          - {title: 'A related headline', source: 'Mint'}
        confirmed: false                 # written by `rules new`: fails until reviewed
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cleaner.core.errors import CleanerError, RuleError
from cleaner.engine.pipeline import Analysis, analyze
from cleaner.ingest.inputs import read_inputs
from cleaner.rulebook.model import RuleSet
from cleaner.rulebook.schema import Checker, Finding
from cleaner.rulebook.yamlsource import LocDict, LocList, load_located

TESTS_DIR = "tests"
GENERIC_SITE = "generic"  # tests of pages no site claims: only the generic rules apply
FIXTURES_DIR = "fixtures"
_S, _L, _B = (str,), (LocList,), (bool,)
_TEST_KEYS = {"fixture": _S, "url": _S, "title": _S, "must_contain": _L,
              "must_not_contain": _L, "related": _L, "confirmed": _B, "note": _S}


@dataclass(frozen=True, slots=True)
class RelatedExpect:
    title: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class FixtureTest:
    """One fixture of one site, located in its test file so failures point at it."""

    site: str
    file: str
    line: int
    fixture: Path
    url: str | None = None
    title: str | None = None
    must_contain: tuple[str, ...] = ()
    must_not_contain: tuple[str, ...] = ()
    related: tuple[RelatedExpect, ...] | None = None  # None: related items not checked
    confirmed: bool = True

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Outcome:
    test: FixtureTest
    failures: tuple[str, ...]
    result_site: str | None = None

    @property
    def ok(self) -> bool:
        return not self.failures


def project_root(rules_dir: Path) -> Path:
    return rules_dir.resolve().parent


def find_test_files(rules_dir: Path) -> list[Path]:
    return sorted((rules_dir / TESTS_DIR).glob("*.yaml"))


def _strings(ctx: Checker, d: LocDict, key: str) -> tuple[str, ...]:
    seq = d.get(key) or LocList()
    out = []
    for item, where in zip(seq, getattr(seq, "item_where", [])):
        if isinstance(item, str) and item.strip():
            out.append(item)
        else:
            ctx.fail(where, f"{key}: each entry must be a non-empty string")
    return tuple(out)


def _related(ctx: Checker, d: LocDict) -> tuple[RelatedExpect, ...] | None:
    if "related" not in d:
        return None
    out = []
    seq = d["related"]
    for item, where in zip(seq, seq.item_where):
        if isinstance(item, str):
            out.append(RelatedExpect(item))
        elif isinstance(item, LocDict) and ctx.keys(item, {"title": _S, "source": _S},
                                                     ("title",), "related item"):
            out.append(RelatedExpect(item["title"], item.get("source")))
        elif not isinstance(item, LocDict):
            ctx.fail(where, "related: each entry is a title or {title, source}")
    return tuple(out)


def _inside(path: Path, root: Path) -> bool:
    """True when path (symlinks resolved) is root or below it: a rule test names a fixture
    in the project, never a file anywhere on disk."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def load_test_file(path: Path, root: Path) -> tuple[list[FixtureTest], list[Finding]]:
    """Parse and check one test file; every problem is a file:line:col finding."""
    ctx = Checker(str(path), {})
    try:
        doc = load_located(path.read_text(encoding="utf-8"), str(path))
    except RuleError as exc:
        return [], [Finding(exc.path, exc.line, exc.col, exc.message)]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Finding(str(path), 1, 1, f"cannot read test file: {exc}")]
    if not isinstance(doc, LocDict):
        return [], [Finding(str(path), 1, 1, "a test file must be a mapping")]
    ctx.keys(doc, {"site": _S, "tests": _L, "note": _S}, ("site", "tests"), "test file")
    site = str(doc.get("site", path.stem))
    out = []
    tests = doc.get("tests")
    entries = tests if isinstance(tests, LocList) else LocList()
    for d, where in zip(entries, getattr(entries, "item_where", [])):
        if not isinstance(d, LocDict):
            ctx.fail(where, "each test must be a mapping with a fixture")
            continue
        what = f"test {d.get('fixture', '?')!r}"
        if not ctx.keys(d, _TEST_KEYS, ("fixture",), what):
            continue
        fixture = root / d["fixture"]
        if not _inside(fixture, root):
            ctx.fail(d.value_where["fixture"], f"{what}: fixture {d['fixture']} is outside "
                     f"{root}; fixtures are paths relative to it, below it")
            continue
        if not fixture.is_file():
            ctx.fail(d.value_where["fixture"], f"{what}: fixture {fixture} does not exist")
            continue
        out.append(FixtureTest(
            site, str(path), d.where.line, fixture, d.get("url"), d.get("title"),
            _strings(ctx, d, "must_contain"), _strings(ctx, d, "must_not_contain"),
            _related(ctx, d), d.get("confirmed", True)))
    return out, ctx.findings


def load_tests(rules_dir: Path, ruleset: RuleSet | None = None
               ) -> tuple[list[FixtureTest], list[Finding]]:
    """Every site test under rules_dir; a test file for a site with no rule file is an error."""
    tests: list[FixtureTest] = []
    findings: list[Finding] = []
    root = project_root(rules_dir)
    for path in find_test_files(rules_dir):
        got, found = load_test_file(path, root)
        tests.extend(got)
        findings.extend(found)
        if (ruleset is not None and got and got[0].site != GENERIC_SITE
                and ruleset.site_named(got[0].site) is None):
            findings.append(Finding(str(path), 1, 1, f"no rule file defines site "
                                    f"{got[0].site!r}"))
    return tests, findings


def _squash(text: str) -> str:
    return " ".join(text.split())


def analyze_fixture(test: FixtureTest, ruleset: RuleSet) -> Analysis:
    item = next(iter(read_inputs([str(test.fixture)], test.url)))
    if item.record is None:
        raise CleanerError(item.error or f"{test.fixture}: unreadable")
    return analyze(item.record, ruleset)


def _who_removed(needle: str, analysis: Analysis, ruleset: RuleSet) -> str:
    """Name the rule that took a line which had to stay, with where the rule is defined."""
    for rem in analysis.result.removed:
        if needle in _squash(rem.text):
            return f"removed by rule {rem.rule!r} ({rem.category}){_rule_where(rem.rule, ruleset)}"
    return "it is not in the fixture's text at all (check the spelling)"


def _rule_where(rule_id: str, ruleset: RuleSet) -> str:
    for site in (ruleset.generic, *ruleset.sites):
        groups = (site.lines, site.inline, site.sections, site.related, site.dom_drop,
                  site.dom_cards)
        for rule in (r for g in groups for r in g):
            if rule.id == rule_id:
                return f" at {rule.file}:{rule.line}"
    return ""


def _why_kept(needle: str, analysis: Analysis, ruleset: RuleSet) -> str:
    """Say which line kept a piece that had to go, and which rule matched it but held back
    (its zone, its `unless`), since that is the rule to fix."""
    site = ruleset.site_named(analysis.result.site) if analysis.result.site else None
    active = ruleset.active(site)
    for ln in analysis.lines:
        if needle in _squash(ln.text) and ln.fate in ("body", "title", "undecided"):
            kept = f"line {ln.index + 1} was kept as {ln.fate}"
            near = active.matching(ln.text)
            if not near:
                return f"{kept}: no rule fired on it"
            r = near[0]
            why = (f"its zone is {r.zone}" if r.zone != "any" else
                   "its `unless` matched" if r.unless and r.unless.search(ln.text) else
                   "an earlier stage decided the line")
            return f"{kept}: rule {r.id!r} matches it but did not fire ({why})"
    return "it survived inside a kept line (an inline rule could take it)"


def _check_related(test: FixtureTest, analysis: Analysis) -> list[str]:
    if test.related is None:
        return []
    got = analysis.result.related
    fails = []
    got_titles = [_squash(r.title) for r in got]
    for exp in test.related:
        title = _squash(exp.title)
        if title not in got_titles:
            body = [ln for ln in analysis.lines if title in _squash(ln.text)]
            where = (f"; line {body[0].index + 1} is {body[0].fate}"
                     f"{' by rule ' + repr(body[0].rule) if body[0].rule else ''}"
                     if body else "; it is not in the text")
            fails.append(f"related item {exp.title!r} missing: no related rule read it{where}")
            continue
        rel = got[got_titles.index(title)]
        if exp.source is not None and _squash(rel.source or "") != _squash(exp.source):
            fails.append(f"related item {exp.title!r}: source is {rel.source!r}, "
                         f"expected {exp.source!r}")
    expected = {_squash(e.title) for e in test.related}
    for rel in got:
        if _squash(rel.title) not in expected:
            fails.append(f"unexpected related item {rel.title!r} (add it to the test if right)")
    return fails


def run_test(test: FixtureTest, ruleset: RuleSet) -> Outcome:
    """Clean the fixture and compare; each failure names the rule at fault and why."""
    try:
        analysis = analyze_fixture(test, ruleset)
    except CleanerError as exc:
        return Outcome(test, (f"cannot clean fixture: {exc}",))
    r = analysis.result
    fails: list[str] = []
    if not test.confirmed:
        fails.append("not confirmed: the guesses written by `cleaner rules new` need review; "
                     "fix must_contain / must_not_contain / related, then set confirmed: true")
    expected_site = None if test.site == GENERIC_SITE else test.site
    if r.site != expected_site:
        fails.append(f"page detected as site {r.site!r}, expected {expected_site!r} (check "
                     "the hosts and fingerprints)")
    if test.title is not None and _squash(r.title or "") != _squash(test.title):
        fails.append(f"title is {r.title!r}, expected {test.title!r}")
    article = _squash(f"{r.title or ''}\n{r.text}")
    for needle in map(_squash, test.must_contain):
        if needle not in article:
            fails.append(f"must_contain {needle!r} is gone: "
                         f"{_who_removed(needle, analysis, ruleset)}")
    for needle in map(_squash, test.must_not_contain):
        if needle in article:
            why = _why_kept(needle, analysis, ruleset)
            fails.append(f"must_not_contain {needle!r} survived: {why}")
    fails.extend(_check_related(test, analysis))
    return Outcome(test, tuple(fails), r.site)


def run_tests(tests: Iterable[FixtureTest], ruleset: RuleSet,
              site: str | None = None) -> list[Outcome]:
    return [run_test(t, ruleset) for t in tests if site is None or t.site == site]
