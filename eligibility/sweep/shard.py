"""Splitting a dataset by partition, in one pass per registry (a batch of rows at a time), so
that each partition is linked from its own small dataset instead of filtering every registry
file again (the registries are not sorted by person_id: a filtered read is a full read, and a sweep of P
partitions would read everything P times).

A partition's shard holds, for each registry, the rows of its people, plus the rows the linker
reads about *other* people on their behalf: spouses (is the spouse alive and resident?) and the
obligatory providers — parents, children and children's spouses — in the resident, family,
earnings and property registries. Those extra people are linked too and then dropped; a test
(tests/sweep/test_dataset_source.py) checks that every partition's frame equals the frame the
linker gives from the whole dataset."""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow.ipc as ipc

from ..records.cleaning import resident
from ..records.dataset import Dataset
from ..records.groups import household_groups
from ..records.schema import REGISTRIES
from ..records.sources import alive
from .idindex import PartitionIndex
from .plan import Partition

# Registries the linker reads about relatives (see the module docstring).
RELATIVES_READ_IN = ("resident", "family", "earnings", "property")
SHARED = ("region",)                   # reference tables: linked, not split
SHARD_COMPRESSION = "lz4"              # scratch files: fast to write, read once (Arrow IPC)
BATCH_ROWS = 8_000_000                 # rows of a registry routed at a time (~0.5 GB)
SHARD_THREADS = 2                      # registries routed at once (memory: one batch each)


def living(ds: Dataset, as_of: dt.date) -> pl.DataFrame:
    """person_id, household_id of the living residents, resolved exactly as the linker does
    (records/cleaning.resident) but reading only the four columns it depends on, so that the
    whole resident registry (names included) is never held at once — a third of the memory at
    52M people (measured)."""
    columns = ["person_id", "household_id", "move_in_date", "death_date"]
    return (resident(ds, columns=columns).filter(alive(as_of)).select("person_id", "household_id")
            .sort("person_id").collect())


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


def write_shards(ds: Dataset, plan: list[Partition], root: Path) -> None:
    """root/NNNNN/<registry>.arrow for every partition, in one pass over each registry, a batch
    of rows at a time (memory bounded by the batch, not by the registry). Arrow IPC with lz4:
    4 times faster to write than Parquet here (measured), and scratch files are read once.
    Two registries are routed at a time, the largest first: one registry's pass leaves a core
    idle (the writes and the Python between batches are single-threaded)."""
    index = PartitionIndex(plan)
    index.add_extra(relatives(ds, index))
    folders = {p.index: root / f"{p.index:05d}" for p in plan}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    sizes = {name: ds.scan(name).select(pl.len()).collect().item()
             for name in REGISTRIES if name not in SHARED}
    by_size = sorted(sizes, key=sizes.__getitem__, reverse=True)
    with ThreadPoolExecutor(max_workers=SHARD_THREADS) as pool:
        for done in [pool.submit(_route, ds, name, sizes[name], index, folders) for name in by_size]:
            done.result()   # re-raises a failure of any registry
    first, last = ds.earnings_months   # the whole dataset's window, not a shard's
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    manifest = {**(ds.manifest or {}),
                "earnings_window": {"first_month": first.isoformat(), "months": months}}
    for folder in folders.values():
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _route(ds: Dataset, name: str, rows: int, index: PartitionIndex, folders: dict[int, Path]) -> None:
    """One registry's rows into its file in each partition's folder."""
    reg = REGISTRIES[name]
    schema = pl.DataFrame(schema=reg.columns).to_arrow().schema
    options = ipc.IpcWriteOptions(compression=SHARD_COMPRESSION)
    writers: dict[int, ipc.RecordBatchFileWriter] = {}
    try:
        for start in range(0, rows, BATCH_ROWS):
            batch = ds.scan(name).slice(start, BATCH_ROWS)
            routed = index.assign(batch)
            if name in RELATIVES_READ_IN:
                routed = pl.concat([routed, index.assign_extra(batch)], how="vertical")
            frame = routed.select([*reg.columns, "shard"]).sort("shard").collect()
            offset = 0   # sorted by shard: each shard's rows are one slice
            for shard, n in frame.group_by("shard", maintain_order=True).len().iter_rows():
                if shard not in writers:
                    writers[shard] = ipc.new_file(str(folders[shard] / f"{name}.arrow"), schema,
                                                  options=options)
                writers[shard].write_table(frame.slice(offset, n).drop("shard").to_arrow().cast(schema))
                offset += n
    finally:
        for w in writers.values():
            w.close()


@dataclass(frozen=True)
class ShardDataset(Dataset):
    """A partition's shard, read by the linker like a dataset folder: its registries are the
    shard's Arrow files (none: no row), reference tables those of the whole dataset."""

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


def shard_path(root: Path, part: Partition) -> Path:
    return root / f"{part.index:05d}"
