"""Step definitions shared by every feature: households are described in tables whose
columns are input names (docs/households.md), evaluated by the real engine on the real
rulebook. An empty cell or `unknown` leaves the input unknown.

Nothing here knows any benefit: the steps only build households, run the compiled rulebook
and read its columns (v:<variable>, c:<programme>:<criterion>, <programme>:status …)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from eligibility.evaluation import STATUS_NAMES, CompiledRulebook, decode_bits
from eligibility.households import households_frame, parse_cell

STRUCTURE = ("id", "spouse")

_COMPILED: dict[tuple[str, dt.date], CompiledRulebook] = {}  # per test process: (rules hash, date)


@pytest.fixture
def world() -> dict[str, Any]:
    return {"as_of": None, "households": {}, "result": None, "rows": None}


def _household(world: dict[str, Any], hid: str) -> dict[str, Any]:
    return world["households"].setdefault(hid, {"id": hid})


def _value(rulebook, field: str, cell: str, where: str) -> Any:
    field = field.strip()
    if field not in rulebook.inputs:
        raise KeyError(f"unknown input '{field}' in {where}")
    return parse_cell(cell, rulebook.inputs[field].type)


@given(parsers.parse("the date is {date}"))
def the_date(world: dict[str, Any], date: str) -> None:
    world["as_of"] = dt.date.fromisoformat(date.strip())


@given(parsers.parse('a household "{hid}" with members:'))
def household_with_members(world: dict[str, Any], rulebook, hid: str, datatable: list[list[str]]) -> None:
    """One row per member. A column given in the table wins over a household-wide value, an
    empty or `unknown` cell included (it makes the input unknown for that member)."""
    header, *rows = datatable
    members = []
    for row in rows:
        member: dict[str, Any] = {}
        for col, cell in zip(header, row, strict=True):
            col = col.strip()
            if col in STRUCTURE:
                if cell.strip():
                    member[col] = cell.strip()
                continue
            member[col] = _value(rulebook, col, cell, f"the table of household {hid}")
        if "spouse" in member and "has_spouse" not in member:
            member["has_spouse"] = True  # a spouse link wins over a household-wide has_spouse
        members.append(member)
    _household(world, hid)["members"] = members


@given(parsers.parse('the household "{hid}" has:'))
def household_fields_table(world: dict[str, Any], rulebook, hid: str, datatable: list[list[str]]) -> None:
    """Household-wide inputs, one `| input | value |` row each; they apply to every member
    unless the member table has the column. May come before the member table (Background)."""
    household = _household(world, hid)
    for row in datatable:
        field, cell = (c.strip() for c in row)
        household[field] = _value(rulebook, field, cell, f"the inputs of household {hid}")


@given(parsers.parse('the household "{hid}" has {field} {value}'))
def household_field(world: dict[str, Any], rulebook, hid: str, field: str, value: str) -> None:
    _household(world, hid)[field.strip()] = _value(rulebook, field, value, f"household {hid}")


@when("the rules are evaluated")
def evaluate(world: dict[str, Any], rulebook) -> None:
    as_of = world["as_of"]
    assert as_of is not None, "a scenario needs 'Given the date is ...'"
    empty = [hid for hid, h in world["households"].items() if not h.get("members")]
    assert not empty, f"household(s) without a member table: {empty}"
    frame = households_frame(rulebook, {"households": list(world["households"].values())}, "scenario")
    key = (rulebook.content_hash, as_of)
    if key not in _COMPILED:
        compiled = CompiledRulebook(rulebook, as_of)
        # The missing-input expressions depend only on the compiled rulebook, yet `evaluate`
        # rebuilds them on every call (about half the time of a one-household evaluation): build
        # them once per date. Speed only — the evaluation itself is the engine's own.
        compiled.missing_columns = functools.cache(compiled.missing_columns)
        _COMPILED[key] = compiled
    compiled = _COMPILED[key]
    world["compiled"] = compiled
    result = compiled.evaluate(frame)  # every column: variables, criteria, decisions
    world["result"] = result
    world["rows"] = {row["person_id"]: row for row in result.iter_rows(named=True)}


def _row(world: dict[str, Any], pid: str) -> dict[str, Any]:
    assert world["rows"] is not None, "a Then step needs 'When the rules are evaluated' first"
    assert pid in world["rows"], f"no person {pid} in the scenario (persons: {sorted(world['rows'])})"
    return world["rows"][pid]


def _expected(text: str) -> Any:
    """A written expectation: unknown/none, yes/no, a number (1,200,000) or text."""
    t = text.strip()
    if t in ("none", "unknown"):
        return None
    if t.lower() in ("yes", "true"):
        return True
    if t.lower() in ("no", "false"):
        return False
    digits = t.replace(",", "").replace("_", "")
    if digits.lstrip("-").isdigit():
        return int(digits)
    return t


@then(parsers.parse('person "{pid}" is {status} for {programme}'))
def person_status(world: dict[str, Any], pid: str, status: str, programme: str) -> None:
    programme = programme.strip()
    row = _row(world, pid)
    got = STATUS_NAMES[row[f"{programme}:status"]]
    lay = world["compiled"].layout[programme]
    failed = decode_bits(row[f"{programme}:failed"], lay.criteria)
    missing = decode_bits(row[f"{programme}:missing"], lay.needs)
    assert got == status.strip(), f"{pid} is {got} for {programme} (failed: {failed}, missing: {missing})"


@then(parsers.parse('the {programme} amount of person "{pid}" is {amount}'))
def person_amount(world: dict[str, Any], programme: str, pid: str, amount: str) -> None:
    row = _row(world, pid)
    got = row[f"{programme.strip()}:amount"]
    assert got == _expected(amount), f"the {programme} amount of {pid} is {got}"


@then(parsers.parse('criterion {criterion} of {programme} is {outcome} for person "{pid}"'))
def criterion_outcome(world: dict[str, Any], criterion: str, programme: str, outcome: str, pid: str) -> None:
    value = _row(world, pid)[f"c:{programme.strip()}:{criterion.strip()}"]
    got = "unknown" if value is None else ("true" if value else "false")
    assert got == outcome.strip(), f"criterion {criterion} of {programme} is {got} for {pid}"


REGISTRY_NAMED = re.compile(r"(?P<input>\w+) from the (?P<registry>\w+) registry")


@then(parsers.parse('the missing inputs of person "{pid}" for {programme} include {name}'))
def missing_input(world: dict[str, Any], pid: str, programme: str, name: str) -> None:
    """`include <input>`, or `include <input> from the <registry> registry`: then the decision
    must also name that registry for it (as the explanation and the undetermined list do)."""
    programme = programme.strip()
    row = _row(world, pid)
    missing = world["compiled"].missing_inputs(programme, row[f"{programme}:missing"])
    named = REGISTRY_NAMED.fullmatch(name.strip())
    if named:
        want, got = (named["input"], named["registry"]), {(m["input"], m["registry"]) for m in missing}
    else:
        want, got = name.strip(), {m["input"] for m in missing}
    assert want in got, f"missing inputs are {missing}"


@then(parsers.parse('the value of {variable} for person "{pid}" is {value}'))
def variable_value(world: dict[str, Any], variable: str, pid: str, value: str) -> None:
    got = _row(world, pid)[f"v:{variable.strip()}"]
    assert got == _expected(value), f"{variable} of {pid} is {got}"
