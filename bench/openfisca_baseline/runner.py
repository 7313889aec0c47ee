"""Run the baseline on a person frame, vectorised, the way OpenFisca runs a microsimulation.

    frame = run_openfisca(persons, date(2026, 3, 1))

Four timed steps (`timings` is filled when a dict is passed):

- prepare: the person frame → typed columns (polars): group codes, the payee, nulls filled;
- build: SimulationBuilder (declare the persons, households and couples, join them with
  their roles) and one `set_input` per input variable, from numpy arrays;
- calculate: `simulation.calculate` of each programme's eligibility and amount (OpenFisca
  computes and caches every intermediate variable they need);
- output: household results projected onto persons, into a polars frame.

Nulls: OpenFisca has no missing values. A null input is given OpenFisca's default (0 won,
False, 1970-01-01, the first enum member), so its decision is not meaningful; `compare` only
compares people whose household and couple have no null input (see `compare.row_flags`)."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl
from openfisca_core import periods
from openfisca_core.simulations import Simulation, SimulationBuilder

from .entities import HEAD, MEMBER, PARTNER
from .system import baseline_system
from .variables.inputs import ENUMS, INPUTS

PROGRAMMES = ("blsa_livelihood", "basic_pension", "child_allowance")
# programme → (eligibility variable, amount variable, entity of both)
OUTPUTS = {
    "blsa_livelihood": ("blsa_livelihood_eligible", "blsa_livelihood_amount", "household"),
    "basic_pension": ("basic_pension_eligible", "basic_pension_amount", "person"),
    "child_allowance": ("child_allowance_eligible", "child_allowance_amount", "person"),
}
NULL_DATE = dt.date(1970, 1, 1)  # OpenFisca's default date


@dataclass
class Prepared:
    n: int
    person_id: pl.Series
    household: np.ndarray      # dense household code per person
    couple: np.ndarray         # dense couple code per person
    payee: np.ndarray          # bool: the household's head (payee of household benefits)
    inputs: dict[str, np.ndarray]


def _filled(name: str, kind: str) -> pl.Expr:
    c = pl.col(name)
    if kind == "money":
        return c.fill_null(0).cast(pl.Int64)
    if kind == "int":
        return c.fill_null(0).cast(pl.Int32)
    if kind == "bool":
        return c.fill_null(False).cast(pl.Boolean)
    if kind == "date":
        return c.fill_null(NULL_DATE).cast(pl.Date)
    members = [m.name for m in ENUMS[name]]
    return c.replace_strict({m: i for i, m in enumerate(members)}, default=0,
                            return_dtype=pl.Int16)


def payees(person_id: pl.Series, head: np.ndarray, household: np.ndarray) -> np.ndarray:
    """The person paid a household amount: the head (lowest person_id among those marked),
    else the household's lowest person_id — the rule our engine applies (units.household.payee).
    With numpy on the dense household codes: a polars window over 10M unsorted ids is 4× slower."""
    if person_id.dtype.is_integer():
        order = person_id.to_numpy().astype(np.int64)
        order = order - order.min() if len(order) else order
    else:
        order = person_id.rank("ordinal").to_numpy().astype(np.int64)
    offset = int(order.max()) + 1 if len(order) else 0
    key = np.where(head, order, order + offset)  # heads first, then by person_id
    best = np.full(int(household.max()) + 1 if len(household) else 0, np.iinfo(np.int64).max)
    np.minimum.at(best, household, key)
    return key == best[household]


def prepare(persons: pl.DataFrame) -> Prepared:
    df = persons.lazy()
    if "is_head" not in persons.columns:
        df = df.with_columns(is_head=pl.lit(None, dtype=pl.Boolean))
    out = df.select(
        pl.col("person_id"),
        (pl.col("household_id").rank("dense") - 1).cast(pl.Int64).alias("_household"),
        (pl.col("couple_id").rank("dense") - 1).cast(pl.Int64).alias("_couple"),
        pl.col("is_head").fill_null(False).alias("_head"),
        (pl.col("relation_to_head") == "lodger").fill_null(False).alias("_lodger"),
        *[_filled(name, kind).alias(name) for name, kind in INPUTS.items()],
    ).collect()
    # a lodger (동거인) is a household of their own, as in the engine (units.household.apart in
    # rules/inputs.yaml): OpenFisca takes the households as the simulation's input
    household = out["_household"].to_numpy().copy()
    lodger = out["_lodger"].to_numpy()
    household[lodger] = household.max(initial=-1) + 1 + np.arange(int(lodger.sum()))
    return Prepared(
        n=out.height,
        person_id=out["person_id"],
        household=household,
        couple=out["_couple"].to_numpy(),
        payee=payees(out["person_id"], out["_head"].to_numpy(), household),
        inputs={name: out[name].to_numpy() for name in INPUTS},
    )


def build_simulation(prepared: Prepared, as_of: dt.date, system=None) -> Simulation:
    system = system or baseline_system()
    period = periods.period(as_of.isoformat())
    builder = SimulationBuilder()
    builder.create_entities(system)
    builder.declare_person_entity("person", np.arange(prepared.n))
    households = builder.declare_entity("household", np.arange(int(prepared.household.max()) + 1
                                                               if prepared.n else 0))
    builder.join_with_persons(households, prepared.household,
                              np.where(prepared.payee, HEAD, MEMBER))
    couples = builder.declare_entity("couple", np.arange(int(prepared.couple.max()) + 1
                                                         if prepared.n else 0))
    builder.join_with_persons(couples, prepared.couple, np.full(prepared.n, PARTNER))
    simulation = builder.build(system)
    for name, array in prepared.inputs.items():
        simulation.set_input(name, period, array)
    return simulation


def calculate(simulation: Simulation, as_of: dt.date) -> dict[str, np.ndarray]:
    period = periods.period(as_of.isoformat())
    out = {}
    for eligible, amount, _ in OUTPUTS.values():
        out[eligible] = simulation.calculate(eligible, period)
        out[amount] = simulation.calculate(amount, period)
    return out


def to_persons(simulation: Simulation, prepared: Prepared, results: dict[str, np.ndarray]) -> pl.DataFrame:
    """person_id, and per programme `<p>_eligible` and `<p>_amount` (household amounts to the payee)."""
    household_of = simulation.populations["household"].members_entity_id
    columns: dict[str, Any] = {"person_id": prepared.person_id}
    for programme, (eligible, amount, entity) in OUTPUTS.items():
        e, a = results[eligible], results[amount]
        if entity == "household":
            e = e[household_of]
            a = np.where(prepared.payee, a[household_of], 0)
        columns[f"{programme}_eligible"] = pl.Series(e, dtype=pl.Boolean)
        columns[f"{programme}_amount"] = pl.Series(a, dtype=pl.Int64)
    return pl.DataFrame(columns)


def run_openfisca(persons: pl.DataFrame, as_of: dt.date, *, timings: dict[str, float] | None = None,
                  keep: dict[str, Any] | None = None) -> pl.DataFrame:
    """The three programmes for every person of `persons` (our person frame), as of `as_of`.

    `timings`, if given, receives prepare_s, build_s, calculate_s and output_s; `keep`, if
    given, receives the simulation and the prepared inputs (for diagnostics)."""
    system = baseline_system()  # built once per process, outside the timings
    t0 = time.perf_counter()
    prepared = prepare(persons)
    t1 = time.perf_counter()
    simulation = build_simulation(prepared, as_of, system)
    t2 = time.perf_counter()
    results = calculate(simulation, as_of)
    t3 = time.perf_counter()
    frame = to_persons(simulation, prepared, results)
    t4 = time.perf_counter()
    if timings is not None:
        timings.update(prepare_s=t1 - t0, build_s=t2 - t1, calculate_s=t3 - t2, output_s=t4 - t3)
    if keep is not None:
        keep.update(simulation=simulation, prepared=prepared)
    return frame
