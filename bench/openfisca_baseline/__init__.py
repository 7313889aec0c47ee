"""The three shared programmes (생계급여, 기초연금, 아동수당) written directly in OpenFisca
(openfisca-core, from the package registry), to measure our engine's speed against it on the
same records (issue 4, item 7).

- `system.KoreanWelfareBaseline`: the TaxBenefitSystem (entities Person, Household, Couple;
  the input variables of our person frame; the programmes' formulas; the parameters built
  from rules/parameters with their dated history);
- `run_openfisca(persons, as_of)`: the programmes for a person frame, vectorised;
- `compare(persons, as_of)`: both systems on the same records — speeds, ratio, agreement;
- `python -m bench.openfisca_baseline --people N --seed S`: the benchmark on linked
  synthetic registries."""

from __future__ import annotations

from .compare import compare
from .runner import PROGRAMMES, run_openfisca

__all__ = ["PROGRAMMES", "compare", "run_openfisca"]
