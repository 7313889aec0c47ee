"""`eligibility demo`: the main job end to end on a synthetic population.

Generates 100,000 people into ./demo_data (fixed seed) unless a dataset is already there,
sweeps every programme as of 2026-03-01, prints the summary, the top of the outreach list,
and the exact commands to see why a listed person is (or is not) eligible."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Annotated

import polars as pl
import typer
from rich.table import Table

from ..errors import DataError, EligibilityError
from ..render import won
from ..rulebook.loader import RULES_DIR
from ..sweep import RulesSpec, SweepOptions, SweepRun
from ..sweep.dataset_source import DatasetSource, open_source
from ..sweep.registry import check_place
from . import app
from .common import Rules, console, err_console
from .data import generate_dataset
from .sweep import Out, print_run, sweep_with_progress

DEMO_PEOPLE = 100_000
DEMO_SEED = 20260301
DEMO_AS_OF = dt.date(2026, 3, 1)


def ensure_dataset(data: Path, people: int, seed: int) -> DatasetSource:
    """The dataset in `data`, generated first when there is nothing there. Anything else there
    (a dataset that does not open, other files) is reported by open_source, never overwritten:
    it may be someone's real extract with one column wrong."""
    nothing_there = not data.exists() or (data.is_dir() and not any(data.iterdir()))
    if not nothing_there:
        try:
            source = open_source(data)
        except DataError as e:
            raise DataError(f"{e}\nThe demo generates a population only into a new or empty folder: "
                            f"delete {data} or pass another --data.") from None
        console.print(f"Using the dataset in {data} (delete the folder to generate a new one).")
        return source
    with console.status(f"Generating {people:,} people into {data} (seed {seed})…"):
        report = generate_dataset(data, people, seed)
    console.print(f"Generated {report.people:,} people in {report.households:,} households "
                  f"in {report.seconds:.1f} s → {data}")
    return open_source(data)


def command_prefix() -> str:
    """How the user called us, so that the printed commands work as typed (venv or not)."""
    exe = Path(sys.argv[0])
    found = shutil.which("eligibility")
    if exe.name != "eligibility" or (found and Path(found).resolve() == exe.resolve()):
        return "eligibility"
    try:
        return str(exe.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(exe)


def outreach_table(run: SweepRun, n: int = 10) -> Table:
    top = pl.read_parquet(run.path / "outreach.parquet", n_rows=n)
    t = Table(title=f"Outreach list, top {n} of {run.record['counts'].get('outreach', 0):,} (consent given)")
    for col in ("rank", "person", "programme", "amount (won)", "crisis", "시도"):
        t.add_column(col, justify="right" if col in ("rank", "amount (won)") else "left")
    for r in top.iter_rows(named=True):
        amount = won(r["amount"]) + ("" if r["period"] == "month" else f"/{r['period']}")
        t.add_row(str(r["rank"]), str(r["person_id"]), r["programme"], amount, r["crisis"] or "", r["sido_name"] or "")
    return t


@app.command()
def demo(
    data: Annotated[Path, typer.Option("--data", file_okay=False,
                                       help="Dataset folder (generated if absent).")] = Path("demo_data"),
    people: Annotated[int, typer.Option("--people", min=1, help="People to generate if there is no dataset.")] = DEMO_PEOPLE,
    seed: Annotated[int, typer.Option("--seed", help="Generator seed.")] = DEMO_SEED,
    out: Out = Path("runs"),
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="People per partition.")] = 25_000,
    rules: Rules = RULES_DIR,
) -> None:
    """Generate a demo population if needed, sweep it, and show where to look next."""
    try:
        check_place(out)   # before generating: a dataset is no use if its runs have nowhere to go
        try:
            source = ensure_dataset(data, people, seed)
        except KeyboardInterrupt:
            err_console.print(f"interrupted: nothing written to {data}", markup=False, highlight=False)
            raise typer.Exit(130) from None
        run = sweep_with_progress(source, RulesSpec(rules, DEMO_AS_OF), SweepOptions(out, partition_size, 1, linkage_report=True))
    except EligibilityError as e:
        err_console.print(str(e), markup=False, highlight=False)
        raise typer.Exit(2) from None
    print_run(run)
    console.print(outreach_table(run))
    cmd = command_prefix()
    say = lambda text: console.print(text, soft_wrap=True)  # noqa: E731  (paths and commands: never wrapped)
    outreach = pl.read_parquet(run.path / "outreach.parquet", n_rows=1)
    say("\nThe outreach list (eligible, not receiving, consent to contact; ranked by need):\n"
        f"  [bold]{shown(run.path / 'outreach.parquet')}[/]")
    say(f"Without consent (never contacted, for a caseworker): {shown(run.path / 'outreach_no_consent.parquet')}")
    say(f"Review list (receiving, no longer eligible): {shown(run.path / 'review.parquet')}")
    say(f"Undetermined, by registry to ask: {shown(run.path / 'undetermined.parquet')}")
    if outreach.height:
        pid, prog = outreach["person_id"][0], outreach["programme"][0]
        say(f"\nWhy is person {pid} eligible for {prog}?\n"
            f"  [bold]{cmd} explain {data} {pid} --as-of {DEMO_AS_OF} --programme {prog}[/]")
    review = pl.read_parquet(run.path / "review.parquet", n_rows=1)
    if review.height:
        pid, prog = review["person_id"][0], review["programme"][0]
        say(f"Why does person {pid} no longer qualify for {prog}?\n"
            f"  [bold]{cmd} explain {data} {pid} --as-of {DEMO_AS_OF} --programme {prog}[/]")
    say(f"All runs: [bold]{cmd} runs --out {out}[/]")


def shown(path: Path) -> str:
    """A path relative to the current folder when it is under it (shorter to read and type)."""
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
