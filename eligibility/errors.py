"""The single error hierarchy. Every rule error says where (file, line, column), in which
programme and criterion, shows the offending text with a caret, and suggests a fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """Where a piece of rule text sits: the file, the 1-based line and column of its start,
    and which programme / criterion / field it belongs to."""

    file: str
    line: int = 0
    column: int = 0
    programme: str | None = None
    criterion: str | None = None
    field: str | None = None
    text: str | None = None  # the expression or line, for the caret excerpt

    def shifted(self, line_offset: int, column: int) -> Location:
        """The location of a position inside `text` (0-based line offset, 1-based column)."""
        col = self.column + column - 1 if line_offset == 0 else column
        return Location(self.file, self.line + line_offset, col, self.programme,
                        self.criterion, self.field, self.text)


class EligibilityError(Exception):
    """Base of every error the engine raises on purpose."""

    code = "error"


class RuleError(EligibilityError):
    """A defect in a rule file: syntax, unknown name, type mismatch, missing citation, cycle."""

    def __init__(self, code: str, message: str, where: Location | None = None,
                 *, caret: tuple[int, int] | None = None, hint: str | None = None) -> None:
        self.code = code
        self.message = message
        self.where = where
        self.caret = caret  # (0-based line within text, 0-based column) of the offending part
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        w = self.where
        parts: list[str] = []
        if w is not None:
            head = f"{w.file}:{w.line}:{w.column}" if w.line else w.file
            ctx = [f"programme {w.programme}" if w.programme else "",
                   f"criterion {w.criterion}" if w.criterion else "",
                   f"field {w.field}" if w.field else ""]
            ctx_text = ", ".join(c for c in ctx if c)
            parts.append(f"{head}: {ctx_text}" if ctx_text else head)
        parts.append(f"error[{self.code}]: {self.message}")
        if w is not None and w.text:
            lines = w.text.splitlines() or [w.text]
            line_no, col = self.caret or (0, 0)
            line_no = min(line_no, len(lines) - 1)
            parts.append(f"    {lines[line_no]}")
            parts.append("    " + " " * col + "^")
        if self.hint:
            parts.append(f"hint: {self.hint}")
        return "\n".join(parts)


class RuleErrors(EligibilityError):
    """Several rule errors found in one load, reported together."""

    code = "rule_errors"

    def __init__(self, errors: list[RuleError]) -> None:
        self.errors = errors
        super().__init__("\n\n".join(e.render() for e in errors))


class DataError(EligibilityError):
    """A defect in input records: a wrong column type, a missing column, a bad value."""

    code = "data_error"


def did_you_mean(name: str, known: Iterable[str]) -> str | None:
    """The nearest known name, phrased as a hint, or None."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
