"""`eligibility explain DATA PERSON_ID`: why one person is or is not eligible."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..errors import EligibilityError
from ..evaluation import CompiledRulebook
from ..render import print_explanations
from ..rulebook.loader import RULES_DIR
from ..sweep.dataset_source import open_source
from ..sweep.why import explain_person, members_rows
from . import app
from .common import Rules, console, err_console, load_or_exit, parse_date


@app.command()
def explain(
    data: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="Dataset folder.")],
    person_id: Annotated[str, typer.Argument(help="The person's pseudonymous id.")],
    as_of: Annotated[str, typer.Option("--as-of", help="Decide as of this date (YYYY-MM-DD).")],
    programme: Annotated[list[str] | None, typer.Option(
        "--programme", "-p", help="Only these programmes.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of trees.")] = False,
    rules: Rules = RULES_DIR,
) -> None:
    """Link PERSON_ID's household from DATA and print each programme's decision as a tree of
    criteria: outcomes, values compared, derived values and their inputs (with the registry),
    parameters (with their source) and the statute article."""
    date = parse_date(as_of)
    assert date is not None
    book = load_or_exit(rules)
    try:
        source = open_source(data)
        for warning in source.warnings(date):
            err_console.print(f"[yellow]warning:[/] {warning}", highlight=False)
        pid = source.parse_person_id(person_id)
        compiled = CompiledRulebook(book, date, programme or None)
        why = explain_person(source, compiled, pid, programme or None)
    except (EligibilityError, ValueError) as e:
        err_console.print(str(e), markup=False, highlight=False)
        raise typer.Exit(2) from None
    members = members_rows(why, date)
    if as_json:
        console.print_json(json.dumps({
            "person_id": pid, "as_of": date.isoformat(), "rules_hash": book.content_hash,
            "dataset": source.describe(), "warnings": source.warnings(date), "household": members,
            "decisions": [t.to_dict() for t in why.traces]}, default=str, ensure_ascii=False))
        return
    table = Table(title=f"Household of person {pid} as of {date}")
    for col in members[0] if members else []:
        table.add_column(col)
    for m in members:
        table.add_row(*(str(v) if v is not None else "unknown" for v in m.values()),
                      style="bold" if m["person_id"] == pid else None)
    console.print(table)
    print_explanations(console, pid, why.traces)
