"""Benchmark of the whole sweep (linkage included) at 1M and 10M people: persons/s,
person-programme decisions/s, peak memory of the process tree, linkage time apart, and the
time extrapolated to the whole country (52M). Not a test.

    python -m bench.sweep                                   # 1M and 10M, data in /work/data
    python -m bench.sweep --people 1000000 --workers 2 --partition-size 500000
    python -m bench.sweep --people 10000000 --linkage-report   # the sweep's --linkage-report

Datasets are generated first if absent (synthetic_data, seed 7) into --data-root, outside git.
Each sweep runs in a child process; a monitor samples the RSS of the child and its workers
(psutil) every 0.1 s, so the peak is that of the whole process tree."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psutil

from bench.machine import machine

COUNTRY = 52_000_000


def label(n: int) -> str:
    return f"{n // 1_000_000}m" if n % 1_000_000 == 0 else f"{n // 1_000}k"


def ensure_dataset(root: Path, n: int, seed: int) -> Path:
    """root/<label>, generated unless there; a folder generated with other settings is
    refused, not benchmarked: its figures and hashes would not be those of the docs."""
    path = root / label(n)
    manifest = path / "manifest.json"
    if manifest.exists():
        made = json.loads(manifest.read_text(encoding="utf-8"))
        if (made.get("people"), made.get("seed")) != (n, seed):
            sys.exit(f"{path} holds {made.get('people')} people of seed {made.get('seed')}, not "
                     f"{n} of seed {seed}: move it away, or pass another --data-root")
        return path
    from synthetic_data.pipeline import generate

    t = time.perf_counter()
    generate(people=n, seed=seed, out=path)
    print(f"generated {n:,} people into {path} in {time.perf_counter() - t:.1f} s", flush=True)
    return path


def peak_tree_rss(proc: psutil.Process, stop: threading.Event, out: dict[str, int]) -> None:
    while not stop.is_set():
        try:
            tree = [proc, *proc.children(recursive=True)]
            out["peak"] = max(out.get("peak", 0), sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)


def sweep_once(data: Path, out: Path, args: argparse.Namespace) -> dict[str, Any]:
    """One sweep in a child process; its run record and the tree's peak RSS."""
    cmd = [sys.executable, "-m", "bench.sweep", "--child", str(data), "--out", str(out),
           "--as-of", args.as_of, "--partition-size", str(args.partition_size)]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    if args.linkage_report:
        cmd += ["--linkage-report"]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    stop, mem = threading.Event(), {}
    monitor = threading.Thread(target=peak_tree_rss, args=(psutil.Process(child.pid), stop, mem))
    monitor.start()
    stdout, _ = child.communicate()
    stop.set()
    monitor.join()
    if child.returncode:
        raise SystemExit(f"sweep failed ({child.returncode})")
    record = json.loads(stdout.strip().splitlines()[-1])
    record["peak_rss_bytes"] = mem.get("peak", 0)
    return record


def child(args: argparse.Namespace) -> None:
    import datetime as dt

    from eligibility.sweep import RulesSpec, SweepOptions, run_sweep
    from eligibility.sweep.dataset_source import open_source

    run = run_sweep(open_source(Path(args.child)), RulesSpec(None, dt.date.fromisoformat(args.as_of)),
                    SweepOptions(Path(args.out), args.partition_size, args.workers, args.linkage_report))
    print(json.dumps(run.record, default=str))


def figures(n: int, rec: dict[str, Any]) -> dict[str, Any]:
    t = rec["timings"]
    total = t["total"]
    k = len(rec["programmes"])
    linkage = t["plan"] + t.get("prepare", 0.0) + t["partitions_link"]
    return {"people": rec["persons"], "generated": n, "programmes": k, "partitions": None,
            "seconds": total, "persons_per_s": rec["persons"] / total,
            "decisions_per_s": rec["persons"] * k / total, "linkage_s": linkage,
            "plan_s": t["plan"], "shard_s": t.get("prepare", 0.0), "link_s": t["partitions_link"],
            "partitions_wall_s": t["partitions"], "compile_s": t["compile"],
            "evaluate_s": t["partitions_evaluate"], "write_s": t["partitions_write"],
            "finalize_s": t["finalize"], "dataset_hash_s": t["dataset_hash"],
            "linkage_counts_s": t.get("partitions_linkage_counts"),   # with --linkage-report
            "peak_rss_gb": rec["peak_rss_bytes"] / 1e9, "decisions_hash": rec["decisions_hash"],
            "run_id": rec["run_id"], "workers": rec["workers"]}


def report(rows: list[dict[str, Any]], args: argparse.Namespace) -> None:
    print(f"\nmachine: {machine()}; partition size {args.partition_size:,}, "
          f"workers {args.workers or 'auto'} (used: {', '.join(str(r['workers']) for r in rows)})")
    print("| people | seconds | persons/s | decisions/s | plan s | shard s | partitions s (wall) | "
          "… of which link / evaluate+lists / write (summed over partitions) | finalize s | peak RSS (tree) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for r in rows:
        print(f"| {r['people']:,} | {r['seconds']:.1f} | {r['persons_per_s']:,.0f} | {r['decisions_per_s']:,.0f} | "
              f"{r['plan_s']:.1f} | {r['shard_s']:.1f} | {r['partitions_wall_s']:.1f} | "
              f"{r['link_s']:.1f} / {r['evaluate_s']:.1f} / {r['write_s']:.1f} | {r['finalize_s']:.1f} | "
              f"{r['peak_rss_gb']:.2f} GB |")
    big = rows[-1]
    linear = big["seconds"] * COUNTRY / big["people"]
    print(f"\n52M extrapolated linearly from {big['people']:,}: {linear:,.0f} s ({linear / 60:.1f} min)")
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        slope = (b["seconds"] - a["seconds"]) / (b["people"] - a["people"])
        fixed = a["seconds"] - slope * a["people"]
        print(f"two-point fit {a['people']:,} → {b['people']:,}: {fixed:.1f} s + {slope * 1e6:.2f} s per million "
              f"people → 52M in {fixed + slope * COUNTRY:,.0f} s; seconds per person ratio "
              f"{(b['seconds'] / b['people']) / (a['seconds'] / a['people']):.2f} (1.00 = linear)")
        print(f"peak memory grows {b['peak_rss_gb'] / a['peak_rss_gb']:.2f}x for {b['people'] / a['people']:.0f}x "
              f"the people (bounded by the partition size)")
    print(json.dumps(rows, indent=1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, nargs="+", default=[1_000_000, 10_000_000])
    ap.add_argument("--data-root", type=Path, default=Path("/work/data"))
    ap.add_argument("--out", type=Path, default=None, help="runs folder (default DATA_ROOT/bench-runs)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--as-of", default="2026-03-01")
    ap.add_argument("--partition-size", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=None, help="default: auto (2 with 4 partitions or more)")
    ap.add_argument("--linkage-report", action="store_true",
                    help="also count the linkage report (partition by partition)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    out = args.out or args.data_root / "bench-runs"
    rows = []
    for n in args.people:
        data = ensure_dataset(args.data_root, n, args.seed)
        print(f"sweeping {data} ({n:,} people) …", flush=True)
        rows.append(figures(n, sweep_once(data, out, args)))
        r = rows[-1]
        counted = f", linkage report counted in {r['linkage_counts_s']:.1f} s" if r["linkage_counts_s"] else ""
        print(f"  {r['seconds']:.1f} s, {r['decisions_per_s']:,.0f} decisions/s, peak {r['peak_rss_gb']:.2f} GB"
              f"{counted}", flush=True)
    report(rows, args)


if __name__ == "__main__":
    main()
