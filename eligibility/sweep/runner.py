"""A sweep run from start to publication.

    registry row `running` → plan → partitions (in this process or a pool of workers), each
    writing into <out>/.tmp-<run_id>/ → lists, summary, manifest → fsync → rename to
    <out>/<run_id>/ → registry row `complete`.

Killed at any moment, a sweep leaves either nothing published (a hidden temporary folder and
a `running` row that `reconcile` turns into `interrupted`), or a published folder whose row
is not yet `complete` for the instant between the rename and the update; readers go through
the registry and use only `complete` runs."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import polars as pl

from .execute import execute
from .finalize import decisions_hash, finalize
from .manifest import engine_version, fsync_tree, write_manifest
from .partition import PartitionResult
from .plan import DEFAULT_PARTITION_SIZE, Partition, plan_partitions
from .registry import RunRegistry
from .source import PersonSource
from .spec import RulesSpec

TMP_PREFIX = ".tmp-"
T = TypeVar("T")
Progress = Callable[[str, int, int, int], None]   # (phase, done, total, persons done)


@dataclass(frozen=True)
class SweepOptions:
    out: Path = Path("runs")
    partition_size: int = DEFAULT_PARTITION_SIZE
    workers: int | None = None     # None: auto (auto_workers)
    linkage_report: bool = False   # counted partition by partition (see dataset_source.py)


@dataclass
class SweepRun:
    run_id: str
    path: Path
    record: dict[str, Any]
    manifest: dict[str, Any]


def auto_workers(plan: list[Partition]) -> int:
    """Two processes on a machine with two cores or more, when there are partitions enough to
    keep both busy (measured: ~10% faster at 10M and 52M people, twice the memory); one
    otherwise (a worker's start, importing polars and compiling the rules, costs ~1 s)."""
    return 2 if (os.cpu_count() or 1) >= 2 and len(plan) >= 4 else 1


def new_run_id() -> str:
    return f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def clean_stale(registry: RunRegistry) -> None:
    """Folders of runs that are neither running nor complete go: the temporary folder of a
    killed sweep, and the published folder of one killed between rename and registry update."""
    registry.reconcile()
    status = {r["run_id"]: r["status"] for r in registry.runs()}
    for tmp in registry.root.glob(TMP_PREFIX + "*"):
        if status.get(tmp.name.removeprefix(TMP_PREFIX)) != "running":
            shutil.rmtree(tmp, ignore_errors=True)
    for run_id, st in status.items():
        folder = registry.root / run_id
        if st in ("failed", "interrupted") and folder.is_dir():
            hidden = registry.root / f"{TMP_PREFIX}{run_id}"
            os.rename(folder, hidden)   # first out of sight, atomically; then deleted
            shutil.rmtree(hidden, ignore_errors=True)


def run_sweep(source: PersonSource, spec: RulesSpec, options: SweepOptions,
              progress: Progress | None = None,
              on_partition: Callable[[PartitionResult], None] | None = None) -> SweepRun:
    """Sweep every person of `source`; `on_partition` is called after each partition (tests
    use it to simulate a crash)."""
    tell = progress or (lambda *_: None)
    t_start = time.perf_counter()
    rules = spec.compile()   # first: rules that do not compile leave --out as it was
    registry = RunRegistry(options.out)
    clean_stale(registry)
    run_id = new_run_id()
    workdir = registry.root / f"{TMP_PREFIX}{run_id}"
    final = registry.root / run_id
    registry.start(run_id, as_of=spec.as_of.isoformat(), rules_hash=rules.book.content_hash,
                   dataset=source.describe(), engine_version=engine_version(),
                   programmes=rules.programmes, partition_size=options.partition_size,
                   workers=options.workers)
    timings: dict[str, float] = {"compile": time.perf_counter() - t_start}
    published = False
    try:
        workdir.mkdir(parents=True)
        # The dataset's hash reads every file (seconds at national scale, on one core): it is
        # computed on a thread of its own while the population is planned and split.
        with ThreadPoolExecutor(max_workers=1) as pool:
            hashing = pool.submit(_timed, source.dataset_hash)
            tell("plan", 0, 0, 0)
            t = time.perf_counter()
            plan = plan_partitions(source.population(spec.as_of), options.partition_size)
            timings["plan"] = time.perf_counter() - t
            t = time.perf_counter()
            source.prepare(spec.as_of, plan, workdir, options.linkage_report)
            timings["prepare"] = time.perf_counter() - t
            dataset_hash, timings["dataset_hash"] = hashing.result()
        registry.update(run_id, dataset_hash=dataset_hash)
        persons = sum(p.persons for p in plan)
        registry.update(run_id, persons=persons)
        t = time.perf_counter()
        workers = options.workers or auto_workers(plan)
        registry.update(run_id, workers=workers)
        results = execute(plan, rules, spec, source, workdir, workers, options.linkage_report, tell,
                          on_partition)
        timings["partitions"] = time.perf_counter() - t
        for key in ("link", "linkage_counts", "evaluate", "write"):  # summed over partitions
            if any(key in r.seconds for r in results):
                timings[f"partitions_{key}"] = sum(r.seconds.get(key, 0.0) for r in results)
        tell("finalize", len(plan), len(plan), persons)
        t = time.perf_counter()
        if options.linkage_report:
            report = source.linkage_report(spec.as_of, [r.linkage for r in results])
            if report is not None:
                (workdir / "linkage_report.json").write_text(report.model_dump_json(indent=1),
                                                             encoding="utf-8")
            timings["linkage_report"] = time.perf_counter() - t
            t = time.perf_counter()
        counts = finalize(workdir, results, rules)
        schema = _decisions_schema(workdir)
        digest = decisions_hash(results, schema)
        timings["finalize"] = time.perf_counter() - t
        timings["total"] = time.perf_counter() - t_start
        record = dict(run_id=run_id, as_of=spec.as_of.isoformat(), rules_hash=rules.book.content_hash,
                      dataset=source.describe(), dataset_hash=dataset_hash,
                      engine_version=engine_version(), programmes=rules.programmes,
                      partition_size=options.partition_size, workers=workers,
                      persons=persons, households=sum(r.households for r in results),
                      decisions=persons * len(rules.programmes), decisions_hash=digest,
                      counts=counts, timings=timings, warnings=source.warnings(spec.as_of))
        manifest = write_manifest(workdir, record, rules, results)
        fsync_tree(workdir)
        os.rename(workdir, final)   # the publication: atomic on one filesystem
        published = True
        fsync_tree(final, files=False)
        registry.complete(run_id, output_dir=str(final.resolve()), outputs=manifest["outputs"],
                          **{k: v for k, v in record.items()
                             if k in ("households", "decisions", "decisions_hash", "counts", "timings")})
    except BaseException as e:  # KeyboardInterrupt too: never leave a half-written run behind
        registry.fail(run_id, "".join(traceback.format_exception_only(e)).strip())
        shutil.rmtree(final if published else workdir, ignore_errors=True)
        raise
    return SweepRun(run_id, final, registry.get(run_id) or {}, manifest)


def _timed(job: Callable[[], T]) -> tuple[T, float]:
    t = time.perf_counter()
    return job(), time.perf_counter() - t


def _decisions_schema(workdir: Path) -> pl.Schema:
    files = sorted((workdir / "decisions").glob("*.parquet"))
    return pl.read_parquet_schema(files[0]) if files else pl.Schema()



