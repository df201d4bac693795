"""An image's alt text, printed as a line of its own over the image's full caption.

Text dumps of inkl, The Conversation reprints and others keep both texts of a picture:
the short alt text ("A baker shapes loaves before dawn") and, on the next line, the
caption that starts with the same words and goes on ("A baker shapes loaves before dawn
at a shop in Leeds. Photograph: ..."). The caption stages recognise the long line by its
credit; the short one has no credit and no sentence, and stays as a subhead would.

The shape: a short line whose words are the first words of the next non-blank line, when
that next line has been decided a caption (non-body) already. Portals print a generated
description instead ("a flooded street with cars: Flooding in Devon") over the credit
("© Provided by PA Media"): lower-case, with the caption after a colon. A story's subhead repeated
at the start of its paragraph keeps the paragraph, so it is never matched.
"""

from __future__ import annotations

from cleaner.core.lines import Line

__all__ = ["mark_alt_text", "CAPTION_ALT"]

CAPTION_ALT = "generic-caption-alt"
MAX_ALT_WORDS = 14  # an alt text is a phrase; a longer line is a sentence of the story


def _prefix(short: str, long: str) -> bool:
    a, b = short.rstrip(".").split(), long.split()
    return 0 < len(a) < len(b) and b[:len(a)] == a or (
        len(a) < len(b) and [w.rstrip(".") for w in b[:len(a)]] == a)


def mark_alt_text(lines: list[Line]) -> None:
    """Decide an open alt-text line over its decided caption as noise.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("A baker shapes loaves\\nA baker shapes loaves at dawn. "
    ...                    "Photograph: Ann Lee")
    >>> page[1].decide("noise", "caption", "x")
    >>> mark_alt_text(page)
    >>> page[0].fate, page[0].rule
    ('noise', 'generic-caption-alt')
    """
    filled = [ln for ln in lines if ln.text.strip()]
    for ln, nxt in zip(filled, filled[1:]):
        if not ln.open or nxt.open or nxt.fate == "body" or len(ln.text.split()) > MAX_ALT_WORDS:
            continue
        if _prefix(ln.text, nxt.text) or (_described(ln.text) and nxt.text.startswith("©")):
            ln.decide("noise", "caption", CAPTION_ALT)


def _described(text: str) -> bool:
    """A portal's generated description over a credit: "a flooded street with cars:
    Flooding in Devon" (lower-case, the caption after a colon); a subhead is capitalised."""
    return text[:1].islower() and ": " in text
