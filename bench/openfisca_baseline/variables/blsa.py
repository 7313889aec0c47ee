"""생계급여 (BLSA livelihood benefit): rules/programmes/blsa_livelihood.yaml and
rules/variables/blsa.yaml.

소득인정액 = 소득평가액 + 재산의 소득환산액, on the Household entity (국민기초생활 보장법 제2조제9호,
제6조의3). The region tier is the head's (our rules read it per member; members of a registry
household share an address). Each product with a rate is rounded half-up to the won."""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..arith import isum, mul_round
from ..entities import Household, Person
from .base import Money, by_enum
from .inputs import BlsaRegionTier

LAW = "https://www.law.go.kr/법령/국민기초생활보장법"


# --- 소득평가액 ------------------------------------------------------------------------------------
class blsa_work_income(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Monthly earned, daily-work and business income (시행령 제5조①)"

    def formula(person, period, parameters):
        return (person("earned_income_monthly", period) + person("daily_work_income_monthly", period)
                + person("business_income_monthly", period))


class blsa_earned_income_deduction(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Earned-income deduction: 30%, youth base amount first (제6조의3①)"
    reference = LAW

    def formula(person, period, parameters):
        p = parameters(period).blsa
        work = person("blsa_work_income", period)
        base = np.minimum(work, int(p.youth_deduction_base))
        youth = base + mul_round(work - base, p.earned_income_deduction_rate)
        general = mul_round(work, p.earned_income_deduction_rate)
        return np.where(person("age", period) <= p.youth_deduction_max_age, youth, general)


class blsa_actual_income(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Household actual income, basic pension included (실제소득, 시행령 제5조①)"

    def formula(household, period, parameters):
        m = household.members
        income = (m("blsa_work_income", period) + m("other_income_monthly", period)
                  + m("national_pension_monthly", period))
        return isum(household, income + m("basic_pension_amount", period))


class blsa_income_evaluation(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Income evaluation amount (소득평가액)"
    reference = LAW

    def formula(household, period, parameters):
        deduction = isum(household, household.members("blsa_earned_income_deduction", period))
        return np.maximum(household("blsa_actual_income", period) - deduction, 0)


# --- 재산의 소득환산액 ------------------------------------------------------------------------------
class blsa_vehicle_general_treatment(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.DAY
    label = "The vehicle is valued as general property instead of at 100%"

    def formula(person, period, parameters):
        p = parameters(period).blsa
        return ((person("vehicle_cc", period) < p.vehicle_general_max_cc)
                & ((person("vehicle_age_years", period) >= p.vehicle_general_min_age)
                   | (person("vehicle_value", period) < int(p.vehicle_general_max_value))))


class blsa_vehicle_general_value(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Vehicle value counted as general property"

    def formula(person, period, parameters):
        return np.where(person("blsa_vehicle_general_treatment", period),
                        person("vehicle_value", period), 0)


class blsa_vehicle_full_value(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Vehicle value converted at 100% per month"

    def formula(person, period, parameters):
        return np.where(person("blsa_vehicle_general_treatment", period), 0,
                        person("vehicle_value", period))


class blsa_household_region_tier(Variable):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "The household's BLSA region tier (the head's), as an index of BlsaRegionTier"

    def formula(household, period, parameters):
        tier = np.asarray(household.members("blsa_region_tier", period), dtype=np.int64)
        head = household.members.has_role(Household.HEAD)
        return isum(household, np.where(head, tier, 0))  # one head per household


class blsa_residential_property(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Residential property: own home and lease deposit (주거용재산)"

    def formula(household, period, parameters):
        m = household.members
        return isum(household, m("home_value", period) + m("lease_deposit", period))


class blsa_residential_within_cap(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Residential property up to the regional cap"

    def formula(household, period, parameters):
        cap = by_enum(parameters(period).blsa.residential_property_cap,
                      household("blsa_household_region_tier", period), BlsaRegionTier)
        return np.minimum(household("blsa_residential_property", period), cap)


class blsa_general_property(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "General property: land, buildings, qualifying vehicles, residential above the cap"

    def formula(household, period, parameters):
        m = household.members
        own = isum(household, m("other_real_estate", period) + m("blsa_vehicle_general_value", period))
        return own + (household("blsa_residential_property", period)
                      - household("blsa_residential_within_cap", period))


class blsa_financial_property(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Financial assets (금융재산)"

    def formula(household, period, parameters):
        return isum(household, household.members("financial_assets", period))


class blsa_property_deductions(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Basic property deduction (4-tier region) plus debts"

    def formula(household, period, parameters):
        basic = by_enum(parameters(period).blsa.basic_property_deduction,
                        household("blsa_household_region_tier", period), BlsaRegionTier)
        return basic + isum(household, household.members("debts", period))


class blsa_deductions_left_after_general(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Deductions left after general property is used up"

    def formula(household, period, parameters):
        return np.maximum(household("blsa_property_deductions", period)
                          - household("blsa_general_property", period), 0)


class blsa_general_after_deductions(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "General property after deductions"

    def formula(household, period, parameters):
        return np.maximum(household("blsa_general_property", period)
                          - household("blsa_property_deductions", period), 0)


class blsa_residential_after_deductions(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Residential property within the cap, after deductions"

    def formula(household, period, parameters):
        return np.maximum(household("blsa_residential_within_cap", period)
                          - household("blsa_deductions_left_after_general", period), 0)


class blsa_financial_after_deductions(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Financial assets after deductions"

    def formula(household, period, parameters):
        left = np.maximum(household("blsa_deductions_left_after_general", period)
                          - household("blsa_residential_within_cap", period), 0)
        return np.maximum(household("blsa_financial_property", period) - left, 0)


class blsa_property_income(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Property converted to monthly income (재산의 소득환산액, 제6조의3②)"
    reference = LAW

    def formula(household, period, parameters):
        p = parameters(period).blsa
        vehicles = isum(household, household.members("blsa_vehicle_full_value", period))
        return (mul_round(household("blsa_residential_after_deductions", period),
                          p.residential_conversion_rate)
                + mul_round(household("blsa_general_after_deductions", period),
                            p.general_conversion_rate)
                + mul_round(household("blsa_financial_after_deductions", period),
                            p.financial_conversion_rate)
                + mul_round(vehicles, p.vehicle_conversion_rate))


class blsa_recognised_income(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Recognised income (소득인정액, 제2조제9호)"
    reference = LAW

    def formula(household, period, parameters):
        return household("blsa_income_evaluation", period) + household("blsa_property_income", period)


class blsa_livelihood_line(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Livelihood line: 32% of the median (생계급여 선정기준액, 제8조②)"
    reference = LAW

    def formula(household, period, parameters):
        return mul_round(household("median_income_household", period),
                         parameters(period).blsa.livelihood_rate)


# --- the programme -----------------------------------------------------------------------------
class blsa_livelihood_eligible(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.DAY
    label = "Eligible for the livelihood benefit (제8조②)"
    reference = LAW

    def formula(household, period, parameters):
        p = parameters(period).blsa
        income = household("blsa_recognised_income", period) <= household("blsa_livelihood_line", period)
        m = household.members
        rich_provider = ((m("provider_max_annual_income", period) > int(p.provider_income_cap))
                         | (m("provider_max_property", period) > int(p.provider_property_cap)))
        no_rich_provider = ~household.any(rich_provider)  # household.all loops over positions
        return income & no_rich_provider


class blsa_livelihood_amount(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Monthly livelihood benefit: line − recognised income (제8조③), 0 if not eligible"
    reference = LAW

    def formula(household, period, parameters):
        top_up = np.maximum(household("blsa_livelihood_line", period)
                            - household("blsa_recognised_income", period), 0)
        return np.where(household("blsa_livelihood_eligible", period), top_up, 0)
