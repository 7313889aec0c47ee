"""Expression tree → canonical text (used in explanations and messages; round-trips through
the parser)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from . import ast as x

_PREC = {"or": 1, "and": 2, "not": 3, "cmp": 4, "+": 5, "-": 5, "*": 6, "/": 6, "neg": 7, "atom": 8}


def print_expr(node: x.Node) -> str:
    return _p(node)[0]


def _lit(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Fraction):
        from decimal import Decimal
        return format(Decimal(v.numerator) / Decimal(v.denominator), "f")
    if isinstance(v, dt.date):
        return f'date("{v.isoformat()}")'
    if isinstance(v, str):
        return f'"{v}"'
    if isinstance(v, int):
        return f"{v:_}" if abs(v) >= 10_000 else str(v)
    return str(v)


def _wrap(node: x.Node, min_prec: int) -> str:
    text, prec = _p(node)
    return f"({text})" if prec < min_prec else text


def _p(n: x.Node) -> tuple[str, int]:
    if isinstance(n, x.Literal):
        return _lit(n.value), _PREC["atom"]
    if isinstance(n, x.Name):
        return n.name, _PREC["atom"]
    if isinstance(n, x.Param):
        key = f"[{_p(n.key)[0]}]" if n.key is not None else ""
        return f"params.{n.path}{key}", _PREC["atom"]
    if isinstance(n, x.ProgrammeRef):
        return f"{n.programme}.{n.field}", _PREC["atom"]
    if isinstance(n, x.Unary):
        if n.op == "not":
            return f"not {_wrap(n.operand, _PREC['not'])}", _PREC["not"]
        return f"-{_wrap(n.operand, _PREC['neg'])}", _PREC["neg"]
    if isinstance(n, x.Binary):
        p = _PREC[n.op]
        right_min = p + 1 if n.op in ("-", "/") else p
        return f"{_wrap(n.left, p)} {n.op} {_wrap(n.right, right_min)}", p
    if isinstance(n, x.Compare):
        p = _PREC["cmp"]
        return f"{_wrap(n.left, p + 1)} {n.op} {_wrap(n.right, p + 1)}", p
    if isinstance(n, x.BoolOp):
        p = _PREC[n.op]
        return f" {n.op} ".join(_wrap(o, p + 1) for o in n.operands), p
    if isinstance(n, x.IfElse):
        return f"{_wrap(n.then, 1)} if {_wrap(n.cond, 1)} else {_wrap(n.otherwise, 0)}", 0
    if isinstance(n, x.InList):
        opts = ", ".join(_lit(o.value) for o in n.options)
        return f"{_wrap(n.operand, _PREC['cmp'] + 1)} in [{opts}]", _PREC["cmp"]
    if isinstance(n, x.Call):
        return f"{n.func}({', '.join(_p(a)[0] for a in n.args)})", _PREC["atom"]
    if isinstance(n, x.Aggregate):
        arg = f", {_p(n.arg)[0]}" if n.arg is not None else ""
        return f"{n.func}({n.unit}{arg})", _PREC["atom"]
    raise TypeError(f"cannot print {type(n).__name__}")
