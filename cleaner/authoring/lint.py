"""`cleaner rules lint`: the schema checks plus what only the fixtures can tell.

loader.check_files already reports unknown keys, wrong types, bad or catastrophic regexes,
bad selectors, duplicate ids, hosts claimed twice and unsafe YAML. This adds the site test
files (rules/tests/*.yaml) and dead rules: a rule that fires on none of its site's fixtures
no longer matches the template (or never did), so it is a warning worth a look.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from cleaner.authoring.ruletests import (
    GENERIC_SITE,
    TESTS_DIR,
    FixtureTest,
    analyze_fixture,
    load_test_file,
    load_tests,
    project_root,
)
from cleaner.core.errors import CleanerError
from cleaner.engine.pipeline import Analysis
from cleaner.rulebook.files import bundled_rules_dir, rule_files
from cleaner.rulebook.loader import check_files
from cleaner.rulebook.model import RuleSet, Site
from cleaner.rulebook.schema import GENERIC_FILE, Finding

log = logging.getLogger(__name__)


def _rules_dir(paths: list[Path]) -> Path:
    first = paths[0]
    return first if first.is_dir() else first.parent


def _with_generic(paths: list[Path]) -> list[Path]:
    """A site file alone cannot be checked: its macros and ids live next to generic.yaml."""
    files = rule_files(paths)
    if any(f.name == GENERIC_FILE for f in files):
        return paths
    generic = _rules_dir(paths) / GENERIC_FILE
    if not generic.is_file():  # a user's folder of site files: the bundled generic rules
        generic = bundled_rules_dir() / GENERIC_FILE
    return [generic, *paths]


def fired_rules(analysis: Analysis) -> set[str]:
    """Every rule id that decided a line, removed a span or dropped a node on this page."""
    fired = {ln.rule for ln in analysis.lines if ln.rule}
    fired.update(r.rule for r in analysis.result.removed)
    fired.update(r.rule for r in analysis.dom_removals)
    return fired


def _rule_lines(site: Site) -> list[tuple[str, int]]:
    groups = (site.lines, site.inline, site.sections, site.related, site.dom_drop,
              site.dom_cards)
    return [(r.id, r.line) for g in groups for r in g]


def dead_rules(ruleset: RuleSet, tests: list[FixtureTest],
               only: set[str] | None = None) -> list[Finding]:
    """Warnings for rules that fire on no fixture of their site. A generic rule is dead when
    it fires on no fixture at all, judged only once the generic rules have fixtures of their
    own (otherwise every generic rule a site's pages lack would be reported)."""
    fired_by_site: dict[str, set[str]] = {}
    for test in tests:
        try:
            analysis = analyze_fixture(test, ruleset)
        except CleanerError as exc:
            log.warning("%s: cannot clean fixture %s: %s", test.where, test.fixture, exc)
            continue
        fired_by_site.setdefault(test.site, set()).update(fired_rules(analysis))
    out: list[Finding] = []
    all_fired = set().union(*fired_by_site.values()) if fired_by_site else set()
    for site in (ruleset.generic, *ruleset.sites):
        if only is not None and site.file not in only:
            continue
        is_generic = site is ruleset.generic
        if is_generic and GENERIC_SITE not in fired_by_site:
            out.append(Finding(site.file, 1, 1, "the generic rules have no fixtures of their "
                               f"own: add rules/tests/{GENERIC_SITE}.yaml (pages no site claims)",
                               "warning"))
            continue
        if not is_generic and site.name not in fired_by_site:
            out.append(Finding(site.file, 1, 1, f"site {site.name!r} has no fixtures: add "
                               f"rules/tests/{site.name}.yaml (see docs/adding-a-site.md)",
                               "warning"))
            continue
        fired = all_fired if is_generic else fired_by_site[site.name]
        whose = "any site's" if is_generic else f"{site.name}'s"
        for rule_id, line in _rule_lines(site):
            if rule_id not in fired:
                out.append(Finding(site.file, line, 1, f"dead rule {rule_id!r}: fires on none "
                                   f"of {whose} fixtures", "warning"))
    return out


def lint(paths: Iterable[str | os.PathLike[str]], dead: bool = True) -> list[Finding]:
    """All findings for the named rule files or directories, errors and warnings."""
    named = [Path(p) for p in paths]
    test_paths = [p for p in named if p.is_file() and p.parent.name == TESTS_DIR]
    if test_paths:  # site test files named: check them against the rules next to them
        rules_dir = test_paths[0].parent.parent
        found = [f for f in lint([rules_dir], dead=False) if f.path not in map(str, test_paths)
                 and f.severity == "error"]
        for path in test_paths:
            found.extend(load_test_file(path, project_root(rules_dir))[1])
        named = [p for p in named if p not in test_paths]
        if not named:
            return found
        return found + lint(named, dead)
    ruleset, findings = check_files(_with_generic(named))
    if ruleset is None:  # the site tests are still checked: every finding in one run
        if all(p.is_dir() for p in named):
            findings.extend(load_tests(_rules_dir(named), None)[1])
        return findings
    rules_dir = _rules_dir(named)
    only = None if all(p.is_dir() for p in named) else {str(f) for f in rule_files(named)}
    if only is None:
        tests, test_findings = load_tests(rules_dir, ruleset)
    else:  # files named: only their sites' tests, and no verdict on the rest of the dir
        tests, test_findings = [], []
        root = project_root(rules_dir)
        for site in ruleset.sites:
            path = rules_dir / TESTS_DIR / f"{site.name}.yaml"
            if site.file in only and path.is_file():
                got, found = load_test_file(path, root)
                tests.extend(got)
                test_findings.extend(found)
    findings.extend(test_findings)
    if dead and not any(f.severity == "error" for f in test_findings):
        findings.extend(dead_rules(ruleset, tests, only))
    return findings
