"""cleaner: turn news pages scraped from aggregators into clean articles.

>>> from cleaner import clean
>>> clean("Headline\\n\\nBody paragraph long enough to be a paragraph of a news story, "
...       "ending with a stop.").title
'Headline'
"""

__version__ = "0.2.0"  # the one place: pyproject.toml reads it (tool.setuptools.dynamic)

from cleaner.api import clean_many
from cleaner.core.errors import CleanerError, FetchError, InputError, LimitError, RuleError
from cleaner.core.records import InputRecord, Related, Removal, Result
from cleaner.engine.options import Options
from cleaner.engine.pipeline import analyze, clean, clean_record
from cleaner.rulebook.loader import default_rules, load_rules
from cleaner.runner.recurrence_count import build_stats
from cleaner.text.recurrence import RecurrenceStats, load_stats, save_stats

__all__ = [
    "__version__", "clean", "clean_many", "clean_record", "analyze", "default_rules", "load_rules",
    "InputRecord", "Result", "Related", "Removal", "Options",
    "CleanerError", "RuleError", "InputError", "FetchError", "LimitError",
    "build_stats", "load_stats", "save_stats", "RecurrenceStats",
]
