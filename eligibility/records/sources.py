"""Cleaned registry frames for one linking run, read once.

In full mode (no person filter) each registry is read whole once and reused: the person frame
and the obligatory-provider lookups need the same earnings, property and resident rows. In
partition mode each lookup reads only the ids it needs (an is_in filter pushed into the scan).
In full mode the whole earnings and property registries are read at once, each on a thread of
its own, overlapping with the linker's resolution of residents and families (earnings is the
biggest read: ten rows a person).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cached_property
from typing import TypeVar

import polars as pl

from . import cleaning, incomes
from .dataset import Dataset

T = TypeVar("T")


def _in_background(job: Callable[[], T]) -> Future[T]:
    """Run job on a thread of its own: polars releases the GIL while it works."""
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(job)
    finally:
        pool.shutdown(wait=False)  # the thread ends with the job


class Sources:
    def __init__(self, ds: Dataset, as_of: dt.date, person_ids: pl.Series | None) -> None:
        self.ds, self.as_of = ds, as_of
        self.ids = None if person_ids is None else person_ids.cast(pl.Int64).unique()
        self._family: pl.DataFrame | None = None
        # The whole-registry frames are sorted by person_id, like the spine: polars then joins
        # them by merging instead of hashing (here and in the linker's final joins).
        self._jobs: dict[str, Future[pl.DataFrame]] = {}
        if self.full:
            self._jobs = {
                "earnings": _in_background(
                    lambda: incomes.aggregates(ds, as_of).sort("person_id")),
                "property": _in_background(lambda: cleaning.registry(
                    ds, "property", drop_orphans=False).sort("person_id").collect()),
            }

    def know(self, living: pl.DataFrame, family: pl.DataFrame) -> None:
        """In full mode the linker's own spine (every living resident) and their family rows
        are all the lookups need: hand them over instead of reading the files again."""
        if self.full:
            self.__dict__["_all_living"] = living.select("person_id", "household_id")
            self._family = family

    @property
    def full(self) -> bool:
        return self.ids is None

    def _subset(self, frame: pl.DataFrame, ids: pl.Series) -> pl.DataFrame:
        return frame.join(pl.DataFrame({"person_id": ids}), on="person_id", how="semi")

    @cached_property
    def _all_living(self) -> pl.DataFrame:
        return cleaning.living(self.ds, self.as_of).select("person_id", "household_id").collect()

    def living(self, ids: pl.Series) -> pl.DataFrame:
        """person_id, household_id of those ids who are living residents on the date."""
        if self.full:
            return self._subset(self._all_living, ids)
        return cleaning.living(self.ds, self.as_of, ids).select("person_id", "household_id").collect()

    @property
    def _all_earnings(self) -> pl.DataFrame:
        return self._jobs["earnings"].result()  # full mode only

    def earnings(self, ids: pl.Series | None = None) -> pl.DataFrame:
        if self.full:
            return self._all_earnings if ids is None else self._subset(self._all_earnings, ids)
        return incomes.aggregates(self.ds, self.as_of, ids if ids is not None else self.ids)

    @property
    def _all_property(self) -> pl.DataFrame:
        return self._jobs["property"].result()  # full mode only

    def property(self, ids: pl.Series | None = None) -> pl.DataFrame:
        if self.full:
            return self._all_property if ids is None else self._subset(self._all_property, ids)
        return cleaning.registry(self.ds, "property", ids if ids is not None else self.ids,
                                 drop_orphans=False).collect()

    def provider_attrs(self, ids: pl.Series | None) -> pl.DataFrame:
        """person_id, p_household, inc (previous-year income, all sources) and prop (home +
        lease deposit + land and buildings) of those ids who are living residents; inc/prop
        null when unknown. In full mode: for every living resident (ids not needed: None)."""
        living = self._all_living if self.full else self.living(ids)
        income = (self._all_earnings if self.full else self.earnings(ids)).select(
            "person_id", pl.col("total_income_annual").alias("inc"))
        prop = (self._all_property if self.full else self.property(ids)).select(
            "person_id",
            (pl.col("home_value") + pl.col("lease_deposit") + pl.col("other_real_estate")).alias("prop"))
        return (living.rename({"household_id": "p_household"})
                .join(income, on="person_id", how="left").join(prop, on="person_id", how="left"))

    def family_of_children(self, parents: pl.Series) -> pl.DataFrame:
        """Family rows of everyone whose mother or father is one of `parents` (in full mode,
        of living residents only: a dead child is no provider, nor is the child's spouse)."""
        if self._family is not None:
            return self._family.filter(
                pl.col("mother_id").is_not_null() | pl.col("father_id").is_not_null()).select(
                pl.col("person_id").alias("child"), "mother_id", "father_id", "spouse_id")
        rows = cleaning.raw(self.ds, "family")
        child_of = None
        if not self.full:
            p = parents.implode()
            child_of = pl.col("mother_id").is_in(p) | pl.col("father_id").is_in(p)
            # every row of the children found, before duplicates are merged (a merge needs all
            # of a key's rows): explaining one household merged the whole registry (7.8 s at 52M)
            rows = rows.join(rows.filter(child_of).select("person_id").unique(), on="person_id", how="semi")
        lf = cleaning.one_per_key(rows, "family").filter(
            pl.col("mother_id").is_not_null() | pl.col("father_id").is_not_null())
        if child_of is not None:
            lf = lf.filter(child_of)
        return lf.select(pl.col("person_id").alias("child"), "mother_id", "father_id",
                         "spouse_id").collect()
