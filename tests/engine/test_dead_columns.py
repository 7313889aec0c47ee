"""The decisions path drops each intermediate column once no later layer reads it (bounded
memory on large frames), without changing a single decision."""

from __future__ import annotations

import datetime as dt

from bench.evaluate import random_persons
from eligibility.evaluation import CompiledRulebook

AS_OF = dt.date(2026, 3, 1)


def test_decisions_equal_those_of_the_full_evaluation(rulebook):
    compiled = CompiledRulebook(rulebook, AS_OF)
    frame = random_persons(rulebook, 4000, seed=3)
    full = compiled.evaluate(frame)
    decisions = compiled.decisions(frame).collect()
    cols = [f"{p}:{f}" for p in compiled.programmes for f in ("status", "amount", "failed", "missing")]
    assert decisions.select(cols).equals(full.select(cols))
    assert full["blsa_livelihood:status"].n_unique() > 1  # the frame exercises the rules


def test_only_the_asked_intermediates_survive(rulebook):
    compiled = CompiledRulebook(rulebook, AS_OF, ["blsa_livelihood"])
    frame = random_persons(rulebook, 500, seed=4)
    full = compiled.lazy(frame).collect()
    computed = {e.meta.output_name() for layer in compiled.columns for e in layer}
    wanted = {"v:blsa_recognised_income", "p:blsa_livelihood:eligible"}
    assert wanted < computed
    kept = compiled.lazy(frame, wanted).collect()
    assert set(kept.columns) & computed == wanted
    assert kept.select(sorted(wanted)).equals(full.select(sorted(wanted)))
