"""Language and script: which one the article is in, and which lines are in another.

langdetect costs about 1.5 ms a call (7 ms on a short text, where it needs more trials), is
poor on short lines and is random unless seeded, so it is the last resort: scripts decide
most documents, and stopword counts decide Latin-script ones; langdetect only breaks ties,
once per document, on a bounded sample. A short English text (a listing's headlines, a
one-paragraph video page) has too few stopwords for the count: `_plainly_english` settles
it when nothing in it points elsewhere, so langdetect, and its 67 MB of profiles, are not
loaded for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from cleaner.core.letters import ascii_words, lower_runs

LANGDETECT_SAMPLE_CHARS = 2_000
FOREIGN_LINE_MIN_LETTERS = 3
FOREIGN_LINE_MAX_SHARE = 0.3  # a line with less than this share in the main script is foreign
STOPWORD_LINE_MIN_WORDS = 8
# Kanji-only lines are common on Japanese pages (the benchmark has several): kanji and kana
# are one writing system for the foreign-line check, and 5% kana marks a page Japanese.
JAPANESE_MIN_KANA_SHARE = 0.05
_SAME_WRITING = {"han": ("han", "kana"), "kana": ("han", "kana")}

_SCRIPTS: dict[str, re.Pattern[str]] = {
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "greek": re.compile(r"[\u0370-\u03ff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
    "bengali": re.compile(r"[\u0980-\u09ff]"),
    "tamil": re.compile(r"[\u0b80-\u0bff]"),
    "thai": re.compile(r"[\u0e00-\u0e7f]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    "han": re.compile(r"[\u4e00-\u9fff]"),
}
_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN = re.compile(r"[\u0370-\u1dff\u2c00-\ud7ff\uf900-\ufdff\ufe70-\ufeff]")
_SCRIPT_LANGUAGE = {"greek": "el", "hebrew": "he", "thai": "th", "hangul": "ko",
                    "kana": "ja", "tamil": "ta"}
_STOPWORDS = {
    "en": "the and of to in is that for it with as was on are be by this from at have has "
          "not but said which will were their they would been",
    "de": "der die und das ist nicht mit den von zu sich des auf für ein eine im dem auch "
          "es als wird werden sie bei",
    "fr": "le la les et des est un une du que dans pour pas qui sur au avec ce il sont par "
          "plus elle ont été",
    "es": "el la los las y de que en un una es por para con no se del al su lo como más "
          "pero sus fue",
    "it": "il la di che e un una per non sono del della con si da le gli ha alla anche "
          "più nel è",
    "pt": "o a os as e de que em um uma para com não se do da dos das por mais foi ao "
          "são como",
    "nl": "de het een en van is dat op te in niet zijn met voor er aan ook als door maar "
          "worden",
}
_STOPSETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
# Other languages' stopwords that are English words too ("a", "as", "in", "is", "no"): in a
# text without accents they are no evidence against English.
_ENGLISH_TOO = frozenset(w for lang, stops in _STOPSETS.items() if lang != "en"
                         for w in stops & frozenset("a as in is no".split()))
# English stopwords that are common words of a language without a list here: Tagalog's
# "at" (and) would make a Tagalog text look English.
_NOT_ONLY_ENGLISH = frozenset({"at"})


def script_counts(text: str) -> dict[str, int]:
    return {name: len(p.findall(text)) for name, p in _SCRIPTS.items()}


def main_script(text: str) -> str | None:
    """The script most letters are in; one pass when Latin already holds the majority
    (nearly every page we see), twelve only for the rest."""
    if not _NON_LATIN.search(text):  # no letter of another script: a search, no counting
        return "latin" if _SCRIPTS["latin"].search(text) else None
    letters = len(_LETTER.findall(text))
    if not letters:
        return None
    if 2 * len(_SCRIPTS["latin"].findall(text)) > letters:
        return "latin"
    counts = script_counts(text)
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else None


def stopword_scores(text: str) -> dict[str, int]:
    """How many distinct stopwords of each language the text uses."""
    return _scores(set(lower_runs(text)))  # runs of letters, lower-cased (core.letters)


def _scores(words: set[str]) -> dict[str, int]:
    return {lang: len(stops & words) for lang, stops in _STOPSETS.items()}


def _plainly_english(text: str, words: set[str]) -> bool:
    """Too few stopwords to count, but all of them English: no accented letter, an English
    stopword (one that is no common word elsewhere), and no other language's stopword but
    those English writes too. langdetect answered English on every such text of the samples
    and of both benchmarks (13 sample pages, 7 ms each); another language's text shows one
    of its own stopwords or an accent long before it could pass."""
    if not ascii_words(text) or not (_STOPSETS["en"] & words) - _NOT_ONLY_ENGLISH:
        return False
    return all(not (stops & words) - _ENGLISH_TOO
               for lang, stops in _STOPSETS.items() if lang != "en")


@lru_cache(maxsize=1)
def _langdetect() -> Callable[[str], list[Any]]:
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0  # langdetect is random unless seeded, in every process
    detect: Callable[[str], list[Any]] = detect_langs
    return detect


def warm_langdetect() -> None:
    """Load langdetect's profiles now (about half a second) rather than on the first
    document that needs them."""
    by_langdetect("The council met on Monday to talk about the new library.")


def by_langdetect(text: str) -> str | None:
    """langdetect's answer alone (its first language), or None when it has none."""
    try:
        langs = _langdetect()(text[:LANGDETECT_SAMPLE_CHARS])
    except Exception:  # langdetect raises on text without features
        return None
    return langs[0].lang.split("-")[0] if langs else None


def detect_language(text: str, script: str | None = None) -> str | None:
    """ISO 639-1 code of the text, or None when there is nothing to judge.

    >>> detect_language("The minister said that the talks would go on for a week.")
    'en'
    """
    script = script or main_script(text)
    if script is None:
        return None
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script in ("han", "kana"):
        # Japanese mixes kanji with kana; a page with kana in it is Japanese, not Chinese.
        kana = len(_SCRIPTS["kana"].findall(text))
        return "ja" if kana >= JAPANESE_MIN_KANA_SHARE * len(_LETTER.findall(text)) else "zh"
    if script == "latin":
        sample = text[:LANGDETECT_SAMPLE_CHARS * 2]
        words = set(lower_runs(sample))
        ranked = sorted(_scores(words).items(), key=lambda kv: -kv[1])
        (top, n1), (_, n2) = ranked[0], ranked[1]
        if n1 >= 5 and n1 >= 2 * n2:
            return top
        if _plainly_english(sample, words):
            return "en"
    return by_langdetect(text)


def is_foreign_line(text: str, script: str | None, language: str | None) -> bool:
    """A line mostly in another script, or a long Latin line whose stopwords are another
    language's (a German quote left untranslated in an English story)."""
    if script is None:
        return False
    if script == "latin" and not _NON_LATIN.search(text):
        own = letters = 1  # no letter of another script: skip the counting
    else:
        letters = len(_LETTER.findall(text))
        if letters < FOREIGN_LINE_MIN_LETTERS:
            return False
        own = sum(len(_SCRIPTS[s].findall(text)) for s in _SAME_WRITING.get(script, (script,)))
    if own < FOREIGN_LINE_MAX_SHARE * letters:
        return True
    if script == "latin" and language in _STOPSETS:
        if text.count(" ") + 1 >= STOPWORD_LINE_MIN_WORDS:
            if not _STOPSETS[language].isdisjoint(text.lower().split()):
                return False  # one stopword of its own language: not foreign (cheap exit)
            scores = stopword_scores(text)
            other = max((n for lang, n in scores.items() if lang != language), default=0)
            return scores[language] == 0 and other >= 3
    return False
