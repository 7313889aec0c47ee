"""A dataset folder as the source of a sweep: linked by eligibility.records.

With one partition the dataset is linked directly. With several, it is first split by
partition (shard.py) into the run's temporary folder, and each partition is linked from its
shard, which is deleted once used: disk and memory stay bounded by the partition size. So is
a linkage report: each partition's share is counted from its shard, the dead's from theirs."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import polars as pl

from ..errors import DataError
from ..records import cleaning, incomes, report
from ..records.dataset import Dataset, SchemaError
from ..records.linkage import link_persons, received_benefits
from . import shard
from .plan import DEFAULT_PARTITION_SIZE, Partition, plan_partitions
from .source import parse_id


def linkage_report(path: Path, as_of: dt.date,
                   partition_size: int = DEFAULT_PARTITION_SIZE) -> report.LinkageReport:
    """The linkage report of a dataset folder counted as a sweep counts it, partition by
    partition from shards in a temporary folder, without evaluating anything: memory stays
    bounded by the partition size whatever the dataset's."""
    source = open_source(path)
    plan = plan_partitions(source.population(as_of), partition_size)
    with tempfile.TemporaryDirectory(prefix="linkage-") as scratch:
        source.prepare(as_of, plan, Path(scratch), linkage_report=True)
        return source.linkage_report(as_of, [source.linkage_counts(as_of, p) for p in plan])


def open_source(path: Path) -> DatasetSource:
    try:
        return DatasetSource(path)
    except (SchemaError, FileNotFoundError) as e:
        raise DataError(str(e)) from None


class DatasetSource:
    def __init__(self, path: Path) -> None:
        self.path = Path(path).resolve()   # the run's record names the dataset unambiguously
        self.ds = Dataset.open(self.path)
        self.shards: Path | None = None

    def describe(self) -> str:
        return str(self.path)

    def warnings(self, as_of: dt.date) -> list[str]:
        """What makes every decision as of the date less than it could be: an earnings window
        the registry does not cover (every income from it unknown)."""
        first, last = self.ds.earnings_months
        covered = incomes.coverage(as_of, self.ds.earnings_months)
        missed = [window for key, window in (("last_3_months_covered", "last 3 months"),
                                             ("previous_year_covered", "previous year"))
                  if not covered[key]]
        if not missed:
            return []
        return [f"the earnings registry covers {first:%Y-%m} to {last:%Y-%m}: as of {as_of} it does "
                f"not cover the {' nor the '.join(missed)}, so every income from it is unknown and "
                "decisions that need it are undetermined"]

    def parse_person_id(self, text: str) -> object:
        return parse_id(text, pl.Int64())

    def dataset_hash(self) -> str:
        return self.ds.content_hash

    def population(self, as_of: dt.date) -> pl.DataFrame:
        return shard.population(self.ds, as_of)

    def prepare(self, as_of: dt.date, plan: list[Partition], workdir: Path,
                linkage_report: bool = False) -> None:
        if len(plan) > 1:
            self.shards = workdir / "shards"
            not_living = shard.not_living(self.ds, as_of) if linkage_report else None
            shard.write_shards(self.ds, plan, self.shards, as_of, not_living)

    def _dataset(self, part: Partition) -> Dataset:
        if self.shards is None:
            return self.ds
        return shard.ShardDataset(shard.shard_path(self.shards, part), whole=self.ds)

    def persons(self, as_of: dt.date, part: Partition) -> pl.DataFrame:
        frame = link_persons(self._dataset(part), as_of)
        if self.shards is not None:  # drop the relatives linked on the partition's behalf
            frame = frame.filter(pl.col("person_id").is_in(pl.Series(part.person_ids).implode()))
        return frame

    def receiving(self, as_of: dt.date, part: Partition) -> pl.DataFrame:
        got = received_benefits(self._dataset(part), as_of, living=pl.Series(part.person_ids))
        if self.shards is not None:
            shutil.rmtree(shard.shard_path(self.shards, part), ignore_errors=True)  # used: gone
        return got

    def linkage_counts(self, as_of: dt.date, part: Partition) -> report.LinkageCounts | None:
        """The partition's share of the linkage report, counted from its shard (before
        `receiving` deletes it); None without shards (the report is counted whole)."""
        if self.shards is None:
            return None
        return report.counts(self._dataset(part), as_of, pl.Series(part.person_ids))

    def linkage_report(self, as_of: dt.date,
                       parts: list[report.LinkageCounts | None]) -> report.LinkageReport:
        if self.shards is None:   # one partition: counted whole
            return report.linkage_report(self.ds, as_of)
        dead = shard.ShardDataset(self.shards / shard.DEAD, whole=self.ds)
        counted = [p for p in parts if p is not None]   # all of them (report checks it)
        return report.from_counts(self.ds, as_of, [*counted, report.counts(dead, as_of)])

    def household(self, as_of: dt.date, person_id: object) -> pl.DataFrame:
        """The person's household, and the household of a spouse registered elsewhere (their
        couple is one unit), linked from the whole dataset. People whose household is unknown
        (the person, a spouse) come as themselves."""
        me = cleaning.resident(self.ds, as_of, pl.Series([person_id], dtype=pl.Int64)).collect()
        if me.is_empty():
            return pl.DataFrame()
        households, unplaced = self._placed(me, set(), me.clear()["person_id"])
        for _ in range(2):  # the household, then households of spouses living elsewhere
            ids = self._residents_of(as_of, households, unplaced)
            # orphans kept: a spouse id no resident holds is not found in the next step anyway
            spouses = (cleaning.registry(self.ds, "family", ids, drop_orphans=False)
                       .select("spouse_id").drop_nulls().collect()["spouse_id"])
            households, unplaced = self._placed(cleaning.resident(self.ds, as_of, spouses).collect(),
                                                households, unplaced)
        return link_persons(self.ds, as_of, self._residents_of(as_of, households, unplaced))

    def not_found(self, as_of: dt.date, person_id: object) -> str:
        rows = (cleaning.raw(self.ds, "resident", pl.Series([person_id], dtype=pl.Int64))
                .select("birth_date", "death_date").collect())
        if rows.is_empty():
            return "not in the resident registry"
        dead = rows.filter(~cleaning.alive(as_of))
        if not dead.is_empty():
            return f"the resident registry records a death on {dead['death_date'].min()}"
        if rows.filter(cleaning.born_by(as_of)).is_empty():
            return f"born on {rows['birth_date'].min()}, after the date"
        return "in the resident registry, but not a living resident on the date"

    @staticmethod
    def _placed(found: pl.DataFrame, households: set[object],
                unplaced: pl.Series) -> tuple[set[object], pl.Series]:
        """The households of the people `found`, and those of them in none, added."""
        alone = found.filter(pl.col("household_id").is_null())["person_id"]
        return (households | set(found["household_id"].drop_nulls().to_list()),
                pl.concat([unplaced, alone]).unique())

    def _residents_of(self, as_of: dt.date, households: set[object], also: pl.Series) -> pl.Series:
        """People whose registration on the date is in one of these households, and `also`."""
        candidates = (self.ds.scan("resident").filter(pl.col("household_id").is_in(list(households)))
                      .select("person_id").unique().collect()["person_id"])
        latest = cleaning.resident(self.ds, as_of, candidates).collect()
        mine = latest.filter(pl.col("household_id").is_in(list(households)))["person_id"]
        return pl.concat([mine, also.cast(mine.dtype)]).unique()
