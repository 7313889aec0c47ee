"""`eligibility rules check`: validate the rulebook and report its gaps."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer
from rich.table import Table

from ..coverage import scenario_coverage
from ..rulebook.loader import RULES_DIR
from ..rulebook.parameters import Cell
from ..rulebook.parameters import Table as ParamTable
from . import app
from .common import ReformOption, Rules, console, load_or_exit

rules_app = typer.Typer(help="Check and inspect the rulebook.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

FEATURES_DIR = Path(__file__).resolve().parents[2] / "features"


@rules_app.command("check")
def check(rules: Rules = RULES_DIR, reform: list[Path] | None = ReformOption,
          features: Path | None = typer.Option(
              None, exists=True, file_okay=False, show_default="the repository's features/",
              help="BDD feature folder.")) -> None:
    """Validate the rulebook: syntax, names, types, citations, sources, cycles; then report
    unused parameters, figures by confidence mark, and which criteria have BDD scenarios."""
    book = load_or_exit(rules, reform)
    marks: Counter[str] = Counter()
    for param in book.parameters.values():
        for dv in param.series:
            cells = [dv.value] if isinstance(dv.value, Cell) else (
                list(dv.value.cells.values()) if isinstance(dv.value, ParamTable) else [])
            marks.update(c.mark or "?" for c in cells)
    n_criteria = sum(len(p.criteria) for p in book.programmes.values())
    console.print(f"[green]OK[/] {len(book.programmes)} programmes, {n_criteria} criteria, "
                  f"{len(book.variables)} derived variables, {len(book.parameters)} parameters, "
                  f"{len(book.inputs)} inputs; rules hash {book.content_hash[:12]}")
    console.print("Every criterion has a statute citation; every figure has a source and a mark.")
    console.print("Figures by confidence mark: " + ", ".join(
        f"{m} {marks[m]}" for m in ("V", "S", "C", "R") if marks[m]))
    if book.unused_parameters:
        console.print(f"[yellow]Unused parameters ({len(book.unused_parameters)}):[/] "
                      + ", ".join(book.unused_parameters))
    not_modelled = {p: prog.amount.not_modelled for p, prog in book.programmes.items()
                    if prog.amount.not_modelled}
    for p, why in not_modelled.items():
        console.print(f"[yellow]Amount not modelled[/] for {p}: {why}")
    if features is None and not FEATURES_DIR.is_dir():  # an installed package has no features/
        console.print(f"[yellow]No BDD feature folder at {FEATURES_DIR}:[/] coverage not reported "
                      "(pass --features).")
        return
    coverage = scenario_coverage(features or FEATURES_DIR)
    table = Table(title="BDD coverage of criteria")
    for col in ("programme", "criterion", "scenarios"):
        table.add_column(col)
    uncovered = 0
    for pid, prog in book.programmes.items():
        for c in prog.criteria:
            n = coverage.get((pid, c.id), 0)
            uncovered += n == 0
            table.add_row(pid, c.id, str(n) if n else "[red]none[/]")
    console.print(table)
    console.print(f"{n_criteria - uncovered} of {n_criteria} criteria have BDD scenarios.")
