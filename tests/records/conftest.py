"""Fixtures: a generated 40,000-person dataset (once per session) and a builder of tiny
hand-written datasets whose every row is chosen by the test (see records_builders.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from records_builders import Builder, write_dataset

from eligibility.records import Dataset
from synthetic_data import GenerationReport, generate


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dataset, GenerationReport]:
    out = tmp_path_factory.mktemp("generated") / "ds"
    report = generate(40_000, 20260301, out)
    return Dataset.open(out), report


@pytest.fixture
def build(tmp_path: Path) -> Builder:
    """build(resident=[...], earnings=[...], window=(first_month, months)) → a Dataset."""
    counter = iter(range(1000))

    def make(**tables: Any) -> Dataset:
        return write_dataset(tmp_path / f"ds{next(counter)}", **tables)

    return make
