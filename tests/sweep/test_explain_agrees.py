"""`explain` evaluates the same compiled rules on one household: it must reach the sweep's
decision for every programme (status, amount, failed criteria, missing inputs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import polars as pl

from eligibility.evaluation import STATUS_NAMES, decode_bits
from eligibility.explanation import Trace
from eligibility.rulebook.rulebook import Rulebook
from eligibility.sweep import (
    FrameSource,
    PersonSource,
    PublishedRun,
    RulesSpec,
    SweepOptions,
    open_run,
    run_sweep,
)
from eligibility.sweep.dataset_source import DatasetSource
from eligibility.sweep.why import explain_person

Population = tuple[pl.DataFrame, pl.DataFrame]


def agree(run: PublishedRun, source: PersonSource, spec: RulesSpec, people: list[object]) -> int:
    compiled = spec.compile().compiled
    decisions = run.decisions(people)
    checked = 0
    for row in decisions.iter_rows(named=True):
        why = explain_person(source, compiled, row["person_id"])
        for t in why.traces:
            p = t.programme
            lay = compiled.layout[p]
            assert t.status == STATUS_NAMES[row[f"{p}:status"]], (row["person_id"], p)
            assert t.amount == row[f"{p}:amount"], (row["person_id"], p)
            assert t.failed == decode_bits(row[f"{p}:failed"], lay.criteria)
            assert t.missing == compiled.missing_inputs(p, row[f"{p}:missing"]), (row["person_id"], p)
            checked += 1
    return checked


def test_explain_agrees_with_the_sweep_on_a_sample(mini: Rulebook, make_population: Callable[..., Population],
                                                   spec: RulesSpec, tmp_path: Path) -> None:
    frame, benefits = make_population(mini, 2_000, seed=5)
    source = FrameSource(frame, benefits)
    run_sweep(source, spec, SweepOptions(tmp_path, 500, 1))
    run = open_run(tmp_path)
    decisions = run.decisions()
    # a sample that covers every status of every programme, plus random people
    sample: set[object] = set(frame.sample(30, seed=1)["person_id"].to_list())
    for p in run.programmes:
        for status in (0, 1, 2):
            sample |= set(decisions.filter(pl.col(f"{p}:status") == status).head(3)["person_id"].to_list())
    assert agree(run, source, spec, sorted(sample)) == len(sample) * len(run.programmes)


def test_explain_agrees_on_the_known_population(known_source: FrameSource, spec: RulesSpec, tmp_path: Path) -> None:
    run_sweep(known_source, spec, SweepOptions(tmp_path, 3, 1))
    people = known_source.frame["person_id"].to_list()
    assert agree(open_run(tmp_path), known_source, spec, people) == 2 * len(people)


def test_explain_agrees_for_people_of_unknown_household(unplaced: tuple[Path, list[int]], tmp_path: Path) -> None:
    data, people = unplaced
    spec = RulesSpec(None, dt.date(2026, 3, 1))
    source = DatasetSource(data)
    run_sweep(source, spec, SweepOptions(tmp_path, 1_000_000, 1))
    run = open_run(tmp_path)
    assert agree(run, source, spec, people[:4]) == 4 * len(run.programmes)
    # the tree says why a household figure is unknown, and where to ask
    why = explain_person(source, spec.compile().compiled, people[0])
    notes = [n for t in why.traces for c in t.criteria for n in _notes(c.test)]
    assert "household unknown: no household_id (registry: resident)" in notes


def _notes(trace: Trace) -> list[str]:
    return [*([trace.note] if trace.note else []), *(n for ch in trace.children for n in _notes(ch))]


def test_explain_agrees_for_lodgers_and_their_hosts(dataset: Path, tmp_path: Path) -> None:
    # a lodger (동거인) is a household of their own: explaining one, or a member of the registry
    # household they lodge in, evaluates the units the sweep did
    spec = RulesSpec(None, dt.date(2026, 3, 1))
    source = DatasetSource(dataset)
    run_sweep(source, spec, SweepOptions(tmp_path, 2_000, 1))
    run = open_run(tmp_path)
    resident = pl.read_parquet(dataset / "resident.parquet")
    lodgers = resident.filter(pl.col("relation_to_head") == "lodger")
    hosts = resident.filter(pl.col("household_id").is_in(lodgers["household_id"].implode())
                            & (pl.col("relation_to_head") == "head"))
    people = sorted({*lodgers["person_id"].head(6).to_list(), *hosts["person_id"].head(6).to_list()})
    living = set(run.decisions(people)["person_id"].to_list())
    assert len(living) >= 8  # lodgers and heads alive on the date
    assert agree(run, source, spec, sorted(living)) == len(living) * len(run.programmes)
