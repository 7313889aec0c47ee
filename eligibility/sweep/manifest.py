"""A run's manifest (manifest.json in the run folder): the run record, what every decision bit
means, which person_id range each decisions file holds, and the output files.
Also the engine version and the fsync helpers used before and after publication."""

from __future__ import annotations

import json
import os
import subprocess
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import polars as pl

from .partition import PartitionResult
from .spec import SweepRules

MANIFEST = "manifest.json"
REPO = Path(__file__).resolve().parents[2]


@cache
def engine_version() -> str:
    """Package version, git commit (+dirty) when run from a checkout, and polars version."""
    try:
        pkg = version("eligibility")
    except PackageNotFoundError:
        pkg = "unknown"
    commit = ""
    try:
        sha = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short=12", "HEAD"],
                             capture_output=True, text=True, timeout=5, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=5).stdout.strip()
        commit = f" git {sha}{'+dirty' if dirty else ''}"
    except (OSError, subprocess.SubprocessError):
        pass
    return f"eligibility {pkg}{commit}; polars {pl.__version__}"


def write_manifest(workdir: Path, record: dict[str, Any], rules: SweepRules,
                   results: list[PartitionResult]) -> dict[str, Any]:
    outputs = {p.stem if p.parent == workdir else p.parent.name: p.relative_to(workdir).as_posix()
               for p in sorted(workdir.glob("*.parquet"))}
    outputs["decisions"] = "decisions/"
    if (workdir / "linkage_report.json").exists():
        outputs["linkage_report"] = "linkage_report.json"
    manifest = {
        **record,
        "format": {
            "decisions": "wide: person_id, household_id, then <programme>:status (Int8: 1 eligible, "
                         "0 ineligible, 2 undetermined), <programme>:amount (Int64 won; on the payee "
                         "row for household programmes), <programme>:failed and <programme>:missing "
                         "(Int64 bit sets, meaning in `rules.programmes`)",
            "decisions_hash": "sha256 over the schema, row count and wrapping sum of polars row "
                              "hashes: independent of partitioning (docs/sweep.md)",
        },
        "rules": rules.compiled.manifest(),
        "partitions": [
            {"file": f"decisions/part-{r.index:05d}.parquet", "persons": r.persons,
             "households": r.households, "min_person_id": r.min_person_id,
             "max_person_id": r.max_person_id, "rows": r.rows,
             "seconds": {k: round(v, 3) for k, v in r.seconds.items()}}
            for r in sorted(results, key=lambda r: r.index)],
        "outputs": outputs,
        "bytes": sum(f.stat().st_size for f in workdir.rglob("*") if f.is_file()),
    }
    path = workdir / MANIFEST
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return manifest


def fsync_tree(root: Path, files: bool = True) -> None:
    """Flush files (then folders) to disk so a published run survives a power cut too."""
    paths = [p for p in root.rglob("*")] if files else []
    for p in paths:
        if p.is_file():
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    for d in [root, root.parent, *(p for p in paths if p.is_dir())]:
        fd = os.open(d, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
