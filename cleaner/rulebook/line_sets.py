"""The patterns tried on every line, searched as a few RE2 sets that answer as one.

Why more than one: RE2 builds a set's automaton lazily, one state per combination of the
positions its patterns can be at, and keeps it for the process. A pattern with a wide counted
repetition (`[^\\n]{0,57}`, `{3,120}`: a window of positions) multiplies the states of every
other pattern in its set, so in one set a fresh worker spent most of its matching time building
states (on scrapinghub's 181 pages, in a fresh process: 0.6 ms a page against 0.1 once
built). Kept apart, the wide patterns' states add to the others' instead of multiplying them.
That matters for patterns searched at every position; anchored ones (below) live only while
a line's start can still match, so they share one set.

Why anchored apart: nearly every line pattern starts with `^`. An unanchored set reads every
byte of every line, whatever its patterns, and inside the pipeline each byte is a step
through states that are seldom in the CPU's cache (replayed in a tight loop a line costs ~5
us; with the cache flushed between lines ~55 us). An anchored set (`MatchSet`, the same
answers for patterns that start with `^`) stops as soon as no pattern can match any more: a
paragraph is read for a few dozen bytes, not to its end. The few unanchored patterns (a
credit at the end of a caption) keep their own small search sets, wide and narrow apart.

The answer is the union of the sets' answers, as positions in the one list given.
"""

from __future__ import annotations

import importlib
import re
import warnings
from typing import Any

import re2


def _stdlib(module: str, before_3_11: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        return importlib.import_module(before_3_11)


# The standard library's own regex parser, only to read a pattern's shape
_sre = _stdlib("re._constants", "sre_constants")
_sre_parse = _stdlib("re._parser", "sre_parse")

# A counted repetition whose upper bound is at least this (`{0,57}`, `{40}`) makes a pattern
# wide; its lower bound does not matter, nor does an unbounded one (`{10,}`: one state).
WIDE_REPEAT = 30
_COUNTED = re.compile(r"(?<!\\)\{(\d+)(?:,(\d*))?\}")
# RE2 spellings Python's parser does not read, given a Python spelling of the same shape
# (one character, or no width): Unicode classes, `\x{...}`, `\z`, `\C`.
_RE2_ESCAPES = re.compile(r"\\[pP](?:\{\^?\w+\}|\w)|\\x\{[0-9A-Fa-f]+\}|\\[zCQE]")
_PYTHON_SPELLING = {"z": r"\Z", "C": "."}


def is_wide(pattern: str) -> bool:
    """Whether the pattern holds a counted repetition of WIDE_REPEAT or more positions."""
    for m in _COUNTED.finditer(pattern):
        upper = m.group(1) if m.group(2) is None else m.group(2)
        if upper and int(upper) >= WIDE_REPEAT:
            return True
    return False


def _python_spelling(match: re.Match[str]) -> str:
    escape = match.group(0)
    if escape[1] in "pP":
        return r"\w"
    if escape[1] == "x":
        return f"\\U{int(escape[3:-1], 16):08x}"
    if escape[1] in "QE":  # a quoted run: its shape is not read here
        raise ValueError(escape)
    return _PYTHON_SPELLING[escape[1]]


def starts_anchored(pattern: str) -> bool:
    """Whether every match of the pattern starts at the text's start: each alternative at
    the top opens with `^`, and no multi-line flag makes `^` a line's start. Read with
    Python's parser once RE2's own escapes have a Python spelling; a pattern it cannot read
    counts as unanchored, which is always right (it is searched as before).

    >>> starts_anchored(r"(?i)^(?:ad|ads)$|^sponsored$"), starts_anchored(r"^a|b")
    (True, False)
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "possible nested set": RE2's [[:alpha:]]
            tree = _sre_parse.parse(_RE2_ESCAPES.sub(_python_spelling, pattern))
    except (re.error, ValueError, OverflowError, RecursionError):
        return False
    if tree.state.flags & re.MULTILINE:
        return False
    return _opens_with_start(list(tree))


def _opens_with_start(items: list[Any]) -> bool:
    if not items:
        return False
    op, av = items[0]
    if op == _sre.AT:
        return bool(av == _sre.AT_BEGINNING or av == _sre.AT_BEGINNING_STRING)
    if op == _sre.SUBPATTERN:
        add_flags, body = av[1], av[3]  # (group, add_flags, del_flags, body)
        return not add_flags & re.MULTILINE and _opens_with_start(list(body))
    if op == _sre.BRANCH:
        return all(_opens_with_start(list(b)) for b in av[1])  # (None, branches)
    return False


class LineSets:
    """Match(text) as one RE2 search set of `patterns` answers: the positions (in
    `patterns`) of the ones that match somewhere in text, as a list (RE2's order: callers
    that need one sort it). Raises re2.error when a set does not fit in memory."""

    __slots__ = ("_sets",)

    def __init__(self, patterns: list[str], options: re2.Options) -> None:
        anchored = [starts_anchored(p) for p in patterns]
        wide = [is_wide(p) for p in patterns]
        groups = (
            (re2.Set.MatchSet, [k for k in range(len(patterns)) if anchored[k]]),
            (re2.Set.SearchSet, [k for k in range(len(patterns))
                                 if not anchored[k] and not wide[k]]),
            (re2.Set.SearchSet, [k for k in range(len(patterns)) if not anchored[k] and wide[k]]),
        )
        self._sets: list[tuple[re2.Set, list[int]]] = []
        for make, group in groups:
            if not group:
                continue
            found = make(options)
            for k in group:
                found.Add(patterns[k])
            found.Compile()
            self._sets.append((found, group))

    def Match(self, text: str | bytes) -> list[int]:  # noqa: N802 - re2.Set's name
        if isinstance(text, str) and len(self._sets) > 1:
            text = text.encode("utf-8")  # once for all sets, as the binding would each time
        hits: list[int] = []
        for found, positions in self._sets:
            hits += [positions[k] for k in found.Match(text) or ()]
        return hits
