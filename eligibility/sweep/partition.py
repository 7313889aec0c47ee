"""One partition of a sweep: link its households, evaluate every programme, write its part of
the decisions and of the lists, and return the small things the run needs (counts, the
partial summary, its share of the decisions hash). Runs in the main process or in a worker."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from ..errors import DataError
from ..records.report import LinkageCounts
from . import lists
from .plan import Partition
from .source import PersonSource
from .spec import SweepRules

DECISION_ROW_GROUP = 65_536   # small enough that one person's lookup reads little
LIST_PARTS = ("outreach", "review", "undetermined")
HASH_SEED = 0x5EED


def decisions_digest(decisions: pl.DataFrame) -> int:
    """Order-independent digest of decision rows: the wrapping sum of their row hashes, so
    the run's hash is the same whatever the partitioning (see docs/sweep.md)."""
    if decisions.is_empty():
        return 0
    return int(np.sum(decisions.hash_rows(seed=HASH_SEED).to_numpy(), dtype=np.uint64))


@dataclass
class PartitionResult:
    index: int
    persons: int
    households: int
    min_person_id: object
    max_person_id: object
    digest: int
    summary: pl.DataFrame
    undetermined_counts: pl.DataFrame
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    linkage: LinkageCounts | None = None   # its share of the linkage report, if asked for


def write(frame: pl.DataFrame, path: Path, row_group: int | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.write_parquet(path, compression="zstd", statistics=True, row_group_size=row_group)


def evaluate(rules: SweepRules, persons: pl.DataFrame, receiving: pl.DataFrame) -> pl.DataFrame:
    """One row per person, by person_id: the kept columns, the decision columns, the columns
    computed on the person frame and the receiving flags. `persons` must be sorted by person_id."""
    return lists.receiving_flags(decide(rules, persons), receiving, rules)


def decide(rules: SweepRules, persons: pl.DataFrame) -> pl.DataFrame:
    """`evaluate` without the receiving flags."""
    dec = rules.compiled.decisions(persons, keep=tuple(rules.kept_columns())).collect()
    return dec.hstack(persons.select(rules.person_columns()))  # the evaluator keeps the rows' order


def run_partition(rules: SweepRules, source: PersonSource, as_of: dt.date, part: Partition,
                  workdir: Path, linkage: bool = False) -> PartitionResult:
    t0 = time.perf_counter()
    persons = source.persons(as_of, part)
    t_linked = time.perf_counter()
    counts = source.linkage_counts(as_of, part) if linkage else None
    counting = time.perf_counter() - t_linked
    receiving = source.receiving(as_of, part)
    if persons.height != part.persons:  # the plan and the linked frame must be the same people
        raise DataError(f"partition {part.index}: {persons.height:,} people linked, "
                        f"{part.persons:,} planned")
    persons = persons.sort("person_id").with_columns(rules.defaults(persons.columns))
    t1 = time.perf_counter()
    dec = evaluate(rules, persons, receiving)
    decisions = dec.select("person_id", "household_id", *rules.decision_names())
    asks, und_counts = lists.undetermined(dec, persons, rules)
    crisis = lists.crisis_by_household(dec, persons, rules)
    del persons
    out = {"outreach": lists.outreach(dec, crisis, rules), "review": lists.review(dec, receiving, rules),
           "undetermined": asks}
    summary = lists.summary(dec, rules)
    digest = decisions_digest(decisions)
    t2 = time.perf_counter()
    name = f"part-{part.index:05d}.parquet"
    write(decisions, workdir / "decisions" / name, DECISION_ROW_GROUP)
    for kind, frame in out.items():
        write(frame, workdir / "parts" / kind / name)
    t3 = time.perf_counter()
    ids = decisions["person_id"]
    return PartitionResult(
        part.index, decisions.height, dec["household_id"].drop_nulls().n_unique(),  # known ones
        ids.min() if ids.len() else None, ids.max() if ids.len() else None, digest, summary, und_counts,
        rows={"decisions": decisions.height, **{k: v.height for k, v in out.items()}},
        seconds={"link": t1 - t0 - counting, "evaluate": t2 - t1, "write": t3 - t2,
                 **({"linkage_counts": counting} if linkage else {})}, linkage=counts)
