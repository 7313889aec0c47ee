"""The outreach, review and undetermined lists and the summary on a small known population
(see KNOWN_HOUSEHOLDS in conftest.py for why each person lands where)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from eligibility.sweep import (
    FrameSource,
    PublishedRun,
    RulesSpec,
    SweepOptions,
    open_run,
    run_sweep,
)

BP, LIV = "basic_pension", "blsa_livelihood"


@pytest.fixture(scope="module")
def run(known_source: FrameSource, mini_spec: RulesSpec, tmp_path_factory: pytest.TempPathFactory) -> PublishedRun:
    out = tmp_path_factory.mktemp("runs")
    run_sweep(known_source, mini_spec, SweepOptions(out, partition_size=2, workers=1))
    return open_run(out)


def rows(run: PublishedRun, name: str, *cols: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in pl.read_parquet(run.file(name)).select(cols).iter_rows()]


def test_outreach_is_eligible_not_receiving_ranked_by_need_with_consent(run: PublishedRun) -> None:
    # p1's household has a crisis signal: first; within it the larger amount first.
    assert rows(run, "outreach", "rank", "person_id", "programme", "amount", "crisis") == [
        (1, "p1", LIV, 470_856, "job_loss"), (2, "p1", BP, 349_700, "job_loss")]
    # p6 gave no consent: listed apart, never in the contact list.
    assert rows(run, "outreach_no_consent", "person_id", "programme", "contact_consent") == [
        ("p6", LIV, False), ("p6", BP, False)]


def test_receiving_eligible_people_are_in_no_list(run: PublishedRun) -> None:
    listed = {r[0] for name in ("outreach", "outreach_no_consent", "review") for r in rows(run, name, "person_id")}
    assert "p2" not in {r[0] for r in rows(run, "outreach", "person_id")}
    assert listed == {"p1", "p2", "p6"}


def test_review_is_receiving_and_ineligible_not_undetermined(run: PublishedRun) -> None:
    # p2 lost the basic pension (occupational pension); p3 receives it but is undetermined.
    assert rows(run, "review", "person_id", "programme", "failed_criteria", "since") == [
        ("p2", BP, "not_occupational", dt.date(2020, 1, 1))]


def test_undetermined_names_the_record_to_ask_for(run: PublishedRun) -> None:
    assert rows(run, "undetermined", "registry", "input", "person_id", "programmes", "decisions") == [
        ("earnings", "earned_income_monthly", "p3", f"{BP},{LIV}", 2),
        # the household's livelihood is undetermined for p4 and p5; only p5's record is missing
        ("earnings", "other_income_monthly", "p5", LIV, 2)]
    assert rows(run, "undetermined_by_input", "input", "programme", "persons_to_ask", "decisions") == [
        ("earned_income_monthly", BP, 1, 1), ("earned_income_monthly", LIV, 1, 1),
        ("other_income_monthly", LIV, 1, 2)]


def test_summary_counts_and_monthly_cost(run: PublishedRun) -> None:
    totals = run.manifest["counts"]["programmes"]
    assert {k: totals[BP][k] for k in ("eligible", "ineligible", "undetermined", "amount")} == {
        "eligible": 2, "ineligible": 5, "undetermined": 1, "amount": 2 * 349_700}
    # household programme: paid once per household, to the head
    assert {k: totals[LIV][k] for k in ("eligible", "eligible_units", "undetermined", "amount")} == {
        "eligible": 3, "eligible_units": 3, "undetermined": 3, "amount": 2 * 470_856 + 820_556}
    assert totals[BP]["receiving_ineligible"] == 1 and totals[BP]["receiving_undetermined"] == 1
    by_sido = pl.read_parquet(run.file("summary")).filter(
        (pl.col("programme") == BP) & (pl.col("status") == "eligible"))
    assert sorted(by_sido.select("sido_name", "persons").iter_rows()) == [("경기도", 1), ("서울특별시", 1)]


def test_a_sweep_of_some_programmes_only(known_source: FrameSource, mini_spec: RulesSpec, tmp_path: Path) -> None:
    spec = RulesSpec(mini_spec.root, mini_spec.as_of, ("basic_pension",))
    run = open_run(tmp_path, run_sweep(known_source, spec, SweepOptions(tmp_path, 3, 1)).run_id)
    assert run.programmes == [BP]
    assert [c for c in run.decisions().columns if ":" in c] == [f"{BP}:{f}" for f in ("status", "amount", "failed", "missing")]
    assert set(pl.read_parquet(run.file("outreach"))["programme"]) == {BP}
    long = run.long(["p1", "p2"])
    assert long.select("person_id", "programme", "status").rows() == [("p1", BP, 1), ("p2", BP, 0)]
