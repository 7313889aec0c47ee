"""Which inputs feed which criterion, and through which units — so an undetermined decision can
name the missing inputs (and their registries) behind it. An aggregate needs its unit's key
too (e.g. household_id): unknown, it leaves the aggregate unknown.

A scope is the path of units an input is read through, outermost first: () is the person's own
value, ("household",) any member of the person's household, ("household", "couple") any member
of the couple of any member of the household (a household sum of a couple sum). Units do not
nest in the records (a spouse may be registered in another household), so a path is kept whole
rather than folded into its widest unit."""

from __future__ import annotations

from functools import cache

from .expr import ast as x
from .rulebook.rulebook import Rulebook

Scope = tuple[str, ...]
Need = tuple[str, Scope]  # (input name, scope)


def scope_name(scope: Scope) -> str:
    """How a scope is written in manifests and explanations: person, household, household>couple."""
    return ">".join(scope) or "person"


def covers(wide: Scope, narrow: Scope) -> bool:
    """Whether every member reached through `narrow` is reached through `wide`: `narrow` is a
    subsequence of `wide` (every unit holds the person, so a step may stay where it is)."""
    steps = iter(wide)
    return all(unit in steps for unit in narrow)


def widest(needs: set[Need]) -> set[Need]:
    """The needs not covered by another need of the same input: a household-couple sum that
    misses an input misses it for the household and the couple too, so one bit says it."""
    return {(i, s) for i, s in needs
            if not any(j == i and t != s and covers(t, s) for j, t in needs)}


def _through(outer: Scope, inner: Scope) -> Scope:
    """The scope of a need read through `inner`, itself read through `outer` (an aggregate over
    the unit it is already in adds nothing)."""
    if outer and inner and outer[-1] == inner[0]:
        inner = inner[1:]
    return outer + inner


class InputNeeds:
    """Transitive input needs of variables, programmes and single expressions."""

    def __init__(self, book: Rulebook) -> None:
        self.book = book
        self._var = cache(self._var_needs)
        self._prog = cache(self._prog_needs)
        self.of_criterion = cache(self._criterion_needs)  # type: ignore[method-assign]

    def of_node(self, node: x.Node, scope: Scope = ()) -> frozenset[Need]:
        book = self.book
        out: set[Need] = set()
        if isinstance(node, x.Aggregate):
            # the unit's key too: a person whose key is unknown has no known unit to aggregate
            # over; and what its `apart` condition reads of every member (whom the unit holds)
            inner = _through(scope, (node.unit,))
            out.add((book.units[node.unit].key, scope))
            if (apart := book.unit_apart.get(node.unit)) is not None:
                out |= self.of_node(apart.node, inner)
            if node.arg is not None:
                out |= self.of_node(node.arg, inner)
            return frozenset(out)
        if isinstance(node, x.Name):
            if node.name in book.inputs:
                out.add((node.name, scope))
            elif node.name in book.variables:
                out |= {(i, _through(scope, s)) for i, s in self._var(node.name)}
        elif isinstance(node, x.ProgrammeRef):
            out |= {(i, _through(scope, s)) for i, s in self._prog(node.programme)}
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
