"""Where rule files come from: the bundled rules, and the user's `--rules` on top of them.

The repository keeps its rules in the top-level `rules/` folder (maintainers edit them there,
tests and fixtures sit beside them). A wheel ships the rule files as the package data of
`cleaner.bundled_rules` (pyproject maps that package to `rules/`), so an installed copy never
looks outside site-packages. This module is the one place that knows both homes.

User rules are added to the bundled ones, not swapped for them: a lone site file needs the
generic rules and their macros. A user file with the same name as a bundled file replaces
it (a maintainer's edited copy of `generic.yaml` or `thesun.yaml`), so `--rules rules` in the
repository loads each file once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from cleaner.core.errors import RuleError

PACKAGE_DATA = "bundled_rules"  # cleaner/bundled_rules in a wheel (see pyproject.toml)
SOURCE_FOLDER = "rules"  # <repository>/rules in a checkout or an editable install
RULE_SUFFIX = ".yaml"


@lru_cache(maxsize=1)
def bundled_rules_dir() -> Path:
    """The folder of the rules that ship with cleaner.

    An installed wheel holds them inside the package; a checkout (or editable install) has
    them in the repository's `rules/` beside the package.

    >>> (bundled_rules_dir() / "generic.yaml").is_file()
    True
    """
    package = Path(__file__).resolve().parent.parent  # cleaner/, above rulebook/
    for candidate in (package / PACKAGE_DATA, package.parent / SOURCE_FOLDER):
        if (candidate / "generic.yaml").is_file():
            return candidate
    raise RuleError(f"the bundled rules are missing: neither {package / PACKAGE_DATA} nor "
                    f"{package.parent / SOURCE_FOLDER} holds generic.yaml; reinstall cleaner")


def rule_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The rule files of these paths: a folder's `*.yaml`, sorted; a file as it is (a
    missing or odd file is reported by the loader, with its name)."""
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob(f"*{RULE_SUFFIX}")) if p.is_dir() else [p])
    return out


def rule_sources(user_paths: Iterable[str | os.PathLike[str]] | None = None,
                 bundled: bool = True) -> list[Path]:
    """The rule files a run loads: the bundled files, then the user's files and folders.

    A user file named like a bundled one replaces it; `bundled=False` loads only the user's.
    """
    chosen: dict[str, Path] = {}
    if bundled:
        for f in rule_files([bundled_rules_dir()]):
            chosen[f.name] = f
    for p in user_paths or ():
        for f in rule_files([p]):
            same = chosen.get(f.name)
            if same is not None and same.resolve() == f.resolve():
                continue  # `--rules rules` in the repository: the bundled file itself
            chosen.pop(f.name, None)
            chosen[f.name] = f
    return list(chosen.values())


def maintainer_dir(user_paths: Iterable[str | os.PathLike[str]] | None = None) -> Path:
    """The folder the maintainer commands (rules new, learn, test, lint) work in: the first
    `--rules` folder, else `./rules`. Never the installed package: `rules new` writes there.
    """
    for p in user_paths or ():
        path = Path(p)
        if path.is_dir():
            return path
        if path.suffix == RULE_SUFFIX:
            return path.parent
    return Path(SOURCE_FOLDER).absolute()
