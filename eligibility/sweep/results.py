"""Reading a published run: its manifest, one person's decisions (without reading the whole
run: the manifest says which file holds a person_id range, and row-group statistics do the
rest), and the long view of decisions (one row per person and programme)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from ..errors import EligibilityError
from .manifest import MANIFEST
from .registry import RunRegistry
from .spec import DECISION_FIELDS


class RunNotFound(EligibilityError):
    pass


@dataclass
class PublishedRun:
    path: Path
    manifest: dict[str, Any]

    @property
    def programmes(self) -> list[str]:
        return list(self.manifest["programmes"])

    def file(self, kind: str) -> Path:
        return self.path / self.manifest["outputs"][kind]

    def decision_files(self, person_ids: list[Any] | None = None) -> list[Path]:
        parts = self.manifest["partitions"]
        if person_ids is not None:  # only files whose range can hold one of the ids
            parts = [p for p in parts if p["persons"] and any(
                p["min_person_id"] <= i <= p["max_person_id"] for i in person_ids)]
        return [self.path / p["file"] for p in parts]

    def decisions(self, person_ids: list[Any] | None = None) -> pl.DataFrame:
        """Wide decisions, sorted by person_id; only the given people when asked."""
        files = self.decision_files(person_ids)
        if not files:
            return pl.DataFrame()
        lf = pl.scan_parquet(files)
        if person_ids is not None:
            lf = lf.filter(pl.col("person_id").is_in(person_ids))
        return lf.sort("person_id").collect()

    def long(self, person_ids: list[Any] | None = None) -> pl.DataFrame:
        """One row per person and programme: person_id, programme, status, amount, failed, missing."""
        wide = self.decisions(person_ids)
        return pl.concat([
            wide.select("person_id", pl.lit(p).alias("programme"),
                        *(pl.col(f"{p}:{f}").alias(f) for f in DECISION_FIELDS))
            for p in self.programmes]).sort("person_id", "programme")


def open_run(out: Path, run_id: str | None = None) -> PublishedRun:
    """A complete run from the registry under `out` (the latest when no id is given). A reader:
    no registry there is a RegistryError, and none is made."""
    registry = RunRegistry(out, create=False)
    row = registry.get(run_id) if run_id else registry.latest_complete()
    if row is None:
        raise RunNotFound(f"no {'run ' + run_id if run_id else 'complete run'} in {registry.path}")
    if row["status"] != "complete":
        raise RunNotFound(f"run {row['run_id']} is {row['status']}, not complete: its outputs are not used")
    path = Path(row["output_dir"])
    return PublishedRun(path, json.loads((path / MANIFEST).read_text(encoding="utf-8")))
