"""Generation settings: the dates the population is built around, and the noise rates."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field, field_validator

# The registries are a snapshot taken on this date (the first day after the earnings window).
REFERENCE_DATE = dt.date(2026, 3, 1)
# Monthly earnings cover this window: the whole of 2025 (the previous calendar year for any
# as-of date in 2026) and the three months before the reference date.
WINDOW_FIRST_MONTH = dt.date(2024, 12, 1)
WINDOW_MONTHS = 15
# Deaths recorded in the resident registry fall in the window (the registry keeps the dead
# with their death date; the linker excludes them as of its date).
DEATHS_FROM = dt.date(2024, 12, 1)

EPOCH = dt.date(1970, 1, 1)


def days(d: dt.date) -> int:
    """Days since 1970-01-01: the integer form of Arrow/Polars dates."""
    return (d - EPOCH).days


def window_months() -> list[dt.date]:
    out = []
    y, m = WINDOW_FIRST_MONTH.year, WINDOW_FIRST_MONTH.month
    for _ in range(WINDOW_MONTHS):
        out.append(dt.date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


class NoiseConfig(BaseModel):
    """Imperfect linkage, on purpose. Each rate is a share of the rows (or persons) of a chunk.

    Defaults are documented in docs/population.md; tests check that the linker reports
    exactly the rows the generator injected.
    """

    model_config = {"frozen": True}

    # People missing from a registry (their inputs from it become unknown). Registries that
    # list positive cases only (disability, childcare, crisis, benefits, consent) are not
    # thinned by default: a missing row there silently reads as "no".
    missing: dict[str, float] = Field(default_factory=lambda: {
        "earnings": 0.01, "property": 0.01, "health": 0.01, "pensions": 0.005, "family": 0.005,
    })
    # Duplicate rows, as a share of each registry's rows; `conflicting_share` of them differ
    # from the original in one value (the linker turns disagreeing values into unknowns).
    duplicate_rate: float = 0.002
    conflicting_share: float = 0.5
    # Rows whose person_id is not in the resident registry (emigrated, deleted, mistyped).
    orphan_rate: float = 0.001
    # Residents who also appear with an older registration (an earlier household and move-in
    # date): the linker keeps the latest registration.
    stale_household_rate: float = 0.003

    @field_validator("duplicate_rate", "conflicting_share", "orphan_rate", "stale_household_rate")
    @classmethod
    def _rate(cls, v: float) -> float:
        if not 0.0 <= v <= 1.0:
            raise ValueError("rates are shares between 0 and 1")
        return v

    @field_validator("missing")
    @classmethod
    def _missing(cls, v: dict[str, float]) -> dict[str, float]:
        allowed = {"earnings", "property", "health", "pensions", "family", "childcare",
                   "disability", "crisis", "benefits", "consent"}
        for name, rate in v.items():
            if name not in allowed:
                raise ValueError(f"no registry {name!r} can lose people (allowed: {sorted(allowed)})")
            if not 0.0 <= rate <= 1.0:
                raise ValueError(f"missing[{name!r}] must be between 0 and 1")
        return dict(sorted(v.items()))

    @classmethod
    def none(cls) -> NoiseConfig:
        """Perfect linkage (for tests that need exact truths)."""
        return cls(missing={}, duplicate_rate=0.0, orphan_rate=0.0, stale_household_rate=0.0)
