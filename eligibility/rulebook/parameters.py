"""Dated parameters: a value applies from its date until the next one. Values are exact:
money and counts are ints, rates are Fractions built from the written decimal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from .models import ParameterDef

Scalar = int | Fraction | bool | str | dt.date


@dataclass(frozen=True, slots=True)
class Cell:
    """One figure with its provenance."""

    value: Scalar
    mark: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A lookup table in force on a date (e.g. median income by household size)."""

    cells: dict[Any, Cell]
    extend: str | None = None

    def lookup(self, key: Any) -> Scalar | None:
        if key in self.cells:
            return self.cells[key].value
        if self.extend == "linear" and isinstance(key, int):
            keys = sorted(k for k in self.cells if isinstance(k, int))
            if len(keys) >= 2 and key > keys[-1]:
                last, prev = self.cells[keys[-1]].value, self.cells[keys[-2]].value
                return last + (key - keys[-1]) * (last - prev)  # type: ignore[operator]
        return None


@dataclass(frozen=True, slots=True)
class DatedValue:
    start: dt.date
    value: Cell | Table | None  # None ends the parameter


@dataclass(slots=True)
class Parameter:
    id: str
    definition: ParameterDef
    series: list[DatedValue] = field(default_factory=list)

    def at(self, as_of: dt.date) -> Cell | Table | None:
        """The value in force on `as_of`, or None if none is."""
        current: Cell | Table | None = None
        for dv in self.series:
            if dv.start <= as_of:
                current = dv.value
        return current


def coerce(value: Any, type_: str) -> Scalar:
    """A YAML value as the exact Python value of its declared type; raises ValueError."""
    if type_ in ("money", "int"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{value!r} is not a whole number (money is whole won)")
        return value
    if type_ == "rate":
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError(f"{value!r} is not a decimal rate")
        try:
            return Fraction(Decimal(str(value)))
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a decimal rate") from None
    if type_ == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{value!r} is not true/false")
        return value
    if type_ == "date":
        if isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(str(value))
    if type_ == "text":
        return str(value)
    raise ValueError(f"unknown type {type_}")
