"""Income windows from the monthly earnings registry (long format, zero-filled per person).

As of a date D: the monthly inputs are the mean of the three calendar months before D's month
(D = 2026-03-15 → Dec, Jan, Feb), rounded half-up to the won; the annual inputs are totals of
the calendar year before D. A value is unknown (null) when the person is absent from the
registry, when a month in the window holds a conflicting duplicate, or when the registry does
not cover the window at all.

In two steps, so that the first can run wherever the rows are: `summed` gives each person's
window sums (SUMS) over any batch of raw rows, `incomes` turns sums into the inputs. The
sweep's sharding pass (sweep/shard.py) sums the registry batch by batch and hands a shard the
sums of most people instead of their ten rows each (a dataset that carries such sums says so
through `earnings_sums`, see PrecomputedSums); `aggregates` sums whatever raw rows there are
and adds those.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol, runtime_checkable

import polars as pl

from ..errors import DataError
from . import cleaning
from .dataset import Dataset
from .schema import REGISTRIES

# A person's window sums: recent three months per source, and last year's totals (earned and
# daily-work income are only ever reported together over the year: one sum).
SUMS = ("earned3", "business3", "daily_work3", "other3", "edy", "by", "oy")
SUMS_SCHEMA = {"person_id": REGISTRIES["earnings"].columns["person_id"],
               **{c: pl.Int64() for c in SUMS}}
# On summed(check=True): no month of the person occurs twice (null: no month at all).
DISTINCT_MONTHS = pl.col("_sum") == pl.col("_or")


@runtime_checkable
class PrecomputedSums(Protocol):
    """A dataset that carries the window sums (SUMS_SCHEMA, one row per person) of people whose
    raw earnings rows it does not hold (the sweep's shards). It can only give them as of the
    date they were summed for, and refuses any other."""

    def earnings_sums(self, as_of: dt.date) -> pl.LazyFrame: ...


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


def _recent(as_of: dt.date) -> tuple[dt.date, dt.date]:
    return month_start(as_of, -3), month_start(as_of, -1)


def _year(as_of: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(as_of.year - 1, 1, 1), dt.date(as_of.year - 1, 12, 1)


def coverage(as_of: dt.date, months: tuple[dt.date, dt.date]) -> dict[str, bool]:
    """Whether the registry's months (first, last) cover each window as of the date: where
    one is not covered, every income from it is unknown."""
    first, last = months
    (m3, m1), (y0, y1) = _recent(as_of), _year(as_of)
    return {"last_3_months_covered": first <= m3 and last >= m1,
            "previous_year_covered": first <= y0 and last >= y1}


def _parts(as_of: dt.date, months: tuple[dt.date, dt.date]) -> list[pl.Expr]:
    """A row's share of each of the SUMS, as of the date; `months`: the first and last month
    the registry covers (Dataset.earnings_months)."""
    (m3, m1), (y0, y1) = _recent(as_of), _year(as_of)
    covered = coverage(as_of, months)
    recent_ok, year_ok = covered["last_3_months_covered"], covered["previous_year_covered"]
    recent = pl.col("month").is_between(m3, m1)
    year = pl.col("month").is_between(y0, y1)
    return [*(_windowed(pl.col(c), recent, recent_ok, c + "3")
              for c in ("earned", "business", "daily_work", "other")),
            _windowed(pl.col("earned") + pl.col("daily_work"), year, year_ok, "edy"),
            _windowed(pl.col("business"), year, year_ok, "by"),
            _windowed(pl.col("other"), year, year_ok, "oy")]


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


def summed(rows: pl.LazyFrame, as_of: dt.date, months: tuple[dt.date, dt.date],
           check: bool) -> pl.DataFrame:
    """Per person of `rows` (raw or cleaned earnings rows): person_id and the SUMS. With
    `check`, also _sum and _or of the month bits: unless they are equal (DISTINCT_MONTHS) a
    month occurs twice and the sums count a duplicate twice: not usable (see exact)."""
    extra = [pl.col("_bit").sum().alias("_sum"), pl.col("_bit").bitwise_or().alias("_or")] \
        if check else []
    return (rows.with_columns(*_parts(as_of, months), *([_month_bit()] if check else []))
            .group_by("person_id").agg(*[_total(c) for c in SUMS], *extra).collect())


def exact(rows: pl.DataFrame, as_of: dt.date, months: tuple[dt.date, dt.date]) -> pl.DataFrame:
    """person_id and the SUMS over all the given rows of each person. Fast path: sum the raw
    rows; only people with a repeated month (duplicates, rare) are re-summed from their
    cleaned rows (cleaning.merge_conflicts: exact copies once, conflicting values unknown)."""
    sums = summed(rows.lazy(), as_of, months, check=True)
    repeated = sums.filter(~DISTINCT_MONTHS)["person_id"]
    sums = sums.filter(DISTINCT_MONTHS).drop("_sum", "_or")
    if repeated.len():
        reg = REGISTRIES["earnings"]
        dup = rows.lazy().filter(pl.col("person_id").is_in(repeated.implode()))
        merged = cleaning.merge_conflicts(dup, list(reg.key),
                                          [c for c in reg.columns if c not in reg.key])
        sums = pl.concat([sums, summed(merged, as_of, months, check=False).select(sums.columns)])
    return sums


def incomes(sums: pl.DataFrame) -> pl.DataFrame:
    """The income inputs from each person's SUMS, and total_income_annual."""
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


def aggregates(ds: Dataset, as_of: dt.date, person_ids: pl.Series | None = None) -> pl.DataFrame:
    """One row per person present in the earnings registry: the income inputs, and
    total_income_annual (what an obligatory provider earned last year, all sources).
    Orphan rows are summed too and fall away when joined to residents.

    The raw rows are summed exactly; a dataset with precomputed sums adds those of the people
    without raw rows (a person with raw rows there may also have partial sums: not used)."""
    rows = cleaning.raw(ds, "earnings", person_ids).collect()
    sums = exact(rows, as_of, ds.earnings_months)
    if isinstance(ds, PrecomputedSums):
        done = ds.earnings_sums(as_of)
        if person_ids is not None:
            done = done.filter(pl.col("person_id").is_in(person_ids.implode()))
        done = (done.filter(~pl.col("person_id").is_in(rows["person_id"].unique().implode()))
                .select(sums.columns).collect())
        if not done["person_id"].is_unique().all():
            raise DataError(f"{ds.path}: a person without raw earnings rows has more than one row "
                            "of precomputed sums")
        sums = pl.concat([done, sums])
    return incomes(sums)
