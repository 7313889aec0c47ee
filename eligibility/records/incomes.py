"""Income windows from the monthly earnings registry (long format, zero-filled per person).

As of a date D: the monthly inputs are the mean of the three calendar months before D's month
(D = 2026-03-15 → Dec, Jan, Feb), rounded half-up to the won; the annual inputs are totals of
the calendar year before D. A value is unknown (null) when the person is absent from the
registry, when a month in the window holds a conflicting duplicate, or when the registry does
not cover the window at all.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from . import cleaning
from .dataset import Dataset


def month_start(d: dt.date, shift: int = 0) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + shift, 12)
    return dt.date(y, m + 1, 1)


def _windowed(col: str, inside: pl.Expr, covered: bool, tag: str) -> list[pl.Expr]:
    """Row-level parts of a windowed sum: the value inside the window (else 0), and a flag
    for an unknown value inside it (a conflicting duplicate)."""
    if not covered:
        return [pl.lit(None, pl.Int64).alias(col + tag), pl.lit(True).alias(col + tag + "?")]
    return [pl.when(inside).then(pl.col(col)).otherwise(0).alias(col + tag),
            (inside & pl.col(col).is_null()).alias(col + tag + "?")]


def _total(col: str) -> pl.Expr:
    return pl.when(pl.col(col + "?").any()).then(None).otherwise(pl.col(col).sum()).alias(col)


def _mean3(total: pl.Expr) -> pl.Expr:
    return (total * 2 + 3) // 6  # round half-up of total / 3, in whole won


def _month_bit() -> pl.Expr:
    """A bit per calendar month (mod 62): a person's months repeat when the sum of their bits
    differs from their bitwise or. A collision on windows longer than 62 months only sends the
    person down the slow, exact path."""
    ordinal = (pl.col("month").dt.year().cast(pl.Int64) * 12 + pl.col("month").dt.month()) % 62
    return pl.lit(2, pl.Int64).pow(ordinal).cast(pl.Int64).alias("_bit")


def aggregates(ds: Dataset, as_of: dt.date, person_ids: pl.Series | None = None) -> pl.DataFrame:
    """One row per person present in the earnings registry: the income inputs, and
    total_income_annual (what an obligatory provider earned last year, all sources).

    Fast path: sum the raw rows per person; only people with a repeated month (duplicates,
    rare) are re-summed from cleaned rows (cleaning.registry: exact copies once, conflicting
    values unknown). Orphan rows are summed too and fall away when joined to residents."""
    first, last = ds.earnings_months
    m3, m1 = month_start(as_of, -3), month_start(as_of, -1)
    y0, y1 = dt.date(as_of.year - 1, 1, 1), dt.date(as_of.year - 1, 12, 1)
    recent_ok = first <= m3 and last >= m1
    year_ok = first <= y0 and last >= y1
    recent = pl.col("month").is_between(m3, m1)
    year = pl.col("month").is_between(y0, y1)
    parts, names = [], []
    for col in ("earned", "business", "daily_work", "other"):
        parts += _windowed(col, recent, recent_ok, "3") + _windowed(col, year, year_ok, "y")
        names += [col + "3", col + "y"]

    def summed(rows: pl.LazyFrame, check: bool) -> pl.DataFrame:
        extra = [pl.col("_bit").sum().alias("_sum"), pl.col("_bit").bitwise_or().alias("_or")] \
            if check else []
        return (rows.with_columns(*parts, *([_month_bit()] if check else []))
                .group_by("person_id").agg(*[_total(c) for c in names], *extra).collect())

    sums = summed(cleaning.raw(ds, "earnings", person_ids), check=True)
    repeated = sums.filter(pl.col("_sum") != pl.col("_or"))["person_id"]
    sums = sums.filter(pl.col("_sum") == pl.col("_or")).drop("_sum", "_or")
    if repeated.len():
        exact = summed(cleaning.registry(ds, "earnings", repeated, drop_orphans=False), check=False)
        sums = pl.concat([sums, exact.select(sums.columns)])
    short = {"earned3": "e3", "business3": "b3", "daily_work3": "d3", "other3": "o3",
             "earnedy": "ey", "businessy": "by", "daily_worky": "dy", "othery": "oy"}
    return sums.rename(short).select(
        "person_id",
        _mean3(pl.col("e3")).cast(pl.Int64).alias("earned_income_monthly"),
        _mean3(pl.col("b3")).cast(pl.Int64).alias("business_income_monthly"),
        _mean3(pl.col("d3")).cast(pl.Int64).alias("daily_work_income_monthly"),
        _mean3(pl.col("o3")).cast(pl.Int64).alias("other_income_monthly"),
        (pl.col("ey") + pl.col("dy")).cast(pl.Int64).alias("earned_income_annual"),
        pl.col("by").cast(pl.Int64).alias("business_income_annual"),
        (pl.col("ey") + pl.col("dy") + pl.col("by") + pl.col("oy")).cast(pl.Int64)
        .alias("total_income_annual"),
    )
