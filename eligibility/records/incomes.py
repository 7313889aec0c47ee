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
from .schema import REGISTRIES


def month_start(d: dt.date, shift: int = 0) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + shift, 12)
    return dt.date(y, m + 1, 1)


def _windowed(value: pl.Expr, inside: pl.Expr, covered: bool, name: str) -> pl.Expr:
    """A row's share of a windowed sum: the value inside the window, else 0. A null inside
    (a conflicting duplicate) stays null, and so does every row of a window the registry does
    not cover: either makes the sum unknown (_total)."""
    if not covered:
        return pl.lit(None, pl.Int64).alias(name)
    return pl.when(inside).then(value).otherwise(0).alias(name)


def _total(name: str) -> pl.Expr:
    return pl.when(pl.col(name).null_count() == 0).then(pl.col(name).sum()).alias(name)


def _mean3(total: pl.Expr) -> pl.Expr:
    return (total * 2 + 3) // 6  # round half-up of total / 3, in whole won


def _month_bit() -> pl.Expr:
    """A bit per 28-day span of the month's date (mod 62): a person's months repeat when the
    sum of their bits differs from their bitwise or. Equal dates always share a bit; distinct
    month starts (28+ days apart) do not within 62 × 28 days, and a collision beyond only sends
    the person down the slow, exact path. Integer day arithmetic: no calendar conversion."""
    return pl.lit(2, pl.Int64).pow((pl.col("month").cast(pl.Int32) // 28) % 62).alias("_bit")


def aggregates(ds: Dataset, as_of: dt.date, person_ids: pl.Series | None = None) -> pl.DataFrame:
    """One row per person present in the earnings registry: the income inputs, and
    total_income_annual (what an obligatory provider earned last year, all sources).

    Fast path: sum the raw rows per person; only people with a repeated month (duplicates,
    rare) are re-summed from their cleaned rows (cleaning.merge_conflicts: exact copies once,
    conflicting values unknown), taken from the rows already read. Orphan rows are summed too
    and fall away when joined to residents."""
    first, last = ds.earnings_months
    m3, m1 = month_start(as_of, -3), month_start(as_of, -1)
    y0, y1 = dt.date(as_of.year - 1, 1, 1), dt.date(as_of.year - 1, 12, 1)
    recent_ok = first <= m3 and last >= m1
    year_ok = first <= y0 and last >= y1
    recent = pl.col("month").is_between(m3, m1)
    year = pl.col("month").is_between(y0, y1)
    # Earned and daily-work income are only ever reported together over the year: one sum.
    parts = [_windowed(pl.col(c), recent, recent_ok, c + "3")
             for c in ("earned", "business", "daily_work", "other")]
    parts += [_windowed(pl.col("earned") + pl.col("daily_work"), year, year_ok, "edy"),
              _windowed(pl.col("business"), year, year_ok, "by"),
              _windowed(pl.col("other"), year, year_ok, "oy")]
    names = [p.meta.output_name() for p in parts]

    def summed(rows: pl.LazyFrame, check: bool) -> pl.DataFrame:
        extra = [pl.col("_bit").sum().alias("_sum"), pl.col("_bit").bitwise_or().alias("_or")] \
            if check else []
        return (rows.with_columns(*parts, *([_month_bit()] if check else []))
                .group_by("person_id").agg(*[_total(c) for c in names], *extra).collect())

    rows = cleaning.raw(ds, "earnings", person_ids).collect()
    sums = summed(rows.lazy(), check=True)
    repeated = sums.filter(pl.col("_sum") != pl.col("_or"))["person_id"]
    sums = sums.filter(pl.col("_sum") == pl.col("_or")).drop("_sum", "_or")
    if repeated.len():
        reg = REGISTRIES["earnings"]
        dup = rows.lazy().filter(pl.col("person_id").is_in(repeated.implode()))
        exact = summed(cleaning.merge_conflicts(
            dup, list(reg.key), [c for c in reg.columns if c not in reg.key]), check=False)
        sums = pl.concat([sums, exact.select(sums.columns)])
    return sums.select(
        "person_id",
        _mean3(pl.col("earned3")).alias("earned_income_monthly"),
        _mean3(pl.col("business3")).alias("business_income_monthly"),
        _mean3(pl.col("daily_work3")).alias("daily_work_income_monthly"),
        _mean3(pl.col("other3")).alias("other_income_monthly"),
        pl.col("edy").alias("earned_income_annual"),
        pl.col("by").alias("business_income_annual"),
        (pl.col("edy") + pl.col("by") + pl.col("oy")).alias("total_income_annual"),
    )
