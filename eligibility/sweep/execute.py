"""Running the partitions: in this process (polars already uses every core within a
partition) or in a pool of worker processes, each compiling the rules once and splitting the
cores between them. Partitions write their own files; only small results come back."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from ..allocator import JEMALLOC_CONF, WORKER_SECONDS, keep_freed_pages
from ..errors import EligibilityError
from .partition import PartitionResult, run_partition
from .plan import Partition
from .source import PersonSource
from .spec import RulesSpec, SweepRules


class WorkerLost(EligibilityError):
    """A worker died without a result (a signal, the kernel's out-of-memory killer)."""

    code = "worker_lost"


# Per worker process: compiled once by the initializer.
_WORKER: tuple[SweepRules, PersonSource, dt.date, Path, bool] | None = None


def _init_worker(spec: RulesSpec, source: PersonSource, workdir: Path, linkage: bool,
                 parent: int) -> None:
    """`parent`: the sweep's pid, given by the sweep (a worker asking os.getppid() once started
    would get 1 if the sweep was already killed, and then wait forever)."""
    global _WORKER
    # Ctrl-C in a terminal reaches the whole process group: the sweep cleans up and stops the
    # pool; a worker just ends (Python's handler would print a traceback in every worker). A
    # sweep started with SIGINT ignored (`&` in a script) passes that on: it stays ignored.
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _WORKER = (spec.compile(), source, spec.as_of, workdir, linkage)


def _exit_with_parent(parent: int) -> None:
    """A worker whose sweep was killed at once (SIGKILL: no clean-up) would wait for work
    forever: the workers share the queue's write end, so it never reads an end of file."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _work(part: Partition) -> PartitionResult:
    assert _WORKER is not None
    rules, source, as_of, workdir, linkage = _WORKER
    return run_partition(rules, source, as_of, part, workdir, linkage)


def execute(plan: list[Partition], rules: SweepRules, spec: RulesSpec, source: PersonSource,
            workdir: Path, workers: int, linkage: bool, tell: Callable[[str, int, int, int], None],
            on_partition: Callable[[PartitionResult], None] | None) -> list[PartitionResult]:
    """The partitions' results; with `linkage`, each counts its share of the linkage report."""
    results: list[PartitionResult] = []
    done_persons = 0
    tell("partitions", 0, len(plan), 0)

    def record(r: PartitionResult) -> None:
        nonlocal done_persons
        results.append(r)
        done_persons += r.persons
        if on_partition is not None:
            on_partition(r)
        tell("partitions", len(results), len(plan), done_persons)

    if workers <= 1 or len(plan) <= 1:
        for part in plan:
            record(run_partition(rules, source, spec.as_of, part, workdir, linkage))
        return results
    threads = max(1, (os.cpu_count() or 1) // workers)
    with _worker_environment(threads):
        pool = ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn"),
                                   initializer=_init_worker, initargs=(spec, source, workdir, linkage, os.getpid()))
        try:
            # at most 2 partitions queued per worker: bounded memory for the pickled plans
            pending: set[Future[PartitionResult]] = set()
            queue = list(plan)
            while queue or pending:
                while queue and len(pending) < 2 * workers:
                    pending.add(pool.submit(_work, queue.pop(0)))
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    try:
                        record(f.result())
                    except BrokenProcessPool:
                        raise WorkerLost("a worker process ended abruptly (killed, or out of "
                                         "memory): nothing is published") from None
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return results


@contextmanager
def _worker_environment(threads: int) -> Iterator[None]:
    """The environment the workers start with (read when a process starts): cores/N polars
    threads each, and freed memory kept for reuse (eligibility.allocator: a partition frees and
    allocates gigabytes; measured at 10M, the workers' part of the sweep 43 → 35 s)."""
    wanted = {"POLARS_MAX_THREADS": str(threads)}
    if JEMALLOC_CONF in os.environ:
        wanted[JEMALLOC_CONF] = os.environ[JEMALLOC_CONF]
    keep_freed_pages(WORKER_SECONDS, wanted)
    saved = {k: os.environ.get(k) for k in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
