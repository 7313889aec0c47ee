"""Measure a generated dataset against the calibration targets (targets.py).

Statistics are taken from the linked person frame (eligibility.records), i.e. as the engine
sees the data, on the reference date. `python -m synthetic_data.calibration DIR` prints the
comparison table used in docs/population.md.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from eligibility.records import Dataset, link_persons, received_benefits

from . import targets as T
from .config import REFERENCE_DATE
from .regions import load_regions


@dataclass(frozen=True)
class Check:
    name: str
    value: float
    target: float
    tolerance: float
    source: str

    @property
    def ok(self) -> bool:
        return abs(self.value - self.target) <= self.tolerance


def _age(as_of) -> pl.Expr:
    years = as_of.year - pl.col("birth_date").dt.year()
    before = (pl.col("birth_date").dt.month() > as_of.month) | (
        (pl.col("birth_date").dt.month() == as_of.month) & (pl.col("birth_date").dt.day() > as_of.day))
    return (years - before.cast(pl.Int32)).alias("age")


def measure(path: Path) -> list[Check]:
    ds = Dataset.open(path)
    as_of = REFERENCE_DATE
    p = link_persons(ds, as_of).with_columns(_age(as_of))
    n = p.height
    out: list[Check] = []

    def add(name: str, value: float, t: T.Target) -> None:
        out.append(Check(name, float(value), t.value, t.tolerance, t.source))

    band = pl.when(pl.col("age") >= 90).then(pl.lit("90+")).otherwise(
        (pl.col("age") // 10 * 10).cast(pl.String) + "-" + (pl.col("age") // 10 * 10 + 9).cast(pl.String))
    shares = p.group_by(band.alias("band")).len().with_columns(pl.col("len") / n)
    got = dict(zip(shares["band"].to_list(), shares["len"].to_list(), strict=True))
    for b, t in T.AGE_BANDS.items():
        add(f"age {b}", got.get(b, 0.0), t)
    add("aged 65+", (p["age"] >= 65).mean(), T.SHARE_65_PLUS)
    add("men per 100 women", 100 * (p["sex"] == "M").sum() / (p["sex"] == "F").sum(),
        T.MEN_PER_100_WOMEN)

    hh = p.group_by("household_id").agg(
        pl.len().alias("size"),
        (pl.col("home_value") > 0).any().alias("owner"),
        ((pl.col("home_value") + pl.col("other_real_estate")) / 0.7 + pl.col("lease_deposit")
         + pl.col("financial_assets") + pl.col("vehicle_value") - pl.col("debts")).sum()
        .alias("net_worth"),
        ((pl.col("nhis_arrears_months") >= 6) & pl.col("is_head")).any().alias("arrears6"),
        pl.col("crisis_utility_cutoff").any().alias("cutoff"))
    size = hh["size"]
    for k, t in T.HOUSEHOLD_SIZE.items():
        add(f"households of {k}", (size >= 4).mean() if k == "4+" else (size == int(k)).mean(), t)
    add("persons per household", size.mean(), T.PERSONS_PER_HOUSEHOLD)
    add("owner-occupied households", hh["owner"].mean(), T.OWNER_OCCUPIED)
    nw = hh["net_worth"].drop_nulls()
    add("households net worth < 3억 (market basis)", (nw < 300_000_000).mean(), T.NET_WORTH_BELOW_300M)
    add("households net worth ≥ 10억 (market basis)", (nw >= 1_000_000_000).mean(), T.NET_WORTH_1B_PLUS)
    add("households with 6+ months NHIS arrears", hh["arrears6"].mean(), T.NHIS_ARREARS_6M_HOUSEHOLDS)
    add("households with a utility cut-off (12 months)", hh["cutoff"].mean(),
        T.UTILITY_CUTOFF_HOUSEHOLDS_YEAR)

    regions = load_regions().frame
    ref = regions.group_by("sido").agg(pl.col("pop_2025_12").sum() / regions["pop_2025_12"].sum())
    gen = p.join(regions.select(pl.col("code5").alias("sigungu_code"), "sido"), on="sigungu_code") \
        .group_by("sido").len().with_columns(pl.col("len") / n)
    both = ref.join(gen, on="sido", how="left").fill_null(0)
    for sido, r, g in both.sort("sido").iter_rows():
        out.append(Check(f"시도 share {sido}", g, r, T.SIDO_SHARE_TOLERANCE, "regions.csv pop_2025_12"))
    ref_sg = regions.select(pl.col("code5").alias("sigungu_code"),
                            (pl.col("pop_2025_12") / regions["pop_2025_12"].sum()).alias("r"))
    gen_sg = p.group_by("sigungu_code").len().with_columns((pl.col("len") / n).alias("g"))
    tvd = ref_sg.join(gen_sg, on="sigungu_code", how="left").fill_null(0) \
        .select((pl.col("r") - pl.col("g")).abs().sum() / 2).item()
    out.append(Check("시군구 total variation distance", tvd, 0.0, T.SIGUNGU_TVD_TOLERANCE,
                     "regions.csv pop_2025_12"))
    add("capital-area share", p["capital_area"].mean(), T.CAPITAL_AREA_SHARE)

    adults = p.filter((pl.col("age") >= 15) & pl.col("earned_income_monthly").is_not_null())
    working = (pl.col("earned_income_monthly") + pl.col("business_income_monthly")
               + pl.col("daily_work_income_monthly")) > 0
    add("employment rate 15+", adults.select(working.mean()).item(), T.EMPLOYMENT_RATE_15_PLUS)
    emp = adults.filter(working)
    add("self-employed share of employed", (emp["business_income_monthly"] > 0).mean(),
        T.NON_WAGE_SHARE_OF_EMPLOYED)
    wages = emp.filter((pl.col("business_income_monthly") == 0)
                       & (pl.col("daily_work_income_monthly") == 0))["earned_income_monthly"]
    wages = wages.filter(wages > 0)
    add("wage median", wages.median(), T.WAGE_MEDIAN_MONTHLY)
    add("wage mean", wages.mean(), T.WAGE_MEAN_MONTHLY)
    old = p.filter(pl.col("age") >= 65)
    add("national pension share of 65+",
        (old["national_pension_monthly"].drop_nulls() > 0).mean(), T.NPS_SHARE_65_PLUS)
    add("registered disabled", p["disability_registered"].mean(), T.DISABLED_SHARE)
    dis = p.filter("disability_registered")
    add("severe share of disabled", dis["disability_severe"].mean(), T.SEVERE_SHARE_OF_DISABLED)

    got_b = received_benefits(ds, as_of).join(p.select("person_id", "age"), on="person_id")
    def share(prog: str, who: pl.DataFrame) -> float:
        ids = got_b.filter(pl.col("programme") == prog)["person_id"].unique()
        return who["person_id"].is_in(ids.implode()).mean()
    add("basic pension recipients / 65+", share("basic_pension", old), T.BASIC_PENSION_SHARE_65_PLUS)
    add("BLSA livelihood recipients / persons", share("blsa_livelihood", p), T.BLSA_LIVELIHOOD_SHARE)
    blsa = got_b.filter(pl.col("programme").str.starts_with("blsa_"))["person_id"].unique()
    add("BLSA (any) recipients / persons", p["person_id"].is_in(blsa.implode()).mean(), T.BLSA_ANY_SHARE)
    add("child allowance recipients / under 9", share("child_allowance", p.filter(pl.col("age") < 9)),
        T.CHILD_ALLOWANCE_SHARE_UNDER_9)
    return out


def table(checks: list[Check]) -> str:
    rows = ["| statistic | generated | target | tolerance | source | ok |", "|---|---:|---:|---:|---|---|"]
    for c in checks:
        fmt = "{:,.0f}" if abs(c.target) >= 100 else "{:.4f}"
        rows.append(f"| {c.name} | {fmt.format(c.value)} | {fmt.format(c.target)} | "
                    f"±{fmt.format(c.tolerance)} | {c.source} | {'yes' if c.ok else 'NO'} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table(measure(Path(sys.argv[1]))))
