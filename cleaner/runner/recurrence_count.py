"""The first pass of a recurrence run: count each site's lines over the inputs.

Each page contributes the lines the text stages will see, under the site key the cleaning
pass will give it (`recurrence.site_key`), so the two passes agree. A text page costs a
decode, a site detection and a split; an HTML page needs its extraction, so it costs a full
clean (the pass is about as long as the cleaning one for HTML, a small part of it for
text), which `workers` spreads over processes. Pages that fail (bad input, over the size
or time limit, an internal error) are skipped here: the cleaning pass reports them. The
time limit is the in-process one (SIGALRM), which cannot stop C code.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from cleaner.core.decode import decode_input, looks_like_html
from cleaner.core.errors import CleanerError
from cleaner.core.records import InputRecord
from cleaner.engine.options import DEFAULT_OPTIONS, Options
from cleaner.engine.pipeline import analyze, usable_url
from cleaner.ingest.items import Item
from cleaner.rulebook.loader import default_rules
from cleaner.rulebook.model import RuleSet
from cleaner.text.recurrence import RecurrenceStats, StatsBuilder, site_key, summarize

__all__ = ["build_stats", "page_lines"]
log = logging.getLogger(__name__)

CHUNK = 16  # pages per message to a counting worker, as the batch runner sends them


def page_lines(record: InputRecord, rules: RuleSet,
               options: Options = DEFAULT_OPTIONS) -> tuple[str, list[str]]:
    """The site key of a page and the lines its text stages start from."""
    url = usable_url(record.url)
    decoded = decode_input(record.content, record.name, record.headers_charset,
                           options.max_bytes)
    content = decoded.text
    if record.kind == "html" or (record.kind == "auto" and looks_like_html(content)):
        analysis = analyze(record, rules, Options(
            max_bytes=options.max_bytes, detect_language=False, drop_foreign_lines=False))
        return site_key(analysis.result.site, url), [ln.text for ln in analysis.lines]
    site = rules.detect(url, content)
    return site_key(site.name if site else None, url), content.splitlines()


def _summaries(records: Iterable[InputRecord], rules: RuleSet,
               options: Options) -> list[tuple[str, str | None, list[str]] | None]:
    from cleaner.core.timelimit import time_limit

    out: list[tuple[str, str | None, list[str]] | None] = []
    for record in records:
        try:
            with time_limit(options.timeout_seconds, record.name):
                key, lines = page_lines(record, rules, options)
        except CleanerError:  # bad input, over the size or time limit
            out.append(None)
            continue
        except Exception:  # noqa: BLE001 - one odd page must not stop the count
            log.warning("%s: not counted for recurrence", record.name, exc_info=True)
            out.append(None)
            continue
        out.append((key, *summarize(lines)))
    return out


_worker_rules: list[RuleSet] = []  # a counting worker's rules, loaded once when it starts


def _start_worker(rule_paths: tuple[str, ...] | None) -> None:
    from cleaner.rulebook.loader import load_rules_for

    _worker_rules.append(load_rules_for(rule_paths))


def _worker_summaries(chunk: list[InputRecord], options: Options) -> list[Any]:
    return _summaries(chunk, _worker_rules[0], options)


def _records(items: Iterable[InputRecord | Item]) -> Iterator[InputRecord]:
    for rec in items:
        record = rec.record if isinstance(rec, Item) else rec
        if record is not None:
            yield record


def _chunks(records: Iterator[InputRecord]) -> Iterator[list[InputRecord]]:
    chunk: list[InputRecord] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build_stats(records: Iterable[InputRecord | Item], rules: RuleSet | None = None,
                options: Options = DEFAULT_OPTIONS, workers: int = 0,
                rule_paths: Iterable[str] | None = None) -> RecurrenceStats:
    """Count line recurrence per site over `records` (input records or `read_inputs`
    items), in this process or in `workers` processes (which load `rule_paths`, default
    the bundled rules; `rules` is for this process).

    >>> from cleaner.core.records import InputRecord
    >>> pages = [InputRecord(str(i), f"Sign in\\nStory {i} is its own text.") for i in range(3)]
    >>> build_stats(pages).pages("*")
    3
    """
    builder = StatsBuilder()
    if workers <= 0:
        rules = rules or default_rules()
        for chunk in _chunks(_records(records)):
            _add_all(builder, _summaries(chunk, rules, options))
        return builder.freeze()
    from concurrent.futures import ProcessPoolExecutor

    from cleaner.runner.pool import context

    paths = tuple(rule_paths) if rule_paths else None
    in_flight: deque[Any] = deque()
    with ProcessPoolExecutor(workers, mp_context=context(), initializer=_start_worker,
                             initargs=(paths,)) as pool:
        # at most 4 chunks a worker in flight: the inputs stream, in order
        for chunk in _chunks(_records(records)):
            in_flight.append(pool.submit(_worker_summaries, chunk, options))
            if len(in_flight) >= 4 * workers:
                _add_all(builder, in_flight.popleft().result())
        while in_flight:
            _add_all(builder, in_flight.popleft().result())
    return builder.freeze()


def _add_all(builder: StatsBuilder, summaries: list[Any]) -> None:
    for summary in summaries:
        if summary is not None:
            builder.add_summary(*summary)
