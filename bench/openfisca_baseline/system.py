"""The baseline TaxBenefitSystem: entities, variables and parameters."""

from __future__ import annotations

from functools import cache

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from eligibility.rulebook.loader import load_rulebook
from eligibility.rulebook.rulebook import Rulebook

from .entities import ENTITIES
from .parameters import build_parameters
from .variables import all_variables

PARAMETER_GROUPS = ("median_income", "blsa", "basic_pension", "child_allowance")


class KoreanWelfareBaseline(TaxBenefitSystem):
    """Three Korean programmes written directly in OpenFisca: 생계급여, 기초연금, 아동수당."""

    def __init__(self, book: Rulebook | None = None) -> None:
        super().__init__(ENTITIES)
        self.add_variables(*all_variables())
        self.parameters = build_parameters(book or load_rulebook(), PARAMETER_GROUPS)


@cache
def baseline_system() -> KoreanWelfareBaseline:
    """The system built once per process (loading it is not part of the timed run)."""
    return KoreanWelfareBaseline()
