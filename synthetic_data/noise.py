"""Imperfect linkage, injected on purpose and counted exactly.

Order per registry: people go missing, then rows are duplicated (some with one value
changed), then orphan rows are added (copies carrying a person_id unknown to the resident
registry). The resident registry gets exact duplicates and stale registrations (an older
household and move-in date for the same person). Every injected row is counted in
`Injected`, so tests can check that the linker reports exactly these numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .config import NoiseConfig

ORPHAN_ID_BASE = 9_000_000_000_000   # ids never given to a resident


@dataclass
class Injected:
    missing_persons: int = 0
    duplicate_exact: int = 0
    duplicate_conflicting: int = 0
    orphan_rows: int = 0
    stale_rows: int = 0

    def add(self, other: Injected) -> None:
        for f in self.__dataclass_fields__:
            setattr(self, f, getattr(self, f) + getattr(other, f))


@dataclass
class OrphanIds:
    """A counter shared by all chunks and registries, so orphan ids never repeat."""
    next: int = ORPHAN_ID_BASE

    def take(self, k: int) -> np.ndarray:
        out = np.arange(self.next, self.next + k, dtype=np.int64)
        self.next += k
        return out


def _drop_persons(rng: np.random.Generator, t: pa.Table, n_persons: int, first_id: int,
                  rate: float) -> tuple[pa.Table, int]:
    if rate <= 0 or t.num_rows == 0:
        return t, 0
    gone = rng.random(n_persons) < rate  # decided per resident, whether or not they have rows
    ids = t.column("person_id").to_numpy() - first_id
    inside = (ids >= 0) & (ids < n_persons)
    drop = np.zeros(t.num_rows, bool)
    drop[inside] = gone[ids[inside]]
    present = np.unique(ids[inside & drop]).size
    return t.filter(pa.array(~drop)), int(present)


def _perturb(rng: np.random.Generator, col: pa.ChunkedArray | pa.Array,
             vocab: pa.Array) -> pa.Array:
    """A different value of the same type for every row (so a conflict is always a conflict)."""
    typ = col.type
    if pa.types.is_boolean(typ):
        return pc.invert(pc.fill_null(col, False))
    if pa.types.is_date32(typ):
        d = pc.fill_null(col.cast(pa.int32()), 0).to_numpy()
        return pa.array(d + rng.integers(1, 60, len(d)).astype(np.int32)).cast(pa.date32())
    if pa.types.is_integer(typ):
        v = pc.fill_null(col, 0).to_numpy()
        step = 1 if typ == pa.int32() else 10_000
        return pa.array(v + step * rng.integers(1, 50, len(v)), typ)
    if pa.types.is_string(typ):  # another value of the same column's vocabulary
        if len(vocab) < 2:
            return pc.binary_join_element_wise(pc.fill_null(col, ""), pa.scalar("?"), "")
        idx = pc.index_in(pc.fill_null(col, ""), value_set=vocab).to_numpy(zero_copy_only=False)
        idx = np.nan_to_num(idx.astype(np.float64), nan=0).astype(np.int64)
        shifted = (idx + rng.integers(1, len(vocab), len(idx))) % len(vocab)
        return vocab.take(pa.array(shifted))
    raise TypeError(f"cannot perturb {typ}")


def _duplicate(rng: np.random.Generator, t: pa.Table, rate: float, conflicting_share: float,
               value_cols: list[str]) -> tuple[pa.Table, int, int]:
    k = int(round(rate * t.num_rows))
    if k == 0:
        return t, 0, 0
    rows = rng.choice(t.num_rows, size=k, replace=False)
    n_conf = int(round(k * conflicting_share)) if value_cols else 0
    exact = t.take(pa.array(rows[n_conf:]))
    conf = t.take(pa.array(rows[:n_conf]))
    if n_conf:
        which = rng.integers(0, len(value_cols), n_conf)
        for j, name in enumerate(value_cols):  # change one value column per conflicting row
            sel = which == j
            if not sel.any():
                continue
            col = conf.column(name)
            vocab = pc.unique(t.column(name)).drop_null() if pa.types.is_string(col.type) else None
            changed = pc.if_else(pa.array(sel), _perturb(rng, col, vocab), col)
            conf = conf.set_column(conf.schema.get_field_index(name), name, changed)
    return pa.concat_tables([t, exact, conf]), k - n_conf, n_conf


def _orphans(rng: np.random.Generator, t: pa.Table, rate: float, ids: OrphanIds) -> tuple[pa.Table, int]:
    k = int(round(rate * t.num_rows))
    if k == 0:
        return t, 0
    rows = t.take(pa.array(rng.choice(t.num_rows, size=k, replace=False)))
    rows = rows.set_column(rows.schema.get_field_index("person_id"), "person_id",
                           pa.array(ids.take(k)))
    return pa.concat_tables([t, rows]), k


def registry(rng: np.random.Generator, name: str, t: pa.Table, key: tuple[str, ...],
             noise: NoiseConfig, n_persons: int, first_id: int, ids: OrphanIds) -> tuple[pa.Table, Injected]:
    inj = Injected()
    t, inj.missing_persons = _drop_persons(rng, t, n_persons, first_id, noise.missing.get(name, 0.0))
    value_cols = [c for c in t.column_names if c not in key]
    t, inj.duplicate_exact, inj.duplicate_conflicting = _duplicate(
        rng, t, noise.duplicate_rate, noise.conflicting_share, value_cols)
    t, inj.orphan_rows = _orphans(rng, t, noise.orphan_rate, ids)
    return t, inj


def resident(rng: np.random.Generator, t: pa.Table, noise: NoiseConfig) -> tuple[pa.Table, Injected]:
    """Stale registrations (an older household for the same person) and exact duplicates."""
    inj = Injected()
    n = t.num_rows
    move = t.column("move_in_date").cast(pa.int32()).to_numpy()
    birth = t.column("birth_date").cast(pa.int32()).to_numpy()
    can = np.flatnonzero((move - birth > 400) & (rng.random(n) < noise.stale_household_rate))
    if len(can):
        stale = t.take(pa.array(can))
        other = rng.integers(0, n, len(can))  # someone else's household and address
        hh = t.column("household_id").to_numpy()[other]
        code = t.column("sigungu_code").take(pa.array(other))
        earlier = move[can] - rng.integers(200, 5 * 365, len(can))
        earlier = np.maximum(earlier, birth[can] + 1).astype(np.int32)
        keep_other = hh != t.column("household_id").to_numpy()[can]
        stale = stale.filter(pa.array(keep_other))
        for name, col in (("household_id", pa.array(hh[keep_other])),
                          ("sigungu_code", code.filter(pa.array(keep_other))),
                          ("relation_to_head", pa.array(np.full(int(keep_other.sum()), "other"))),
                          ("move_in_date", pa.array(earlier[keep_other]).cast(pa.date32()))):
            stale = stale.set_column(stale.schema.get_field_index(name), name, col)
        t = pa.concat_tables([t, stale.cast(t.schema)])
        inj.stale_rows = stale.num_rows
    t, inj.duplicate_exact, _ = _duplicate(rng, t, noise.duplicate_rate, 0.0, [])
    return t, inj
