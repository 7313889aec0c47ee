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
    assert ("earned_income_monthly", ("couple",)) in needs
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
    assert ("earned_income_monthly", ("household", "couple")) in needs  # via the basic pension, a couple sum


def test_absent_from_an_exhaustive_registry_uses_its_declared_meaning(mini_book):
    frame = households_frame(mini_book, {"households": [{"id": "h", "members": [elder()]}]})
    assert frame["disability_registered"][0] is False  # the registry lists every registered person
    assert frame["national_pension_monthly"][0] is None  # absent means unknown


T, F, U = True, False, None
# a = occupational_pension, b = pregnant: every pair of true, false and unknown
PAIRS = [(T, T), (T, F), (T, U), (F, T), (F, F), (F, U), (U, T), (U, F), (U, U)]


@pytest.mark.parametrize(("text", "expected"), [
    # Kleene: false and anything is false, true or anything is true, else unknown if any is
    ("occupational_pension and pregnant", [T, F, U, F, F, F, U, F, U]),
    ("occupational_pension or pregnant", [T, T, T, T, F, U, T, U, U]),
    ("not occupational_pension", [F, F, F, T, T, T, U, U, U]),
    ("not (occupational_pension and pregnant)", [F, T, U, T, T, T, U, T, U]),
    ("not occupational_pension or pregnant", [T, F, U, T, T, T, T, U, U]),
    # a condition that is unknown gives unknown, whatever the branches (even equal ones)
    ("pregnant if occupational_pension else false", [T, F, U, F, F, F, U, U, U]),
    ("true if occupational_pension else true", [T, T, T, T, T, T, U, U, U]),
    ("earned_income_monthly if occupational_pension else other_income_monthly",   # 10 and 20 on each row
     [10, 10, 10, 20, 20, 20, U, U, U]),
    ("earned_income_monthly if occupational_pension else earned_income_monthly",
     [10, 10, 10, 10, 10, 10, U, U, U]),
    # exact branches (money × rate) rounded after the choice: round(10 × 0.3) = 3
    ("round(earned_income_monthly * params.blsa.deduction_rate if occupational_pension else 0)",
     [3, 3, 3, 0, 0, 0, U, U, U]),
    # and an unknown branch that is chosen is unknown: b's value when a is true
    ("(earned_income_monthly if pregnant else other_income_monthly) if occupational_pension else 0",
     [10, 20, U, 0, 0, 0, U, U, U]),
])
def test_rule_language_logic_is_kleene_over_unknowns(values_of, text, expected):
    frame = pl.DataFrame({"occupational_pension": [a for a, _ in PAIRS], "pregnant": [b for _, b in PAIRS],
                          "earned_income_monthly": [10] * len(PAIRS), "other_income_monthly": [20] * len(PAIRS)},
                         schema={"occupational_pension": pl.Boolean, "pregnant": pl.Boolean,
                                 "earned_income_monthly": pl.Int64, "other_income_monthly": pl.Int64})
    assert values_of(text, frame) == expected


def test_kleene_aggregates_match_the_reference_semantics(mini_book):
    """any/all over a unit: true wins for any, false wins for all, else unknown if any member is."""
    import random

    from eligibility.backends.to_polars import PolarsCompiler
    from eligibility.errors import Location
    from eligibility.expr.parser import parse
    from eligibility.expr.typecheck import Checker
    from eligibility.rulebook.rulebook import Expr

    rng = random.Random(7)
    rows = [(h, rng.choice([True, False, None])) for h in range(300) for _ in range(rng.randint(1, 4))]
    rng.shuffle(rows)  # the engine sorts households into contiguous runs itself
    frame = pl.DataFrame({"person_id": list(range(len(rows))), "household_id": [h for h, _ in rows],
                          "couple_id": list(range(len(rows))), "is_head": [False] * len(rows),
                          "pregnant": [b for _, b in rows]},
                         schema={"person_id": pl.Int64, "household_id": pl.Int64, "couple_id": pl.Int64,
                                 "is_head": pl.Boolean, "pregnant": pl.Boolean})
    from eligibility.households import input_schema
    frame = frame.with_columns([pl.lit(None, dtype=t).alias(c) for c, t in input_schema(mini_book).items()
                                if c not in frame.columns])
    prepared = CompiledRulebook(mini_book, AS_OF).prepare(frame).collect().sort("person_id")
    for func in ("any", "all"):
        text = f"{func}(household, pregnant)"
        where = Location("t", 1, 1, text=text)
        expr = Expr(parse(text, where, frozenset(mini_book.units)), where, text)
        Checker(mini_book).check(expr, "bool", "t")
        compiled = PolarsCompiler(mini_book, AS_OF).compile(expr)
        got = (CompiledRulebook(mini_book, AS_OF).prepare(frame)
               .select("person_id", compiled.alias("g")).collect().sort("person_id")["g"].to_list())
        assert prepared.height == len(got)
        for (h, _), g in zip(rows, got, strict=True):
            vals = [b for hh, b in rows if hh == h]
            if func == "any":
                want = True if True in vals else (None if None in vals else False)
            else:
                want = False if False in vals else (None if None in vals else True)
            assert g is want


def test_a_frame_without_an_input_column_is_rejected_by_name(mini_book):
    from eligibility.errors import DataError

    frame = households_frame(mini_book, {"households": [{"id": "h", "members": [elder()]}]})
    with pytest.raises(DataError, match="earned_income_monthly"):
        CompiledRulebook(mini_book, AS_OF).decisions(frame.drop("earned_income_monthly"))


def test_caseworker_judgments_are_unknown_when_the_records_lack_them(rulebook):
    """No registry holds the providers' support capacity: a household with providers is
    undetermined for medical aid, one without is decided."""
    base = {"relation_to_head": "head", "birth_date": "1950-01-01", "has_spouse": False}
    data = {"households": [
        {"id": "with", "members": [{"id": "w", **base, "provider_count": 2}]},
        {"id": "without", "members": [{"id": "n", **base, "provider_count": 0}]}]}
    frame = households_frame(rulebook, data).drop("provider_support_capacity")
    out = CompiledRulebook(rulebook, AS_OF, ["blsa_medical"]).evaluate(frame)
    crit = dict(zip(out["person_id"], out["c:blsa_medical:obligatory_provider"], strict=True))
    assert crit == {"w": None, "n": True}


def test_a_couple_registered_in_two_households_is_one_couple(mini_book):
    """기초연금 counts both spouses' income even when they are registered in different
    households: unit sums must not assume a unit sits inside one household."""
    a = elder("a", spouse="b", has_spouse=True, other_income_monthly=2_000_000)
    b = elder("b", spouse="a", has_spouse=True, other_income_monthly=2_000_000)
    lone = elder("c", other_income_monthly=100)
    data = {"households": [{"id": "h1", "members": [a, lone | {"relation_to_head": "child"}]},
                           {"id": "h2", "members": [b]}]}
    frame = households_frame(mini_book, data)
    out = CompiledRulebook(mini_book, AS_OF).evaluate(frame)
    income = pl.col("v:own_income").sum().over("couple_id")  # the reference, by hash grouping
    check = out.select("person_id", (pl.col("v:own_income")).alias("own"), income.alias("want"))
    got = out.select("person_id", "c:basic_pension:income")
    # a and b together: 4,000,000 > 3,952,000 (2026 couple threshold) -> fails; c alone passes
    assert dict(got.iter_rows()) == {"a": False, "b": False, "c": True}
    assert check.filter(pl.col("person_id") == "a")["want"].item() == 4_000_000


@pytest.mark.parametrize(("text", "expected"), [
    # rows (earned, other): (1, 2), (None, 2), (1, None), (None, None), (5, 5), (-3, 9)
    ("min(earned_income_monthly, other_income_monthly)", [1, None, None, None, 5, -3]),
    ("max(earned_income_monthly, other_income_monthly)", [2, None, None, None, 5, 9]),
    ("max(earned_income_monthly, 0)", [1, None, 1, None, 5, 0]),
    ("max(0, earned_income_monthly)", [1, None, 1, None, 5, 0]),
    ("min(earned_income_monthly, other_income_monthly, 3)", [1, None, None, None, 3, -3]),
    ("min(4, earned_income_monthly, 2)", [1, None, 1, None, 2, -3]),
])
def test_min_and_max_are_unknown_when_an_argument_is(values_of, text, expected):
    frame = pl.DataFrame({"earned_income_monthly": [1, None, 1, None, 5, -3],
                          "other_income_monthly": [2, 2, None, None, 5, 9]},
                         schema={"earned_income_monthly": pl.Int64, "other_income_monthly": pl.Int64})
    assert values_of(text, frame) == expected


def test_an_unknown_household_leaves_household_decisions_undetermined_and_names_its_key(mini_book):
    # two people the registry places in no household: not one household of two, and neither
    # decided as a household of one; person-level criteria still decide (basic pension: age)
    frame = households_frame(mini_book, {"households": [
        {"id": "h1", "members": [elder("a")]}, {"id": "h2", "members": [elder("b", birth_date="1990-01-01")]}]})
    frame = frame.with_columns(pl.lit(None, pl.String).alias("household_id"))
    c = CompiledRulebook(mini_book, AS_OF)
    out = c.decisions(frame).collect()
    assert out["blsa_livelihood:status"].to_list() == [UNDETERMINED, UNDETERMINED]
    needs = decode_bits(out["blsa_livelihood:missing"][0], c.layout["blsa_livelihood"].needs)
    assert ("household_id", ()) in needs
    assert mini_book.registry_of("household_id") == "resident"
    assert out["basic_pension:status"].to_list() == [ELIGIBLE, INELIGIBLE]


def test_a_known_household_does_not_name_its_key(mini_book):
    c, out = decide(mini_book, [elder(earned_income_monthly=None)])
    for p in c.programmes:
        assert "household_id" not in [i for i, _ in decode_bits(out[f"{p}:missing"][0], c.layout[p].needs)]
