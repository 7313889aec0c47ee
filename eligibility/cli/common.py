"""Helpers shared by the command modules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.console import Console

from ..errors import EligibilityError
from ..rulebook.loader import RULES_DIR, load_rulebook
from ..rulebook.rulebook import Rulebook

console = Console()
err_console = Console(stderr=True)

RulesOption = typer.Option(RULES_DIR, "--rules", help="Rulebook folder.")
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
