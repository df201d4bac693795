"""Whether a line rule removes each of a page's lines anyway, asked line by line.

The shape readers (`listing_shape`) skip the lines a rule removes wherever they stand
("Article continues under ad", markup debris). Their walk stops after a few lines on most
pages, so the question is asked only of the lines it reaches, not of every open line.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.rulebook.model import Active

__all__ = ["RuleNoise"]


class RuleNoise(Sequence[bool]):
    """For each text, whether an any-zone line rule removes it (`Active.noise_anywhere`)."""

    def __init__(self, texts: list[str], active: Active) -> None:
        self._texts, self._active = texts, active

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, k: int) -> bool:  # type: ignore[override]
        return self._active.noise_anywhere(self._texts[k]) is not None
