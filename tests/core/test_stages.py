"""The declared stage list (cleaner.core.stages) is what the pipeline runs, in its order;
every built-in stage that is a switch can be named in a site's `disable:`."""

from __future__ import annotations

import pytest

from cleaner.core.errors import RuleError
from cleaner.core.records import InputRecord
from cleaner.core.stages import STAGE_IDS, STAGES, SWITCHES, planned
from cleaner.engine.pipeline import analyze
from cleaner.rulebook.loader import default_rules, load_rules
from cleaner.text import cards, linerules, listing, recurrence, repeats, tail_chrome, title_pick

BODY = ("The harbour town opened its first new public library in fifty years on Monday, "
        "after a long campaign by residents.")
REPEATED = f"Harbour town opens a library\n\n{BODY}\nHarbour town opens a library\n{BODY} Again."
SITE = """site: demo
hosts: [demo.example]
disable: [generic-repeated-title]
"""


def test_ids_are_unique_and_switches_are_declared():
    assert len(set(STAGE_IDS)) == len(STAGE_IDS)
    assert SWITCHES <= set(STAGE_IDS)


@pytest.mark.parametrize("constant", [
    cards.CARD_RULE, listing.LISTING_CHROME, repeats.DOUBLED_SOURCE, title_pick.ABOVE_TITLE,
    title_pick.HEAD_FRAGMENT, repeats.CAPTION_PAIR, tail_chrome.TAIL_CHROME,
    repeats.REPEATED_TITLE, repeats.REPEATED_LINE, linerules.FOREIGN_LINE,
    recurrence.GENERIC_RULE])
def test_every_built_in_rule_id_is_a_declared_switch(constant):
    # the id a built-in stage writes on its removals is the id a site disables it by
    assert constant in SWITCHES


@pytest.mark.parametrize("kind", ["text", "html"])
def test_the_pipeline_runs_the_declared_stages_in_order(kind):
    content = REPEATED if kind == "text" else (
        f"<html><head><title>Harbour town opens a library</title></head><body><article>"
        f"<h1>Harbour town opens a library</h1><p>{BODY}</p><p>{BODY} Again.</p>"
        "</article></body></html>")
    ran = analyze(InputRecord("a", content, None, kind), default_rules()).stages
    assert ran == planned(kind == "html", frozenset({"generic-recurring-line"}))
    assert list(ran) == sorted(ran, key=STAGE_IDS.index)  # the declared order
    html_stages = {s.id for s in STAGES if s.layer == "html"}
    text_only = {s.id for s in STAGES if s.text_only}
    if kind == "text":
        assert not html_stages & set(ran) and text_only <= set(ran)
    else:
        assert html_stages <= set(ran) and not text_only & set(ran)


def test_a_site_can_switch_a_built_in_stage_off(make_rules):
    rules = load_rules([make_rules(demo=SITE)])
    generic = analyze(InputRecord("a", REPEATED, "https://other.example/a", "text"), rules)
    assert any(r.rule == "generic-repeated-title" for r in generic.result.removed)
    demo = analyze(InputRecord("a", REPEATED, "https://demo.example/a", "text"), rules)
    assert demo.result.site == "demo"
    assert "generic-repeated-title" not in demo.stages
    assert not any(r.rule == "generic-repeated-title" for r in demo.result.removed)
    assert demo.result.text.count("Harbour town opens a library") == 1  # kept in the body


def test_disable_still_refuses_an_unknown_id(make_rules):
    with pytest.raises(RuleError, match="neither a generic rule id nor a built-in stage"):
        load_rules([make_rules(demo=SITE.replace("generic-repeated-title", "no-such-id"))])


def test_explain_prints_the_declared_stages(capsys, tmp_path):
    from cleaner.commands.main import main

    page = tmp_path / "page.txt"
    page.write_text(REPEATED, encoding="utf-8")
    assert main(["explain", str(page), "--color", "never", "--stages"]) == 0
    out = capsys.readouterr().out
    assert "not run: page-meta, page-title" in out
    rows = [line.split()[1] for line in out.splitlines() if line[:2] in ("+ ", "- ")]
    assert rows == list(STAGE_IDS)
