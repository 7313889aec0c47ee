"""Same seed → byte-identical files; exact population size; chunking does not break links."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl
import pytest

from eligibility.records import Dataset
from synthetic_data import NoiseConfig, generate


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = generate(6_000, 11, tmp_path / "a", chunk_people=2_500)
    generate(6_000, 11, tmp_path / "b", chunk_people=2_500)
    assert a.chunks >= 2
    da, db = digests(tmp_path / "a"), digests(tmp_path / "b")
    assert da == db
    assert "manifest.json" in da and len(da) == 13
    c = generate(6_000, 12, tmp_path / "c", chunk_people=2_500)
    assert c.files["resident"]["sha256"] != a.files["resident"]["sha256"]


def test_manifest_hashes_match_files(tmp_path: Path) -> None:
    r = generate(3_000, 5, tmp_path / "d")
    for name, info in r.files.items():
        path = tmp_path / "d" / info["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == info["sha256"], name


@pytest.mark.parametrize("people", [1, 7, 2_501, 5_000])
def test_exact_size_and_ids(tmp_path: Path, people: int) -> None:
    generate(people, 3, tmp_path / "p", noise=NoiseConfig.none(), chunk_people=2_500)
    ds = Dataset.open(tmp_path / "p")
    res = ds.scan("resident").collect()
    assert res.height == people
    assert res["person_id"].to_list() == list(range(1, people + 1))
    # households are contiguous runs of ids and every one has members
    hh = res["household_id"]
    assert hh.is_sorted() and hh.min() == 1 and hh.n_unique() == hh.max()
    fam = ds.scan("family").collect()
    for col in ("spouse_id", "mother_id", "father_id"):
        linked = fam[col].drop_nulls()
        inside = linked.filter(linked < 8_000_000_000_000)  # outside: spouses abroad
        assert inside.is_in(res["person_id"].implode()).all(), col


def test_rejects_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="people must be at least 1"):
        generate(0, 1, tmp_path / "x")
    assert not (tmp_path / "x").exists()
    with pytest.raises(ValueError, match="no registry 'nonsense' can lose people"):
        NoiseConfig(missing={"nonsense": 0.1})
    with pytest.raises(ValueError, match=r"missing\['earnings'\] must be between 0 and 1"):
        NoiseConfig(missing={"earnings": 1.5})
    with pytest.raises(ValueError, match=r"orphan_rate\n.*rates are shares between 0 and 1"):
        NoiseConfig(orphan_rate=1.5)


def test_no_noise_means_clean(tmp_path: Path) -> None:
    r = generate(4_000, 9, tmp_path / "clean", noise=NoiseConfig.none())
    assert all(v == 0 for inj in r.injected.values() for v in inj.values())
    res = pl.read_parquet(tmp_path / "clean" / "resident.parquet")
    assert res["person_id"].is_unique().all()
