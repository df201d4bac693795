"""`cleaner explain`: colour only in a terminal, and an HTML report that shows every removal.

The report is checked with lxml (no browser needed): one labelled, highlighted row per
removed line or DOM node, a legend whose counts add up, and nothing fetched from outside.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from cleaner.commands.main import main
from cleaner.core.records import InputRecord, Removal
from cleaner.engine.pipeline import Analysis, analyze
from cleaner.report.explain_html import render_html, write_report

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED = SEEDS / "001_f6ca94376d23a34d.txt"  # Daily8: drops, metadata, related cards


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze(InputRecord("001", SEED.read_bytes(), origin=str(SEED)))


def _doc(analysis: Analysis):
    return lxml.html.fromstring(render_html(analysis))


def test_every_removed_line_is_highlighted_and_labelled(analysis):
    doc = _doc(analysis)
    rows = doc.xpath('//div[contains(@class, "removed")]')
    removed = [ln for ln in analysis.lines if ln.fate in ("noise", "meta", "related")]
    assert len(rows) == len(removed) > 10
    for row, ln in zip(rows, removed):
        assert row.get("data-rule") == ln.rule and row.get("data-category") == ln.category
        assert "background:#" in row.get("style")
        assert row.xpath('string(.//span[@class="tag"])') == f"{ln.rule} · {ln.category}"
        assert row.xpath('string(.//span[@class="text"])') == ln.text
    kept = doc.xpath('//div[contains(@class, "fate-body")]')
    assert len(kept) == sum(ln.fate == "body" for ln in analysis.lines)
    assert {r.rule for r in analysis.result.removed} <= {r.get("data-rule") for r in rows}


def test_legend_counts_match_the_removals(analysis):
    doc = _doc(analysis)
    legend = {li.get("data-category"): int(li.xpath("string(b)"))
              for li in doc.xpath('//ul[@class="legend"]/li')}
    expected = Counter(ln.category for ln in analysis.lines
                       if ln.fate in ("noise", "meta", "related"))
    assert legend == dict(expected)
    titles = doc.xpath('//ol[@class="related-items"]/li/text()')
    assert [t.strip() for t in titles] == [r.title for r in analysis.result.related]


def test_report_is_self_contained_and_escapes_text():
    text = ("<b>Headline & more</b>\n\nA body paragraph long enough to count as a paragraph, "
            "with <script>alert(1)</script> inside.\nAdvertisement\n")
    a = analyze(InputRecord("x", text, kind="text"))
    html = render_html(a)
    doc = lxml.html.fromstring(html)
    assert not doc.xpath("//script | //link | //img | //iframe | //*[@src]")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert doc.xpath('//div[@data-rule="generic-ad-label"]')


def test_dom_removals_get_their_own_rows(analysis, tmp_path):
    dom = (Removal("Subscribe to our newsletter", "promo", "demo-dom-newsletter"),)
    a = Analysis(analysis.result, analysis.lines, dom)
    out = tmp_path / "r.html"
    write_report(a, out)
    doc = lxml.html.parse(str(out)).getroot()
    [row] = doc.xpath('//div[@data-rule="demo-dom-newsletter"]')
    assert "fate-dom" in row.get("class") and row.xpath('string(span[@class="no"])') == "DOM"


DEMO_SITE = """site: demo
hosts: [demo.example]
dom:
  drop:
    - id: demo-newsletter-box
      category: promo
      select: 'div.newsletter'
"""
DEMO_PAGE = """<!DOCTYPE html><html><head><title>Quay late</title></head><body><article>
<h1>Harbour quay to open a year late after winter storms</h1>
<p>The harbour authority said on Monday that the new deep-water quay would open in the spring
of next year, twelve months later than planned.</p>
<div class="newsletter"><p>Sign up to the Coastal Briefing newsletter for the harbour news.</p>
</div><p>Storms in January and February damaged the foundations twice, and engineers had to
redesign the sea wall before work could resume.</p><p>Advertisement</p></article></body></html>
"""


def test_html_input_shows_dom_and_line_removals(tmp_path, capsys):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "generic.yaml").write_text((SEEDS.parent / "rules" / "generic.yaml").read_text())
    (rules / "demo.yaml").write_text(DEMO_SITE)
    page, out = tmp_path / "page.html", tmp_path / "report.html"
    page.write_text(DEMO_PAGE)
    assert main(["--rules", str(rules), "explain", str(page), "--url", "https://demo.example/a",
                 "--color", "never", "--html", str(out)]) == 0
    text = capsys.readouterr().out
    assert "DOM  promo      demo-newsletter-box" in text
    doc = lxml.html.parse(str(out)).getroot()
    [dom] = doc.xpath('//div[@data-rule="demo-newsletter-box"]')
    assert "Coastal Briefing" in dom.text_content()
    assert doc.xpath('//div[@data-rule="generic-ad-label"]')
    body = doc.xpath('//div[contains(@class,"fate-body")]//text()')
    assert "Coastal Briefing" not in " ".join(body)


def test_cli_colour_only_when_asked_or_a_terminal(tmp_path, capsys):
    assert main(["explain", str(SEED), "--color", "never"]) == 0
    plain = capsys.readouterr().out
    assert "\033[" not in plain and "DROP  promo      daily8-ai-upsell" in plain
    assert main(["explain", str(SEED), "--color", "always"]) == 0
    assert "\033[31m" in capsys.readouterr().out
    assert main(["explain", str(SEED)]) == 0  # auto: captured stdout is not a terminal
    assert "\033[" not in capsys.readouterr().out
    out = tmp_path / "report.html"
    assert main(["explain", str(SEED), "--html", str(out)]) == 0
    assert lxml.html.parse(str(out)).xpath('//div[@data-rule="daily8-ai-upsell"]')
