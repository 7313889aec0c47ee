"""Why one person is or is not eligible: link that person's household from the same source a
sweep reads, and run the Explainer (the same compiled rules) on it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from ..errors import DataError
from ..evaluation import CompiledRulebook
from ..explanation import DecisionTrace, Explainer
from .source import PersonSource


@dataclass
class Why:
    person_id: object
    household: pl.DataFrame
    traces: list[DecisionTrace]


def explain_person(source: PersonSource, compiled: CompiledRulebook, person_id: object,
                   programmes: list[str] | None = None) -> Why:
    household = source.household(compiled.as_of, person_id)
    if household.is_empty() or person_id not in household["person_id"].to_list():
        raise DataError(f"person {person_id} is not in {source.describe()} as of {compiled.as_of}: "
                        f"{source.not_found(compiled.as_of, person_id)}")
    explainer = Explainer(compiled, household)
    return Why(person_id, household, explainer.explain(person_id, programmes))


def members_rows(why: Why, as_of: dt.date) -> list[dict[str, object]]:
    """The household as the caseworker sees it first: who lives there."""
    cols = [c for c in ("person_id", "relation_to_head", "birth_date", "sex") if c in why.household.columns]
    return why.household.select(cols).sort("person_id").to_dicts()
