"""The sweep benchmark reuses a generated dataset folder only when it is the one asked for:
figures and decision hashes in docs/benchmarks.md are for seed 7, and a folder of another seed
or size at the same path would give other figures without a word."""

import json
from pathlib import Path

import pytest

from bench.sweep import ensure_dataset


def _folder(root: Path, people: int, seed: int) -> None:
    (root / "1m").mkdir()
    (root / "1m" / "manifest.json").write_text(json.dumps({"people": people, "seed": seed}))


def test_the_dataset_asked_for_is_reused(tmp_path: Path) -> None:
    _folder(tmp_path, 1_000_000, 7)
    assert ensure_dataset(tmp_path, 1_000_000, 7) == tmp_path / "1m"


@pytest.mark.parametrize(("people", "seed"), [(1_000_000, 1), (999_999, 7)])
def test_a_dataset_made_otherwise_is_refused(tmp_path: Path, people: int, seed: int) -> None:
    _folder(tmp_path, people, seed)
    with pytest.raises(SystemExit, match="seed"):
        ensure_dataset(tmp_path, 1_000_000, 7)
