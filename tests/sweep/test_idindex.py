"""person_id → partition lookups: the dense table (gather) and the sparse fallback (join) agree
with a plain join, including relatives needed in several partitions."""

from __future__ import annotations

import numpy as np
import polars as pl

from eligibility.sweep.idindex import PartitionIndex
from eligibility.sweep.plan import Partition


def test_lookups_agree_with_a_join() -> None:
    rng = np.random.default_rng(1)
    ids = np.unique(np.concatenate([rng.choice(30_000, 9_000, replace=False),       # dense ids
                                    rng.integers(10**12, 10**13, 300)]))         # far-off ids
    rng.shuffle(ids)
    plan = [Partition(k, np.sort(chunk), 0) for k, chunk in enumerate(np.array_split(ids, 7))]
    index = PartitionIndex(plan)
    assert not index.sparse.is_empty() and index.bound > 0
    rows = pl.DataFrame({"person_id": np.concatenate([ids, rng.integers(-5, 40_000, 2_000), [-1, 10**14]]),
                         "value": np.arange(len(ids) + 2_002)})
    expected = rows.join(index.frame, on="person_id").sort("value")
    got = index.assign(rows.lazy()).collect().sort("value")
    assert got.select("person_id", "value", "shard").equals(expected.select("person_id", "value", "shard"))
    extra = (pl.DataFrame({"person_id": rng.choice(ids, 3_000), "shard": rng.integers(0, 7, 3_000).astype(np.uint32)})
             .unique())
    index.add_extra(extra)
    expected = rows.join(extra, on="person_id").sort("value", "shard")
    got = index.assign_extra(rows.lazy()).collect().sort("value", "shard")
    assert got.select("person_id", "value", "shard").equals(expected.select("person_id", "value", "shard"))
