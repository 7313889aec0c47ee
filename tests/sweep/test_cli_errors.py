"""Bad input to the commands: a short message on stderr naming what is wrong, exit code 2,
never a traceback, and nothing created or lost on the way."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from eligibility.cli import app

runner = CliRunner()
AS_OF = "2026-03-01"
HOUSEHOLDS = Path(__file__).parents[1] / "fixtures" / "households" / "rules_sanity.yaml"


def fails(args: list[str]) -> str:
    """The command's stderr, after checking that it was a clean user error (exit code 2)."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    return " ".join(result.stderr.split())  # rich wraps long lines: compare words


@pytest.mark.parametrize("command", [
    ["rules", "check"],
    ["evaluate", str(HOUSEHOLDS), "--as-of", AS_OF],
    ["sweep", "{data}", "--as-of", AS_OF, "--out", "{tmp}/runs"],
    ["explain", "{data}", "1", "--as-of", AS_OF],
    ["demo", "--data", "{data}", "--out", "{tmp}/runs"],
])
def test_a_rules_folder_that_does_not_exist(command: list[str], dataset: Path, tmp_path: Path) -> None:
    args = [a.format(data=dataset, tmp=tmp_path) for a in command]
    err = fails([*args, "--rules", str(tmp_path / "no-rules")])
    assert "--rules" in err and "no-rules" in err and "does not exist" in err
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize("out", ["afile", "afile/sub"])
def test_sweep_out_under_a_file(out: str, dataset: Path, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    err = fails(["sweep", str(dataset), "--as-of", AS_OF, "--out", str(tmp_path / out)])
    assert f"{tmp_path / 'afile'}" in err and "is a file, not a folder" in err
    assert (tmp_path / "afile").read_text() == "not a folder"


@pytest.mark.parametrize("out", ["afile", "afile/sub"])
def test_runs_out_under_a_file(out: str, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    err = fails(["runs", "--out", str(tmp_path / out)])
    assert f"no run registry at {tmp_path / out}" in err and "is a file, not a folder" in err


def test_runs_where_there_is_no_registry_creates_nothing(tmp_path: Path) -> None:
    err = fails(["runs", "--out", str(tmp_path / "nowhere")])
    assert f"no run registry at {tmp_path / 'nowhere'}" in err
    assert not (tmp_path / "nowhere").exists()
    (tmp_path / "empty").mkdir()
    assert "no registry.sqlite there" in fails(["runs", "some-run", "--out", str(tmp_path / "empty")])
    assert list((tmp_path / "empty").iterdir()) == []


def test_runs_on_a_file_that_is_not_a_registry(tmp_path: Path) -> None:
    (tmp_path / "registry.sqlite").write_text("hello")
    assert "registry.sqlite is not a run registry" in fails(["runs", "--out", str(tmp_path)])


@pytest.mark.parametrize("command", ["sweep", "linkage", "explain"])
def test_a_resident_registry_empty_or_without_ids(command: str, dataset: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(dataset, data)
    resident = pl.read_parquet(data / "resident.parquet")
    extra = ["1"] if command == "explain" else []
    args = [command, str(data), *extra, "--as-of", AS_OF, *(["--out", str(tmp_path / "runs")] if command == "sweep" else [])]
    resident.head(0).write_parquet(data / "resident.parquet")
    err = fails(args)
    assert "resident.parquet: column 'person_id': no rows" in err
    resident.with_columns(pl.when(pl.int_range(pl.len()) < 3).then(None).otherwise(pl.col("person_id"))
                          .alias("person_id")).write_parquet(data / "resident.parquet")
    err = fails(args)
    assert f"resident.parquet: column 'person_id': null in 3 of {resident.height:,} rows" in err
    assert not (tmp_path / "runs").exists()


def test_demo_never_generates_over_a_folder_it_cannot_open(dataset: Path, tmp_path: Path) -> None:
    data = tmp_path / "extract"
    shutil.copytree(dataset, data)
    pl.read_parquet(data / "earnings.parquet").drop("other").write_parquet(data / "earnings.parquet")
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    err = fails(["demo", "--data", str(data), "--people", "500", "--out", str(tmp_path / "runs")])
    assert "earnings.parquet: column 'other': missing" in err and "new or empty folder" in err
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize(("text", "expected"), [
    ("as_of: 2026-03-01\nhouseholds:\n  - id: kim\n    members:\n      - id: kim-1\n        birth_date: 2026-02-30\n",
     "h.yaml:6: household 'kim', member 'kim-1': field 'birth_date': '2026-02-30' is not a valid YYYY-MM-DD date"),
    ("as_of: yesterday\nhouseholds:\n  - id: kim\n    members:\n      - id: kim-1\n",
     "h.yaml:1: field 'as_of': 'yesterday' is not a valid YYYY-MM-DD date"),
])
def test_evaluate_an_invalid_date(text: str, expected: str, tmp_path: Path) -> None:
    (tmp_path / "h.yaml").write_text(text, encoding="utf-8")
    assert expected in fails(["evaluate", str(tmp_path / "h.yaml")])


def test_evaluate_a_household_file_that_breaks_the_format(tmp_path: Path) -> None:
    (tmp_path / "h.yaml").write_text(
        "households:\n  - id: kim\n    members:\n      - id: kim-1\n        relation_to_head: head\n"
        "        spouse: kim-9\n", encoding="utf-8")
    err = fails(["evaluate", str(tmp_path / "h.yaml"), "--as-of", AS_OF])
    assert "h.yaml:6: household 'kim', member 'kim-1': field 'spouse': no member 'kim-9' in the file" in err
