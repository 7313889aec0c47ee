"""Household files (docs/households.md): typed inputs, clear errors naming the field."""

from __future__ import annotations

import pytest

from eligibility.errors import DataError
from eligibility.households import households_frame, parse_cell


def frame(book, **member):
    return households_frame(book, {"households": [{"id": "h", "members": [{"id": "a", **member}]}]}, "f.yaml")


def test_unknown_field_names_household_member_field_and_suggestion(mini_book):
    with pytest.raises(DataError) as info:
        frame(mini_book, earned_income_montly=100)
    msg = str(info.value)
    assert "household 'h'" in msg and "member 'a'" in msg and "'earned_income_montly'" in msg
    assert "did you mean 'earned_income_monthly'?" in msg


def test_money_must_be_whole_won(mini_book):
    with pytest.raises(DataError, match="earned_income_monthly.*whole number"):
        frame(mini_book, earned_income_monthly=100.5)


def test_spouse_links_the_couple_and_relation_sets_head(mini_book):
    data = {"households": [{"id": "h", "members": [
        {"id": "a", "relation_to_head": "head", "spouse": "b"},
        {"id": "b", "relation_to_head": "spouse", "spouse": "a"}]}]}
    f = households_frame(mini_book, data)
    assert f["couple_id"].to_list() == ["a", "a"]
    assert f["has_spouse"].to_list() == [True, True]
    assert f["is_head"].to_list() == [True, False]


def test_household_fields_apply_to_every_member(mini_book):
    data = {"households": [{"id": "h", "blsa_region_tier": "seoul",
                            "members": [{"id": "a"}, {"id": "b", "blsa_region_tier": "other"}]}]}
    assert households_frame(mini_book, data)["blsa_region_tier"].to_list() == ["seoul", "other"]


@pytest.mark.parametrize(("text", "type_", "value"), [
    ("1,200,000", "money", 1_200_000), ("", "money", None), ("unknown", "bool", None),
    ("yes", "bool", True), ("no", "bool", False)])
def test_table_cells(text, type_, value):
    assert parse_cell(text, type_) == value
