"""아동수당 (child allowance): rules/programmes/child_allowance.yaml."""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..entities import Person
from .base import Money

LAW = "https://www.law.go.kr/법령/아동수당법"


class child_allowance_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.DAY
    label = "Eligible for the child allowance: under the age limit, or born in 2017 (2026–2029)"
    reference = LAW

    def formula(person, period, parameters):
        p = parameters(period).child_allowance
        under_limit = person("age_months_calendar", period) < 12 * p.max_age
        cohort = (bool(p.special_cohort_in_force)
                  & (person("birth_year", period) == p.special_cohort_birth_year))
        return under_limit | cohort


class child_allowance_amount(Money):
    value_type = int
    entity = Person
    definition_period = DateUnit.DAY
    label = "Monthly child allowance with the regional supplement (제4조①⑥), 0 if not eligible"
    reference = LAW

    def formula(person, period, parameters):
        p = parameters(period).child_allowance
        supplement = np.where(person("depopulation_area", period), int(p.supplement_depopulation),
                              np.where(person("capital_area", period), 0,
                                       int(p.supplement_non_capital)))
        return np.where(person("child_allowance_eligible", period),
                        int(p.monthly_amount) + supplement, 0)
