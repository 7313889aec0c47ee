"""Step definitions shared by every feature: households are described in tables whose
columns are input names (docs/households.md), evaluated by the real engine on the real
rulebook. An empty cell or `unknown` leaves the input unknown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest
from pytest_bdd import given, parsers, then, when

from eligibility.evaluation import STATUS_NAMES, CompiledRulebook, decode_bits
from eligibility.households import households_frame, parse_cell

STRUCTURE = ("id", "spouse")


@pytest.fixture
def world() -> dict[str, Any]:
    return {"as_of": None, "households": {}, "result": None}


@given(parsers.parse("the date is {date}"))
def the_date(world: dict[str, Any], date: str) -> None:
    world["as_of"] = dt.date.fromisoformat(date.strip())


@given(parsers.parse('a household "{hid}" with members:'))
def household_with_members(world: dict[str, Any], rulebook, hid: str, datatable: list[list[str]]) -> None:
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
            if col not in rulebook.inputs:
                raise KeyError(f"unknown input column '{col}' in the table of household {hid}")
            value = parse_cell(cell, rulebook.inputs[col].type)
            if value is not None:
                member[col] = value
        members.append(member)
    world["households"][hid] = {"id": hid, "members": members}


@given(parsers.parse('the household "{hid}" has {field} {value}'))
def household_field(world: dict[str, Any], rulebook, hid: str, field: str, value: str) -> None:
    parsed = parse_cell(value, rulebook.inputs[field].type)
    if parsed is not None:
        world["households"][hid][field] = parsed


@when("the rules are evaluated")
def evaluate(world: dict[str, Any], rulebook) -> None:
    assert world["as_of"] is not None, "a scenario needs 'Given the date is ...'"
    frame = households_frame(rulebook, {"households": list(world["households"].values())}, "scenario")
    compiled = CompiledRulebook(rulebook, world["as_of"])
    world["compiled"] = compiled
    world["result"] = compiled.decisions(frame).collect()
    world["frame"] = compiled.lazy(frame).collect()


def _row(world: dict[str, Any], pid: str) -> dict[str, Any]:
    result: pl.DataFrame = world["result"]
    rows = result.filter(pl.col("person_id") == pid).to_dicts()
    assert rows, f"no person {pid} in the scenario"
    return rows[0]


@then(parsers.parse('person "{pid}" is {status} for {programme}'))
def person_status(world: dict[str, Any], pid: str, status: str, programme: str) -> None:
    row = _row(world, pid)
    got = STATUS_NAMES[row[f"{programme}:status"]]
    lay = world["compiled"].layout[programme]
    why = decode_bits(row[f"{programme}:failed"], lay.criteria) or decode_bits(row[f"{programme}:missing"], lay.needs)
    assert got == status.strip(), f"{pid} is {got} for {programme} ({why})"


@then(parsers.parse('the {programme} amount of person "{pid}" is {amount}'))
def person_amount(world: dict[str, Any], programme: str, pid: str, amount: str) -> None:
    row = _row(world, pid)
    expected = None if amount.strip() in ("none", "unknown") else int(amount.replace(",", "").strip())
    assert row[f"{programme}:amount"] == expected


@then(parsers.parse('criterion {criterion} of {programme} is {outcome} for person "{pid}"'))
def criterion_outcome(world: dict[str, Any], criterion: str, programme: str, outcome: str, pid: str) -> None:
    frame: pl.DataFrame = world["frame"]
    value = frame.filter(pl.col("person_id") == pid)[f"c:{programme}:{criterion}"][0]
    got = "unknown" if value is None else ("true" if value else "false")
    assert got == outcome.strip()


@then(parsers.parse('the missing inputs of person "{pid}" for {programme} include {name}'))
def missing_input(world: dict[str, Any], pid: str, programme: str, name: str) -> None:
    row = _row(world, pid)
    needs = decode_bits(row[f"{programme}:missing"], world["compiled"].layout[programme].needs)
    assert name.strip() in {n[0] for n in needs}, f"missing inputs are {needs}"


@then(parsers.parse('the value of {variable} for person "{pid}" is {value}'))
def variable_value(world: dict[str, Any], variable: str, pid: str, value: str) -> None:
    frame: pl.DataFrame = world["frame"]
    got = frame.filter(pl.col("person_id") == pid)[f"v:{variable}"][0]
    expected = None if value.strip() == "unknown" else int(value.replace(",", "").strip())
    assert got == expected
