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
    # every published Parquet file, decisions and lists, byte for byte
    files = {run.run_id: {p.relative_to(run.path).as_posix(): p.read_bytes() for p in run.path.rglob("*.parquet")}
             for run in (a, b)}
    assert files[a.run_id].keys() == files[b.run_id].keys()
    assert {"outreach.parquet", "outreach_no_consent.parquet", "review.parquet", "undetermined.parquet",
            "undetermined_by_input.parquet", "summary.parquet", "decisions/part-00000.parquet",
            "decisions/part-00003.parquet"} <= files[a.run_id].keys()   # 1,500 people in partitions of 400
    assert all(len(blob) for blob in files[a.run_id].values())
    differ = [name for name, blob in files[a.run_id].items() if files[b.run_id][name] != blob]
    assert differ == []


def test_a_changed_amount_alone_changes_the_hash(known_source: FrameSource, spec: RulesSpec, tmp_path: Path) -> None:
    """A decision is its amount too: an income change that leaves every status as it was still
    gives another hash."""
    a = run_sweep(known_source, spec, SweepOptions(tmp_path, 3, 1))
    # p6 (alone, eligible for both): other income 0 → 1,000. Basic pension: 1,000 is under the
    # 2,470,000 threshold, still 349,700. Livelihood: 820,556 − (1,000 + 349,700) = 469,856,
    # from 820,556 − 349,700 = 470,856
    frame = known_source.frame.with_columns(
        pl.when(pl.col("person_id") == "p6").then(pl.lit(1_000, pl.Int64))
        .otherwise(pl.col("other_income_monthly")).alias("other_income_monthly"))
    b = run_sweep(FrameSource(frame, known_source.benefits), spec, SweepOptions(tmp_path, 3, 1))
    before, after = (open_run(tmp_path, r.run_id).decisions() for r in (a, b))
    statuses = [c for c in before.columns if c.endswith((":status", ":failed", ":missing"))]
    assert before.select(statuses).equals(after.select(statuses))
    changed = before.join(after, on="person_id", suffix="_after").filter(
        pl.col("blsa_livelihood:amount") != pl.col("blsa_livelihood:amount_after"))
    assert changed.select("person_id", "blsa_livelihood:amount", "blsa_livelihood:amount_after").rows() == [
        ("p6", 470_856, 469_856)]
    assert before["basic_pension:amount"].equals(after["basic_pension:amount"])
    assert a.record["decisions_hash"] != b.record["decisions_hash"]


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
