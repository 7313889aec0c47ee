"""A reform file overlays figures and criteria; the reformed rulebook has its own hash, and
errors in the reform file point into it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eligibility.errors import RuleErrors
from eligibility.evaluation import ELIGIBLE, INELIGIBLE, CompiledRulebook, decode_bits
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


def decide(book, members):
    """One household's decisions and criteria as of 2026-03-01, by person."""
    frame = households_frame(book, {"households": [{"id": "h", "members": members}]})
    compiled = CompiledRulebook(book, dt.date(2026, 3, 1))
    out = compiled.evaluate(frame)
    return {r["person_id"]: r | {f"{p}:failed_names": decode_bits(r[f"{p}:failed"], compiled.layout[p].criteria)
                                 for p in compiled.programmes}
            for r in out.iter_rows(named=True)}


def alone(pid, born, earned):
    return {"id": pid, "relation_to_head": "head", "birth_date": born, "has_spouse": False,
            "earned_income_monthly": earned, "other_income_monthly": 0, "occupational_pension": False}


def test_a_reformed_criterion_decides_for_the_reformed_rulebook():
    # the reform adds "earned_income_monthly < 10_000_000" to basic_pension.not_occupational
    earner = [alone("e", "1950-01-01", 10_000_000)]
    base = decide(load_rulebook(MINI_RULES), earner)["e"]
    reformed = decide(load_rulebook(MINI_RULES, [REFORM]), earner)["e"]
    assert (base["c:basic_pension:not_occupational"], reformed["c:basic_pension:not_occupational"]) == (True, False)
    # ineligible either way (10,000,000 − 3,000,000 = 7,000,000 > 2,470,000 single threshold),
    # but the caseworker is now told the reformed criterion fails too
    assert base["basic_pension:status"] == reformed["basic_pension:status"] == INELIGIBLE
    assert base["basic_pension:failed_names"] == ["income"]
    assert reformed["basic_pension:failed_names"] == ["income", "not_occupational"]


def test_a_reform_of_a_criterion_changes_who_is_eligible_and_what_follows(tmp_path):
    reform = tmp_path / "pension_at_60.yaml"
    reform.write_text("reform:\n  id: pension_at_60\n  label: {ko: 기초연금 60세, en: basic pension from 60}\n"
                      "criteria:\n  basic_pension.age:\n    test: age >= 60\n", encoding="utf-8")
    sixty_two = [alone("k", "1964-01-01", 0)]
    base = decide(load_rulebook(MINI_RULES), sixty_two)["k"]
    reformed = decide(load_rulebook(MINI_RULES, [reform]), sixty_two)["k"]
    assert (base["basic_pension:status"], base["basic_pension:failed_names"]) == (INELIGIBLE, ["age"])
    assert (reformed["basic_pension:status"], reformed["basic_pension:amount"]) == (ELIGIBLE, 349_700)
    # the livelihood benefit counts the basic pension as income: 820,556 (the 1-person line,
    # nothing counted) before, 820,556 − 349,700 = 470,856 after
    assert base["blsa_livelihood:amount"] == 820_556
    assert reformed["blsa_livelihood:amount"] == 820_556 - 349_700


def test_error_in_a_reform_names_the_reform_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(REFORM.read_text(encoding="utf-8").replace("blsa.livelihood_rate", "blsa.livelihod_rate"),
                   encoding="utf-8")
    with pytest.raises(RuleErrors) as info:
        load_rulebook(MINI_RULES, [bad])
    err = info.value.errors[0]
    assert err.code == "unknown_parameter" and err.where.file.endswith("bad.yaml")
    assert err.where.line == 8 and err.hint == "did you mean 'blsa.livelihood_rate'?"


def test_bare_yaml_scalars_are_read_as_the_expression_written(tmp_path):
    """`expr: 0` and `test: true` are expressions YAML reads as a number and a boolean; a bare
    decimal would already be a float (not what was written), so it must be quoted."""
    reform = tmp_path / "scalars.yaml"
    reform.write_text("reform: {id: scalars, label: {ko: x, en: x}}\n"
                      "variables:\n  livelihood_line: {expr: 0}\n"
                      "criteria:\n  basic_pension.not_occupational: {test: true}\n", encoding="utf-8")
    book = load_rulebook(MINI_RULES, [reform])
    assert line(book, dt.date(2026, 3, 1)) == 0
    (crit,) = [c for c in book.criteria["basic_pension"] if c.id == "not_occupational"]
    assert crit.test.text == "true"
    reform.write_text(reform.read_text(encoding="utf-8").replace("{test: true}", "{test: 0.5}"), encoding="utf-8")
    with pytest.raises(RuleErrors) as info:
        load_rulebook(MINI_RULES, [reform])
    err = info.value.errors[0]
    assert err.where.line == 5 and "quote the expression" in str(err)
