"""Expression tree → polars expressions, as of a date.

Parameters are bound to their value on the as-of date, so they become literals. Whole
numbers (money, counts) are Int64 columns. An *exact* value (money × rate, x / n) is carried as
a numerator expression and a positive denominator until a rounding function turns it back into
whole won: no float is ever produced. Nulls are unknowns and follow Kleene logic throughout."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import polars as pl

from ..errors import RuleError
from ..expr import ast as x
from ..rulebook.parameters import Cell, Table
from ..rulebook.rulebook import Expr, Rulebook
from . import date_ops, unit_ops

I64 = pl.Int64


def var_col(name: str) -> str:
    return f"v:{name}"


def prog_col(programme: str, field: str) -> str:
    return f"p:{programme}:{field}"


def crit_col(programme: str, criterion: str) -> str:
    return f"c:{programme}:{criterion}"


@dataclass(frozen=True, slots=True)
class Exact:
    """num / den, den > 0. den is an int when constant (the common case)."""

    num: pl.Expr
    den: int | pl.Expr


Compiled = pl.Expr | Exact


def _lit(v: int) -> pl.Expr:
    return pl.lit(v, dtype=I64)


def _den(d: int | pl.Expr) -> pl.Expr:
    return _lit(d) if isinstance(d, int) else d


def _mul_den(a: int | pl.Expr, b: int | pl.Expr) -> int | pl.Expr:
    if isinstance(a, int) and isinstance(b, int):
        return a * b
    return _den(a) * _den(b)


def as_exact(c: Compiled) -> Exact:
    return c if isinstance(c, Exact) else Exact(c, 1)


class Shared:
    """Sub-expressions read more than once, each computed once as a column of its own
    (`t:<n>`), deduplicated over the whole plan by structure. Without it a guard repeats its
    operands' whole trees (min/max, aggregates and `if` read them twice, so nesting doubles
    the work at each level), which polars' common-subexpression elimination undoes only in
    part."""

    def __init__(self) -> None:
        self.columns: dict[str, pl.Expr] = {}
        self._names: dict[bytes, str] = {}

    def column(self, expr: pl.Expr) -> pl.Expr:
        if expr.meta.is_column() or expr.meta.is_literal():
            return expr
        key = expr.meta.serialize()
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = f"t:{len(self._names)}"
            self.columns[name] = expr.alias(name)
        return pl.col(name)


def kleene_if(cond: pl.Expr, then: pl.Expr, otherwise: pl.Expr) -> pl.Expr:
    """`then if cond else otherwise`, unknown when cond is unknown (polars' when() treats a
    null condition as false, which would silently pick `otherwise`)."""
    return pl.when(cond.is_null()).then(None).when(cond).then(then).otherwise(otherwise)


def extreme(args: list[pl.Expr], lowest: bool, once: Callable[[pl.Expr], pl.Expr]) -> pl.Expr:
    """min() or max() of the arguments, unknown if any is. Folded pair by pair with when():
    polars' min_horizontal skips nulls and costs 4.4 ms a pair per million rows on its own,
    a comparison and a when() ~1-2 ms (measured). A comparison with an unknown is unknown and
    when() then takes the otherwise branch, so the running value carries its unknowns; a
    constant is never unknown, so it needs no test of its own."""
    args = sorted(args, key=lambda a: a.meta.is_literal())  # constants last
    out = args[0]
    for b in args[1:]:
        out = once(out)  # read twice below
        if b.meta.is_literal():
            out = pl.when((b < out) if lowest else (b > out)).then(b).otherwise(out)
        else:
            b = once(b)
            out = pl.when(b.is_null()).then(None).when((b < out) if lowest else (b > out)).then(b).otherwise(out)
    return out


class PolarsCompiler:
    """Compiles expressions of one Rulebook as of one date. With `shared`, an operand read more
    than once becomes a column of the plan (see Shared); without, every expression stands
    alone (explanations evaluate sub-expressions one by one)."""

    def __init__(self, book: Rulebook, as_of: dt.date, shared: Shared | None = None) -> None:
        self.book = book
        self.as_of = as_of
        self.shared = shared
        self.current: Expr | None = None

    def once(self, e: pl.Expr) -> pl.Expr:
        """An operand about to be read more than once."""
        return self.shared.column(e) if self.shared is not None else e

    def compile(self, expr: Expr) -> Compiled:
        self.current = expr
        return self.node(expr.node)

    def whole(self, expr: Expr) -> pl.Expr:
        """A compiled expression that the type checker guarantees is not exact."""
        c = self.compile(expr)
        assert isinstance(c, pl.Expr), "type checker lets no unrounded value through"
        return c

    def fail(self, node: x.Node, code: str, message: str) -> RuleError:
        assert self.current is not None
        w = self.current.where
        return RuleError(code, message, w.shifted(node.span.line, node.span.col + 1),
                         caret=(node.span.line, node.span.col))

    def node(self, n: x.Node) -> Compiled:
        handler: Callable[[x.Node], Compiled] = getattr(self, "_" + type(n).__name__)
        return handler(n)

    def plain(self, n: x.Node) -> pl.Expr:
        c = self.node(n)
        assert isinstance(c, pl.Expr)
        return c

    def type_of(self, n: x.Node) -> str:
        return self.book.node_types[id(n)]

    # --- leaves ------------------------------------------------------------------------
    def _Literal(self, n: x.Literal) -> Compiled:
        return self.constant(n.value)

    def constant(self, v: object) -> Compiled:
        if isinstance(v, bool):
            return pl.lit(v, dtype=pl.Boolean)
        if isinstance(v, int):
            return _lit(v)
        if isinstance(v, Fraction):
            return Exact(_lit(v.numerator), v.denominator)
        if isinstance(v, dt.date):
            return pl.lit(v, dtype=pl.Date)
        return pl.lit(v, dtype=pl.String)

    def _Name(self, n: x.Name) -> Compiled:
        if n.name == "as_of":
            return pl.lit(self.as_of, dtype=pl.Date)
        if n.name in self.book.variables:
            return pl.col(var_col(n.name))
        return pl.col(n.name)

    def _ProgrammeRef(self, n: x.ProgrammeRef) -> Compiled:
        return pl.col(prog_col(n.programme, n.field))

    def _Param(self, n: x.Param) -> Compiled:
        value = self.book.parameters[n.path].at(self.as_of)
        if value is None:
            raise self.fail(n, "no_value", f"params.{n.path} has no value on {self.as_of}")
        if isinstance(value, Cell):
            return self.constant(value.value)
        assert isinstance(value, Table) and n.key is not None
        key = self.node(n.key)
        assert isinstance(key, pl.Expr)
        return self.table(value, self.once(key))

    def table(self, table: Table, key: pl.Expr) -> Compiled:
        values = {k: c.value for k, c in table.cells.items()}
        fractions = any(isinstance(v, Fraction) for v in values.values())
        den = math.lcm(*(v.denominator for v in values.values() if isinstance(v, Fraction))) if fractions else 1
        scaled = {k: int(v * den) if fractions else v for k, v in values.items()}  # type: ignore[operator]
        sample = next(iter(values.values()))
        dtype = I64 if isinstance(sample, int) or fractions else (pl.Boolean if isinstance(sample, bool) else pl.String)
        if len(scaled) <= 16:  # a when-chain is ~3x faster than replace_strict for small tables
            chain: pl.Expr | None = None
            for k, v in scaled.items():
                value = pl.lit(v, dtype=dtype)
                chain = pl.when(key == k).then(value) if chain is None else chain.when(key == k).then(value)
            looked = chain.otherwise(pl.lit(None, dtype=dtype))  # type: ignore[union-attr]
        else:
            looked = key.replace_strict(scaled, default=None, return_dtype=dtype)
        int_keys = sorted(k for k in values if isinstance(k, int))
        if table.extend == "linear" and len(int_keys) >= 2:
            last, prev = scaled[int_keys[-1]], scaled[int_keys[-2]]
            over = _lit(last) + (key.cast(I64) - int_keys[-1]) * _lit(last - prev)
            looked = pl.when(key > int_keys[-1]).then(over).otherwise(looked)
        return Exact(looked, den) if fractions else looked

    # --- operators ---------------------------------------------------------------------
    def _Unary(self, n: x.Unary) -> Compiled:
        c = self.node(n.operand)
        if n.op == "not":
            assert isinstance(c, pl.Expr)
            return ~c
        return Exact(-c.num, c.den) if isinstance(c, Exact) else -c

    def _Binary(self, n: x.Binary) -> Compiled:
        a, b = self.node(n.left), self.node(n.right)
        if n.op == "/":
            ea = as_exact(a)
            assert isinstance(b, pl.Expr), "division by a whole number only"
            return Exact(ea.num, _mul_den(ea.den, self.once(b)))
        if isinstance(a, pl.Expr) and isinstance(b, pl.Expr):
            return {"+": a + b, "-": a - b, "*": a * b}[n.op]
        ea, eb = as_exact(a), as_exact(b)
        if n.op == "*":
            return Exact(ea.num * eb.num, _mul_den(ea.den, eb.den))
        if isinstance(ea.den, int) and isinstance(eb.den, int) and ea.den == eb.den:
            num = ea.num + eb.num if n.op == "+" else ea.num - eb.num
            return Exact(num, ea.den)
        left, right = ea.num * _den(eb.den), eb.num * _den(ea.den)
        return Exact(left + right if n.op == "+" else left - right, _mul_den(ea.den, eb.den))

    def _Compare(self, n: x.Compare) -> Compiled:
        a, b = self.node(n.left), self.node(n.right)
        if isinstance(a, Exact) or isinstance(b, Exact):  # rate vs rate: cross-multiply
            ea, eb = as_exact(a), as_exact(b)
            a, b = ea.num * _den(eb.den), eb.num * _den(ea.den)
        ops = {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "==": a == b, "!=": a != b}
        return ops[n.op]

    def _BoolOp(self, n: x.BoolOp) -> Compiled:
        parts = [self.plain(o) for o in n.operands]
        out = parts[0]
        for p in parts[1:]:
            out = (out & p) if n.op == "and" else (out | p)
        return out

    def _IfElse(self, n: x.IfElse) -> Compiled:
        cond = self.once(self.plain(n.cond))
        a, b = self.node(n.then), self.node(n.otherwise)
        if isinstance(a, pl.Expr) and isinstance(b, pl.Expr):
            return kleene_if(cond, a, b)
        ea, eb = as_exact(a), as_exact(b)
        if isinstance(ea.den, int) and isinstance(eb.den, int):
            den = math.lcm(ea.den, eb.den)
            return Exact(kleene_if(cond, ea.num * (den // ea.den), eb.num * (den // eb.den)), den)
        return Exact(kleene_if(cond, ea.num * _den(eb.den), eb.num * _den(ea.den)), _mul_den(ea.den, eb.den))

    def _InList(self, n: x.InList) -> Compiled:
        operand = self.once(self.plain(n.operand))
        options = [o.value for o in n.options]
        return pl.when(operand.is_null()).then(None).otherwise(operand.is_in(options))

    # --- functions ---------------------------------------------------------------------
    def _Call(self, n: x.Call) -> Compiled:
        f = n.func
        if f in ("round", "floor", "ceil", "round_down"):
            e = as_exact(self.node(n.args[0]))
            # a whole number already (not a ratio, or a rate of exactly 1): nothing to round
            num = e.num if isinstance(e.den, int) and e.den == 1 else None
            if num is None:
                d = self.once(_den(e.den))
                if f == "round":
                    return (e.num * 2 + d) // (d * 2)  # half-up
                if f == "ceil":
                    return -((-e.num) // d)
                num = e.num // d  # floor; round_down goes on from there
            if f != "round_down":
                return num
            step = self.once(self.plain(n.args[1]))
            return num // step * step
        if f in ("min", "max"):
            return extreme([self.plain(a) for a in n.args], f == "min", self.once)
        if f == "years_between":  # the month and day decide whether the last year is complete
            return (self.ymd(n.args[1]) - self.ymd(n.args[0])) // 10000
        if f == "months_between":
            (y1, m1, d1), (y2, m2, d2) = (self.date_parts(a) for a in n.args)
            return (y2 - y1) * 12 + m2 - m1 - (d2 < d1).cast(I64)
        if f == "year":
            return self.date_parts(n.args[0])[0]
        if f == "month":
            return self.date_parts(n.args[0])[1]
        raise self.fail(n, "unsupported", f"{f}() is not supported by the polars back end")

    def ymd(self, n: x.Node) -> pl.Expr:
        """A date as yyyymmdd (Int64). The calendar conversion is the costly step and the same
        dates (birth dates) are read by many rules: a date column is converted once, by
        date_ops, into a column of its own."""
        d = self.plain(n)
        if d.meta.is_literal():  # as_of: a constant
            day = pl.select(d).item()
            return pl.lit(None if day is None else day.year * 10000 + day.month * 100 + day.day, dtype=I64)
        return self.once(date_ops.ymd(d))

    def date_parts(self, n: x.Node) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
        """Year, month and day (Int64) of a date."""
        ymd = self.ymd(n)
        return ymd // 10000, ymd // 100 % 100, ymd % 100

    def _Aggregate(self, n: x.Aggregate) -> Compiled:
        # numpy group operations inside the plan (unit_ops). The result is a column of its
        # own: it is often read twice.
        if n.arg is None:
            return self.once(unit_ops.size(n.unit))
        arg = self.plain(n.arg)
        if n.func == "max":
            agg = unit_ops.maximum(arg, n.unit)
        elif n.func == "min":
            agg = unit_ops.minimum(arg, n.unit)
        elif n.func == "any":
            agg = unit_ops.kleene_any(arg, n.unit)
        elif n.func == "all":  # Kleene: all(v) = not any(not v)
            agg = ~unit_ops.kleene_any(~arg, n.unit)
        else:  # sum, and count(unit, condition): a sum of true values
            agg = unit_ops.total(arg, n.unit)
        return self.once(agg)
