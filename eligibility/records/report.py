"""linkage_report(): what linking a dataset as of a date does to every row, counted.

Per registry: rows = orphan_rows + duplicate_rows_exact + duplicate_rows_merged
                     + dead_person_rows + linked_rows            (LinkageReport.check())
and the living residents absent from it. Nothing is dropped without being counted here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
from pydantic import BaseModel

from . import cleaning, incomes
from .dataset import Dataset, as_dataset
from .schema import PERSON_REGISTRIES, REGISTRIES
from .sources import alive

RESOLUTION = {
    "exact": "identical rows kept once",
    "conflicting": "merged into one row per key: agreeing values kept, disagreeing values unknown",
    "orphan": "set aside: person_id not in the resident registry",
    "dead": "not linked: the person died on or before the as-of date",
    "stale": "resident registry: the latest registration (move_in_date) kept",
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
    dead_person_rows: int
    linked_rows: int
    rows_dated_after_as_of: int = 0
    persons_absent: int
    positive_only: bool


class ResidentCounts(BaseModel):
    rows: int
    duplicate_rows_exact: int
    stale_rows: int
    persons: int
    dead_excluded: int
    living: int
    households: int


class LinkageReport(BaseModel):
    dataset: str
    as_of: dt.date
    resident: ResidentCounts
    registries: dict[str, RegistryCounts]
    family_unknown_references: dict[str, int]
    unknown_sigungu_persons: int
    earnings_window: dict[str, str | bool]
    resolution: dict[str, str] = RESOLUTION

    def check(self) -> None:
        """Every row is accounted for (raises AssertionError otherwise)."""
        r = self.resident
        assert r.rows == r.duplicate_rows_exact + r.stale_rows + r.persons, "resident"
        assert r.persons == r.dead_excluded + r.living, "resident persons"
        for name, c in self.registries.items():
            parts = (c.orphan_rows + c.duplicate_rows_exact + c.duplicate_rows_merged
                     + c.dead_person_rows + c.linked_rows)
            assert c.rows == parts, f"{name}: {c.rows} rows but {parts} accounted for"

    def to_markdown(self) -> str:
        r = self.resident
        lines = [f"# Linkage report — {self.dataset} as of {self.as_of}", "",
                 f"Resident registry: {r.rows:,} rows → {r.persons:,} persons "
                 f"({r.duplicate_rows_exact:,} exact duplicates, {r.stale_rows:,} stale "
                 f"registrations); {r.dead_excluded:,} dead on the date excluded; "
                 f"{r.living:,} living in {r.households:,} households.", "",
                 "| registry | rows | orphans | exact dup. | merged dup. | conflicting values "
                 "| dead persons' rows | linked | absent persons |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for name, c in self.registries.items():
            absent = f"{c.persons_absent:,}" + (" (lists positives only)" if c.positive_only else "")
            lines.append(f"| {name} | {c.rows:,} | {c.orphan_rows:,} | {c.duplicate_rows_exact:,} "
                         f"| {c.duplicate_rows_merged:,} | {c.conflicting_values:,} "
                         f"| {c.dead_person_rows:,} | {c.linked_rows:,} | {absent} |")
        lines += ["", f"Family references to unknown persons: {self.family_unknown_references}; "
                  f"residents with an unknown 시군구: {self.unknown_sigungu_persons}.",
                  f"Earnings window: {self.earnings_window}.", ""]
        lines += [f"- {k}: {v}" for k, v in self.resolution.items()]
        return "\n".join(lines) + "\n"


def _len(lf: pl.LazyFrame) -> int:
    return int(lf.select(pl.len()).collect().item())


def _resident(ds: Dataset, as_of: dt.date) -> tuple[ResidentCounts, pl.DataFrame]:
    raw = ds.scan("resident")
    rows = _len(raw)
    unique_rows = _len(raw.unique())
    res = cleaning.resident(ds).select("person_id", "household_id", "death_date").collect()
    living = res.filter(alive(as_of))
    counts = ResidentCounts(rows=rows, duplicate_rows_exact=rows - unique_rows,
                            stale_rows=unique_rows - res.height, persons=res.height,
                            dead_excluded=res.height - living.height, living=living.height,
                            households=living["household_id"].n_unique())
    return counts, res.with_columns(alive(as_of).alias("alive")).select("person_id", "alive")


def _registry(ds: Dataset, name: str, persons: pl.DataFrame, as_of: dt.date) -> RegistryCounts:
    reg = REGISTRIES[name]
    key = list(reg.key)
    values = [c for c in reg.columns if c not in key]
    raw = ds.scan(name)
    ids = persons.lazy().select("person_id")
    rows = _len(raw)
    kept = raw.join(ids, on="person_id", how="semi")
    n_kept = _len(kept)
    unique = kept.unique()
    n_unique = _len(unique)
    groups = unique.group_by(key).agg(
        pl.len().alias("n"), *[(pl.col(c).n_unique() > 1).alias(c) for c in values]
    ).filter(pl.col("n") > 1).collect()
    merged = int((groups["n"] - 1).sum()) if groups.height else 0
    conflicting_values = int(groups.select(pl.sum_horizontal(values)).to_series().sum()) \
        if groups.height and values else 0
    clean = cleaning.registry(ds, name).join(persons.lazy(), on="person_id")
    per = clean.group_by("alive").agg(pl.len()).collect()
    by = dict(zip(per["alive"].to_list(), per["len"].to_list(), strict=True))
    absent = _len(persons.lazy().filter("alive").join(clean, on="person_id", how="anti"))
    dated = 0
    if name in DATED:
        dated = _len(clean.filter(pl.col("alive") & (pl.col(DATED[name]) > as_of)))
    return RegistryCounts(
        rows=rows, orphan_rows=rows - n_kept, duplicate_rows_exact=n_kept - n_unique,
        duplicate_rows_merged=merged, conflicting_keys=groups.height,
        conflicting_values=conflicting_values, dead_person_rows=int(by.get(False, 0)),
        linked_rows=int(by.get(True, 0)), rows_dated_after_as_of=dated,
        persons_absent=absent, positive_only=reg.positive_only)


def linkage_report(dataset: Dataset | str | Path, as_of: dt.date) -> LinkageReport:
    ds = as_dataset(dataset)
    resident, persons = _resident(ds, as_of)
    registries = {name: _registry(ds, name, persons, as_of) for name in PERSON_REGISTRIES}
    fam = cleaning.registry(ds, "family").join(
        persons.lazy().filter("alive").select("person_id"), on="person_id", how="semi")
    known = persons.lazy().select("person_id")
    unknown_refs = {
        col: _len(fam.filter(pl.col(col).is_not_null())
                  .join(known, left_on=col, right_on="person_id", how="anti"))
        for col in ("spouse_id", "mother_id", "father_id")}
    living = cleaning.resident(ds).filter(alive(as_of)).select("sigungu_code")
    codes = ds.scan("region").select(pl.col("code5").alias("sigungu_code"))
    unknown_sigungu = _len(living.join(codes, on="sigungu_code", how="anti"))
    first, last = ds.earnings_months
    m3, m1 = incomes.month_start(as_of, -3), incomes.month_start(as_of, -1)
    window = {"first_month": first.isoformat(), "last_month": last.isoformat(),
              "last_3_months_covered": first <= m3 and last >= m1,
              "previous_year_covered": first <= dt.date(as_of.year - 1, 1, 1)
              and last >= dt.date(as_of.year - 1, 12, 1)}
    return LinkageReport(dataset=str(ds.path), as_of=as_of, resident=resident,
                         registries=registries, family_unknown_references=unknown_refs,
                         unknown_sigungu_persons=unknown_sigungu, earnings_window=window)
