"""The written registries: schemas, vocabularies, and the links between them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from eligibility.records import Dataset
from eligibility.records import schema as S
from eligibility.rulebook.loader import load_rulebook
from synthetic_data import GenerationReport


def test_schemas_and_vocabularies(population: tuple[Path, GenerationReport]) -> None:
    ds = Dataset.open(population[0])  # raises on any schema mismatch
    res = ds.scan("resident").collect()
    assert set(res["sex"]) == set(S.SEXES)
    assert set(res["relation_to_head"]) <= set(S.RELATIONS)
    assert res["name"].str.len_chars().is_between(2, 4).all()
    region = ds.scan("region").collect()
    assert res["sigungu_code"].is_in(region["code5"].implode()).all()
    fam = ds.scan("family").collect()
    assert set(fam["marital_status"].drop_nulls()) <= set(S.MARITAL_STATUSES)
    assert set(ds.scan("childcare").collect()["school_level"].drop_nulls()) <= set(S.SCHOOL_LEVELS)
    assert set(ds.scan("crisis").collect()["event"]) == set(S.CRISIS_EVENTS)
    assert set(ds.scan("benefits").collect()["programme"]) == set(load_rulebook().programmes)
    assert set(ds.scan("disability").collect()["severity"].drop_nulls()) <= set(S.SEVERITIES)
    months = ds.scan("earnings").select(pl.col("month").unique()).collect()["month"]
    assert months.min() == dt.date(2024, 12, 1) and months.max() == dt.date(2026, 2, 1)


def test_dates_are_plausible(population: tuple[Path, GenerationReport]) -> None:
    res = pl.read_parquet(population[0] / "resident.parquet")
    assert res["birth_date"].min() > dt.date(1920, 1, 1)
    assert res["birth_date"].max() <= dt.date(2026, 3, 1)
    assert (res["move_in_date"] >= res["birth_date"]).all()
    dead = res.filter(pl.col("death_date").is_not_null())
    assert (dead["death_date"] >= dead["birth_date"]).all()
    # deaths ≈ 366k / 51.1M a year over the 15-month window (§3.2), ± half
    assert 0.0045 <= dead["person_id"].n_unique() / res["person_id"].n_unique() <= 0.014


def test_parents_are_older_than_children(population: tuple[Path, GenerationReport]) -> None:
    res = pl.read_parquet(population[0] / "resident.parquet").unique("person_id")
    fam = pl.read_parquet(population[0] / "family.parquet").unique("person_id")
    born = res.select("person_id", "birth_date")
    for parent in ("mother_id", "father_id"):
        pairs = (fam.select("person_id", parent).drop_nulls()
                 .join(born, on="person_id")
                 .join(born.rename({"person_id": parent, "birth_date": "parent_born"}), on=parent))
        gap = (pairs["birth_date"] - pairs["parent_born"]).dt.total_days() / 365.25
        assert gap.min() >= 14, parent
        assert pairs.height > 0.4 * fam.height, parent  # most have a living, linked parent


def test_benefits_follow_their_rules(population: tuple[Path, GenerationReport]) -> None:
    path = population[0]
    res = pl.read_parquet(path / "resident.parquet").unique("person_id")
    ben = pl.read_parquet(path / "benefits.parquet").join(res, on="person_id")
    age_at_ref = (dt.date(2026, 3, 1) - ben["birth_date"]).dt.total_days() / 365.25
    ben = ben.with_columns(age=age_at_ref)
    assert ben.filter(pl.col("programme") == "child_allowance")["age"].max() < 9.25  # 2017년생
    assert ben.filter(pl.col("programme") == "parent_benefit")["age"].max() < 2
    assert ben.filter(pl.col("programme") == "basic_pension")["age"].min() >= 65
    assert (ben["since"] >= ben["birth_date"]).all()


def test_crisis_feed_agrees_with_earnings(population: tuple[Path, GenerationReport]) -> None:
    """Who the feed says lost a job earned wages before the loss month and less after it."""
    path = population[0]
    lost = (pl.read_parquet(path / "crisis.parquet").filter(pl.col("event") == "job_loss")
            .unique("person_id", keep="first").select("person_id", "event_date"))
    earn = pl.read_parquet(path / "earnings.parquet").join(lost, on="person_id")
    month_of_loss = pl.col("event_date").dt.truncate("1mo")
    before = earn.filter(pl.col("month") < month_of_loss).group_by("person_id").agg(
        pl.col("earned").mean().alias("before"))
    after = earn.filter(pl.col("month") >= month_of_loss).group_by("person_id").agg(
        pl.col("earned").mean().alias("after"))
    both = lost.join(before, on="person_id", how="left").join(after, on="person_id", how="left")
    both = both.fill_null(0)
    assert (both["before"] > 0).mean() > 0.9
    assert (both["after"] < both["before"]).mean() > 0.8  # some are rehired at once
