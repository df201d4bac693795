"""Shortcuts taken for speed give the answers of the long way: the story's echo of a few
lines, the per-page memory of token types and paragraphs, a line's open flag. Texts are
written for these tests."""

from __future__ import annotations

from cleaner.core.lines import forget_paragraphs, is_paragraph, normalize, split_lines
from cleaner.text.card_lines import classify, forget_tokens
from cleaner.text.title_evidence import echo_share, echo_shares, story_words

PAGE = split_lines(
    "Harbour trust plans new ferry pier\n"
    "Unique coverage by outlet\n"
    "Ferry piers planned by the harbour trusts\n"
    "\n"
    "The harbour trust said on Monday that a new ferry pier will be built by spring, "
    "after storms damaged the old one.\n"
    "Islanders have waited years for the planned pier, and ferries will run from it daily.")


def test_echo_shares_match_echo_share_against_the_whole_story() -> None:
    texts = [ln.text for ln in PAGE[:3]]
    for start in (0, 3, 4, 5, len(PAGE)):
        story = story_words(PAGE, start)
        assert echo_shares(texts, PAGE, start) == [echo_share(t, story) for t in texts]
        # without the texts' own copies (the title stage's way): the same shortcut holds
        copies = frozenset(normalize(t) for t in texts)
        story = story_words(PAGE, start, copies)
        assert echo_shares(texts, PAGE, start, skip_copies=True) == [
            echo_share(t, story) for t in texts]


def test_remembered_answers_equal_fresh_ones() -> None:
    texts = [ln.text for ln in PAGE if ln.text]
    first = [(classify(t), is_paragraph(t)) for t in texts]
    again = [(classify(t), is_paragraph(t)) for t in texts]
    forget_tokens()
    forget_paragraphs()
    fresh = [(classify(t), is_paragraph(t)) for t in texts]
    assert first == again == fresh
    assert [p for _, p in fresh] == [False, False, False, True, True]


def test_open_follows_every_decision() -> None:
    page = split_lines("One\n\nTwo")
    assert [ln.open for ln in page] == [True, False, True]
    page[0].decide("noise", "nav", "x")
    page[2].decide("undecided", None, None)
    assert [ln.open for ln in page] == [False, False, True]
