"""`cleaner rules ...`: the maintainer's tools (lint for now; test, new, learn follow)."""

from __future__ import annotations

import argparse
import sys

from .pipeline import RULES_DIR
from .schema import check_files


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="lint, test, scaffold and learn site rules")
    rsub = p.add_subparsers(dest="rules_command", required=True)
    lint = rsub.add_parser("lint", help="check rule files; report file:line:col: message")
    lint.add_argument("paths", nargs="*", help=f"rule files or dirs (default {RULES_DIR})")
    lint.set_defaults(handler=run_lint)


def run_lint(args: argparse.Namespace) -> int:
    paths = args.paths or [str(RULES_DIR)]
    _, findings = check_files(paths)
    for f in findings:
        print(f, file=sys.stdout)
    errors = sum(f.severity == "error" for f in findings)
    print(f"{errors} error(s), {len(findings) - errors} warning(s)", file=sys.stderr)
    return 2 if errors else 0
