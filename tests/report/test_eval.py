"""The benchmark metric on hand-computed cases, and `cleaner eval` on a tiny folder."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from functools import lru_cache

import pytest

from cleaner.commands.main import main
from cleaner.report.evaluate import (
    PageScore,
    load_benchmark,
    load_pages,
    score_page,
    score_words,
    shingles,
    summarize,
    summarize_words,
)
from cleaner.report.metadata_agreement import names, same_author, same_day
from tests.golden_tool import ROOT


def test_shingles_are_four_token_multisets_with_case_kept():
    assert shingles("a b c d a b c d") == Counter({
        ("a", "b", "c", "d"): 2, ("b", "c", "d", "a"): 1, ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1})
    assert shingles("Hello, world!") == Counter({("Hello", "world"): 1})  # short: one shingle
    assert shingles("  ... ") == Counter()
    assert ("A", "b", "c", "d") in shingles("A b c d")


def test_page_score_normalised_by_tp_fp_fn():
    s = score_page("a b c d e", "a b c d")  # truth abcd bcde, predicted abcd
    assert (s.tp, s.fp, s.fn) == (0.5, 0.0, 0.5)
    assert (s.precision, s.recall) == (1.0, 0.5)
    s = score_page("a b c d", "x a b c d")  # predicted xabc abcd: one right, one extra
    assert (s.tp, s.fp, s.fn) == (0.5, 0.5, 0.0)
    assert score_page("A b c d", "a b c d").tp == 0.0  # case kept
    both_empty = score_page("", "")
    assert (both_empty.precision, both_empty.recall) == (1.0, 1.0)


def test_summary_averages_over_the_right_pages():
    pages = [score_page("a b c d e", "a b c d"),  # P 1, R .5
             score_page("w x y z", ""),           # nothing predicted: recall 0, no precision
             score_page("", "p q r s")]           # empty truth: precision 0, no recall
    s = summarize(pages)
    assert s.precision == pytest.approx(0.5)   # (1 + 0) / 2
    assert s.recall == pytest.approx(0.25)     # (.5 + 0) / 2
    assert s.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)
    assert PageScore(0.5, 0.5, 0.0).f1 == pytest.approx(2 / 3)


BODY = ("The council voted on Tuesday to rebuild the old stone bridge over the river, "
        "after two years of closures that cut the village in half.")


def _page(i: int) -> str:
    return (f"<html><head><title>Bridge {i}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Bridge vote {i}</h1><p>{BODY}</p>"
            f"<p>Work starts in spring and should take {i + 2} months, the council said in a "
            "statement that thanked residents for their patience.</p></article>"
            "<footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>")


def test_eval_command_on_a_tiny_folder(tmp_path, capsys):
    (tmp_path / "html").mkdir()
    truth = {}
    for i in range(3):
        (tmp_path / "html" / f"p{i}.html.gz").write_bytes(gzip.compress(_page(i).encode()))
        truth[f"p{i}"] = {"articleBody": BODY, "url": f"https://example.org/{i}"}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    assert len(load_pages(tmp_path)) == 3
    out_json = tmp_path / "out.json"
    assert main(["eval", str(tmp_path), "--json", str(out_json)]) == 0
    printed = capsys.readouterr().out
    assert "cleaner" in printed and "trafilatura" in printed and "time ratio" in printed
    report = json.loads(out_json.read_text())
    assert len(report["pages"]) == 3
    assert report["cleaner"]["recall"] == pytest.approx(1.0)
    assert 0 < report["cleaner"]["precision"] <= 1


def test_eval_names_a_missing_folder(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "nope")]) == 2
    assert "ground-truth.json" in capsys.readouterr().err


def test_site_rules_for_benchmark_hosts_are_set_aside():
    from cleaner.report.evaluate import Page, set_aside_benchmark_sites
    from cleaner.rulebook.loader import default_rules

    rules = default_rules()
    pages = [Page("a", "https://www.thesun.co.uk/news/1/x/", "<html></html>", "")]
    kept, dropped = set_aside_benchmark_sites(rules, pages)
    assert dropped == ["thesun"]
    assert {s.name for s in kept.sites} == {s.name for s in rules.sites} - {"thesun"}


def test_word_scores_follow_the_wcxb_readme():
    s = score_words("The cat sat on the mat", "the cat sat")  # 3 of 3 right, 3 of 6 found
    assert (s.precision, s.recall) == (1.0, 0.5)
    assert s.f1 == pytest.approx(2 / 3)
    assert score_words("", "").f1 == 1.0  # nothing to find, nothing found
    assert (score_words("a b", "").precision, score_words("a b", "").recall) == (0.0, 0.0)
    summary = summarize_words([score_words("a b", "a b"), score_words("a b", "")])
    assert (summary.precision, summary.recall, summary.f1) == (0.5, 0.5, 0.5)  # F1 averaged


@pytest.mark.parametrize("truth, ours, agree", [
    ("Dylan Bailey, MS, RD, FAND", "Dylan Bailey", True),
    ("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen", "Natalie Nguyen", True),
    ("LEONARDO GARCÍA", "Leonardo Garcia", True),
    ("Jane Doe", "By Jane Doe", True),
    ("Jane Doe", "John Doe", False),
    ("Jane Doe", None, False),
])
def test_author_agreement_sets_case_accents_and_credentials_aside(truth, ours, agree):
    assert same_author(truth, ours) is agree


def test_date_agreement_is_the_same_day():
    assert same_day("2025-06-11", "2025-06-11T08:30:00+02:00")
    assert not same_day("2025-06-11", "2025-06-12")
    assert not same_day("2025-06-11", None)
    assert names("Maria & Katerina") == {"maria", "katerina"}


def test_eval_reads_the_wcxb_layout_and_lists_pages_losing_recall(tmp_path, capsys):
    (tmp_path / "html").mkdir()
    truth = {}
    for i in range(3):
        (tmp_path / "html" / f"p{i}.html.gz").write_bytes(gzip.compress(_page(i).encode()))
        truth[f"p{i}"] = {"main_content": BODY, "url": f"https://example.org/{i}",
                          "author": None, "published": "2025-06-11"}
    # a page whose truth is text the page does not hold: nobody finds it, nobody loses recall
    truth["p2"]["main_content"] = "zebra quokka narwhal"
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    bench = load_benchmark(tmp_path)
    assert bench.has_metadata and bench.metric.name.startswith("WCXB")
    out_json = tmp_path / "out.json"
    assert main(["eval", str(tmp_path), "--json", str(out_json)]) == 0
    printed = capsys.readouterr().out
    assert "word F1" in printed and "pages with recall more than 0.1 below" in printed
    assert "published agrees with the truth on 3 pages" in printed
    report = json.loads(out_json.read_text())
    assert report["cleaner"]["recall"] == pytest.approx(2 / 3)
    assert report["lost_recall"] == []
    assert [m["field"] for m in report["metadata"]] == ["author", "published"]


def test_eval_names_an_unknown_layout(tmp_path, capsys):
    (tmp_path / "ground-truth.json").write_text(json.dumps({"a": {"body": "x"}}))
    assert main(["eval", str(tmp_path)]) == 2
    assert "articleBody" in capsys.readouterr().err


BENCH = ROOT / ".." / "shared" / "bench" / "scrapinghub"
# The floor on the scrapinghub benchmark (181 pages, about 15 s on 2 cores): issue 3 asks for
# at least 0.965 and at least trafilatura alone in the same run. Measured 0.9668 vs 0.9598.
BENCH_F1_FLOOR = 0.965


@pytest.mark.slow
@pytest.mark.skipif(not (BENCH / "ground-truth.json").exists(),
                    reason="the scrapinghub benchmark folder is not on this machine")
def test_benchmark_floor():
    from functools import partial

    from cleaner.report.evaluate import cleaner_text, evaluate, set_aside_benchmark_sites
    from cleaner.rulebook.loader import default_rules

    pages = load_pages(BENCH)
    assert len(pages) == 181
    rules, _ = set_aside_benchmark_sites(default_rules(), pages)
    report = evaluate(pages, partial(cleaner_text, rules=rules))
    assert report.cleaner.f1 >= BENCH_F1_FLOOR, report.cleaner
    assert report.cleaner.f1 >= report.trafilatura.f1, (report.cleaner, report.trafilatura)


WCXB = ROOT / ".." / "shared" / "bench" / "wcxb-dev"
# Issue 11: on WCXB's 711 article pages cleaner must not fall below trafilatura alone in the
# same run, lose recall (> 0.1 below trafilatura's) on at most 1% of pages, and agree with the
# truth's author and date at least as often as trafilatura's metadata. About 90 s, run once
# for the tests below. Measured: 0.9406 vs 0.9353, 0 pages losing recall.
WCXB_MAX_LOST_SHARE = 0.01
WCXB_MARGIN = 0.005  # the target; measured +0.0053
needs_wcxb = pytest.mark.skipif(not (WCXB / "ground-truth.json").exists(),
                                reason="the wcxb-dev benchmark folder is not on this machine")


@lru_cache(maxsize=1)
def _wcxb_report():
    from functools import partial

    from cleaner.report.evaluate import cleaner_result, evaluate, set_aside_benchmark_sites
    from cleaner.rulebook.loader import default_rules

    bench = load_benchmark(WCXB)
    assert len(bench.pages) == 711
    rules, _ = set_aside_benchmark_sites(default_rules(), bench.pages)
    return evaluate(bench.pages, partial(cleaner_result, rules=rules), metric=bench.metric,
                    with_metadata=True)


@pytest.mark.slow
@needs_wcxb
def test_wcxb_floor():
    report = _wcxb_report()
    assert report.cleaner.f1 >= report.trafilatura.f1, (report.cleaner, report.trafilatura)
    lost = report.lost_recall()
    assert len(lost) <= WCXB_MAX_LOST_SHARE * len(report.pages), [p.id for p in lost]
    for a in report.metadata:
        assert a.cleaner >= a.trafilatura, a


@pytest.mark.slow
@needs_wcxb
def test_wcxb_margin():
    report = _wcxb_report()
    assert report.cleaner.f1 >= report.trafilatura.f1 + WCXB_MARGIN, (
        report.cleaner, report.trafilatura)
