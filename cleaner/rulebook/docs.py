"""Generate the reference parts of rules/README.md from the declarations they describe: every
rule-file key from `rulebook.keys` (the tables the schema validates with) and the stage list
from `core.stages` (the list the pipeline runs). The prose around them is written by hand.

    python -m cleaner.rulebook.docs            # rewrite the generated blocks in place
    python -m cleaner.rulebook.docs --check    # exit 1 when the committed file differs

tests/rulebook/test_docs.py runs the check, so a key or a stage added without regenerating
the file fails the tests.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from cleaner.core.stages import STAGES
from cleaner.rulebook.files import bundled_rules_dir
from cleaner.rulebook.keys import SECTIONS, Key

_TYPE_NAMES = {str: "string", int: "integer", float: "number", bool: "boolean",
               "LocList": "list", "LocDict": "map"}
BEGIN = "<!-- generated:{name} by `python -m cleaner.rulebook.docs`: edit {source}, not here -->"
END = "<!-- end generated:{name} -->"
SOURCES = {"keys": "cleaner/rulebook/keys.py", "stages": "cleaner/core/stages.py"}


def _type(key: Key) -> str:
    names = [_TYPE_NAMES.get(t, _TYPE_NAMES.get(t.__name__, t.__name__)) for t in key.types]
    return " or ".join(dict.fromkeys("number" if n == "integer" and float in key.types else n
                                     for n in names))


def render_keys() -> str:
    """One table per kind of mapping, in file order."""
    out: list[str] = []
    for section in SECTIONS:
        out += [f"### {section.title}", ""]
        if section.intro:
            out += [section.intro, ""]
        out += ["| key | type | meaning |", "|---|---|---|"]
        for k in section.keys:
            req = ", required" if k.required else ""
            out.append(f"| `{k.name}` | {_type(k)}{req} | {k.doc} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_stages() -> str:
    """The stages in the order the pipeline runs them."""
    out = ["| # | stage id | input | a site can disable it | what it does |",
           "|---|---|---|---|---|"]
    for n, s in enumerate(STAGES, 1):
        where = "HTML" if s.layer == "html" else ("text only" if s.text_only else "both")
        out.append(f"| {n} | `{s.id}` | {where} | {'yes' if s.switch else ''} | "
                   f"{s.purpose} |")
    return "\n".join(out) + "\n"


RENDERERS = {"keys": render_keys, "stages": render_stages}


def regenerate(text: str) -> str:
    """`text` with every generated block replaced by its current rendering."""
    for name, render in RENDERERS.items():
        begin = BEGIN.format(name=name, source=SOURCES[name])
        end = END.format(name=name)
        pattern = re.compile(re.escape(begin) + r"\n.*?" + re.escape(end), re.S)
        if not pattern.search(text):
            raise ValueError(f"rules/README.md has no generated:{name} block; add the lines "
                             f"{begin!r} and {end!r} where it belongs")
        block = f"{begin}\n\n{render()}\n{end}"
        match = pattern.search(text)
        assert match is not None
        text = text[:match.start()] + block + text[match.end():]
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--path", type=Path, default=bundled_rules_dir() / "README.md")
    ap.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    args = ap.parse_args(argv)
    current = args.path.read_text(encoding="utf-8")
    fresh = regenerate(current)
    if args.check:
        if fresh != current:
            print(f"{args.path} is out of date: run python -m cleaner.rulebook.docs",
                  file=sys.stderr)
            return 1
        return 0
    if fresh != current:
        args.path.write_text(fresh, encoding="utf-8")
        print(f"wrote {args.path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
