"""YAML reading with line numbers (ruamel), duplicate keys rejected, and a way to find the
line of any path inside a document so that validation errors can point at it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from ..errors import Location, RuleError


class _Constructor(RoundTripConstructor):
    """A scalar that looks like a date but is none (2026-02-30) stays text instead of failing
    the whole load with a bare ValueError: whoever reads the field rejects it with the file,
    line and field (the rule loader, the household reader)."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return node.value


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def read_yaml(path: Path, display: str) -> Any:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text)
    except DuplicateKeyError as e:
        mark = e.problem_mark
        line = mark.line + 1 if mark else 0
        raise RuleError("duplicate_key", f"duplicate key: {e.problem}",
                        Location(display, line, (mark.column + 1) if mark else 0,
                                 text=_line(text, line)), caret=(0, mark.column if mark else 0)) from None
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 0
        raise RuleError("yaml_syntax", f"{e.problem or e.context}",
                        Location(display, line, (mark.column + 1) if mark else 0,
                                 text=_line(text, line)), caret=(0, mark.column if mark else 0)) from None


def _line(text: str, line: int) -> str | None:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else None


def locate(doc: Any, path: tuple[Any, ...]) -> tuple[int, int]:
    """1-based (line, column) of the deepest node on `path` found in a ruamel document."""
    line, col = 1, 1
    node = doc
    for key in path:
        if isinstance(node, CommentedMap) and key in node:
            pos = node.lc.key(key)
            line, col = pos[0] + 1, pos[1] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            pos = node.lc.item(key)
            line, col = pos[0] + 1, pos[1] + 1
            node = node[key]
        else:
            break
    return line, col


def value_start(doc: Any, path: tuple[Any, ...], raw_lines: list[str]) -> tuple[int, int]:
    """1-based (line, column) of the first character of a scalar's text: after an opening quote,
    and on the next line for block scalars (| and >)."""
    *parent_path, key = path
    parent = doc
    for k in parent_path:
        parent = parent[k]
    if not isinstance(parent, CommentedMap):
        return locate(doc, path)
    vline, vcol = parent.lc.value(key)
    raw = raw_lines[vline] if vline < len(raw_lines) else ""
    ch = raw[vcol:vcol + 1]
    if ch in ("|", ">"):
        nxt = raw_lines[vline + 1] if vline + 1 < len(raw_lines) else ""
        return vline + 2, len(nxt) - len(nxt.lstrip()) + 1
    if ch in ("'", '"'):
        return vline + 1, vcol + 2
    return vline + 1, vcol + 1


def to_plain(node: Any) -> Any:
    """ruamel containers → plain dicts and lists (for pydantic)."""
    if isinstance(node, dict):
        return {k: to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    return node
