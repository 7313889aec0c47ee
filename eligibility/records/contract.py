"""rules/inputs.yaml as the linker reads it: each input's dtype and what absence means.

The linker computes every input itself (each derivation is code in linkage.py); this file
supplies the dtypes and the `absent` values, and `check_frame` verifies that the linked frame
has exactly the contract's columns and types."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl
from ruamel.yaml import YAML

from .schema import INPUT_DTYPES

INPUTS_YAML = Path(__file__).resolve().parents[2] / "rules" / "inputs.yaml"
# Columns the linker adds besides the inputs (keys of the units, and what the sweep needs).
KEYS: dict[str, pl.DataType] = {
    "person_id": pl.Int64(), "household_id": pl.Int64(), "couple_id": pl.Int64(),
}
EXTRAS: dict[str, pl.DataType] = {
    "sido_code": pl.String(), "sido_name": pl.String(), "contact_consent": pl.Boolean(),
}


@dataclass(frozen=True)
class Input:
    name: str
    type: str
    registry: str
    absent: Any          # None: unknown (null)

    @property
    def dtype(self) -> pl.DataType:
        return INPUT_DTYPES[self.type]


@lru_cache(maxsize=4)
def load_inputs(path: Path = INPUTS_YAML) -> dict[str, Input]:
    doc = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    out = {}
    for name, spec in doc["inputs"].items():
        absent = spec.get("absent", "unknown")
        out[name] = Input(name, spec["type"], spec["registry"],
                          None if absent == "unknown" else absent)
    return out


def frame_schema(path: Path = INPUTS_YAML) -> dict[str, pl.DataType]:
    """The person frame's columns, in order: keys, inputs (inputs.yaml order), extras."""
    return {**KEYS, **{n: i.dtype for n, i in load_inputs(path).items()}, **EXTRAS}


def check_frame(df: pl.DataFrame | pl.LazyFrame, path: Path = INPUTS_YAML) -> None:
    expected = frame_schema(path)
    got = df.collect_schema() if isinstance(df, pl.LazyFrame) else df.schema
    missing = [c for c in expected if c not in got]
    wrong = [f"{c}: {got[c]} (expected {t})" for c, t in expected.items()
             if c in got and got[c] != t]
    extra = [c for c in got if c not in expected]
    if missing or wrong or extra:
        raise ValueError(f"linked frame breaks the inputs.yaml contract: missing {missing}, "
                         f"wrong dtypes {wrong}, unexpected {extra}")
