"""How often an author or a date agrees with a benchmark's truth, for `cleaner eval`.

Agreement is judged the way a reader would: a date agrees when it names the same day (the
truth gives dates only; a time or offset on ours is extra, not wrong), an author when one of
the names on either side is the same person's name once case, accents, punctuation and
credentials ("Jane Doe, PhD") are set aside.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

_NAME_SPLIT = re.compile(r"\s*(?:,|;|\||/|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)
_NOT_LETTER = re.compile(r"[^\w\s]|\d|_")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
MIN_NAME_CHARS = 3  # "MS", "RD": credentials split off a name are no name


def names(value: str | None) -> set[str]:
    """The normalised person names in an author field."""
    if not value:
        return set()
    value = unicodedata.normalize("NFKD", value)
    value = "".join(c for c in value if not unicodedata.combining(c))
    value = re.sub(r"^(?:by|written by|von|par|por)\s+", "", value.strip(), flags=re.I)
    out = set()
    for part in _NAME_SPLIT.split(value):
        part = " ".join(_NOT_LETTER.sub(" ", part).casefold().split())
        if len(part) >= MIN_NAME_CHARS:
            out.add(part)
    return out


def same_author(truth: str | None, ours: str | None) -> bool:
    return bool(names(truth) & names(ours))


def day(value: str | None) -> str | None:
    m = _DAY.match(value.strip()) if value else None
    return "-".join(m.groups()) if m else None


def same_day(truth: str | None, ours: str | None) -> bool:
    return day(truth) is not None and day(truth) == day(ours)


@dataclass(frozen=True, slots=True)
class Agreement:
    """Pages whose truth has the field, and how many of them each system got right."""

    field: str
    pages: int
    cleaner: int
    trafilatura: int

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "pages": self.pages, "cleaner": self.cleaner,
                "trafilatura": self.trafilatura}


def agreement(field: str, truth: list[str | None], ours: list[str | None],
              baseline: list[str | None]) -> Agreement:
    same = same_author if field == "author" else same_day
    have = [k for k, t in enumerate(truth) if t]
    return Agreement(field, len(have), sum(same(truth[k], ours[k]) for k in have),
                     sum(same(truth[k], baseline[k]) for k in have))
