"""Bad input to the commands: a short message on stderr naming what is wrong, exit code 2,
never a traceback, and nothing created or lost on the way."""

from __future__ import annotations

from pathlib import Path

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
