"""기초연금 (basic pension): rules/programmes/basic_pension.yaml and rules/variables/basic_pension.yaml.

The recognised income is the couple's (기초연금법 제2조제4호), so the couple sums go through the
Couple entity; thresholds and the city-tier deduction are the person's own, as in the rules."""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..arith import I64, ceil_div, div_round, exact, isum, mul_round, round_down
from ..entities import Couple, Person
from .base import Money, by_enum
from .inputs import CityTier

LAW = "https://www.law.go.kr/법령/기초연금법"


class bp_earned_income_counted(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Earned income counted: (earned − basic deduction) × (1 − 30%)"
    reference = LAW

    def formula(person, period, parameters):
        p = parameters(period).basic_pension
        earned = person("earned_income_monthly", period)
        over = np.maximum(earned - int(p.earned_income_deduction), 0)
        return mul_round(over, 1 - exact(p.earned_income_extra_deduction_rate))


class bp_income_evaluation(Money):
    value_type = int
    entity = Couple
    definition_period = DateUnit.DAY
    label = "Income evaluation of the couple (소득평가액)"
    reference = LAW

    def formula(couple, period, parameters):
        income = (couple.members("bp_earned_income_counted", period)
                  + couple.members("business_income_monthly", period)
                  + couple.members("other_income_monthly", period)
                  + couple.members("national_pension_monthly", period))
        return isum(couple, income)


class bp_luxury_vehicle(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.DAY
    label = "Luxury car, counted at 100% of its value per month (고급자동차)"

    def formula(person, period, parameters):
        p = parameters(period).basic_pension
        return ((person("vehicle_value", period) >= int(p.luxury_car_min_value))
                | (person("vehicle_cc", period) >= int(p.luxury_car_min_cc)))


class bp_general_property(Money):
    value_type = int
    entity = Couple
    definition_period = DateUnit.DAY
    label = "General property of the couple: home, lease deposit, land and buildings, ordinary cars"

    def formula(couple, period, parameters):
        m = couple.members
        ordinary_car = np.where(m("bp_luxury_vehicle", period), 0, m("vehicle_value", period))
        return isum(couple, m("home_value", period) + m("lease_deposit", period)
                    + m("other_real_estate", period) + ordinary_car)


class bp_property_income(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Property converted to monthly income (재산의 소득환산액), couple"

    def formula(person, period, parameters):
        p = parameters(period).basic_pension
        deduction = by_enum(p.basic_property_deduction, person("city_tier", period), CityTier)
        general = person.couple("bp_general_property", period)
        financial = isum(person.couple, person("financial_assets", period))
        debts = isum(person.couple, person("debts", period))
        luxury = isum(person.couple, np.where(person("bp_luxury_vehicle", period),
                                              person("vehicle_value", period), 0))
        base = np.maximum(np.maximum(general - deduction, 0)
                          + np.maximum(financial - int(p.financial_asset_deduction), 0) - debts, 0)
        rate = exact(p.property_conversion_rate) / 12
        return div_round(base * rate.numerator, rate.denominator) + luxury


class bp_recognised_income(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Recognised income of the couple (소득인정액)"

    def formula(person, period, parameters):
        return person.couple("bp_income_evaluation", period) + person("bp_property_income", period)


class bp_selection_threshold(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Selection threshold, single or couple (선정기준액)"
    reference = LAW

    def formula(person, period, parameters):
        t = parameters(period).basic_pension.selection_threshold
        return np.where(person("has_spouse", period), int(t["couple"]), int(t["single"]))


class basic_pension_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.DAY
    label = "Eligible for the basic pension (기초연금법 제3조)"
    reference = LAW

    def formula(person, period, parameters):
        p = parameters(period).basic_pension
        aged = person("age", period) >= p.min_age
        income = person("bp_recognised_income", period) <= person("bp_selection_threshold", period)
        occupational = person.couple.any(person("occupational_pension", period))
        return aged & income & ~occupational


class bp_linked_amount(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Pension after the national-pension linkage (제5조, 제6조, 제7조)"
    reference = LAW

    def formula(person, period, parameters):
        p = parameters(period).basic_pension
        base = int(p.base_amount)
        full_line = int(mul_round(np.array([base], dtype=I64), p.national_pension_full_ratio)[0])
        a = person("national_pension_a_monthly", period)
        # 기준연금액 − ⅔ × A급여 + ½ × 기준연금액, not below ½ × 기준연금액, cut to 10 won
        reduced = np.where(a * 2 < base * 3, round_down((base * 9 - a * 4) // 6, 10),
                           round_down(np.int64(base // 2), 10))
        return np.where(person("national_pension_monthly", period) <= full_line, base,
                        np.minimum(base, reduced))


class bp_recipients_in_couple(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Basic-pension recipients in the person's couple"

    def formula(person, period, parameters):
        return isum(person.couple, person("basic_pension_eligible", period))


class bp_amount_after_couple_reduction(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Pension after the 20% couple reduction (제8조①)"
    reference = LAW

    def formula(person, period, parameters):
        rate = 1 - exact(parameters(period).basic_pension.couple_reduction_rate)
        linked = person("bp_linked_amount", period)
        reduced = round_down(linked * rate.numerator // rate.denominator, 10)
        return np.where(person("bp_recipients_in_couple", period) >= 2, reduced, linked)


class bp_couple_pension_total(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "The couple's total pension after the couple reduction"

    def formula(person, period, parameters):
        paid = np.where(person("basic_pension_eligible", period),
                        person("bp_amount_after_couple_reduction", period), 0)
        return isum(person.couple, paid)


class bp_reversal_excess(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Amount by which income + pension exceeds the threshold (제8조②)"

    def formula(person, period, parameters):
        return np.maximum(person("bp_recognised_income", period)
                          + person("bp_couple_pension_total", period)
                          - person("bp_selection_threshold", period), 0)


class basic_pension_amount(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Monthly basic pension (0 if not eligible)"
    reference = LAW

    def formula(person, period, parameters):
        p = parameters(period).basic_pension
        floor = int(mul_round(np.array([int(p.base_amount)], dtype=I64), p.reversal_floor_rate)[0])
        shared = ceil_div(person("bp_reversal_excess", period),
                          np.maximum(person("bp_recipients_in_couple", period), 1))
        amount = round_down(np.maximum(person("bp_amount_after_couple_reduction", period) - shared,
                                       floor), 10)
        return np.where(person("basic_pension_eligible", period), amount, 0)
