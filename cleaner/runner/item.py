"""One input item to one result, in this process: the checks that need no pipeline (an
unreadable input, a page over the size cap), then `clean_record`, optionally under the
in-process time limit. Never raises for an item."""

from __future__ import annotations

from dataclasses import replace

from cleaner.core.errors import LimitError
from cleaner.core.records import Result
from cleaner.core.timelimit import time_limit
from cleaner.engine.options import DEFAULT_OPTIONS, Options
from cleaner.engine.pipeline import clean_record
from cleaner.ingest.items import Item
from cleaner.rulebook.model import RuleSet


def size_limit_message(name: str, size: int, max_bytes: int) -> str:
    return f"{name}: {size} bytes is over the size limit of {max_bytes} bytes (max_bytes)"


def precheck(item: Item, options: Options) -> Result | None:
    """The error record for an item that never reaches a worker (unreadable or too big)."""
    record = item.record
    if record is None:
        return replace(Result.failure(item.id, item.url, item.error or f"{item.id}: unreadable "
                                      "input", item.date), input=item.origin)
    size = len(record.content)
    if size > options.max_bytes:
        return replace(Result.failure(record.id, record.url,
                                      size_limit_message(record.name, size, options.max_bytes),
                                      record.captured), input=record.origin)
    return None


def clean_item(item: Item, rules: RuleSet, options: Options = DEFAULT_OPTIONS,
               guard: bool = False) -> Result:
    """One item to one result; never raises. `guard` adds the in-process time limit."""
    early = precheck(item, options)
    if early is not None:
        return early
    record = item.record
    assert record is not None
    if not guard:
        return clean_record(record, rules, options)
    try:
        with time_limit(options.timeout_seconds, record.name):
            return clean_record(record, rules, options)
    except LimitError as exc:  # the alarm fired outside clean_record's own handler
        return replace(Result.failure(record.id, record.url, str(exc), record.captured),
                       input=record.origin)
