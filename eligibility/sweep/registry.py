"""The run registry: one SQLite file (no server) next to the published runs.

A run row is inserted as `running` before any work, and marked `complete` only after its
outputs were published (renamed into place). A run whose process died while `running` is
found by `reconcile` (its pid is gone) and marked `interrupted` (runner.clean_stale then
removes its folders). Only `complete` rows point at outputs that may be used."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil

from ..errors import EligibilityError

REGISTRY_FILE = "registry.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id          TEXT PRIMARY KEY,
    status          TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed', 'interrupted')),
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    as_of           TEXT NOT NULL,
    rules_hash      TEXT NOT NULL,
    dataset         TEXT NOT NULL,
    dataset_hash    TEXT,
    engine_version  TEXT NOT NULL,
    programmes      TEXT NOT NULL,      -- JSON list
    partition_size  INTEGER,
    workers         INTEGER,
    persons         INTEGER,
    households      INTEGER,
    decisions       INTEGER,
    decisions_hash  TEXT,
    counts          TEXT,               -- JSON
    timings         TEXT,               -- JSON, seconds
    output_dir      TEXT,
    outputs         TEXT,               -- JSON: kind -> path relative to output_dir
    error           TEXT,
    host            TEXT NOT NULL,
    pid             INTEGER NOT NULL
);
"""
JSON_COLUMNS = ("programmes", "counts", "timings", "outputs")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class RegistryError(EligibilityError):
    """No run registry where one was asked for, or one cannot be made there."""

    code = "run_registry"


class RunRegistry:
    def __init__(self, root: Path, create: bool = True) -> None:
        """The registry in `root`. A sweep creates it (and the folder); a reader (create=False)
        must find it: a mistyped --out would otherwise leave an empty registry behind."""
        self.root = Path(root).resolve()
        self.path = self.root / REGISTRY_FILE
        if not create and not self.path.is_file():
            why = _file_in_the_way(self.root) or (
                f"no {REGISTRY_FILE} there (a sweep with --out {self.root} makes one)")
            raise RegistryError(f"no run registry at {self.root}: {why}")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with self.connect() as db:
                db.executescript(SCHEMA)
        except OSError as e:
            why = _file_in_the_way(self.root) or e.strerror or str(e)
            raise RegistryError(f"cannot keep runs in {self.root}: {why}") from None
        except sqlite3.DatabaseError as e:
            raise RegistryError(f"{self.path} is not a run registry ({e})") from None

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            with db:  # one transaction: committed on success, rolled back on error
                yield db
        finally:
            db.close()

    def start(self, run_id: str, **fields: Any) -> None:
        row = {"run_id": run_id, "status": "running", "started_at": now(),
               "host": socket.gethostname(), "pid": os.getpid(), **fields}
        self._insert(row)

    def _insert(self, row: dict[str, Any]) -> None:
        row = {k: json.dumps(v, ensure_ascii=False) if k in JSON_COLUMNS else v for k, v in row.items()}
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with self.connect() as db:
            db.execute(f"INSERT INTO runs ({cols}) VALUES ({marks})", tuple(row.values()))

    def update(self, run_id: str, **fields: Any) -> None:
        fields = {k: json.dumps(v, ensure_ascii=False) if k in JSON_COLUMNS else v for k, v in fields.items()}
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.connect() as db:
            db.execute(f"UPDATE runs SET {sets} WHERE run_id = ?", (*fields.values(), run_id))

    def complete(self, run_id: str, **fields: Any) -> None:
        self.update(run_id, status="complete", finished_at=now(), **fields)

    def fail(self, run_id: str, error: str) -> None:
        self.update(run_id, status="failed", finished_at=now(), error=error[:2000])

    def get(self, run_id: str) -> dict[str, Any] | None:
        rows = self._select("WHERE run_id = ?", (run_id,))
        return rows[0] if rows else None

    def runs(self, limit: int | None = None) -> list[dict[str, Any]]:
        return self._select("ORDER BY started_at DESC, run_id DESC" + (f" LIMIT {int(limit)}" if limit else ""), ())

    def latest_complete(self) -> dict[str, Any] | None:
        rows = self._select("WHERE status = 'complete' ORDER BY finished_at DESC, run_id DESC LIMIT 1", ())
        return rows[0] if rows else None

    def _select(self, tail: str, args: tuple[Any, ...]) -> list[dict[str, Any]]:
        with self.connect() as db:
            db.row_factory = sqlite3.Row
            rows = [dict(r) for r in db.execute(f"SELECT * FROM runs {tail}", args)]
        for r in rows:
            for k in JSON_COLUMNS:
                if r[k] is not None:
                    r[k] = json.loads(r[k])
        return rows

    def reconcile(self) -> list[str]:
        """Mark runs whose process is gone as interrupted; returns their ids."""
        host = socket.gethostname()
        gone = []
        for r in self._select("WHERE status = 'running'", ()):
            if r["host"] == host and not _alive(r["pid"], r["started_at"]):
                self.update(r["run_id"], status="interrupted", finished_at=now(),
                            error="the sweep process ended before the run was published")
                gone.append(r["run_id"])
        return gone


def check_place(root: Path) -> None:
    """The RegistryError a sweep into `root` would meet for a file in the way, raised before
    anything is made (the demo checks before it generates a dataset)."""
    root = Path(root).resolve()
    if why := _file_in_the_way(root):
        raise RegistryError(f"cannot keep runs in {root}: {why}")


def _file_in_the_way(folder: Path) -> str | None:
    """Says so when the folder, or the nearest of its parents that exists, is a file."""
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is None or existing.is_dir():
        return None
    return "it is a file, not a folder" if existing == folder else f"{existing} is a file, not a folder"


def _alive(pid: int, started_at: str) -> bool:
    """Is the process that started a run still running? (a reused pid started later)."""
    try:
        proc = psutil.Process(pid)
        started = dt.datetime.fromtimestamp(proc.create_time(), dt.UTC)
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False
    if proc.status() == psutil.STATUS_ZOMBIE:
        return False
    return started <= dt.datetime.fromisoformat(started_at) + dt.timedelta(seconds=1)
