"""Where one sweep partition's time goes: the steps of `run_partition` (link, benefits in
payment, evaluation, receiving flags, each list, summary, digest) timed apart, wall and CPU
seconds (CPU counts every thread: a step using both cores shows CPU ≈ 2 × wall). Not a test.

    python -m bench.partition_steps --data /work/data/1m          # the whole dataset as one partition
    python -m bench.partition_steps --data /work/data/52m --partition-size 1000000 --partition 6

By default the dataset is taken as one partition (no shards), as `eligibility sweep` does up to
the partition size. With --partition-size it is planned and sharded as a sweep does it (every
shard written to a scratch folder, as big as the registries) and the one partition asked for
is linked from its shard, as in a sweep: how the "slow partitions" of the 52M sweep were traced
to one list (docs/benchmarks.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bench.machine import machine
from eligibility.sweep import lists
from eligibility.sweep.dataset_source import DatasetSource, open_source
from eligibility.sweep.partition import decide, decisions_digest
from eligibility.sweep.plan import Partition, plan_partitions
from eligibility.sweep.shard import shard_path
from eligibility.sweep.spec import RulesSpec, SweepRules

T = TypeVar("T")


def timed(label: str, job: Callable[[], T]) -> T:
    wall, cpu = time.perf_counter(), time.process_time()
    out = job()
    print(f"  {label:<16} wall {time.perf_counter() - wall:6.3f} s   cpu {time.process_time() - cpu:6.3f} s",
          flush=True)
    return out


def one_run(source: DatasetSource, rules: SweepRules, as_of: dt.date, part: Partition) -> None:
    persons = timed("link", lambda: source.persons(as_of, part))
    receiving = timed("receiving", lambda: source.receiving(as_of, part))
    persons = persons.sort("person_id").with_columns(rules.defaults(persons.columns))
    dec = timed("evaluate", lambda: decide(rules, persons))
    dec = timed("receiving flags", lambda: lists.receiving_flags(dec, receiving, rules))
    timed("undetermined", lambda: lists.undetermined(dec, persons, rules))
    crisis = timed("crisis", lambda: lists.crisis_by_household(dec, persons, rules))
    timed("outreach", lambda: lists.outreach(dec, crisis, rules))
    timed("review", lambda: lists.review(dec, receiving, rules))
    timed("summary", lambda: lists.summary(dec, rules))
    timed("digest", lambda: decisions_digest(dec.select("person_id", "household_id", *rules.decision_names())))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--as-of", default="2026-03-01")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=None,
                    help="plan and shard the dataset as a sweep does, and time one partition")
    ap.add_argument("--partition", type=int, default=0, help="which one (with --partition-size)")
    ap.add_argument("--scratch", type=Path, default=None, help="where the shards are written")
    args = ap.parse_args()
    as_of = dt.date.fromisoformat(args.as_of)
    source = open_source(args.data)
    rules = RulesSpec(None, as_of).compile()
    population = source.population(as_of)
    plan = plan_partitions(population, args.partition_size or population.height)
    part = plan[args.partition]
    print(machine())
    print(f"partition {part.index} of {len(plan)}: {part.persons:,} persons, "
          f"{len(rules.programmes)} programmes")
    with tempfile.TemporaryDirectory(dir=args.scratch) as scratch:
        source.prepare(as_of, plan, Path(scratch))
        kept = None
        if source.shards is not None:  # a sweep deletes a shard once linked: each run needs a copy
            kept = Path(scratch) / "kept"
            shutil.copytree(shard_path(source.shards, part), kept)
        for run in range(1, args.repeat + 1):
            if kept is not None:
                shutil.copytree(kept, shard_path(source.shards, part), dirs_exist_ok=True)
            print(f"run {run}:")
            one_run(source, rules, as_of, part)

if __name__ == "__main__":
    main()
