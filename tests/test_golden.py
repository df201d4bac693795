"""Every sample in seeds/ against its golden result; a failure shows a readable diff."""

from __future__ import annotations

import difflib

import pytest

from tests.golden_tool import ROOT, golden_path, render, result_for, sample_paths

SAMPLES = sample_paths()


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 15


IDS = [str(p.relative_to(ROOT / "seeds")) for p in SAMPLES]


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_golden(sample) -> None:
    target = golden_path(sample)
    assert target.exists(), f"no golden for {sample.name}: run `make golden` and review it"
    expected = target.read_text(encoding="utf-8")
    actual = render(result_for(sample))
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True),
            fromfile=str(target.relative_to(ROOT)), tofile="actual", n=2))
        pytest.fail(f"result differs from golden (make golden rewrites it on purpose):\n{diff}")
