"""The Rulebook: everything read from rules/, validated and parsed, ready to type-check and
compile. It is plain data; back ends read it, nothing here evaluates."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location
from ..expr.ast import Node
from .models import InputDef, Programme, Source, Unit, VariableDef
from .parameters import Parameter


@dataclass(frozen=True, slots=True)
class Expr:
    """A parsed expression with where it was written."""

    node: Node
    where: Location
    text: str


@dataclass(frozen=True, slots=True)
class CompiledCriterion:
    programme: str
    id: str
    test: Expr
    exceptions: tuple[tuple[str, str, Expr], ...]  # (exception id, outcome, when)


@dataclass
class Rulebook:
    root: Path
    content_hash: str
    sources: dict[str, Source]
    units: dict[str, Unit]
    inputs: dict[str, InputDef]
    parameters: dict[str, Parameter]
    variables: dict[str, VariableDef]
    programmes: dict[str, Programme]
    programme_files: dict[str, str]
    variable_exprs: dict[str, Expr] = field(default_factory=dict)
    criteria: dict[str, tuple[CompiledCriterion, ...]] = field(default_factory=dict)
    amounts: dict[str, Expr | None] = field(default_factory=dict)
    # filled by the type checker
    node_types: dict[int, str] = field(default_factory=dict)  # id(node) -> type
    order: list[str] = field(default_factory=list)  # variables and programmes, dependencies first
    deps: dict[str, set[str]] = field(default_factory=dict)  # 'var:x' / 'prog:p' -> direct deps
    unused_parameters: list[str] = field(default_factory=list)
    reforms: list[str] = field(default_factory=list)  # ids of the reform files overlaid
    unit_apart: dict[str, Expr] = field(default_factory=dict)  # unit -> its parsed `apart` condition

    def registry_of(self, name: str) -> str:
        """The registry an input, or a unit's key, comes from (a missing input names it)."""
        if name in self.inputs:
            return self.inputs[name].registry
        for unit in self.units.values():
            if unit.key == name:
                return unit.registry
        raise KeyError(name)
