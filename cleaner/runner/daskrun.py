"""The Dask engine: the same per-record function over shards, on a LocalCluster or a cluster.

Two entry points:
- `clean_bag(bag)`: the Python API, a bag of input records (InputRecord or `{id, url, html}`
  / `{id, url, text}` dicts) to a bag of result dicts, for pipelines that already use Dask.
- `run_dask(paths, out_dir)`: what `cleaner clean --engine dask` runs. One task per output
  shard: the task reads its inputs on the worker and writes OUT/<shard>.jsonl with the local
  runner's writer, so the output equals the local engine's byte for byte (and `--resume`
  behaves the same). Parallelism is across shards; a crawl comes in many shards.

Workers need the inputs and OUT on a shared filesystem. Rules are loaded once per worker
process (they are cached), never shipped: compiled RE2 patterns do not pickle.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import asdict
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import dask.bag as db

from cleaner.core.errors import CleanerError
from cleaner.engine.options import DEFAULT_OPTIONS, Options
from cleaner.ingest.files import walk
from cleaner.ingest.inputs import read_sources
from cleaner.ingest.items import Source, as_item
from cleaner.rulebook.model import RuleSet
from cleaner.runner.batch import run_batch
from cleaner.runner.item import clean_item
from cleaner.runner.outcome import Summary
from cleaner.runner.progress import Progress
from cleaner.runner.shards import ShardNamer, claim_output

log = logging.getLogger(__name__)
# How long a --scheduler address may take to answer: a scheduler on the network answers in
# milliseconds; distributed's own default (30 s) only delays the error.
CONNECT_TIMEOUT_SECONDS = 5.0


@lru_cache(maxsize=4)
def _rules(rule_paths: tuple[str, ...] | None) -> RuleSet:
    from cleaner.engine.warmup import warm
    from cleaner.rulebook.loader import load_rules_for

    rules = load_rules_for(rule_paths)
    warm(rules, libraries=True)  # once per worker process, outside any document's time limit
    return rules


def _clean_partition(part: Iterable[Any], rule_paths: tuple[str, ...] | None,
                     options: Options) -> list[dict[str, Any]]:
    rules = _rules(rule_paths)
    return [clean_item(as_item(obj), rules, options, guard=True).to_dict() for obj in part]


def clean_bag(bag: db.Bag, rule_paths: Iterable[str] | None = None,
              options: Options = DEFAULT_OPTIONS) -> db.Bag:
    """Map a bag of input records (or their dicts) to a bag of result dicts, in order.

    >>> import dask.bag as db
    >>> out = clean_bag(db.from_sequence([{"id": "a", "text": "Title\\n\\nA body line."}]))
    >>> out.compute()[0]["id"]
    'a'
    """
    paths = tuple(rule_paths) if rule_paths else None
    return bag.map_partitions(partial(_clean_partition, rule_paths=paths, options=options))


def group_shards(paths: list[str], follow_links: bool = False,
                 names: ShardNamer | None = None) -> list[tuple[str, list[Source]]]:
    """Expanded inputs grouped by output shard, in first-seen order (one task per shard, so
    two tasks never write the same file); shard names as the local runner gives them."""
    names = names or ShardNamer()
    groups: dict[str, list[Source]] = {}
    for src in walk(paths, follow_links):
        if src.path == "-":
            raise ValueError("the Dask engine cannot read stdin; give files")
        groups.setdefault(names(src.path), []).append(src)
    return list(groups.items())


def _run_shard(shard: tuple[str, list[Source]], out_dir: str,
               rule_paths: tuple[str, ...] | None, options: Options, resume: bool,
               url: str | None, input_format: str = "auto") -> dict[str, Any]:
    name, sources = shard
    _rules(rule_paths)  # load and warm once per worker process, before the first document
    items = read_sources(sources, url, max_bytes=options.max_bytes, input_format=input_format)
    summary = run_batch(items, out_dir=out_dir, workers=0, rule_paths=rule_paths,
                        options=options, resume=resume, claim=False,
                        names=lambda _shard: name)
    d = asdict(summary)
    d["removed"] = dict(summary.removed)
    return d


class SchedulerUnreachable(CleanerError):
    """The --scheduler address did not answer within CONNECT_TIMEOUT_SECONDS."""


def quiet_distributed(verbose: bool) -> None:
    """distributed logs ~30 INFO lines per run (cluster start, every connection): shown with
    -v only. Its loggers are configured at import, so the level is set after."""
    logging.getLogger("distributed").setLevel(logging.INFO if verbose else logging.ERROR)


def _connect(scheduler: str) -> Any:
    from distributed import Client

    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT_SECONDS)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerUnreachable(
            f"cannot reach the Dask scheduler at {scheduler} within "
            f"{CONNECT_TIMEOUT_SECONDS:g} s ({type(exc).__name__}); is `dask scheduler` "
            "running there?") from exc


def run_dask(paths: list[str], out_dir: str | Path, *, scheduler: str | None = None,
             rule_paths: Iterable[str] | None = None, options: Options = DEFAULT_OPTIONS,
             resume: bool = False, url: str | None = None, client: Any = None,
             n_workers: int = 0, progress: Progress | None = None,
             verbose: bool = False, overwrite: bool = True, input_format: str = "auto",
             follow_links: bool = False) -> Summary:
    """Clean every input into OUT/<shard>.jsonl on Dask; returns the merged summary.
    Without `client` or `scheduler`, a LocalCluster of `n_workers` processes (0: one per
    core) runs the shards. `progress` counts each shard's documents as the shard ends.
    Raises SchedulerUnreachable when `scheduler` does not answer."""
    import distributed  # noqa: F401 - configures its loggers at import: quiet them after

    quiet_distributed(verbose)
    shards = group_shards(paths, follow_links)
    total = Summary()
    if not shards:
        return total
    with claim_output(out_dir, resume, overwrite):
        return _run_on_cluster(shards, out_dir, scheduler, rule_paths, options, resume, url,
                               client, n_workers, input_format, progress, verbose, total)


def _run_on_cluster(shards: list[tuple[str, list[Source]]], out_dir: str | Path,
                    scheduler: str | None, rule_paths: Iterable[str] | None,
                    options: Options, resume: bool, url: str | None, client: Any,
                    n_workers: int, input_format: str, progress: Progress | None,
                    verbose: bool, total: Summary) -> Summary:
    from distributed import LocalCluster, as_completed

    rp = tuple(rule_paths) if rule_paths else None
    own_client = client is None
    cluster = None
    if own_client:
        if scheduler:
            client = _connect(scheduler)
        else:
            from distributed import Client

            from cleaner.runner.batch import default_workers

            cluster = LocalCluster(n_workers=n_workers or default_workers(), threads_per_worker=1,
                                   processes=True, dashboard_address=None,
                                   # no dashboard, and its HTTP routes on a free port, not
                                   # 8787 (taken by any other cluster on the machine)
                                   scheduler_kwargs={"dashboard_address": ":0"},
                                   silence_logs=logging.INFO if verbose else logging.ERROR)
            client = Client(cluster)
    try:
        task = partial(_run_shard, out_dir=str(Path(out_dir).resolve()), rule_paths=rp,
                       options=options, resume=resume, url=url, input_format=input_format)
        futures = client.map(task, shards, pure=False)
        if progress is not None:
            progress.add(0, 0, f"0/{len(shards)} shards")
        for done, future in enumerate(as_completed(futures), 1):
            part = future.result()
            total.ok += part["ok"]
            total.errors += part["errors"]
            total.skipped += part["skipped"]
            total.removed.update(part["removed"])
            if progress is not None:
                progress.add(part["ok"], part["errors"], f"{done}/{len(shards)} shards")
    finally:
        if progress is not None:
            progress.close()
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()
    return total
