"""The legislation parameters, as an OpenFisca ParameterNode built from the same figures.

A country package keeps its parameters as dated YAML files in OpenFisca's own format. Ours
are the rulebook's (rules/parameters/*.yaml), read through our loader and rewritten into
OpenFisca's structure with their whole dated history, so that OpenFisca picks the value in
force itself (`parameters(period).blsa.livelihood_rate`) and both systems use the very same
figures:

- a scalar becomes `{values: {date: value}}` (rates as floats, as OpenFisca stores them);
- a table (median income by household size, deductions by region tier) becomes a node with
  one child per key (`standard["3"]`); a key that disappears gets a null value, which ends it;
- `value: null` (the parameter ends) becomes a null value.

Our `extend: linear` rule for tables (households of 8+ people) has no OpenFisca equivalent:
the formula does it (see variables/common.py)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from openfisca_core.parameters import ParameterNode

from eligibility.rulebook.parameters import Cell, Table
from eligibility.rulebook.rulebook import Rulebook


def _openfisca_value(v: object) -> Any:
    if isinstance(v, Fraction):
        return float(v)
    if isinstance(v, (bool, int, float)):
        return v
    raise TypeError(f"no OpenFisca parameter for a {type(v).__name__} value ({v!r})")


def _convert(param: Any) -> dict[str, Any] | None:
    series = param.series
    if any(isinstance(dv.value, Table) for dv in series):
        keys: list[Any] = []
        for dv in series:
            if isinstance(dv.value, Table):
                keys += [k for k in dv.value.cells if k not in keys]
        node: dict[str, Any] = {}
        for key in keys:
            values: dict[str, Any] = {}
            for dv in series:
                cell = dv.value.cells.get(key) if isinstance(dv.value, Table) else None
                values[dv.start.isoformat()] = None if cell is None else _openfisca_value(cell.value)
            node[str(key)] = {"values": values}
        return node
    values = {}
    for dv in series:
        if dv.value is None:
            values[dv.start.isoformat()] = None
        else:
            assert isinstance(dv.value, Cell)
            values[dv.start.isoformat()] = _openfisca_value(dv.value.value)
    return {"values": values}


def build_parameters(book: Rulebook, groups: tuple[str, ...]) -> ParameterNode:
    """OpenFisca parameters for the rulebook's parameter groups `groups` (e.g. "blsa")."""
    data: dict[str, dict[str, Any]] = {}
    for pid, param in book.parameters.items():
        group, name = pid.split(".", 1)
        if group not in groups:
            continue
        converted = _convert(param)
        if converted is not None:
            data.setdefault(group, {})[name] = converted
    return ParameterNode("", data=data)
