"""Where a sweep's people come from: the population (who lives in which household, as of the
date), the linked person frame of one partition, and the benefits its people receive.

Two sources: a dataset folder linked by eligibility.records (dataset_source.py) and a person
frame held in memory (tests, small studies). A source is picklable so that worker processes
can open their own copy; `prepare` runs once, in the main process, after planning."""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cached_property
from pathlib import Path
from typing import Protocol

import numpy as np
import polars as pl

from ..records.groups import frame_groups
from ..records.report import LinkageCounts, LinkageReport
from .plan import Partition

RECEIVING_SCHEMA = {"person_id": pl.Int64, "programme": pl.String, "since": pl.Date}


def parse_id(text: str, dtype: pl.DataType) -> object:
    if dtype.is_integer():
        # digits only: int() would also take "1_000" and " 12 "
        value = int(text) if text.isascii() and text.removeprefix("-").isdigit() else None
        if value is None:
            raise ValueError(f"person_id {text!r} is not a number (the records use {dtype} ids)")
        low, high = pl.select(dtype.min().alias("low"), dtype.max().alias("high")).row(0)  # type: ignore[attr-defined]
        if not low <= value <= high:
            raise ValueError(f"person_id {text} is out of the range of the records' {dtype} ids")
        return value
    return text


class PersonSource(Protocol):
    """What the sweep needs from the records layer."""

    def describe(self) -> str: ...

    def warnings(self, as_of: dt.date) -> list[str]:
        """What the records cannot tell as of the date (the sweep's manifest and console say it)."""
        ...

    def parse_person_id(self, text: str) -> object:
        """A person_id typed on the command line, as the records hold it."""
        ...

    def dataset_hash(self) -> str: ...

    def population(self, as_of: dt.date) -> pl.DataFrame:
        """person_id, household_id[, group]: one row per person alive and resident on `as_of`;
        households of one group must be swept together."""
        ...

    def prepare(self, as_of: dt.date, plan: list[Partition], workdir: Path,
                linkage_report: bool = False) -> None:
        """Anything to do once the plan is known (e.g. split the records by partition), and
        what a linkage report will need."""
        ...

    def persons(self, as_of: dt.date, part: Partition) -> pl.DataFrame:
        """The linked person frame of the partition's people."""
        ...

    def receiving(self, as_of: dt.date, part: Partition) -> pl.DataFrame:
        """person_id, programme, since: the benefits the partition's people receive."""
        ...

    def household(self, as_of: dt.date, person_id: object) -> pl.DataFrame:
        """The linked person frame of this person's whole household (empty if unknown)."""
        ...

    def not_found(self, as_of: dt.date, person_id: object) -> str:
        """Why `household` found no such person on the date, as the records tell it."""
        ...

    def linkage_counts(self, as_of: dt.date, part: Partition) -> LinkageCounts | None:
        """The partition's share of the linkage report, if the source counts by partition;
        called after `persons`, before `receiving`."""
        ...

    def linkage_report(self, as_of: dt.date, parts: list[LinkageCounts | None]) -> LinkageReport | None:
        """What linking did to every row (orphans, duplicates, absences), if the source knows;
        `parts`: what linkage_counts gave for each partition."""
        ...


class FrameSource:
    """A person frame already linked, with an optional benefits table."""

    def __init__(self, frame: pl.DataFrame, benefits: pl.DataFrame | None = None,
                 name: str = "<frame>") -> None:
        self.frame = frame
        schema = dict(RECEIVING_SCHEMA, person_id=frame.schema["person_id"])
        self.benefits = (benefits.select(list(schema)).cast(schema) if benefits is not None  # type: ignore[arg-type]
                         else pl.DataFrame(schema=schema))
        self.name = name

    def describe(self) -> str:
        return self.name

    def warnings(self, as_of: dt.date) -> list[str]:
        return []

    def parse_person_id(self, text: str) -> object:
        return parse_id(text, self.frame.schema["person_id"])

    def dataset_hash(self) -> str:
        h = hashlib.sha256()
        for part in (self.frame, self.benefits):
            h.update(str(part.schema).encode())
            rows = np.sum(part.hash_rows(seed=11).to_numpy(), dtype=np.uint64)  # order-independent
            h.update(int(rows).to_bytes(8, "little"))
            h.update(part.height.to_bytes(8, "little"))
        return "frame:" + h.hexdigest()

    def population(self, as_of: dt.date) -> pl.DataFrame:
        return self._groups

    @cached_property
    def _groups(self) -> pl.DataFrame:
        """person_id, household_id, group: spouses registered apart keep their households
        together (their couple is one unit)."""
        return frame_groups(self.frame)

    def prepare(self, as_of: dt.date, plan: list[Partition], workdir: Path,
                linkage_report: bool = False) -> None:
        return None

    def persons(self, as_of: dt.date, part: Partition) -> pl.DataFrame:
        return self.frame.filter(pl.col("person_id").is_in(pl.Series(part.person_ids).implode()))

    def receiving(self, as_of: dt.date, part: Partition) -> pl.DataFrame:
        return self.benefits.filter(pl.col("person_id").is_in(pl.Series(part.person_ids).implode()))

    def linkage_counts(self, as_of: dt.date, part: Partition) -> LinkageCounts | None:
        return None

    def linkage_report(self, as_of: dt.date, parts: list[LinkageCounts | None]) -> LinkageReport | None:
        return None

    def not_found(self, as_of: dt.date, person_id: object) -> str:
        return "not in the person frame"

    def household(self, as_of: dt.date, person_id: object) -> pl.DataFrame:
        """The person's household and the households joined to it by a couple."""
        group = self._groups.filter(pl.col("person_id") == person_id)["group"]
        members = self._groups.filter(pl.col("group").is_in(group.implode()))["person_id"]
        return self.frame.filter(pl.col("person_id").is_in(members.implode()))
