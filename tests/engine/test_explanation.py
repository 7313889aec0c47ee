"""The explanation is the same computation as the batch: same decisions, plus the values,
their registries, the parameters with their sources, and the statute of each criterion."""

from __future__ import annotations

import datetime as dt

from eligibility.evaluation import STATUS_NAMES, CompiledRulebook, decode_bits
from eligibility.explanation import Explainer, Trace
from eligibility.households import households_frame

AS_OF = dt.date(2026, 3, 1)
HOUSEHOLDS = {"households": [
    {"id": "kim", "members": [
        {"id": "kim-1", "relation_to_head": "head", "spouse": "kim-2", "birth_date": "1950-01-01",
         "earned_income_monthly": 0, "other_income_monthly": 100_000, "occupational_pension": False},
        {"id": "kim-2", "relation_to_head": "spouse", "spouse": "kim-1", "birth_date": "1952-05-05",
         "earned_income_monthly": 0, "other_income_monthly": 0, "occupational_pension": False}]},
    {"id": "lee", "members": [
        {"id": "lee-1", "relation_to_head": "head", "birth_date": "1940-01-01", "has_spouse": False,
         "occupational_pension": False}]},
]}


def walk(t: Trace):
    yield t
    for c in t.children:
        yield from walk(c)


def test_explanation_agrees_with_the_batch_decisions(mini_book):
    park = {"id": "park", "members": [  # too young for the basic pension: a failed criterion
        {"id": "park-1", "relation_to_head": "head", "birth_date": "1990-01-01", "has_spouse": False,
         "earned_income_monthly": 0, "other_income_monthly": 0, "occupational_pension": False}]}
    frame = households_frame(mini_book, {"households": [*HOUSEHOLDS["households"], park]})
    compiled = CompiledRulebook(mini_book, AS_OF)
    batch = {r["person_id"]: r for r in compiled.decisions(frame).collect().to_dicts()}
    checked = 0
    for hh in ("kim", "lee", "park"):
        explainer = Explainer(compiled, frame.filter(frame["household_id"] == hh))
        for pid in explainer.frame["person_id"]:
            decisions = explainer.explain(pid)
            assert [d.programme for d in decisions] == compiled.programmes, pid
            for d in decisions:
                row, p = batch[pid], d.programme
                assert d.status == STATUS_NAMES[row[f"{p}:status"]], (pid, p)
                assert d.amount == row[f"{p}:amount"], (pid, p)
                assert d.failed == decode_bits(row[f"{p}:failed"], compiled.layout[p].criteria), (pid, p)
                assert d.missing == compiled.missing_inputs(p, row[f"{p}:missing"]), (pid, p)
                checked += 1
    assert checked == 4 * 2   # kim-1, kim-2, lee-1, park-1 × basic_pension, blsa_livelihood
    # the comparisons compared something: lee-1 has no income records, park-1 is 36
    assert batch["lee-1"]["basic_pension:missing"] != 0 and batch["park-1"]["basic_pension:failed"] != 0


def test_trace_names_values_registries_parameters_and_statutes(mini_book):
    frame = households_frame(mini_book, HOUSEHOLDS)
    explainer = Explainer(CompiledRulebook(mini_book, AS_OF), frame.filter(frame["household_id"] == "kim"))
    (d,) = explainer.explain("kim-1", ["blsa_livelihood"])
    assert d.status == "eligible" and d.amount == 684_253
    (crit,) = d.criteria
    assert crit.outcome == "true" and crit.citation == "국민기초생활 보장법 제8조 제2항"
    nodes = list(walk(crit.test))
    line = next(n for n in nodes if n.label == "livelihood_line")
    assert line.value == 1_343_773 and line.kind == "variable"
    median = next(n for n in nodes if n.label == "params.median_income.standard[household_size]")
    assert median.value == 4_199_292 and median.source == "from 2026-01-01; [V] N1"
    income = next(n for n in nodes if n.label == "other_income_monthly")
    assert income.kind == "input" and income.source == "registry: earnings"


def test_missing_inputs_are_explained_with_their_registry(mini_book):
    frame = households_frame(mini_book, HOUSEHOLDS)
    explainer = Explainer(CompiledRulebook(mini_book, AS_OF), frame.filter(frame["household_id"] == "lee"))
    (d,) = explainer.explain("lee-1", ["basic_pension"])
    assert d.status == "undetermined"
    assert {"input": "earned_income_monthly", "scope": "couple", "registry": "earnings"} in d.missing
    income = next(c for c in d.criteria if c.id == "income")
    assert income.outcome == "unknown"


def test_a_couple_registered_in_two_households_is_explained_as_decided(mini_book):
    # the couple's income decides the basic pension: explained household by household, the
    # spouse's income would be missing and the explanation would disagree with the decision
    from eligibility.cli.evaluate import decision_rows, explanations

    def elder(pid, spouse, income):
        return {"id": pid, "relation_to_head": "head", "spouse": spouse, "birth_date": "1950-01-01",
                "earned_income_monthly": income, "other_income_monthly": 0, "occupational_pension": False}
    frame = households_frame(mini_book, {"households": [
        {"id": "kim", "members": [elder("kim-1", "kim-2", 0)]},
        {"id": "lee", "members": [{"id": "lee-1", "relation_to_head": "head", "birth_date": "1940-01-01"}]},
        {"id": "park", "members": [elder("kim-2", "kim-1", 9_000_000)]}]})
    compiled = CompiledRulebook(mini_book, AS_OF)
    traces = explanations(compiled, frame)
    assert list(traces) == ["kim-1", "lee-1", "kim-2"]  # file order
    rows = decision_rows(compiled, frame)
    assert {r["status"] for r in rows if r["person"] == "kim-1" and r["programme"] == "basic_pension"} == {"ineligible"}
    for r in rows:
        trace = traces[r["person"]][r["programme"]]
        assert (trace.status, trace.amount) == (r["status"], r["amount"]), (r["person"], r["programme"])


def test_an_input_read_of_the_person_and_of_the_household_is_listed_once(rulebook):
    # energy_voucher reads blsa_region_tier of the person and (via any(household, …)) of every
    # member; with the region unknown, `evaluate` listed it twice ("missing: blsa_region_tier
    # (region), blsa_region_tier (region)"). Both listings name each input once.
    from eligibility.cli.evaluate import decision_rows

    frame = households_frame(rulebook, {"households": [{"id": "h", "members": [
        {"id": "a", "relation_to_head": "head", "birth_date": "1950-01-01"}]}]})
    compiled = CompiledRulebook(rulebook, AS_OF, ["energy_voucher"])
    (trace,) = Explainer(compiled, frame).explain("a")
    (row,) = decision_rows(compiled, frame)
    for missing in (trace.missing, row["missing"]):
        names = [m["input"] for m in missing]
        assert "blsa_region_tier" in names and len(names) == len(set(names)), names


def test_a_household_of_unknown_membership_is_explained(rulebook):
    # b's relation to the head is unknown: b may be a lodger (a household of their own) or not,
    # so a's household size is unknown and the trace says why
    frame = households_frame(rulebook, {"households": [{"id": "h", "members": [
        {"id": "a", "relation_to_head": "head", "birth_date": "1950-01-01"},
        {"id": "b", "birth_date": "1952-01-01"}]}]})
    (trace,) = Explainer(CompiledRulebook(rulebook, AS_OF, ["energy_voucher"]), frame).explain("a")
    notes = [t.note for c in trace.criteria for t in walk(c.test) if t.note and "household unknown" in t.note]
    assert notes and all('`relation_to_head == "lodger"` being unknown for a member' in n for n in notes), notes
    assert ("relation_to_head", "resident") in {(m["input"], m["registry"]) for m in trace.missing}
