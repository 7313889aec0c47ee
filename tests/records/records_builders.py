"""Helpers to write tiny hand-made datasets (imported by the tests of this folder)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from eligibility.records import Dataset
from eligibility.records.schema import REGION, REGISTRIES

REPO = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 3, 1)
Builder = Callable[..., Dataset]


def write_dataset(root: Path, window: tuple[str, int] = ("2024-12-01", 15),
                  **tables: list[dict[str, Any]]) -> Dataset:
    """Every registry from `tables` (others empty), the region table from rules/regions.csv,
    the earnings window in manifest.json."""
    root.mkdir(parents=True)
    for name, reg in REGISTRIES.items():
        if name == "region":
            frame = pl.read_csv(REPO / "rules" / "regions.csv", schema=REGION.columns)
        else:
            frame = pl.DataFrame(tables.get(name, []), schema=reg.columns)
        frame.write_parquet(root / reg.file)
    manifest = {"earnings_window": {"first_month": window[0], "months": window[1]}}
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return Dataset.open(root)


def person(pid: int, hh: int, born: str = "1970-05-05", sex: str = "M", rel: str = "head",
           code: str = "11110", death: str | None = None, moved: str = "2010-01-01") -> dict[str, Any]:
    """A resident row."""
    return {"person_id": pid, "household_id": hh, "birth_date": dt.date.fromisoformat(born),
            "sex": sex, "relation_to_head": rel, "sigungu_code": code,
            "move_in_date": dt.date.fromisoformat(moved),
            "death_date": dt.date.fromisoformat(death) if death else None, "name": f"p{pid}"}


def month(pid: int, m: str, earned: int = 0, business: int = 0, daily: int = 0,
          other: int = 0) -> dict[str, Any]:
    """An earnings row."""
    return {"person_id": pid, "month": dt.date.fromisoformat(m), "earned": earned,
            "business": business, "daily_work": daily, "other": other}


def family(pid: int, spouse: int | None = None, mother: int | None = None,
           father: int | None = None, status: str = "never_married", order: int = 1) -> dict[str, Any]:
    return {"person_id": pid, "spouse_id": spouse, "mother_id": mother, "father_id": father,
            "marital_status": status, "birth_order": order}


def prop(pid: int, home: int = 0, lease: int = 0, land: int = 0, fin: int = 0) -> dict[str, Any]:
    return {"person_id": pid, "home_value": home, "lease_deposit": lease, "other_real_estate": land,
            "financial_assets": fin, "debts": 0, "vehicle_value": 0, "vehicle_cc": 0,
            "vehicle_age_years": 0}
