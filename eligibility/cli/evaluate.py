"""`eligibility evaluate FILE`: decisions for households written by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import typer

from ..errors import EligibilityError
from ..evaluation import STATUS_NAMES, CompiledRulebook, decode_bits
from ..explanation import DecisionTrace, Explainer
from ..households import as_of_from, households_frame, read_household_file
from ..records.groups import frame_groups
from ..render import decisions_table, print_explanations
from ..rulebook.loader import RULES_DIR
from . import app
from .common import ReformOption, Rules, console, err_console, load_or_exit, parse_date


@app.command()
def evaluate(
    file: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="Households in YAML or JSON (format: docs/households.md)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Evaluate as of this date (YYYY-MM-DD)."),
    programme: list[str] | None = typer.Option(None, "--programme", "-p", help="Only these programmes."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    explain: bool = typer.Option(False, "--explain", help="Print each decision's criteria and values."),
    rules: Rules = RULES_DIR,
    reform: list[Path] | None = ReformOption,
) -> None:
    """Evaluate every programme for every person in FILE and print the decisions."""
    book = load_or_exit(rules, reform)
    try:
        data = read_household_file(file)
        date = as_of_from(data, parse_date(as_of), str(file))
        frame = households_frame(book, data, str(file))
        compiled = CompiledRulebook(book, date, programme or None)
        rows = decision_rows(compiled, frame)
        traces = explanations(compiled, frame) if explain or as_json else {}
    except EligibilityError as e:
        err_console.print(str(e), markup=False, highlight=False)
        raise typer.Exit(2) from None
    if as_json:
        for r in rows:
            r["explanation"] = traces[r["person"]][r["programme"]].to_dict()
        console.print_json(json.dumps({"as_of": date.isoformat(), "rules_hash": book.content_hash,
                                       "decisions": rows}, default=str, ensure_ascii=False))
        return
    console.print(decisions_table(rows, f"Decisions as of {date} (rules {book.content_hash[:12]})"))
    for pid, by_programme in traces.items():
        print_explanations(console, pid, list(by_programme.values()))


def decision_rows(compiled: CompiledRulebook, frame: pl.DataFrame) -> list[dict[str, Any]]:
    """One dict per (person, programme) decision, with failed criteria and missing inputs,
    in the file's order of people."""
    order = {pid: i for i, pid in enumerate(frame["person_id"])}
    out = compiled.decisions(frame, keep=("household_id",)).collect()
    rows: list[dict[str, Any]] = []
    for rec in sorted(out.iter_rows(named=True), key=lambda r: order[r["person_id"]]):
        for p in compiled.programmes:
            lay = compiled.layout[p]
            rows.append({
                "household": rec["household_id"], "person": rec["person_id"], "programme": p,
                "status": STATUS_NAMES[rec[f"{p}:status"]], "amount": rec[f"{p}:amount"],
                "failed": [str(c) for c in decode_bits(rec[f"{p}:failed"], lay.criteria)],
                "missing": compiled.missing_inputs(p, rec[f"{p}:missing"])})
    return rows


def explanations(compiled: CompiledRulebook, frame: pl.DataFrame) -> dict[Any, dict[str, DecisionTrace]]:
    """person -> programme -> explanation (file order), one Explainer per household, or per
    group of households when a couple spans them (a spouse registered elsewhere counts in the
    couple's income and amount: explained alone, the decision would differ from the batch's)."""
    out: dict[Any, dict[str, DecisionTrace]] = {}
    grouped = frame.join(frame_groups(frame).select("person_id", "group"), on="person_id",
                         maintain_order="left")
    for _, members in grouped.group_by("group", maintain_order=True):
        explainer = Explainer(compiled, members.drop("group"))
        for pid in members["person_id"]:
            out[pid] = {d.programme: d for d in explainer.explain(pid)}
    return {pid: out[pid] for pid in frame["person_id"]}
