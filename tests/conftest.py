"""Shared fixtures: the repository's rulebook, and a small complete one for engine tests."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from eligibility.backends.to_polars import PolarsCompiler
from eligibility.errors import Location
from eligibility.expr.parser import parse
from eligibility.expr.typecheck import Checker
from eligibility.rulebook.loader import RULES_DIR, load_rulebook
from eligibility.rulebook.rulebook import Expr, Rulebook

FIXTURES = Path(__file__).parent / "fixtures"
MINI_RULES = FIXTURES / "mini_rules"


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    """The real rulebook in rules/."""
    return load_rulebook(RULES_DIR)


@pytest.fixture(scope="session")
def mini_book() -> Rulebook:
    return load_rulebook(MINI_RULES)


@pytest.fixture(scope="session")
def values_of(mini_book: Rulebook) -> Callable[..., list[object]]:
    """values_of(text, frame, as_of=2026-03-01): one expression of the rule language, checked
    and compiled against the mini rulebook, evaluated on every row of `frame`."""
    def run(text: str, frame: pl.DataFrame, as_of: dt.date = dt.date(2026, 3, 1)) -> list[object]:
        where = Location("test", 1, 1, text=text)
        expr = Expr(parse(text, where, frozenset(mini_book.units)), where, text)
        Checker(mini_book).check(expr, None, "test")
        compiled = PolarsCompiler(mini_book, as_of).compile(expr)
        return frame.with_columns(compiled.alias("out"))["out"].to_list()
    return run


@pytest.fixture
def edited_rules(tmp_path: Path) -> Callable[[str, str, str], Path]:
    """A copy of the mini rulebook with one file's text replaced: edit(file, old, new)."""
    root = tmp_path / "rules"
    shutil.copytree(MINI_RULES, root)

    def edit(file: str, old: str, new: str) -> Path:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return root

    return edit
