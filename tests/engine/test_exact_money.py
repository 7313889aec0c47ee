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


@pytest.mark.parametrize(("text", "x", "expected"), [
    # deduction rate 0.3 in the mini rulebook
    ("round(earned_income_monthly * params.blsa.deduction_rate)", 15, 5),       # 15 × 0.3 = 4.5: a tie, up
    ("round(earned_income_monthly * params.blsa.deduction_rate)", 1_172_215, 351_665),  # 351,664.5: up
    ("round(earned_income_monthly * params.blsa.deduction_rate)", 1_172_213, 351_664),  # 351,663.9: nearest
    ("round(earned_income_monthly * params.blsa.deduction_rate)", 1_172_211, 351_663),  # 351,663.3: nearest
    ("round(earned_income_monthly / 2)", 5, 3),     # 2.5: a tie, up
    ("floor(earned_income_monthly / 2)", 7, 3),     # 3.5 down
    ("floor(earned_income_monthly / 2)", -5, -3),   # -2.5 down is away from zero, not -2
    ("floor(earned_income_monthly / 2)", 6, 3),     # a whole number stays
    ("ceil(earned_income_monthly / 2)", 7, 4),      # 3.5 up
    ("ceil(earned_income_monthly / 2)", -5, -2),    # -2.5 up is toward zero, not -3
    ("ceil(earned_income_monthly / 2)", -6, -3),    # a whole number stays
])
def test_ties_round_half_up_and_floor_and_ceil_round_toward_minus_and_plus_infinity(values_of, text, x, expected):
    frame = pl.DataFrame({"earned_income_monthly": [x]}, schema={"earned_income_monthly": pl.Int64})
    assert values_of(text, frame) == [expected]


@pytest.mark.parametrize(("text", "x", "expected"), [
    ("round(earned_income_monthly / 2)", -3, -1),   # -1.5: today ties go toward +infinity, not -2
    ("round(earned_income_monthly * params.blsa.deduction_rate)", -15, -4),  # -4.5 -> -4
])
def test_a_negative_tie_rounds_toward_plus_infinity(values_of, text, x, expected):
    """Pinned as it is (half-up, not half away from zero): a negative amount at a tie, such as
    a loss, goes to the larger whole won."""
    frame = pl.DataFrame({"earned_income_monthly": [x]}, schema={"earned_income_monthly": pl.Int64})
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
