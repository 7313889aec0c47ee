"""Benchmark the synthetic-registry generator (and optionally the linker).

    .venv/bin/python -m bench.generate --people 1000000 --out /tmp/bench1m
    .venv/bin/python -m bench.generate --link /tmp/bench1m      # time link_persons only

Prints seconds, people per second and the process's peak resident memory, plus the machine
and its load average (other processes on a 2-core box change the figures a lot).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from bench.machine import machine
from synthetic_data import generate
from synthetic_data.config import REFERENCE_DATE


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


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
