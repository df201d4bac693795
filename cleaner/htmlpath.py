"""The HTML path: from markup to the text the line stages read.

Only this module and `extract.py` know about markup. (A first version: trafilatura on the
whole page; DOM rules, related cards from markup and the over-pruning guard come next.)
"""

from __future__ import annotations

from dataclasses import dataclass

from .extract import extract_text
from .records import Related, Removal
from .ruleset import Active


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    related: tuple[Related, ...] = ()
    removed: tuple[Removal, ...] = ()
    notes: tuple[str, ...] = ()


def html_to_text(html: str, url: str | None, active: Active) -> Extracted:
    return Extracted(extract_text(html, url))
