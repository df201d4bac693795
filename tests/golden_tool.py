"""Goldens: golden/<path under seeds/ without suffix>.json holds each sample's full result.

`make golden` (python -m tests.golden_tool write) rewrites them from the stored inputs; it
never fetches. Reviewers read the diff, and the commit message says why each changed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cleaner.core.records import Result
from cleaner.engine.pipeline import clean_record
from cleaner.ingest import samples
from cleaner.ingest.inputs import read_inputs
from cleaner.ingest.items import record_id

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "golden"


def sample_paths() -> list[Path]:
    return samples.sample_paths(SEEDS)


def golden_path(sample: Path) -> Path:
    rel = sample.relative_to(SEEDS)
    return GOLDEN / rel.parent / f"{record_id(rel)}.json"


def url_for(sample: Path) -> str | None:
    """A sample's URL sits beside it as <name>.url when the page does not carry one."""
    return samples.sidecar_url(sample)


def result_for(sample: Path) -> Result:
    item = next(iter(read_inputs([str(sample)], url_for(sample))))
    assert item.record is not None, item.error
    record = item.record
    # ids and origins are the sample's path under seeds/, stable across machines
    from dataclasses import replace

    origin = sample.relative_to(ROOT) if sample.is_relative_to(ROOT) else sample.name
    record = replace(record, origin=str(origin))
    return clean_record(record)


def render(result: Result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def write_all() -> int:
    changed = 0
    for sample in sample_paths():
        target = golden_path(sample)
        target.parent.mkdir(parents=True, exist_ok=True)
        new = render(result_for(sample))
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if new != old:
            target.write_text(new, encoding="utf-8")
            changed += 1
            print(f"{'updated' if old else 'created'} {target.relative_to(ROOT)}")
    print(f"{changed} golden file(s) changed")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["write"]:
        sys.exit("usage: python -m tests.golden_tool write")
    sys.exit(write_all())
