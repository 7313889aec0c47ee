"""Name resolution and type checking of every expression in a Rulebook, and the dependency
order of variables and programmes (cycles rejected). Types:

    money, int, rate, bool, date, text        declared types
    number                                    an integer literal (adapts to money or int)
    exact:money, exact:int, exact:number      an unrounded product or quotient; must be rounded
"""

from __future__ import annotations

from graphlib import CycleError, TopologicalSorter

from ..errors import Location, RuleError, RuleErrors, did_you_mean
from ..rulebook.rulebook import Expr, Rulebook
from . import ast as x

NUMERIC = {"money", "int", "number"}
ROUNDERS = {"round", "floor", "ceil"}


class _Fail(Exception):
    def __init__(self, error: RuleError) -> None:
        self.error = error


class Checker:
    def __init__(self, book: Rulebook) -> None:
        self.book = book
        self.errors: list[RuleError] = []
        self.current: Expr | None = None
        self.refs: set[str] = set()  # 'var:x' / 'prog:p' referenced by the current expression
        self.used_params: set[str] = set()

    # --- reporting ---------------------------------------------------------------------
    def fail(self, node: x.Node, code: str, message: str, hint: str | None = None) -> _Fail:
        assert self.current is not None
        w = self.current.where
        return _Fail(RuleError(code, message, w.shifted(node.span.line, node.span.col + 1),
                               caret=(node.span.line, node.span.col), hint=hint))

    def check(self, expr: Expr, expected: str | None, what: str) -> set[str]:
        """Type-check one expression; return the variables/programmes it references."""
        self.current, self.refs = expr, set()
        try:
            got = self.infer(expr.node)
            if expected is not None and not _assignable(got, expected):
                raise self.fail(expr.node, "type_mismatch", f"{what} must be {expected}, but this is {_show(got)}",
                                _rounding_hint(got))
        except _Fail as f:
            self.errors.append(f.error)
        return self.refs

    # --- inference ---------------------------------------------------------------------
    def infer(self, node: x.Node) -> str:
        t = getattr(self, "_" + type(node).__name__)(node)
        self.book.node_types[id(node)] = t
        return t

    def _Literal(self, n: x.Literal) -> str:
        return n.kind

    def _Name(self, n: x.Name) -> str:
        b = self.book
        if n.name == "as_of":
            return "date"
        if n.name in b.inputs:
            return b.inputs[n.name].type
        if n.name in b.variables:
            self.refs.add(f"var:{n.name}")
            return b.variables[n.name].type
        if n.name in b.programmes:
            raise self.fail(n, "bad_reference", f"'{n.name}' is a programme",
                            f"write {n.name}.eligible or {n.name}.amount")
        if n.name in b.units:
            raise self.fail(n, "bad_reference", f"'{n.name}' is a unit; use it in an aggregate",
                            f"e.g. sum({n.name}, earned_income_monthly)")
        known = [*b.inputs, *b.variables, "as_of"]
        raise self.fail(n, "unknown_name", f"unknown name '{n.name}'", did_you_mean(n.name, known))

    def _Param(self, n: x.Param) -> str:
        b = self.book
        if n.path not in b.parameters:
            raise self.fail(n, "unknown_parameter", f"unknown parameter 'params.{n.path}'",
                            did_you_mean(f"params.{n.path}", [f"params.{p}" for p in b.parameters]))
        self.used_params.add(n.path)
        pdef = b.parameters[n.path].definition
        if pdef.key is None and n.key is not None:
            raise self.fail(n, "not_a_table", f"params.{n.path} is not a table; it takes no [key]")
        if pdef.key is not None:
            if n.key is None:
                raise self.fail(n, "table_needs_key", f"params.{n.path} is a table; index it with [key]")
            kt = self.infer(n.key)
            want = {"int": {"int", "number"}, "text": {"text"}}[pdef.key]
            if kt not in want:
                raise self.fail(n.key, "type_mismatch",
                                f"params.{n.path} is keyed by {pdef.key}, but the key is {_show(kt)}")
        return "rate" if pdef.type == "rate" else pdef.type

    def _ProgrammeRef(self, n: x.ProgrammeRef) -> str:
        b = self.book
        if n.programme not in b.programmes:
            raise self.fail(n, "unknown_programme", f"unknown programme '{n.programme}'",
                            did_you_mean(n.programme, b.programmes))
        if n.field not in ("eligible", "amount"):
            raise self.fail(n, "unknown_field", f"a programme has .eligible and .amount, not .{n.field}",
                            did_you_mean(n.field, ["eligible", "amount"]))
        if n.field == "amount" and b.programmes[n.programme].amount.expr is None:
            raise self.fail(n, "amount_not_modelled",
                            f"the amount of '{n.programme}' is not modelled, so it cannot be used")
        self.refs.add(f"prog:{n.programme}")
        return "bool" if n.field == "eligible" else "money"

    def _Unary(self, n: x.Unary) -> str:
        t = self.infer(n.operand)
        if n.op == "not":
            self.expect_bool(n.operand, t, "'not'")
            return "bool"
        if t not in NUMERIC | {"rate"} and not t.startswith("exact:"):
            raise self.fail(n, "type_mismatch", f"cannot negate {_show(t)}")
        return t

    def _Binary(self, n: x.Binary) -> str:
        lt, rt = self.infer(n.left), self.infer(n.right)
        result = _arith(n.op, lt, rt)
        if result is None:
            raise self.fail(n, "type_mismatch", f"cannot apply '{n.op}' to {_show(lt)} and {_show(rt)}",
                            _arith_hint(n.op, lt, rt))
        return result

    def _Compare(self, n: x.Compare) -> str:
        lt, rt = self.infer(n.left), self.infer(n.right)
        for side, t in ((n.left, lt), (n.right, rt)):
            if t.startswith("exact:") or t == "rate":
                if t == "rate" and _unify(lt, rt) == "rate":
                    continue
                raise self.fail(side, "unrounded", f"this side is an unrounded {_show(t)}", _rounding_hint(t))
        if _unify(lt, rt) is None:
            raise self.fail(n, "type_mismatch", f"cannot compare {_show(lt)} with {_show(rt)}")
        if n.op not in ("==", "!=") and _unify(lt, rt) in ("bool", "text"):
            raise self.fail(n, "type_mismatch", f"'{n.op}' needs numbers or dates, not {_show(lt)}")
        return "bool"

    def _BoolOp(self, n: x.BoolOp) -> str:
        for o in n.operands:
            self.expect_bool(o, self.infer(o), f"'{n.op}'")
        return "bool"

    def _IfElse(self, n: x.IfElse) -> str:
        self.expect_bool(n.cond, self.infer(n.cond), "the condition of 'if'")
        a, b = self.infer(n.then), self.infer(n.otherwise)
        t = _unify(a, b)
        if t is None:
            raise self.fail(n, "type_mismatch", f"the branches differ: {_show(a)} and {_show(b)}")
        return t

    def _InList(self, n: x.InList) -> str:
        t = self.infer(n.operand)
        for o in n.options:
            if _unify(t, self.infer(o)) is None:
                raise self.fail(o, "type_mismatch", f"{_show(o.kind)} in a list compared with {_show(t)}")
        return "bool"

    def _Call(self, n: x.Call) -> str:
        ts = [self.infer(a) for a in n.args]
        f = n.func

        def arity(k: int) -> None:
            if len(ts) != k:
                raise self.fail(n, "arity", f"{f}() takes {k} argument{'s' if k > 1 else ''}, got {len(ts)}")

        if f in ROUNDERS:
            arity(1)
            t = ts[0]
            if t.startswith("exact:"):
                return t[6:]
            if t in NUMERIC:
                return t
            raise self.fail(n.args[0], "type_mismatch", f"{f}() rounds a number, not {_show(t)}")
        if f == "round_down":
            arity(2)
            if ts[1] not in ("number", "int"):
                raise self.fail(n.args[1], "type_mismatch", "round_down(x, step) needs a whole-number step")
            t = ts[0][6:] if ts[0].startswith("exact:") else ts[0]
            if t not in NUMERIC:
                raise self.fail(n.args[0], "type_mismatch", f"round_down() rounds a number, not {_show(ts[0])}")
            return t
        if f in ("min", "max"):
            if len(ts) < 2:
                raise self.fail(n, "arity", f"{f}() takes at least two arguments (or a unit first)")
            t = ts[0]
            for a, ti in zip(n.args[1:], ts[1:], strict=True):
                u = _unify(t, ti)
                if u is None or u.startswith("exact:"):
                    raise self.fail(a, "type_mismatch", f"{f}() of {_show(t)} and {_show(ti)}",
                                    _rounding_hint(ti))
                t = u
            return t
        if f in ("years_between", "months_between"):
            arity(2)
            for a, t in zip(n.args, ts, strict=True):
                if t != "date":
                    raise self.fail(a, "type_mismatch", f"{f}() takes dates, not {_show(t)}")
            return "int"
        if f in ("year", "month"):
            arity(1)
            if ts[0] != "date":
                raise self.fail(n.args[0], "type_mismatch", f"{f}() takes a date, not {_show(ts[0])}")
            return "int"
        raise self.fail(n, "unknown_function", f"unknown function '{f}'")

    def _Aggregate(self, n: x.Aggregate) -> str:
        if n.arg is None:
            return "int"
        t = self.infer(n.arg)
        if n.func in ("any", "all"):
            self.expect_bool(n.arg, t, f"{n.func}()")
            return "bool"
        if n.func == "count":
            self.expect_bool(n.arg, t, "count(unit, condition)")
            return "int"
        if t.startswith("exact:") or t not in NUMERIC | {"date"}:
            raise self.fail(n.arg, "type_mismatch", f"{n.func}() over a unit needs a number, not {_show(t)}",
                            _rounding_hint(t))
        if n.func == "sum" and t == "date":
            raise self.fail(n.arg, "type_mismatch", "cannot sum dates")
        return "int" if t == "number" else t

    def expect_bool(self, node: x.Node, t: str, what: str) -> None:
        if t != "bool":
            raise self.fail(node, "type_mismatch", f"{what} needs a true/false value, not {_show(t)}")


def _unify(a: str, b: str) -> str | None:
    if a == b:
        return a
    pair = {a, b}
    if "number" in pair:
        other = (pair - {"number"}).pop()
        if other in ("money", "int", "rate"):
            return other
        if other.startswith("exact:"):
            return other
    if a.startswith("exact:") or b.startswith("exact:"):
        ea, eb = a.removeprefix("exact:"), b.removeprefix("exact:")
        u = _unify(ea, eb)
        return f"exact:{u}" if u in ("money", "int", "number") else None
    return None


def _arith(op: str, a: str, b: str) -> str | None:
    ea, eb = a.startswith("exact:"), b.startswith("exact:")
    ba, bb = a.removeprefix("exact:"), b.removeprefix("exact:")
    if op in ("+", "-"):
        if a == "rate" or b == "rate":
            return "rate" if {a, b} <= {"rate", "number"} else None
        u = _unify(ba, bb)
        if u not in ("money", "int", "number"):
            return None
        return f"exact:{u}" if (ea or eb) else u
    if op == "*":
        if a == "rate" and b == "rate":
            return "rate"
        if a == "rate" or b == "rate":
            other = bb if a == "rate" else ba
            return f"exact:{other}" if other in ("money", "int", "number") else None
        if ba == "money" and bb == "money":
            return None
        if ba in NUMERIC and bb in NUMERIC:
            u = "money" if "money" in (ba, bb) else _unify(ba, bb)
            return f"exact:{u}" if (ea or eb) else u
        return None
    if op == "/":
        if b == "rate" or bb == "money" or a == "rate":
            return None
        if ba in NUMERIC and bb in ("int", "number"):
            return f"exact:{ba}"
        return None
    return None


def _assignable(got: str, want: str) -> bool:
    return got == want or (got == "number" and want in ("money", "int"))


def _show(t: str) -> str:
    if t.startswith("exact:"):
        return f"an unrounded {t[6:]} value"
    return {"number": "a number", "int": "a whole number", "money": "money", "rate": "a rate",
            "bool": "true/false", "date": "a date", "text": "text"}.get(t, t)


def _rounding_hint(t: str) -> str | None:
    if t.startswith("exact:") or t == "rate":
        return "round it as the law says: round(x) (half-up), floor(x), ceil(x) or round_down(x, 10)"
    return None


def _arith_hint(op: str, a: str, b: str) -> str | None:
    if {a, b} == {"money", "int"}:
        return "money and counts do not mix in + and -: multiply the count by an amount first"
    if op == "/" and b == "money":
        return "dividing money by money is not supported; compare amounts instead"
    return None


def _aggregates(node: x.Node) -> bool:
    return isinstance(node, x.Aggregate) or any(_aggregates(ch) for ch in x.children(node))


def check_rulebook(book: Rulebook) -> None:
    """Type-check every expression and order variables and programmes; raise RuleErrors."""
    c = Checker(book)
    graph: dict[str, set[str]] = {}
    where: dict[str, Location] = {}
    for name, expr in book.variable_exprs.items():
        graph[f"var:{name}"] = c.check(expr, book.variables[name].type, f"variable '{name}'")
        where[f"var:{name}"] = expr.where
    for pid, criteria in book.criteria.items():
        refs: set[str] = set()
        for crit in criteria:
            refs |= c.check(crit.test, "bool", f"criterion '{crit.id}'")
            for exc_id, _, when in crit.exceptions:
                refs |= c.check(when, "bool", f"exception '{exc_id}'")
            where.setdefault(f"prog:{pid}", crit.test.where)
        amount = book.amounts.get(pid)
        if amount is not None:
            refs |= c.check(amount, "money", "the amount")
        graph[f"prog:{pid}"] = refs
    for name, expr in book.unit_apart.items():  # it decides the units: it cannot read through them
        if c.check(expr, "bool", f"unit '{name}' apart") or _aggregates(expr.node):
            c.errors.append(RuleError("bad_unit", f"unit '{name}': apart may read inputs only, "
                                      "not variables, programmes or aggregates", expr.where))
    book.deps = graph
    try:
        book.order = list(TopologicalSorter(graph).static_order())
    except CycleError as e:
        cycle = e.args[1]
        first = cycle[0]
        path = " → ".join(s.split(":", 1)[1] for s in cycle)
        c.errors.append(RuleError("cycle", f"circular dependency: {path}",
                                  where.get(first), hint="a variable or programme cannot depend on itself"))
    book.unused_parameters = [p for p in book.parameters if p not in c.used_params]
    if c.errors:
        raise RuleErrors(c.errors)
