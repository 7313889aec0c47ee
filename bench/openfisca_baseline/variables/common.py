"""Person and household basics (rules/variables/common.yaml)."""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..entities import Household, Person
from .base import Money, as_of_date, linear_table


class birth_year(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.ETERNITY
    label = "Year of birth"

    def formula(person, period, parameters):
        return person("birth_date", period).astype("datetime64[Y]").astype(np.int64) + 1970


class birth_month(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.ETERNITY
    label = "Month of birth (1–12)"

    def formula(person, period, parameters):
        return person("birth_date", period).astype("datetime64[M]").astype(np.int64) % 12 + 1


class birth_day(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.ETERNITY
    label = "Day of the month of birth"

    def formula(person, period, parameters):
        d = person("birth_date", period)
        return (d - d.astype("datetime64[M]")).astype(np.int64) + 1


class age(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Age in whole years (만 나이)"

    def formula(person, period, parameters):
        d = as_of_date(period)
        before_birthday = (d.month * 100 + d.day
                           < person("birth_month", period) * 100 + person("birth_day", period))
        return d.year - person("birth_year", period) - before_birthday


class age_months_calendar(Variable):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Age in calendar months, the birth month being month 0 (아동수당법 제10조①)"

    def formula(person, period, parameters):
        d = as_of_date(period)
        return (d.year - person("birth_year", period)) * 12 + d.month - person("birth_month", period)


class household_size(Variable):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Members of the household (가구원 수; a lodger is a household of their own: runner.prepare)"

    def formula(household, period, parameters):
        return household.nb_persons()


class median_income_household(Money):
    value_type = int
    entity = Household
    definition_period = DateUnit.DAY
    label = "Standard median income for the household size (기준 중위소득, 국민기초생활 보장법 제2조제11호)"
    reference = "https://www.law.go.kr/법령/국민기초생활보장법"

    def formula(household, period, parameters):
        size = household("household_size", period)
        return linear_table(parameters(period).median_income.standard, size).astype(np.int64)
