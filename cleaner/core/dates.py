"""Dates as pages print them ("5 hours ago", "June 12, 2025", "Tue 11 Jun 2025 06.00 BST")
read as ISO 8601, when they can be read without guessing.

A relative age needs the moment the copy was taken (the record's `captured`): "5 hours ago"
in a page captured 2025-06-12T10:00Z was published 2025-06-12T05:00Z. Days and longer are
given as a date; a month or a year ago is too vague for a day and stays printed. A numeric
date whose day and month could be swapped (03-04-2025) stays printed as well.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_UNITS = {"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "m": 60, "min": 60,
          "mins": 60, "minute": 60, "minutes": 60, "h": 3600, "hr": 3600, "hrs": 3600,
          "hour": 3600, "hours": 3600, "d": 86400, "day": 86400, "days": 86400,
          "w": 604800, "week": 604800, "weeks": 604800}
_AGO = re.compile(r"^(an?|\d{1,3}|a few) ?([a-z]+) ago$", re.I)
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?"
_MDY = re.compile(rf"^{_WEEKDAY}{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", re.I)
_DMY = re.compile(rf"^{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH},? (\d{{4}})\b", re.I)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\b")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                       r"(?:Z|[+-]\d{2}:?\d{2})?$")
SAME_DAY_UNITS = 86400  # ages under a day keep the time of day


def _captured(captured: str | None) -> datetime | None:
    if not captured:
        return None
    try:
        return datetime.fromisoformat(captured.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _relative(raw: str, captured: str | None) -> str | None:
    now = _captured(captured)
    if now is None:
        return None
    text = raw.strip().lower()
    if text == "just now":
        return now.isoformat()
    if text == "yesterday":
        return (now - timedelta(days=1)).date().isoformat()
    m = _AGO.match(text)
    if not m or m.group(2) not in _UNITS:
        return None
    count = {"a": 1, "an": 1, "a few": 3}.get(m.group(1).lower())
    seconds = (count or int(m.group(1))) * _UNITS[m.group(2)]
    when = now - timedelta(seconds=seconds)
    return when.isoformat() if seconds < SAME_DAY_UNITS else when.date().isoformat()


def _absolute(raw: str) -> str | None:
    text = " ".join(raw.split())
    try:
        if _ISO_TIME.match(text):  # a machine timestamp printed as is: keep time and offset
            return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        if m := _MDY.match(text):
            return date(int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2])).isoformat()
        if m := _DMY.match(text):
            return date(int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1])).isoformat()
    except ValueError:  # 31 June
        return None
    return None


def read_date(raw: str | None, captured: str | None = None) -> str | None:
    """ISO 8601 for a printed date, or None when it cannot be read for sure.

    >>> read_date("5 hours ago", "2025-06-12T10:00:00+00:00")
    '2025-06-12T05:00:00+00:00'
    >>> read_date("2 days ago", "2025-06-12T10:00:00Z"), read_date("2 days ago")
    ('2025-06-10', None)
    >>> read_date("Tue, June 10, 2025 06.00 BST"), read_date("03-04-2025")
    ('2025-06-10', None)
    """
    if not raw or not raw.strip():
        return None
    return _absolute(raw) or _relative(raw, captured)
