"""What machine a benchmark ran on, printed with its figures (the same command gives other
figures elsewhere, and on a busy 2-core box)."""

from __future__ import annotations

import os
import platform
from pathlib import Path

import polars as pl


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    """e.g. 'AMD EPYC …, 2 cores, 24 GB RAM, Python 3.11.7, polars 2.1.0, load average 0.4'."""
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return (f"{cpu_model()}, {os.cpu_count()} cores, {mem:.0f} GB RAM, Python {platform.python_version()}, "
            f"polars {pl.__version__}, load average {os.getloadavg()[0]:.1f}")
