"""`clean_many`: the batch runner as an iterator, for pipelines that hold records in Python.

It is the CLI's runner without files: the same worker pool, time limit, size cap and error
records, so a pipeline gets exactly what `cleaner clean --workers N` would write, one result
per record, in input order.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

from cleaner.core.records import InputRecord, Result
from cleaner.engine.options import DEFAULT_OPTIONS, Options
from cleaner.ingest.items import as_item

Record = InputRecord | dict[str, Any] | str | bytes


def clean_many(records: Iterable[Record], *, workers: int = 0,
               options: Options = DEFAULT_OPTIONS,
               rules: Iterable[str | os.PathLike[str]] | None = None,
               bundled_rules: bool = True) -> Iterator[Result]:
    """Clean a stream of records lazily; yields one Result per record, in input order.

    A record is an InputRecord, a `{"id", "url", "html" | "text" | "content"}` dict, or a
    page's text or bytes. A record that cannot be cleaned (empty, over `options.max_bytes`
    or `options.timeout_seconds`, not a record at all) yields an error result
    (`status="error"`, `error` naming it) instead of raising, so results stay aligned with
    records. `workers=0` cleans in this process; `workers=N` uses N worker processes (a
    worker stuck in C code is killed at the time limit). `rules` adds rule files or folders
    to the bundled rules, as `--rules` does; `bundled_rules=False` leaves those out. Rule
    errors raise RuleError before the first result.

    >>> [r.title for r in clean_many([{"id": "a", "text": "Headline\\n\\nA body paragraph "
    ...                                "long enough to be one, with a stop."}])]
    ['Headline']
    """
    from cleaner.engine.warmup import warm
    from cleaner.rulebook.loader import load_rules_for, run_rule_paths
    from cleaner.runner.batch import iter_outcomes
    from cleaner.runner.item import clean_item

    if workers < 0:
        raise ValueError(f"workers must be 0 (this process) or more, not {workers}")
    paths = None
    if rules is not None or not bundled_rules:
        paths = run_rule_paths(rules, bundled=bundled_rules) or ()
    ruleset = load_rules_for(paths)  # bad rules fail here, not inside a worker
    items = (as_item(obj, n) for n, obj in enumerate(records))
    if workers == 0:  # in process: the Result objects themselves, no JSON in between
        warm(ruleset)
        for item in items:
            yield clean_item(item, ruleset, options, guard=True)
        return
    for _, outcome in iter_outcomes(items, workers, paths, options):  # workers send JSON
        yield Result.from_dict(json.loads(outcome.data))
