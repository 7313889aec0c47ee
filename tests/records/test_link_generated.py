"""link_persons on a generated population: the inputs.yaml contract, one row per living
resident, absent → null (never zero), and partitions that agree with the whole."""

from __future__ import annotations

import polars as pl
import pytest
from records_builders import AS_OF

from eligibility.records import Dataset, link_persons, partitions, received_benefits
from eligibility.records.contract import check_frame, load_inputs
from eligibility.records.schema import REGISTRIES
from synthetic_data import GenerationReport


@pytest.fixture(scope="module")
def frame(generated: tuple[Dataset, GenerationReport]) -> pl.DataFrame:
    return link_persons(generated[0], AS_OF)


def test_contract(frame: pl.DataFrame) -> None:
    check_frame(frame)
    assert frame["person_id"].is_unique().all() and frame["person_id"].is_sorted()
    assert frame["sido_code"].str.len_chars().eq(2).all()
    for name, spec in load_inputs().items():  # inputs no registry holds (a caseworker's call)
        if spec.registry not in REGISTRIES and spec.absent is None:
            assert frame[name].is_null().all(), name


def test_one_row_per_living_resident(generated: tuple[Dataset, GenerationReport], frame: pl.DataFrame) -> None:
    res = generated[0].scan("resident").unique("person_id").collect()
    living = res.filter(pl.col("death_date").is_null() | (pl.col("death_date") > AS_OF))
    assert set(frame["person_id"]) == set(living["person_id"])


def test_absent_is_null_not_zero(generated: tuple[Dataset, GenerationReport], frame: pl.DataFrame) -> None:
    ds = generated[0]
    inputs = load_inputs()
    for registry in ("earnings", "property", "pensions", "health", "family"):
        listed = ds.scan(registry).select("person_id").unique().collect()
        absent = frame.join(listed, on="person_id", how="anti")
        assert absent.height > 0, registry
        for name, spec in inputs.items():
            if spec.registry == registry:
                assert absent[name].is_null().all(), (registry, name)
    # registries that list positive cases only: absence takes inputs.yaml's value
    listed = ds.scan("disability").select("person_id").unique().collect()
    absent = frame.join(listed, on="person_id", how="anti")
    assert not absent["disability_registered"].any() and absent["disability_registered"].null_count() == 0
    listed = ds.scan("childcare").select("person_id").unique().collect()
    absent = frame.join(listed, on="person_id", how="anti")
    assert (absent["school_level"] == "none").all() and (absent["daycare_voucher_monthly"] == 0).all()


def test_known_zeros_are_zeros(frame: pl.DataFrame) -> None:
    """Present in the earnings registry without income: 0, not null."""
    kids = frame.filter(pl.col("birth_date") > pl.date(2016, 1, 1))
    assert (kids["earned_income_monthly"].drop_nulls() == 0).all()
    assert kids["earned_income_monthly"].null_count() < 0.05 * kids.height


def test_couples(frame: pl.DataFrame) -> None:
    paired = frame.filter(pl.col("couple_id") != pl.col("person_id"))
    assert paired["has_spouse"].all()
    sizes = frame.group_by("couple_id").len()["len"]
    assert sizes.max() == 2
    singles = frame.filter(pl.col("has_spouse") == False)  # noqa: E712
    assert (singles["couple_id"] == singles["person_id"]).all()


def test_partitions_agree_with_the_whole(generated: tuple[Dataset, GenerationReport], frame: pl.DataFrame) -> None:
    ds = generated[0]
    parts = partitions(ds, AS_OF, 3)
    assert sum(len(p) for p in parts) == frame.height
    for part in parts[:2]:
        got = link_persons(ds, AS_OF, part)
        assert got.equals(frame.filter(pl.col("person_id").is_in(part.implode())))
    # households and couples never straddle partitions
    where = pl.concat([pl.DataFrame({"person_id": p, "part": i}) for i, p in enumerate(parts)])
    j = frame.join(where, on="person_id")
    assert j.group_by("household_id").agg(pl.col("part").n_unique())["part"].max() == 1
    assert j.group_by("couple_id").agg(pl.col("part").n_unique())["part"].max() == 1


def test_received_benefits(generated: tuple[Dataset, GenerationReport], frame: pl.DataFrame) -> None:
    got = received_benefits(generated[0], AS_OF)
    assert got["person_id"].is_in(frame["person_id"].implode()).all()
    assert (got["since"].drop_nulls() <= AS_OF).all()
    assert got.select("person_id", "programme").is_unique().all()
    # the benefits file read directly: rows of living residents (the linked frame's people; an
    # orphan's id is no resident's), one per (person, programme) with `since` unknown where the
    # rows disagree, in payment on the date (since unknown or on or before it)
    rows = pl.read_parquet(generated[0].path / "benefits.parquet")
    mine = rows.filter(pl.col("person_id").is_in(frame["person_id"].implode()))
    one = mine.group_by("person_id", "programme").agg(
        pl.when(pl.col("since").unique().len() == 1).then(pl.col("since").first()).alias("since"))
    expected = one.filter(pl.col("since").is_null() | (pl.col("since") <= AS_OF)).sort("person_id", "programme")
    assert expected.height > 1_000 and expected.height < mine.height   # the filters left out some rows
    assert got.select("person_id", "programme", "since").equals(expected.select(got.columns))
