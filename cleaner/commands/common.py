"""What every command shares: the rules a run loads, from `--rules` and
`--no-bundled-rules` (the parser options themselves are added by `commands.main`)."""

from __future__ import annotations

import argparse
import signal

from cleaner.rulebook.loader import load_rules_for, run_rule_paths
from cleaner.rulebook.model import RuleSet
from cleaner.runner.outcome import Summary


def rule_paths(args: argparse.Namespace) -> tuple[str, ...] | None:
    """The rule files this run loads, for runners and workers; None: the bundled rules as
    they are (loaded once per process and cached)."""
    return run_rule_paths(args.rules, bundled=not args.no_bundled_rules)


def load_ruleset(args: argparse.Namespace) -> RuleSet:
    """The rules of this run, loaded and checked: a rule error stops it before any output."""
    return load_rules_for(rule_paths(args))


def summary_text(summary: Summary) -> str:
    """The closing lines of a run on stderr: counts, then removals by category."""
    head = f"cleaner: {summary.ok} ok, {summary.errors} errors"
    if summary.skipped:
        head += f", {summary.skipped} already done (resumed)"
    if summary.interrupted:
        head += f"; interrupted by {signal.Signals(summary.interrupted).name}, output flushed"
    cats = ", ".join(f"{c} {n}" for c, n in sorted(summary.removed.items()))
    return head + (f"\nremovals by category: {cats}" if cats else "")
