"""A card's title and source as printed, tidied once its lines are known.

Lists number their cards ("2. Airline apologises ...") and headline networks glue the
outlet's name to every title: these are the list's marks, not the story's words. Each card
reader (`card_anchored`, `card_spans`) builds its items through these helpers, so the
fields come out alike whatever found the cards.
"""

from __future__ import annotations

import re
from dataclasses import replace

import re2

from cleaner.core.records import Related
from cleaner.text.card_lines import MIN_CARDS

# A card title after its number in the list, with or without a stop ("1 Families ...").
_COUNTED = re.compile(r"^(?P<n>\d{1,3})[.)]? (?P<title>\S.{11,})$")
# A numbered card title ("2. Airline apologises ..."): the number is the list's.
_NUMBERED = re2.compile(r"^\d{1,3}[.)] (?P<title>\S.*)$")

def card_title(text: str) -> str:
    m = _NUMBERED.search(text) if text[0].isdigit() else None
    return m.group("title") if m else text


def unnumbered(items: list[Related]) -> list[Related]:
    """Cards numbered in a row ("1 Families wait ...", "2 Army says ..."): the numbers are
    the list's. A lone number before a title is the title's ("4 hurt after ...")."""
    nums = [m for m in (_COUNTED.search(it.title) for it in items) if m]
    if len(items) < MIN_CARDS or len(nums) != len(items):
        return items
    first = int(nums[0].group("n"))
    if [int(m.group("n")) for m in nums] != list(range(first, first + len(items))):
        return items
    return [replace(it, title=m.group("title")) for it, m in zip(items, nums)]



def bulleted(text: str) -> str:
    return text.lstrip("•·*–- ")


def shared_source(items: list[Related]) -> list[Related]:
    """Headline networks glue the outlet's name to the end of every title ("... by Sunday
    Lakeshoreherald"): a last word all the cards share is their source, not their title."""
    ends = {it.title.rsplit(" ", 1)[-1] for it in items}
    if len(items) < MIN_CARDS or len(ends) != 1 or not all(" " in it.title for it in items):
        return items
    word = ends.pop()
    return [replace(it, title=it.title[:-len(word)].rstrip(), source=it.source or word)
            for it in items]


