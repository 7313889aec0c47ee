"""Helpers shared by the command modules."""

from __future__ import annotations

import datetime as dt
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
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


def parse_date(value: str | None, option: str = "--as-of") -> dt.date | None:
    """The date given to `option`; a usage error naming the option otherwise (parsed in the
    command's body, where typer does not know which option a BadParameter is about)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        # 2026-02-30 has the right form: say why it is not a date
        why = f" ({e})" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else ""
        raise typer.BadParameter(f"'{value}' is not a valid YYYY-MM-DD date{why}",
                                 param_hint=f"'{option}'") from None


def load_or_exit(rules: Path, reforms: list[Path] | None = None) -> Rulebook:
    try:
        return load_rulebook(rules, reforms or ())
    except EligibilityError as e:
        err_console.print(str(e), markup=False, highlight=False)
        raise typer.Exit(2) from None


@contextmanager
def terminated_as_interrupt() -> Iterator[None]:
    """SIGTERM (a service manager stopping the command, `kill`) handled as Ctrl-C: a sweep's run
    is recorded as failed, its temporary folder removed and the workers stopped; a dataset being
    generated is removed. Python's default would end the process on the spot, leaving them."""
    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
