"""Households described by hand (YAML or JSON), as a caseworker or policy analyst writes
them, turned into the same person frame the linker produces from registries.

    as_of: 2026-03-01                 # optional; the command line's --as-of wins
    households:
      - id: kim
        sigungu_code: "11110"         # household-level inputs apply to every member
        members:
          - id: kim-1
            relation_to_head: head
            spouse: kim-2             # sets has_spouse and the couple
            birth_date: 1955-04-02
            earned_income_monthly: 0
          - id: kim-2
            relation_to_head: spouse
            spouse: kim-1
            birth_date: 1957-09-30

An input left out is *unknown* (as if the person were absent from its registry), except
where inputs.yaml declares what absence means. Region inputs come from rules/regions.csv
when `sigungu_code` is given."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
from ruamel.yaml.comments import CommentedMap

from .errors import DataError, did_you_mean
from .evaluation import DTYPES
from .records.schema import RELATIONS
from .rulebook.parameters import coerce
from .rulebook.rulebook import Rulebook
from .rulebook.yaml_source import locate, read_yaml

STRUCTURE = {"id", "spouse", "members"}


def input_schema(book: Rulebook) -> dict[str, pl.DataType]:
    """The person frame's columns: ids, unit keys and every input, with their polars types."""
    schema: dict[str, Any] = {"person_id": pl.String, "household_id": pl.String, "couple_id": pl.String}
    schema.update({name: DTYPES[i.type] for name, i in book.inputs.items()})
    return schema


def load_regions(book: Rulebook) -> dict[str, dict[str, str]]:
    path = book.root / "regions.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        return {row["code5"]: row for row in csv.DictReader(f)}


def read_household_file(path: Path) -> dict[str, Any]:
    """The file's content. For YAML, the ruamel document itself: plain dicts and lists to the
    code, and it keeps every key's line, which the errors of households_frame name."""
    try:
        if path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
        else:
            data = read_yaml(path, str(path))
    except json.JSONDecodeError as e:
        raise DataError(f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}") from None
    except UnicodeDecodeError as e:
        raise DataError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    if not isinstance(data, dict) or not isinstance(data.get("households"), list):
        raise DataError(f"{path}: expected a mapping with a 'households' list")
    return data


class Places:
    """Names a place of a household file in errors: the file, the line when the reader kept
    lines (YAML), then the household and member."""

    def __init__(self, data: dict[str, Any], source: str) -> None:
        self.doc = data if isinstance(data, CommentedMap) else None
        self.source = source

    def __call__(self, path: tuple[Any, ...], household: str | None = None,
                 member: str | None = None) -> str:
        """`path`: the keys down to the place, e.g. ("households", 0, "members", 1, "spouse")."""
        head = self.source
        if self.doc is not None:
            head += f":{locate(self.doc, path)[0]}"
        names = [f"household '{household}'"] if household is not None else []
        if member is not None:
            names.append(f"member '{member}'")
        return f"{head}: {', '.join(names)}" if names else head

    def of_fields(self, h_index: int, m_index: int, member: dict[str, Any], household: str,
                  pid: str) -> Callable[[str], str]:
        """Names a member's field at the line where it is written: the member's own, else the
        household's (household-level fields apply to every member)."""
        def where(key: str) -> str:
            path = ("households", h_index, "members", m_index, key) if key in member \
                else ("households", h_index, key)
            return self(path, household, pid)
        return where


@dataclass(frozen=True)
class Member:
    """What the checks of a file's structure read of a member."""

    household: str
    h_index: int                 # the household's position in the file
    id: str
    spouse: str | None
    relation: str | None
    where: Callable[[str], str]  # names one of the member's fields in the file


def households_frame(book: Rulebook, data: dict[str, Any], source: str = "<households>") -> pl.DataFrame:
    """One row per member, every input typed; unknown keys, and households that break the
    rules of docs/households.md, are errors naming the place and the field."""
    regions = load_regions(book)
    place = Places(data, source)
    rows: list[dict[str, Any]] = []
    seen: dict[str, Member] = {}     # every member of the file so far, by id
    households: set[str] = set()
    for h_index, hh in enumerate(data["households"]):
        h_path = ("households", h_index)
        if not isinstance(hh, dict):
            raise DataError(f"{place(h_path)}: household {h_index + 1} is not a mapping of id, members and fields")
        hid = str(hh.get("id", f"household-{h_index + 1}"))
        if hid in households:  # the two would be evaluated as one household
            raise DataError(f"{place((*h_path, 'id'), hid)}: field 'id': an earlier household has "
                            "this id too (household ids are unique in the file)")
        households.add(hid)
        if "spouse" in hh:  # ignored, it would leave a couple unlinked without a word
            raise DataError(f"{place((*h_path, 'spouse'), hid)}: field 'spouse' is a member's "
                            "field (the member's spouse), not a household's")
        shared = {k: v for k, v in hh.items() if k not in STRUCTURE}
        members = hh.get("members") or []
        if not isinstance(members, list) or not members:
            raise DataError(f"{place((*h_path, 'members'), hid)}: no members (a list of them is needed)")
        for m_index, member in enumerate(members):
            m_path = (*h_path, "members", m_index)
            if not isinstance(member, dict):
                raise DataError(f"{place(m_path, hid)}: member {m_index + 1} is not a mapping of id and fields")
            pid = str(member.get("id", f"{hid}-{m_index + 1}"))
            values = {**shared, **{k: v for k, v in member.items() if k not in STRUCTURE}}
            where = place.of_fields(h_index, m_index, member, hid, pid)
            if pid in seen:  # two people would become one
                raise DataError(f"{where('id')}: field 'id': also the id of a member of household "
                                f"'{seen[pid].household}' (member ids are unique in the file)")
            row = person_row(book, values, regions, where)
            spouse = member.get("spouse")
            seen[pid] = Member(hid, h_index, pid, None if spouse is None else str(spouse),
                               row.get("relation_to_head"), where)
            row.update(person_id=pid, household_id=hid,
                       couple_id=min(pid, str(spouse)) if spouse is not None else pid)
            if spouse is not None and "has_spouse" not in values:
                row["has_spouse"] = True
            if "relation_to_head" in values and "is_head" not in values:
                row["is_head"] = values["relation_to_head"] == "head"
            rows.append(row)
    check_relations(list(seen.values()), place)
    return pl.DataFrame(rows, schema=input_schema(book), orient="row")


def check_relations(members: list[Member], place: Places) -> None:
    """Spouses name each other, relation codes are the registry's, one head per household."""
    by_id = {m.id: m for m in members}
    for m in members:
        if m.relation is not None and m.relation not in RELATIONS:
            hint = did_you_mean(m.relation, RELATIONS)
            raise DataError(f"{m.where('relation_to_head')}: field 'relation_to_head': unknown relation "
                            f"'{m.relation}' ({hint or 'one of ' + ', '.join(RELATIONS)})")
        if m.spouse is None:
            continue
        other = by_id.get(m.spouse)
        if m.spouse == m.id:
            why = "a member cannot be their own spouse"
        elif other is None:
            hint = did_you_mean(m.spouse, by_id)
            why = f"no member '{m.spouse}' in the file" + (f" ({hint})" if hint else "")
        elif other.spouse is None:  # one-sided: which of the two is right is not ours to guess
            why = f"member '{other.id}' does not name '{m.id}' as spouse (a couple names each other)"
        elif other.spouse != m.id:
            why = f"member '{other.id}' names '{other.spouse}' as spouse, not '{m.id}'"
        else:
            continue
        raise DataError(f"{m.where('spouse')}: field 'spouse': {why}")
    for household in dict.fromkeys(m.household for m in members):
        inside = [m for m in members if m.household == household]
        heads = [m for m in inside if m.relation == "head"]
        if len(heads) > 1:
            raise DataError(f"{heads[1].where('relation_to_head')}: field 'relation_to_head': a second "
                            f"head (member '{heads[0].id}' is head; a household has one)")
        if not heads and all(m.relation is not None for m in inside):  # unknown ones may be the head
            raise DataError(f"{place(('households', inside[0].h_index), household)}: field "
                            "'relation_to_head': no member is the head (a household has one)")


def person_row(book: Rulebook, values: dict[str, Any], regions: dict[str, dict[str, str]],
               where: Callable[[str], str]) -> dict[str, Any]:
    """`where(field)` names the field's place in the file, for the errors."""
    row: dict[str, Any] = {}
    for key, value in values.items():
        if key not in book.inputs:
            hint = did_you_mean(key, book.inputs)
            raise DataError(f"{where(key)}: unknown field '{key}'" + (f" ({hint})" if hint else ""))
        spec = book.inputs[key]
        try:
            row[key] = None if value is None else coerce(value, spec.type)
        except ValueError as e:
            why = f"{value!r} is not a valid YYYY-MM-DD date" if spec.type == "date" else str(e)
            raise DataError(f"{where(key)}: field '{key}': {why}") from None
    code = row.get("sigungu_code")
    if code is not None:
        region = regions.get(str(code))
        if region is None and regions:
            raise DataError(f"{where('sigungu_code')}: field 'sigungu_code': unknown 시군구 code {code!r}")
        for name, spec in book.inputs.items():
            if spec.registry == "region" and name not in row and region is not None:
                raw = region.get(spec.column)
                row[name] = raw in ("yes", "true", "True", "1") if spec.type == "bool" else raw
    for name, spec in book.inputs.items():  # absence that the registry gives a meaning to
        if name not in row and spec.absent != "unknown":
            row[name] = coerce(spec.absent, spec.type)
    return row


def parse_cell(text: str, type_: str) -> Any:
    """A value written as text (a table cell): '1,200,000' money, 'yes'/'no' booleans,
    ISO dates. Empty or 'unknown' means unknown (None)."""
    t = text.strip()
    if t == "" or t.lower() == "unknown":
        return None
    if type_ in ("money", "int"):
        return int(t.replace(",", "").replace("_", ""))
    if type_ == "bool":
        if t.lower() in ("yes", "true"):
            return True
        if t.lower() in ("no", "false"):
            return False
        raise ValueError(f"{text!r} is not yes/no")
    return coerce(t, type_)


def as_of_from(data: dict[str, Any], fallback: dt.date | None, source: str = "<households>") -> dt.date:
    if fallback is not None:
        return fallback
    raw = data.get("as_of")
    if raw is None:
        raise DataError(f"{source}: no as-of date: pass --as-of or put as_of: in the file")
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise DataError(f"{Places(data, source)(('as_of',))}: field 'as_of': {raw!r} is not a valid "
                        "YYYY-MM-DD date") from None
