"""The partition plan: the population cut into partitions of whole households.

A household never straddles two partitions (household aggregates must see every member), and
households joined by a `group` (e.g. spouses registered in different households: their couple
is one unit) stay together too. Groups are ordered by their smallest person_id and cut into consecutive runs of about
`size` people, so that partitions follow person_id order: each partition's output file then
covers a narrow person_id range and a lookup by person_id reads one file's row groups.
The plan depends only on the population and the size, never on timing or worker count."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from ..backends.unit_ops import dense_ids

DEFAULT_PARTITION_SIZE = 1_000_000


@dataclass(frozen=True)
class Partition:
    index: int
    person_ids: np.ndarray   # sorted; every member of every household in the partition
    groups: int              # households, or households joined by a couple

    @property
    def persons(self) -> int:
        return len(self.person_ids)


def plan_partitions(population: pl.DataFrame, size: int = DEFAULT_PARTITION_SIZE) -> list[Partition]:
    """Cut `population` (person_id, household_id[, group]: one row per person) into partitions.
    A person whose group (household) is unknown is planned alone."""
    if size < 1:
        raise ValueError("the partition size must be at least 1")
    if population.is_empty():
        return []
    group = "group" if "group" in population.columns else "household_id"
    if not population["person_id"].is_sorted():
        population = population.sort("person_id")
    # each person's group's first row, i.e. smallest person_id: a minimum per dense group id
    # (numpy: plan_partitions of 52M people took 3.7-5.8 s warm this way, 8.0-8.5 s with
    # polars' min over the group, measured)
    gid = dense_ids(population[group])
    g = gid.fill_null(0).to_numpy()   # 0: no group known (ids start at 1)
    rows = np.arange(len(g))
    lowest = np.full(int(g.max(initial=0)) + 1, len(g))
    np.minimum.at(lowest, g, rows)
    first = lowest[g]
    if gid.null_count():   # a person of no known household is a group alone, not pooled
        alone = gid.is_null().to_numpy()
        first[alone] = rows[alone]
    # people in plan order: by their group's first row, then (stable sort) person_id
    order = np.argsort(first, kind="stable")   # nearly sorted already: timsort is quick
    first = first[order]
    starts = np.flatnonzero(np.r_[True, first[1:] != first[:-1]])   # where each group begins
    part = starts // size                                           # where it starts → its partition
    change = np.flatnonzero(np.r_[True, part[1:] != part[:-1]])
    cuts = np.append(starts[change], len(first))
    groups = np.diff(np.append(change, len(starts)))
    ids = population["person_id"].to_numpy()[order]
    # within a partition the order is by group then person: nearly sorted, timsort is quick
    # (0.26 s for 52 partitions of 1M, against 2.8 s for the default quicksort: measured)
    return [Partition(i, np.sort(ids[a:b], kind="stable"), int(g))
            for i, (a, b, g) in enumerate(zip(cuts[:-1], cuts[1:], groups, strict=True))]
