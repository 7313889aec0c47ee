"""Money is whole won in int64; products with rates are exact and rounded only where the
rule says, half-up; thresholds match the published tables."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import polars as pl
import pytest

from eligibility.evaluation import CompiledRulebook
from eligibility.households import households_frame


@pytest.mark.parametrize(("x", "expected"), [
    (2_564_238, 820_556),   # 820,556.16 -> 820,556 (2026 1-person livelihood line)
    (5_359_036, 1_714_892),  # 1,714,891.52 -> 1,714,892 (half-up, as the MOHW table)
    (2_392_013, 765_444),   # 765,444.16 (2025 1-person)
    (5, 2),                 # 1.6 -> 2
    (-5, -2),               # -1.6 -> -2
])
def test_round_is_half_up_and_exact(values_of, x, expected):
    frame = pl.DataFrame({"earned_income_monthly": [x]}, schema={"earned_income_monthly": pl.Int64})
    text = "round(earned_income_monthly * params.blsa.livelihood_rate)"
    assert values_of(text, frame) == [expected]


def test_round_down_cuts_below_ten_won(values_of):
    frame = pl.DataFrame({"earned_income_monthly": [349_700, 279_769, 1]},
                         schema={"earned_income_monthly": pl.Int64})
    assert values_of("round_down(earned_income_monthly * 8 / 10, 10)", frame) == [279_760, 223_810, 0]


def test_table_extends_linearly_beyond_seven_people(mini_book):
    table = mini_book.parameters["median_income.standard"].at(dt.date(2026, 3, 1))
    assert table.lookup(7) == 9_515_150
    assert table.lookup(8) == 9_515_150 + (9_515_150 - 8_555_952)
    frame = households_frame(mini_book, {"households": [{"id": "h", "members": [
        {"id": f"m{i}", "earned_income_monthly": 0, "other_income_monthly": 0} for i in range(9)]}]})
    c = CompiledRulebook(mini_book, dt.date(2026, 3, 1))
    line = c.lazy(frame).collect()["v:livelihood_line"][0]
    nine = 9_515_150 + 2 * (9_515_150 - 8_555_952)
    assert line == (nine * 32 * 2 + 100) // 200


def test_rates_are_exact_fractions_not_floats(mini_book):
    rate = mini_book.parameters["blsa.livelihood_rate"].at(dt.date(2026, 1, 1))
    assert rate.value == Fraction(8, 25)
    assert isinstance(rate.value, Fraction)


def test_figures_switch_on_their_effective_date(mini_book):
    frame = households_frame(mini_book, {"households": [{"id": "h", "members": [
        {"id": "a", "earned_income_monthly": 0, "other_income_monthly": 0}]}]})
    lines = {d: CompiledRulebook(mini_book, d).lazy(frame).collect()["v:livelihood_line"][0]
             for d in (dt.date(2025, 12, 31), dt.date(2026, 1, 1))}
    assert lines == {dt.date(2025, 12, 31): 765_444, dt.date(2026, 1, 1): 820_556}
