"""Bad input to the commands: a short message on stderr naming what is wrong, exit code 2,
never a traceback, and nothing created or lost on the way."""

from __future__ import annotations

import errno
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner, Result

from eligibility.cli import app

runner = CliRunner()
AS_OF = "2026-03-01"
HOUSEHOLDS = Path(__file__).parents[1] / "fixtures" / "households" / "rules_sanity.yaml"


def fails(args: list[str], *says: str) -> Result:
    """Runs the command and checks that it was a clean user error (exit code 2, no traceback)
    whose stderr says each of `says`, whitespace aside (rich wraps long paths anywhere; typer's
    boxed usage errors follow COLUMNS)."""
    result = runner.invoke(app, args, env={"COLUMNS": "2000"})
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    said = "".join(result.stderr.split())
    for text in says:
        assert "".join(text.split()) in said, (text, result.stderr)
    return result


@pytest.mark.parametrize("command", [
    ["rules", "check"],
    ["evaluate", str(HOUSEHOLDS), "--as-of", AS_OF],
    ["sweep", "{data}", "--as-of", AS_OF, "--out", "{tmp}/runs"],
    ["explain", "{data}", "1", "--as-of", AS_OF],
    ["demo", "--data", "{data}", "--out", "{tmp}/runs"],
])
def test_a_rules_folder_that_does_not_exist(command: list[str], dataset: Path, tmp_path: Path) -> None:
    args = [a.format(data=dataset, tmp=tmp_path) for a in command]
    fails([*args, "--rules", str(tmp_path / "no-rules")], "--rules", f"{tmp_path / 'no-rules'}", "does not exist")
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize("out", ["afile", "afile/sub"])
def test_sweep_out_under_a_file(out: str, dataset: Path, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    result = fails(["sweep", str(dataset), "--as-of", AS_OF, "--out", str(tmp_path / out)],
                   f"cannot keep runs in {tmp_path / out}", "is a file, not a folder")
    assert (tmp_path / "afile").read_text() == "not a folder"
    assert "planning" not in result.stderr   # said at once, not under a progress bar


@pytest.mark.parametrize("out", ["afile", "afile/sub"])
def test_runs_out_under_a_file(out: str, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    fails(["runs", "--out", str(tmp_path / out)], f"no run registry at {tmp_path / out}",
          "is a file, not a folder")


def test_runs_where_there_is_no_registry_creates_nothing(tmp_path: Path) -> None:
    fails(["runs", "--out", str(tmp_path / "nowhere")], f"no run registry at {tmp_path / 'nowhere'}")
    assert not (tmp_path / "nowhere").exists()
    (tmp_path / "empty").mkdir()
    fails(["runs", "some-run", "--out", str(tmp_path / "empty")], "no registry.sqlite there")
    assert list((tmp_path / "empty").iterdir()) == []


def test_runs_on_a_file_that_is_not_a_registry(tmp_path: Path) -> None:
    (tmp_path / "registry.sqlite").write_text("hello")
    fails(["runs", "--out", str(tmp_path)], f"{tmp_path / 'registry.sqlite'} is not a run registry")


@pytest.mark.parametrize("command", ["sweep", "linkage", "explain"])
def test_a_resident_registry_empty_or_without_ids(command: str, dataset: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(dataset, data)
    resident = pl.read_parquet(data / "resident.parquet")
    extra = ["1"] if command == "explain" else []
    args = [command, str(data), *extra, "--as-of", AS_OF, *(["--out", str(tmp_path / "runs")] if command == "sweep" else [])]
    resident.head(0).write_parquet(data / "resident.parquet")
    fails(args, "resident.parquet: column 'person_id': no rows")
    resident.with_columns(pl.when(pl.int_range(pl.len()) < 3).then(None).otherwise(pl.col("person_id"))
                          .alias("person_id")).write_parquet(data / "resident.parquet")
    fails(args, f"resident.parquet: column 'person_id': null in 3 of {resident.height:,} rows")
    assert not (tmp_path / "runs").exists()


def test_demo_never_generates_over_a_folder_it_cannot_open(dataset: Path, tmp_path: Path) -> None:
    data = tmp_path / "extract"
    shutil.copytree(dataset, data)
    pl.read_parquet(data / "earnings.parquet").drop("other").write_parquet(data / "earnings.parquet")
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    fails(["demo", "--data", str(data), "--people", "500", "--out", str(tmp_path / "runs")],
          "earnings.parquet: column 'other': missing", "new or empty folder")
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
    fails(["evaluate", str(tmp_path / "h.yaml")], f"{tmp_path / expected}")


def test_evaluate_a_household_file_that_breaks_the_format(tmp_path: Path) -> None:
    (tmp_path / "h.yaml").write_text(
        "households:\n  - id: kim\n    members:\n      - id: kim-1\n        relation_to_head: head\n"
        "        spouse: kim-9\n", encoding="utf-8")
    fails(["evaluate", str(tmp_path / "h.yaml"), "--as-of", AS_OF],
          f"{tmp_path}/h.yaml:6: household 'kim', member 'kim-1': field 'spouse': no member 'kim-9' in the file")


def test_generate_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    fails(["generate", "--people", "10", "--out", str(tmp_path / "afile" / "sub")],
          f"cannot write the dataset to {tmp_path / 'afile' / 'sub'}: Not a directory")


@pytest.mark.parametrize("command", [
    ["evaluate", str(HOUSEHOLDS)],
    ["sweep", "{data}", "--out", "{tmp}/runs"],
    ["explain", "{data}", "1"],
    ["linkage", "{data}"],
])
@pytest.mark.parametrize(("text", "why"), [
    ("2026-02-30", "'2026-02-30' is not a valid YYYY-MM-DD date (day is out of range for month)"),
    ("26-03-01", "'26-03-01' is not a valid YYYY-MM-DD date"),
])
def test_an_as_of_that_is_not_a_date_names_the_option(command: list[str], text: str, why: str,
                                                        dataset: Path, tmp_path: Path) -> None:
    args = [a.format(data=dataset, tmp=tmp_path) for a in command]
    fails([*args, "--as-of", text], f"Invalid value for '--as-of': {why}")
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize("features", ["nowhere", "afile"])
def test_rules_check_with_a_features_folder_that_is_not_there(features: str, tmp_path: Path) -> None:
    """Otherwise the check reports "0 of N criteria have BDD scenarios" and succeeds."""
    (tmp_path / "afile").write_text("not a folder")
    fails(["rules", "check", "--features", str(tmp_path / features)], "--features", str(tmp_path / features))


def test_demo_data_that_is_a_file(tmp_path: Path) -> None:
    """Said as such: not "dataset folder not found", nor advice to delete the file."""
    (tmp_path / "afile").write_text("not a folder")
    fails(["demo", "--data", str(tmp_path / "afile"), "--people", "500", "--out", str(tmp_path / "runs")],
          "Invalid value for '--data'", f"{tmp_path / 'afile'}' is a file")
    assert (tmp_path / "afile").read_text() == "not a folder"
    assert not (tmp_path / "runs").exists()


def interrupt_while_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C after the registries' files are written, before the dataset's manifest."""
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("synthetic_data.pipeline.write_manifest", interrupted)


@pytest.mark.parametrize("command", [
    ["generate", "--people", "300", "--out", "{tmp}/data"],
    ["demo", "--people", "300", "--data", "{tmp}/data", "--out", "{tmp}/runs"],
])
def test_generating_interrupted_leaves_no_half_written_dataset(command: list[str], tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    interrupt_while_writing(monkeypatch)
    result = runner.invoke(app, [a.format(tmp=tmp_path) for a in command], env={"COLUMNS": "2000"})
    assert result.exit_code == 130, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    assert f"interrupted: nothing written to {tmp_path / 'data'}" in "".join(result.stderr.split("\n"))
    assert list(tmp_path.iterdir()) == []   # no dataset, no hidden scratch folder, no runs


def test_generate_never_writes_over_a_folder_with_files(dataset: Path, tmp_path: Path) -> None:
    data = tmp_path / "extract"
    shutil.copytree(dataset, data)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    fails(["generate", "--people", "300", "--out", str(data)], f"{data} is not empty", "new or empty folder")
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["extract"]


@pytest.mark.parametrize("command", [
    ["sweep", "{data}", "--as-of", AS_OF, "--out", "{tmp}/runs"],
    ["demo", "--data", "{data}", "--out", "{tmp}/runs"],
])
def test_ctrl_c_during_a_sweep_and_again_during_its_clean_up(command: list[str], dataset: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """One Ctrl-C can raise KeyboardInterrupt twice (polars raises its own from a query, then
    Python's handler runs): the second lands in the runner's clean-up. The run is still recorded
    as failed and its temporary folder removed, as the message says."""
    from eligibility.sweep.registry import RunRegistry

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("eligibility.sweep.runner.finalize", interrupted)
    fail, calls = RunRegistry.fail, []

    def fail_interrupted_once(self: RunRegistry, run_id: str, error: str) -> None:
        calls.append(run_id)
        if len(calls) == 1:
            raise KeyboardInterrupt
        fail(self, run_id, error)

    monkeypatch.setattr(RunRegistry, "fail", fail_interrupted_once)
    result = runner.invoke(app, [a.format(data=dataset, tmp=tmp_path) for a in command], env={"COLUMNS": "2000"})
    assert result.exit_code == 130, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    assert "interrupted: nothing published; the run is recorded as failed" in result.stderr
    (row,) = RunRegistry(tmp_path / "runs", create=False).runs()
    assert (row["status"], row["error"]) == ("failed", "KeyboardInterrupt")
    assert [p.name for p in (tmp_path / "runs").iterdir()] == ["registry.sqlite"]


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_runs_limit_below_one(limit: str, tmp_path: Path) -> None:
    """Not "every run" (what --limit 0 and -1 listed)."""
    from eligibility.sweep.registry import RunRegistry

    RunRegistry(tmp_path)
    fails(["runs", "--out", str(tmp_path), "--limit", limit], "Invalid value for '--limit'")


@pytest.mark.parametrize(("args", "says"), [
    (["--programmes", "basic_pensoin"], ["error[unknown_programme]", "unknown programme(s): basic_pensoin",
                                         "known: basic_pension,"]),
    (["--as-of", "1990-01-01"], ["error[no_value]", "has no value on 1990-01-01"]),
])
def test_rules_that_do_not_compile_leave_out_as_it_was(args: list[str], says: list[str], dataset: Path,
                                                       tmp_path: Path) -> None:
    """A misspelt programme or a date no parameter covers is said before anything is made."""
    fails(["sweep", str(dataset), "--as-of", AS_OF, *args, "--out", str(tmp_path / "runs")], *says)
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize(("person", "says"), [("99999999999999999999999", "out of the range"),
                                              ("1_000", "is not a number"), ("1e3", "is not a number")])
def test_explain_a_person_id_the_records_cannot_hold(person: str, says: str, dataset: Path) -> None:
    fails(["explain", str(dataset), person, "--as-of", AS_OF], says)


def test_demo_with_runs_under_a_file_generates_nothing(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    fails(["demo", "--data", str(tmp_path / "data"), "--people", "500", "--out", str(tmp_path / "afile" / "runs")],
          f"cannot keep runs in {tmp_path / 'afile' / 'runs'}", "is a file, not a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_generate_stopped_by_sigterm_leaves_nothing(tmp_path: Path) -> None:
    """A service manager stopping `generate` (SIGTERM) is handled as Ctrl-C: no dataset and no
    hidden scratch folder are left behind."""
    out = tmp_path / "data"
    child = subprocess.Popen([sys.executable, "-m", "eligibility.cli", "generate", "--people", "400000",
                              "--out", str(out)], stderr=subprocess.PIPE, cwd=tmp_path)
    deadline = time.time() + 120
    while not any(tmp_path.glob(".gen-data-*/*.parquet")):   # writing its registries
        assert child.poll() is None and time.time() < deadline, "generate ended before it could be stopped"
        time.sleep(0.05)
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 130 and b"interrupted: nothing written to" in stderr, stderr
    assert list(tmp_path.iterdir()) == []


def test_a_dataset_that_cannot_be_put_in_place_is_a_clear_error(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """e.g. --out an empty mount point of another filesystem: the rename fails (EBUSY, EXDEV)."""
    def busy(*args: object) -> None:
        raise OSError(errno.EBUSY, "Device or resource busy")

    (tmp_path / "data").mkdir()
    monkeypatch.setattr("eligibility.cli.data.os.rename", busy)
    fails(["generate", "--people", "300", "--out", str(tmp_path / "data")],
          f"cannot put the dataset in place at {tmp_path / 'data'}: Device or resource busy")
    assert [p.name for p in tmp_path.iterdir()] == ["data"] and not any((tmp_path / "data").iterdir())


def test_ctrl_c_before_a_run_is_started_says_so(dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the rules compile (before the registry is opened): no run to record."""
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("eligibility.sweep.spec.RulesSpec.compile", interrupted)
    result = runner.invoke(app, ["sweep", str(dataset), "--as-of", AS_OF, "--out", str(tmp_path / "runs")],
                           env={"COLUMNS": "2000"})
    assert result.exit_code == 130 and "Traceback" not in result.output
    assert "interrupted: nothing published; no run was started" in result.stderr
    assert not (tmp_path / "runs").exists()
