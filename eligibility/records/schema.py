"""The registries of a dataset folder: one Parquet file each, with the columns and dtypes below.

This module is the single description of the files: the generator (synthetic_data) writes
exactly these schemas and the loader (dataset.py) rejects anything else, naming the file and
the column. Extra columns are tolerated (a real extract may carry more) but never read.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from ..evaluation import DTYPES


@dataclass(frozen=True)
class Registry:
    name: str
    columns: dict[str, pl.DataType]
    key: tuple[str, ...]          # what makes a row unique; repeated keys are duplicates
    # True when the registry lists positive cases only (absence has a meaning, see inputs.yaml)
    positive_only: bool = False
    label: str = ""
    # Columns no row may leave null, and whether the file may have no row at all: the
    # resident registry is the population, and its person_id what every registry links to.
    not_null: tuple[str, ...] = ()
    empty_ok: bool = True

    @property
    def file(self) -> str:
        return f"{self.name}.parquet"


ID = pl.Int64()
MONEY = pl.Int64()

RESIDENT = Registry(
    "resident",
    {
        "person_id": ID, "household_id": ID, "birth_date": pl.Date(), "sex": pl.String(),
        "relation_to_head": pl.String(), "sigungu_code": pl.String(),
        "move_in_date": pl.Date(), "death_date": pl.Date(), "name": pl.String(),
    },
    key=("person_id",), label="주민등록 (resident registry)",
    not_null=("person_id",), empty_ok=False,
)
FAMILY = Registry(
    "family",
    {
        "person_id": ID, "spouse_id": ID, "mother_id": ID, "father_id": ID,
        "marital_status": pl.String(), "birth_order": pl.Int32(),
    },
    key=("person_id",), label="가족관계등록 (family relations)",
)
EARNINGS = Registry(
    "earnings",
    {
        "person_id": ID, "month": pl.Date(), "earned": MONEY, "business": MONEY,
        "daily_work": MONEY, "other": MONEY,
    },
    # Long format: one row per person and month with income. A person present in the registry
    # has 0 for the months without a row; a person with no row at all is unknown.
    key=("person_id", "month"), label="소득자료 (monthly earnings)",
)
PENSIONS = Registry(
    "pensions",
    {
        "person_id": ID, "national_pension": MONEY, "national_pension_a": MONEY,
        "occupational_pension": pl.Boolean(), "occupational_pension_amount": MONEY,
    },
    key=("person_id",), label="공적연금 (public pensions)",
)
PROPERTY = Registry(
    "property",
    {
        "person_id": ID, "home_value": MONEY, "lease_deposit": MONEY, "other_real_estate": MONEY,
        "financial_assets": MONEY, "debts": MONEY, "vehicle_value": MONEY,
        "vehicle_cc": pl.Int32(), "vehicle_age_years": pl.Int32(),
    },
    key=("person_id",), label="재산 (property)",
)
DISABILITY = Registry(
    "disability",
    {
        "person_id": ID, "severity": pl.String(), "disability_type": pl.String(),
        "registered_on": pl.Date(),
    },
    key=("person_id",), positive_only=True, label="장애인 등록 (disability registry)",
)
HEALTH = Registry(
    "health",
    {
        "person_id": ID, "arrears_months": pl.Int32(), "rare_disease": pl.Boolean(),
        "pregnant": pl.Boolean(),
    },
    key=("person_id",), label="건강보험 (health insurance)",
)
CHILDCARE = Registry(
    "childcare",
    {
        "person_id": ID, "in_daycare": pl.Boolean(), "daycare_voucher_monthly": MONEY,
        "school_level": pl.String(),
    },
    # Lists enrolled people only (daycare or school); absence means not enrolled.
    key=("person_id",), positive_only=True, label="보육·교육 (childcare and school)",
)
CRISIS = Registry(
    "crisis",
    {"person_id": ID, "event": pl.String(), "event_date": pl.Date()},
    key=("person_id", "event", "event_date"), positive_only=True,
    label="위기정보 (crisis signals)",
)
BENEFITS = Registry(
    "benefits",
    {"person_id": ID, "programme": pl.String(), "since": pl.Date()},
    key=("person_id", "programme"), positive_only=True, label="수급 이력 (benefits received)",
)
CONSENT = Registry(
    "consent",
    {"person_id": ID, "contact_consent": pl.Boolean(), "recorded_on": pl.Date()},
    key=("person_id",), positive_only=True, label="연락 동의 (consent to be contacted)",
)
REGION = Registry(
    "region",
    {
        "code5": pl.String(), "sido": pl.String(), "sido_code": pl.String(),
        "sido_name": pl.String(), "sigungu": pl.String(), "kind": pl.String(),
        "pop_2025_12": pl.Int64(), "hh_resident_2025_12": pl.Int64(),
        "share_70p": pl.Float64(), "share_0_9": pl.Float64(), "depop_interest": pl.Boolean(),
        "special_city": pl.Boolean(), "blsa_tier": pl.String(), "city_tier": pl.String(),
        "capital_area": pl.Boolean(), "depopulation_area": pl.Boolean(),
    },
    key=("code5",), label="시군구 region table",
)

REGISTRIES: dict[str, Registry] = {
    r.name: r
    for r in (RESIDENT, FAMILY, EARNINGS, PENSIONS, PROPERTY, DISABILITY, HEALTH, CHILDCARE,
              CRISIS, BENEFITS, CONSENT, REGION)
}
# Registries keyed by person: rows whose person_id is not in the resident registry are orphans.
PERSON_REGISTRIES = tuple(n for n in REGISTRIES if n not in ("resident", "region"))

# Controlled vocabularies (the generator draws from these; tests check them).
SEXES = ("M", "F")
# "lodger" (동거인): registered in the household with no family relation to its head; "other":
# any other relative (기타 친족).
RELATIONS = ("head", "spouse", "child", "parent", "grandchild", "sibling", "lodger", "other")
MARITAL_STATUSES = ("never_married", "married", "divorced", "widowed")
SCHOOL_LEVELS = ("none", "elementary", "middle", "high", "university")
SEVERITIES = ("severe", "mild")
CRISIS_EVENTS = ("job_loss", "business_closure", "main_earner_loss", "utility_cutoff",
                 "serious_illness")

# inputs.yaml types → the person frame's polars dtypes (the contract with the rules).
INPUT_DTYPES = DTYPES  # the engine's mapping of rule value types to columns: one definition
