"""Lines of a headline's size that are chrome by their shape, whatever the site.

The title stage ranks head lines by size and case, and several kinds of chrome have a
headline's size: an author's name with their role ("Tamsin Greaves, Senior Lecturer in
Urban Ecology, Ellesmere University", as The Conversation's reprints print it above the
headline), a "Story by Priya Nandan" byline (MSN), a picture credit of names joined by
slashes ("Jordan Miles/Tribune News Service/TNS"), a skip link ("Skip to Related
Content"), a short appeal ("Keep Factually independent", "Support our journalism") and a
capitals label glued to an icon's alt text, a row of labelled fields ("Partner: X |
Publish date: 2/12").
Each is told by its shape (capitalised segments between commas or slashes, a "by" before a
name, an imperative verb opening a line of three to five words), not by a site's wording:
a headline has a verb and lower-case words, and never names its own author.
"""

from __future__ import annotations

import re

__all__ = ["chrome_shape"]

# A person's name: two or three capitalised words ("Priya Ramanathan", "Ana de la Cruz" is
# left to the byline rules: lower-case particles would also let headlines in).
_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2}"
# Small words a Title-Case role or affiliation keeps in lower case.
_SMALL = frozenset({"of", "in", "and", "at", "for", "the", "on", "&", "de", "du", "la"})
# "Story by Priya Nandan", "Words by Ana Ruiz", "Analysis by Tom Hale and Li Wei": one or two
# words, then "by" and names, maybe the story's age after a bullet ("Story by Nadia
# Kerrigan • 3h", MSN); "By X" alone is the generic byline rule's.
_BY_LINE = re.compile(rf"^[A-Z][a-z]+(?: [a-z]+)? by {_NAME}(?:(?:,| and| &) {_NAME})*"
                      r"(?: [•·|] .*)?$")
# Accessibility links of a template: "Skip to Related Content", "Skip directly to content".
_SKIP = re.compile(r"(?i)^(?:skip|jump) (?:directly )?to\b")
# Verbs that open an appeal to the reader, as appeals.py's calls to act; the line is short
# and names no event: "Keep Factually independent", "Support local journalism".
_APPEAL_VERB = frozenset({"Keep", "Support", "Subscribe", "Donate", "Join", "Help", "Back",
                          "Fund", "Become"})
APPEAL_MAX_WORDS = 5
SEGMENT_MAX_WORDS = 7  # a role or an affiliation; a longer segment is a clause
# A role has two words or more ("Senior Fellow", "CEO of NextSilicon"); a place's dateline
# has one after its comma ("Maple Heights, OH", sample 357).
MIN_ROLE_WORDS = 2
MAX_SEGMENTS = 4  # name, role, department, institution


def _capitalised(segment: str) -> bool:
    """Every word capitalised but the small ones: a name, a role, an institution."""
    words = segment.split()
    return bool(words) and len(words) <= SEGMENT_MAX_WORDS and all(
        w in _SMALL or w[0].isupper() or not w[0].isalpha() for w in words)


def _name_and_role(text: str) -> bool:
    """"Name Surname, Role, Institution": a name first, then up to three capitalised segments
    between commas, two words or more; a headline with a comma has a lower-case verb in
    some segment."""
    segments = [s.strip() for s in text.split(",")]
    return (2 <= len(segments) <= MAX_SEGMENTS and re.fullmatch(_NAME, segments[0]) is not None
            and all(_capitalised(s) for s in segments[1:])
            and sum(len(s.split()) for s in segments[1:]) >= MIN_ROLE_WORDS)


def _slashed_credit(text: str) -> bool:
    """"Jordan Miles/Tribune News Service/TNS", "Rowan Calloway / Alamy": names and agencies
    joined by slashes, every segment capitalised; two slashes, or one with spaces around
    it ("AC/DC announces tour" keeps its lower-case verb, and its slash is glued)."""
    if text.count("/") < 2 and " / " not in text:
        return False
    segments = [s.strip() for s in text.split("/")]
    return all(_capitalised(s) for s in segments if s)


def _appeal(text: str) -> bool:
    words = text.split()
    return (2 <= len(words) <= APPEAL_MAX_WORDS and words[0] in _APPEAL_VERB
            and not text.endswith(("?", ".")))


# A label in capitals glued to an icon's alt text, in lower case: "BLINDSPOT FOR THE RIGHT
# right arrows eye with a bar through it" (Ground News, sample 447). Four capitals words or
# more, then lower-case words only: a headline in capitals goes on in capitals, and one
# that opens with an acronym ("NASA TV coverage ...") has fewer.
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z'’&-]*(?: [A-Z][A-Z'’&-]*){3,}(?: [a-z][a-z'’-]*){3,}$")


# A row of labelled fields: "Partner: Fox Weather | Publish date: 2/12" (MSN, sample 483),
# "Source: X · Updated: 3 Feb". Two "Label: value" segments or more between separators,
# each label one to three words: a headline has one clause, not a form's fields.
_FIELD = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+){0,2}: \S")
_FIELD_SEPARATORS = re.compile(r" [|·•] ")
MIN_FIELDS = 2


def _fields(text: str) -> bool:
    segments = _FIELD_SEPARATORS.split(text)
    return len(segments) >= MIN_FIELDS and all(_FIELD.match(s.strip()) for s in segments)


def chrome_shape(text: str) -> str | None:
    """Why a headline-sized line is chrome ("name-role", "by-line", "credit", "skip-link",
    "appeal", "caps-label", "fields"), or None when it may be a headline.

    >>> chrome_shape("Priya Ramanathan, Senior Lecturer in Ecology")
    'name-role'
    >>> chrome_shape("Jordan Miles/Tribune News Service/TNS")
    'credit'
    >>> chrome_shape("Why city foxes are getting bolder") is None
    True
    """
    if _SKIP.match(text):
        return "skip-link"
    if _BY_LINE.match(text):
        return "by-line"
    if "/" in text and _slashed_credit(text):
        return "credit"
    if "," in text and _name_and_role(text):
        return "name-role"
    if _appeal(text):
        return "appeal"
    if _CAPS_LABEL.match(text):
        return "caps-label"
    if ": " in text and _fields(text):
        return "fields"
    return None
