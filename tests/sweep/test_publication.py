"""Runs are records: outputs are published atomically, a sweep interrupted at any point
leaves no run that looks complete, and the registry says what happened."""

from __future__ import annotations

import multiprocessing as mp
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import psutil
import pytest

from eligibility.rulebook.rulebook import Rulebook
from eligibility.sweep import FrameSource, RulesSpec, RunNotFound, SweepOptions, open_run, run_sweep
from eligibility.sweep.execute import WorkerLost, _init_worker
from eligibility.sweep.partition import PartitionResult
from eligibility.sweep.registry import RegistryError, RunRegistry
from eligibility.sweep.runner import TMP_PREFIX, clean_stale

Population = tuple[pl.DataFrame, pl.DataFrame]


@pytest.fixture(scope="module")
def population(mini: Rulebook, make_population: Callable[..., Population]) -> Population:
    return make_population(mini, 1_200, seed=3)


def folders(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.is_dir())


def test_a_complete_run_is_published_and_recorded(population: Population, spec: RulesSpec, tmp_path: Path) -> None:
    run = run_sweep(FrameSource(*population), spec, SweepOptions(tmp_path, 300, 1))
    assert folders(tmp_path) == [run.run_id]
    rec = RunRegistry(tmp_path).get(run.run_id)
    assert rec is not None and rec["status"] == "complete"
    for key in ("rules_hash", "dataset_hash", "engine_version", "decisions_hash", "output_dir"):
        assert rec[key], key
    assert rec["as_of"] == "2026-03-01" and rec["programmes"] == ["basic_pension", "blsa_livelihood"]
    assert rec["persons"] == 1_200 and rec["decisions"] == 2_400
    assert {"plan", "partitions", "finalize", "total"} <= set(rec["timings"])
    assert set(rec["outputs"]) >= {"decisions", "outreach", "review", "undetermined", "summary"}
    assert all((run.path / rel).exists() for rel in rec["outputs"].values())
    assert len(run.manifest["partitions"]) == 4 and "failed_bits" in str(run.manifest["rules"])


def test_a_failure_mid_way_leaves_no_run(population: Population, spec: RulesSpec, tmp_path: Path) -> None:
    seen: list[int] = []

    def crash(r: PartitionResult) -> None:
        seen.append(r.index)
        if len(seen) == 2:
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        run_sweep(FrameSource(*population), spec, SweepOptions(tmp_path, 300, 1), on_partition=crash)
    assert folders(tmp_path) == []                       # no published folder, no temporary one
    (row,) = RunRegistry(tmp_path).runs()
    assert row["status"] == "failed" and "disk on fire" in row["error"] and row["output_dir"] is None
    with pytest.raises(RunNotFound):
        open_run(tmp_path)


def test_reading_runs_where_there_are_none_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="no run registry"):
        open_run(tmp_path)
    assert list(tmp_path.iterdir()) == []


CHILD = """
import os, signal, sys, time
from pathlib import Path
import polars as pl
from eligibility.sweep import FrameSource, RulesSpec, SweepOptions, run_sweep
from eligibility.sweep.registry import RunRegistry
import datetime as dt

out, rules, where = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
frame, benefits = pl.read_parquet(out.parent / "frame.parquet"), pl.read_parquet(out.parent / "benefits.parquet")

def stall(result):
    if result.index == 1:
        (out.parent / "stalled").touch()
        time.sleep(120)   # killed here

def die(self, run_id, **fields):
    (out.parent / "stalled").touch()
    time.sleep(120)       # killed between the rename and the registry update

if where == "published":
    RunRegistry.complete = die
run_sweep(FrameSource(frame, benefits), RulesSpec(rules, dt.date(2026, 3, 1)), SweepOptions(out, 300, 1),
          on_partition=stall if where == "partitions" else None)
"""


@contextmanager
def stalled_sweep(script: str, population: Population, tmp_path: Path, *args: str) -> Iterator[subprocess.Popen[bytes]]:
    """A sweep `script` run in a child process (the population written beside `out`), handed
    over once it has stalled (it touches `stalled`); killed at the end if still alive."""
    population[0].write_parquet(tmp_path / "frame.parquet")
    population[1].write_parquet(tmp_path / "benefits.parquet")
    # a session of its own, as a terminal's job: Ctrl-C is SIGINT to the whole group
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *args],
                             stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.time() + 120
        while not (tmp_path / "stalled").exists():
            assert child.poll() is None, "the sweep ended before it could be killed"
            assert time.time() < deadline
            time.sleep(0.05)
        yield child
    finally:
        if child.poll() is None:
            child.kill()


@pytest.mark.parametrize("where", ["partitions", "published"])
def test_a_killed_sweep_leaves_no_complete_looking_run(population: Population, spec: RulesSpec,
                                                       tmp_path: Path, where: str) -> None:
    out = tmp_path / "runs"
    with stalled_sweep(CHILD, population, tmp_path, str(out), str(spec.root), where) as child:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    registry = RunRegistry(out)
    (row,) = registry.runs()
    assert row["status"] == "running"                    # never marked complete
    with pytest.raises(RunNotFound):
        open_run(out)
    if where == "partitions":
        assert folders(out) == [TMP_PREFIX + row["run_id"]]   # only the hidden temporary folder
    clean_stale(registry)                                # what the next sweep or `runs` does
    assert registry.get(row["run_id"])["status"] == "interrupted"
    assert folders(out) == []


POOL_CHILD = """
import sys, time
from pathlib import Path
import polars as pl
from eligibility.cli.common import terminated_as_interrupt
from eligibility.sweep import FrameSource, RulesSpec, SweepOptions, run_sweep
import datetime as dt

out, rules = Path(sys.argv[1]), Path(sys.argv[2])
frame, benefits = pl.read_parquet(out.parent / "frame.parquet"), pl.read_parquet(out.parent / "benefits.parquet")

def stall(result):
    (out.parent / "stalled").touch()
    time.sleep(120)   # killed here, the workers alive

with terminated_as_interrupt():   # as the sweep command runs
    try:
        run_sweep(FrameSource(frame, benefits), RulesSpec(rules, dt.date(2026, 3, 1)), SweepOptions(out, 300, 2),
                  on_partition=stall)
    except KeyboardInterrupt:
        sys.exit(130)
"""


def catches_sigint(pid: int) -> bool:
    """Whether a process has a handler for SIGINT (Linux: the SigCgt mask of /proc)."""
    status = Path(f"/proc/{pid}/status").read_text()
    caught = int(re.search(r"^SigCgt:\s*([0-9a-f]+)$", status, re.M)[1], 16)  # type: ignore[index]
    return bool(caught >> (signal.SIGINT - 1) & 1)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGINT])
def test_a_killed_sweep_leaves_no_worker_behind(population: Population, spec: RulesSpec, tmp_path: Path,
                                                sig: signal.Signals) -> None:
    out = tmp_path / "runs"
    with stalled_sweep(POOL_CHILD, population, tmp_path, str(out), str(spec.root)) as child:
        workers = psutil.Process(child.pid).children(recursive=True)
        assert len([w for w in workers if "spawn_main" in " ".join(w.cmdline())]) == 2
        if sig == signal.SIGINT:
            # once each worker's initializer has run (Python's own Ctrl-C handler replaced)
            deadline = time.time() + 60
            while any(catches_sigint(w.pid) for w in workers):
                assert time.time() < deadline
                time.sleep(0.05)
            os.killpg(child.pid, sig)   # Ctrl-C in a terminal: the sweep and its workers
        else:
            os.kill(child.pid, sig)
        _, stderr = child.communicate(timeout=60)
        _, alive = psutil.wait_procs(workers, timeout=10)
        assert alive == []
    (row,) = RunRegistry(out).runs()
    # SIGTERM and Ctrl-C: cleaned up; SIGKILL: left `running` for clean_stale, as above
    assert row["status"] == ("running" if sig == signal.SIGKILL else "failed")
    assert folders(out) == ([TMP_PREFIX + row["run_id"]] if sig == signal.SIGKILL else [])
    assert b"Traceback" not in stderr   # no worker's, nor the sweep's


def test_a_worker_killed_mid_sweep_fails_the_run_with_a_message(population: Population, spec: RulesSpec,
                                                                 tmp_path: Path) -> None:
    """The kernel's out-of-memory killer, or a stray kill: the pool breaks; the run is failed,
    nothing is published, and the error says what happened (not a BrokenProcessPool traceback)."""
    def kill_a_worker(result: PartitionResult) -> None:
        workers = []
        for p in psutil.Process().children():
            try:
                if "spawn_main" in " ".join(p.cmdline()):
                    workers.append(p)
            except psutil.Error:   # an earlier test's child, ended
                pass
        workers[0].kill()

    with pytest.raises(WorkerLost, match="a worker process ended abruptly"):
        run_sweep(FrameSource(*population), spec, SweepOptions(tmp_path, 300, 2), on_partition=kill_a_worker)
    (row,) = RunRegistry(tmp_path).runs()
    assert row["status"] == "failed" and "ended abruptly" in row["error"]
    assert folders(tmp_path) == []


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def test_a_worker_started_for_a_sweep_already_gone_ends(spec: RulesSpec, population: Population,
                                                        tmp_path: Path) -> None:
    """The pid a worker watches is the one the sweep gives it: a worker whose sweep died before
    it started ends instead of waiting for work (it would see parent 1, or here the test)."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    pool = ProcessPoolExecutor(1, mp_context=mp.get_context("spawn"), initializer=_init_worker,
                               initargs=(spec, FrameSource(*population), tmp_path, False, gone.pid))
    try:
        with pytest.raises(BrokenProcessPool):   # the worker ended; the job never ran
            pool.submit(_sleep, 60).result(timeout=50)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
