"""Streaming Parquet output: one ParquetWriter per registry, a row group per chunk, and a
manifest with the seed, the noise rates, what was injected and each file's SHA-256.

Byte-identical output for the same seed relies on: no timestamps in the files or manifest,
fixed writer options, and a single writer thread per file fed in chunk order."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eligibility.records.schema import REGISTRIES

from .tables import arrow_schema

WRITE_OPTIONS: dict[str, Any] = {
    "compression": "zstd", "compression_level": 1, "use_dictionary": True,
    "write_statistics": True, "version": "2.6",
}
ROW_GROUP = 1_000_000


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 22):
            h.update(block)
    return h.hexdigest()


class DatasetWriter:
    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.rows: dict[str, int] = {}

    def write(self, name: str, table: pa.Table) -> None:
        w = self.writers.get(name)
        if w is None:
            schema = arrow_schema(REGISTRIES[name])
            w = pq.ParquetWriter(self.out / REGISTRIES[name].file, schema, **WRITE_OPTIONS)
            self.writers[name] = w
            self.rows[name] = 0
        w.write_table(table.cast(w.schema), row_group_size=ROW_GROUP)
        self.rows[name] += table.num_rows

    def close(self) -> dict[str, dict[str, Any]]:
        for w in self.writers.values():
            w.close()
        return {name: {"file": REGISTRIES[name].file, "rows": self.rows[name],
                       "sha256": sha256(self.out / REGISTRIES[name].file)}
                for name in sorted(self.writers)}


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True,
                                                  ensure_ascii=False) + "\n", encoding="utf-8")
