"""The injected imperfections happen at their configured rates (and are counted exactly)."""

from __future__ import annotations

import json
from pathlib import Path

from synthetic_data import GenerationReport, NoiseConfig


def test_missing_rates(population: tuple[Path, GenerationReport]) -> None:
    inj = population[1].injected
    for name, rate in NoiseConfig().missing.items():
        got = inj[name]["missing_persons"] / population[1].people
        assert abs(got - rate) <= max(0.3 * rate, 0.001), (name, got, rate)
    for name in ("disability", "crisis", "benefits", "consent", "childcare"):
        assert inj[name]["missing_persons"] == 0, name


def test_duplicate_and_orphan_rates(population: tuple[Path, GenerationReport]) -> None:
    path, r = population
    cfg = NoiseConfig()
    for name in ("family", "earnings", "pensions", "property", "health"):
        inj, rows = r.injected[name], r.files[name]["rows"]
        dups = inj["duplicate_exact"] + inj["duplicate_conflicting"]
        base = rows - dups - inj["orphan_rows"]
        assert abs(dups - cfg.duplicate_rate * base) <= 1, name
        assert abs(inj["orphan_rows"] - cfg.orphan_rate * (base + dups)) <= 1, name
        assert abs(inj["duplicate_conflicting"] - cfg.conflicting_share * dups) <= 1, name
    stale = r.injected["resident"]["stale_rows"] / r.people
    assert 0.5 * cfg.stale_household_rate <= stale <= cfg.stale_household_rate, stale
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["injected"] == r.injected
    assert manifest["noise"] == cfg.model_dump()
