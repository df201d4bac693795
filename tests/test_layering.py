"""The package layers, checked from the source: each layer imports only the layers below it,
sibling packages of one layer do not import each other, nothing imports the command line,
and no two modules import each other, directly or round a loop (lazy imports inside
functions count: a cycle hidden in a function is still a tangle).

The order, lowest first (README "Map of the code"):
core < rulebook < text | markup < engine < ingest < runner < api < authoring | report < commands
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cleaner"

LAYERS: list[tuple[str, ...]] = [
    ("core",),
    ("rulebook",),
    ("text", "markup"),
    ("engine",),
    ("ingest",),
    ("runner",),
    ("api",),  # cleaner/__init__.py and cleaner/api.py: the public facade
    ("authoring", "report"),
    ("commands",),  # with cleaner/__main__.py
]
RANK = {name: n for n, group in enumerate(LAYERS) for name in group}
TOP_MODULES = {"cleaner": "api", "cleaner.api": "api", "cleaner.__main__": "commands"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str:
    if module in TOP_MODULES:
        return TOP_MODULES[module]
    return module.split(".")[1]


def imports_of(path: Path) -> set[str]:
    """Every cleaner module `path` imports, wherever the import stands."""
    here = module_name(path)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "cleaner")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "cleaner":
                continue
            found.add(target)
            for alias in node.names:  # `from cleaner.x import y` where y is a module
                if (PACKAGE.parent / (target + "." + alias.name).replace(".", "/")).with_suffix(
                        ".py").is_file():
                    found.add(f"{target}.{alias.name}")
    return {m for m in found if _exists(m)} - {here}


def _exists(module: str) -> bool:
    path = PACKAGE.parent / module.replace(".", "/")
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_sits_in_a_known_layer():
    unknown = {m for m in graph() if layer_of(m) not in RANK}
    assert not unknown, f"modules outside the layers of tests/test_layering.py: {unknown}"


def test_no_module_sits_loose_at_the_top():
    loose = {p.name for p in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py", "api.py"}
    assert not loose, f"put these in a layer package: {sorted(loose)}"


@pytest.mark.parametrize("module", sorted(graph()))
def test_imports_go_down_only(module):
    mine = layer_of(module)
    wrong = []
    for target in sorted(graph()[module]):
        theirs = layer_of(target)
        if target == "cleaner" and module.startswith("cleaner.commands"):
            continue  # the version string
        if theirs == mine:
            continue
        if RANK[theirs] >= RANK[mine]:
            wrong.append(f"{target} ({theirs})")
    assert not wrong, f"{module} ({mine}) imports upward or sideways: {', '.join(wrong)}"


def test_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in edges:
                continue
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state:
            cycle = visit(start)
            assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_checker_sees_an_upward_import(tmp_path):
    # the test itself: a core module importing the engine is caught
    fake = PACKAGE / "core" / "errors.py"
    assert "cleaner.engine" not in imports_of(fake)
    probe = ast.parse("from cleaner.engine.pipeline import analyze")
    node = probe.body[0]
    assert isinstance(node, ast.ImportFrom) and RANK[layer_of(node.module)] > RANK["core"]
