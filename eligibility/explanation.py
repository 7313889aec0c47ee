"""Why a person is or is not eligible: the same compiled expressions evaluated on the
person's household, with every intermediate value kept.

Each programme's decision is a tree: criteria (true / false / unknown, with the statute),
the values they compared, the derived variables and the inputs they came from (with the
registry of each), and the parameters used (with their date, source and confidence mark)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

import polars as pl

from .backends.to_polars import Exact, crit_col
from .backends.unit_ops import group_col
from .evaluation import STATUS_NAMES, CompiledRulebook, decode_bits
from .expr import ast as x
from .expr.printer import print_expr
from .rulebook.models import Citation
from .rulebook.parameters import Cell, Table


@dataclass
class Trace:
    """One value in the computation: what it is, its value, where it comes from."""

    label: str
    value: Any
    kind: str  # input | variable | parameter | programme | expression
    source: str | None = None
    note: str | None = None
    children: list[Trace] = field(default_factory=list)


@dataclass
class CriterionTrace:
    id: str
    label_ko: str
    label_en: str
    citation: str
    outcome: str  # true | false | unknown
    test: Trace
    exceptions: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class DecisionTrace:
    programme: str
    label_ko: str
    label_en: str
    status: str
    amount: int | None
    amount_note: str | None
    failed: list[str]
    missing: list[dict[str, str]]
    criteria: list[CriterionTrace]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _truth(v: Any) -> str:
    return "unknown" if v is None else ("true" if v else "false")


def _py(v: Any) -> Any:
    """Exact values as decimal text: exact when the decimal terminates, else to 6 places."""
    if isinstance(v, Fraction):
        if v.denominator == 1:
            return v.numerator
        d = v.denominator
        for p in (2, 5):
            while d % p == 0:
                d //= p
        digits = Decimal(v.numerator) / Decimal(v.denominator)
        return format(digits, "f") if d == 1 else f"{digits:.6f}…"
    return v


def _operands(node: x.Node) -> list[x.Node]:
    """Children to show; a chain `a + b + c` (or `and`s) shows its operands side by side
    instead of nesting one level per operator."""
    if isinstance(node, x.Binary) and node.op in ("+", "*"):
        out: list[x.Node] = []
        for side in (node.left, node.right):
            same = isinstance(side, x.Binary) and side.op == node.op
            out += _operands(side) if same else [side]
        return out
    return list(x.children(node))


class Explainer:
    """Explains decisions for people of one household frame (all members present)."""

    def __init__(self, compiled: CompiledRulebook, household: pl.DataFrame) -> None:
        self.c = compiled
        self.book = compiled.book
        self.frame = compiled.evaluate(household)

    def row_index(self, person_id: Any) -> int:
        ids = self.frame["person_id"].to_list()
        if person_id not in ids:
            raise KeyError(f"person {person_id} is not in this household")
        return ids.index(person_id)

    def explain(self, person_id: Any, programmes: list[str] | None = None) -> list[DecisionTrace]:
        i = self.row_index(person_id)
        return [self.decision(p, i) for p in programmes or self.c.programmes]

    # --- values of sub-expressions on this frame ----------------------------------------
    def value(self, node: x.Node, row: int) -> Any:
        compiled = self.c.compiler.node(node)
        anchor = pl.col("person_id")  # so that a literal broadcasts to every row
        if isinstance(compiled, Exact):
            den = pl.lit(compiled.den) if isinstance(compiled.den, int) else compiled.den
            _, num, d = self.frame.select(anchor, compiled.num.alias("n"), den.alias("d")).row(row)
            return None if num is None or d is None else Fraction(num, d)
        return self.frame.select(anchor, compiled.alias("v")).item(row, 1)

    def decision(self, p: str, row: int) -> DecisionTrace:
        prog = self.book.programmes[p]
        lay = self.c.layout[p]
        status, amount, failed, missing = self.frame.select(
            f"{p}:status", f"{p}:amount", f"{p}:failed", f"{p}:missing").row(row)
        crits = []
        for crit in self.c.criteria[p]:
            cdef = next(c for c in prog.criteria if c.id == crit.id)
            outcome = _truth(self.frame[crit_col(p, crit.id)][row])
            excs = []
            for (exc_id, exc_outcome, when), edef in zip(crit.exceptions, cdef.exceptions, strict=True):
                excs.append({"id": exc_id, "label_en": edef.label.en, "label_ko": edef.label.ko,
                             "outcome": exc_outcome, "applies": _truth(self.value(when.node, row)),
                             "citation": self.cite(edef.citation, prog.act)})
            crits.append(CriterionTrace(crit.id, cdef.label.ko, cdef.label.en,
                                        self.cite(cdef.citation, prog.act), outcome,
                                        self.trace(crit.test.node, row, set()), excs))
        amount_note = prog.amount.not_modelled
        return DecisionTrace(
            p, prog.label.ko, prog.label.en, STATUS_NAMES[status], amount, amount_note,
            [str(c) for c in decode_bits(failed, lay.criteria)],
            self.c.missing_inputs(p, missing),
            crits)

    def cite(self, citation: Citation | None, act: str) -> str:
        if citation is None:
            return ""
        act_id = citation.act or act
        src = self.book.sources.get(act_id)
        return citation.render(src.title.split(" (")[0] if src else act_id)

    def trace(self, node: x.Node, row: int, seen: set[str]) -> Trace:
        book = self.book
        value = _py(self.value(node, row))
        if isinstance(node, x.Name):
            if node.name in book.inputs:
                spec = book.inputs[node.name]
                return Trace(node.name, value, "input", f"registry: {spec.registry}", spec.label.en)
            if node.name in book.variables:
                vdef = book.variables[node.name]
                children: list[Trace] = []
                if node.name not in seen:
                    seen.add(node.name)
                    children = [self.trace(book.variable_exprs[node.name].node, row, seen)]
                cite = self.cite(vdef.citation, vdef.citation.act or "") if vdef.citation else None
                return Trace(node.name, value, "variable", cite, vdef.label.en, children)
            return Trace(node.name, value, "expression")
        if isinstance(node, x.Param):
            return Trace(print_expr(node), value, "parameter", self.param_source(node, row),
                         book.parameters[node.path].definition.label.en,
                         [self.trace(node.key, row, seen)] if node.key is not None and
                         not isinstance(node.key, x.Literal) else [])
        if isinstance(node, x.ProgrammeRef):
            return Trace(print_expr(node), value, "programme",
                         note=book.programmes[node.programme].label.en)
        kids = [self.trace(ch, row, seen) for ch in _operands(node) if not isinstance(ch, x.Literal)]
        note = None
        if isinstance(node, x.Aggregate) and value is None:
            unit = book.units[node.unit]
            if self.frame[unit.key][row] is None:
                note = f"{node.unit} unknown: no {unit.key} (registry: {unit.registry})"
            elif self.frame[group_col(node.unit)][row] is None:
                note = (f"{node.unit} unknown: whom it holds is unknown, `{unit.apart}` being unknown "
                        "for a member")
        if isinstance(node, x.Compare) and value is False:
            left, right = self.value(node.left, row), self.value(node.right, row)
            if isinstance(left, int) and isinstance(right, int) and not isinstance(left, bool):
                note = f"misses by {abs(left - right):,}"
        return Trace(print_expr(node), value, "expression", note=note, children=kids)

    def param_source(self, node: x.Param, row: int) -> str:
        param = self.book.parameters[node.path]
        at = param.at(self.c.as_of)
        start = max((d.start for d in param.series if d.start <= self.c.as_of), default=None)
        cell: Cell | None = None
        if isinstance(at, Cell):
            cell = at
        elif isinstance(at, Table) and node.key is not None:
            cell = at.cells.get(self.value(node.key, row))
        since = f"from {start.isoformat()}" if isinstance(start, dt.date) else ""
        if cell is None:
            return f"params.{node.path} {since}".strip()
        return f"{since}; [{cell.mark}] {', '.join(cell.sources)}"
