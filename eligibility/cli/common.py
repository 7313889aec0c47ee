"""Helpers shared by the command modules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..errors import EligibilityError
from ..rulebook.loader import load_rulebook
from ..rulebook.rulebook import Rulebook

console = Console()
err_console = Console(stderr=True)

# Checked here too, not only by the loader: a sweep would otherwise create its --out folder
# before finding that the rules are not there.
Rules = Annotated[Path, typer.Option("--rules", exists=True, file_okay=False, help="Rulebook folder.")]
ReformOption = typer.Option(None, "--reform", help="Reform file(s) overlaid on the rulebook (rulebook/overlay.py).")


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a YYYY-MM-DD date") from None


def load_or_exit(rules: Path, reforms: list[Path] | None = None) -> Rulebook:
    try:
        return load_rulebook(rules, reforms or ())
    except EligibilityError as e:
        err_console.print(str(e), markup=False, highlight=False)
        raise typer.Exit(2) from None
