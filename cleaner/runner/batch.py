"""The local runner: stream input items through `clean_record`, in order, in this process or
on N worker processes (runner.pool), to output shards, a stream or a callback.

Why it is built this way:
- Every input item becomes exactly one output line, in input order, so a shard's output
  lines up with its input and `--resume` can skip by id (runner.shards).
- Output is whole lines only; SIGINT/SIGTERM stop the run between lines and flush
  (runner.signals). After a kill -9 the last line may be torn: `--resume` truncates it
  before reading the done ids.
- In-process runs guard each document with the in-process time limit (core.timelimit);
  worker processes are killed from outside when they overrun (runner.pool).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol, TextIO

from cleaner.engine.options import DEFAULT_OPTIONS, Options
from cleaner.engine.warmup import warm
from cleaner.ingest.items import Item
from cleaner.rulebook.loader import load_rules_for
from cleaner.rulebook.model import RuleSet
from cleaner.runner.item import clean_item
from cleaner.runner.outcome import Outcome, Summary, outcome_of
from cleaner.runner.pool import pool_outcomes
from cleaner.runner.shards import ShardNamer, ShardWriter, claim_output
from cleaner.runner.signals import stop_on_signals


class ProgressSink(Protocol):
    """What a run reports progress to (runner.progress.Progress is one)."""

    def update(self, ok: bool) -> None: ...

    def close(self) -> None: ...


def _inline_outcomes(items: Iterable[Item], rules: RuleSet, options: Options,
                     stop: Callable[[], bool]) -> Iterator[tuple[Item, Outcome]]:
    for item in items:
        if stop():
            return
        yield item, outcome_of(clean_item(item, rules, options, guard=True), keep=True)


def iter_outcomes(items: Iterable[Item], workers: int = 0,
                  rule_paths: tuple[str, ...] | None = None,
                  options: Options = DEFAULT_OPTIONS,
                  stop: Callable[[], bool] = lambda: False,
                  rules: RuleSet | None = None) -> Iterator[tuple[Item, Outcome]]:
    """(item, outcome) for every item, in input order. workers=0 cleans in this process,
    with `rules` when the caller has loaded them already (else they are loaded here)."""
    if workers <= 0:
        rules = rules or load_rules_for(rule_paths)
        if options.timeout_seconds > 0:
            warm(rules)  # as workers do: the first page of a site must not pay for its rules
        return _inline_outcomes(items, rules, options, stop)
    return pool_outcomes(items, workers, rule_paths, options, stop)


def run_batch(items: Iterable[Item], *, out_dir: str | Path | None = None,
              stream: TextIO | None = None, workers: int = 0,
              rule_paths: Iterable[str] | None = None, options: Options = DEFAULT_OPTIONS,
              resume: bool = False, progress: ProgressSink | None = None,
              on_error: Callable[[str], None] | None = None,
              on_result: Callable[[Item, Outcome], None] | None = None,
              overwrite: bool = True, claim: bool = True,
              names: Callable[[str], str] | None = None,
              rules: RuleSet | None = None) -> Summary:
    """Clean every item and write one JSON line each: to OUT/<shard>.jsonl with `out_dir`,
    else to `stream`, else to `on_result`. Returns the summary; never raises on bad input.
    With `out_dir`, the folder is held for the run (`claim_output`) unless `claim` is False
    (the caller holds it, as the Dask engine does); `overwrite=False` refuses a folder that
    already holds output unless resuming. `rules`: the rules the caller loaded from
    `rule_paths` already, used in this process instead of loading them again."""
    if resume and out_dir is None:
        raise ValueError("resume needs an output directory")
    if out_dir is not None and claim:
        with claim_output(out_dir, resume, overwrite):
            return run_batch(items, out_dir=out_dir, workers=workers, rule_paths=rule_paths,
                             options=options, resume=resume, progress=progress,
                             on_error=on_error, on_result=on_result, claim=False, names=names,
                             rules=rules)
    summary = Summary()
    writer = ShardWriter(Path(out_dir), resume) if out_dir is not None else None
    paths = tuple(rule_paths) if rule_paths else None
    shard_of = names or ShardNamer()

    with stop_on_signals() as caught:
        def todo() -> Iterator[Item]:
            for item in items:
                if resume and writer is not None and writer.already_done(
                        shard_of(item.shard), item.id):
                    summary.skipped += 1
                    continue
                yield item

        try:
            for item, outcome in iter_outcomes(todo(), workers, paths, options,
                                               stop=lambda: caught() is not None,
                                               rules=rules):
                if writer is not None:
                    writer.write(shard_of(item.shard), outcome.data)
                elif stream is not None:
                    stream.write(outcome.data.decode("utf-8"))
                if on_result is not None:
                    on_result(item, outcome)
                summary.add(outcome)
                if progress is not None:
                    progress.update(outcome.status == "ok")
                if outcome.status != "ok" and on_error is not None:
                    on_error(outcome.error or outcome.id)
        finally:
            if writer is not None:
                writer.close()
            elif stream is not None:
                stream.flush()
            if progress is not None:
                progress.close()
        summary.interrupted = caught()
    return summary


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)

