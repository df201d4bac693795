"""Appeals to the reader written as full sentences: newsletter and app promos, paywall and
subscription notices, donation and tip-line boxes.

They are paragraphs, so the shape stages keep them, and their wording varies too much for
one rule per template ("Want the best of our climate coverage in your inbox? Sign up ...",
"You've read 3 of your 5 free articles", "That means we rely on readers like you. A gift
of any size helps us ...", "Got a story? Email our news team ..."). What they share is
who speaks to whom about what: the outlet (we, our, us) addresses the reader (you, your)
or tells them to act (a sentence opened by "Subscribe", "Sign up", "Donate", "Email"),
about the outlet's offer (a newsletter, the app, a subscription, a donation, its
reporting). A story's line reports on others: its "we" and "you" sit inside quotation
marks, which are left out before the test.

A line that has all three is an appeal; the lines around it that speak for the outlet or
name an offer ("Already a subscriber? Log in"), and short ones to the reader ("Before you
go..."), join the block. Samples 089 and 141-143 set the word lists.
"""

from __future__ import annotations

import re

import re2

from cleaner.core.lines import Line

__all__ = ["mark_appeals", "READER_APPEAL"]

READER_APPEAL = "generic-reader-appeal"
MAX_APPEAL_CHARS = 400  # an appeal box line; a longer line is a story's paragraph
MIN_APPEAL_CHARS = 20  # "Subscribe" alone is left to the block around an appeal
SHORT_JOIN_WORDS = 6  # "Before you go...", "Your support makes all the difference."

# A sentence glued to the next without a space ("...the difference.One of Colorado's ...");
# an autoblog copy glues an appeal's last sentence to the story's first paragraph.
_GLUED = re.compile(r"[a-z][.!?](?=[A-Z][a-z])")
GLUED_STORY_CHARS = 100  # what follows the glue is a paragraph, not a short appeal line
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_READER = re.compile(r"(?i)\b(?:you|your|yours|you've|you're|you’ve|you’re)\b")
_OUTLET = re.compile(r"(?i)\b(?:we|our|us|we're|we've|we’re|we’ve)\b")
# The outlet's own words as a sentence uses them: lower case, or capitalised where a
# sentence starts. "Our" inside a name ("the Improve Our Tulsa bond package", NewsBreak,
# sample 604) and "US" (the country) speak for no outlet.
_OUTLET_SAID = re.compile(r"\b(?:we|our|us|we're|we've|we’re|we’ve)\b"
                          r"|(?:^|[.!?] )(?:We|Our|Us|We're|We've|We’re|We’ve)\b")
# What the outlet offers or asks for. RE2: it is tried on every open line of a text page,
# and Python's engine took 100 us a page on the seeds (RE2 36 us; the text path's budget
# is about 700 us a page).
_OFFER = re2.compile(
    r"(?i)\b(?:newsletters?|inbox|paywalls?|subscri(?:be|bed|ber|bers|ption|ptions)|donat(?:e|ion|ions)"
    r"|free articles?|unlimited access|tax-deductible|gifts?|contribut(?:e|ion)"
    r"|support (?:our|us|independent)|your support|(?:our|the) app|notifications|sign(?: |-)up"
    r"|email (?:us|our)|whatsapp|news (?:team|desk)"
    r"|(?:facebook|instagram|twitter|tiktok|youtube) (?:page|account|channel|group))\b")
# A sentence that tells the reader to act on the offer.
_CALL = re.compile(
    r"(?:^|[.!?] )(?:Subscribe|Sign up|Donate|Download|Email|Support|Join|Give)\b")


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text) if '"' in text or "“" in text else text


def _is_appeal(text: str) -> bool:
    """The outlet addressing the reader about its offer (see the module docstring)."""
    if not MIN_APPEAL_CHARS <= len(text) <= MAX_APPEAL_CHARS or not _OFFER.search(text):
        return False  # most lines: one RE2 scan
    plain = _unquoted(text)
    if plain is not text and not _OFFER.search(plain):
        return False
    reader, outlet = _READER.search(plain), _OUTLET.search(plain)
    return bool((reader and outlet) or ((reader or outlet) and _CALL.search(plain)))


def _glued_story(text: str) -> bool:
    """An appeal sentence glued to a story paragraph: the part after the glue is long and
    neither addresses the reader nor speaks for the outlet nor names an offer. The line
    is the story's first paragraph, and the story must not be lost for its first words."""
    glue = _GLUED.search(text)
    if glue is None:
        return False
    rest = _unquoted(text[glue.end():])
    return (len(rest) >= GLUED_STORY_CHARS and not _OFFER.search(rest)
            and not _READER.search(rest) and not _OUTLET.search(rest))


def _joins(text: str) -> bool:
    """A line of the appeal's block: it speaks for the outlet or names an offer, or is a
    few words to the reader ("Before you go..."). A longer line that only addresses the
    reader is a story's advice ("If you pay by direct debit, you can ask ...", sample 014)."""
    plain = _unquoted(text)
    if len(text) > MAX_APPEAL_CHARS:
        return False
    if _OUTLET_SAID.search(plain) or _OFFER.search(plain):
        return True
    return len(text.split()) <= SHORT_JOIN_WORDS and bool(_READER.search(plain))


def mark_appeals(lines: list[Line]) -> None:
    """Decide appeal blocks as promo noise.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("The council met on Tuesday.\\nBefore you go...\\n"
    ...                    "We rely on readers like you. A gift of any size helps us.")
    >>> mark_appeals(page)
    >>> [ln.fate for ln in page]
    ['undecided', 'noise', 'noise']
    """
    live = [ln for ln in lines if ln.fate != "blank"]
    core = [k for k, ln in enumerate(live) if ln.open and "  " not in ln.text
            and _is_appeal(ln.text) and not _glued_story(ln.text)]
    for k in core:
        live[k].decide("noise", "promo", READER_APPEAL)
    for k in core:
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(live):
                ln = live[j]
                if ln.open:
                    if not _joins(ln.text) or _glued_story(ln.text):
                        break
                    ln.decide("noise", "promo", READER_APPEAL)
                elif ln.rule != READER_APPEAL and ln.fate not in ("noise", "meta"):
                    break  # the title, a related card: the block ends
                j += step
