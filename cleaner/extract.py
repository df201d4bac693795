"""The one module that imports trafilatura (pinned: its output changes between releases)."""

from __future__ import annotations

import trafilatura


def extract_text(html, url: str | None = None) -> str:
    """Main text of a page (string or lxml tree), paragraphs one per line; '' if none."""
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                               deduplicate=False, favor_precision=False)
    return text or ""
