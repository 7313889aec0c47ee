"""linkage_report(): what linking a dataset as of a date does to every row, counted.

Per registry: rows = orphan_rows + duplicate_rows_exact + duplicate_rows_merged
                     + not_living_rows + linked_rows            (LinkageReport.check())
and the living residents absent from it. Nothing is dropped without being counted here.

The counts are made over a set of residents (`counts`): every row of a key belongs to one
person, so the counts of disjoint sets add up, and `from_counts` completes their sum with
what only the whole dataset knows (its row totals, hence the orphans). linkage_report()
counts all the residents at once; a sweep counts each partition from its shard, and the dead
apart (sweep/dataset_source.py), so that no pass holds the whole dataset.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
from pydantic import BaseModel

from ..errors import DataError
from . import cleaning, incomes
from .dataset import Dataset, as_dataset
from .schema import PERSON_REGISTRIES, REGISTRIES

RESOLUTION = {
    "exact": "identical rows kept once",
    "conflicting": "merged into one row per key: agreeing values kept, disagreeing values unknown",
    "orphan": "set aside: person_id not in the resident registry",
    "not living": "not linked: the person died on or before the as-of date, or was born after it",
    "stale": "resident registry: the registration in force on the as-of date kept (the latest "
             "move_in_date on or before it; with none, the earliest), the others counted",
}
# Columns holding the date a row takes effect; rows dated after as_of are linked but not used.
DATED = {"disability": "registered_on", "consent": "recorded_on", "benefits": "since",
         "crisis": "event_date", "earnings": "month"}


class RegistryCounts(BaseModel):
    rows: int
    orphan_rows: int
    duplicate_rows_exact: int
    duplicate_rows_merged: int
    conflicting_keys: int
    conflicting_values: int
    not_living_rows: int
    linked_rows: int
    rows_dated_after_as_of: int = 0
    persons_absent: int
    positive_only: bool


class ResidentCounts(BaseModel):
    rows: int
    duplicate_rows_exact: int
    stale_rows: int
    not_yet_born_rows: int       # rows of people born after the as-of date
    persons: int                 # born by the date, with the registration kept
    dead_excluded: int
    living: int
    not_yet_born: int
    households: int


class LinkageCounts(BaseModel):
    """The counts over the rows of a set of residents (a registry's rows: theirs, or all of
    them when the set is every resident). Counts of disjoint sets add up with `+`."""

    resident: ResidentCounts
    registries: dict[str, RegistryCounts]
    family_unknown_references: dict[str, int]
    unknown_sigungu_persons: int

    def __add__(self, other: LinkageCounts) -> LinkageCounts:
        return LinkageCounts.model_validate(_added(self.model_dump(), other.model_dump()))


def _added(a: Any, b: Any) -> Any:
    if isinstance(a, dict):
        return {k: _added(v, b[k]) for k, v in a.items()}
    return a if isinstance(a, bool) else a + b   # a bool (positive_only) describes the registry


class LinkageReport(LinkageCounts):
    dataset: str
    as_of: dt.date
    earnings_window: dict[str, str | bool]
    resolution: dict[str, str] = RESOLUTION

    def check(self) -> None:
        """Every row is accounted for (raises AssertionError otherwise)."""
        r = self.resident
        assert r.rows == (r.duplicate_rows_exact + r.stale_rows + r.not_yet_born_rows
                          + r.persons), "resident"
        assert r.persons == r.dead_excluded + r.living, "resident persons"
        for name, c in self.registries.items():
            parts = (c.orphan_rows + c.duplicate_rows_exact + c.duplicate_rows_merged
                     + c.not_living_rows + c.linked_rows)
            assert c.rows == parts, f"{name}: {c.rows} rows but {parts} accounted for"

    def to_markdown(self) -> str:
        r = self.resident
        lines = [f"# Linkage report — {self.dataset} as of {self.as_of}", "",
                 f"Resident registry: {r.rows:,} rows → {r.persons:,} persons "
                 f"({r.duplicate_rows_exact:,} exact duplicates, {r.stale_rows:,} stale "
                 f"registrations); {r.dead_excluded:,} dead on the date excluded, "
                 f"{r.not_yet_born:,} born after it; {r.living:,} living in {r.households:,} "
                 "households.", "",
                 "| registry | rows | orphans | exact dup. | merged dup. | conflicting values "
                 "| rows of people not living | linked | absent persons |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for name, c in self.registries.items():
            absent = f"{c.persons_absent:,}" + (" (lists positives only)" if c.positive_only else "")
            lines.append(f"| {name} | {c.rows:,} | {c.orphan_rows:,} | {c.duplicate_rows_exact:,} "
                         f"| {c.duplicate_rows_merged:,} | {c.conflicting_values:,} "
                         f"| {c.not_living_rows:,} | {c.linked_rows:,} | {absent} |")
        lines += ["", f"Family references to unknown persons: {self.family_unknown_references}; "
                  f"residents with an unknown 시군구: {self.unknown_sigungu_persons}.",
                  f"Earnings window: {self.earnings_window}.", ""]
        lines += [f"- {k}: {v}" for k, v in self.resolution.items()]
        return "\n".join(lines) + "\n"


def _len(lf: pl.LazyFrame) -> int:
    return int(lf.select(pl.len()).collect().item())


def counts(ds: Dataset, as_of: dt.date, person_ids: pl.Series | None = None) -> LinkageCounts:
    """The counts over the rows of these residents (None: every resident of `ds`). `ds` must
    hold all the rows of each of them; it may hold other people's rows too (a shard holds its
    people's relatives'): those are not counted, but they tell which family references are
    residents."""
    resident, persons = _resident(ds, as_of, person_ids)
    registries = {name: _registry(ds, name, persons, as_of, person_ids) for name in PERSON_REGISTRIES}
    living = persons.filter("alive")
    fam = cleaning.registry(ds, "family", living["person_id"]).collect()
    known = cleaning.resident_ids(ds).collect()["person_id"].implode()
    unknown_refs = {col: fam.filter(pl.col(col).is_not_null() & ~pl.col(col).is_in(known)).height
                    for col in ("spouse_id", "mother_id", "father_id")}
    codes = ds.scan("region").select("code5").collect()["code5"].implode()
    return LinkageCounts(resident=resident, registries=registries,
                         family_unknown_references=unknown_refs,
                         unknown_sigungu_persons=living.filter(~pl.col("sigungu_code").is_in(codes)).height)


def from_counts(ds: Dataset, as_of: dt.date, parts: list[LinkageCounts]) -> LinkageReport:
    """The report of `ds` from the counts of sets of residents that together are all of them:
    a registry's rows that none of them holds are orphans."""
    total = sum(parts[1:], parts[0])
    rows = {name: _len(ds.scan(name)) for name in ("resident", *PERSON_REGISTRIES)}
    if total.resident.rows != rows["resident"]:
        raise DataError(f"{ds.path}: the residents counted hold {total.resident.rows:,} of the "
                         f"{rows['resident']:,} resident registry rows: a row without a person_id, or a "
                         "resident counted twice or not at all")
    for name, c in total.registries.items():
        c.orphan_rows += rows[name] - c.rows
        c.rows = rows[name]
    first, last = ds.earnings_months
    window = {"first_month": first.isoformat(), "last_month": last.isoformat(),
              **incomes.coverage(as_of, ds.earnings_months)}
    return LinkageReport(dataset=str(ds.path), as_of=as_of, earnings_window=window,
                         **total.model_dump())


def linkage_report(dataset: Dataset | str | Path, as_of: dt.date) -> LinkageReport:
    """Every resident counted at once, a whole registry in memory at a time. For large datasets,
    sweep.dataset_source.linkage_report (`eligibility linkage`, a sweep's --linkage-report)
    counts the same report partition by partition."""
    ds = as_dataset(dataset)
    return from_counts(ds, as_of, [counts(ds, as_of)])


def _resident(ds: Dataset, as_of: dt.date,
              person_ids: pl.Series | None) -> tuple[ResidentCounts, pl.DataFrame]:
    """The resident counts, and person_id, alive, sigungu_code of each person counted (those
    born after the date among them, not alive)."""
    raw = cleaning.raw(ds, "resident", person_ids).collect()
    unique = raw.unique()
    unborn_rows = unique.filter(~cleaning.born_by(as_of))
    res = (cleaning.resident(ds, as_of, person_ids)
           .select("person_id", "household_id", "sigungu_code", cleaning.alive(as_of).alias("alive")).collect())
    living = res.filter("alive")
    unborn = (unborn_rows.select("person_id").unique()
              .join(res.select("person_id"), on="person_id", how="anti")
              .with_columns(pl.lit(False).alias("alive")))
    counts = ResidentCounts(rows=raw.height, duplicate_rows_exact=raw.height - unique.height,
                            stale_rows=unique.height - unborn_rows.height - res.height,
                            not_yet_born_rows=unborn_rows.height, persons=res.height,
                            dead_excluded=res.height - living.height, living=living.height,
                            not_yet_born=unborn.height,
                            households=living["household_id"].drop_nulls().n_unique())
    persons = pl.concat([res.drop("household_id"), unborn], how="diagonal")
    return counts, persons


def _registry(ds: Dataset, name: str, persons: pl.DataFrame, as_of: dt.date,
              person_ids: pl.Series | None) -> RegistryCounts:
    reg = REGISTRIES[name]
    key = list(reg.key)
    values = [c for c in reg.columns if c not in key]
    rows = _len(cleaning.raw(ds, name, person_ids))
    kept = cleaning.raw(ds, name, persons["person_id"]).collect()   # orphans left out
    single, shared = cleaning.split_by_key(kept, key)
    unique = shared.unique()
    keys = unique.group_by(key).agg(   # the keys of the duplicates, and which values disagree
        pl.len().alias("n"), *[(pl.col(c).n_unique() > 1).alias(c) for c in values])
    conflicting = keys.filter(pl.col("n") > 1)
    conflicting_values = int(conflicting.select(pl.sum_horizontal(values)).to_series().sum()) \
        if conflicting.height and values else 0
    merged = cleaning.one_per_key(shared.lazy(), name).collect()
    clean = pl.concat([single.select(merged.columns), merged])   # = one_per_key(kept), one sort
    dead = pl.col("person_id").is_in(persons.filter(~pl.col("alive"))["person_id"].implode())
    linked = clean.filter(~dead)
    living = persons.filter("alive")["person_id"]
    dated = linked.filter(pl.col(DATED[name]) > as_of).height if name in DATED else 0
    return RegistryCounts(
        rows=rows, orphan_rows=rows - kept.height, duplicate_rows_exact=shared.height - unique.height,
        duplicate_rows_merged=unique.height - keys.height, conflicting_keys=conflicting.height,
        conflicting_values=conflicting_values, not_living_rows=clean.height - linked.height,
        linked_rows=linked.height, rows_dated_after_as_of=dated,
        persons_absent=living.len() - living.is_in(linked["person_id"].implode()).sum(),
        positive_only=reg.positive_only)
