"""The generator's benefit model takes its legal figures from the rulebook, not from Python."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from eligibility.rulebook.loader import RULES_DIR, load_rulebook
from synthetic_data import benefits, generate
from synthetic_data.regions import BLSA_TIERS


def _copy_rules(tmp_path: Path, file: str, old: str, new: str) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    path = rules / "parameters" / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found once in {file}: update this test"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return rules


def test_a_changed_parameter_changes_the_generated_benefits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nobody can be 200: with that minimum age, no one is eligible for or receives 기초연금.
    rules = _copy_rules(tmp_path, "basic_pension.yaml",
                        "{from: 2026-01-01, value: 65, mark: V, sources: [L3, N12]}",
                        "{from: 2026-01-01, value: 200, mark: V, sources: [L3, N12]}")
    before = generate(5_000, 3, tmp_path / "before").programmes["basic_pension"]
    monkeypatch.setattr(benefits, "params", lambda: benefits.Params(load_rulebook(rules)))
    after = generate(5_000, 3, tmp_path / "after").programmes["basic_pension"]
    assert before.eligible > 0 and before.recipients > 0
    assert after.eligible == 0 and after.recipients == 0


def test_tier_tables_follow_key_names_not_yaml_order(tmp_path: Path) -> None:
    rules = _copy_rules(
        tmp_path, "blsa.yaml",
        # the entry in force on REFERENCE_DATE (2026), the last of the table
        "value: {seoul: 99000000, gyeonggi: 80000000, metro: 77000000, other: 53000000}\n"
        "residential_property_cap:",
        "value: {other: 53000000, metro: 77000000, gyeonggi: 80000000, seoul: 99000000}\n"
        "residential_property_cap:")
    ours, reordered = benefits.params(), benefits.Params(load_rulebook(rules))
    path = "blsa.basic_property_deduction"
    assert list(reordered.table(path).cells)[0] != list(ours.table(path).cells)[0]
    assert np.array_equal(reordered.coded(path, BLSA_TIERS), ours.coded(path, BLSA_TIERS))
