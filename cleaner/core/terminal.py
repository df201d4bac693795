"""Text bound for a terminal, with the control characters that could drive it made visible.

Input text and file names are the page author's: an ESC sequence in a title can rename the
terminal window, clear the screen or hide lines (issue #12). `explain`, `--format text` and
the error lines on stderr show such characters as `\\x1b`-style escapes instead.
"""

from __future__ import annotations

# C0 controls except tab and newline, DEL, the C1 controls (0x9b is a one-byte CSI), and
# the bidirectional overrides that reorder what is shown.
# Lone surrogates (from JSON escapes) cannot be written to a UTF-8 terminal at all.
_UNSAFE = [*(c for c in range(0x20) if c not in (0x09, 0x0A)), 0x7F, *range(0x80, 0xA0),
           *range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0xD800, 0xE000)]
_TABLE = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _UNSAFE}
_ONE_LINE = {**_TABLE, 0x0A: "\\n", 0x09: "\\t"}


def safe(text: str | None) -> str:
    """`text` with terminal control characters escaped; newlines and tabs kept.

    >>> safe("Title\\x1b]0;pwned\\x07")
    'Title\\\\x1b]0;pwned\\\\x07'
    """
    return (text or "").translate(_TABLE)


def safe_line(text: str | None) -> str:
    """As `safe`, with newlines and tabs escaped too: for one-line messages."""
    return (text or "").translate(_ONE_LINE)
