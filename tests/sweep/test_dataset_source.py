"""The sweep over a generated dataset: partitions linked from their shards give exactly the
frame the linker gives from the whole dataset, so the results do not depend on partitioning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from eligibility.records.linkage import link_persons, received_benefits
from eligibility.sweep import RulesSpec, SweepOptions, open_run, plan_partitions, run_sweep
from eligibility.sweep.dataset_source import DatasetSource

AS_OF = dt.date(2026, 3, 1)


def test_population_keeps_split_couples_together(dataset: Path) -> None:
    pop = DatasetSource(dataset).population(AS_OF)
    assert pop["person_id"].is_unique().all()
    plan = plan_partitions(pop, 500)
    part_of = {pid: p.index for p in plan for pid in p.person_ids.tolist()}
    linked = link_persons(dataset, AS_OF)
    couples = linked.group_by("couple_id").agg(pl.col("person_id"), pl.col("household_id").n_unique())
    assert couples["household_id"].max() == 2   # some spouses are registered apart
    for ids in couples["person_id"].to_list():
        assert len({part_of[i] for i in ids}) == 1


def test_each_shard_links_like_the_whole_dataset(dataset: Path, tmp_path: Path) -> None:
    source = DatasetSource(dataset)
    plan = plan_partitions(source.population(AS_OF), 1_500)
    assert len(plan) >= 4
    whole = link_persons(dataset, AS_OF)
    benefits = received_benefits(dataset, AS_OF)
    source.prepare(AS_OF, plan, tmp_path)
    for part in plan:
        ids = pl.Series(part.person_ids).implode()
        expected = whole.filter(pl.col("person_id").is_in(ids))
        assert source.persons(AS_OF, part).equals(expected), f"partition {part.index}"
        assert source.receiving(AS_OF, part).equals(benefits.filter(pl.col("person_id").is_in(ids)))
    assert sum(p.persons for p in plan) == whole.height


def test_sweep_results_do_not_depend_on_partitioning(dataset: Path, tmp_path: Path) -> None:
    spec = RulesSpec(None, AS_OF)
    one = run_sweep(DatasetSource(dataset), spec, SweepOptions(tmp_path, 1_000_000))
    many = run_sweep(DatasetSource(dataset), spec, SweepOptions(tmp_path, 700))
    assert len(many.manifest["partitions"]) >= 8 and len(one.manifest["partitions"]) == 1
    assert many.record["workers"] == 2 and one.record["workers"] == 1   # auto: a pool for many partitions
    assert one.record["decisions_hash"] == many.record["decisions_hash"]
    assert one.record["dataset_hash"] == many.record["dataset_hash"]
    for name in ("outreach", "outreach_no_consent", "review", "undetermined", "undetermined_by_input", "summary"):
        a, b = (pl.read_parquet(open_run(tmp_path, r.run_id).file(name)) for r in (one, many))
        assert a.equals(b), name
    assert not list(many.path.glob("shards")) and not list(many.path.glob("parts"))  # scratch not published
