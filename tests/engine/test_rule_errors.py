"""A broken rule file fails with a message naming file, line, programme, criterion and
position, showing the text, and suggesting the nearest known name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eligibility.errors import RuleError, RuleErrors
from eligibility.rulebook.loader import load_rulebook

MINI_RULES = Path(__file__).parents[1] / "fixtures" / "mini_rules"


def errors_of(root) -> RuleErrors:
    with pytest.raises(RuleErrors) as info:
        load_rulebook(root)
    return info.value


def test_typo_in_a_name_is_located_and_gets_a_suggestion(edited_rules):
    root = edited_rules("programmes/basic_pension.yaml", "test: age >= 65", "test: agee >= 65")
    err = errors_of(root).errors[0]
    assert err.code == "unknown_name"
    assert err.where.file.endswith("programmes/basic_pension.yaml")
    assert err.where.programme == "basic_pension" and err.where.criterion == "age"
    assert err.where.line == 8 and err.where.column == 11
    assert err.hint == "did you mean 'age'?"
    text = str(err)
    assert "agee >= 65" in text and "\n    ^" in text  # the excerpt with a caret under 'agee'


def caret_under(err: RuleError, excerpt: str) -> str:
    """The text above the caret in the rendered error: from the caret's column of the excerpt line."""
    lines = str(err).splitlines()
    at = lines.index(f"    {excerpt}")
    caret = lines[at + 1]
    assert caret.strip() == "^", caret
    return lines[at][caret.index("^"):]


def test_typo_further_into_an_expression_is_located_at_the_name(edited_rules):
    root = edited_rules("programmes/basic_pension.yaml", "test: age >= 65", "test: 65 <= agee")
    err = errors_of(root).errors[0]
    assert err.code == "unknown_name" and err.hint == "did you mean 'age'?"
    # line 8 is `    test: 65 <= agee`: the expression starts at column 11 (4 spaces + "test: "),
    # and `agee` 6 characters into it, at column 11 + 6 = 17
    assert (err.where.line, err.where.column) == (8, 17)
    assert err.where.programme == "basic_pension" and err.where.criterion == "age"
    assert str(err).startswith(f"{err.where.file}:8:17: programme basic_pension, criterion age")
    assert caret_under(err, "65 <= agee") == "agee"


def test_typo_in_a_parameter_name_suggests_the_parameter(edited_rules):
    root = edited_rules("variables/common.yaml", "params.blsa.livelihood_rate", "params.blsa.livelihod_rate")
    err = errors_of(root).errors[0]
    assert err.code == "unknown_parameter"
    assert err.hint == "did you mean 'params.blsa.livelihood_rate'?"


def test_unrounded_money_times_rate_is_a_type_error(edited_rules):
    root = edited_rules("variables/common.yaml",
                        "expr: round(params.median_income.standard[household_size] * params.blsa.livelihood_rate)",
                        "expr: params.median_income.standard[household_size] * params.blsa.livelihood_rate")
    err = errors_of(root).errors[0]
    assert err.code == "type_mismatch"
    assert "unrounded money" in err.message and "round" in (err.hint or "")


def test_money_compared_with_a_date_is_a_type_error(edited_rules):
    root = edited_rules("programmes/basic_pension.yaml", "test: age >= 65", "test: birth_date >= 65")
    err = errors_of(root).errors[0]
    assert err.code == "type_mismatch"
    assert err.where.criterion == "age"
    assert "cannot compare a date with a number" in err.message


def test_missing_citation_is_an_error(edited_rules):
    root = edited_rules("programmes/basic_pension.yaml",
                        '    citation: {article: "3", paragraph: "3"}\n', "")
    err = errors_of(root).errors[0]
    assert err.code == "missing_citation"
    assert err.where.criterion == "not_occupational"


def test_figure_without_a_source_is_an_error(edited_rules):
    root = edited_rules("parameters/basic_pension.yaml", "value: 342510, mark: V, sources: [N1]",
                        "value: 342510, mark: V")
    err = errors_of(root).errors[0]
    assert err.code == "missing_source"
    assert err.where.file.endswith("parameters/basic_pension.yaml") and err.where.line == 12


def test_cycle_between_programme_and_variable_is_rejected(edited_rules):
    root = edited_rules("variables/common.yaml", "expr: earned_income_monthly - round",
                        "expr: blsa_livelihood.amount + earned_income_monthly - round")
    err = errors_of(root).errors[0]
    assert err.code == "cycle"
    assert "circular dependency" in err.message and "own_income" in err.message


def test_duplicate_key_is_rejected_with_its_line(edited_rules):
    root = edited_rules("programmes/blsa_livelihood.yaml", "unit: household\n", "unit: household\nunit: person\n")
    err = errors_of(root).errors[0]
    assert err.code == "duplicate_key"
    assert err.where.line == 5


def test_unknown_key_in_a_criterion_is_rejected(edited_rules):
    root = edited_rules("programmes/basic_pension.yaml", "test: age >= 65", "tset: age >= 65")
    codes = {e.code for e in errors_of(root).errors}
    assert "schema" in codes


def test_a_second_definition_of_a_criterion_must_be_an_exception(edited_rules):
    root = edited_rules("programmes/basic_pension.yaml", "  - id: income", "  - id: age")
    err = errors_of(root).errors[0]
    assert err.code == "duplicate_criterion" and "exception" in err.message


def test_all_errors_are_reported_together(edited_rules):
    edited_rules("programmes/basic_pension.yaml", "test: age >= 65", "test: agee >= 65")
    root = edited_rules("programmes/blsa_livelihood.yaml", "test: blsa_income <= livelihood_line",
                        "test: blsa_incme <= livelihood_line")
    assert len(errors_of(root).errors) == 2


def test_syntax_error_points_at_the_position(edited_rules):
    root = edited_rules("programmes/basic_pension.yaml", "test: age >= 65", "test: age >= >= 65")
    err = errors_of(root).errors[0]
    assert err.code == "syntax" and err.where.criterion == "age"
    # the second `>=`, 7 characters into the expression that starts at column 11: column 18
    assert (err.where.line, err.where.column) == (8, 18)
    assert caret_under(err, "age >= >= 65") == ">= 65"


def test_eval_is_never_reachable(edited_rules):
    root = edited_rules("programmes/basic_pension.yaml", "test: age >= 65",
                        "test: __import__('os').system('true') == 0")
    err = errors_of(root).errors[0]
    assert err.code in ("unknown_function", "unsupported_syntax")


def test_a_rules_folder_that_does_not_exist_is_named(tmp_path):
    with pytest.raises(RuleError) as info:
        load_rulebook(tmp_path / "no-such-rules")
    assert info.value.code == "rules_folder"
    assert str(tmp_path / "no-such-rules") in str(info.value) and "does not exist" in str(info.value)


def test_a_missing_rule_file_or_reform_file_is_named(tmp_path):
    root = tmp_path / "rules"
    shutil.copytree(MINI_RULES, root)
    (root / "sources.yaml").unlink()
    first = errors_of(root).errors[0]
    assert (first.code, first.where.file) == ("file", "rules/sources.yaml")
    assert "cannot read the file" in str(first)
    with pytest.raises(RuleErrors) as info:
        load_rulebook(MINI_RULES, [tmp_path / "no-such-reform.yaml"])
    assert "no-such-reform.yaml" in str(info.value) and "No such file" in str(info.value)


def test_an_impossible_date_in_a_rule_file_is_located(edited_rules):
    root = edited_rules("parameters/basic_pension.yaml", "{from: 2026-01-01", "{from: 2026-02-30")
    err = errors_of(root).errors[0]
    assert err.code == "schema" and err.where.file.endswith("parameters/basic_pension.yaml")
    assert err.where.line == 7 and "from" in err.message and "2026-02-30" in str(err)


HOUSEHOLD_UNIT = "    label: {ko: 가구 (주민등록 세대), en: household (resident-registry household)}\n"


@pytest.mark.parametrize(("apart", "code", "says", "line"), [
    ('relation_to_head == "lodger"', "missing_citation", "units.household.citation has no statute citation", 24),
    ('relation_to_head', "type_mismatch", "unit 'household' apart must be bool", 29),
    ('age >= 65', "bad_unit", "apart may read inputs only", 29),
    ('any(household, is_head)', "bad_unit", "not variables, programmes or aggregates", 29),
    ('relation_to_head == "lodger"\n    apart_with: household', "bad_unit",
     "apart_with must name another unit, itself without apart", 30),
])
def test_a_units_apart_condition_is_checked_and_located(edited_rules, apart, code, says, line):
    citation = "" if code == "missing_citation" else '    citation: {act: L1, article: "2"}\n'
    root = edited_rules("inputs.yaml", HOUSEHOLD_UNIT, f"{HOUSEHOLD_UNIT}    apart: {apart}\n{citation}")
    err = errors_of(root).errors[0]
    assert (err.code, err.where.file.endswith("inputs.yaml")) == (code, True), str(err)
    assert says in str(err)
    assert err.where.line == line  # the unit (no citation), else its apart
