"""Dates as yyyymmdd (backends/date_ops.py): the calendar of Python's `datetime` on every day
a registry may hold, and ages that turn on the birthday itself."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
import pytest

from eligibility.backends import date_ops

EPOCH = dt.date(1970, 1, 1)


def ymd(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def test_the_calendar_is_pythons_from_year_1_to_9999():
    first, last = dt.date(1, 1, 1).toordinal(), dt.date(9999, 12, 31).toordinal()
    ordinals = [*range(first, last + 1, 97), *(dt.date(y, m, d).toordinal() for y, m, d in [
        (1900, 2, 28), (1900, 3, 1), (2000, 2, 29), (2000, 3, 1), (2024, 2, 29), (1969, 12, 31),
        (1970, 1, 1), (9999, 12, 31), (1, 1, 1)])]
    days = np.array([o - EPOCH.toordinal() for o in ordinals])
    expected = [ymd(dt.date.fromordinal(o)) for o in ordinals]
    assert date_ops.civil(days).tolist() == expected


@pytest.mark.parametrize("dates", [
    [dt.date(1950, 2, 28), None, dt.date(2024, 2, 29), dt.date(1961, 3, 1)],  # a table of the span
    [dt.date(1, 1, 1), None, dt.date(9999, 12, 31)],                          # too far apart: each row
    [None, None],
])
def test_a_column_of_dates_keeps_its_unknowns(dates):
    out = pl.DataFrame({"d": dates}, schema={"d": pl.Date}).select(date_ops.ymd(pl.col("d")))
    assert out.to_series().to_list() == [None if d is None else ymd(d) for d in dates]


def test_a_sliced_column_reads_its_own_rows():
    dates = pl.Series("d", [dt.date(2000, 1, 1) + dt.timedelta(days=i) if i % 3 else None for i in range(40)])
    part = dates.slice(5, 20)
    out = part.to_frame().select(date_ops.ymd(pl.col("d"))).to_series().to_list()
    assert out == [None if d is None else ymd(d) for d in part.to_list()]


@pytest.mark.parametrize(("born", "as_of", "age"), [
    (dt.date(1961, 3, 1), dt.date(2026, 3, 1), 65),   # the 65th birthday is the as-of day
    (dt.date(1961, 3, 2), dt.date(2026, 3, 1), 64),   # the day after
    (dt.date(1961, 2, 28), dt.date(2026, 3, 1), 65),
    (dt.date(1960, 2, 29), dt.date(2026, 2, 28), 65),  # born on 29 February: a year older on
    (dt.date(1960, 2, 29), dt.date(2026, 3, 1), 66),   # 1 March of a common year
    (dt.date(1960, 2, 29), dt.date(2028, 2, 29), 68),
    (dt.date(2026, 3, 2), dt.date(2026, 3, 1), -1),   # not born yet
    (None, dt.date(2026, 3, 1), None),
])
def test_whole_years_between_turn_on_the_birthday(values_of, born, as_of, age):
    frame = pl.DataFrame({"earned_income_monthly": [0], "birth_date": [born]},
                         schema={"earned_income_monthly": pl.Int64, "birth_date": pl.Date})
    assert values_of("years_between(birth_date, as_of)", frame, as_of) == [age]


def test_year_and_month_of_a_date(values_of):
    frame = pl.DataFrame({"earned_income_monthly": [0, 0], "birth_date": [dt.date(2017, 12, 31), None]},
                         schema={"earned_income_monthly": pl.Int64, "birth_date": pl.Date})
    assert values_of("year(birth_date) * 100 + month(birth_date)", frame) == [201712, None]
    assert values_of("year(as_of) * 100 + month(as_of)", frame) == [202603, 202603]


@pytest.mark.parametrize(("born", "months"), [
    (dt.date(2025, 3, 1), 12),   # a year to the day
    (dt.date(2025, 3, 2), 11),   # a day short
    (dt.date(2026, 1, 31), 1),   # 31 January to 1 March: one whole month
    (dt.date(2026, 2, 1), 1),
    (dt.date(2026, 2, 2), 0),
])
def test_whole_months_between_turn_on_the_day_of_the_month(values_of, born, months):
    frame = pl.DataFrame({"earned_income_monthly": [0], "birth_date": [born]},
                         schema={"earned_income_monthly": pl.Int64, "birth_date": pl.Date})
    assert values_of("months_between(birth_date, as_of)", frame) == [months]
