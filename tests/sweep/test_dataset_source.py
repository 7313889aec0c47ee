"""The sweep over a generated dataset: partitions linked from their shards give exactly the
frame the linker gives from the whole dataset, so the results do not depend on partitioning."""

from __future__ import annotations

import datetime as dt
import gc
import json
import shutil
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.ipc as ipc
import pytest

from eligibility.errors import DataError
from eligibility.records.linkage import link_persons, received_benefits
from eligibility.records.report import linkage_report
from eligibility.sweep import (
    RulesSpec,
    SweepOptions,
    dataset_source,
    open_run,
    plan_partitions,
    run_sweep,
    shard,
)
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


def _shards_link_like_whole(data: Path, workdir: Path, summed: bool = True) -> tuple[set[int], set[int]]:
    """Links every partition of `data` from its shard and checks it against the whole dataset's
    frame; returns the people linked and those whose raw earnings rows the shards hold (the
    others' earnings come from the sums computed while sharding, if `summed`)."""
    source = DatasetSource(data)
    plan = plan_partitions(source.population(AS_OF), 1_500)
    whole = link_persons(data, AS_OF)
    source.prepare(AS_OF, plan, workdir)
    raw: set[int] = set()
    for part in plan:
        folder = shard.shard_path(workdir / "shards", part)
        raw |= set(shard.ShardDataset(folder).scan("earnings").collect()["person_id"].to_list())
        assert (folder / f"{shard.SUMS_FILE}.arrow").exists() == summed
        expected = whole.filter(pl.col("person_id").is_in(pl.Series(part.person_ids).implode()))
        assert source.persons(AS_OF, part).equals(expected), f"partition {part.index}"
    return set(whole["person_id"].to_list()), raw


def _earnings_flags(data: Path, batch_rows: int) -> tuple[set[int], set[int]]:
    """People with a month twice in the earnings file, and people whose rows fall in more than
    one batch of `batch_rows` rows: worked out from the file, not by shard.py."""
    rows = pl.read_parquet(data / "earnings.parquet").with_row_index("i")
    repeated = rows.group_by("person_id", "month").len().filter(pl.col("len") > 1)
    spanning = rows.group_by("person_id").agg((pl.col("i") // batch_rows).n_unique().alias("n"))
    return (set(repeated["person_id"].to_list()),
            set(spanning.filter(pl.col("n") > 1)["person_id"].to_list()))


@pytest.mark.parametrize("batch_rows", [5_000, 40_000])
def test_earnings_sums_of_people_across_batches(dataset: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                batch_rows: int) -> None:
    """Small batches: many people's rows span batches (the generator appends duplicates at the
    end of the file), so their partial sums are set aside and their raw rows summed exactly."""
    monkeypatch.setattr(shard, "BATCH_ROWS", batch_rows)
    linked, raw = _shards_link_like_whole(dataset, tmp_path)
    repeated, spanning = _earnings_flags(dataset, batch_rows)
    flagged = repeated | spanning
    assert linked & flagged <= raw <= flagged   # every flagged person linked: from raw rows
    assert linked & repeated and linked & (spanning - repeated)
    assert len(raw) < len(linked) / 10          # the others: from the sums


def test_earnings_not_grouped_by_person(dataset: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """An export in no order is routed raw in one pass, without sums (nearly everyone's rows
    would span batches); the frames stay those of the whole dataset (which does not depend on
    the row order either)."""
    shuffled = tmp_path / "shuffled"
    shutil.copytree(dataset, shuffled)
    rows = pl.read_parquet(dataset / "earnings.parquet")
    rows.sample(fraction=1.0, shuffle=True, seed=3).write_parquet(shuffled / "earnings.parquet")
    assert link_persons(shuffled, AS_OF).equals(link_persons(dataset, AS_OF))
    monkeypatch.setattr(shard, "BATCH_ROWS", 20_000)
    linked, raw = _shards_link_like_whole(shuffled, tmp_path / "run", summed=False)
    assert raw >= linked & set(rows["person_id"].to_list())   # everyone's earnings from raw rows


def test_shard_sums_hold_for_their_date_and_once_a_person(dataset: Path, tmp_path: Path) -> None:
    source = DatasetSource(dataset)
    plan = plan_partitions(source.population(AS_OF), 1_500)
    source.prepare(AS_OF, plan, tmp_path)
    folder = shard.shard_path(tmp_path / "shards", plan[0])
    with pytest.raises(DataError, match="summed as of 2026-03-01: it cannot be linked as of 2026-04-01"):
        link_persons(shard.ShardDataset(folder, whole=source.ds), dt.date(2026, 4, 1))
    # polars memory-maps the shard files; the failed link's traceback (a reference cycle) may
    # still hold the map: free it before the file is rewritten in place
    gc.collect()
    sums = folder / f"{shard.SUMS_FILE}.arrow"
    table = ipc.open_file(str(sums)).read_all()
    with ipc.new_file(str(sums), table.schema) as out:   # a person's sums twice
        out.write_table(pa.concat_tables([table, table.slice(0, 1)]))
    with pytest.raises(DataError, match="more than one row of precomputed sums"):
        source.persons(AS_OF, plan[0])


def test_sweep_results_do_not_depend_on_partitioning(dataset: Path, tmp_path: Path) -> None:
    spec = RulesSpec(None, AS_OF)
    one = run_sweep(DatasetSource(dataset), spec, SweepOptions(tmp_path, 1_000_000, workers=1))
    many = run_sweep(DatasetSource(dataset), spec, SweepOptions(tmp_path, 700, workers=2))
    assert len(many.manifest["partitions"]) >= 8 and len(one.manifest["partitions"]) == 1
    assert many.record["workers"] == 2 and one.record["workers"] == 1   # in this process, and in a pool
    assert one.record["decisions_hash"] == many.record["decisions_hash"]
    assert one.record["dataset_hash"] == many.record["dataset_hash"]
    for name in ("outreach", "outreach_no_consent", "review", "undetermined", "undetermined_by_input", "summary"):
        a, b = (pl.read_parquet(open_run(tmp_path, r.run_id).file(name)) for r in (one, many))
        assert a.equals(b), name
    assert not list(many.path.glob("shards")) and not list(many.path.glob("parts"))  # scratch not published


def test_linkage_report_counted_by_partition_is_the_whole_report(dataset: Path, tmp_path: Path) -> None:
    """With many partitions the report is counted shard by shard (the dead apart, the orphans
    as the rows no one holds, in worker processes) and is the report of the whole dataset."""
    whole = linkage_report(dataset, AS_OF)
    run = run_sweep(DatasetSource(dataset), RulesSpec(None, AS_OF),
                    SweepOptions(tmp_path, 700, workers=2, linkage_report=True))
    assert len(run.manifest["partitions"]) >= 8 and run.record["workers"] == 2
    got = json.loads((run.path / "linkage_report.json").read_text(encoding="utf-8"))
    assert got == whole.model_dump(mode="json")
    assert dataset_source.linkage_report(dataset, AS_OF, 700) == whole   # without a sweep
    # each kind of count is there to be got wrong
    earnings, resident = whole.registries["earnings"], whole.resident
    assert earnings.orphan_rows and earnings.duplicate_rows_exact and earnings.duplicate_rows_merged
    assert earnings.not_living_rows and earnings.persons_absent
    assert whole.registries["benefits"].rows_dated_after_as_of
    assert resident.stale_rows and resident.duplicate_rows_exact and resident.dead_excluded
    assert whole.family_unknown_references["spouse_id"]
    assert not (tmp_path / run.run_id / "shards").exists()


def test_people_of_unknown_household_are_undetermined_where_it_matters(
        unplaced: tuple[Path, list[int]], tmp_path: Path) -> None:
    """A resident placed in no household is not pooled with the others so placed, nor
    decided as a household of one: household programmes are undetermined (or ineligible on
    a criterion of their own), the undetermined list asks the resident registry for their
    household, and the results do not depend on partitioning (a spouse keeps them together)."""
    data, people = unplaced
    spec = RulesSpec(None, AS_OF)
    one = run_sweep(DatasetSource(data), spec, SweepOptions(tmp_path, 1_000_000))
    many = run_sweep(DatasetSource(data), spec, SweepOptions(tmp_path, 500))
    assert one.record["decisions_hash"] == many.record["decisions_hash"]
    run = open_run(tmp_path, many.run_id)
    mine = run.decisions(people)
    assert mine.height == len(people) and mine["household_id"].null_count() == len(people)
    units = {p: m["unit"] for p, m in run.manifest["rules"]["programmes"].items()}
    household = [p for p, unit in units.items() if unit == "household"]
    statuses = mine.select(pl.concat_list(f"{p}:status" for p in household)).to_series().explode()
    assert set(statuses.to_list()) <= {0, 2} and 2 in statuses.to_list()
    asks = pl.read_parquet(run.file("undetermined")).filter(pl.col("input") == "household_id")
    assert set(asks["registry"]) == {"resident"}
    assert set(asks["person_id"]) == set(people)   # everyone unplaced, and no one else


def test_a_past_date_leaves_out_the_people_born_after_it(dataset: Path) -> None:
    """As of a past date, the plan, the partitioned report and the whole report agree on who was
    born by then; the earnings registry's window, which that date's previous year is outside of,
    is a warning for the run."""
    past = dt.date(2025, 6, 1)
    source = DatasetSource(dataset)
    people = source.population(past)["person_id"]
    births = pl.read_parquet(dataset / "resident.parquet").group_by("person_id").agg(pl.col("birth_date").max())
    later = births.filter(pl.col("birth_date") > past)["person_id"]
    assert later.len() and not people.is_in(later.implode()).any()
    whole = linkage_report(dataset, past)
    assert whole.resident.not_yet_born == later.len() and whole.resident.living == people.len()
    assert dataset_source.linkage_report(dataset, past, 700) == whole
    assert source.warnings(past) and not source.warnings(AS_OF)
