"""The end of a sweep, in its temporary folder: the per-partition list parts concatenated and
ranked into the run's lists, the partial summaries added up, the decisions hash sealed.

Output files (all Parquet, zstd):
  decisions/part-NNNNN.parquet   one row per person, wide; sorted by person_id in each file
  outreach.parquet               eligible, not receiving, contact consent given; ranked by need
  outreach_no_consent.parquet    the same without consent: never contacted, for a caseworker
  review.parquet                 receiving but ineligible now; by person_id
  undetermined.parquet           whose record to ask for, from which registry; by registry, input, person_id
  undetermined_by_input.parquet  how many decisions each missing input leaves undetermined
  summary.parquet                per programme, 시도 and status: persons, units, amount, amount_unknown, receiving
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import polars as pl

from ..evaluation import STATUS_NAMES
from .partition import HASH_SEED, PartitionResult, write
from .spec import SweepRules

# Need first: households with more crisis signals, then the larger monthly amount.
NEED_ORDER = (["crisis_signals", "monthly_equivalent", "person_id", "programme"], [True, True, False, False])


def _scan(workdir: Path, kind: str) -> pl.LazyFrame | None:
    files = sorted((workdir / "parts" / kind).glob("*.parquet"))
    files = [f for f in files if pl.read_parquet_schema(f)]  # an empty part has no columns
    return pl.scan_parquet(files) if files else None


def decisions_hash(results: list[PartitionResult], schema: pl.Schema) -> str:
    """sha256 of the decisions' schema, row count and the order-independent row digest."""
    total = sum(r.digest for r in results) % (1 << 64)
    rows = sum(r.persons for r in results)
    h = hashlib.sha256(f"rowhash-sum/v1/seed{HASH_SEED}/{pl.__version__}\n".encode())
    h.update(repr(list(schema.items())).encode())
    h.update(f"\n{rows}\n{total}".encode())
    return h.hexdigest()


def finalize(workdir: Path, results: list[PartitionResult], rules: SweepRules) -> dict[str, Any]:
    """Write the lists and the summary; returns the counts for the registry and manifest."""
    counts: dict[str, Any] = {}
    per_programme: dict[str, dict[str, int]] = {p: {} for p in rules.programmes}

    def tally(name: str, frame: pl.DataFrame) -> None:
        counts[name] = frame.height
        for p, n in frame.group_by("programme").len().iter_rows():
            per_programme[p][name] = n

    outreach = _scan(workdir, "outreach")
    if outreach is not None:
        ranked = outreach.sort(NEED_ORDER[0], descending=NEED_ORDER[1], nulls_last=True)
        for name, consent in (("outreach", True), ("outreach_no_consent", False)):
            frame = ranked.filter(pl.col("contact_consent") == consent).with_row_index("rank", offset=1).collect()
            write(frame, workdir / f"{name}.parquet")
            tally(name, frame)
    review = _scan(workdir, "review")
    if review is not None:
        frame = review.sort("person_id", "programme").collect()
        write(frame, workdir / "review.parquet")
        tally("review", frame)
    asks = _scan(workdir, "undetermined")
    if asks is not None:
        # streamed: the longest list at national scale
        asks.sort("registry", "input", "person_id").sink_parquet(
            workdir / "undetermined.parquet", compression="zstd", statistics=True)
        counts["undetermined_asks"] = pl.scan_parquet(workdir / "undetermined.parquet").select(pl.len()).collect().item()
    by_input = (pl.concat([r.undetermined_counts for r in results]).group_by("registry", "input", "programme")
                .agg(pl.col("persons_to_ask", "decisions").sum()).sort("registry", "input", "programme"))
    write(by_input, workdir / "undetermined_by_input.parquet")
    for p, n in by_input.group_by("programme").agg(pl.col("persons_to_ask").sum()).iter_rows():
        per_programme[p]["undetermined_asks"] = n
    summary = _summary(results, rules)
    write(summary, workdir / "summary.parquet")
    totals = programme_totals(summary, rules)
    for p, lists_ in per_programme.items():
        totals[p].update({k: lists_.get(k, 0) for k in
                          ("outreach", "outreach_no_consent", "review", "undetermined_asks")})
    counts["programmes"] = totals
    for scratch in ("parts", "shards"):  # never published
        shutil.rmtree(workdir / scratch, ignore_errors=True)
    return counts


def _summary(results: list[PartitionResult], rules: SweepRules) -> pl.DataFrame:
    parts = [r.summary for r in results if not r.summary.is_empty()]
    if not parts:
        return pl.DataFrame(schema={"programme": pl.String, "sido_code": pl.String, "sido_name": pl.String,
                                    "status": pl.String, "persons": pl.Int64, "units": pl.Int64,
                                    "amount": pl.Int64, "amount_unknown": pl.Int64, "receiving": pl.Int64})
    status = pl.col("status").replace_strict(STATUS_NAMES, return_dtype=pl.String)
    return (pl.concat(parts).group_by("programme", "sido_code", "sido_name", "status")
            .agg(pl.col("persons", "units", "amount", "amount_unknown", "receiving").sum())
            .with_columns(status)
            .sort(pl.col("programme").replace_strict({p: i for i, p in enumerate(rules.programmes)}),
                  "sido_code", "status", nulls_last=True))


def programme_totals(summary: pl.DataFrame, rules: SweepRules) -> dict[str, dict[str, Any]]:
    """Per programme: persons by status, units and cost of the eligible (and how many of them
    have an unknown amount, left out of the cost), recipients by status."""
    out: dict[str, dict[str, Any]] = {}
    for p in rules.programmes:
        rows = summary.filter(pl.col("programme") == p)
        by = {s: rows.filter(pl.col("status") == s) for s in STATUS_NAMES.values()}
        eligible = by["eligible"]
        out[p] = {
            "unit": rules.unit_of(p), "period": rules.period_of(p),
            "amount_modelled": rules.amount_modelled(p),
            **{s: int(f["persons"].sum()) for s, f in by.items()},
            "eligible_units": int(eligible["units"].sum()),
            "amount": int(eligible["amount"].sum()),
            "amount_unknown": int(eligible["amount_unknown"].sum()),
            **{f"receiving_{s}": int(f["receiving"].sum()) for s, f in by.items()},
        }
    return out
