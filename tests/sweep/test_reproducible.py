"""Same rules, same data, same date: same decisions, same hash. Any change shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from eligibility.rulebook.rulebook import Rulebook
from eligibility.sweep import FrameSource, RulesSpec, SweepOptions, open_run, run_sweep

Population = tuple[pl.DataFrame, pl.DataFrame]


@pytest.fixture(scope="module")
def population(mini: Rulebook, make_population: Callable[..., Population]) -> Population:
    return make_population(mini, 1_500, seed=11)


def test_same_inputs_same_decisions_and_hash(population: Population, spec: RulesSpec, tmp_path: Path) -> None:
    a = run_sweep(FrameSource(*population), spec, SweepOptions(tmp_path, 400, 1))
    b = run_sweep(FrameSource(*population), spec, SweepOptions(tmp_path, 400, 1))
    assert a.run_id != b.run_id
    assert a.record["decisions_hash"] == b.record["decisions_hash"]
    assert a.record["dataset_hash"] == b.record["dataset_hash"]
    assert open_run(tmp_path, a.run_id).decisions().equals(open_run(tmp_path, b.run_id).decisions())


def test_a_changed_record_changes_the_hash(population: Population, spec: RulesSpec, tmp_path: Path) -> None:
    frame, benefits = population
    a = run_sweep(FrameSource(frame, benefits), spec, SweepOptions(tmp_path, 400, 1))
    # one elderly person's income moves across the basic pension threshold
    elder = frame.filter(pl.col("birth_date") < pl.date(1950, 1, 1)).sort("person_id")["person_id"][0]
    changed = frame.with_columns(pl.when(pl.col("person_id") == elder).then(pl.lit(9_000_000, pl.Int64))
                                 .otherwise(pl.col("earned_income_monthly")).alias("earned_income_monthly"))
    b = run_sweep(FrameSource(changed, benefits), spec, SweepOptions(tmp_path, 400, 1))
    assert a.record["dataset_hash"] != b.record["dataset_hash"]
    assert a.record["decisions_hash"] != b.record["decisions_hash"]


def test_an_other_date_changes_the_decisions(population: Population, spec: RulesSpec, tmp_path: Path) -> None:
    a = run_sweep(FrameSource(*population), spec, SweepOptions(tmp_path, 400, 1))
    earlier = RulesSpec(spec.root, spec.as_of.replace(year=2025))
    b = run_sweep(FrameSource(*population), earlier, SweepOptions(tmp_path, 400, 1))
    assert a.record["decisions_hash"] != b.record["decisions_hash"]
