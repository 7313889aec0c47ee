"""`eligibility sweep DATA` and `eligibility runs`: population sweeps and their registry."""

from __future__ import annotations

import os
import signal
import socket
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..errors import EligibilityError
from ..rulebook.loader import RULES_DIR
from ..sweep import DEFAULT_PARTITION_SIZE, RulesSpec, SweepOptions, SweepRun, run_sweep
from ..sweep.dataset_source import open_source
from ..sweep.registry import RunRegistry, check_place
from ..sweep.report import run_details, runs_table, sido_table, summary_table
from ..sweep.runner import clean_stale
from ..sweep.source import PersonSource
from . import app
from .common import Rules, console, err_console, parse_date, terminated_as_interrupt

Out = Annotated[Path, typer.Option("--out", help="Where runs are published (and the registry).")]


class SweepProgress:
    """A rich progress bar fed by the runner's (phase, done, total, persons) events."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("planning partitions", total=None, persons="")
        self.t0 = time.perf_counter()

    def __call__(self, phase: str, done: int, total: int, persons: int) -> None:
        rate = persons / max(time.perf_counter() - self.t0, 1e-9)
        if phase == "plan":
            self.progress.update(self.task, description="linking the population, planning")
        elif phase == "partitions":
            self.progress.update(self.task, description="sweeping partitions", total=total,
                                 completed=done, persons=f"{persons:,} people, {rate:,.0f}/s")
        elif phase == "finalize":
            self.progress.update(self.task, description="ranking lists, publishing", completed=done)


def sweep_with_progress(source: PersonSource, spec: RulesSpec, options: SweepOptions) -> SweepRun:
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               MofNCompleteColumn(), TextColumn("{task.fields[persons]}"), TimeElapsedColumn(),
               TextColumn("eta"), TimeRemainingColumn()]
    check_place(options.out)   # said before the progress bar starts, not under it
    try:
        with Progress(*columns, console=err_console, transient=False) as progress, terminated_as_interrupt():
            return run_sweep(source, spec, options, progress=SweepProgress(progress))
    except KeyboardInterrupt:
        said = (f"the run is recorded as failed in {options.out}" if finish_interrupted(options.out)
                else "no run was started")
        err_console.print(f"{INTERRUPTED}; {said}", markup=False, highlight=False)
        raise typer.Exit(130) from None


INTERRUPTED = "interrupted: nothing published"


def finish_interrupted(out: Path) -> bool:
    """What the runner does on Ctrl-C (the run recorded as failed, its folder removed), done
    again for this process's run if it was cut short: one Ctrl-C can raise KeyboardInterrupt
    twice, polars raising its own from a query before Python's handler runs, and the second
    lands in the runner's clean-up. Further Ctrl-C are ignored meanwhile (a pending one too).
    Whether this process had started a run (compiling the rules comes first)."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            registry = RunRegistry(out, create=False)
        except EligibilityError:
            return False   # interrupted before the registry was made: nothing to finish
        me = (socket.gethostname(), os.getpid())
        mine = [row for row in registry.runs() if (row["host"], row["pid"]) == me]
        for row in mine:
            if row["status"] == "running":
                registry.fail(row["run_id"], "KeyboardInterrupt")
        clean_stale(registry)
        return bool(mine)
    finally:
        signal.signal(signal.SIGINT, previous)


def print_run(run: SweepRun) -> None:
    rec = run.record
    console.print(summary_table(rec, {}))
    console.print(sido_table(run.path, rec))
    total = rec["timings"]["total"]
    console.print(f"{rec['persons']:,} people × {len(rec['programmes'])} programmes = "
                  f"{rec['decisions']:,} decisions in {total:.1f} s "
                  f"({rec['decisions'] / total:,.0f} decisions/s)")
    console.print(f"run [bold]{rec['run_id']}[/]  rules {rec['rules_hash'][:12]}  "
                  f"data {rec['dataset_hash'][:16]}  decisions hash [bold]{rec['decisions_hash'][:16]}[/]")
    console.print(f"outputs: {run.path}", soft_wrap=True)


@app.command()
def sweep(
    data: Annotated[Path, typer.Argument(exists=True, file_okay=False,
                                         help="Dataset folder (one Parquet file per registry).")],
    as_of: Annotated[str, typer.Option("--as-of", help="Sweep as of this date (YYYY-MM-DD).")],
    programmes: Annotated[list[str] | None, typer.Option(
        "--programmes", "--programme", "-p", help="Only these programmes (repeat the option).")] = None,
    out: Out = Path("runs"),
    partition_size: Annotated[int, typer.Option(
        "--partition-size", min=1, help="People per partition (whole households).")] = DEFAULT_PARTITION_SIZE,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, show_default="auto: 2 with 4 partitions or more, else 1",
        help="Worker processes (the cores are shared between them).")] = None,
    linkage: Annotated[bool, typer.Option(
        "--linkage-report/--no-linkage-report",
        help="Also count what linking did to every registry row (a full extra pass).")] = False,
    rules: Rules = RULES_DIR,
) -> None:
    """Evaluate every programme for every person in DATA; publish decisions, the outreach,
    review and undetermined lists and a summary as a run recorded in OUT/registry.sqlite."""
    date = parse_date(as_of)
    assert date is not None
    try:
        source = open_source(data)
        spec = RulesSpec(rules, date, tuple(programmes) if programmes else None)
        for warning in source.warnings(date):
            err_console.print(f"[yellow]warning:[/] {warning}", highlight=False)
        run = sweep_with_progress(source, spec, SweepOptions(out, partition_size, workers, linkage))
    except EligibilityError as e:
        err_console.print(str(e), markup=False, highlight=False)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:   # before the sweep (sweep_with_progress says its own)
        err_console.print(INTERRUPTED, markup=False, highlight=False)
        raise typer.Exit(130) from None
    print_run(run)


@app.command()
def runs(run_id: Annotated[str | None, typer.Argument(help="Show everything about this run.")] = None,
         out: Out = Path("runs"),
         limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many runs, newest first.")] = 20) -> None:
    """List the sweep runs of the registry (status, timings, decisions hash), or one run in full:
    rules and dataset hashes, engine version, counts, timings and where the outputs are."""
    try:
        registry = RunRegistry(out, create=False)
    except EligibilityError as e:
        err_console.print(str(e), markup=False, highlight=False)
        raise typer.Exit(2) from None
    clean_stale(registry)
    if run_id is not None:
        row = registry.get(run_id)
        if row is None:
            err_console.print(f"no run {run_id} in {registry.path}")
            raise typer.Exit(2)
        console.print(run_details(row))
        return
    rows = registry.runs(limit)
    if not rows:
        console.print(f"no runs in {registry.path}")
        return
    console.print(runs_table(rows))
    console.print(f"registry: {registry.path}; details: eligibility runs RUN_ID --out {out}")
