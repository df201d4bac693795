"""`cleaner run-seeds`: the `make run` job: clean every sample, write out/<name>.json, and
print a table a person can scan."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from cleaner.core.records import Result
from cleaner.engine.pipeline import clean_record
from cleaner.ingest.inputs import read_inputs
from cleaner.ingest.items import Item, record_id
from cleaner.ingest.samples import sample_paths, sidecar_url


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("run-seeds", help="clean a folder of samples into OUT/<name>.json")
    p.add_argument("folder", nargs="?", default="seeds")
    p.add_argument("--out", default="out")
    p.set_defaults(handler=run)


def _sample_items(folder: str) -> Iterator[tuple[Path, Item]]:
    """Each sample page with its sidecar URL, and its path under the folder (which names its
    output); truth files and .url sidecars are no pages."""
    for path in sample_paths(folder):
        for item in read_inputs([str(path)], sidecar_url(path)):
            yield path.relative_to(folder), item


def run(args: argparse.Namespace) -> int:
    from cleaner.commands.common import load_ruleset

    rules = load_ruleset(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rows, failed = [], 0
    for rel, item in _sample_items(args.folder):
        if item.record is None:
            result = Result.failure(item.id, item.url, item.error or "unreadable")
        else:
            result = clean_record(item.record, rules)
        target = out / rel.parent / f"{record_id(rel)}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        failed += result.status != "ok"
        by_cat = Counter(r.category for r in result.removed)
        removed = ", ".join(f"{c} {n}" for c, n in sorted(by_cat.items()))
        body_lines = len(result.text.splitlines()) if result.text else 0
        title = (result.title or result.error or "")[:58]
        rows.append((item.id[:28], result.site or "-", title, body_lines, len(result.related),
                     removed))
    header = ("input", "site", "title", "body", "rel", "removed by category")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        print("  ".join(str(v).ljust(w) for v, w in zip(row[:5], widths)) + "  " + row[5])
    print(f"\n{len(rows)} inputs, {failed} errors; results in {out}/")
    return 1 if failed else 0
