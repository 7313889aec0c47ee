"""Populations for the sweep tests: a small known one (outcomes worked out by hand against the
mini rulebook) and random ones (households of 1-5 people whose person_ids are scattered, so
that a partition plan that split households would show)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest

from eligibility.households import DTYPES, households_frame
from eligibility.rulebook.loader import load_rulebook
from eligibility.rulebook.rulebook import Rulebook
from eligibility.sweep import FrameSource, RulesSpec

MINI_RULES = Path(__file__).parents[1] / "fixtures" / "mini_rules"
AS_OF = dt.date(2026, 3, 1)
SIDO = {"11": "서울특별시", "26": "부산광역시", "41": "경기도"}


def elder(pid: str, **values: Any) -> dict[str, Any]:
    base = {"id": pid, "relation_to_head": "head", "birth_date": "1950-01-01",
            "earned_income_monthly": 0, "other_income_monthly": 0, "occupational_pension": False}
    if "spouse" not in values:
        base["has_spouse"] = False
    return base | values


# Known population (mini rules, as of 2026-03-01; livelihood line for 1 person 820,556 won).
KNOWN_HOUSEHOLDS: list[dict[str, Any]] = [
    # p1: eligible for both, receives nothing, job loss in the household -> outreach, ranked first
    {"id": "h1", "members": [elder("p1", crisis_job_loss=True)]},
    # p2: receives the basic pension but has an occupational pension -> review;
    #     receives livelihood and is eligible -> neither list
    {"id": "h2", "members": [elder("p2", occupational_pension=True)]},
    # p3: earnings unknown -> both undetermined; receives the basic pension -> NOT review
    {"id": "h3", "members": [elder("p3", earned_income_monthly=None)]},
    # p4 (40) with child p5 whose other income is unknown: livelihood undetermined for both;
    # the record to ask for is p5's; basic pension ineligible (age) for both
    {"id": "h4", "members": [elder("p4", birth_date="1986-01-01"),
                             {"id": "p5", "relation_to_head": "child", "birth_date": "2010-01-01",
                              "earned_income_monthly": 0, "occupational_pension": False,
                              "has_spouse": False}]},
    # p6: eligible for both, no contact consent -> outreach_no_consent
    {"id": "h6", "members": [elder("p6")]},
    # p7 + p8 couple, well off: ineligible for both
    {"id": "h7", "members": [elder("p7", spouse="p8", earned_income_monthly=9_000_000),
                             elder("p8", spouse="p7", relation_to_head="spouse")]},
]
KNOWN_BENEFITS = [("p2", "basic_pension", "2020-01-01"), ("p2", "blsa_livelihood", "2021-06-01"),
                  ("p3", "basic_pension", "2019-03-01")]
KNOWN_SIDO = {"p1": "11", "p2": "11", "p3": "26", "p4": "41", "p5": "41", "p6": "41", "p7": "11", "p8": "11"}
NO_CONSENT = {"p6"}


def with_contract_columns(frame: pl.DataFrame, sido: dict[Any, str], no_consent: set[Any]) -> pl.DataFrame:
    """The columns the linker adds next to the inputs: 시도 and contact consent."""
    codes = frame["person_id"].replace_strict(sido, return_dtype=pl.String)
    return frame.with_columns(codes.alias("sido_code"),
                              codes.replace_strict(SIDO, return_dtype=pl.String).alias("sido_name"),
                              (~pl.col("person_id").is_in(list(no_consent))).alias("contact_consent"))


@pytest.fixture(scope="session")
def mini() -> Rulebook:
    return load_rulebook(MINI_RULES)


@pytest.fixture(scope="session")
def mini_spec() -> RulesSpec:
    return RulesSpec(MINI_RULES, AS_OF)


@pytest.fixture
def spec(mini_spec: RulesSpec) -> RulesSpec:
    return mini_spec


@pytest.fixture(scope="session")
def known_source(mini: Rulebook) -> FrameSource:
    frame = households_frame(mini, {"households": KNOWN_HOUSEHOLDS})
    frame = with_contract_columns(frame, KNOWN_SIDO, NO_CONSENT)
    benefits = pl.DataFrame(KNOWN_BENEFITS, schema=["person_id", "programme", "since"], orient="row")
    benefits = benefits.with_columns(pl.col("since").str.to_date())
    return FrameSource(frame, benefits, "known")


@pytest.fixture(scope="session")
def source_of() -> Any:
    """source_of(book, households): a FrameSource of hand-written households (household file
    form), everyone in Seoul with contact consent, no one receiving anything."""
    def make(book: Rulebook, households: list[dict[str, Any]]) -> FrameSource:
        frame = households_frame(book, {"households": households})
        frame = with_contract_columns(frame, dict.fromkeys(frame["person_id"], "11"), set())
        return FrameSource(frame, pl.DataFrame(schema={"person_id": frame.schema["person_id"],
                                                       "programme": pl.String, "since": pl.Date}))
    return make


@pytest.fixture(scope="session")
def make_population() -> Any:
    return random_population


def random_population(book: Rulebook, n: int, seed: int = 7) -> tuple[pl.DataFrame, pl.DataFrame]:
    """n people in households of 1-5, person_ids shuffled; about 2% unknowns per input."""
    rng = np.random.default_rng(seed)
    sizes = rng.choice([1, 2, 3, 4, 5], size=n, p=[0.42, 0.25, 0.17, 0.12, 0.04])
    household = np.repeat(np.arange(n), sizes)[:n]
    position = np.arange(n) - np.searchsorted(household, household)
    person_id = rng.permutation(n).astype(np.int64) * 3 + 1000   # scattered across households
    couple = np.where(position == 1, np.roll(person_id, 1), person_id)
    couple = np.where((position == 0) & (np.roll(position, -1) == 1), person_id, couple)
    cols: dict[str, Any] = {"person_id": person_id, "household_id": household.astype(np.int64) + 500,
                            "couple_id": couple}
    today = np.datetime64("2026-03-01")
    for name, spec in book.inputs.items():
        if name == "is_head":
            values: Any = position == 0
        elif name == "has_spouse":
            values = (position == 1) | ((position == 0) & (np.roll(position, -1) == 1))
        elif name == "birth_date":
            values = today - rng.integers(0, 95 * 365, n).astype("timedelta64[D]")
        elif spec.type == "date":
            values = today - rng.integers(0, 5 * 365, n).astype("timedelta64[D]")
        elif spec.type == "money":
            values = np.where(rng.random(n) < 0.6, 0, rng.lognormal(13, 1.2, n).astype(np.int64))
        elif spec.type == "int":
            values = rng.integers(0, 5, n).astype(np.int32)
        elif spec.type == "bool":
            values = rng.random(n) < 0.1
        else:
            values = rng.choice(["a", "b"], n)
        cols[name] = values
    frame = pl.DataFrame(cols).with_columns(pl.col(k).cast(DTYPES[s.type]) for k, s in book.inputs.items())
    unknown = [pl.when(pl.lit(rng.random(n) < 0.02)).then(None).otherwise(pl.col(k)).alias(k)
               for k, s in book.inputs.items() if s.absent == "unknown" and k != "birth_date"]
    frame = frame.with_columns(unknown)
    sido_codes = rng.choice(list(SIDO), n)
    frame = frame.with_columns(pl.Series("sido_code", sido_codes),
                               pl.Series("sido_name", [SIDO[c] for c in sido_codes]),
                               pl.Series("contact_consent", rng.random(n) < 0.8))
    recv = rng.random(n) < 0.3
    benefits = pl.DataFrame({"person_id": person_id[recv],
                             "programme": rng.choice(["basic_pension", "blsa_livelihood"], int(recv.sum())),
                             "since": pl.Series([dt.date(2020, 1, 1)] * int(recv.sum()))})
    return frame, benefits.unique(["person_id", "programme"])


@pytest.fixture(scope="session")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated dataset, default noise (duplicates, orphans, stale links, absences)."""
    from synthetic_data.pipeline import generate

    out = tmp_path_factory.mktemp("data") / "d6k"
    generate(people=6_000, seed=42, out=out)
    return out


@pytest.fixture(scope="session")
def unplaced(dataset: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    """The generated dataset with some living residents placed in no household (household_id
    unknown on all their registrations): married people, one couple both unplaced, and others.
    Returns the dataset and those person_ids."""
    out = tmp_path_factory.mktemp("data") / "unplaced"
    shutil.copytree(dataset, out)
    living = pl.read_parquet(out / "resident.parquet").filter(pl.col("death_date").is_null())["person_id"]
    family = pl.read_parquet(out / "family.parquet").filter(
        pl.col("person_id").is_in(living.implode()) & pl.col("spouse_id").is_in(living.implode()))
    married = family.unique("person_id").sort("person_id")
    both = married.row(0, named=True)   # a couple both unplaced
    chosen = {both["person_id"], both["spouse_id"], *married["person_id"].gather_every(50).head(12),
              *living.unique().sort().gather_every(400).to_list()}
    resident = pl.read_parquet(out / "resident.parquet")
    resident.with_columns(pl.when(pl.col("person_id").is_in(list(chosen))).then(None)
                          .otherwise(pl.col("household_id")).alias("household_id")
                          ).write_parquet(out / "resident.parquet")
    return out, sorted(chosen)
