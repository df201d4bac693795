"""Read a YAML rule file into plain data that remembers where each value stood.

yaml.safe_load forgets line numbers, and maintainers need `file:line:col` in every error,
so we compose the node graph ourselves and convert it. Only the tags safe_load knows are
accepted; anchors and aliases are refused outright, which also rules out alias bombs.
"""

from __future__ import annotations

from typing import Any

import yaml

from cleaner.core.errors import RuleError

MAX_RULE_FILE_BYTES = 1_000_000  # the largest site file we ship is under 10 kB
MAX_NESTING = 20  # the schema needs 4 levels (site > dom > cards > fields)

_SAFE_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class Where:
    """A position in a rule file (1-based line and column)."""

    __slots__ = ("path", "line", "col")

    def __init__(self, path: str, line: int, col: int) -> None:
        self.path, self.line, self.col = path, line, col

    def error(self, message: str) -> RuleError:
        return RuleError(message, self.path, self.line, self.col)


class LocDict(dict[str, Any]):
    """A mapping that knows where it and each of its keys and values stood."""

    where: Where
    key_where: dict[str, Where]
    value_where: dict[str, Where]


class LocList(list[Any]):
    """A sequence that knows where it and each item stood."""

    where: Where
    item_where: list[Where]


def _where(path: str, node: yaml.Node) -> Where:
    return Where(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(path: str, node: yaml.Node, constructor: yaml.SafeLoader) -> Any:
    if node.tag not in _SAFE_TAGS:
        raise _where(path, node).error(
            f"YAML tag {node.tag!r} is not allowed: rule files are plain data")
    if isinstance(node, yaml.MappingNode):
        out = LocDict()
        out.where, out.key_where, out.value_where = _where(path, node), {}, {}
        for knode, vnode in node.value:
            key = _convert(path, knode, constructor)
            if not isinstance(key, str):
                raise _where(path, knode).error(f"keys must be strings, got {key!r}")
            if key in out:
                raise _where(path, knode).error(f"duplicate key {key!r}")
            out[key] = _convert(path, vnode, constructor)
            out.key_where[key] = _where(path, knode)
            out.value_where[key] = _where(path, vnode)
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LocList(_convert(path, item, constructor) for item in node.value)
        seq.where, seq.item_where = _where(path, node), [_where(path, i) for i in node.value]
        return seq
    return constructor.construct_object(node, deep=True)


def load_located(text: str, path: str) -> Any:
    """Parse one rule file; raise RuleError naming file and line for anything unsafe."""
    if len(text.encode("utf-8", "replace")) > MAX_RULE_FILE_BYTES:
        raise RuleError(f"file is larger than {MAX_RULE_FILE_BYTES} bytes", path, 1, 1)
    try:
        depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                raise RuleError("YAML anchors and aliases are not allowed in rule files",
                                path, mark.line + 1, mark.column + 1)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:  # composing is recursive: [[[[...]]]] would overflow
                    mark = event.start_mark
                    raise RuleError(f"nested more than {MAX_NESTING} levels deep", path,
                                    mark.line + 1, mark.column + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            return _convert(path, node, loader)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise RuleError(f"YAML syntax: {exc.problem or exc}", path, line, col) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"YAML: {exc}", path, 1, 1) from None
