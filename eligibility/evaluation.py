"""The whole rulebook compiled, as of a date, into one polars plan that evaluates every
programme for every person in one pass.

Each derived variable, criterion and programme result becomes a column (and so does each
sub-expression read more than once: aggregates, guarded operands); columns are computed
in dependency layers (one `with_columns` per layer, so polars runs a layer's columns in
parallel). Decisions come out compact: a status code, an amount, and two bit sets — the failed
criteria and the missing inputs — whose meaning is given once by `layout`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import polars as pl

from .backends import unit_ops
from .backends.to_polars import I64, PolarsCompiler, Shared, crit_col, prog_col, var_col
from .dependencies import InputNeeds, Need, covers, scope_name, widest
from .errors import DataError, RuleError
from .rulebook.rulebook import Rulebook

ELIGIBLE, INELIGIBLE, UNDETERMINED = 1, 0, 2
CASEWORKER = "caseworker"  # the registry of judgments no registry holds (always unknown in a sweep)
DTYPES = {"money": pl.Int64, "int": pl.Int32, "bool": pl.Boolean, "date": pl.Date, "text": pl.String}
STATUS_NAMES = {ELIGIBLE: "eligible", INELIGIBLE: "ineligible", UNDETERMINED: "undetermined"}
MAX_BITS = 63


@dataclass(frozen=True, slots=True)
class ProgrammeLayout:
    """What the bits of a programme's decision columns mean."""

    id: str
    unit: str
    criteria: tuple[str, ...]      # bit i of `failed`
    needs: tuple[Need, ...]        # bit i of `missing`: (input, scope)
    amount_modelled: bool
    amount_needs: frozenset[Need]  # the needs the amount reads (an eligible amount may be unknown)


def in_force(valid_from: dt.date | None, valid_until: dt.date | None, as_of: dt.date) -> bool:
    return (valid_from is None or valid_from <= as_of) and (valid_until is None or as_of < valid_until)


class CompiledRulebook:
    """A Rulebook compiled as of a date for a set of programmes (default: all)."""

    def __init__(self, book: Rulebook, as_of: dt.date, programmes: list[str] | None = None) -> None:
        self.book = book
        self.as_of = as_of
        self.compiler = PolarsCompiler(book, as_of)
        self.needs = InputNeeds(book)
        unknown = [p for p in programmes or [] if p not in book.programmes]
        if unknown:
            raise RuleError("unknown_programme", f"unknown programme(s): {', '.join(unknown)}",
                            hint=f"known: {', '.join(sorted(book.programmes))}")
        wanted = programmes or [p for p in book.programmes
                                if in_force(book.programmes[p].valid_from, book.programmes[p].valid_until, as_of)]
        self.programmes = [p for p in book.programmes if p in wanted]  # file order, stable
        self.criteria = {p: [c for c in book.criteria[p]
                             if in_force(*self._validity(p, c.id), as_of)] for p in book.programmes}
        self.layout = {p: self._layout(p) for p in self.programmes}
        self.columns, self.reads = self._plan()
        self._missing_exprs: list[pl.Expr] | None = None

    def _validity(self, programme: str, criterion: str) -> tuple[dt.date | None, dt.date | None]:
        for c in self.book.programmes[programme].criteria:
            if c.id == criterion:
                return c.valid_from, c.valid_until
        raise KeyError(criterion)

    def _layout(self, p: str) -> ProgrammeLayout:
        crits = tuple(c.id for c in self.criteria[p])
        amount = self.book.amounts.get(p)
        read_by_amount = self.needs.of_node(amount.node) if amount is not None else frozenset()
        needs = set(read_by_amount)
        for c in crits:
            needs |= self.needs.of_criterion(p, c)
        needs = widest(needs)
        # inputs by name, then unit keys: a rulebook's bits keep their meaning when keys are added
        keys = {u.key for u in self.book.units.values()}
        ordered = tuple(sorted(needs, key=lambda n: (n[0] in keys, n[0], n[1])))
        amount_needs = frozenset(n for n in ordered if any(_reads(n, m) for m in read_by_amount))
        if len(crits) > MAX_BITS or len(ordered) > MAX_BITS:
            raise RuleError("too_many", f"programme {p} has more than {MAX_BITS} criteria or inputs")
        return ProgrammeLayout(p, self.book.programmes[p].unit, crits, ordered, amount is not None, amount_needs)

    # --- the plan: every intermediate column, in dependency layers ----------------------
    def _plan(self) -> tuple[list[list[pl.Expr]], dict[str, set[str]]]:
        """Every column the selected programmes need, each in the first layer after the
        columns it reads (a column's dependencies are the computed columns it names); and
        for every computed column, the computed columns it reads."""
        shared = Shared()
        comp = PolarsCompiler(self.book, self.as_of, shared)
        exprs = {var_col(name): comp.whole(e).alias(var_col(name)) for name, e in self.book.variable_exprs.items()}
        for p in self.book.programmes:
            exprs |= self._programme_columns(comp, p)
        exprs |= shared.columns
        deps = {name: set(e.meta.root_names()) & exprs.keys() for name, e in exprs.items()}

        needed: set[str] = set()
        todo = [prog_col(p, f) for p in self.programmes for f in ("eligible", "amount")]
        while todo:
            name = todo.pop()
            if name not in needed:
                needed.add(name)
                todo += deps[name]

        @cache
        def level(name: str) -> int:
            return 1 + max((level(d) for d in deps[name]), default=0)

        layers: dict[int, list[pl.Expr]] = {}
        for name in sorted(needed):
            layers.setdefault(level(name), []).append(exprs[name])
        return [layers[k] for k in sorted(layers)], deps

    def _programme_columns(self, comp: PolarsCompiler, p: str) -> dict[str, pl.Expr]:
        """A programme's criteria (exceptions applied), its eligibility and its amount."""
        out: dict[str, pl.Expr] = {}
        elig = pl.lit(True, dtype=pl.Boolean)
        for c in self.criteria[p]:
            value = comp.whole(c.test)
            for _, outcome, when in c.exceptions:  # exceptions override the criterion
                w = comp.whole(when)
                value = (value | w) if outcome == "pass" else (value & ~w)
            out[crit_col(p, c.id)] = value.alias(crit_col(p, c.id))
            elig = elig & pl.col(crit_col(p, c.id))  # Kleene: false wins, then unknown
        out[prog_col(p, "eligible")] = elig.alias(prog_col(p, "eligible"))
        eligible = pl.col(prog_col(p, "eligible"))
        amount = self.book.amounts.get(p)
        if amount is not None:
            value = (pl.when(eligible).then(comp.whole(amount))
                     .when(~eligible).then(pl.lit(0, dtype=I64)).otherwise(None))
        else:
            value = pl.lit(None, dtype=I64)
        out[prog_col(p, "amount")] = value.alias(prog_col(p, "amount"))
        return out

    # --- running ------------------------------------------------------------------------
    def prepare(self, persons: pl.LazyFrame | pl.DataFrame) -> pl.LazyFrame:
        """The persons frame, rows in the caller's order, with per unit the id of each row's
        unit `g:<unit>` (what unit aggregates group by, see backends/unit_ops.py), its reach
        `r:<unit>` (whom the unit could hold: `unit_ops.reach_col`) and `payee:<unit>` (true for
        the member paid a unit-level amount). The reach and payee columns are part of the
        contract: the sweep keeps them (`decisions(keep=...)`) to list a household programme
        once and to find whom to ask about a missing input."""
        units = self.book.units
        lf = persons.lazy()
        have = set(lf.collect_schema().names())
        needed = self.input_columns()
        inputs = self.book.inputs
        absent = [c for c in needed if c not in have and (c not in inputs or inputs[c].registry != CASEWORKER)]
        if absent:
            raise DataError(f"the person frame lacks the column(s) {', '.join(absent)} "
                            "(the inputs of rules/inputs.yaml these programmes read)")
        judgments = [pl.lit(None, dtype=DTYPES[inputs[c].type]).alias(c) for c in needed
                     if c not in have and c in inputs]  # caseworker judgments: no registry holds them
        ids = [unit_ops.unit_ids(pl.col(unit.key)).alias(unit_ops.group_col(name)) for name, unit in units.items()]
        lf = lf.with_columns(*judgments, *ids)
        if apart := self.book.unit_apart:  # a member apart (e.g. a lodger) is a unit of their own
            lf = lf.with_columns(unit_ops.apart_ids(
                pl.col(unit_ops.group_col(name)), self.compiler.whole(cond),
                pl.col(unit_ops.group_col(w)) if (w := units[name].apart_with) else None,
            ).alias(unit_ops.group_col(name)) for name, cond in apart.items())
        lf = lf.with_columns(
            (unit_ops.reach_ids(pl.col(unit_ops.group_col(name)), unit_ops.unit_ids(pl.col(unit.key)))
             if name in apart else pl.col(unit_ops.group_col(name))).alias(unit_ops.reach_col(name))
            for name, unit in units.items())
        return lf.with_columns([self._is_payee(name).alias(f"payee:{name}") for name in units])

    def lazy(self, persons: pl.LazyFrame | pl.DataFrame, outputs: set[str] | None = None) -> pl.LazyFrame:
        """Every intermediate column added to the (prepared) persons frame; with `outputs`,
        only those of the computed columns are kept (the others are dropped after the last layer
        that reads them)."""
        lf = self.prepare(persons)
        drops = self._drops(outputs) if outputs is not None else [[] for _ in self.columns]
        for layer, dead in zip(self.columns, drops, strict=True):
            lf = lf.with_columns(layer)
            if dead:
                lf = lf.drop(dead)
        return lf

    def _drops(self, outputs: set[str]) -> list[list[str]]:
        """For each layer, the computed columns not in `outputs` that no later layer reads.
        Dropping them as soon as they are dead keeps a frame's memory from growing with the
        plan's ~130 columns: at 10M rows the peak fell 2.7 GB and the first evaluation took
        half the time (the kernel no longer zeroes gigabytes of fresh pages; measured)."""
        last_read: dict[str, int] = {}
        for i, layer in enumerate(self.columns):
            for e in layer:
                for name in self.reads[e.meta.output_name()]:
                    last_read[name] = i
        drops: list[list[str]] = [[] for _ in self.columns]
        for i, layer in enumerate(self.columns):
            for e in layer:
                name = e.meta.output_name()
                if name not in outputs:
                    drops[max(i, last_read.get(name, i))].append(name)
        return drops

    def decision_columns(self) -> list[pl.Expr]:
        """The compact decision columns: <p>:status, <p>:amount, <p>:failed, <p>:missing."""
        out: list[pl.Expr] = []
        for p in self.programmes:
            lay = self.layout[p]
            elig = pl.col(prog_col(p, "eligible"))
            status = (pl.when(elig.is_null()).then(pl.lit(UNDETERMINED, dtype=pl.Int8))
                      .when(elig).then(pl.lit(ELIGIBLE, dtype=pl.Int8))
                      .otherwise(pl.lit(INELIGIBLE, dtype=pl.Int8)))
            amount = pl.when(elig).then(pl.col(prog_col(p, "amount"))).otherwise(None)
            if lay.unit != "person":
                amount = pl.when(pl.col(f"payee:{lay.unit}")).then(amount).otherwise(None)
            failed = pl.sum_horizontal([
                pl.when(pl.col(crit_col(p, c)) == False).then(pl.lit(1 << i, dtype=I64))  # noqa: E712
                .otherwise(pl.lit(0, dtype=I64)) for i, c in enumerate(lay.criteria)] or [pl.lit(0, dtype=I64)])
            out += [status.alias(f"{p}:status"), amount.alias(f"{p}:amount"),
                    failed.alias(f"{p}:failed")]
        return out

    def _is_payee(self, unit: str) -> pl.Expr:
        """The member of the unit marked payee with the lowest person_id, or the lowest
        person_id if none is; one per key where whom the units hold is unknown (its reach)."""
        payee = self.book.units[unit].payee
        marked = pl.col(payee) if payee is not None else pl.lit(False)
        return unit_ops.first_marked(pl.col("person_id"), marked, pl.col(unit_ops.reach_col(unit)))

    def _all_needs(self) -> list[Need]:
        return sorted({n for lay in self.layout.values() for n in lay.needs})

    @staticmethod
    def _absent_col(need: Need) -> str:
        return f"absent:{need[0]}:{scope_name(need[1])}"

    def _absent_flags(self) -> list[pl.Expr]:
        """Per (input, scope): is the input unknown for the person, or for some member reached
        through the scope's units (read from the `unknown:<input>` columns)."""
        out = []
        for inp, scope in self._all_needs():
            absent = pl.col(f"unknown:{inp}")
            for unit in reversed(scope):  # innermost first: any member of the couple, then of the household
                absent = unit_ops.any_true(absent, unit)
            out.append(absent.alias(self._absent_col((inp, scope))))
        return out

    def _amount_unknown(self, p: str) -> pl.Expr | None:
        """Eligible, but the amount is unknown (None when the amount is not modelled)."""
        if not self.layout[p].amount_modelled:
            return None
        return pl.col(prog_col(p, "eligible")).fill_null(False) & pl.col(prog_col(p, "amount")).is_null()

    def _missing(self, p: str) -> pl.Expr:
        """Bit i: need i is absent and leaves the decision undetermined (through a criterion
        it reads) or, eligible, the amount unknown."""
        lay = self.layout[p]
        bits: list[pl.Expr] = []
        undetermined = pl.col(prog_col(p, "eligible")).is_null()
        amount_unknown = self._amount_unknown(p)
        for i, need in enumerate(lay.needs):
            crits = [c for c in lay.criteria if any(_reads(need, m) for m in self.needs.of_criterion(p, c))]
            why = undetermined & pl.any_horizontal([pl.col(crit_col(p, c)).is_null() for c in crits]) \
                if crits else pl.lit(False)
            if amount_unknown is not None and need in lay.amount_needs:
                why = why | amount_unknown
            bits.append(pl.when(pl.col(self._absent_col(need)) & why)
                        .then(pl.lit(1 << i, dtype=I64)).otherwise(pl.lit(0, dtype=I64)))
        return pl.sum_horizontal(bits) if bits else pl.lit(0, dtype=I64)

    def missing_columns(self) -> list[pl.Expr]:
        if self._missing_exprs is None:  # built once: the dependency walk is not free
            self._missing_exprs = [self._missing(p).alias(f"{p}:missing") for p in self.programmes]
        return self._missing_exprs

    def evaluate(self, persons: pl.LazyFrame | pl.DataFrame, keep: set[str] | None = None) -> pl.DataFrame:
        """The persons frame (rows in the caller's order) with every intermediate and decision
        column, including the missing-input bit sets. Those are costly (a unit-wide test per
        input), so they are computed only for the people with an undetermined decision or an
        unknown amount, on the rows their bits read, then scattered back to their rows. With
        `keep`, the computed columns are only those and what the decision columns read (see
        `decisions`)."""
        # one chunk per column: the plan gathers a lot, and gathers across chunks are several
        # times slower (a linked frame comes in ~10 chunks: the evaluation took 1.7x as long)
        frame = persons.lazy().collect(engine="in-memory").rechunk()
        decision_cols = self.decision_columns()
        outputs = None if keep is None else keep | {c for e in decision_cols for c in e.meta.root_names()}
        # the in-memory engine: about 2x faster than polars' default on these plans (measured)
        full = self.lazy(frame, outputs).with_columns(decision_cols).collect(engine="in-memory")
        pending = pl.any_horizontal([pl.col(f"{p}:status") == UNDETERMINED for p in self.programmes]
                                    + [e for p in self.programmes if (e := self._amount_unknown(p)) is not None])
        # the rows those bits read: the members reached through each scope, outermost unit
        # first (a scope covered by another reaches no one more)
        scopes = {scope for _, scope in self._all_needs()}
        reached = []
        for scope in (s for s in scopes if not any(t != s and covers(t, s) for t in scopes)):
            rows = pending
            for unit in scope:
                rows = unit_ops.any_true(rows, unit)
            reached.append(rows)
        # through a unit's reach: a member whose unit is unknown for whom it holds is asked about
        # whoever it could hold (`reach_col`)
        reach = [pl.col(unit_ops.reach_col(u)).alias(unit_ops.group_col(u)) for u in self.book.units]
        pending_units = full.with_columns(reach).select(pl.any_horizontal(reached or [pending])).to_series()
        # those rows, with what the bits read: null masks rather than the inputs
        # (a filter of booleans is several times cheaper than a gather of values, strings
        # included), and their unit ids renumbered (the aggregates' slots follow the ids)
        groups = [unit_ops.group_col(u) for u in self.book.units]
        inputs = dict.fromkeys(i for i, _ in self._all_needs())
        some = (full.select(*reach, *(pl.col(i).is_null().alias(f"unknown:{i}") for i in inputs),
                            *(crit_col(p, c) for p in self.programmes for c in self.layout[p].criteria),
                            *(prog_col(p, "eligible") for p in self.programmes),
                            *(prog_col(p, "amount") for p in self.programmes if self.layout[p].amount_modelled))
                .filter(pending_units).lazy()
                .with_columns(unit_ops.unit_ids(pl.col(g)).alias(g) for g in groups)
                .with_columns(self._absent_flags())
                .select(self.missing_columns()).collect(engine="in-memory"))
        rows = pending_units.arg_true()
        return full.with_columns(pl.zeros(full.height, I64, eager=True).alias(bits.name).scatter(rows, bits)
                                 for bits in some.iter_columns())

    def input_columns(self) -> list[str]:
        """The columns of the person frame that the selected programmes read."""
        needed = {i for p in self.programmes for i, _ in self.needs.of_programme(p)}
        needed |= {i for e in self.book.unit_apart.values() for i, _ in self.needs.of_node(e.node)}
        units = self.book.units.values()
        return ["person_id", *(u.key for u in units), *(u.payee for u in units if u.payee),
                *(i for i in self.book.inputs if i in needed)]

    def decisions(self, persons: pl.LazyFrame | pl.DataFrame, keep: tuple[str, ...] = ()) -> pl.LazyFrame:
        """person_id (+ `keep` columns) and the four decision columns of every programme, rows
        in the order of `persons`. Evaluated eagerly (see `evaluate`) on the columns the
        programmes read only (carrying the others through the plan would be wasted work);
        returned lazy so callers can select further."""
        lf = persons.lazy()
        have = set(lf.collect_schema().names())
        wanted = dict.fromkeys([*self.input_columns(), *keep])
        lf = lf.select([c for c in wanted if c in have])
        cols = [f"{p}:{f}" for p in self.programmes for f in ("status", "amount", "failed", "missing")]
        return self.evaluate(lf, set(keep)).lazy().select(["person_id", *keep, *cols])

    def missing_inputs(self, p: str, bits: int | None) -> list[dict[str, str]]:
        """The missing inputs a decision's bits name, each with its scope and registry."""
        return [self._described(n) for n in decode_bits(bits, self.layout[p].needs)]  # type: ignore[arg-type]

    def _described(self, need: Need) -> dict[str, str]:
        return {"input": need[0], "scope": scope_name(need[1]), "registry": self.book.registry_of(need[0])}

    def manifest(self) -> dict[str, object]:
        """The meaning of the decision columns, recorded once per run."""
        return {
            "as_of": self.as_of.isoformat(),
            "rules_hash": self.book.content_hash,
            "status_codes": STATUS_NAMES,
            "programmes": {p: {"unit": lay.unit, "failed_bits": list(lay.criteria),
                               "missing_bits": [self._described(n) for n in lay.needs],
                               "amount_modelled": lay.amount_modelled}
                           for p, lay in self.layout.items()},
        }


def _reads(bit: Need, need: Need) -> bool:
    """Whether a bit's need says `need` (its input, through a scope covering the need's)."""
    return bit[0] == need[0] and covers(bit[1], need[1])


def decode_bits(bits: int | None, names: tuple[object, ...]) -> list[object]:
    """The names whose bits are set."""
    if not bits:
        return []
    return [n for i, n in enumerate(names) if bits >> i & 1]
