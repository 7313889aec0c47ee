"""Variable helpers shared by the baseline's variables."""

from __future__ import annotations

import numpy as np
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.variables import Variable


class Money(Variable):
    """A whole-won amount, stored as int64.

    OpenFisca's `int` is int32 (overflows at 21억 won: a flat in Seoul) and its `float` is
    float32 (exact only up to 16,777,216 won). Subclasses declare `value_type = int` as usual;
    the storage type is widened here, and OpenFisca casts inputs and formula results to it."""

    def __init__(self, baseline_variable=None) -> None:
        super().__init__(baseline_variable)
        self.dtype = np.int64


def by_enum(node, values: EnumArray, enum: type[Enum]) -> np.ndarray:
    """A parameter keyed by an enum's member names, looked up for each person.

    OpenFisca's own fancy indexing (`node[enum_array]`) builds a Python list with one entry per
    person (VectorialParameterNodeAtInstant.build_from_node_name); this does the same lookup as
    one numpy take over the few keys, which is how a package written for microsimulation would
    do it."""
    table = np.array([node[member.name] for member in enum], dtype=np.int64)
    return table[np.asarray(values, dtype=np.int64)]


def linear_table(node, key: np.ndarray) -> np.ndarray:
    """A table keyed by 1, 2, …, n (strings in OpenFisca), extended linearly above n:
    value(k) = value(n) + (k − n) × (value(n) − value(n − 1)) — our rulebook's `extend: linear`
    (기준 중위소득 for households of 8 or more)."""
    keys = sorted(int(k) for k in node._children)
    values = np.array([node[str(k)] for k in keys], dtype=np.int64)
    first, last = keys[0], keys[-1]
    assert keys == list(range(first, last + 1)), "contiguous keys"
    k = np.asarray(key, dtype=np.int64)
    inside = values[np.clip(k, first, last) - first]
    step = values[-1] - values[-2]
    return np.where(k > last, values[-1] + (k - last) * step, inside)


def as_of_date(period):
    """The decision date: the simulation's period is the as-of day."""
    return period.start.date
