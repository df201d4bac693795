"""How `rules learn` writes a proposed rule: its pattern, its category guess, its id.

The learner (`learn`) decides which lines and blocks recur across a site's pages; this
module turns the examples of one recurring shape into an anchored RE2 pattern a maintainer
can read (literal text, a slot word as \\S+, digits as \\d+, a relative time as the
generic macros), guesses its category from its words, and gives it an id unique among the
rules already loaded. Apart from the learner so that each reads on its own.
"""

from __future__ import annotations

import re

from cleaner.authoring.learn_pages import Shape, Shaper
from cleaner.core.lines import normalize

_CATEGORY_WORDS = (  # first match wins; a guess the maintainer confirms
    ("comment", re.compile(r"(?i)comment")),
    ("ad", re.compile(r"(?i)\b(?:advert\w*|sponsored|promoted)\b")),
    ("related", re.compile(r"(?i)\b(?:related|more from|latest|trending|read (?:more|next)|"
                           r"recommended|you may also)\b")),
    ("promo", re.compile(r"(?i)\b(?:app|apps|download|subscribe|newsletter|premium|upgrade|"
                         r"try|explore|features|sign up|follow)\b|app-store|play-store")),
    ("metadata", re.compile(r"(?i)\b(?:logo|background|image|avatar|icon|updated?)\b")),
)


def regex_for(texts: list[str], shape: Shape, shaper: Shaper, labels: set[str] | None = None
           ) -> str:
    """An anchored RE2 pattern for the examples of one shape."""
    if shape.kind == "time":
        opt = "|".join(sorted(_escape(x) for x in (labels or set()) if x))
        return f"^(?:{opt})?(?:{shaper.time_alts})$" if opt else f"^(?:{shaper.time_alts})$"
    if shape.kind == "prefix-time":
        return f"^(?P<source>[^\\d]{{2,60}}?) ?(?P<published>{shaper.time_alts})$"
    if shape.kind == "slot":  # one word varies: it becomes \S+, the rest stays literal
        slot = int(shape.label)
        words = texts[0].split()
        if len(words) == len(shape.key.split()):
            return "^" + " ".join("\\S+" if k == slot else _escape(w)
                                  for k, w in enumerate(words)) + "$"
        return "(?i)^" + " ".join("\\S+" if w == "<w>" else w
                                  for w in shape.key.split()) + "$"
    distinct = sorted(set(texts), key=texts.count, reverse=True)
    base = distinct[0]
    if len(distinct) == 1:
        return f"^{_escape(base)}$"
    # Variants differ in digits or case (they normalise alike): digits become \d+.
    pattern = re.sub(r"\d+", lambda m: "\\d+", _escape(base))
    same_case = len({t.lower() for t in distinct}) == len(distinct)
    return f"^{pattern}$" if same_case else f"(?i)^{pattern}$"


def _escape(text: str) -> str:
    return re.sub(r"([\\.^$|?*+()\[\]{}])", r"\\\1", text)


def category_of(text: str, default: str = "boilerplate") -> str:
    return next((cat for cat, rx in _CATEGORY_WORDS if rx.search(text)), default)


def _slug(text: str) -> str:
    words = normalize(text).replace("0", "").split()
    return "-".join(words[:5]) or "line"


class RuleIds:
    def __init__(self, site: str, taken: set[str]) -> None:
        self.site, self.taken = site, set(taken)

    def __call__(self, text: str) -> str:
        base = f"{self.site}-{_slug(text)}"
        rid, n = base, 2
        while rid in self.taken:
            rid, n = f"{base}-{n}", n + 1
        self.taken.add(rid)
        return rid
