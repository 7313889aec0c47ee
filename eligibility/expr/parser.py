"""Text → expression tree. Uses Python's own parser for the syntax (it gives exact positions
and good syntax errors) and converts a whitelisted subset of its tree into ours. Nothing is
ever `eval`'d: a Python construct outside the whitelist is a rule error."""

from __future__ import annotations

import ast as pyast
import datetime as dt
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from ..errors import Location, RuleError
from . import ast as x

AGGREGATES = {"sum", "count", "any", "all", "max", "min"}
FUNCTIONS = {"min", "max", "round", "floor", "ceil", "round_down", "years_between",
             "months_between", "year", "month", "date"}
_BINOPS = {pyast.Add: "+", pyast.Sub: "-", pyast.Mult: "*", pyast.Div: "/"}
_CMPOPS = {pyast.Lt: "<", pyast.LtE: "<=", pyast.Gt: ">", pyast.GtE: ">=",
           pyast.Eq: "==", pyast.NotEq: "!="}


def parse(text: str, where: Location, units: frozenset[str] = frozenset()) -> x.Node:
    """Parse one expression. `units` are the names an aggregate's first argument may take."""
    where = Location(where.file, where.line, where.column, where.programme, where.criterion,
                     where.field, text)
    if not isinstance(text, str) or not text.strip():
        raise RuleError("empty_expression", "the expression is empty", where)
    try:
        tree = pyast.parse("(\n" + text + "\n)", mode="eval")
    except SyntaxError as e:
        line = max((e.lineno or 2) - 2, 0)
        col = max((e.offset or 1) - 1, 0)
        raise RuleError("syntax", f"invalid syntax: {e.msg}", where.shifted(line, col + 1),
                        caret=(line, col)) from None
    return _Converter(text, where, units).convert(tree.body)


class _Converter:
    def __init__(self, text: str, where: Location, units: frozenset[str]) -> None:
        self.text = text
        self.where = where
        self.units = units

    def span(self, node: pyast.AST) -> x.Span:
        return x.Span(getattr(node, "lineno", 2) - 2, getattr(node, "col_offset", 0))

    def fail(self, node: pyast.AST, code: str, message: str, hint: str | None = None) -> RuleError:
        s = self.span(node)
        return RuleError(code, message, self.where.shifted(s.line, s.col + 1),
                         caret=(s.line, s.col), hint=hint)

    def source(self, node: pyast.AST) -> str:
        return pyast.get_source_segment("(\n" + self.text + "\n)", node) or ""

    def convert(self, node: pyast.AST) -> x.Node:
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise self.fail(node, "unsupported_syntax",
                            f"'{self.source(node)}' uses syntax the rule language does not have",
                            "see docs/rule-language.md for the expressions rules may use")
        return method(node)

    def _Constant(self, node: pyast.Constant) -> x.Node:
        v, s = node.value, self.span(node)
        if isinstance(v, bool):
            return x.Literal(s, v, "bool")
        if isinstance(v, int):
            return x.Literal(s, v, "number")
        if isinstance(v, float):  # keep the written digits exactly; never a float
            try:
                return x.Literal(s, Fraction(Decimal(self.source(node).replace("_", ""))), "rate")
            except InvalidOperation:
                raise self.fail(node, "bad_number", "not a decimal number") from None
        if isinstance(v, str):
            return x.Literal(s, v, "text")
        raise self.fail(node, "unsupported_syntax", f"unsupported literal {v!r}")

    def _Name(self, node: pyast.Name) -> x.Node:
        if node.id in ("true", "True"):
            return x.Literal(self.span(node), True, "bool")
        if node.id in ("false", "False"):
            return x.Literal(self.span(node), False, "bool")
        return x.Name(self.span(node), node.id)

    def _dotted(self, node: pyast.AST) -> list[str] | None:
        if isinstance(node, pyast.Name):
            return [node.id]
        if isinstance(node, pyast.Attribute):
            head = self._dotted(node.value)
            return None if head is None else [*head, node.attr]
        return None

    def _Attribute(self, node: pyast.Attribute) -> x.Node:
        parts = self._dotted(node)
        if parts is None:
            raise self.fail(node, "unsupported_syntax", f"'{self.source(node)}' is not a name")
        if parts[0] == "params":
            if len(parts) < 3:
                raise self.fail(node, "bad_parameter",
                                "a parameter is written params.<group>.<name>")
            return x.Param(self.span(node), ".".join(parts[1:]))
        if len(parts) == 2:
            return x.ProgrammeRef(self.span(node), parts[0], parts[1])
        raise self.fail(node, "unsupported_syntax", f"'{self.source(node)}' is not a known form",
                        "write params.<group>.<name> or <programme>.eligible / .amount")

    def _Subscript(self, node: pyast.Subscript) -> x.Node:
        base = self.convert(node.value)
        if not isinstance(base, x.Param) or base.key is not None:
            raise self.fail(node, "unsupported_syntax", "only parameter tables can be indexed")
        return x.Param(base.span, base.path, self.convert(node.slice))

    def _UnaryOp(self, node: pyast.UnaryOp) -> x.Node:
        operand = self.convert(node.operand)
        if isinstance(node.op, pyast.Not):
            return x.Unary(self.span(node), "not", operand)
        if isinstance(node.op, pyast.USub):
            if isinstance(operand, x.Literal) and operand.kind in ("number", "rate"):
                return x.Literal(self.span(node), -operand.value, operand.kind)  # type: ignore[operator]
            return x.Unary(self.span(node), "-", operand)
        raise self.fail(node, "unsupported_syntax", "unsupported unary operator")

    def _BinOp(self, node: pyast.BinOp) -> x.Node:
        op = _BINOPS.get(type(node.op))
        if op is None:
            raise self.fail(node, "unsupported_syntax",
                            f"operator in '{self.source(node)}' is not supported",
                            "use + - * / and round(), floor(), ceil()")
        return x.Binary(self.span(node), op, self.convert(node.left), self.convert(node.right))

    def _BoolOp(self, node: pyast.BoolOp) -> x.Node:
        op = "and" if isinstance(node.op, pyast.And) else "or"
        return x.BoolOp(self.span(node), op, tuple(self.convert(v) for v in node.values))

    def _Compare(self, node: pyast.Compare) -> x.Node:
        left = self.convert(node.left)
        if len(node.ops) == 1 and isinstance(node.ops[0], (pyast.In, pyast.NotIn)):
            comp = node.comparators[0]
            if not isinstance(comp, (pyast.List, pyast.Tuple)):
                raise self.fail(comp, "unsupported_syntax", "'in' needs a literal list: x in [\"a\", \"b\"]")
            options = tuple(self.convert(e) for e in comp.elts)
            if not all(isinstance(o, x.Literal) for o in options):
                raise self.fail(comp, "unsupported_syntax", "'in' lists hold literals only")
            result: x.Node = x.InList(self.span(node), left, options)  # type: ignore[arg-type]
            return x.Unary(self.span(node), "not", result) if isinstance(node.ops[0], pyast.NotIn) else result
        parts: list[x.Node] = []
        for op, comp in zip(node.ops, node.comparators, strict=True):
            sym = _CMPOPS.get(type(op))
            if sym is None:
                raise self.fail(node, "unsupported_syntax", "unsupported comparison")
            right = self.convert(comp)
            parts.append(x.Compare(self.span(node), sym, left, right))
            left = right
        return parts[0] if len(parts) == 1 else x.BoolOp(self.span(node), "and", tuple(parts))

    def _IfExp(self, node: pyast.IfExp) -> x.Node:
        return x.IfElse(self.span(node), self.convert(node.test), self.convert(node.body),
                        self.convert(node.orelse))

    def _Call(self, node: pyast.Call) -> x.Node:
        if not isinstance(node.func, pyast.Name) or node.keywords:
            raise self.fail(node, "unsupported_syntax", "only plain function calls are allowed")
        name = node.func.id
        args = node.args
        if name in AGGREGATES and args and isinstance(args[0], pyast.Name) and args[0].id in self.units:
            if len(args) > 2 or (len(args) == 1 and name != "count"):
                raise self.fail(node, "arity", f"{name}(unit, expression) takes two arguments")
            arg = self.convert(args[1]) if len(args) == 2 else None
            return x.Aggregate(self.span(node), name, args[0].id, arg)
        if name not in FUNCTIONS:
            from ..errors import did_you_mean
            raise self.fail(node.func, "unknown_function", f"unknown function '{name}'",
                            did_you_mean(name, FUNCTIONS | AGGREGATES))
        if name == "date":
            if len(args) != 1 or not isinstance(args[0], pyast.Constant) or not isinstance(args[0].value, str):
                raise self.fail(node, "bad_date", 'write a date as date("YYYY-MM-DD")')
            try:
                return x.Literal(self.span(node), dt.date.fromisoformat(args[0].value), "date")
            except ValueError:
                raise self.fail(args[0], "bad_date", f"'{args[0].value}' is not a YYYY-MM-DD date") from None
        return x.Call(self.span(node), name, tuple(self.convert(a) for a in args))
