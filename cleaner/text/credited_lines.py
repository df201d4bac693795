"""Captions inside the story, told by the picture credit that closes them, and the alt
text printed over a caption.

A text dump keeps a picture's caption as a line of the story. The rule files know the
credit shapes that name an agency after a slash ("Photograph: Name/AP"); other desks
close a caption with a credit of another shape: "Photograph: Supplied, Author provided"
(The Conversation), "(AP Photo)", "(Getty Images)", "- Getty Images", "(Club Name/PA)",
"(Courtesy of the library)", "© Tom's Guide" (MSN). A story's sentence does not end with
a photographer's credit, so a short line that does is a caption wherever it sits. These
shapes are judged on text dumps only: on HTML the markup has placed the captions already.

Above a caption, inkl and The Conversation print the picture's alt text: a short line
that describes the same picture in other words ("A young lime tree behind a metal guard"
over "A newly planted lime tree on a residential street. Photograph: ..."). It shares
content words with the caption; a subhead above a picture does not describe it. Samples
297-361 (inkl, Yahoo, NewsBreak, MSN) set the shapes.
"""

from __future__ import annotations

import re

from cleaner.core.lines import Line
from cleaner.text.content_words import content_words

__all__ = ["mark_credited_lines", "CREDITED_LINE"]

CREDITED_LINE = "generic-credited-line"
MAX_CAPTION_CHARS = 250  # a caption is a sentence or two; a longer line is a paragraph
MAX_ALT_WORDS = 14  # an alt text is a phrase
MIN_SHARED_WORDS = 2  # content words an alt text shares with its caption
MIN_COPY_CHARS = 20  # the caption printed again under it without its credit (its alt text)
_CREDIT_END = re.compile(
    r"(?:^|\. )Photograph: [^.!?/]{2,80}$"  # "Photograph: Supplied, Author provided"
    r"|\((?:AP|AFP|Reuters|EPA|PA) Photo(?:/[^()]{1,40})?\)$"  # "(AP Photo)", "(AP Photo/X)"
    r"|\((?:Getty Images|Shutterstock|Alamy)\)$"
    r"|\([A-Z][^()/]{1,40}/[A-Z][^()/]{1,30}\)$"  # "(Kelsall Rovers FC/PA)"
    r"|\(Courtesy(?: of)? [^()]{2,60}\)$"
    r"| © [A-Z][\w'’ .&-]{1,30}(?:/[\w'’ .&-]{1,20})?$"  # "… in green. © Tom's Guide"
    # and a photographer with the agency: "© Britta Pedersen/dpa" (MSN, sample 606)
    # "Abell raises his bat - Getty Images" (MSN, sample 557): a picture library after a
    # dash; a wire's name there ("- Reuters") may close a story's line, a library's not.
    r"|[\w)] [-–—] (?:[\w ]{1,20} via )?(?:Getty Images|Shutterstock|Alamy(?: Stock Photo)?"
    r"|PA (?:Wire|Images))$")
_LIBRARY_ENDS = ("Images", "Shutterstock", "Alamy", "Photo", "Wire")
_COMMON = frozenset({"from", "with", "that", "this", "their", "into", "after", "over"})


def _credit_end(text: str) -> bool:
    """`_CREDIT_END` searched only on lines that can hold one of its forms (a credit
    label, a closing parenthesis, a copyright sign): most lines hold none, and the
    string tests cost less than the search (this runs on every open line)."""
    return (("Photograph: " in text or text.endswith(")") or " © " in text
             or text.endswith(_LIBRARY_ENDS))
            and bool(_CREDIT_END.search(text)))


def _describes(alt: str, caption: str) -> bool:
    """A short line that shares content words with the caption below it."""
    if len(alt.split()) > MAX_ALT_WORDS or alt.endswith((":", "?", "!")):
        return False
    own = content_words(alt, _COMMON)
    shared = own & content_words(caption, _COMMON)
    return len(shared) >= MIN_SHARED_WORDS and 3 * len(shared) >= len(own)


def mark_credited_lines(lines: list[Line]) -> None:
    """Decide credited captions, and the alt text over any caption, as captions.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Old trees on the high street\\n"
    ...     "Old oak trees line the high street. Photograph: Supplied\\nThe council said ...")
    >>> mark_credited_lines(page)
    >>> [ln.fate for ln in page]
    ['noise', 'noise', 'undecided']
    """
    live = [ln for ln in lines if ln.fate != "blank"]
    for ln in live:
        if ln.open and len(ln.text) <= MAX_CAPTION_CHARS and _credit_end(ln.text):
            ln.decide("noise", "caption", CREDITED_LINE)
    for above, ln in zip(live, live[1:]):
        if (above.open and ln.category == "caption" and ln.fate == "noise"
                and not ln.text.startswith(above.text.rstrip("."))  # generic-caption-alt's
                and _describes(above.text, ln.text)):
            above.decide("noise", "caption", CREDITED_LINE)
    for ln, below in zip(live, live[1:]):
        if (below.open and ln.rule == CREDITED_LINE and len(below.text) >= MIN_COPY_CHARS
                and ln.text.startswith(below.text)):
            below.decide("noise", "caption", CREDITED_LINE)  # the caption again, uncredited
