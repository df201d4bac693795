"""Command line: `cleaner COMMAND ...`. Each command lives in its own module that adds a
subparser and a handler; this file only assembles them.

Exit codes: 0 all records ok; 1 some records failed; 2 usage or rule errors, or a run that
could not go on (output not writable, workers that cannot start).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from .errors import RuleError

# Modules that each define `register(subparsers)`; the handler is set with set_defaults.
COMMAND_MODULES = [
    "cleaner.cli_clean",
    "cleaner.cli_explain",
    "cleaner.cli_seeds",
    "cleaner.cli_rules",
    "cleaner.cli_eval",
]

EPILOG = ("exit codes: 0 all records ok, 1 some records failed, 2 usage or rule errors or a "
          "run that could not go on (output not writable, workers that cannot start)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner", description="Clean aggregator news pages into articles.",
        epilog=EPILOG)
    parser.add_argument("--rules", action="append", metavar="DIR",
                        help="rule directory or file (default: the bundled rules/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # a command not built yet
            raise
        module.register(sub)
    return parser


def load_ruleset(args: argparse.Namespace):
    from .pipeline import default_rules
    from .schema import load_rules

    return load_rules(args.rules) if args.rules else default_rules()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.handler(args) or 0)
    except RuleError as exc:
        from .terminal import safe_line

        print(f"cleaner: rule error: {safe_line(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
