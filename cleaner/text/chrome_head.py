"""Headings that speak of the page or to the reader, not in the story's own words.

A line ending in ':' announces the lines under it. When the story says it ("What the plan
includes:", "Here are the main points from the release:") the lines under it are the
story's; when the page says it ("Related articles:", "Share this:", "Follow us on:",
"Explore what X can do for you:") they are links and widgets. Shared by the guards that
keep a list the story announces (`colon_lists`, `live_entries`, `tail_chrome`).
"""

from __future__ import annotations

import re

CHROME_HEAD = re.compile(
    r"(?i)\b(?:for you|you (?:may|might|can)|follow|share|like this|related|recommend\w*"
    r"|more (?:from|on|about)|read (?:more|next|also)|also read|see also|trending|popular"
    r"|latest|updates|articles?|stories|newsletters?|tags?|topics?|sign (?:up|in)"
    r"|subscribe|download|contact|about us|in this|more in|also (?:on|in)|don'?t miss"
    r"|editor'?s|watch|listen|podcasts?|videos?|photos?|gallery|comments?)\b")
MIN_INTRO_WORDS = 3  # "More here:" announces an embed, not a list


def story_intro(text: str) -> bool:
    """The line announces a list in the story's words: it ends in ':', has a few words and
    none of the page's or the reader's (`CHROME_HEAD`)."""
    return (text.endswith(":") and len(text.split()) >= MIN_INTRO_WORDS
            and CHROME_HEAD.search(text) is None)
