"""`cleaner explain --html OUT`: the page with every removal highlighted and labelled.

Maintainers would rather look than read: the report shows the input's lines in order, kept
ones plain, removed ones struck through on a colour per category (related and metadata
lines, moved rather than dropped, in italics), each tagged with the rule id that took it;
what the HTML path dropped from the DOM on top, the related items read below, and a legend
with counts. One self-contained file: inline CSS, no script, nothing fetched.
"""

from __future__ import annotations

import os
from collections import Counter
from html import escape

from cleaner.core.records import CATEGORIES
from cleaner.engine.pipeline import Analysis

# One background per category; chosen to stay readable under dark text.
COLOURS = {
    "ad": "#ffb3b3", "promo": "#ffd59e", "caption": "#c9e4ff", "gallery": "#b9d7f5",
    "related": "#c8f0c8", "comment": "#e8d1ff", "nav": "#f2e6a7", "metadata": "#dcdcdc",
    "tags": "#f5c6e0", "markup": "#e0e0c0", "duplicate": "#d6ecec", "language": "#ffe0cc",
    "boilerplate": "#eeeeee",
}
_FATE_LABEL = {"noise": "removed", "meta": "metadata", "related": "related", "title": "title",
               "body": "kept"}
_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#fafafa;color:#222}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 6px} .meta{color:#555;font-size:13px}
main{max-width:1100px;margin:0 auto;padding:16px 24px}
h2{font-size:16px;margin:22px 0 8px}
.legend{display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:10px 0 0;list-style:none}
.legend li{padding:2px 8px;border-radius:10px;font-size:12px;border:1px solid #0002}
.line{display:flex;gap:10px;padding:3px 6px;border-radius:4px;margin:1px 0}
.no{color:#999;min-width:34px;text-align:right;font:12px/1.9 monospace}
.text{flex:1;white-space:pre-wrap;word-break:break-word}
.removed .text{text-decoration:line-through;text-decoration-color:#0006}
.fate-related .text,.fate-meta .text{text-decoration:none;font-style:italic}
.tag{font:11px/1.9 monospace;white-space:nowrap;padding:0 6px;border-radius:3px;
background:#fff9;border:1px solid #0003;height:1.9em}
.fate-title .text{font-weight:700;font-size:17px}
.related-items li{margin:3px 0} .src{color:#666;font-size:13px}
"""


def _tag(rule: str | None, category: str | None) -> str:
    return f'<span class="tag">{escape(rule or "?")} · {escape(category or "?")}</span>'


def _line(no: str, text: str, fate: str, rule: str | None, category: str | None) -> str:
    removed = fate in ("noise", "meta", "related", "dom")
    colour = COLOURS.get(category or "", "#eee") if removed else ""
    cls = f"line fate-{fate}" + (" removed" if removed else "")
    attrs = f' data-rule="{escape(rule or "")}" data-category="{escape(category or "")}"' \
        f' style="background:{colour}"' if removed else ""
    tag = _tag(rule, category) if removed else ""
    return (f'<div class="{cls}"{attrs} title="{escape(_FATE_LABEL.get(fate, fate))}">'
            f'<span class="no">{no}</span><span class="text">{escape(text)}</span>{tag}</div>')


def render_html(analysis: Analysis) -> str:
    """The whole report as one HTML string."""
    r = analysis.result
    rows: list[str] = []
    counts: Counter[str] = Counter()
    for rem in analysis.dom_removals:
        counts[rem.category] += 1
        rows.append(_line("DOM", rem.text, "dom", rem.rule, rem.category))
    dom_rows = len(rows)
    for ln in analysis.lines:
        if ln.fate == "blank":
            continue
        if ln.fate in ("noise", "meta", "related"):
            counts[ln.category or "boilerplate"] += 1
        rows.append(_line(str(ln.index + 1), ln.text, ln.fate, ln.rule, ln.category))
    kept = sum(ln.fate in ("body", "title") for ln in analysis.lines)
    line_rules = {ln.rule for ln in analysis.lines if ln.rule}
    inline = [rem for rem in r.removed  # spans cut out of kept lines by inline rules
              if rem.rule not in line_rules and rem not in analysis.dom_removals]
    legend = "".join(
        f'<li data-category="{c}" style="background:{COLOURS[c]}">{c} <b>{counts[c]}</b></li>'
        for c in CATEGORIES if counts[c])
    related = "".join(
        f'<li>{escape(x.title)} <span class="src">{escape(x.source or "")}'
        f'{" · " + escape(x.published) if x.published else ""}</span></li>' for x in r.related)
    meta = " · ".join(f"{k}: {escape(str(v))}" for k, v in (
        ("site", r.site or "(none: generic rules only)"), ("source", r.source),
        ("author", r.author), ("published", r.published), ("captured", r.captured),
        ("language", r.language)) if v)
    spans = "".join(_line("in", rem.text, "noise", rem.rule, rem.category) for rem in inline)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>cleaner explain: {escape(r.title or r.id)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f'<header><h1>{escape(r.title or "(no title)")}</h1><div class="meta">{meta}</div>',
        f'<div class="meta summary">{kept} line(s) kept, {sum(counts.values())} removed or '
        f'moved ({dom_rows} from the DOM), {len(r.related)} related item(s)</div>',
        f'<ul class="legend">{legend}</ul></header><main>',
        '<h2>Page, line by line</h2><section class="lines">', *rows, "</section>",
    ]
    if spans:
        parts += ['<h2>Spans removed inside kept lines</h2><section class="inline">', spans,
                  "</section>"]
    parts += [f'<h2>Related items ({len(r.related)})</h2>',
              f'<ol class="related-items">{related}</ol>', "</main></body></html>"]
    return "\n".join(parts)


def write_report(analysis: Analysis, path: str | os.PathLike[str]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(render_html(analysis))
