"""Publisher's notes at the edges of a text page's body: disclaimers, licence and
republication notes, funding disclosures, "The post X appeared first on Y", browser
warnings, app and follow appeals, masthead mission statements.

They are sentences, so the shape stages keep them, and each outlet words them its own way
("Disclaimer: The views and comments expressed ...", "This article is republished from
... under a Creative Commons license", "X receives funding from ...", "You are using an
older browser version"). Two things tell them from a story's own sentences:

- where they sit: in the run of lines before the story's first paragraph or after its
  last one (the edges), never between two paragraphs of the story;
- what they talk about: the page, the outlet or the reader, not the story's topic. A
  line is a note when it carries the vocabulary of publishing (`_NOTE_WORDS`) and shares
  few content words with the rest of the body (`MAX_TOPIC_SHARE`); the headline's words
  are left out first, as "The post <headline> appeared first on Y" quotes it whole.

From each edge inward, notes are removed and short lines (a label, "Facebook Twitter")
are stepped over; the first story paragraph that is no note ends the walk. The same walk
drops a read-time widget printed with its separator dot ("·1 min read") and an age
between two dots ("• 4h •", MSN). Holdout pages of
NewsBreak, MSN, autoblog, The Conversation reprints set the word list; samples 200-229.
"""

from __future__ import annotations

import re

import re2

from cleaner.core.letters import ascii_words
from cleaner.core.lines import Line, is_paragraph
from cleaner.text.content_words import content_words

__all__ = ["mark_edge_notes", "EDGE_NOTE", "says_publishing"]

EDGE_NOTE = "generic-edge-note"
READ_TIME = "generic-read-time-dotted"
MAX_NOTE_CHARS = 400  # a note is one or two sentences; a longer line is the story's
MAX_TOPIC_SHARE = 0.5  # the share of a note's content words the body also uses

_NOTE_WORDS = re.compile(
    r"(?i)\b(?:disclaimer|views (?:and \w+ )?(?:expressed|are (?:those|their own))"
    r"|do(?:es)? not (?:necessarily )?(?:represent|reflect)|republished|reproduced"
    r"|creative commons|licen[cs]ed? (?:under|from)|under a \w+ licen[cs]e"
    r"|appeared first on|(?:was|were) (?:originally )?(?:posted|published) (?:by|on|in)"
    r"|receive[sd]? (?:\w+ ){0,2}funding|declares? no|disclos(?:e|ure)"
    r"|older browser|supported (?:version|browser)|best \w+ experience"
    r"|news never sleeps|hyperlocal|(?:we(?:'ve| have)?|here we) got you covered"
    r"|follow (?:us|me|him|her|them)\b|have a (?:news )?tip\b|sign up for|notifications"
    r"|click here|download (?:the|our) app"
    # the app by its stores: "download the new mid-day Android and iOS apps" (sample 588)
    r"|download (?:the |our )?(?:[\w-]+ ){0,3}(?:Android|iOS|iPhone)"
    r"(?: and (?:Android|iOS|iPhone))? apps?\b"
    # the page on its ads: "By allowing ads to appear on this site, you support ... great
    # journalism" (sample 615)
    r"|allowing ads|ad ?blocker|support (?:\w+ ){0,3}journalism"
    # a site's notice over its page: "We are updating our Terms of Use" (sample 566)
    r"|terms of (?:use|service)|privacy (?:policy|notice)"
    # an AI disclosure: "This post was written with the help of AI tools" (sample 459)
    r"|with the (?:help|assistance|use) of (?:AI|artificial intelligence)\b"
    # "Yahoo is using AI to generate takeaways" (sample 553); a feed copy's "has not been
    # edited by X staff and is auto-generated from a syndicated feed" (539); a wire
    # portal's "provides the information as is without warranty" (538)
    r"|(?:is|are) using (?:AI|artificial intelligence)\b|auto-generated|syndicated feed"
    r"|(?:has|have) not been edited|without warrant(?:y|ies)"
    # a summary site's box under the story: "You can also read news stories similar to
    # this one that we have collected from other news sources" (sample 541)
    r"|(?:stories|articles|news) similar to this\b"
    r"|independent and (?:neutral|non-?partisan)|aims to promote|our mission"
    r"|verified firsthand|knowledgeable sources"
    r"|(?:is|was) from the .{1,40} (?:edition|issue) of|subscribe to|already a subscriber"
    # where the copy came from, and the writer's bio under it ("X is the editor of Y")
    r"|(?:this|the) (?:article|story) (?:is|was|comes) from"
    r"|is (?:a|an|the) [\w -]{0,40}(?:editor|reporter|correspondent|columnist) (?:at|for|of|on)\b"
    # the outlet's own title for the writer: "X is The Independent's Wales correspondent,
    # covering transport" (inkl, sample 527)
    r"|is (?:the )?[\w]+['’]s [\w -]{0,40}(?:editor|reporter|correspondent|columnist)\b)")
# A piece of text that each branch of `_NOTE_WORDS` needs, lower-case: a line without any
# of them cannot match it. Python's engine tries every branch of `_NOTE_WORDS` at every
# word start (~12 us a line, 2% of the text path); RE2 finds these literals in one pass.
# Exact on lines whose word characters are all ASCII (`ascii_words`), where lower-casing
# is what case-blind matching does; other lines go to `_NOTE_WORDS` directly.
_NOTE_LITERALS = (
    "disclaimer", "views ", "do not ", "does not ", "republished", "reproduced",
    "creative commons", "licen", "appeared first on", "was posted", "were posted",
    "was published", "were published", "was originally", "were originally", "funding",
    "declare", "disclos", "older browser", "supported version", "supported browser",
    " experience", "news never sleeps", "hyperlocal", "got you covered", "follow us",
    "follow me", "follow him", "follow her", "follow them", "have a tip", "have a news tip",
    "sign up for", "notifications", "click here", "download ", "allowing ads", "adblocker",
    "ad blocker", "journalism",
    "independent and ", "aims to promote", "our mission", "verified firsthand",
    "knowledgeable sources", "is from the ", "was from the ", "subscribe to",
    "already a subscriber", "with the help of", "using ai", "using artificial",
    "auto-generated", "syndicated feed", "not been edited", "without warrant",
    "similar to this", "terms of use", "terms of service", "privacy policy",
    "privacy notice", "with the assistance of", "with the use of",
    "article is from", "article was from", "article comes from",
    "story is from", "story was from", "story comes from", "editor ", "reporter ",
    "correspondent ", "columnist ", "editor,", "reporter,", "correspondent,", "columnist,")
_NOTE_KEYS = re2.compile("|".join(_NOTE_LITERALS))
_READ_TIME = re.compile(r"^[·•|] ?\d{1,3} min(?:ute)?s? read$"
                       # an age between dots, or after one: "• 4h •", "• 1d" (sample 462)
                       r"|^[·•] ?\d{1,3} ?[mhdw](?: ?[·•])?$")


def says_publishing(text: str) -> bool:
    """A note's length and the vocabulary of publishing ("Disclaimer: ...", "Sign up for
    notifications ..."), whatever its topic: the listing test (`listing`) asks it of the
    paragraphs after a page's last card."""
    if len(text) > MAX_NOTE_CHARS:
        return False
    if ascii_words(text) and not _NOTE_KEYS.search(text.lower()):
        return False  # none of the words `_NOTE_WORDS` needs: one RE2 scan decides
    return _NOTE_WORDS.search(text) is not None


def _is_note(text: str, title: str | None, body_words: dict[str, int]) -> bool:
    """Publishing vocabulary and little of the story's topic (see the module docstring)."""
    if len(text) > MAX_NOTE_CHARS or not _NOTE_WORDS.search(text):
        return False
    own = content_words(text.replace(title, " ") if title else text)
    if not own:
        return True
    mine = content_words(text)
    shared = sum(1 for w in own if body_words.get(w, 0) - (w in mine) > 0)
    return shared / len(own) < MAX_TOPIC_SHARE


class _BodyWords:
    """How often each word is used in the open lines, counted the first time a line with
    a note's vocabulary asks (most pages have none at their edges)."""

    def __init__(self, live: list[Line]) -> None:
        self._texts = [ln.text for ln in live]
        self._counts: dict[str, int] | None = None

    def forget(self, text: str) -> None:
        """A line found to be a note is no longer the story's: its words stop counting, so
        a second note that quotes the first ("X appeared first on A." over "The post X
        appeared first on B.") is judged against the story alone."""
        counts = self.counts()
        for w in content_words(text):
            counts[w] -= 1

    def counts(self) -> dict[str, int]:
        if self._counts is None:
            self._counts = {}
            for text in self._texts:
                for w in content_words(text):
                    self._counts[w] = self._counts.get(w, 0) + 1
        return self._counts


def mark_edge_notes(lines: list[Line], title: str | None) -> None:
    """Decide notes at the start and the end of the open lines as boilerplate.

    >>> from cleaner.core.lines import split_lines
    >>> page = split_lines("Council approves new library\\n"
    ...     "The council approved a new library on Monday after a long debate in the chamber.\\n"
    ...     "Disclaimer: The views expressed here do not represent the opinions of the site.")
    >>> mark_edge_notes(page, "Council approves new library")
    >>> [ln.fate for ln in page]
    ['undecided', 'undecided', 'noise']
    """
    live = [ln for ln in lines if ln.open]
    if not live:
        return
    body = _BodyWords(live)
    for ln in live:
        if _READ_TIME.match(ln.text):
            ln.decide("noise", "metadata", READ_TIME)
    for order in (live, live[::-1]):
        for ln in order:
            if not ln.open:
                continue
            if says_publishing(ln.text) and _is_note(ln.text, title, body.counts()):
                ln.decide("noise", "boilerplate", EDGE_NOTE)
                body.forget(ln.text)
            elif is_paragraph(ln.text) or len(ln.text.split()) > 12:
                break  # the story's first (or last) paragraph: the edge ends
