"""Opening a dataset checks every registry file; errors name the file and the column."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest
from records_builders import Builder, person

from eligibility.records import Dataset, SchemaError
from eligibility.records.schema import REGISTRIES


def copy(ds: Dataset, tmp_path: Path) -> Path:
    out = tmp_path / "copy"
    shutil.copytree(ds.path, out)
    return out


def test_generated_dataset_opens(build: Builder) -> None:
    ds = build(resident=[person(1, 1)])
    assert ds.scan("resident").collect().height == 1


def test_missing_column_names_file_and_column(build: Builder, tmp_path: Path) -> None:
    root = copy(build(resident=[person(1, 1)]), tmp_path)
    pl.read_parquet(root / "earnings.parquet").drop("daily_work").write_parquet(root / "earnings.parquet")
    with pytest.raises(SchemaError) as e:
        Dataset.open(root)
    assert (e.value.file, e.value.column) == ("earnings.parquet", "daily_work")
    assert "earnings.parquet" in str(e.value) and "daily_work" in str(e.value)
    assert "missing" in str(e.value)


def test_wrong_dtype_names_file_column_and_types(build: Builder, tmp_path: Path) -> None:
    root = copy(build(resident=[person(1, 1)]), tmp_path)
    frame = pl.read_parquet(root / "property.parquet").with_columns(pl.col("home_value").cast(pl.Float64))
    frame.write_parquet(root / "property.parquet")
    with pytest.raises(SchemaError) as e:
        Dataset.open(root)
    assert (e.value.file, e.value.column) == ("property.parquet", "home_value")
    assert "Float64" in str(e.value) and "Int64" in str(e.value)


def test_missing_file_and_all_problems_listed(build: Builder, tmp_path: Path) -> None:
    root = copy(build(resident=[person(1, 1)]), tmp_path)
    (root / "consent.parquet").unlink()
    pl.read_parquet(root / "family.parquet").with_columns(pl.col("birth_order").cast(pl.Int64)) \
        .write_parquet(root / "family.parquet")
    with pytest.raises(SchemaError) as e:
        Dataset.open(root)
    text = str(e.value)
    assert "consent.parquet" in text and "file not found" in text
    assert "family.parquet: column 'birth_order'" in text
    assert len(e.value.problems) == 2


def test_content_hash_follows_the_files(build: Builder, tmp_path: Path) -> None:
    ds = build(resident=[person(1, 1)])
    root = copy(ds, tmp_path)
    assert Dataset.open(root).content_hash == ds.content_hash
    pl.DataFrame([person(2, 2)], schema=REGISTRIES["resident"].columns) \
        .write_parquet(root / "resident.parquet")
    assert Dataset.open(root).content_hash != ds.content_hash


def test_an_empty_resident_registry_is_rejected(build: Builder, tmp_path: Path) -> None:
    root = copy(build(resident=[person(1, 1)]), tmp_path)
    pl.DataFrame(schema=REGISTRIES["resident"].columns).write_parquet(root / "resident.parquet")
    with pytest.raises(SchemaError) as e:
        Dataset.open(root)
    assert (e.value.file, e.value.column) == ("resident.parquet", "person_id")
    assert "no rows" in str(e.value) and "resident registry" in str(e.value)


def test_a_resident_without_person_id_is_rejected_and_counted(build: Builder, tmp_path: Path) -> None:
    root = copy(build(resident=[person(1, 1), person(2, 1), person(3, 2)]), tmp_path)
    pl.read_parquet(root / "resident.parquet").with_columns(
        pl.when(pl.col("person_id") != 2).then(None).otherwise(pl.col("person_id")).alias("person_id")
    ).write_parquet(root / "resident.parquet")
    with pytest.raises(SchemaError) as e:
        Dataset.open(root)
    assert (e.value.file, e.value.column) == ("resident.parquet", "person_id")
    assert "null in 2 of 3 rows" in str(e.value)


def test_other_registries_may_be_empty(build: Builder) -> None:
    assert build(resident=[person(1, 1)]).scan("earnings").collect().height == 0
