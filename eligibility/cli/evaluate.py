"""`eligibility evaluate FILE`: decisions for households written by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from ..errors import EligibilityError
from ..evaluation import CompiledRulebook
from ..explanation import Explainer
from ..households import as_of_from, households_frame, read_household_file
from ..render import decisions_table, print_explanations
from . import app
from .common import ReformOption, RulesOption, console, err_console, load_or_exit, parse_date


@app.command()
def evaluate(
    file: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="Households in YAML or JSON (format: docs/households.md)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Evaluate as of this date (YYYY-MM-DD)."),
    programme: list[str] | None = typer.Option(None, "--programme", "-p", help="Only these programmes."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    explain: bool = typer.Option(False, "--explain", help="Print each decision's criteria and values."),
    rules: Path = RulesOption,
    reform: list[Path] | None = ReformOption,
) -> None:
    """Evaluate every programme for every person in FILE and print the decisions."""
    book = load_or_exit(rules, reform)
    try:
        data = read_household_file(file)
        date = as_of_from(data, parse_date(as_of))
        frame = households_frame(book, data, str(file))
        compiled = CompiledRulebook(book, date, programme or None)
        rows = evaluate_rows(compiled, frame, explain or as_json)
    except EligibilityError as e:
        err_console.print(str(e), markup=False, highlight=False)
        raise typer.Exit(2) from None
    if as_json:
        console.print_json(json.dumps({"as_of": date.isoformat(), "rules_hash": book.content_hash,
                                       "decisions": rows}, default=str, ensure_ascii=False))
        return
    console.print(decisions_table(rows, f"Decisions as of {date} (rules {book.content_hash[:12]})"))
    if explain:
        for hh in dict.fromkeys(r["household"] for r in rows):
            explainer = Explainer(compiled, frame.filter(frame["household_id"] == hh))
            for pid in explainer.frame["person_id"].to_list():
                print_explanations(console, pid, explainer.explain(pid))


def evaluate_rows(compiled: CompiledRulebook, frame: Any, full: bool) -> list[dict[str, Any]]:
    """One dict per (person, programme) decision, with failed criteria and missing inputs."""
    rows: list[dict[str, Any]] = []
    for hh in dict.fromkeys(frame["household_id"].to_list()):
        explainer = Explainer(compiled, frame.filter(frame["household_id"] == hh))
        for pid in explainer.frame["person_id"].to_list():
            for d in explainer.explain(pid):
                row: dict[str, Any] = {"household": hh, "person": pid, "programme": d.programme,
                                       "status": d.status, "amount": d.amount, "failed": d.failed,
                                       "missing": d.missing}
                if full:
                    row["explanation"] = d.to_dict()
                rows.append(row)
    return rows
