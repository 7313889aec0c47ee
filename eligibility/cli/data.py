"""`eligibility generate` and `eligibility linkage`: synthetic registries, and what did not link."""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markdown import Markdown
from rich.table import Table

from ..errors import DataError, EligibilityError
from ..sweep.dataset_source import linkage_report
from ..sweep.manifest import fsync_tree
from ..sweep.plan import DEFAULT_PARTITION_SIZE
from . import app
from .common import console, err_console, parse_date, terminated_as_interrupt

if TYPE_CHECKING:
    from synthetic_data import GenerationReport, NoiseConfig


def generate_dataset(out: Path, people: int, seed: int, noise: NoiseConfig | None = None) -> GenerationReport:
    """Generate into a hidden folder beside `out`, renamed to `out` once every file is written
    and flushed: interrupted (Ctrl-C, SIGTERM) or failing, the folder is removed and `out` is as
    it was. `out` must be absent or an empty folder (not a mount point): a dataset there (perhaps
    an agency's extract) is never written over."""
    from synthetic_data import generate  # the generator is only needed here

    if out.is_dir() and any(out.iterdir()):
        raise DataError(f"{out} is not empty: a dataset is generated only into a new or empty folder "
                        "(delete it or choose another folder)")
    target = out.resolve()   # a symlink: its folder is the one replaced
    if os.path.ismount(target):   # a rename cannot replace it
        raise DataError(f"{out} is a mount point: generate into a folder inside it")
    parent = target.parent
    # `.gen-`, not the runs' `.tmp-`: a sweep cleaning its --out must not take a dataset being made
    scratch = parent / f".gen-{target.name}-{secrets.token_hex(3)}"
    try:  # before generating: a parent that is a file (or not writable) would fail the first write
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            pass   # a file in the way: the mkdir below says "Not a directory"
        scratch.mkdir()
    except OSError as e:
        raise DataError(f"cannot write the dataset to {out}: {e.strerror}") from None
    try:
        with terminated_as_interrupt():
            report = generate(people=people, seed=seed, out=scratch, noise=noise)
            fsync_tree(scratch)   # on disk before it is in place: a power cut leaves no torn files
            try:
                os.rename(scratch, target)   # replaces an empty folder; atomic on one filesystem
            except OSError as e:
                raise DataError(f"cannot put the dataset in place at {out}: {e.strerror or e}") from None
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return report.model_copy(update={"out": str(out)})


@app.command()
def generate(
    people: int = typer.Option(..., "--people", min=1, help="Number of residents."),
    seed: int = typer.Option(1, "--seed", help="Same seed, byte-identical files."),
    out: Path = typer.Option(..., "--out", file_okay=False, help="Dataset folder to write (new or empty)."),
    no_noise: bool = typer.Option(False, "--no-noise", help="Perfect linkage (no missing, duplicate or orphan rows)."),
) -> None:
    """Write a linked synthetic population: one Parquet file per registry (docs/population.md),
    into a new or empty folder (written elsewhere first: never a half-written dataset)."""
    from synthetic_data import NoiseConfig

    try:
        report = generate_dataset(out, people, seed, NoiseConfig.none() if no_noise else None)
    except EligibilityError as e:
        err_console.print(str(e), markup=False, highlight=False)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err_console.print(f"interrupted: nothing written to {out}", markup=False, highlight=False)
        raise typer.Exit(130) from None
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
