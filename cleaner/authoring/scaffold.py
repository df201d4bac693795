"""`cleaner rules new DOMAIN --sample FILE...`: start a site the way Postlight's generator does.

It writes three things: the rule file (valid and lint-clean, with what `rules learn` sees in
the samples as commented-out proposals), the samples as fixtures, and a site test pre-filled
with guesses: lines the generic rules already flag and lines that repeat across the samples
must go, the first and last paragraphs must stay. The test is marked `confirmed: false`, so
`cleaner rules test` fails until the maintainer has reviewed the guesses and written rules.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from cleaner.authoring.learn import learn, site_name
from cleaner.authoring.proposal import to_yaml
from cleaner.authoring.ruletests import FIXTURES_DIR, TESTS_DIR, project_root
from cleaner.core.errors import CleanerError, RuleError
from cleaner.core.lines import is_paragraph, normalize
from cleaner.core.records import InputRecord
from cleaner.engine.pipeline import Analysis, analyze
from cleaner.rulebook.model import RuleSet, host_matches

MUST_CONTAIN_GUESSES = 2  # first and last paragraph: enough to catch a rule that eats the body


@dataclass(frozen=True, slots=True)
class Scaffolded:
    site: str
    rule_file: Path
    test_file: Path
    written: tuple[Path, ...]


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _store_samples(samples: list[Path], fixtures: Path) -> list[Path]:
    missing = [str(s) for s in samples if not s.is_file()]
    if missing:
        raise CleanerError(f"no such sample file: {', '.join(missing)}")
    fixtures.mkdir(parents=True, exist_ok=True)
    out = []
    for n, sample in enumerate(samples, 1):
        target = fixtures / sample.name
        if target in out:
            target = fixtures / f"{n}-{sample.name}"
        shutil.copyfile(sample, target)
        out.append(target)
    return out


def _rule_file(site: str, domain: str, samples: list[Path], learned: str) -> str:
    proposals = "\n".join(f"# {line}" if line else "#" for line in learned.splitlines()
                          if not line.startswith(("site:", "hosts:")))
    return (f"# {domain}: scaffolded by `cleaner rules new` from {len(samples)} sample(s).\n"
            "# Describe the site's template, not one page: each rule must work on its next page.\n"
            "# Schema: rules/README.md; walkthrough: docs/adding-a-site.md.\n"
            f"site: {site}\nname: {site}\nhosts: [{domain}]\n"
            "# fingerprints: a line only this site prints, for inputs without a URL:\n"
            "#   - '(?m)^A line only this site prints$'\n"
            + ("\n# What `cleaner rules learn` sees repeated across the samples (uncomment what\n"
               "# is right):\n" + proposals + "\n" if learned else ""))


def _guesses(analyses: list[Analysis]) -> tuple[Counter[str], dict[str, str]]:
    """How many samples each line (normalised) occurs in; and the generic rule per line."""
    seen: Counter[str] = Counter()
    flagged: dict[str, str] = {}
    for a in analyses:
        seen.update({normalize(ln.text) for ln in a.lines if ln.text})
        for ln in a.lines:
            if ln.text and ln.fate in ("noise", "meta") and ln.rule:
                flagged.setdefault(ln.text, ln.rule)
    return seen, flagged


def _block(key: str, comment: str, items: list[str]) -> list[str]:
    if not items:
        return [f"    {key}: []  # {comment}"]
    return [f"    {key}:  # {comment}", *(f"      - {x}" for x in items)]


def _test_entry(fixture: Path, root: Path, url: str, a: Analysis, seen: Counter[str],
                flagged: dict[str, str], samples: int) -> list[str]:
    r = a.result
    out = [f"  - fixture: {_q(str(fixture.relative_to(root)))}", f"    url: {_q(url)}"]
    if r.title:
        out.append(f"    title: {_q(r.title)}  # guess: the title cleaner picked")
    body = [ln.text for ln in a.lines if ln.fate == "body" and is_paragraph(ln.text)
            and seen[normalize(ln.text)] == 1]
    picks = list(dict.fromkeys([*body[:1], *body[-1:]]))[:MUST_CONTAIN_GUESSES]
    out += _block("must_contain", "guess: the first and last paragraphs",
                  [_q(t) for t in picks])
    gone: dict[str, str] = {}
    for ln in a.lines:
        if not ln.text or ln.text in gone:
            continue
        if ln.text in flagged and ln.fate in ("noise", "meta"):
            gone[ln.text] = f"flagged by {flagged[ln.text]}"
        elif samples > 1 and seen[normalize(ln.text)] > 1 and ln.fate in ("body", "title"):
            gone[ln.text] = "TODO repeats across samples: write a rule"
    out += _block("must_not_contain", "guess: generic flags and repeated lines",
                  [f"{_q(t)}  # {why}" for t, why in gone.items()])
    out += _block("related", "guess: what the rules read now; list the page's real ones",
                  [f"{{title: {_q(x.title)}, source: {_q(x.source)}}}" if x.source
                   else f"{{title: {_q(x.title)}}}" for x in r.related])
    out.append("    confirmed: false  # set to true once every guess above is checked")
    return out


def scaffold(domain: str, samples: list[Path], rules_dir: Path, ruleset: RuleSet,
             name: str | None = None, force: bool = False) -> Scaffolded:
    """Write rules/<site>.yaml, rules/fixtures/<site>/*, rules/tests/<site>.yaml."""
    domain = domain.lower().strip().removeprefix("https://").removeprefix("http://")
    domain = domain.split("/")[0]
    site = name or site_name(domain)
    if not site:
        raise RuleError(f"cannot make a site name from {domain!r}; pass --name")
    rule_file = rules_dir / f"{site}.yaml"
    test_file = rules_dir / TESTS_DIR / f"{site}.yaml"
    if not force:
        for path in (rule_file, test_file):
            if path.exists():
                raise RuleError(f"{path} exists; edit it, or pass --force to start over")
        for other in ruleset.sites:
            if any(host_matches(p, domain) for p in other.hosts):
                raise RuleError(f"host {domain!r} is already claimed by {other.file}")
    root = project_root(rules_dir)
    fixtures = _store_samples(samples, rules_dir / FIXTURES_DIR / site)
    url = f"https://{domain.removeprefix('*.')}/"
    analyses = [analyze(InputRecord(f.name, f.read_bytes(), url, origin=str(f)), ruleset)
                for f in fixtures]
    with tempfile.TemporaryDirectory() as tmp:
        for f in fixtures:
            shutil.copyfile(f, Path(tmp) / f.name)
        learned = to_yaml(learn(Path(tmp), domain, ruleset, min_pages=2,
                                rules_dir=rules_dir)) if len(fixtures) > 1 else ""
    seen, flagged = _guesses(analyses)
    lines = [f"# Site test for {site}: scaffolded guesses, to review (see the TODOs).",
             f"site: {site}", "tests:"]
    for f, a in zip(fixtures, analyses):
        lines += _test_entry(f, root, url, a, seen, flagged, len(fixtures))
    rule_file.write_text(_rule_file(site, domain, fixtures, learned), encoding="utf-8")
    test_file.parent.mkdir(parents=True, exist_ok=True)
    test_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Scaffolded(site, rule_file, test_file, (rule_file, *fixtures, test_file))
