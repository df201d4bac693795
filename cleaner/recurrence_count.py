"""The first pass of a recurrence run: count each site's lines over the inputs.

Each page contributes the lines the text stages will see, under the site key the cleaning
pass will give it (`recurrence.site_key`), so the two passes agree. A text page costs a
decode, a site detection and a split; an HTML page needs its extraction, so it costs a full
clean (the pass is about as long as the cleaning one for HTML, ~10% of it for text).
Pages that fail to decode are skipped here: the cleaning pass reports them.
"""

from __future__ import annotations

from collections.abc import Iterable

from .decode import decode_input, looks_like_html
from .errors import CleanerError
from .inputs import Item
from .options import DEFAULT_OPTIONS, Options
from .pipeline import analyze, default_rules, usable_url
from .records import InputRecord
from .recurrence import RecurrenceStats, StatsBuilder, site_key
from .ruleset import RuleSet

__all__ = ["build_stats", "page_lines"]


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


def build_stats(records: Iterable[InputRecord | Item], rules: RuleSet | None = None,
                options: Options = DEFAULT_OPTIONS) -> RecurrenceStats:
    """Count line recurrence per site over `records` (input records or `read_inputs` items).

    >>> from cleaner.records import InputRecord
    >>> pages = [InputRecord(str(i), f"Sign in\\nStory {i} is its own text.") for i in range(3)]
    >>> build_stats(pages).pages("*")
    3
    """
    rules = rules or default_rules()
    builder = StatsBuilder()
    for rec in records:
        record = rec.record if isinstance(rec, Item) else rec
        if record is None:
            continue
        try:
            key, lines = page_lines(record, rules, options)
        except CleanerError:
            continue
        builder.add(key, lines)
    return builder.freeze()
