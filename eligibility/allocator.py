"""How long the engine's processes keep memory they have freed.

polars' allocator (jemalloc) hands freed pages back to the OS within 0.5–1 s (polars sets this
when it is imported). A sweep frees and re-allocates gigabytes at every step of every
partition, and the kernel then zeroes each page again when it is touched: a quarter of a 10M
sweep's CPU time was system time (measured: 37 of 137 s). Pages kept longer are reused instead:
30 s in the sweep workers (longer than a partition takes), 15 s in the command's own process,
which holds the plan while the workers run and whose peak adds to theirs (30 s there took the
52M sweep over 12 GB; with 5 s the workers evaluated ~26% slower, for a reason not found). When
this was introduced the 52M sweep went from 387–409 s to 289–296 s (docs/benchmarks.md has the
steps since).

jemalloc reads its options when polars is imported (from `_RJEM_MALLOC_CONF`, polars' defaults
first: later options win), so `keep_freed_pages` must run before that, in the environment of the
process itself (the command line does it first thing) or of a process about to start (sweep
workers). No polars import here."""

from __future__ import annotations

import os
from collections.abc import MutableMapping

JEMALLOC_CONF = "_RJEM_MALLOC_CONF"
WORKER_SECONDS = 30   # a sweep worker: longer than a partition takes
MAIN_SECONDS = 15     # the command's own process: it holds the plan while the workers run


def freed_pages_kept(seconds: int) -> str:
    return f"dirty_decay_ms:{seconds * 1000},muzzy_decay_ms:{seconds * 1000}"


def keep_freed_pages(seconds: int, environ: MutableMapping[str, str] = os.environ) -> None:
    """Add freed_pages_kept(seconds) to the jemalloc options in `environ`; other options set
    there stay (the last value of an option wins)."""
    keep = freed_pages_kept(seconds)
    current = environ.get(JEMALLOC_CONF)
    if current is None or not current.endswith(keep):
        environ[JEMALLOC_CONF] = f"{current},{keep}" if current else keep
