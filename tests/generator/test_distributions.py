"""Each calibration target of synthetic_data/targets.py within its stated tolerance, on the
session's 40,000-person population, and the take-up gaps the engine exists to find."""

from __future__ import annotations

from pathlib import Path

import pytest

from synthetic_data import GenerationReport
from synthetic_data.calibration import Check, measure


@pytest.fixture(scope="session")
def checks(population: tuple[Path, GenerationReport]) -> list[Check]:
    return measure(population[0])


def _failures(checks: list[Check], prefix: str) -> list[str]:
    return [f"{c.name}: {c.value:.4g} vs {c.target:.4g} ± {c.tolerance:.3g} ({c.source})"
            for c in checks if c.name.startswith(prefix) and not c.ok]


@pytest.mark.parametrize("group", [
    "age ", "aged 65+", "men per 100", "households of", "persons per household", "시도 share",
    "시군구", "capital-area", "employment", "self-employed", "wage", "national pension",
    "owner-occupied", "households net worth", "registered disabled", "severe share",
    "basic pension", "BLSA", "child allowance", "households with",
])
def test_target(checks: list[Check], group: str) -> None:
    assert any(c.name.startswith(group) for c in checks), f"no statistic named {group!r}"
    assert not _failures(checks, group)


def test_take_up_gaps_both_ways(population: tuple[Path, GenerationReport]) -> None:
    """Some eligible people receive nothing; some recipients are no longer eligible."""
    progs = population[1].programmes
    for name in ("basic_pension", "blsa_livelihood", "eitc", "disability_pension"):
        c = progs[name]
        assert c.eligible_not_receiving > 0, name
        assert c.receiving_not_eligible > 0, name
        assert c.eligible_not_receiving < c.eligible, name


def test_basic_pension_is_near_seventy_percent_by_design(population: tuple[Path, GenerationReport]) -> None:
    """기초연금 선정기준액 is set so that ≈70% of people aged 65+ qualify (기초연금법 제3조②)."""
    r = population[1]
    share = r.programmes["basic_pension"].eligible / r.age_65_plus
    assert 0.63 <= share <= 0.77, share
