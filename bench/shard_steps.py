"""Where the sharding pass's time goes: each registry routed on its own, one after the other
(a sweep routes two at a time, so their seconds overlap there), wall and CPU seconds (CPU counts
every polars thread). Not a test.

    python -m bench.shard_steps --data /work/data/10m --scratch /work/data

Repeats the setup of `shard.write_shards` (the partition index with the relatives each shard
needs, one folder per partition) so that it can time each registry: a profiling tool, not a
second code path. The shards are written to a temporary folder under --scratch and deleted."""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import polars as pl

from bench.machine import machine
from eligibility.records.schema import REGISTRIES
from eligibility.sweep import shard
from eligibility.sweep.dataset_source import open_source
from eligibility.sweep.idindex import PartitionIndex
from eligibility.sweep.plan import plan_partitions


def timed(label: str, job: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    job()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"  {label:<12} wall {wall:6.2f} s   cpu {cpu:6.2f} s", flush=True)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--as-of", default="2026-03-01")
    ap.add_argument("--partition-size", type=int, default=1_000_000)
    ap.add_argument("--scratch", type=Path, default=None, help="where the shards are written")
    args = ap.parse_args()
    as_of = dt.date.fromisoformat(args.as_of)
    ds = open_source(args.data).ds
    print(machine())
    plan = plan_partitions(shard.population(ds, as_of), args.partition_size)
    print(f"{sum(p.persons for p in plan):,} persons in {len(plan)} partitions")
    index = PartitionIndex(plan)
    total = timed("relatives", lambda: index.add_extra(shard.relatives(ds, index)))
    with tempfile.TemporaryDirectory(dir=args.scratch) as scratch:
        folders = {p.index: Path(scratch) / f"{p.index:05d}" for p in plan}
        for folder in folders.values():
            folder.mkdir()
        for name in REGISTRIES:
            if name in shard.SHARED:
                continue
            rows = ds.scan(name).select(pl.len()).collect().item()
            wall, cpu = timed(name, partial(shard.route, ds, name, rows, index, folders, as_of))
            total = (total[0] + wall, total[1] + cpu)
    print(f"  {'total':<12} wall {total[0]:6.2f} s   cpu {total[1]:6.2f} s")


if __name__ == "__main__":
    main()
