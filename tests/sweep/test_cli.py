"""The commands: sweep, runs, explain (agreeing with the sweep), demo, linkage."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from eligibility.cli import app
from eligibility.evaluation import STATUS_NAMES, decode_bits
from eligibility.records.report import linkage_report
from eligibility.sweep import RulesSpec, open_run
from eligibility.sweep.dataset_source import DatasetSource
from eligibility.sweep.why import explain_person

runner = CliRunner()
AS_OF = "2026-03-01"


@pytest.fixture(scope="module")
def swept(dataset: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("runs")
    result = runner.invoke(app, ["sweep", str(dataset), "--as-of", AS_OF, "--out", str(out),
                                 "--partition-size", "2000"])
    assert result.exit_code == 0, result.output
    assert "decisions hash" in result.output and "outreach" in result.output
    return out


def test_runs_lists_the_registry(swept: Path) -> None:
    result = runner.invoke(app, ["runs", "--out", str(swept)])
    assert result.exit_code == 0, result.output
    assert "complete" in result.output
    run_id = open_run(swept).path.name
    result = runner.invoke(app, ["runs", run_id, "--out", str(swept)])
    assert result.exit_code == 0, result.output
    for field in ("rules_hash", "dataset_hash", "engine_version", "decisions_hash", "output_dir"):
        assert field in result.output


def test_explain_agrees_with_the_sweep(dataset: Path, swept: Path) -> None:
    run = open_run(swept)
    decisions = run.decisions()
    sample: list[int] = decisions.sample(6, seed=3)["person_id"].to_list()
    for p in ("basic_pension", "blsa_livelihood", "child_allowance", "eitc"):
        for status in (0, 1, 2):   # every status of these programmes, where it occurs
            sample += decisions.filter(pl.col(f"{p}:status") == status).head(1)["person_id"].to_list()
    source = DatasetSource(dataset)
    compiled = RulesSpec(None, dt.date.fromisoformat(AS_OF)).compile().compiled
    people = sorted(set(sample))
    checked = 0
    for row in run.decisions(people).iter_rows(named=True):
        traces = explain_person(source, compiled, row["person_id"]).traces
        assert [t.programme for t in traces] == run.programmes, row["person_id"]   # every programme, once
        for t in traces:
            p, lay = t.programme, compiled.layout[t.programme]
            assert (t.status, t.amount, t.failed) == (
                STATUS_NAMES[row[f"{p}:status"]], row[f"{p}:amount"],
                decode_bits(row[f"{p}:failed"], lay.criteria)), (row["person_id"], p)
            assert t.missing == compiled.missing_inputs(p, row[f"{p}:missing"]), (row["person_id"], p)
            checked += 1
    assert checked == len(people) * len(run.programmes) and len(people) >= 6


def test_explain_command_prints_json_and_trees(dataset: Path, swept: Path) -> None:
    run = open_run(swept)
    row = pl.read_parquet(run.file("outreach"), n_rows=1).row(0, named=True)
    result = runner.invoke(app, ["explain", str(dataset), str(row["person_id"]), "--as-of", AS_OF,
                                 "--programme", row["programme"], "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    (decision,) = doc["decisions"]
    assert decision["status"] == "eligible" and decision["amount"] == row["amount"]
    result = runner.invoke(app, ["explain", str(dataset), str(row["person_id"]), "--as-of", AS_OF,
                                 "--programme", row["programme"]], env={"COLUMNS": "2000"})
    assert result.exit_code == 0, result.output
    # the tree's root: "<label> (<label ko>) for person <id>: eligible, amount <amount>"
    amount = "" if row["amount"] is None else f", amount {row['amount']:,}"
    root = f"{decision['label_en']} ({decision['label_ko']}) for person {row['person_id']}: eligible{amount}"
    # whitespace aside: the console's width is fixed when it is first made, which depends on
    # which test ran first in the process (COLUMNS here does not reach it then)
    assert " ".join(root.split()) in " ".join(result.output.split())
    assert "input, registry: " in result.output   # each input read names its registry
    missing = runner.invoke(app, ["explain", str(dataset), "999999999", "--as-of", AS_OF])
    assert missing.exit_code == 2 and "999999999 is not in" in missing.output
    assert "not in the resident registry" in missing.output


def test_explain_says_why_a_person_has_no_decision(dataset: Path) -> None:
    """A caseworker asking about someone who died is told so, with the date the registry holds."""
    residents = pl.read_parquet(dataset / "resident.parquet").filter(pl.len().over("person_id") == 1)
    dead = residents.filter(pl.col("death_date") <= dt.date.fromisoformat(AS_OF)).row(0, named=True)
    result = runner.invoke(app, ["explain", str(dataset), str(dead["person_id"]), "--as-of", AS_OF],
                           env={"COLUMNS": "2000"})
    assert result.exit_code == 2, result.output
    assert f"records a death on {dead['death_date']}" in result.output


def test_demo_generates_sweeps_and_says_where_to_look(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["demo", "--people", "3000", "--partition-size", "1000"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo_data" / "resident.parquet").exists()
    run = open_run(tmp_path / "runs")
    report = json.loads((run.path / "linkage_report.json").read_text())
    assert report["resident"]["living"] == run.manifest["persons"]
    assert "outreach.parquet" in result.output
    command = re.search(r"explain demo_data (\d+) --as-of 2026-03-01 --programme (\w+)", result.output)
    assert command, result.output
    again = runner.invoke(app, ["explain", "demo_data", command[1], "--as-of", AS_OF,
                                "--programme", command[2], "--json"])
    assert again.exit_code == 0 and json.loads(again.output)["decisions"][0]["status"] == "eligible"


def test_linkage_report_by_partition(dataset: Path) -> None:
    """`eligibility linkage` counts partition by partition (bounded memory) and gives the
    whole dataset's report."""
    whole = linkage_report(dataset, dt.date.fromisoformat(AS_OF))
    args = ["linkage", str(dataset), "--as-of", AS_OF, "--partition-size", "700"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == whole.model_dump(mode="json")
    shown = runner.invoke(app, args)
    assert shown.exit_code == 0 and f"{whole.resident.living:,} living" in shown.output
    bad = runner.invoke(app, ["linkage", str(dataset.parent), "--as-of", AS_OF])
    assert bad.exit_code == 2 and "file not found" in bad.output


def test_generate_into_a_new_or_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for out in (tmp_path / "new" / "data", tmp_path / "empty"):
        result = runner.invoke(app, ["generate", "--people", "300", "--seed", "3", "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert DatasetSource(out).describe()   # a whole dataset: every registry opens
        assert json.loads((out / "manifest.json").read_text())["people"] == 300
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "new"]   # no scratch folder left
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["data"]
    assert (tmp_path / "empty" / "resident.parquet").read_bytes() == (tmp_path / "new" / "data" / "resident.parquet").read_bytes()


def test_python_dash_m() -> None:
    """`python -m eligibility.cli` runs the command line (no installed script needed)."""
    import subprocess
    import sys

    root = Path(__file__).parents[2]
    result = subprocess.run([sys.executable, "-m", "eligibility.cli", "runs", "--help"], cwd=root,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Usage: eligibility runs" in result.stdout
