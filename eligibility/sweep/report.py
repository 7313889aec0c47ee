"""Terminal rendering (rich) of a run: the summary per programme, per 시도, and the registry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
from rich import box
from rich.table import Table

from ..render import won


def n(v: Any) -> str:
    return "—" if v is None else f"{v:,}"


def summary_table(record: dict[str, Any], labels: dict[str, str]) -> Table:
    """One row per programme: decisions by status, recipients, the lists, the cost."""
    t = Table(title=f"Sweep {record['run_id']} as of {record['as_of']}: "
                    f"{record['persons']:,} people, {len(record['programmes'])} programmes",
              box=box.SIMPLE_HEAD, pad_edge=False)
    t.add_column("programme", no_wrap=True)
    for col in ("eligible", "undetermined", "receiving", "outreach", "review", "cost (won)"):
        t.add_column(col, justify="right")
    per = record["counts"]["programmes"]
    month_total = 0
    for p in record["programmes"]:
        c = per[p]
        receiving = c["receiving_eligible"] + c["receiving_ineligible"] + c["receiving_undetermined"]
        eligible = n(c["eligible"])
        if c["unit"] != "person":
            eligible += f" ({c['eligible_units']:,} hh)"
        if not c["amount_modelled"]:
            cost = "not modelled"
        else:
            cost = won(c["amount"]) + ("" if c["period"] == "month" else f" /{c['period']}")
            if c.get("amount_unknown"):  # runs recorded before the count have none
                cost += f" +{n(c['amount_unknown'])} unknown"
            month_total += c["amount"] if c["period"] == "month" else 0
        t.add_row(labels.get(p, p), eligible, n(c["undetermined"]), n(receiving),
                  f"[green]{n(c['outreach'])}[/] +{n(c['outreach_no_consent'])}",
                  f"[red]{n(c['review'])}[/]", cost)
    t.caption = ("outreach: consent to contact + without consent (never contacted); "
                 "review: receiving but ineligible; cost: the eligible's amounts, household amounts "
                 "once (+N unknown: eligible, amount unknown for a missing input, on the undetermined "
                 f"list). Monthly programmes: {won(month_total)} won a month")
    return t


def sido_table(run_path: Path, record: dict[str, Any]) -> Table:
    """Per 시도: people, eligible for at least the monthly cost, outreach contacts."""
    summary = pl.read_parquet(run_path / "summary.parquet")
    per = record["counts"]["programmes"]
    monthly = [p for p in record["programmes"] if per[p]["period"] == "month"]
    first = record["programmes"][0]
    people = (summary.filter(pl.col("programme") == first).group_by("sido_code", "sido_name")
              .agg(pl.col("persons").sum().alias("people")))
    cost = (summary.filter(pl.col("programme").is_in(monthly) & (pl.col("status") == "eligible"))
            .group_by("sido_code").agg(pl.col("amount").sum().alias("cost")))
    outreach_file = run_path / "outreach.parquet"
    contacts = (pl.read_parquet(outreach_file, columns=["sido_code", "person_id"])
                .group_by("sido_code").agg(pl.col("person_id").n_unique().alias("contacts"))
                if outreach_file.exists() else pl.DataFrame(schema={"sido_code": pl.String, "contacts": pl.UInt32}))
    rows = (people.join(cost, on="sido_code", how="left", nulls_equal=True)
            .join(contacts, on="sido_code", how="left", nulls_equal=True).sort("sido_code", nulls_last=True))
    t = Table(title="By 시도")
    for col in ("시도", "people", "people to contact", "monthly cost (won)"):
        t.add_column(col, justify="left" if col == "시도" else "right")
    for r in rows.iter_rows(named=True):
        t.add_row(r["sido_name"] or "(unknown)", n(r["people"]), n(r["contacts"] or 0), won(r["cost"] or 0))
    return t


STATUS_STYLE = {"complete": "green", "running": "cyan", "failed": "red", "interrupted": "yellow"}


def runs_table(rows: list[dict[str, Any]]) -> Table:
    t = Table(title="Sweep runs (newest first)", box=None, pad_edge=False, padding=(0, 2, 0, 0),
              header_style="bold")
    for col in ("run id", "status", "as of"):
        t.add_column(col, no_wrap=True)
    t.add_column("people", justify="right", no_wrap=True)
    t.add_column("seconds", justify="right", no_wrap=True)
    t.add_column("hash", no_wrap=True)
    for r in rows:
        total = (r["timings"] or {}).get("total")
        status = f"[{STATUS_STYLE.get(r['status'], '')}]{r['status']}[/]"
        if r["status"] == "complete" and not Path(r["output_dir"]).is_dir():
            status += "*"   # the record stays; its files were deleted since
            t.caption = "* outputs deleted since the run"
        t.add_row(r["run_id"], status, r["as_of"],
                  n(r["persons"]), f"{total:.1f}" if total else "—", (r["decisions_hash"] or "—")[:8])
    return t


def run_details(r: dict[str, Any]) -> Table:
    """Everything the registry holds about one run."""
    t = Table(title=f"Run {r['run_id']}", box=box.SIMPLE, show_header=False, pad_edge=False)
    t.add_column("field", style="bold", no_wrap=True)
    t.add_column("value", overflow="fold")
    timings = r["timings"] or {}
    for key in ("status", "started_at", "finished_at", "as_of", "rules_hash", "dataset", "dataset_hash",
                "engine_version", "programmes", "partition_size", "workers", "persons", "households",
                "decisions", "decisions_hash", "output_dir", "error"):
        value = r.get(key)
        if value is not None:
            t.add_row(key, ", ".join(value) if isinstance(value, list) else str(value))
    if timings:
        t.add_row("timings (s)", ", ".join(f"{k} {v:.2f}" for k, v in timings.items()))
    counts = r["counts"] or {}
    if counts:
        t.add_row("lists", ", ".join(f"{k} {v:,}" for k, v in counts.items() if isinstance(v, int)))
    for kind, rel in (r["outputs"] or {}).items():
        t.add_row(f"output {kind}", rel)
    return t
