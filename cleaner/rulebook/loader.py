"""The one rules loader: which rule files a run reads, validating them all at once, and
the bundled rules cached per process.

Every entry point loads rules through here: the pipeline's default (`default_rules`), the
runners and their workers (`load_rules_for` a tuple of paths, None for the bundled rules),
the command line (`run_rule_paths` from `--rules` and `--no-bundled-rules`), `clean_many`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache

from cleaner.core.errors import RuleError
from cleaner.core.stages import SWITCHES
from cleaner.rulebook.files import bundled_rules_dir, rule_files, rule_sources
from cleaner.rulebook.model import RuleSet, Site
from cleaner.rulebook.schema import GENERIC_FILE, Checker, Finding, check_site
from cleaner.rulebook.yamlsource import load_located


def _rule_line(site: Site, rule_id: str) -> int:
    groups = (site.lines, site.inline, site.sections, site.related, site.dom_drop, site.dom_cards,
              site.dom_sections)
    return next((r.line for g in groups for r in g if r.id == rule_id), 1)


def _cross_checks(generic: Site, sites: list[Site]) -> list[Finding]:
    """What no single file can know: unique ids, one file per host, real disable targets."""
    found: list[Finding] = []
    seen_ids: dict[str, str] = {}
    seen_hosts: dict[str, str] = {}
    seen_names: dict[str, str] = {}
    for site in [generic, *sites]:
        if site.name in seen_names:
            found.append(Finding(site.file, 1, 1, f"site name {site.name!r} is also used by "
                                 f"{seen_names[site.name]}"))
        seen_names[site.name] = site.file
        for rid in site.all_rule_ids():
            if rid in seen_ids:
                found.append(Finding(site.file, _rule_line(site, rid), 1,
                                     f"duplicate rule id {rid!r} (first in {seen_ids[rid]})"))
            else:
                seen_ids[rid] = site.file
        for host in site.hosts:
            if host in seen_hosts and seen_hosts[host] != site.file:
                found.append(Finding(site.file, 1, 1, f"host {host!r} is already claimed by "
                                     f"{seen_hosts[host]}"))
            seen_hosts[host] = site.file
    generic_ids = set(generic.all_rule_ids())
    for site in sites:
        for rid in sorted(site.disable - generic_ids - SWITCHES):
            found.append(Finding(site.file, 1, 1, f"disable names {rid!r}, which is neither a "
                                 "generic rule id nor a built-in stage (stages a site can "
                                 f"switch off: {', '.join(sorted(SWITCHES))})"))
    return found


def check_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[RuleSet | None, list[Finding]]:
    """Validate every file; return the RuleSet only when nothing is wrong."""
    files = rule_files(paths)
    findings: list[Finding] = []
    generic_files = [f for f in files if f.name == GENERIC_FILE]
    ordered = generic_files + [f for f in files if f.name != GENERIC_FILE]
    macros: dict[str, str] = {}
    generic: Site | None = None
    sites: list[Site] = []
    for path in ordered:
        ctx = Checker(str(path), macros)
        try:
            doc = load_located(path.read_text(encoding="utf-8"), str(path))
        except RuleError as exc:
            findings.append(Finding(exc.path, exc.line, exc.col, exc.message))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            findings.append(Finding(str(path), 1, 1, f"cannot read rule file: {exc}"))
            continue
        site = check_site(ctx, doc)
        findings.extend(ctx.findings)
        if site is None:
            continue
        if path.name == GENERIC_FILE:
            generic, macros = site, ctx.macros
        else:
            sites.append(site)
    generic = generic or Site(name="generic", label="generic", file=GENERIC_FILE)
    findings.extend(_cross_checks(generic, sites))
    if any(f.severity == "error" for f in findings):
        return None, findings
    ruleset = RuleSet(generic, tuple(sites))
    for site in [None, *sites]:
        try:
            ruleset.active(site)  # compiles the site's RE2 line set once, here
        except RuleError as exc:
            findings.append(Finding(exc.path, exc.line, exc.col, exc.message))
    if any(f.severity == "error" for f in findings):
        return None, findings
    return ruleset, findings


def load_rules(paths: Iterable[str | os.PathLike[str]]) -> RuleSet:
    """Load and compile rule files; raise RuleError listing every problem (all or nothing)."""
    ruleset, findings = check_files(list(paths))
    if ruleset is None:
        errors = [f for f in findings if f.severity == "error"]
        first = errors[0]
        more = "".join(f"\n{f}" for f in errors[1:])
        raise RuleError(first.message + more, first.path, first.line, first.col)
    return ruleset


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The bundled rules, loaded once per process (every worker loads its own copy)."""
    return load_rules([bundled_rules_dir()])


def load_rules_for(rule_paths: tuple[str, ...] | None) -> RuleSet:
    """The rules of a run: these files (`run_rule_paths`), or None for the bundled ones."""
    return load_rules(list(rule_paths)) if rule_paths else default_rules()


def run_rule_paths(user_paths: Iterable[str | os.PathLike[str]] | None,
                   bundled: bool = True) -> tuple[str, ...] | None:
    """The rule files a run loads, as runners and workers take them: None for the bundled
    rules as they are (loaded once per process and cached), else every file, the bundled
    ones first unless `bundled` is False. Raises RuleError when that leaves no rules."""
    paths = list(user_paths or ())
    if not paths and bundled:
        return None
    if not paths:
        raise RuleError("--no-bundled-rules leaves no rules: give --rules DIR_OR_FILE")
    return tuple(str(p) for p in rule_sources(paths, bundled=bundled))
