"""A reform file overlays figures and criteria; the reformed rulebook has its own hash, and
errors in the reform file point into it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eligibility.errors import RuleErrors
from eligibility.evaluation import CompiledRulebook
from eligibility.households import households_frame
from eligibility.rulebook.loader import load_rulebook

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MINI_RULES = FIXTURES / "mini_rules"
REFORM = FIXTURES / "reforms" / "livelihood_35.yaml"


def line(book, as_of):
    frame = households_frame(book, {"households": [{"id": "h", "members": [
        {"id": "a", "earned_income_monthly": 0, "other_income_monthly": 0}]}]})
    return CompiledRulebook(book, as_of).evaluate(frame)["v:livelihood_line"][0]


def test_reform_changes_the_figure_from_its_date_only():
    base, reformed = load_rulebook(MINI_RULES), load_rulebook(MINI_RULES, [REFORM])
    assert line(base, dt.date(2026, 3, 1)) == 820_556
    assert line(reformed, dt.date(2026, 3, 1)) == 897_483  # 2,564,238 x 0.35 = 897,483.3
    assert line(reformed, dt.date(2025, 6, 1)) == line(base, dt.date(2025, 6, 1))
    assert reformed.content_hash != base.content_hash and reformed.reforms == ["livelihood_35"]


def test_reform_replaces_a_criterion_test():
    reformed = load_rulebook(MINI_RULES, [REFORM])
    (crit,) = [c for c in reformed.criteria["basic_pension"] if c.id == "not_occupational"]
    assert "10_000_000" in crit.test.text
    assert crit.test.where.file.endswith("livelihood_35.yaml")


def test_error_in_a_reform_names_the_reform_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(REFORM.read_text(encoding="utf-8").replace("blsa.livelihood_rate", "blsa.livelihod_rate"),
                   encoding="utf-8")
    with pytest.raises(RuleErrors) as info:
        load_rulebook(MINI_RULES, [bad])
    err = info.value.errors[0]
    assert err.code == "unknown_parameter" and err.where.file.endswith("bad.yaml")
    assert err.where.line == 8 and err.hint == "did you mean 'blsa.livelihood_rate'?"
