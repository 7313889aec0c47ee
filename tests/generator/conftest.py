"""A 40,000-person population generated once per test session (≈1 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from synthetic_data import GenerationReport, generate

PEOPLE = 40_000
SEED = 20260301


@pytest.fixture(scope="session")
def population(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GenerationReport]:
    out = tmp_path_factory.mktemp("population") / "ds"
    return out, generate(PEOPLE, SEED, out)
