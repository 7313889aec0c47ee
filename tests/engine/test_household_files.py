"""Household files (docs/households.md): typed inputs, clear errors naming the field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eligibility.errors import DataError
from eligibility.households import as_of_from, households_frame, parse_cell, read_household_file


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


def from_file(book, tmp_path: Path, text: str, name: str = "h.yaml"):
    """households_frame of a file written with `text`, as `eligibility evaluate` reads it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return households_frame(book, read_household_file(path), str(path))


KIM = """\
households:
  - id: kim
    sigungu_code: "11110"
    members:
      - id: kim-1
        relation_to_head: head
        birth_date: {birth}
"""


@pytest.mark.parametrize("birth", ["2026-02-30", "yesterday", "'1955-13-01'"])
def test_an_invalid_date_names_file_line_member_and_field(mini_book, tmp_path, birth):
    with pytest.raises(DataError) as info:
        from_file(mini_book, tmp_path, KIM.format(birth=birth))
    msg = str(info.value)
    assert msg.startswith(f"{tmp_path / 'h.yaml'}:7: household 'kim', member 'kim-1': field 'birth_date': ")
    assert f"{birth.strip(chr(39))!r} is not a valid YYYY-MM-DD date" in msg


def test_a_household_level_date_is_named_at_its_own_line(mini_book, tmp_path):
    text = "households:\n  - id: kim\n    birth_date: 2026-02-30\n    members:\n      - id: kim-1\n"
    with pytest.raises(DataError, match=r"h.yaml:3: household 'kim', member 'kim-1': field 'birth_date'"):
        from_file(mini_book, tmp_path, text)


def test_an_invalid_date_in_json_names_member_and_field(mini_book, tmp_path):
    text = '{"households": [{"id": "h", "members": [{"id": "a", "birth_date": "2026-02-30"}]}]}'
    with pytest.raises(DataError, match=r"h.json: household 'h', member 'a': field 'birth_date': '2026-02-30'"):
        from_file(mini_book, tmp_path, text, "h.json")


def test_an_invalid_as_of_names_the_file_and_field(tmp_path):
    path = tmp_path / "h.yaml"
    path.write_text("households: []\nas_of: 2026-02-30\n", encoding="utf-8")
    data = read_household_file(path)
    with pytest.raises(DataError, match=r"h.yaml:2: field 'as_of': '2026-02-30' is not a valid YYYY-MM-DD date"):
        as_of_from(data, None, str(path))
    assert as_of_from(data, dt.date(2026, 3, 1), str(path)) == dt.date(2026, 3, 1)  # --as-of wins


def test_broken_json_or_text_names_the_file(tmp_path):
    (tmp_path / "h.json").write_text('{"households": [', encoding="utf-8")
    with pytest.raises(DataError, match=r"h.json:1:17: not valid JSON"):
        read_household_file(tmp_path / "h.json")
    (tmp_path / "h.yaml").write_bytes(b"households: [\xff]\n")
    with pytest.raises(DataError, match=r"h.yaml: not UTF-8 text"):
        read_household_file(tmp_path / "h.yaml")


COUPLE = """\
households:
  - id: kim
    members:
      - id: kim-1
        relation_to_head: head
        spouse: kim-2
      - id: kim-2
        relation_to_head: spouse
        spouse: kim-1
  - id: lee
    members:
      - id: lee-1
        relation_to_head: head
      - id: lee-2
        relation_to_head: child
"""


def test_a_well_formed_file_passes(mini_book, tmp_path):
    frame = from_file(mini_book, tmp_path, COUPLE)
    assert frame["couple_id"].to_list() == ["kim-1", "kim-1", "lee-1", "lee-2"]
    assert frame["is_head"].to_list() == [True, False, True, False]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("id: lee-2", "id: kim-2",  # a member id used twice
     "h.yaml:14: household 'lee', member 'kim-2': field 'id': also the id of a member of household 'kim'"),
    ("id: lee\n", "id: kim\n",  # a household id used twice
     "h.yaml:10: household 'kim': field 'id': an earlier household has this id too"),
    ("spouse: kim-2", "spouse: kim-3",  # a spouse not in the file
     "h.yaml:6: household 'kim', member 'kim-1': field 'spouse': no member 'kim-3' in the file (did you mean 'kim-2'?)"),
    ("spouse: kim-2", "spouse: kim-1",  # oneself
     "h.yaml:6: household 'kim', member 'kim-1': field 'spouse': a member cannot be their own spouse"),
    ("        spouse: kim-1\n", "",  # one-sided
     "h.yaml:6: household 'kim', member 'kim-1': field 'spouse': member 'kim-2' does not name 'kim-1' as spouse"),
    ("spouse: kim-1", "spouse: lee-1",  # kim-2 names someone else
     "h.yaml:6: household 'kim', member 'kim-1': field 'spouse': member 'kim-2' names 'lee-1' as spouse, not 'kim-1'"),
    ("relation_to_head: child", "relation_to_head: chlid",
     "h.yaml:15: household 'lee', member 'lee-2': field 'relation_to_head': unknown relation 'chlid' (did you mean 'child'?)"),
    ("relation_to_head: child", "relation_to_head: head",  # two heads
     "h.yaml:15: household 'lee', member 'lee-2': field 'relation_to_head': a second head (member 'lee-1' is head"),
    ("relation_to_head: head\n      - id: lee-2", "relation_to_head: other\n      - id: lee-2",  # no head
     "h.yaml:10: household 'lee': field 'relation_to_head': no member is the head"),
    ("  - id: lee\n", "  - id: lee\n    spouse: kim-1\n",  # a household-level spouse would be ignored
     "h.yaml:11: household 'lee': field 'spouse' is a member's field"),
])
def test_households_that_docs_forbid_are_rejected(mini_book, tmp_path, old, new, expected):
    assert old in COUPLE
    with pytest.raises(DataError) as info:
        from_file(mini_book, tmp_path, COUPLE.replace(old, new, 1))
    assert str(info.value).startswith(f"{tmp_path / expected}"), str(info.value)


def test_a_household_whose_relations_are_not_all_known_may_have_its_head_among_them(mini_book, tmp_path):
    text = COUPLE.replace("      - id: lee-1\n        relation_to_head: head\n", "      - id: lee-1\n")
    assert from_file(mini_book, tmp_path, text)["is_head"].to_list() == [True, False, None, False]


def test_structure_errors_in_json_name_household_member_and_field(mini_book, tmp_path):
    text = '{"households": [{"id": "h", "members": [{"id": "a", "spouse": "b"}]}]}'
    with pytest.raises(DataError, match=r"h.json: household 'h', member 'a': field 'spouse': no member 'b'"):
        from_file(mini_book, tmp_path, text, "h.json")
