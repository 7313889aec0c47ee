"""rules/regions.csv: the 229 시군구 reference table and its derived tiers."""

from __future__ import annotations

import polars as pl

from eligibility.records.schema import REGION
from synthetic_data.regions import REGIONS_CSV, load_regions


def frame() -> pl.DataFrame:
    return load_regions(REGIONS_CSV).frame


def test_shape_and_totals() -> None:
    f = frame()
    assert f.height == 229 and f["code5"].n_unique() == 229
    assert f["sido"].n_unique() == 17
    assert f["pop_2025_12"].sum() == 51_117_378  # §1.1 [V]
    assert dict(f.schema) == dict(REGION.columns)
    assert (f["sido_code"] == f["code5"].str.slice(0, 2)).all()


def test_flags() -> None:
    f = frame()
    depop = f.filter("depopulation_area")
    assert depop.height == 89 and depop["pop_2025_12"].sum() == 4_688_124  # §2.3 [C]
    cap = f.filter("capital_area")
    assert set(cap["sido"]) == {"서울", "인천", "경기"}
    assert cap["pop_2025_12"].sum() == 26_081_644  # §1.1 [V]


def test_tiers() -> None:
    f = frame()
    blsa = dict(f.group_by("blsa_tier").len().iter_rows())
    assert blsa == {"seoul": 25, "gyeonggi": 31, "metro": 52, "other": 121}
    # 광역시 군 (기장, 달성, 군위, 강화, 옹진, 울주) count as metro [R default], as do 세종 and 창원.
    assert set(f.filter(pl.col("kind") == "군").filter(pl.col("blsa_tier") == "metro")["code5"]) == {
        "26710", "27710", "27720", "28710", "28720", "31710"}
    assert f.filter(pl.col("sigungu") == "창원시")["blsa_tier"].item() == "metro"
    city = f.group_by("city_tier").agg(pl.len(), pl.col("pop_2025_12").sum())
    got = {r[0]: (r[1], r[2]) for r in city.iter_rows()}
    # 자치구 69 (21,110,314) + the five 특례시 (5,318,649, §2.1) are 대도시 for 기초연금
    assert got == {"metropolis": (74, 21_110_314 + 5_318_649), "city": (73, 25_807_370 - 5_318_649),
                   "rural": (82, 4_199_694)}  # §2.1 [C]
