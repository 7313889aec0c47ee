"""The step definitions themselves, where a feature file cannot show them failing."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest


def steps() -> ModuleType:
    """tests/bdd/conftest.py, loaded under a name of its own to call its step functions."""
    spec = importlib.util.spec_from_file_location("bdd_steps_under_test", Path(__file__).with_name("conftest.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_missing_input_step_checks_the_registry_when_the_feature_names_one(rulebook) -> None:
    s = steps()
    # someone of 76 with no income, pension or property record: the basic pension is undetermined
    world = {"as_of": dt.date(2026, 3, 1), "result": None, "rows": None, "households": {"h": {"id": "h", "members": [
        {"id": "kim", "relation_to_head": "head", "birth_date": dt.date(1950, 1, 1), "has_spouse": False}]}}}
    s.evaluate(world, rulebook)
    s.person_status(world, "kim", "undetermined", "basic_pension")
    assert rulebook.inputs["earned_income_monthly"].registry == "earnings"
    s.missing_input(world, "kim", "basic_pension", "earned_income_monthly")
    s.missing_input(world, "kim", "basic_pension", "earned_income_monthly from the earnings registry")
    with pytest.raises(AssertionError, match="missing inputs are"):
        s.missing_input(world, "kim", "basic_pension", "earned_income_monthly from the resident registry")
    with pytest.raises(AssertionError, match="missing inputs are"):
        s.missing_input(world, "kim", "basic_pension", "birth_date")   # known: not missing
    with pytest.raises(AssertionError, match="missing inputs are"):
        s.missing_input(world, "kim", "basic_pension", "birth_date from the resident registry")
