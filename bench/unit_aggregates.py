"""Why unit aggregates are numpy scatters (eligibility/backends/unit_ops.py): the same 20 sums
over households, each unknown when a member's value is, computed the ways polars offers and
the way the engine does, on a random frame (rows in person order, households scattered as in a
linked partition). Prints the best of --repeat runs of each. Not a test.

    python -m bench.unit_aggregates                     # 1M rows, both cores
    POLARS_MAX_THREADS=1 python -m bench.unit_aggregates
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np
import polars as pl

from bench.machine import machine
from eligibility.backends import unit_ops

COLUMNS = [f"v{i}" for i in range(20)]


def frame(rows: int, seed: int = 1) -> pl.DataFrame:
    """person_id in order, ~2.2 people per household scattered over the rows, 20 money
    columns with 1% unknowns."""
    rng = np.random.default_rng(seed)
    df = pl.DataFrame({"person_id": np.arange(rows), "household_id": rng.integers(0, rows * 10 // 22, rows),
                       **{c: rng.integers(0, 10**7, rows) for c in COLUMNS}})
    return df.with_columns(pl.when(pl.lit(rng.random(rows) < 0.01)).then(None).otherwise(pl.col(c)).alias(c)
                           for c in COLUMNS)


def numpy_scatter(df: pl.DataFrame) -> pl.DataFrame:
    """The engine's way: unit ids once, then one numpy scatter per aggregate."""
    ids = df.with_columns(unit_ops.unit_ids(pl.col("household_id")).alias(unit_ops.group_col("household")))
    return ids.lazy().select(unit_ops.total(pl.col(c), "household").alias(c) for c in COLUMNS) \
        .collect(engine="in-memory")


def window(df: pl.DataFrame) -> pl.DataFrame:
    return df.select(pl.when(pl.col(c).null_count().over("household_id") == 0)
                     .then(pl.col(c).sum().over("household_id")).alias(c) for c in COLUMNS)


def group_by_join(df: pl.DataFrame) -> pl.DataFrame:
    sums = df.group_by("household_id").agg(
        pl.when(pl.col(c).null_count() == 0).then(pl.col(c).sum()).alias(c) for c in COLUMNS)
    return df.select("household_id").join(sums, on="household_id", how="left", maintain_order="left")


def running_sums(df: pl.DataFrame) -> pl.DataFrame:
    """The engine's way before: each unit's rows contiguous in an order of its own, a sum the
    difference of running sums at the unit's last and first rows, gathered back."""
    order = pl.arg_sort_by("household_id", maintain_order=True)
    row = pl.int_range(pl.len(), dtype=pl.Int64)
    key = pl.col("household_id").gather(pl.col("order"))
    bounds = df.with_columns(order.alias("order")).with_columns(pl.col("order").arg_sort().alias("pos"))
    bounds = bounds.with_columns(
        pl.when(key.ne_missing(key.shift(1))).then(row).forward_fill().gather(pl.col("pos")).alias("first"),
        pl.when(key.ne_missing(key.shift(-1))).then(row).backward_fill().gather(pl.col("pos")).alias("last"))
    out = []
    for c in COLUMNS:
        v = pl.col(c).gather(pl.col("order"))
        zero = v.fill_null(0)
        run = zero.cum_sum()
        total = run.gather(pl.col("last")) - (run - zero).gather(pl.col("first"))
        next_null = pl.when(v.is_null()).then(row).backward_fill().gather(pl.col("first"))
        out.append(pl.when((next_null <= pl.col("last")).fill_null(False)).then(None).otherwise(total).alias(c))
    return bounds.lazy().select(out).collect(engine="in-memory")


WAYS: dict[str, Callable[[pl.DataFrame], pl.DataFrame]] = {
    "numpy scatter (unit_ops, ids included)": numpy_scatter,
    "running sums in a unit order (before)": running_sums,
    "window: over(household_id)": window,
    "group_by + join back": group_by_join,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    df = frame(args.rows)
    print(machine())
    print(f"{args.rows:,} rows, {len(COLUMNS)} household sums, polars threads {pl.thread_pool_size()}")
    expected = numpy_scatter(df)
    for label, way in WAYS.items():
        best = float("inf")
        for _ in range(args.repeat):
            t = time.perf_counter()
            out = way(df)
            best = min(best, time.perf_counter() - t)
        same = out.select(COLUMNS).equals(expected)
        print(f"  {label:<40} {best * 1000:7.1f} ms  ({best * 1000 / len(COLUMNS):5.1f} ms a sum)"
              f"{'' if same else '  DIFFERENT RESULTS'}")


if __name__ == "__main__":
    main()
