"""`eligibility generate` and `eligibility linkage`: synthetic registries, and what did not link."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markdown import Markdown
from rich.table import Table

from ..errors import EligibilityError
from ..sweep.dataset_source import linkage_report
from ..sweep.plan import DEFAULT_PARTITION_SIZE
from . import app
from .common import console, err_console, parse_date


@app.command()
def generate(
    people: int = typer.Option(..., "--people", min=1, help="Number of residents."),
    seed: int = typer.Option(1, "--seed", help="Same seed, byte-identical files."),
    out: Path = typer.Option(..., "--out", file_okay=False, help="Dataset folder to write."),
    no_noise: bool = typer.Option(False, "--no-noise", help="Perfect linkage (no missing, duplicate or orphan rows)."),
) -> None:
    """Write a linked synthetic population: one Parquet file per registry (docs/population.md)."""
    from synthetic_data import NoiseConfig
    from synthetic_data import generate as run

    try:  # before generating: a parent of --out that is a file would fail the first write
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        err_console.print(f"cannot write the dataset to {out}: {e.strerror}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    report = run(people, seed, out, NoiseConfig.none() if no_noise else None)
    console.print(f"[green]wrote[/] {report.people:,} people in {report.households:,} households "
                  f"to {out} in {report.seconds:.1f} s")
    table = Table(title="Take-up built into the records (the generator's own simplified truth)")
    for col in ("programme", "eligible", "recipients", "eligible, not receiving", "receiving, not eligible"):
        table.add_column(col, justify="left" if col == "programme" else "right")
    for name, c in report.programmes.items():
        table.add_row(name, f"{c.eligible:,}", f"{c.recipients:,}", f"{c.eligible_not_receiving:,}",
                      f"{c.receiving_not_eligible:,}")
    console.print(table)


@app.command()
def linkage(
    data: Path = typer.Argument(..., exists=True, file_okay=False, help="Dataset folder."),
    as_of: str = typer.Option(..., "--as-of", help="Link as of this date (YYYY-MM-DD)."),
    partition_size: int = typer.Option(
        DEFAULT_PARTITION_SIZE, "--partition-size", min=1,
        help="People counted at a time (memory), as a sweep partitions them."),
    as_json: bool = typer.Option(False, "--json", help="The report as JSON (linkage_report.json of a sweep)."),
) -> None:
    """The linkage report: orphan rows, duplicates, and people absent from each registry."""
    date = parse_date(as_of)
    assert date is not None
    try:
        report = linkage_report(data, date, partition_size)
    except EligibilityError as e:
        err_console.print(str(e), markup=False, highlight=False)
        raise typer.Exit(2) from None
    if as_json:
        console.print_json(report.model_dump_json())
    else:
        console.print(Markdown(report.to_markdown()))
