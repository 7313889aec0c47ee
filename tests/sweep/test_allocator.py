"""The engine's processes keep freed memory for reuse (eligibility/allocator.py): the command
line sets it up before polars reads it, and sweep workers start with it. Without it the 10M
sweep took 68–71 s instead of 50–56 s (docs/benchmarks.md), and nothing else would show it."""

from __future__ import annotations

import os
import subprocess
import sys

from eligibility.allocator import (
    JEMALLOC_CONF,
    MAIN_SECONDS,
    WORKER_SECONDS,
    freed_pages_kept,
    keep_freed_pages,
)
from eligibility.sweep.execute import _worker_environment


def test_keep_freed_pages_adds_its_options_last_and_once() -> None:
    env: dict[str, str] = {}
    keep_freed_pages(30, env)
    assert env[JEMALLOC_CONF] == "dirty_decay_ms:30000,muzzy_decay_ms:30000"
    env = {JEMALLOC_CONF: "narenas:4"}      # options set by the user stay
    keep_freed_pages(5, env)
    keep_freed_pages(5, env)
    assert env[JEMALLOC_CONF] == f"narenas:4,{freed_pages_kept(5)}"


def test_the_command_line_configures_the_allocator_before_polars_is_imported() -> None:
    """jemalloc reads its options when polars is imported: after that, setting them is too late."""
    env = {k: v for k, v in os.environ.items() if k != JEMALLOC_CONF}
    code = ("import sys, os, eligibility.allocator as a\n"
            "keep = a.keep_freed_pages\n"
            "a.keep_freed_pages = lambda *args: (print('polars' in sys.modules), keep(*args))\n"
            "import eligibility.cli\n"
            "print(os.environ['_RJEM_MALLOC_CONF'])\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out[0] == "False"                     # called before any polars import
    assert out[1].endswith(freed_pages_kept(MAIN_SECONDS))   # and after polars' own defaults


def test_workers_start_with_it_and_the_environment_is_restored() -> None:
    before = dict(os.environ)
    with _worker_environment(1):
        assert os.environ[JEMALLOC_CONF].endswith(freed_pages_kept(WORKER_SECONDS))
        assert os.environ["POLARS_MAX_THREADS"] == "1"
    assert dict(os.environ) == before
