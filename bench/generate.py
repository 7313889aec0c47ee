"""Benchmark the synthetic-registry generator (and optionally the linker).

    .venv/bin/python bench/generate.py --people 1000000 --out /tmp/bench1m
    .venv/bin/python bench/generate.py --link /tmp/bench1m      # time link_persons only

Prints seconds, people per second and the process's peak resident memory, plus the machine
and its load average (other processes on a 2-core box change the figures a lot).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic_data import generate  # noqa: E402
from synthetic_data.config import REFERENCE_DATE  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    except OSError:
        mem = float("nan")
    load = os.getloadavg()
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GB RAM, Python {platform.python_version()}, "
            f"load average {load[0]:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--people", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="dataset folder (default: a temporary folder, deleted)")
    ap.add_argument("--link", type=Path, help="time link_persons on this dataset instead")
    args = ap.parse_args()
    print("machine:", machine())
    if args.link:
        from eligibility.records import link_persons
        t = time.perf_counter()
        frame = link_persons(args.link, REFERENCE_DATE)
        s = time.perf_counter() - t
        print(f"linked {frame.height:,} persons in {s:.1f} s ({frame.height / s:,.0f} persons/s), "
              f"peak RSS {peak_rss_mb():,.0f} MB")
        return
    out = args.out or Path(tempfile.mkdtemp(prefix="gen-bench-")) / "ds"
    t = time.perf_counter()
    report = generate(args.people, args.seed, out)
    s = time.perf_counter() - t
    size = sum(f.stat().st_size for f in out.iterdir()) / 1e6
    print(f"generated {report.people:,} people ({report.households:,} households, "
          f"{report.chunks} chunks) in {s:.1f} s: {report.people / s:,.0f} people/s, "
          f"peak RSS {peak_rss_mb():,.0f} MB, {size:,.0f} MB on disk")
    print("rows:", {k: v["rows"] for k, v in report.files.items()})
    if args.out is None:
        shutil.rmtree(out.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
