"""The OpenFisca baseline computes what our engine computes, so the speed ratio of the benchmark
compares like with like.

A population of ~2,000 people is built here with numpy: households of 1–6 people with heads,
spouses (some registered in another household), children around the child-allowance age limit
and the 2017 cohort, elderly people around the basic-pension thresholds and the
national-pension linkage line, incomes and property around the BLSA deductions and caps, cars
on the cc / age / value boundaries, providers at the 1억 / 9억 lines, and amounts ending in 5
won so that half-up rounding is exercised."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
import pytest

pytest.importorskip("openfisca_core")

from bench.openfisca_baseline import compare, run_openfisca  # noqa: E402
from bench.openfisca_baseline.runner import PROGRAMMES  # noqa: E402
from eligibility.households import DTYPES  # noqa: E402
from eligibility.rulebook.loader import load_rulebook  # noqa: E402

AS_OF = dt.date(2026, 3, 1)
TIERS = [("seoul", "metropolis", True, False), ("gyeonggi", "city", True, False),
         ("gyeonggi", "rural", True, True), ("metro", "metropolis", False, False),
         ("metro", "rural", False, True), ("other", "city", False, False),
         ("other", "rural", False, True), ("other", "rural", False, False)]


def _birth_dates(rng: np.random.Generator, age: np.ndarray) -> np.ndarray:
    """Birth dates giving `age` in whole years on AS_OF; some born on the AS_OF day itself."""
    as_of = np.datetime64(AS_OF.isoformat())
    last_birthday = (as_of.astype("datetime64[Y]") - age.astype("timedelta64[Y]")).astype("datetime64[D]") \
        + (as_of - as_of.astype("datetime64[Y]").astype("datetime64[D]"))
    back = rng.integers(0, 365, len(age))
    back[rng.random(len(age)) < 0.05] = 0  # birthday today
    return (last_birthday - back.astype("timedelta64[D]")).astype("datetime64[D]")


def synthetic_persons(n_households: int = 850, seed: int = 7, split_couples: int = 0) -> pl.DataFrame:
    """`split_couples` pairs of single-person households are married to each other: a couple
    whose spouses are registered in two households."""
    rng = np.random.default_rng(seed)
    size = rng.choice([1, 2, 3, 4, 5, 6], n_households, p=[.30, .30, .18, .13, .06, .03])
    n = int(size.sum())
    household = np.repeat(np.arange(n_households), size)
    start = np.repeat(np.cumsum(size) - size, size)
    position = np.arange(n) - start
    person_id = np.arange(n, dtype=np.int64) + 100_000
    kind = np.repeat(rng.choice(["elderly", "family", "young"], n_households, p=[.45, .40, .15]), size)

    # --- relations: head, spouse (second member, often), then children or parents ----------------
    head = position == 0
    spouse = (position == 1) & (np.repeat(rng.random(n_households) < 0.75, size))
    has_spouse = spouse | np.r_[spouse[1:], False]  # the head before a spouse has one
    couple = person_id.copy()
    couple[spouse] = person_id[np.flatnonzero(spouse) - 1]
    # some married people whose spouse is not in the data (couple of one, couple threshold)
    lone_married = head & ~has_spouse & (rng.random(n) < 0.05)
    has_spouse |= lone_married
    is_head = head.copy()
    is_head[head & (rng.random(n) < 0.03)] = False  # no head marked: the payee is the lowest id
    last = position == np.repeat(size, size) - 1
    moved = np.repeat((rng.random(n_households) < 0.05) & (size > 1), size)
    is_head = np.where(moved, last, is_head)  # the registered head is not the lowest id

    # --- ages -------------------------------------------------------------------------------------
    age = np.empty(n, dtype=np.int64)
    eld, fam = kind == "elderly", kind == "family"
    first = position == 0
    age[first & eld] = rng.integers(60, 95, (first & eld).sum())
    age[first & fam] = rng.integers(25, 55, (first & fam).sum())
    age[first & ~eld & ~fam] = rng.integers(19, 40, (first & ~eld & ~fam).sum())
    head_age = np.repeat(age[first], size)
    age[spouse] = np.clip(head_age[spouse] + rng.integers(-6, 7, spouse.sum()), 19, 99)
    other = ~first & ~spouse
    child = other & (fam | (rng.random(n) < 0.3))
    age[child] = rng.choice(np.r_[np.arange(0, 14), [7, 8, 8, 9, 9, 9, 10]], child.sum())
    parent = other & ~child
    age[parent] = np.clip(head_age[parent] + rng.integers(20, 35, parent.sum()), 40, 100)
    birth = _birth_dates(rng, age)
    # some members who are neither child nor parent are lodgers (동거인: outside the household's
    # size and sums in both systems)
    lodger = other & ~is_head & (rng.random(n) < 0.1)
    relation = np.select([head, spouse, lodger, child], ["head", "spouse", "lodger", "child"], "parent")
    cohort = child & (rng.random(n) < 0.15)  # born in 2017, whatever the age rule says
    birth[cohort] = np.datetime64("2017-01-01") + rng.integers(0, 365, cohort.sum()).astype("timedelta64[D]")

    # --- region per household ---------------------------------------------------------------------
    tier = np.repeat(rng.integers(0, len(TIERS), n_households), size)
    blsa_tier = np.array([t[0] for t in TIERS])[tier]
    city_tier = np.array([t[1] for t in TIERS])[tier]
    capital = np.array([t[2] for t in TIERS])[tier]
    depop = np.array([t[3] for t in TIERS])[tier]

    # --- incomes ----------------------------------------------------------------------------------
    poor = np.repeat(rng.random(n_households) < 0.4, size)
    adult = age >= 18

    def money(p_nonzero: float, low: int, high: int, mask: np.ndarray) -> np.ndarray:
        v = rng.integers(low, high, n) // 5 * 5  # multiples of 5 won: half-up ties happen
        return np.where(mask & (rng.random(n) < p_nonzero), v, 0).astype(np.int64)

    earned = np.where(poor, money(0.3, 10_000, 900_000, adult), money(0.6, 200_000, 5_000_000, adult))
    earned[adult & (rng.random(n) < 0.03)] = 1_160_000  # the basic-pension deduction
    business = money(0.1, 50_000, 2_000_000, adult)
    daily = money(0.08, 50_000, 1_200_000, adult)
    other_income = money(0.25, 5_000, 600_000, adult)
    elderly = age >= 60
    national = money(0.6, 100_000, 1_300_000, elderly)
    national[elderly & (rng.random(n) < 0.05)] = 524_550  # 150% of the base amount
    national[elderly & (rng.random(n) < 0.03)] = 524_551
    national_a = np.where(national > 0, rng.integers(0, 900_000, n), 0).astype(np.int64)
    occupational = elderly & (rng.random(n) < 0.06)

    # --- property ---------------------------------------------------------------------------------
    rich = ~poor
    home = np.where(first & (rng.random(n) < np.where(poor, 0.2, 0.6)),
                    rng.integers(20_000_000, 600_000_000, n) // 5 * 5, 0).astype(np.int64)
    lease = np.where(first & (home == 0) & (rng.random(n) < 0.5),
                     rng.integers(5_000_000, 300_000_000, n) // 5 * 5, 0).astype(np.int64)
    land = money(0.15, 1_000_000, np.where(rich, 500_000_000, 30_000_000).max(), adult)
    land = np.where(poor, land // 20, land)
    financial = money(0.7, 10_000, 60_000_000, adult)
    financial = np.where(poor, financial // 10, financial)
    debts = money(0.2, 1_000_000, 120_000_000, adult)
    has_car = adult & (rng.random(n) < 0.35)
    vehicle_value = np.where(has_car, rng.choice([1_000_000, 4_999_999, 5_000_000, 15_000_000,
                                                  39_999_999, 40_000_000, 55_000_000], n), 0)
    vehicle_cc = np.where(has_car, rng.choice([998, 1598, 1999, 2000, 2497, 2999, 3000, 3500], n), 0)
    vehicle_age = np.where(has_car, rng.choice([0, 3, 9, 10, 11, 15], n), 0)

    # --- obligatory providers (per person; the test is over the whole household) -------------------
    provider_income = np.where(rng.random(n) < 0.1, rng.choice([50_000_000, 100_000_000, 100_000_001], n), 0)
    provider_property = np.where(rng.random(n) < 0.1, rng.choice([300_000_000, 900_000_000, 900_000_001], n), 0)

    frame = pl.DataFrame({
        "person_id": person_id,
        "household_id": household.astype(np.int64) + 1,
        "couple_id": couple,
        "is_head": is_head,
        "relation_to_head": relation,
        "birth_date": birth.astype("datetime64[D]"),
        "has_spouse": has_spouse,
        "blsa_region_tier": blsa_tier,
        "city_tier": city_tier,
        "capital_area": capital,
        "depopulation_area": depop,
        "provider_max_annual_income": provider_income.astype(np.int64),
        "provider_max_property": provider_property.astype(np.int64),
        "earned_income_monthly": earned,
        "business_income_monthly": business,
        "daily_work_income_monthly": daily,
        "other_income_monthly": other_income,
        "national_pension_monthly": national,
        "national_pension_a_monthly": national_a,
        "occupational_pension": occupational,
        "home_value": home,
        "lease_deposit": lease,
        "other_real_estate": land.astype(np.int64),
        "financial_assets": financial.astype(np.int64),
        "debts": debts,
        "vehicle_value": vehicle_value.astype(np.int64),
        "vehicle_cc": vehicle_cc.astype(np.int32),
        "vehicle_age_years": vehicle_age.astype(np.int32),
    })
    singles = frame.filter(pl.col("household_id").count().over("household_id") == 1)["person_id"]
    pairs = singles.head(2 * split_couples).to_numpy().reshape(-1, 2)
    mapping = {int(b): int(a) for a, b in pairs}
    married = set(pairs.ravel().tolist())
    frame = frame.with_columns(
        couple_id=pl.col("couple_id").replace(mapping),
        has_spouse=pl.col("has_spouse") | pl.col("person_id").is_in(list(married)),
    )
    # the inputs the three programmes do not read: present (the engine wants every column), unknown
    book = load_rulebook()
    return frame.with_columns([pl.lit(None, dtype=DTYPES[spec.type]).alias(name)
                               for name, spec in book.inputs.items() if name not in frame.columns])


@pytest.fixture(scope="module")
def persons() -> pl.DataFrame:
    return synthetic_persons()


@pytest.fixture(scope="module")
def report(persons: pl.DataFrame) -> dict:
    return compare(persons, AS_OF)


def test_population_exercises_every_programme(persons: pl.DataFrame, report: dict) -> None:
    assert 1_800 <= persons.height <= 2_400
    per = report["agreement"]["per_programme"]
    for p, minimum in (("blsa_livelihood", 100), ("basic_pension", 150), ("child_allowance", 80)):
        assert per[p]["eligible_engine"] >= minimum, (p, per[p])
        assert per[p]["eligible_engine"] < persons.height, p  # and some are not eligible
    assert persons.filter(pl.col("couple_id").count().over("couple_id") == 2).height > 300


def test_openfisca_agrees_with_the_engine(persons: pl.DataFrame, report: dict) -> None:
    assert report["complete_rows"] == persons.height
    agreement = report["agreement"]
    assert agreement["rows_compared"] == persons.height
    for p in PROGRAMMES:
        per = agreement["per_programme"][p]
        assert per["undetermined_engine"] == 0, p
        assert per["disagreements"] == 0, (p, report["disagreement_causes"].get(p))
        assert per["monthly_amount_engine"] == per["monthly_amount_openfisca"], p
    assert agreement["person_agreement"] == 1.0


def test_row_order_does_not_matter(persons: pl.DataFrame) -> None:
    """Our engine returns rows sorted by household; the comparison aligns on person_id."""
    shuffled = persons.sample(fraction=1.0, shuffle=True, seed=3)
    report = compare(shuffled, AS_OF)
    assert report["agreement"]["person_agreement"] == 1.0, report["disagreement_causes"]
    out = run_openfisca(shuffled, AS_OF)
    assert out["person_id"].equals(shuffled["person_id"])


def test_text_ids(persons: pl.DataFrame) -> None:
    """Household files give text ids: the payee is then the lowest id in text order, as in our engine."""
    texts = persons.with_columns(pl.col("person_id", "household_id", "couple_id").cast(pl.String))
    report = compare(texts, AS_OF)
    assert report["agreement"]["person_agreement"] == 1.0, report["disagreement_causes"]


def test_agreement_as_of_2025(persons: pl.DataFrame) -> None:
    """Other parameters (youth deduction to 29, child allowance under 8, no 2017 cohort, no
    regional supplement, 2025 thresholds): OpenFisca picks them by date, as our engine does."""
    report = compare(persons, dt.date(2025, 6, 15))
    assert report["agreement"]["person_agreement"] == 1.0, report["disagreement_causes"]
    assert report["agreement"]["per_programme"]["child_allowance"]["eligible_engine"] > 0


def test_household_amount_goes_to_the_payee_only(persons: pl.DataFrame) -> None:
    out = run_openfisca(persons, AS_OF)
    lodger = pl.when(pl.col("relation_to_head") == "lodger").then("person_id").alias("lodger")
    paid = out.join(persons.select("person_id", "household_id", lodger), on="person_id")
    per_household = paid.group_by("household_id", "lodger").agg(  # a lodger: a household of their own
        payees=(pl.col("blsa_livelihood_amount") > 0).sum(),
        eligible=pl.col("blsa_livelihood_eligible").all(),
        mixed=pl.col("blsa_livelihood_eligible").n_unique())
    assert per_household["payees"].max() <= 1
    assert per_household["mixed"].max() == 1  # one decision per household


def test_split_couples_are_one_couple_in_both_systems() -> None:
    """inputs.yaml's couple unit is couple_id, whatever the household: a spouse registered in
    another household counts in the couple's income (기초연금법 제2조제4호). This differential
    test found that our engine once split such couples; both systems must now agree on them."""
    persons = synthetic_persons(seed=11, split_couples=30)
    report = compare(persons, AS_OF)
    assert report["agreement"]["households_with_split_couples"]["persons"] >= 60
    assert report["agreement"]["decision_agreement"] == 1.0, report["disagreement_causes"]
    # the baseline's couple income is the sum over couple_id, across households
    keep: dict = {}
    run_openfisca(persons, AS_OF, keep=keep)
    sim = keep["simulation"]
    day = AS_OF.isoformat()
    income = (sim.calculate("bp_earned_income_counted", day) + sim.calculate("business_income_monthly", day)
              + sim.calculate("other_income_monthly", day) + sim.calculate("national_pension_monthly", day))
    couple_income = sim.calculate("bp_income_evaluation", day)[sim.populations["couple"].members_entity_id]
    expected = (persons.select("couple_id").with_columns(income=pl.Series(income))
                .select(pl.col("income").sum().over("couple_id"))["income"].to_numpy())
    assert (couple_income == expected).all()


def test_rows_with_missing_inputs_are_left_out(persons: pl.DataFrame) -> None:
    holed = persons.with_columns(
        earned_income_monthly=pl.when(pl.col("person_id") % 50 == 0).then(None)
        .otherwise(pl.col("earned_income_monthly")))
    report = compare(holed, AS_OF)
    assert report["complete_rows"] < persons.height
    assert report["agreement"]["rows_compared"] == report["complete_rows"]
    assert report["agreement"]["person_agreement"] == 1.0
