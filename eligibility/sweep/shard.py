"""Splitting a dataset by partition, in one pass per registry (a batch of rows at a time), so
that each partition is linked from its own small dataset instead of filtering every registry
file again (the registries are not sorted by person_id: a filtered read is a full read, and a sweep of P
partitions would read everything P times).

A partition's shard holds, for each registry, the rows of its people, plus the rows the linker
reads about *other* people on their behalf: spouses (is the spouse alive and resident?) and the
obligatory providers — parents, children and children's spouses — in the resident, family,
earnings and property registries. Those extra people are linked too and then dropped; a test
(tests/sweep/test_dataset_source.py) checks that every partition's frame equals the frame the
linker gives from the whole dataset.

The earnings registry (ten rows a person) is not routed row by row: each batch is reduced to
the people's window sums (records/incomes.summed, as of the sweep's date) and those, about one
row a person, go to earnings_sums.arrow. A person's sums are usable only when they are whole
and clean: people whose months repeat within a batch (duplicates), or whose rows fall in more
than one batch (at a batch boundary), are flagged, and a second pass routes their raw rows to
earnings.arrow; the linker sums those exactly and takes everyone else's sums as they are. An
export not grouped by person (judged on its first batch) is routed raw in one pass instead.
The sums hold for one date: the shard's manifest records it and ShardDataset refuses to link
the shard as of another.

For a linkage report (records/report.py), which counts rows, earnings are routed raw (sums hide
duplicates), and the rows of the people not living on the date (dead, or born later),
whom no partition holds, go to a folder of their own (DEAD)."""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow.ipc as ipc

from ..errors import DataError
from ..records import incomes
from ..records.cleaning import living as living_residents
from ..records.dataset import Dataset
from ..records.groups import household_groups
from ..records.schema import REGISTRIES
from .idindex import PartitionIndex
from .plan import Partition

# Registries the linker reads about relatives (see the module docstring).
RELATIVES_READ_IN = ("resident", "family", "earnings", "property")
SHARED = ("region",)                   # reference tables: linked, not split
SHARD_COMPRESSION = "lz4"              # scratch files: fast to write, read once (Arrow IPC)
BATCH_ROWS = 8_000_000                 # rows of a registry routed at a time (~0.5 GB)
SHARD_THREADS = 2                      # registries routed at once (memory: one batch each)
SUMS_FILE = "earnings_sums"            # a shard's precomputed earnings sums (.arrow)
SUMMED_AS_OF = "earnings_summed_as_of"  # manifest key: the date the sums hold for
DEAD = "dead"                          # folder of the rows of people not living (linkage report)


def _living(ds: Dataset, as_of: dt.date) -> pl.LazyFrame:
    """The living residents resolved exactly as the linker does (records/cleaning.living),
    reading only the five columns that depends on, so that the whole resident registry (names
    included) is never held at once — a third of the memory at 52M people (measured)."""
    columns = ["person_id", "household_id", "birth_date", "move_in_date", "death_date"]
    return living_residents(ds, as_of, columns=columns).select("person_id", "household_id")


def living(ds: Dataset, as_of: dt.date) -> pl.DataFrame:
    """person_id, household_id of the living residents."""
    return _living(ds, as_of).sort("person_id").collect()


def not_living(ds: Dataset, as_of: dt.date) -> np.ndarray:
    """The person_ids of the resident registry not living on `as_of` (dead, or born later),
    sorted."""
    return (ds.scan("resident").select("person_id").drop_nulls().unique()
            .join(_living(ds, as_of).select("person_id"), on="person_id", how="anti")
            .sort("person_id").collect()["person_id"].to_numpy())


def population(ds: Dataset, as_of: dt.date) -> pl.DataFrame:
    """person_id, household_id (the linker's resolution of registrations) and group: households
    joined by a spouse registered in another household (records.groups)."""
    return household_groups(ds, living(ds, as_of))


def relatives(ds: Dataset, index: PartitionIndex) -> pl.DataFrame:
    """(person_id, shard): relatives whose rows a shard needs although they are not among its
    people — spouse, parents, children and children's spouses of its people (a relative may
    be needed in several shards)."""
    fam = ds.scan("family").select("person_id", "spouse_id", "mother_id", "father_id")
    for col, alias in (("person_id", "mine"), ("mother_id", "of_mother"), ("father_id", "of_father")):
        fam = index.lookup(fam, col, alias)
    edges = [  # (relative, shard that needs the relative's rows)
        *(fam.select(pl.col(c).alias("person_id"), pl.col("mine").alias("shard"))
          for c in ("spouse_id", "mother_id", "father_id")),
        *(fam.select(pl.col(c).alias("person_id"), pl.col(parent).alias("shard"))
          for parent in ("of_mother", "of_father") for c in ("person_id", "spouse_id")),
    ]
    needed = index.lookup(pl.concat(edges).drop_nulls(), "person_id", "home")
    # a relative who is one of the shard's own people is there already
    return (needed.filter(pl.col("home").is_null() | (pl.col("home") != pl.col("shard")))
            .select("person_id", "shard").unique().collect())


def write_shards(ds: Dataset, plan: list[Partition], root: Path, as_of: dt.date,
                 not_living: np.ndarray | None = None) -> None:
    """root/NNNNN/<registry>.arrow for every partition, in one pass over each registry, a batch
    of rows at a time (memory bounded by the batch, not by the registry). Arrow IPC with lz4:
    4 times faster to write than Parquet here (measured), and scratch files are read once.
    Two registries are routed at a time, the largest first: one registry's pass leaves a core
    idle (the writes and the Python between batches are single-threaded). Earnings are summed
    as of `as_of` (see the module docstring): the shards can only be linked as of that date.
    With `not_living` (for a linkage report), earnings are routed raw and the rows of these
    people go to root/DEAD."""
    targets = list(plan)
    if not_living is not None:   # a partition never swept, needing no relatives' rows
        targets.append(Partition(len(plan), not_living, 0))
    index = PartitionIndex(targets)
    extra = relatives(ds, index)
    index.add_extra(extra.filter(pl.col("shard") < len(plan)))
    folders = {p.index: root / (f"{p.index:05d}" if p.index < len(plan) else DEAD) for p in targets}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    sizes = {name: ds.scan(name).select(pl.len()).collect().item()
             for name in REGISTRIES if name not in SHARED}
    by_size = sorted(sizes, key=sizes.__getitem__, reverse=True)
    with ThreadPoolExecutor(max_workers=SHARD_THREADS) as pool:
        jobs = [pool.submit(route, ds, name, sizes[name], index, folders, as_of, not_living is None)
                for name in by_size]
        for done in jobs:
            done.result()   # re-raises a failure of any registry
    first, last = ds.earnings_months   # the whole dataset's window, not a shard's
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    manifest = {**(ds.manifest or {}),
                "earnings_window": {"first_month": first.isoformat(), "months": months},
                SUMMED_AS_OF: as_of.isoformat()}
    for folder in folders.values():
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


class _ShardFiles:
    """One Arrow file per shard (<name>.arrow), opened at the shard's first rows."""

    def __init__(self, folders: dict[int, Path], name: str, columns: dict[str, pl.DataType]) -> None:
        self.folders, self.name = folders, name
        self.schema = pl.DataFrame(schema=columns).to_arrow().schema
        self.writers: dict[int, ipc.RecordBatchFileWriter] = {}

    def write(self, frame: pl.DataFrame) -> None:
        """frame: rows and their `shard`, sorted by shard (each shard's rows are one slice)."""
        offset = 0
        for shard, n in frame.group_by("shard", maintain_order=True).len().iter_rows():
            if shard not in self.writers:
                self.writers[shard] = ipc.new_file(
                    str(self.folders[shard] / f"{self.name}.arrow"), self.schema,
                    options=ipc.IpcWriteOptions(compression=SHARD_COMPRESSION))
            self.writers[shard].write_table(frame.slice(offset, n).drop("shard").to_arrow()
                                            .cast(self.schema))
            offset += n

    def __enter__(self) -> _ShardFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        for w in self.writers.values():
            w.close()


def _to_shards(rows: pl.LazyFrame, index: PartitionIndex, name: str) -> pl.LazyFrame:
    """rows with their `shard`: once for their person's partition, and (registries read about
    relatives) once for every other partition that needs them."""
    routed = index.assign(rows)
    if name in RELATIVES_READ_IN:
        routed = pl.concat([routed, index.assign_extra(rows)], how="vertical")
    return routed


def route(ds: Dataset, name: str, rows: int, index: PartitionIndex, folders: dict[int, Path],
          as_of: dt.date, sums: bool = True) -> None:
    """One registry (of `rows` rows) into each partition's folder: earnings as sums (below)
    unless told otherwise, any other registry row by row."""
    if name == "earnings" and sums:
        _route_earnings(ds, rows, index, folders, as_of)
    else:
        _route(ds, name, rows, index, folders)


def _route(ds: Dataset, name: str, rows: int, index: PartitionIndex, folders: dict[int, Path],
           keep: pl.Expr | None = None) -> None:
    """One registry's rows (those `keep` selects, if given) into its file in each partition's
    folder."""
    columns = REGISTRIES[name].columns
    with _ShardFiles(folders, name, columns) as files:
        for start in range(0, rows, BATCH_ROWS):
            batch = ds.scan(name).slice(start, BATCH_ROWS)
            if keep is not None:
                batch = batch.filter(keep)
            files.write(_to_shards(batch, index, name).select([*columns, "shard"])
                        .sort("shard").collect())


def _route_earnings(ds: Dataset, rows: int, index: PartitionIndex, folders: dict[int, Path],
                    as_of: dt.date) -> None:
    """Earnings as window sums (pass 1), then the raw rows of the people whose sums are not
    usable (pass 2, if any: reading the registry again costs little next to routing it). An
    export not grouped by person is routed raw in one pass: nearly everyone's rows would span
    batches, so pass 1 would be wasted (10M people, earnings shuffled: the sweep took 108 s
    with both passes, 75 s with one)."""
    if not _grouped_by_person(ds):
        _route(ds, "earnings", rows, index, folders)
        return
    flagged = _route_sums(ds, rows, index, folders, as_of)
    if flagged.len():
        _route(ds, "earnings", rows, index, folders,
               keep=pl.col("person_id").is_in(flagged.implode()))


def _grouped_by_person(ds: Dataset) -> bool:
    """Whether the earnings export keeps each person's rows together, judged on its first batch:
    at most 10% more runs of one person's rows than people (a few duplicates appended apart
    are fine). In an export in no order nearly every row is a run of its own."""
    ids = ds.scan("earnings").select("person_id").slice(0, BATCH_ROWS).collect()["person_id"]
    runs = int(ids.ne_missing(ids.shift(1)).sum())
    return runs * 10 <= ids.n_unique() * 11


def _route_sums(ds: Dataset, rows: int, index: PartitionIndex, folders: dict[int, Path],
                as_of: dt.date) -> pl.Series:
    """Each batch's per-person window sums into SUMS_FILE in each partition's folder. Returns
    the people whose sums are not usable: a month repeated within a batch (the sums count a
    duplicate twice; the linker resolves duplicates from the raw rows), or rows in more than one
    batch (each batch's sums are partial)."""
    months = ds.earnings_months   # the whole dataset's window
    batches = np.zeros(index.bound, np.uint8)   # batches seen, capped at 2, per dense id
    far: list[np.ndarray] = [np.zeros(0, np.int64)]   # ids beyond the dense range, per batch
    flagged: list[pl.Series] = []
    with _ShardFiles(folders, SUMS_FILE, incomes.SUMS_SCHEMA) as files:
        for start in range(0, rows, BATCH_ROWS):
            sums = incomes.summed(ds.scan("earnings").slice(start, BATCH_ROWS), as_of, months,
                                  check=True)
            # null: no month at all; such a person is dropped by the exact path, so flagged too
            flagged.append(sums.filter(~incomes.DISTINCT_MONTHS.fill_null(False))["person_id"])
            ids = sums["person_id"].drop_nulls().to_numpy()   # each once: grouped by person
            dense = (ids >= 0) & (ids < index.bound)
            batches[ids[dense]] = np.minimum(batches[ids[dense]], 1) + 1
            far.append(ids[~dense])
            part = sums.lazy().select(list(incomes.SUMS_SCHEMA))
            files.write(_to_shards(part, index, "earnings").sort("shard").collect())
    far_ids, n = np.unique(np.concatenate(far), return_counts=True)
    flagged += [pl.Series("person_id", np.flatnonzero(batches > 1)),
                pl.Series("person_id", far_ids[n > 1])]
    return pl.concat(flagged).drop_nulls().unique()


@dataclass(frozen=True)
class ShardDataset(Dataset):
    """A partition's shard, read by the linker like a dataset folder: its registries are the
    shard's Arrow files (none: no row), reference tables those of the whole dataset; and it
    carries the earnings sums of the people whose earnings rows it does not hold."""

    whole: Dataset | None = None

    def file(self, name: str) -> Path:
        if name in SHARED and self.whole is not None:
            return self.whole.file(name)
        return self.path / f"{name}.arrow"

    def scan(self, name: str) -> pl.LazyFrame:
        if name in SHARED and self.whole is not None:
            return self.whole.scan(name)
        columns = REGISTRIES[name].columns
        path = self.file(name)
        return pl.scan_ipc(path).select(list(columns)) if path.exists() else pl.LazyFrame(schema=columns)

    def earnings_sums(self, as_of: dt.date) -> pl.LazyFrame:
        """The earnings window sums routed by write_shards (incomes.PrecomputedSums): whole
        for the people without raw rows in earnings.arrow, partial (and not used) for those
        with. They hold for one date only."""
        summed = (self.manifest or {}).get(SUMMED_AS_OF)
        if summed != as_of.isoformat():
            raise DataError(f"shard {self.path} holds earnings summed as of {summed}: it cannot "
                            f"be linked as of {as_of} (write the shards for that date)")
        path = self.path / f"{SUMS_FILE}.arrow"
        return pl.scan_ipc(path) if path.exists() else pl.LazyFrame(schema=incomes.SUMS_SCHEMA)


def shard_path(root: Path, part: Partition) -> Path:
    return root / f"{part.index:05d}"
