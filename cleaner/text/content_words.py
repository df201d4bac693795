"""A line's content words, for the stages that ask whether a line is on the story's topic.

Closing promos, credits and publishing notes are told from the story's own short lines by
topic: a line whose words the story uses is the story's. The stages that ask it count the
same words: letters only, four or more (shorter ones are mostly function words), lower-case.
"""

from __future__ import annotations

from cleaner.core.letters import lower_runs

MIN_WORD_CHARS = 4  # "views", "funding", "browser"; "the", "and", "for" are not topic


def content_words(text: str, common: frozenset[str] = frozenset()) -> set[str]:
    """The line's words of MIN_WORD_CHARS letters or more, lower-cased, without `common`
    (the caller's list of frequent words that say nothing of a topic)."""
    return {w for w in lower_runs(text, MIN_WORD_CHARS) if w not in common}
