"""What a sweep needs to know about the compiled rules, derived once per run: the decision
columns, the units and who is paid a unit amount, which inputs are crisis signals, which
missing inputs are read through units (so the person to ask about may be another member)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import polars as pl

from ..backends.unit_ops import reach_col
from ..dependencies import Scope
from ..evaluation import CompiledRulebook
from ..rulebook.loader import load_rulebook

# Columns of the person frame the sweep keeps next to the decisions (linker contract).
REGION_COLUMNS = ("sido_code", "sido_name")
CONSENT_COLUMN = "contact_consent"
DECISION_FIELDS = ("status", "amount", "failed", "missing")
HOUSEHOLD = "household"  # the unit of the linker's household_id (crisis signals are by household)


@dataclass(frozen=True)
class RulesSpec:
    """Picklable: where the rules are and what to compile (a worker recompiles from it)."""

    root: Path | None
    as_of: dt.date
    programmes: tuple[str, ...] | None = None

    def compile(self) -> SweepRules:
        book = load_rulebook(self.root)
        return SweepRules(CompiledRulebook(book, self.as_of, list(self.programmes or []) or None))


class SweepRules:
    def __init__(self, compiled: CompiledRulebook) -> None:
        self.compiled = compiled
        self.book = compiled.book
        self.programmes: list[str] = list(compiled.programmes)

    # --- column names -----------------------------------------------------------------
    def decision_names(self) -> list[str]:
        return [f"{p}:{f}" for p in self.programmes for f in DECISION_FIELDS]

    def unit_of(self, p: str) -> str:
        return self.compiled.layout[p].unit

    def amount_modelled(self, p: str) -> bool:
        return self.compiled.layout[p].amount_modelled

    def period_of(self, p: str) -> str:
        return self.book.programmes[p].amount.period

    @cached_property
    def crisis_inputs(self) -> list[str]:
        return [name for name, spec in self.book.inputs.items() if spec.registry == "crisis"]

    @cached_property
    def units(self) -> list[str]:
        """Units that matter: those of household-level programmes and of scoped inputs."""
        used = {self.unit_of(p) for p in self.programmes if self.unit_of(p) != "person"}
        used |= {unit for p in self.programmes for _, scope in self.compiled.layout[p].needs for unit in scope}
        return sorted(used)

    @cached_property
    def scopes(self) -> list[Scope]:
        """The scopes of the missing bits, with every tail of each (a member of no known unit
        is asked about through the rest of the path): (), ("couple",), ("household", "couple")..."""
        scopes = {scope[k:] for p in self.programmes for _, scope in self.compiled.layout[p].needs
                  for k in range(len(scope) + 1)}
        return sorted(scopes, key=lambda s: (len(s), s))

    def unit_col(self, unit: str) -> str:
        """The column saying which of `unit`'s units a row is in, as far as whom it holds is
        known: the evaluator's `reach_col`, per partition, null where the key is unknown. Not the
        key: a member apart from the key's unit (a lodger) is a unit of their own under the same
        household_id."""
        return reach_col(unit)

    # --- columns next to the decisions ------------------------------------------------
    def defaults(self, frame_columns: list[str]) -> list[pl.Expr]:
        """The contract columns a hand-made frame may lack (the linker provides them)."""
        return [pl.lit(None, pl.String if col != CONSENT_COLUMN else pl.Boolean).alias(col)
                for col in (*REGION_COLUMNS, CONSENT_COLUMN) if col not in frame_columns]

    def kept_columns(self) -> list[str]:
        """Carried through the evaluator: household_id, the rows' units (`unit_col`), 시도 and
        who is paid a unit amount."""
        units = dict.fromkeys([HOUSEHOLD, *self.units])  # the household's: crisis signals (lists.py)
        return ["household_id", *(self.unit_col(u) for u in units), "sido_code",
                *(f"payee:{u}" for u in self.units)]

    def person_columns(self) -> list[str]:
        """Taken from the person frame (same rows, same order) and set beside the decisions."""
        return ["sido_name", CONSENT_COLUMN]
