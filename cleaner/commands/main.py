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
from collections.abc import Iterator

from cleaner import __version__
from cleaner.core.errors import RuleError

# Modules that each define `register(subparsers)`; the handler is set with set_defaults.
COMMAND_MODULES = [
    "cleaner.commands.clean",
    "cleaner.commands.explain",
    "cleaner.commands.seeds",
    "cleaner.commands.rules",
    "cleaner.commands.eval",
    "cleaner.commands.stats",
]

EPILOG = ("exit codes: 0 all records ok, 1 some records failed, 2 usage or rule errors or a "
          "run that could not go on (output not writable, workers that cannot start)")


# Options every command takes, before or after its name. After the name they land under
# their own dest (argparse lets a subcommand's namespace overwrite the main one) and main()
# merges the two.
_AFTER = "_after_"


def _add_common(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    default = argparse.SUPPRESS if prefix else None
    parser.add_argument("--rules", action="append", metavar="DIR_OR_FILE",
                        dest=prefix + "rules", default=default,
                        help="rule folder or file, added to the bundled rules (a file named "
                        "like a bundled one replaces it); repeatable")
    parser.add_argument("--no-bundled-rules", action="store_true",
                        dest=prefix + "no_bundled_rules", default=default or False,
                        help="load only the --rules given, not the bundled rules")
    parser.add_argument("-v", "--verbose", action="store_true", dest=prefix + "verbose",
                        default=default or False, help="log to stderr")


def _leaf_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield sub
                yield from _leaf_parsers(sub)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner", description="Clean aggregator news pages into articles.",
        epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_common(parser)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # a command not built yet
            raise
        module.register(sub)
    for leaf in _leaf_parsers(parser):
        _add_common(leaf, _AFTER)
    return parser


def _merge_common(args: argparse.Namespace) -> argparse.Namespace:
    """Fold the options given after the command into the main ones."""
    args.rules = (args.rules or []) + getattr(args, _AFTER + "rules", [])
    args.rules = args.rules or None
    for flag in ("no_bundled_rules", "verbose"):
        setattr(args, flag, getattr(args, flag) or getattr(args, _AFTER + flag, False))
    for key in [k for k in vars(args) if k.startswith(_AFTER)]:
        delattr(args, key)
    return args


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = _merge_common(parser.parse_args(argv))
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.handler(args) or 0)
    except RuleError as exc:
        from cleaner.core.terminal import safe_line

        print(f"cleaner: rule error: {safe_line(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
