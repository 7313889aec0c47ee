"""A dataset folder: one Parquet file per registry, checked against schema.py on opening.

    ds = Dataset.open("data/1m")      # raises SchemaError naming the file and the column
    ds.scan("earnings")               # a LazyFrame of the expected columns only
    ds.content_hash                   # SHA-256 over the registry files' bytes
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import polars as pl

from .schema import REGISTRIES, Registry


class SchemaError(ValueError):
    """A registry file is missing, lacks a column, or has a column of the wrong dtype.
    `file` and `column` name the first problem; the message lists them all."""

    def __init__(self, problems: list[tuple[str, str | None, str]]) -> None:
        self.problems = problems
        self.file, self.column, _ = problems[0]
        lines = [f"{f}: column '{c}': {m}" if c else f"{f}: {m}" for f, c, m in problems]
        super().__init__("dataset does not match the registry schema:\n  " + "\n  ".join(lines))


def _check(path: Path, reg: Registry) -> list[tuple[str, str | None, str]]:
    file = reg.file
    if not path.exists():
        return [(file, None, f"file not found (the {reg.name} registry, {reg.label})")]
    try:
        found = pl.read_parquet_schema(path)
    except Exception as e:  # noqa: BLE001 - any unreadable file is a schema problem
        return [(file, None, f"not a readable Parquet file ({e})")]
    problems: list[tuple[str, str | None, str]] = []
    for col, dtype in reg.columns.items():
        if col not in found:
            problems.append((file, col, f"missing (expected {dtype})"))
        elif found[col] != dtype:
            problems.append((file, col, f"has dtype {found[col]}, expected {dtype}"))
    if problems or (reg.empty_ok and not reg.not_null):
        return problems
    # Values, not only the schema: reads just these columns (a null count and a length).
    counts = pl.scan_parquet(path).select(pl.len().alias("rows"), *(
        pl.col(c).null_count().alias(c) for c in reg.not_null)).collect().row(0, named=True)
    if not reg.empty_ok and counts["rows"] == 0:
        return [(file, reg.key[0], f"no rows: {reg.label} is empty")]
    return [(file, c, f"null in {counts[c]:,} of {counts['rows']:,} rows (a row without it links to no one)")
            for c in reg.not_null if counts[c]]


@dataclass(frozen=True)
class Dataset:
    path: Path

    @classmethod
    def open(cls, path: str | Path) -> Dataset:
        path = Path(path)
        if not path.is_dir():
            raise FileNotFoundError(f"dataset folder not found: {path}")
        problems = [p for reg in REGISTRIES.values() for p in _check(path / reg.file, reg)]
        if problems:
            raise SchemaError(problems)
        return cls(path)

    def file(self, name: str) -> Path:
        return self.path / REGISTRIES[name].file

    def scan(self, name: str) -> pl.LazyFrame:
        """The registry's expected columns, in schema order (extra columns are ignored)."""
        return pl.scan_parquet(self.file(name), extra_columns="ignore").select(
            list(REGISTRIES[name].columns))

    @cached_property
    def manifest(self) -> dict[str, Any] | None:
        path = self.path / "manifest.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 over (file name, file SHA-256) of every registry file, in name order."""
        outer = hashlib.sha256()
        for name in sorted(REGISTRIES):
            h = hashlib.sha256()
            with self.file(name).open("rb") as f:
                while block := f.read(1 << 22):
                    h.update(block)
            outer.update(f"{REGISTRIES[name].file}\0{h.hexdigest()}\n".encode())
        return outer.hexdigest()

    @cached_property
    def earnings_months(self) -> tuple[dt.date, dt.date]:
        """First and last month the earnings registry covers (manifest, else the data)."""
        m = self.manifest or {}
        window = m.get("earnings_window")
        if window:
            first = dt.date.fromisoformat(window["first_month"])
            n = int(window["months"]) - 1
            y, mo = divmod(first.month - 1 + n, 12)
            return first, dt.date(first.year + y, mo + 1, 1)
        got = self.scan("earnings").select(pl.col("month").min().alias("a"),
                                           pl.col("month").max().alias("b")).collect()
        return got["a"][0], got["b"][0]


def as_dataset(dataset: Dataset | str | Path) -> Dataset:
    return dataset if isinstance(dataset, Dataset) else Dataset.open(dataset)
