"""Shared fixtures: the repository's rulebook, and a small complete one for engine tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from eligibility.rulebook.loader import RULES_DIR, load_rulebook
from eligibility.rulebook.rulebook import Rulebook

FIXTURES = Path(__file__).parent / "fixtures"
MINI_RULES = FIXTURES / "mini_rules"


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    """The real rulebook in rules/."""
    return load_rulebook(RULES_DIR)


@pytest.fixture(scope="session")
def mini_book() -> Rulebook:
    return load_rulebook(MINI_RULES)


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
