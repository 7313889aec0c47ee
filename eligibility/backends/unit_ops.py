"""Aggregates over a unit (household, couple) for every member, as polars expressions.

Every row carries its unit's id `g:<unit>` (a small whole number, see `unit_ids`). An aggregate
hands its argument and those ids to numpy, which scatters the values into one slot per unit
(`np.add.at`, `np.bincount`, `np.maximum.at`) and gathers each unit's result back to its
members, rows in the frame's order. Polars has no scatter-add, and the forms it offers took 2 to
11 times as long per sum (a group_by joined back, running sums over each unit's rows sorted
together, a window `over`: bench/unit_aggregates.py, docs/benchmarks.md). Integers throughout:
a sum is exact in Int64.

Unknowns: a sum, maximum or minimum is unknown (null) when any member's value is; `any` follows
Kleene logic (true if a member's is true, else unknown if one is unknown). A row whose unit key
is unknown belongs to no known unit: it is not pooled with the other such rows (they are no
household together), and its sums, extremes and sizes are unknown, as is its `any` unless its own
value is true (the person is a member of their household, whichever it is)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import polars as pl

from .arrays import I64, int64, to_series, truth, unknown_rows


def group_col(unit: str) -> str:
    """The unit's id on every member's row (see `unit_ids`)."""
    return f"g:{unit}"


def reach_col(unit: str) -> str:
    """The members the unit could hold, on every member's row: its id where the unit is known,
    else one group per key (whom the key's units hold is unknown: see `apart_ids`); null only
    where the key is. Who could be asked about a unit's missing input, who is paid for it."""
    return f"r:{unit}"


def reach_ids(ids: pl.Expr, key_ids: pl.Expr) -> pl.Expr:
    """`reach_col` from the unit's ids and its key's `unit_ids`."""
    return pl.map_batches([ids, key_ids], _reach_ids, return_dtype=I64)


def _reach_ids(s: Sequence[pl.Series]) -> pl.Series:
    ids, keys = s
    if (lost := unknown_rows(ids)) is None:
        return ids
    out, key_lost = int64(ids).copy(), unknown_rows(keys)
    share = lost if key_lost is None else lost & ~key_lost
    out[share] = int(out[~lost].max(initial=0)) + int64(keys)[share]
    return to_series(out, None if key_lost is None else lost & key_lost, I64())


def unit_ids(key: pl.Expr) -> pl.Expr:
    """An id per distinct key, 1..G (dense, in the keys' order); null where the key is unknown."""
    return pl.map_batches([key], _unit_ids, return_dtype=I64)


def _unit_ids(s: Sequence[pl.Series]) -> pl.Series:
    return dense_ids(s[0])


def dense_ids(key: pl.Series) -> pl.Series:
    """`unit_ids` of a Series: 1..G in the keys' order, null where the key is unknown."""
    if key.dtype.is_integer() and key.null_count() < len(key):
        lo, hi = key.min(), key.max()
        if hi - lo < max(4 * len(key), 1 << 16):  # type: ignore[operator]
            # keys close together (a registry's serial numbers): a table over the keys' span
            # instead of polars' sort-based dense rank, 4 ms instead of 14-37 per 1M (measured)
            absent = unknown_rows(key)
            offsets = int64(key) - lo  # type: ignore[operator]
            if absent is not None:
                offsets[absent] = -1  # one slot before the keys, not counted (null below)
            seen = np.zeros(hi - lo + 2, np.int64)  # type: ignore[operator]
            seen[offsets + 1] = 1
            seen[0] = 0
            return to_series(np.cumsum(seen)[offsets + 1], absent, I64())
    return key.rank("dense").cast(I64)


def apart_ids(ids: pl.Expr, apart: pl.Expr, together: pl.Expr | None = None) -> pl.Expr:
    """The ids of a unit some members are apart from (`ids`: the `unit_ids` of its key). Members
    for whom `apart` is true are not in the key's unit but in one of their own, shared with those
    apart under the same key who have the same `together` id (a lodger and a spouse lodging with
    them; without `together`, each alone). Where `apart` is unknown for a member, the units it
    could change are unknown (null): the key's unit, the unit apart the member could join, and the
    member's own, unless the member is a unit of one either way."""
    return pl.map_batches([ids, apart, *([together] if together is not None else [])], _apart_ids,
                          return_dtype=I64)


def _apart_ids(s: Sequence[pl.Series]) -> pl.Series:
    ids, apart = s[0], s[1]
    if apart.len() == 1 != ids.len():  # a constant condition comes as one value
        apart = apart.new_from_index(0, ids.len())
    unknown = unknown_rows(ids)
    keyed = np.ones(ids.len(), np.bool_) if unknown is None else ~unknown
    doubt = np.zeros(ids.len(), np.bool_) if (d := unknown_rows(apart)) is None else keyed & d
    sure = truth(apart) & keyed
    few = np.flatnonzero(sure | doubt)  # the rows apart or maybe apart: few (lodgers)
    if not len(few):
        return ids
    key = int64(ids).copy()  # polars' buffer, not ours to change
    key[~keyed] = 0  # an unknown row's number is arbitrary
    stay = keyed & ~sure & ~doubt
    # the unit apart each of those is in, or would be in: one per (key, together id); alone
    # without `together` or with an unknown one
    pair = -1 - few
    if len(s) > 2:
        with_, lone = int64(s[2]), unknown_rows(s[2])
        span = int((with_ if lone is None else with_[~lone]).max(initial=0)) + 1
        joined = few if lone is None else few[~lone[few]]
        pair[np.isin(few, joined)] = key[joined] * span + with_[joined]
    pair = np.unique(pair, return_inverse=True)[1]
    top, slots = int(key.max(initial=0)), int(pair.max(initial=-1)) + 1
    is_sure, is_doubt = sure[few], doubt[few]
    doubts_by_key = np.bincount(key[doubt], minlength=top + 1)
    doubts_by_pair = np.bincount(pair[is_doubt], minlength=slots)
    # a member maybe apart is a unit of one either way when no one could share it: no one stays
    # under its key, it is the only one maybe apart there, and no one apart has its together id
    alone_either_way = ((np.bincount(key[stay], minlength=top + 1) == 0) & (doubts_by_key == 1))[key[few]] \
        & (np.bincount(pair[is_sure], minlength=slots) == 0)[pair]
    unsettled = stay & (doubts_by_key[key] > 0)
    unsettled[few] = (is_sure & (doubts_by_pair[pair] > 0)) | (is_doubt & ~alone_either_way)
    key[few[is_sure]] = top + 1 + pair[is_sure]  # the units apart, numbered after the keys'
    return to_series(key, _either(unknown, unsettled if unsettled.any() else None), I64())


def _ids(g: pl.Series) -> tuple[np.ndarray, int, np.ndarray | None]:
    """Each row's slot, the number of slots, and the rows whose unit is unknown (None if
    none): each of those gets a slot of its own."""
    ids = int64(g)
    alone = unknown_rows(g)
    if alone is not None:
        ids = ids.copy()  # read in place: polars' buffer, not ours to change
        ids[alone] = 0
        ids[alone] = ids.max(initial=0) + 1 + np.arange(int(alone.sum()))
    return ids, int(ids.max()) + 1 if len(ids) else 0, alone


def _unpack(s: Sequence[pl.Series]) -> tuple[pl.Series, np.ndarray, int, np.ndarray | None]:
    """A kernel's values (on every row: a constant such as `any(household, true)` comes as one
    value), and `_ids` of the unit ids."""
    values, g = s
    if values.len() == 1 != g.len():
        values = values.new_from_index(0, g.len())
    return values, *_ids(g)


def _either(a: np.ndarray | None, b: np.ndarray | None) -> np.ndarray | None:
    """Rows unknown by either mask."""
    return b if a is None else a if b is None else a | b


def _any_rows(mask: np.ndarray, ids: np.ndarray, slots: int) -> np.ndarray:
    """Per row: is `mask` true for some row of its unit."""
    return (np.bincount(ids[mask], minlength=slots) > 0)[ids]


def _unknown(values: pl.Series, ids: np.ndarray, slots: int) -> np.ndarray | None:
    """Per row: is some member's value unknown (None when no value is)."""
    rows = unknown_rows(values)
    return None if rows is None else _any_rows(rows, ids, slots)


def _total(s: Sequence[pl.Series]) -> pl.Series:
    values, ids, slots, alone = _unpack(s)
    sums = np.zeros(slots, np.int64)
    np.add.at(sums, ids, int64(values))
    return to_series(sums[ids], _either(_unknown(values, ids, slots), alone), I64())


def _extreme(s: Sequence[pl.Series], biggest: bool) -> pl.Series:
    values, ids, slots, alone = _unpack(s)
    v = int64(values)
    info = np.iinfo(np.int64)
    out = np.full(slots, info.min if biggest else info.max, np.int64)
    (np.maximum if biggest else np.minimum).at(out, ids, v)
    return to_series(out[ids], _either(_unknown(values, ids, slots), alone), values.dtype)


def _maximum(s: Sequence[pl.Series]) -> pl.Series:
    return _extreme(s, biggest=True)


def _minimum(s: Sequence[pl.Series]) -> pl.Series:
    return _extreme(s, biggest=False)


def _kleene_any(s: Sequence[pl.Series]) -> pl.Series:
    values, ids, slots, alone = _unpack(s)
    true = _any_rows(truth(values), ids, slots)
    unknown = _either(_unknown(values, ids, slots), alone)
    return to_series(true, None if unknown is None else unknown & ~true, pl.Boolean())


def _any_true(s: Sequence[pl.Series]) -> pl.Series:
    values, ids, slots, _ = _unpack(s)
    return pl.Series(_any_rows(truth(values), ids, slots))


def _size(s: Sequence[pl.Series]) -> pl.Series:
    ids, slots, alone = _ids(s[0])
    return to_series(np.bincount(ids, minlength=slots)[ids].astype(np.int64), alone, I64())


def _order(person: pl.Series) -> np.ndarray:
    """Whole numbers in [0, 2**62) in the order of person_id: the ids themselves if they are."""
    plain = person.dtype.is_integer() and not person.null_count() and \
        (person.is_empty() or (person.min() >= 0 and person.max() < 1 << 62))  # type: ignore[operator]
    return (person if plain else person.rank("ordinal")).cast(I64).to_numpy()


def _first_marked(s: Sequence[pl.Series]) -> pl.Series:
    marked, ids, slots, _ = _unpack(s[1:])  # a member of no known unit is its own payee
    person = s[0]
    # one minimum per unit of (not marked, person_id order) packed in one int64
    key = _order(person) | (~truth(marked)).astype(np.int64) << 62
    lowest = np.full(slots, np.iinfo(np.int64).max)
    np.minimum.at(lowest, ids, key)
    return pl.Series(key == lowest[ids])


def _per_unit(kernel: Callable[[Sequence[pl.Series]], pl.Series], values: pl.Expr, unit: str,
              dtype: pl.DataType | type[pl.DataType] | pl.DataTypeExpr) -> pl.Expr:
    return pl.map_batches([values, pl.col(group_col(unit))], kernel, return_dtype=dtype)


def total(values: pl.Expr, unit: str) -> pl.Expr:
    """The sum over the person's unit (Int64); unknown if any member's value is."""
    return _per_unit(_total, values, unit, I64)


def maximum(values: pl.Expr, unit: str) -> pl.Expr:
    """The highest value in the person's unit, of the values' type; unknown if any is."""
    return _per_unit(_maximum, values, unit, pl.dtype_of(values))


def minimum(values: pl.Expr, unit: str) -> pl.Expr:
    """The lowest value in the person's unit, of the values' type; unknown if any is."""
    return _per_unit(_minimum, values, unit, pl.dtype_of(values))


def kleene_any(values: pl.Expr, unit: str) -> pl.Expr:
    """Whether some member's value is true (Kleene: else unknown if one is unknown)."""
    return _per_unit(_kleene_any, values, unit, pl.Boolean)


def any_true(values: pl.Expr, unit: str) -> pl.Expr:
    """Whether some member's value is true, unknowns counted as false: never unknown (a row of
    no known unit: its own value)."""
    return _per_unit(_any_true, values, unit, pl.Boolean)


def size(unit: str) -> pl.Expr:
    """How many members the person's unit has (Int64)."""
    return pl.map_batches([pl.col(group_col(unit))], _size, return_dtype=I64)


def first_marked(person_id: pl.Expr, marked: pl.Expr, ids: pl.Expr) -> pl.Expr:
    """True for one member per group of `ids` (a unit's, or its reach: `reach_col`): the marked
    member with the lowest person_id, or the lowest person_id if none is marked (unknown
    counted as not marked)."""
    return pl.map_batches([person_id, marked, ids], _first_marked, return_dtype=pl.Boolean)
