"""Evidence across pages: a made-up site's chrome recurs on every page and leaves; its
stories, a recurring subhead between paragraphs and a recurring related card stay."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from cleaner.commands.main import main
from cleaner.core.records import InputRecord
from cleaner.engine.options import DEFAULT_OPTIONS
from cleaner.engine.pipeline import analyze, clean_record
from cleaner.runner.recurrence_count import build_stats
from cleaner.text.recurrence import (
    GENERIC_POOL,
    GENERIC_RULE,
    MAX_LINE_CHARS,
    RecurrenceStats,
    StatsBuilder,
    StatsError,
    line_key,
    load_stats,
    save_stats,
    site_key,
)

HOST = "www.gazette-example.test"
RULE = "recurrence-gazette-example.test"
# Chrome of the made-up site, none of it known to any rule file.
CHROME = ["Gazette Example", "Sign in to save stories", "Get the morning briefing free.",
          "Most read this week", "Weather: Harbourtown"]
CARD = "Harbour cranes return to the old port after a decade | Gazette"
SUBHEAD = "Here's what we know:"
PLACES = ["Aldbury", "Brindle", "Corwick", "Dunmore", "Elsford", "Farrow", "Glenholt",
          "Hexley", "Ivybridge", "Jessop"]


def story(i: int) -> list[str]:
    p = PLACES[i]
    return [
        f"{p} council approves a new footbridge over the river",
        f"Councillors in {p} voted on Tuesday to build a footbridge linking the market "
        f"square with the station, ending a {i + 3}-year argument over the crossing.",
        SUBHEAD,
        f"The bridge will cost about {i + 2} million and should open within two years, "
        f"the council's planning lead said after the meeting in {p} town hall.",
        f"Residents of {p} who opposed the scheme said they would keep campaigning for a "
        f"cheaper ferry instead, and asked for the plans to be published in full.",
    ]


def page(i: int, chrome_from: int = 0) -> str:
    # the chrome sits under the headline, where the title stage cannot tell it from a
    # standfirst by shape (above it, the headline's echo in the story would tell them)
    head, told = CHROME[chrome_from:], story(i)
    lines = [told[0], *head[:3], f"{i + 1} hours ago", *told[1:], "", *head[3:],
             "Further Reading", CARD,
             f"{PLACES[(i + 1) % len(PLACES)]} market reopens after repairs | Gazette"]
    return "\n".join(lines)


def records(n: int, url: bool = True) -> list[InputRecord]:
    return [InputRecord(f"p{i}", page(i), f"https://{HOST}/news/{i}" if url else None)
            for i in range(n)]


def removed_by(result, rule: str) -> list[str]:
    return [r.text for r in result.removed if r.rule == rule]


def test_chrome_that_recurs_leaves_and_stories_stay():
    recs = records(8)
    stats = build_stats(recs)
    assert stats.pages("gazette-example.test") == 8
    options = replace(DEFAULT_OPTIONS, recurrence=stats)
    for i, rec in enumerate(recs):
        plain, res = clean_record(rec), clean_record(rec, options=options)
        leaked = [c for c in CHROME if c in plain.text.splitlines()]
        assert leaked, "the synthetic chrome must be something the rules alone miss"
        assert not [c for c in CHROME if c in res.text.splitlines()]
        assert set(removed_by(res, RULE)) >= set(leaked)
        assert all(r.category == "boilerplate" for r in res.removed if r.rule == RULE)
        for line in story(i)[1:]:  # every body line, the recurring subhead included
            assert line in res.text.splitlines()
        assert res.title == story(i)[0]
        # the card on every page stays a related item, not a removal of this stage
        assert CARD.split(" | ")[0] in [r.title for r in res.related]
        assert len(res.related) == len(plain.related) == 2


def test_ages_and_dates_recur_as_one_key():
    assert line_key("34 minutes ago") == line_key("2 hours ago") == line_key("a day ago")
    assert line_key("21 Mar 2025, 2:05 PM") == line_key("3 April 2024, 11:40 PM")
    assert line_key("Councillors voted") != line_key("Councillors met")


def test_explain_names_the_rule_for_each_line():
    recs = records(6)
    options = replace(DEFAULT_OPTIONS, recurrence=build_stats(recs))
    a = analyze(recs[0], options=options)
    fates = {ln.text: (ln.fate, ln.rule) for ln in a.lines}
    assert fates["Sign in to save stories"] == ("noise", RULE)
    assert fates[SUBHEAD] == ("body", None) or fates[SUBHEAD][0] == "undecided"


def test_too_few_pages_is_no_evidence_and_says_so():
    recs = records(4)
    options = replace(DEFAULT_OPTIONS, recurrence=build_stats(recs))
    res = clean_record(recs[0], options=options)
    assert not removed_by(res, RULE)
    assert any("fewer than 5" in n for n in res.notes)
    assert clean_record(recs[0]).notes == ()  # no note without a recurrence run


def test_pages_without_site_or_url_pool_under_the_generic_rule():
    recs = records(7, url=False)
    stats = build_stats(recs)
    assert set(stats.sites) == {GENERIC_POOL}
    res = clean_record(recs[2], options=replace(DEFAULT_OPTIONS, recurrence=stats))
    assert "Sign in to save stories" in removed_by(res, GENERIC_RULE)


def test_share_threshold():
    # chrome on 5 of 10 pages: 0.5 of the site
    recs = [InputRecord(f"p{i}", page(i, chrome_from=0 if i < 5 else 5), f"https://{HOST}/{i}")
            for i in range(10)]
    stats = build_stats(recs)
    at_half = clean_record(recs[0], options=replace(DEFAULT_OPTIONS, recurrence=stats))
    above = clean_record(recs[0], options=replace(DEFAULT_OPTIONS, recurrence=stats,
                                                   recurrence_share=0.6))
    assert "Sign in to save stories" in removed_by(at_half, RULE)
    assert "Sign in to save stories" not in removed_by(above, RULE)


def test_counting_in_worker_processes_gives_the_same_stats():
    recs = records(10) + [InputRecord("bad", b"\xff\xfe" * 3, f"https://{HOST}/bad")]
    assert build_stats(recs, workers=2).to_dict() == build_stats(recs).to_dict()


def test_copies_of_one_page_are_counted_once():
    # the same story crawled six times: its sentences must not become "chrome"
    recs = [InputRecord(f"c{i}", page(0), f"https://{HOST}/news/0?v={i}") for i in range(6)]
    stats = build_stats(recs)
    assert stats.pages("gazette-example.test") == 1 and stats.copies == 5
    res = clean_record(recs[0], options=replace(DEFAULT_OPTIONS, recurrence=stats))
    assert story(0)[1] in res.text


def test_site_key():
    assert site_key("daily8", "https://test.daily8.com/x") == "daily8"
    assert site_key(None, "https://www.news.example/a") == "news.example"
    assert site_key(None, "m.news.example") == "news.example"
    assert site_key(None, None) == GENERIC_POOL


def test_stats_file_round_trip_is_bounded(tmp_path):
    b = StatsBuilder()
    for i in range(5):
        b.add("s", ["Sign in", f"only on page {chr(97 + i)}", "x" * (MAX_LINE_CHARS + 1)])
    stats = b.freeze(max_keys=10)
    assert dict(stats.sites["s"].lines) == {"sign in": 5}  # single-page and long lines out
    path = tmp_path / "stats.json"
    save_stats(stats, path)
    data = json.loads(path.read_text())
    assert data == {"version": 1, "copies": 0,
                    "sites": {"s": {"pages": 5, "lines": {"sign in": 5}}}}
    assert load_stats(path).to_dict() == stats.to_dict()
    capped = StatsBuilder()
    for _ in range(3):
        capped.add("s", [f"line {chr(97 + k)}" for k in range(10)])
    assert len(capped.freeze(max_keys=4).sites["s"].lines) == 4


@pytest.mark.parametrize("content, message", [
    ("not json", "not JSON"),
    ('{"version": 9}', "not a cleaner recurrence stats file"),
    ('{"version": 1, "sites": {"s": {"pages": "many"}}}', "site 's'"),
])
def test_bad_stats_files_name_the_file(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(StatsError, match=message) as err:
        load_stats(path)
    assert str(path) in str(err.value)


def test_stats_are_read_only_inputs():
    stats = RecurrenceStats()
    with pytest.raises(AttributeError):
        stats.sites = {}  # type: ignore[misc]


# --- command line -----------------------------------------------------------------------

@pytest.fixture
def pages(tmp_path):
    d = tmp_path / "pages"
    d.mkdir()
    rows = [json.dumps({"id": f"p{i}", "url": f"https://{HOST}/news/{i}", "text": page(i)})
            for i in range(8)]
    (d / "batch.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return d / "batch.jsonl"


def _results(folder) -> dict[str, dict]:
    out = {}
    for path in folder.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out[r["id"]] = r
    return out


def test_cli_auto_and_stats_file_give_the_same_results(pages, tmp_path, capsys):
    assert main(["clean", str(pages), "--out", str(tmp_path / "auto"), "-q",
                 "--recurrence", "auto"]) == 0
    assert main(["stats", str(pages), "--out", str(tmp_path / "s.json"), "--workers", "2"]) == 0
    assert main(["clean", str(pages), "--out", str(tmp_path / "file"), "-q", "--workers", "2",
                 "--recurrence", str(tmp_path / "s.json")]) == 0
    auto, file = _results(tmp_path / "auto"), _results(tmp_path / "file")
    assert len(auto) == 8 and auto == file
    assert all(any(r["rule"] == RULE for r in res["removed"]) for res in auto.values())
    capsys.readouterr()
    assert main(["explain", str(pages), "--color", "never",
                 "--recurrence", str(tmp_path / "s.json")]) == 0
    assert RULE in capsys.readouterr().out


def test_cli_refuses_stdin_and_bad_stats(pages, tmp_path, capsys):
    assert main(["clean", "-", "--recurrence", "auto"]) == 2
    assert "cannot re-read stdin" in capsys.readouterr().err
    assert main(["stats", "-", "--out", str(tmp_path / "s.json")]) == 2
    assert main(["clean", str(pages), "--recurrence", str(tmp_path / "missing.json")]) == 2
    assert "missing.json" in capsys.readouterr().err
    assert main(["clean", str(pages), "--recurrence", "auto",
                 "--recurrence-share", "1.5"]) == 2
    assert main(["explain", str(pages), "--recurrence", "auto"]) == 2


def test_dask_engine_takes_the_stats(pages, tmp_path):
    pytest.importorskip("distributed")
    from cleaner.runner.daskrun import run_dask

    stats = build_stats(records(8))
    options = replace(DEFAULT_OPTIONS, recurrence=stats)
    import distributed

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        run_dask([str(pages)], tmp_path / "dask", client=client, options=options)
    results = _results(tmp_path / "dask")
    assert len(results) == 8
    assert all(any(r["rule"] == RULE for r in res["removed"]) for res in results.values())


def test_labels_need_a_lower_share_sentences_the_full_one():
    # an outlet label on 3 of 10 pages is the site's chrome; a sentence on 3 of 10 is not,
    # and a label on only 2 pages is too little evidence
    def extra(i: int) -> list[str]:
        out = []
        if i < 3:
            out += ["Northern Wire", "Councils across the region face the same squeeze."]
        if i in (3, 4):
            out.append("Coastal Desk")
        return out

    def subhead(i: int, lines: list[str]) -> None:
        # a story's subhead on 3 of 10 pages, after a caption: not between two paragraphs,
        # but it opens one, so it stays (wcxb's "Conclusion")
        if i < 3:
            k = lines.index(story(i)[4])
            lines[k:k] = ["Photo: the river crossing", "Conclusion"]

    recs = []
    for i in range(10):
        lines = page(i).split("\n")
        subhead(i, lines)
        lines[4:4] = extra(i)  # under the chrome, before the age line
        recs.append(InputRecord(f"p{i}", "\n".join(lines), f"https://{HOST}/n/{i}"))
    options = replace(DEFAULT_OPTIONS, recurrence=build_stats(recs))
    first, fourth = (clean_record(recs[k], options=options) for k in (0, 3))
    assert "Northern Wire" in removed_by(first, RULE)
    assert "Councils across the region face the same squeeze." not in removed_by(first, RULE)
    assert "Coastal Desk" not in removed_by(fourth, RULE)
    assert "Conclusion" in first.text.splitlines()
    only_full = replace(options, recurrence_label_share=0.5)
    assert "Northern Wire" not in removed_by(clean_record(recs[0], options=only_full), RULE)


def test_counting_memory_is_bounded_and_chrome_survives_pruning():
    b = StatsBuilder()
    for i in range(1000):
        b.add_keys("big", {"sign in", "most read", f"story {i} a", f"story {i} b",
                           *(["weekly label"] if i % 5 == 0 else [])})
    counts = b.freeze().sites["big"]
    assert counts.pages == 1000
    assert counts.lines["sign in"] == 1000 and counts.lines["most read"] == 1000
    assert 190 <= counts.lines["weekly label"] <= 200  # low by at most 1000/100
    assert len(b._lines["big"]) <= 3 + 2 * 100  # stories of the last window at most


def test_templated_pages_keep_their_story():
    # one template, different facts: the numbers make each page's story its own, and a
    # page never loses its last paragraph to recurrence
    recs = [InputRecord(f"w{i}", "Sign in to save stories\n"
                        f"Harbourtown weather for day {i}\n"
                        f"Harbourtown will see a high of {10 + i} degrees and a low of {i} "
                        f"degrees on day {i}, with winds of {20 + i} km/h from the west.\n",
                        f"https://{HOST}/weather/{i}") for i in range(8)]
    options = replace(DEFAULT_OPTIONS, recurrence=build_stats(recs))
    for rec in recs:
        res = clean_record(rec, options=options)
        assert rec.content.splitlines()[2] in res.text
        assert "Sign in to save stories" in removed_by(res, RULE)
        assert res.title == rec.content.splitlines()[1]  # the template's headline stays
    # folded or not, the guard alone keeps the last paragraph
    from cleaner.core.lines import split_lines
    from cleaner.text.recurrence import mark_recurring

    lines = split_lines("Sign in\n" + story(0)[1])
    stats = StatsBuilder()
    for _ in range(6):
        stats.add_keys("s", {line_key("Sign in"), line_key(story(0)[1])})
    mark_recurring(lines, "s", stats.freeze(), 0.5, 5)
    assert [ln.fate for ln in lines] == ["noise", "undecided"]


def test_a_recurring_related_card_keeps_its_teaser_as_a_related_item():
    # Daily8-shaped pages (its card layout, text written here): the same card, teaser
    # included, closes every page; it recurs on all of them and stays a related item
    teaser = ("Volunteers counted more than two hundred nesting terns on the shingle spit, "
              "the highest number since the reserve opened to the public.")
    card = ["Related Articles", "", "Tern colony returns to the shingle spit",
            "Tern colony returns to the shingle spit", "", "Reuters", "", "time3 days ago", "",
            "  • Reuters", "", "Tern colony returns to the shingle spit", "", teaser]
    recs = []
    for i in range(8):
        body = story(i)
        text = "\n".join(["logo", body[0], "", body[0], "", "Reuters12-03-2025", *body[1:],
                          "Try Our AI Features", "", *card])
        recs.append(InputRecord(f"d{i}", text, f"https://www.daily8.com/news/{i}"))
    stats = build_stats(recs)
    assert stats.share("daily8", line_key(teaser)) == 1.0  # the teaser does recur
    options = replace(DEFAULT_OPTIONS, recurrence=stats)
    for i, rec in enumerate(recs):
        plain, res = clean_record(rec), clean_record(rec, options=options)
        assert res.site == "daily8"
        assert res.related == plain.related
        assert [(r.title, r.teaser) for r in res.related] == [
            ("Tern colony returns to the shingle spit", teaser)]
        assert not [r for r in res.removed if r.rule == "recurrence-daily8"
                    and r.text in (teaser, "Tern colony returns to the shingle spit")]
        assert res.text == plain.text and story(i)[4] in res.text
