"""The wheel as a user gets it: build it, install it into a fresh virtualenv, and clean the
samples from a folder outside the repository; the results must equal `make run`'s.

Run by `make wheel-smoke` (from .ci/run), not by pytest: it installs the dependencies into a
new virtualenv (from pip's cache after the first run; about a minute on a cold cache).

    python -m tests.wheel_smoke --expected out    # out/ as written by `make run`
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cleaner.ingest.items import record_id
from cleaner.ingest.samples import sample_paths, sidecar_url

ROOT = Path(__file__).resolve().parent.parent
# Where a record was read from differs by design: the repository's seeds/ for `make run`,
# a copy in a temporary folder here. Everything else must be equal.
DIFFERS_BY_PATH = ("input",)


def _run(argv: list[str], cwd: Path) -> str:
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some sample is an error record, as in make run
        raise SystemExit(f"wheel smoke: {' '.join(argv)} exited {done.returncode}:\n"
                         f"{done.stderr[-2000:]}")
    return done.stdout


def _results(folder: Path, samples: Path) -> dict[str, dict]:
    """make run's result for each sample, by the sample's path under seeds/ (stale files
    that an older run left in the folder are not read)."""
    out = {}
    for sample in sample_paths(samples):
        rel = sample.relative_to(samples)
        path = folder / rel.parent / f"{record_id(rel)}.json"
        if path.exists():
            out[str(rel)] = json.loads(path.read_text(encoding="utf-8"))
    return out


def _comparable(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in DIFFERS_BY_PATH}


def _compare(got: dict[str, dict], want: dict[str, dict], how: str) -> list[str]:
    problems = []
    if sorted(got) != sorted(want):
        problems.append(f"{how}: samples differ: {sorted(set(got) ^ set(want))}")
    for key, record in got.items():
        if key in want and _comparable(record) != _comparable(want[key]):
            diff = [k for k in record if record[k] != want[key].get(k)]
            problems.append(f"{how}: {key}: differs from make run in {diff}")
    return problems


def smoke(expected_dir: Path, keep: bool = False) -> int:
    expected = _results(expected_dir, ROOT / "seeds")
    if not expected:
        raise SystemExit(f"wheel smoke: no results in {expected_dir}; run `make run` first")
    work = Path(tempfile.mkdtemp(prefix="cleaner-wheel-smoke-"))
    try:
        dist, venv, outside = work / "dist", work / "venv", work / "elsewhere"
        outside.mkdir()
        _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist),
              str(ROOT)], work)
        [wheel] = dist.glob("*.whl")
        _run([sys.executable, "-m", "venv", str(venv)], work)
        py = str(venv / "bin" / "python")
        _run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"], work)
        _run([py, "-m", "pip", "install", "-q", str(wheel)], work)
        cleaner = str(venv / "bin" / "cleaner")

        version = _run([cleaner, "--version"], outside).strip()
        rules = _run([py, "-c", "import cleaner.rulebook.files as r; print(r.bundled_rules_dir())"],
                     outside).strip()
        if not rules.startswith(str(venv)):
            raise SystemExit(f"wheel smoke: the installed copy reads rules from {rules}")
        samples = outside / "seeds"
        shutil.copytree(ROOT / "seeds", samples)
        # make run's own job with the installed command: every sample, sidecar URLs included
        _run([cleaner, "run-seeds", "seeds", "--out", "out"], outside)
        problems = _compare(_results(outside / "out", samples), expected, "run-seeds")
        # and `cleaner clean` on the sample files that carry no sidecar URL, in one call
        plain = [p for p in sample_paths(samples) if sidecar_url(p) is None]
        got = [json.loads(line) for line in _run(
            [cleaner, "clean", "-q", *(str(p.relative_to(outside)) for p in plain)],
            outside).splitlines()]
        by_name = {p.name: str(p.relative_to(samples)) for p in plain}
        problems += _compare({by_name.get(r["id"], r["id"]): r for r in got},
                             {by_name[p.name]: expected[by_name[p.name]] for p in plain},
                             "clean")
        for p in problems:
            print(f"wheel smoke: {p}", file=sys.stderr)
        print(f"wheel smoke: {wheel.name} ({version}) in a fresh virtualenv, rules from "
              f"{Path(rules).relative_to(venv)}: {len(expected)} samples cleaned outside the "
              f"repository by run-seeds and {len(got)} by clean; {len(problems)} differences "
              "from make run")
        return 1 if problems else 0
    finally:
        if keep:
            print(f"wheel smoke: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--expected", default="out", type=Path,
                        help="the results of make run (default: out)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    return smoke(args.expected, args.keep)


if __name__ == "__main__":
    sys.exit(main())
