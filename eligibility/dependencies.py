"""Which inputs feed which criterion, and over which unit — so an undetermined decision can
name the missing inputs (and their registries) behind it. An aggregate needs its unit's key
too (e.g. household_id): unknown, it leaves the aggregate unknown.

A scope is None (the person's own value) or a unit name (any member of the unit). Scopes
compose outward: an input read by a variable that is summed over the household is needed
from every member of the household."""

from __future__ import annotations

from functools import cache

from .expr import ast as x
from .rulebook.rulebook import Rulebook

Need = tuple[str, str | None]  # (input name, scope)


def _wider(book: Rulebook, a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    order = list(book.units)  # inputs.yaml lists units from widest to narrowest
    return a if order.index(a) <= order.index(b) else b


class InputNeeds:
    """Transitive input needs of variables, programmes and single expressions."""

    def __init__(self, book: Rulebook) -> None:
        self.book = book
        self._var = cache(self._var_needs)
        self._prog = cache(self._prog_needs)
        self.of_criterion = cache(self._criterion_needs)  # type: ignore[method-assign]

    def of_node(self, node: x.Node, scope: str | None = None) -> frozenset[Need]:
        book = self.book
        out: set[Need] = set()
        if isinstance(node, x.Aggregate):
            # the unit's key too: a person whose key is unknown has no known unit to aggregate over
            out.add((book.units[node.unit].key, scope))
            inner = _wider(book, scope, node.unit)
            if node.arg is not None:
                out |= self.of_node(node.arg, inner)
            return frozenset(out)
        if isinstance(node, x.Name):
            if node.name in book.inputs:
                out.add((node.name, scope))
            elif node.name in book.variables:
                out |= {(i, _wider(book, scope, s)) for i, s in self._var(node.name)}
        elif isinstance(node, x.ProgrammeRef):
            out |= {(i, _wider(book, scope, s)) for i, s in self._prog(node.programme)}
        for child in x.children(node):
            out |= self.of_node(child, scope)
        return frozenset(out)

    def _var_needs(self, name: str) -> frozenset[Need]:
        expr = self.book.variable_exprs.get(name)
        return self.of_node(expr.node) if expr else frozenset()

    def _prog_needs(self, programme: str) -> frozenset[Need]:
        out: set[Need] = set()
        for crit in self.book.criteria.get(programme, ()):
            out |= self.of_criterion(programme, crit.id)
        amount = self.book.amounts.get(programme)
        if amount is not None:
            out |= self.of_node(amount.node)
        return frozenset(out)

    def of_programme(self, programme: str) -> frozenset[Need]:
        """Every input a programme reads (criteria, exceptions and amount), with its scope."""
        return self._prog(programme)

    def _criterion_needs(self, programme: str, criterion: str) -> frozenset[Need]:
        for crit in self.book.criteria[programme]:
            if crit.id == criterion:
                out = set(self.of_node(crit.test.node))
                for _, _, when in crit.exceptions:
                    out |= self.of_node(when.node)
                return frozenset(out)
        raise KeyError(criterion)
