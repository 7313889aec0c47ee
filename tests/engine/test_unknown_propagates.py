"""Missing data is unknown, never zero: three-valued decisions and the missing inputs named
with their registry."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from eligibility.evaluation import ELIGIBLE, INELIGIBLE, UNDETERMINED, CompiledRulebook, decode_bits
from eligibility.households import households_frame

AS_OF = dt.date(2026, 3, 1)


def decide(book, members, household_extra=None):
    data = {"households": [{"id": "h", **(household_extra or {}), "members": members}]}
    frame = households_frame(book, data)
    c = CompiledRulebook(book, AS_OF)
    return c, c.decisions(frame).collect()


def elder(pid="a", **kw):
    base = {"id": pid, "relation_to_head": "head", "birth_date": "1950-01-01",
            "earned_income_monthly": 0, "other_income_monthly": 0, "occupational_pension": False,
            "has_spouse": False}
    return base | kw


def test_unknown_income_gives_undetermined_and_names_the_registry(mini_book):
    c, out = decide(mini_book, [elder(earned_income_monthly=None)])
    assert out["basic_pension:status"][0] == UNDETERMINED
    needs = decode_bits(out["basic_pension:missing"][0], c.layout["basic_pension"].needs)
    assert ("earned_income_monthly", "couple") in needs
    assert mini_book.inputs["earned_income_monthly"].registry == "earnings"


def test_a_false_criterion_decides_even_when_another_is_unknown(mini_book):
    # Kleene: too young (false) and income unknown -> ineligible, not undetermined
    c, out = decide(mini_book, [elder(birth_date="1990-01-01", earned_income_monthly=None)])
    assert out["basic_pension:status"][0] == INELIGIBLE
    failed = decode_bits(out["basic_pension:failed"][0], c.layout["basic_pension"].criteria)
    assert failed == ["age"]
    assert out["basic_pension:missing"][0] == 0


def test_zero_income_is_not_unknown_income(mini_book):
    _, known = decide(mini_book, [elder(earned_income_monthly=0)])
    _, unknown = decide(mini_book, [elder(earned_income_monthly=None)])
    assert known["basic_pension:status"][0] == ELIGIBLE
    assert unknown["basic_pension:status"][0] == UNDETERMINED


def test_one_unknown_member_makes_the_household_sum_unknown(mini_book):
    members = [elder("a"), elder("b", relation_to_head="child", birth_date="1980-01-01",
                                   earned_income_monthly=None)]
    c, out = decide(mini_book, members)
    assert out["blsa_livelihood:status"].to_list() == [UNDETERMINED, UNDETERMINED]
    needs = decode_bits(out["blsa_livelihood:missing"][0], c.layout["blsa_livelihood"].needs)
    assert ("earned_income_monthly", "household") in needs


def test_absent_from_an_exhaustive_registry_uses_its_declared_meaning(mini_book):
    frame = households_frame(mini_book, {"households": [{"id": "h", "members": [elder()]}]})
    assert frame["disability_registered"][0] is False  # the registry lists every registered person
    assert frame["national_pension_monthly"][0] is None  # absent means unknown


@pytest.mark.parametrize(("a", "b", "expected"), [
    (True, None, None), (False, None, False), (None, None, None), (True, True, True)])
def test_and_is_kleene(a, b, expected):
    df = pl.DataFrame({"a": [a], "b": [b]}, schema={"a": pl.Boolean, "b": pl.Boolean})
    assert df.select(pl.col("a") & pl.col("b")).item() is expected
