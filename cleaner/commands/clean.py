"""`cleaner clean`: clean files, dirs, globs, JSONL, WARC, stdin or fetched URLs.

Output shapes, one per format: jsonl (the default) prints one JSON line per input record,
however many there are; json prints one JSON value: the result object when the run has
exactly one input record, else an array of result objects (`[]` for none); text prints each
document after a `=== ID ===` line. --out DIR writes DIR/<input shard>.jsonl instead (the
mode for big runs: --workers, --resume, Dask).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, TextIO

from cleaner.commands.common import load_ruleset, rule_paths, summary_text
from cleaner.commands.stats import add_recurrence_arguments, recurrence_or_exit
from cleaner.core.records import Result
from cleaner.core.terminal import safe, safe_line
from cleaner.engine.options import DEFAULT_OPTIONS, Options
from cleaner.ingest.inputs import INPUT_FORMATS, read_inputs
from cleaner.ingest.items import Item
from cleaner.runner.outcome import Outcome


def _workers(value: str) -> int:
    """A worker count: 0 (clean in this process) or more; argparse reports anything else."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{n} is negative; give 0 to clean in this process "
                                         "or the number of worker processes")
    return n


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("clean", help="clean pages into articles",
                       description="Clean pages (HTML or text). --format jsonl (default) "
                       "prints one JSON line per input record; json prints the object for one "
                       "record, else a JSON array; text prints each document after a "
                       "'=== ID ===' line; --out DIR writes one JSONL file per input shard.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, dirs, globs, JSONL, WARC; - = stdin; URLs with --fetch")
    p.add_argument("--url", help="the page URL (picks the site's rules)")
    p.add_argument("--format", choices=("jsonl", "json", "text"), default="jsonl",
                   help="jsonl: one line per record (default); json: one object for one "
                   "record, else an array; text: title and body after '=== ID ==='")
    p.add_argument("--fetch", action="store_true",
                   help="PATHs are URLs to download, files listing URLs (one a line, # for "
                   "comments) or - for such a list on stdin")
    p.add_argument("--allow-private", action="store_true",
                   help="with --fetch, also fetch private, loopback and link-local addresses "
                   "(refused by default)")
    p.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                   help="how to read the inputs (default auto: by suffix, then by content)")
    p.add_argument("--follow-links", action="store_true",
                   help="read symlinks in input folders that point outside them")
    p.add_argument("--out", metavar="DIR", help="write DIR/<input shard name>.jsonl")
    p.add_argument("--workers", type=_workers, default=0, metavar="N",
                   help="worker processes (default 0: clean in this process)")
    p.add_argument("--resume", action="store_true",
                   help="skip ids already in the --out files (repairs a torn last line)")
    p.add_argument("--overwrite", action="store_true",
                   help="replace the output of an earlier run in --out (refused otherwise)")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (default: start a LocalCluster)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help=f"per-document time limit (default {DEFAULT_OPTIONS.timeout_seconds:g})")
    p.add_argument("--max-bytes", type=int, default=None, metavar="N",
                   help=f"per-document size cap (default {DEFAULT_OPTIONS.max_bytes})")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no error lines")
    add_recurrence_arguments(p)
    p.set_defaults(handler=run)


def _options(args: argparse.Namespace) -> Options:
    options = DEFAULT_OPTIONS
    if args.timeout is not None:
        options = replace(options, timeout_seconds=args.timeout)
    if args.max_bytes is not None:
        options = replace(options, max_bytes=args.max_bytes)
    return options


TEXT_SEPARATOR = "=== {id} ==="  # the line before each document in --format text


def text_block(result: Result) -> str:
    """One document for --format text: the separator line naming it, its title, its body."""
    head = TEXT_SEPARATOR.format(id=safe_line(str(result.id)))
    if result.status != "ok":
        return f"{head}\nERROR {safe_line(result.error or '')}\n"
    title = result.title  # text for a terminal: no control sequences from the page
    return (f"{head}\n" + (f"{safe(title)}\n\n" if title else "")
            + f"{safe(result.text or '')}\n")


class JsonValue:
    """Writes the results of --format json as one JSON value: the first line is held until a
    second one shows whether the run prints an object or an array. Lines are the workers'
    own bytes, copied, never parsed again."""

    def __init__(self, out: TextIO) -> None:
        self.out, self.first, self.count = out, b"", 0

    def add(self, line: bytes) -> None:
        self.count += 1
        if self.count == 1:
            self.first = line
            return
        if self.count == 2:
            self.out.write("[\n" + self.first.decode("utf-8").rstrip("\n"))
        self.out.write(",\n" + line.decode("utf-8").rstrip("\n"))

    def close(self) -> None:
        if self.count == 0:
            self.out.write("[]\n")
        elif self.count == 1:
            self.out.write(self.first.decode("utf-8"))
        else:
            self.out.write("\n]\n")


def run(args: argparse.Namespace) -> int:
    from cleaner.runner.pool import WorkerStartError
    from cleaner.runner.progress import Progress
    from cleaner.runner.shards import OutputError

    options = _options(args)
    if args.resume and not args.out:
        print("cleaner: --resume needs --out DIR", file=sys.stderr)
        return 2
    if args.resume and args.overwrite:
        print("cleaner: --resume and --overwrite cannot go together", file=sys.stderr)
        return 2
    counted = recurrence_or_exit(args, options)  # --recurrence auto: the counting pass
    if counted is None:
        return 2
    options = counted
    if args.engine == "dask":
        return _run_dask(args, options)
    if args.fetch:
        try:
            from cleaner.ingest.urls import fetch_items

            items: Iterator[Item] = fetch_items(args.paths, options, args.allow_private,
                                                args.workers)
            import cleaner.ingest.fetch  # noqa: F401 - fail now, not on the first URL
        except ModuleNotFoundError:
            print("cleaner: --fetch is not available (cleaner.ingest.fetch is missing)",
                  file=sys.stderr)
            return 2
    else:
        items = read_inputs(args.paths, args.url, max_bytes=options.max_bytes,
                            input_format=args.input_format, follow_links=args.follow_links)
    rules = load_ruleset(args)  # rule errors stop the run before any output (exit 2)

    progress = Progress(enabled=not args.quiet)

    def on_error(message: str) -> None:
        if not args.quiet:
            progress.message(f"cleaner: {safe_line(message)}")

    common = dict(workers=args.workers, rule_paths=rule_paths(args), options=options,
                  progress=progress, on_error=on_error, rules=rules)
    try:
        return _run_local(args, items, common)
    except WorkerStartError as exc:
        print(f"cleaner: {exc}; run with -v or --workers 0 to see why", file=sys.stderr)
        return 2
    except OutputError as exc:
        print(f"cleaner: {safe_line(str(exc))}", file=sys.stderr)
        return 2
    except OSError as exc:  # the output cannot be written (disk full, folder removed)
        if isinstance(exc, BrokenPipeError):
            raise
        print(f"cleaner: cannot write output: {exc.strerror or exc}: "
              f"{safe_line(str(exc.filename or ''))}; fix it and rerun with --resume",
              file=sys.stderr)
        return 2


def _run_local(args: argparse.Namespace, items: Iterator[Item], common: dict[str, Any]
               ) -> int:
    from cleaner.runner.batch import run_batch

    if args.out:
        summary = run_batch(items, out_dir=args.out, resume=args.resume,
                            overwrite=args.overwrite, **common)
        print(summary_text(summary), file=sys.stderr)
    else:
        stream = sys.stdout
        if args.format == "jsonl":
            summary = run_batch(items, stream=stream, **common)
        elif args.format == "json":
            value = JsonValue(stream)
            try:
                summary = run_batch(items, on_result=lambda _, o: value.add(o.data), **common)
            finally:
                value.close()  # an interrupted run still prints valid JSON
        else:
            def show(item: Item, outcome: Outcome) -> None:
                # in process: the Result itself; from a worker: its line, read back
                result = outcome.result or Result.from_dict(json.loads(outcome.data))
                stream.write(text_block(result))

            summary = run_batch(items, on_result=show, **common)
        if summary.ok + summary.errors > 1 and not args.quiet:
            print(summary_text(summary), file=sys.stderr)
    if summary.interrupted:
        return 128 + summary.interrupted
    return 1 if summary.errors else 0


def _run_dask(args: argparse.Namespace, options: Options) -> int:
    try:
        from cleaner.runner.daskrun import SchedulerUnreachable, run_dask
    except ModuleNotFoundError as exc:
        print(f"cleaner: --engine dask needs the dask extra: pip install "
              f"'aggregator-cleaner[dask]' ({exc.name} is missing)", file=sys.stderr)
        return 2
    if not args.out:
        print("cleaner: --engine dask needs --out DIR", file=sys.stderr)
        return 2
    from cleaner.runner.progress import Progress
    from cleaner.runner.shards import OutputError

    try:
        summary = run_dask(args.paths, args.out, scheduler=args.scheduler,
                           rule_paths=rule_paths(args), options=options, resume=args.resume,
                           url=args.url, n_workers=args.workers, verbose=args.verbose,
                           progress=Progress(enabled=not args.quiet, label="dask"),
                           overwrite=args.overwrite, input_format=args.input_format,
                           follow_links=args.follow_links)
    except (SchedulerUnreachable, OutputError, ValueError) as exc:
        print(f"cleaner: {safe_line(str(exc))}", file=sys.stderr)
        return 2
    print(summary_text(summary), file=sys.stderr)
    return 1 if summary.errors else 0
