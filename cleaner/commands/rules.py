"""`cleaner rules ...`: the maintainer's tools: lint, test, new (scaffold) and learn."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleaner.core.terminal import safe_line
from cleaner.rulebook.files import bundled_rules_dir, maintainer_dir, rule_sources
from cleaner.rulebook.model import RuleSet


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("rules", help="lint, test, scaffold and learn site rules")
    rsub = p.add_subparsers(dest="rules_command", required=True)
    lint = rsub.add_parser("lint", help="check rule files; report file:line:col: message")
    lint.add_argument("paths", nargs="*", help="rule files or dirs (default: --rules, else "
                      "./rules, else the bundled rules)")
    lint.add_argument("--no-dead", action="store_true",
                      help="skip the dead-rule check (it cleans every fixture)")
    lint.set_defaults(handler=run_lint)

    test = rsub.add_parser("test", help="run the site tests in RULES/tests/*.yaml")
    test.add_argument("site", nargs="?", help="only this site (default: all)")
    test.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    test.set_defaults(handler=run_test)

    new = rsub.add_parser("new", help="scaffold a site: rule file, fixtures, failing test")
    new.add_argument("domain", help="the site's host, e.g. example.com")
    new.add_argument("--sample", nargs="+", required=True, metavar="FILE",
                     help="sample pages (text or HTML) to store as fixtures")
    new.add_argument("--name", help="the site's id (default: from the domain)")
    new.add_argument("--force", action="store_true", help="overwrite an existing site")
    new.set_defaults(handler=run_new)

    learn = rsub.add_parser("learn", help="propose rules from lines repeated across pages")
    learn.add_argument("dir", metavar="DIR", help="a directory of one site's pages")
    learn.add_argument("--site", required=True, metavar="DOMAIN", help="the site's host")
    learn.add_argument("--min-pages", type=int, default=None,
                       help="a line must occur on at least this many pages")
    learn.add_argument("--fresh", action="store_true",
                       help="ignore the site's existing rules (generic rules only)")
    learn.set_defaults(handler=run_learn)


def rules_dir(args: argparse.Namespace) -> Path:
    """The folder lint and test read: --rules DIR, else ./rules, else the bundled rules."""
    directory = maintainer_dir(args.rules)
    return directory if directory.is_dir() else bundled_rules_dir()


def _ruleset(args: argparse.Namespace, directory: Path) -> RuleSet:
    """The maintainer's folder on top of the bundled rules (its generic rules and macros)."""
    from cleaner.rulebook.loader import load_rules

    return load_rules(rule_sources([directory, *(args.rules or ())],
                                   bundled=not args.no_bundled_rules))


def run_lint(args: argparse.Namespace) -> int:
    from cleaner.authoring.lint import lint

    paths = args.paths or [str(rules_dir(args))]
    findings = lint(paths, dead=not args.no_dead)
    for f in findings:  # rule files are data from anyone: no terminal escapes from them
        print(safe_line(str(f)), file=sys.stdout)
    errors = sum(f.severity == "error" for f in findings)
    print(f"{errors} error(s), {len(findings) - errors} warning(s)", file=sys.stderr)
    return 2 if errors else 0


def run_test(args: argparse.Namespace) -> int:
    from cleaner.authoring.ruletests import load_tests, run_tests

    directory = rules_dir(args)
    ruleset = _ruleset(args, directory)
    tests, findings = load_tests(directory, ruleset)
    for f in findings:
        print(safe_line(str(f)))
    if args.site and not any(t.site == args.site for t in tests):
        print(f"cleaner: no tests for site {args.site!r} in {directory / 'tests'}",
              file=sys.stderr)
        return 2
    outcomes = run_tests(tests, ruleset, args.site)
    failed = 0
    for o in outcomes:
        if o.ok:
            if not args.quiet:
                print(f"PASS {o.test.site} {o.test.fixture.name} ({o.test.where})")
            continue
        failed += 1
        print(f"FAIL {o.test.site} {o.test.fixture.name} ({o.test.where})")
        for msg in o.failures:
            print(f"  - {safe_line(msg)}")
    print(f"{len(outcomes) - failed} passed, {failed} failed", file=sys.stderr)
    errors = any(f.severity == "error" for f in findings)
    return 1 if failed or errors else 0


def run_new(args: argparse.Namespace) -> int:
    from cleaner.authoring.scaffold import scaffold
    from cleaner.core.errors import CleanerError, RuleError

    directory = maintainer_dir(args.rules)  # ./rules or --rules: never the installed package
    try:
        directory.mkdir(parents=True, exist_ok=True)
        made = scaffold(args.domain, [Path(s) for s in args.sample], directory,
                        _ruleset(args, directory), name=args.name, force=args.force)
    except RuleError:
        raise
    except (CleanerError, OSError) as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return 2
    for path in made.written:
        print(f"wrote {path}")
    print(f"next: edit {made.rule_file} and {made.test_file}, then run "
          f"`cleaner rules test {made.site}` until it passes", file=sys.stderr)
    return 0


def run_learn(args: argparse.Namespace) -> int:
    from cleaner.authoring.learn import MIN_PAGES, learn
    from cleaner.authoring.proposal import to_yaml
    from cleaner.core.errors import InputError

    directory = rules_dir(args)
    try:
        proposal = learn(Path(args.dir), args.site, _ruleset(args, directory),
                         min_pages=args.min_pages or MIN_PAGES, rules_dir=directory,
                         fresh=args.fresh)
    except InputError as exc:
        print(f"cleaner: rules learn: {exc}", file=sys.stderr)
        return 2
    print(to_yaml(proposal))
    return 0
