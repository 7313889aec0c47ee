"""linkage_report on a generated population: every injected imperfection is reported, to
the row, and every row is accounted for."""

from __future__ import annotations

import polars as pl
import pytest
from records_builders import AS_OF

from eligibility.records import Dataset, LinkageReport, linkage_report
from eligibility.records.schema import PERSON_REGISTRIES
from synthetic_data import GenerationReport


@pytest.fixture(scope="module")
def report(generated: tuple[Dataset, GenerationReport]) -> LinkageReport:
    return linkage_report(generated[0], AS_OF)


def test_every_row_accounted_for(report: LinkageReport) -> None:
    report.check()


def test_injected_noise_reported_exactly(generated: tuple[Dataset, GenerationReport],
                                         report: LinkageReport) -> None:
    injected = generated[1].injected
    for name in PERSON_REGISTRIES:
        got, inj = report.registries[name], injected[name]
        assert got.orphan_rows == inj["orphan_rows"], name
        assert got.duplicate_rows_exact == inj["duplicate_exact"], name
        assert got.duplicate_rows_merged == inj["duplicate_conflicting"], name
        assert got.conflicting_keys == inj["duplicate_conflicting"], name
    assert report.resident.duplicate_rows_exact == injected["resident"]["duplicate_exact"]
    assert report.resident.stale_rows == injected["resident"]["stale_rows"]
    assert report.resident.persons == generated[1].people


def test_dead_and_absent_counts(generated: tuple[Dataset, GenerationReport],
                                report: LinkageReport) -> None:
    ds = generated[0]
    res = ds.scan("resident").unique("person_id").collect()
    dead = res.filter(pl.col("death_date") <= AS_OF)
    assert report.resident.dead_excluded == dead.height
    living = res.filter(pl.col("death_date").is_null() | (pl.col("death_date") > AS_OF))
    assert report.resident.living == living.height
    for name in ("earnings", "property", "health", "disability"):
        listed = ds.scan(name).select("person_id").unique().collect()
        absent = living.join(listed, on="person_id", how="anti").height
        assert report.registries[name].persons_absent == absent, name
    # 1% of people are missing from earnings by default (± sampling)
    assert 0.007 <= report.registries["earnings"].persons_absent / living.height <= 0.013
    assert report.registries["disability"].positive_only


def test_family_references_and_regions(report: LinkageReport) -> None:
    assert report.unknown_sigungu_persons == 0
    assert report.family_unknown_references["mother_id"] == 0
    assert report.family_unknown_references["spouse_id"] > 0  # spouses outside the registry
    assert report.earnings_window["last_3_months_covered"] is True


def test_markdown_lists_every_registry(report: LinkageReport) -> None:
    text = report.to_markdown()
    for name in PERSON_REGISTRIES:
        assert f"| {name} |" in text
