"""The expression tree: inert, frozen data. Back ends walk it; nothing here evaluates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, fields
from fractions import Fraction

Value = int | Fraction | str | bool | dt.date


@dataclass(frozen=True, slots=True)
class Span:
    """Position inside the expression text: 0-based line, 0-based column."""

    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Node:
    span: Span


@dataclass(frozen=True, slots=True)
class Literal(Node):
    value: Value
    kind: str  # number | rate | text | bool | date


@dataclass(frozen=True, slots=True)
class Name(Node):
    """An input, a derived variable, or `as_of`."""

    name: str


@dataclass(frozen=True, slots=True)
class Param(Node):
    """params.<group>.<name>, optionally indexed: params.g.table[key]."""

    path: str
    key: Node | None = None


@dataclass(frozen=True, slots=True)
class ProgrammeRef(Node):
    """<programme>.eligible or <programme>.amount."""

    programme: str
    field: str


@dataclass(frozen=True, slots=True)
class Unary(Node):
    op: str  # '-' | 'not'
    operand: Node


@dataclass(frozen=True, slots=True)
class Binary(Node):
    op: str  # + - * /
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Compare(Node):
    op: str  # < <= > >= == !=
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class BoolOp(Node):
    op: str  # and | or
    operands: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class IfElse(Node):
    cond: Node
    then: Node
    otherwise: Node


@dataclass(frozen=True, slots=True)
class InList(Node):
    operand: Node
    options: tuple[Literal, ...]


@dataclass(frozen=True, slots=True)
class Call(Node):
    func: str
    args: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Aggregate(Node):
    """sum/count/any/all/max/min over a unit (household, couple)."""

    func: str
    unit: str
    arg: Node | None


def children(node: Node) -> Iterator[Node]:
    """The direct sub-expressions of a node, in source order (generic walkers use this)."""
    for f in fields(node):
        value = getattr(node, f.name)
        if isinstance(value, Node):
            yield value
        elif isinstance(value, tuple):
            yield from (v for v in value if isinstance(v, Node))


def walk(node: Node) -> Iterator[Node]:
    """The node and all its descendants, depth first."""
    yield node
    for child in children(node):
        yield from walk(child)
