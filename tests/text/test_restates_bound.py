"""`topic_pairs._restates` tests a bound before it stems the teaser: it must answer as the
plain stem comparison does, on lines that share stems, pieces of stems, or none."""

from __future__ import annotations

import random

from cleaner.text import topic_pairs
from cleaner.text.topic_pairs import MIN_HEADLINE_SHARE, MIN_SHARED_STEMS, stems

WORDS = ("council", "councillors", "ferry", "ferries", "library", "libraries", "harbour",
         "budget", "budgets", "rescue", "rescued", "crew", "offering", "offer", "café",
         "Straße", "ΟΔΟΣ", "İstanbul", "the", "and", "from", "repairs", "vessel", "island")


def _plain(headline: str, teaser: str) -> bool:
    head = stems(headline)
    if not head:
        return False
    shared = len(head & stems(teaser))
    return shared >= MIN_SHARED_STEMS and shared / len(head) >= MIN_HEADLINE_SHARE


def test_restates_answers_as_the_plain_comparison() -> None:
    rnd = random.Random(5)
    glue = (" ", " ", ", ", "’s ", "-", "")
    for _ in range(4000):
        head = "".join(rnd.choice(WORDS) + rnd.choice(glue) for _ in range(rnd.randint(1, 8)))
        teaser = "".join(rnd.choice(WORDS).upper() if rnd.random() < 0.1 else rnd.choice(WORDS)
                         + rnd.choice(glue) for _ in range(rnd.randint(0, 20)))
        assert topic_pairs._restates(head, teaser) == _plain(head, teaser), (head, teaser)
