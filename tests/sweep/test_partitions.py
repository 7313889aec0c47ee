"""Partition boundaries: no household is split, and the results do not depend on the
partition size (nor on the number of worker processes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from eligibility.rulebook.rulebook import Rulebook
from eligibility.sweep import (
    FrameSource,
    Partition,
    RulesSpec,
    SweepOptions,
    open_run,
    plan_partitions,
    run_sweep,
    runner,
)

Population = tuple[pl.DataFrame, pl.DataFrame]
LISTS = ("outreach", "outreach_no_consent", "review", "undetermined", "undetermined_by_input", "summary")


@pytest.mark.parametrize(("cores", "partitions", "expected"), [
    (2, 4, 2), (8, 4, 2), (2, 40, 2),   # two cores or more and four partitions or more: a pool of two
    (2, 3, 1), (8, 1, 1),               # fewer partitions: a worker's start costs more than it saves
    (1, 4, 1), (None, 4, 1),            # one core, or a count the OS does not know
])
def test_auto_workers(cores: int | None, partitions: int, expected: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner.os, "cpu_count", lambda: cores)
    plan = [Partition(i, np.array([i]), 1) for i in range(partitions)]
    assert runner.auto_workers(plan) == expected


def test_a_sweep_without_workers_given_uses_auto_workers(mini: Rulebook, make_population: Callable[..., Population],
                                                         spec: RulesSpec, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    frame, benefits = make_population(mini, 200, seed=2)
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 1)   # one core: no pool, however many partitions
    run = run_sweep(FrameSource(frame, benefits), spec, SweepOptions(tmp_path, 20))
    assert len(run.manifest["partitions"]) >= 4 and run.record["workers"] == 1


@pytest.fixture(scope="module")
def population(mini: Rulebook, make_population: Callable[..., Population]) -> Population:
    return make_population(mini, 3_000)


@pytest.mark.parametrize("size", [1, 7, 100, 1_000, 1_000_000])
def test_no_household_straddles_two_partitions(population: Population, size: int) -> None:
    frame, _ = population
    plan = plan_partitions(frame.select("person_id", "household_id"), size)
    assigned = pl.concat([pl.DataFrame({"person_id": p.person_ids, "part": [p.index] * p.persons}) for p in plan])
    assert assigned["person_id"].sort().to_list() == frame["person_id"].sort().to_list()  # each once
    per_household = assigned.join(frame.select("person_id", "household_id"), on="person_id") \
        .group_by("household_id").agg(pl.col("part").n_unique())
    assert per_household["part"].max() == 1
    assert [p.index for p in plan] == list(range(len(plan)))
    for p in plan:
        assert (p.person_ids[:-1] < p.person_ids[1:]).all()  # sorted within a partition
        # whole households of about `size` people: a partition only exceeds it by its last household
        assert p.persons < size + 5 or p.groups == 1


def test_people_of_unknown_household_are_planned_alone_not_pooled() -> None:
    # 40 people the registry places in no household, among households of two
    population = pl.DataFrame({"person_id": range(100),
                               "household_id": [None if i % 5 == 0 else i // 2 for i in range(100)]},
                              schema={"person_id": pl.Int64, "household_id": pl.Int64})
    population = population.with_columns(
        pl.when(pl.col("person_id") < 60).then(pl.col("household_id")).alias("household_id"))
    plan = plan_partitions(population, 10)
    assigned = sorted(i for p in plan for i in p.person_ids.tolist())
    assert assigned == list(range(100))
    assert max(p.persons for p in plan) <= 11   # not one partition of 52 unplaced people
    assert sum(p.groups for p in plan) == population["household_id"].n_unique() - 1 + \
        population["household_id"].null_count()


def _sweep(frame: pl.DataFrame, benefits: pl.DataFrame, spec: RulesSpec, out: Path, size: int,
           workers: int = 1) -> tuple[str, dict[str, pl.DataFrame]]:
    run = run_sweep(FrameSource(frame, benefits), spec, SweepOptions(out, size, workers))
    published = open_run(out, run.run_id)
    tables = {"decisions": published.decisions()}
    tables |= {name: pl.read_parquet(published.file(name)) for name in LISTS}
    return run.record["decisions_hash"], tables


def test_results_identical_whatever_the_partition_size(
        population: Population, spec: RulesSpec, tmp_path: Path) -> None:
    frame, benefits = population
    base_hash, base = _sweep(frame, benefits, spec, tmp_path / "a", 1_000_000)
    assert base["decisions"].height == frame.height
    assert base["outreach"].height > 0 and base["review"].height > 0 and base["undetermined"].height > 0
    for size in (37, 500):
        digest, tables = _sweep(frame, benefits, spec, tmp_path / f"s{size}", size)
        assert digest == base_hash
        for name, table in tables.items():
            assert table.equals(base[name]), f"{name} differs with partition size {size}"


def test_spouses_registered_apart_are_swept_together(
        population: Population, spec: RulesSpec, tmp_path: Path) -> None:
    """A couple is one unit even across households: a couple sum must see both spouses
    whatever the partition size, and a person's household brings the spouse's along."""
    frame, benefits = population
    apart = frame.filter(pl.len().over("couple_id") == 2, pl.col("person_id") != pl.col("couple_id"))
    moved = apart["person_id"][::2]   # every other spouse moves to a household of their own
    frame = frame.with_columns(pl.when(pl.col("person_id").is_in(moved.implode()))
                               .then(pl.col("person_id") + 10_000_000).otherwise("household_id")
                               .alias("household_id"))
    base_hash, base = _sweep(frame, benefits, spec, tmp_path / "a", 1_000_000)
    for size in (2, 37):
        digest, tables = _sweep(frame, benefits, spec, tmp_path / f"s{size}", size)
        assert digest == base_hash, size
        assert all(table.equals(base[name]) for name, table in tables.items()), size
    spouse = moved[0]
    partner = frame.filter(pl.col("person_id") == spouse)["couple_id"].item()
    together = FrameSource(frame, benefits).household(spec.as_of, partner)["person_id"]
    assert spouse in together and partner in together
    home = frame.filter(pl.col("household_id") == frame.filter(pl.col("person_id") == partner)["household_id"])
    assert set(together) == set(home["person_id"]) | {spouse}


def test_worker_processes_give_the_same_results(
        population: Population, spec: RulesSpec, tmp_path: Path) -> None:
    frame, benefits = population
    base_hash, base = _sweep(frame, benefits, spec, tmp_path / "a", 1_000)
    digest, tables = _sweep(frame, benefits, spec, tmp_path / "b", 1_000, workers=2)
    assert digest == base_hash
    for name, table in tables.items():
        assert table.equals(base[name]), name
