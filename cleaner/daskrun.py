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

from .batch import ShardNamer, Summary, claim_output, clean_item, run_batch
from .inputs import Item, Source, captured_of, read_sources, walk
from .options import DEFAULT_OPTIONS, Options
from .records import InputRecord
from .ruleset import RuleSet

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _rules(rule_paths: tuple[str, ...] | None) -> RuleSet:
    from .batch import load_rules_for, warm

    rules = load_rules_for(rule_paths)
    warm(rules, libraries=True)  # once per worker process, outside any document's time limit
    return rules


def _as_item(obj: Any) -> Item:
    """An input record or a `{id, url, html|text}` dict as an Item (a bad dict: error item)."""
    if isinstance(obj, InputRecord):
        return Item(obj, id=obj.id, url=obj.url)
    if isinstance(obj, dict):
        rid = str(obj.get("id") or "?")
        url = obj.get("url")
        for key, kind in (("html", "html"), ("text", "text"), ("content", "auto")):
            value = obj.get(key)
            if isinstance(value, (str, bytes)):
                captured = captured_of(obj)
                return Item(InputRecord(rid, value, url, kind, origin=obj.get("origin"),
                                        captured=captured), id=rid, url=url, date=captured)
        return Item(None, f"record {rid!r} has no 'html' or 'text' string", rid, url)
    return Item(None, f"not an input record: {type(obj).__name__}", "?")


def _clean_partition(part: Iterable[Any], rule_paths: tuple[str, ...] | None,
                     options: Options) -> list[dict[str, Any]]:
    rules = _rules(rule_paths)
    return [clean_item(_as_item(obj), rules, options, guard=True).to_dict() for obj in part]


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


def run_dask(paths: list[str], out_dir: str | Path, *, scheduler: str | None = None,
             rule_paths: Iterable[str] | None = None, options: Options = DEFAULT_OPTIONS,
             resume: bool = False, url: str | None = None, client=None,
             n_workers: int = 0, overwrite: bool = True, input_format: str = "auto",
             follow_links: bool = False) -> Summary:
    """Clean every input into OUT/<shard>.jsonl on Dask; returns the merged summary.
    Without `client` or `scheduler`, a LocalCluster of `n_workers` processes (0: one per
    core) runs the shards."""
    shards = group_shards(paths, follow_links)
    total = Summary()
    if not shards:
        return total
    with claim_output(out_dir, resume, overwrite):
        return _run_on_cluster(shards, out_dir, scheduler, rule_paths, options, resume, url,
                               client, n_workers, input_format, total)


def _run_on_cluster(shards, out_dir, scheduler, rule_paths, options, resume, url, client,
                    n_workers, input_format, total: Summary) -> Summary:
    from distributed import Client, LocalCluster

    rp = tuple(rule_paths) if rule_paths else None
    own_client = client is None
    cluster = None
    if own_client:
        if scheduler:
            client = Client(scheduler)
        else:
            from .batch import default_workers

            cluster = LocalCluster(n_workers=n_workers or default_workers(), threads_per_worker=1,
                                   processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
    try:
        bag = db.from_sequence(shards, npartitions=len(shards))
        job = bag.map(partial(_run_shard, out_dir=str(Path(out_dir).resolve()),
                              rule_paths=rp, options=options, resume=resume, url=url,
                              input_format=input_format))
        for part in job.compute(scheduler=client):
            total.ok += part["ok"]
            total.errors += part["errors"]
            total.skipped += part["skipped"]
            total.removed.update(part["removed"])
    finally:
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()
    return total
