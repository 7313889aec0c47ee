"""Input variables: the columns of our person frame that the three programmes read.

Names, types and meanings are those of rules/inputs.yaml. Every input is defined for a DAY
period: the simulation is run for the as-of day, so that parameters are taken as in force on
that exact date, as our engine does (`birth_date` is ETERNITY). Monthly amounts are monthly
rates observed on that day, not flows over the period.

OpenFisca has no missing values: an input that is null in the person frame is given OpenFisca's
default (0, False, the first enum member, 1970-01-01) by the runner. Decisions on people whose
household or couple has a null input are therefore not comparable with our engine's (which
says "undetermined") and are left out of the agreement rate."""

from __future__ import annotations

from datetime import date

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..entities import Person
from .base import Money


class BlsaRegionTier(Enum):
    seoul = "서울"
    gyeonggi = "경기"
    metro = "광역시·세종·창원"
    other = "그 외"


class Relation(Enum):
    """records.schema.RELATIONS, in its order."""
    head = "세대주"
    spouse = "배우자"
    child = "자녀"
    parent = "부모"
    grandchild = "손자녀"
    sibling = "형제자매"
    lodger = "동거인"
    other = "기타 친족"


class CityTier(Enum):
    metropolis = "대도시"
    city = "중소도시"
    rural = "농어촌"


# --- resident registry and region table --------------------------------------------------------
class birth_date(Variable):
    value_type = date
    entity = Person
    definition_period = DateUnit.ETERNITY
    label = "Date of birth (생년월일)"


class relation_to_head(Variable):
    value_type = Enum
    possible_values = Relation
    default_value = Relation.head
    entity = Person
    definition_period = DateUnit.DAY
    label = "Relation to the head of the registry household (세대주와의 관계)"


class has_spouse(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.DAY
    label = "Has a spouse (배우자 유무)"


class blsa_region_tier(Variable):
    value_type = Enum
    possible_values = BlsaRegionTier
    default_value = BlsaRegionTier.seoul
    entity = Person
    definition_period = DateUnit.DAY
    label = "BLSA property region tier (기초생활보장 재산 지역 구분)"


class city_tier(Variable):
    value_type = Enum
    possible_values = CityTier
    default_value = CityTier.metropolis
    entity = Person
    definition_period = DateUnit.DAY
    label = "City tier for the basic pension (대도시·중소도시·농어촌)"


class capital_area(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.DAY
    label = "Lives in the capital area (수도권)"


class depopulation_area(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.DAY
    label = "Lives in a designated depopulation area (인구감소지역)"


# --- family relations: obligatory providers ----------------------------------------------------
class provider_max_annual_income(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Highest annual income of an obligatory provider (부양의무자 최고 연소득)"


class provider_max_property(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Highest general property of an obligatory provider (부양의무자 최고 일반재산)"


# --- earnings ----------------------------------------------------------------------------------
class earned_income_monthly(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Monthly earned income (월 근로소득)"


class business_income_monthly(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Monthly business income (월 사업소득)"


class daily_work_income_monthly(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Monthly daily-work income (월 일용근로소득)"


class other_income_monthly(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Other monthly income: interest, rent, private transfers (월 기타소득)"


# --- public pensions ---------------------------------------------------------------------------
class national_pension_monthly(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Monthly national pension (국민연금 월 급여액)"


class national_pension_a_monthly(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "A component of the national pension (국민연금 A급여)"


class occupational_pension(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.DAY
    label = "Holds an occupational pension right (직역연금 수급권자)"


# --- property ----------------------------------------------------------------------------------
class home_value(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Value of the owned home lived in (거주 주택가액)"


class lease_deposit(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Lease deposit (임차보증금)"


class other_real_estate(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Land and other buildings (토지·건축물)"


class financial_assets(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Financial assets (금융재산)"


class debts(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Recognised debts (부채)"


class vehicle_value(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Vehicle value (자동차 가액)"


class vehicle_cc(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Vehicle engine size in cc (배기량)"


class vehicle_age_years(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Vehicle age in years (차령)"


# The inputs the runner sets, by kind (money | int | bool | date | enum).
INPUTS: dict[str, str] = {
    "birth_date": "date",
    "relation_to_head": "enum",
    "has_spouse": "bool",
    "blsa_region_tier": "enum",
    "city_tier": "enum",
    "capital_area": "bool",
    "depopulation_area": "bool",
    "provider_max_annual_income": "money",
    "provider_max_property": "money",
    "earned_income_monthly": "money",
    "business_income_monthly": "money",
    "daily_work_income_monthly": "money",
    "other_income_monthly": "money",
    "national_pension_monthly": "money",
    "national_pension_a_monthly": "money",
    "occupational_pension": "bool",
    "home_value": "money",
    "lease_deposit": "money",
    "other_real_estate": "money",
    "financial_assets": "money",
    "debts": "money",
    "vehicle_value": "money",
    "vehicle_cc": "int",
    "vehicle_age_years": "int",
}
ENUMS: dict[str, type[Enum]] = {"relation_to_head": Relation, "blsa_region_tier": BlsaRegionTier,
                                 "city_tier": CityTier}
