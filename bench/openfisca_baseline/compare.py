"""OpenFisca and our engine on the same records: speed, and whether they decide the same.

    report = compare(persons, date(2026, 3, 1))

Speed is persons per second over the whole evaluation of the three programmes from the
in-memory person frame: for OpenFisca prepare + build + calculate + output (the system is
built once, before); for our engine `decisions(persons).collect()` (the rulebook is loaded
and compiled once, before: compile time is reported apart). With `repeat` > 1 the two take
turns `repeat` times and each keeps its fastest run. OpenFisca computes with numpy on one core;
our engine with polars on every core.

Agreement is measured on the rows with complete inputs: people whose household, and the
couples of its members, have no null among the inputs the baseline reads (OpenFisca would
see 0 / False where our engine sees "unknown"). A decision agrees when the eligibility is
the same (our engine's status eligible ⇔ OpenFisca's True; an undetermined status on a
complete row is a disagreement) and so is the amount (0 when not eligible; a household
amount counts on the payee's row). Disagreements are traced to the first variable, in
dependency order, whose values differ between the two systems."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import resource
import time
from collections import Counter
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
from openfisca_core import periods

from eligibility.evaluation import ELIGIBLE, UNDETERMINED, CompiledRulebook
from eligibility.rulebook.loader import load_rulebook
from eligibility.rulebook.rulebook import Rulebook

from .runner import OUTPUTS, PROGRAMMES, run_openfisca
from .system import baseline_system
from .variables.inputs import INPUTS

# engine name → baseline name, where they differ
RENAMED = {"basic_pension_qualifies": "basic_pension_eligible"}


def row_flags(persons: pl.DataFrame, household: str = "household_id",
              couple: str = "couple_id") -> pl.DataFrame:
    """Per person:

    - `complete`: no input the baseline reads is null in the person's household, nor in the
      couple of any member of it (a member's basic pension counts in the household's income);
    - `split`: someone in the person's household has a couple that spans two households (a
      spouse registered elsewhere: inputs.yaml's couple unit is couple_id, whatever the
      household).

    Computed in stages: in polars a window nested inside another window's aggregation is
    evaluated within the outer group, so `x.any().over(couple).any().over(household)` would only
    see the part of each couple inside the household."""
    null = pl.any_horizontal([pl.col(c).is_null() for c in INPUTS])
    return (persons.lazy()
            .select(household, couple, null.alias("_null"))
            .with_columns(pl.col("_null").any().over(couple).alias("_couple_null"),
                          (pl.col(household).n_unique().over(couple) > 1).alias("_split"))
            .select((~(pl.col("_null") | pl.col("_couple_null")).any().over(household)).alias("complete"),
                    pl.col("_split").any().over(household).alias("split"))
            .collect())


def _best(runs: list[dict[str, float]], key: str) -> dict[str, float]:
    return min(runs, key=lambda r: r[key])


def _engine_source_hash() -> str:
    """Our engine's code changes often: the figures name the exact source they measured."""
    import eligibility

    root = Path(next(iter(eligibility.__path__)))  # a namespace package: no __file__
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def compare(persons: pl.DataFrame, as_of: dt.date, *, repeat: int = 1, book: Rulebook | None = None,
            diagnose: int = 200) -> dict[str, Any]:
    """Run both systems on `persons` and report speeds, their ratio and the agreement."""
    n = persons.height
    baseline_system()  # built once, before any timing
    book = book or load_rulebook()

    t0 = time.perf_counter()
    compiled = CompiledRulebook(book, as_of, list(PROGRAMMES))
    compile_s = time.perf_counter() - t0

    # The two systems take turns (OpenFisca, engine, OpenFisca, engine, …) so that a change in
    # the machine's load affects both alike; each keeps its fastest run.
    of_runs: list[dict[str, float]] = []
    engine_runs: list[dict[str, float]] = []
    of_frame = decisions = None
    for _ in range(repeat):
        timings: dict[str, float] = {}
        of_frame = decisions = None  # free the previous runs first (OpenFisca's simulation is
        gc.collect()                 # a reference cycle: only the collector frees its arrays)
        c0 = time.process_time()
        of_frame = run_openfisca(persons, as_of, timings=timings)
        cpu = time.process_time() - c0
        timings["total_s"] = sum(timings.values())
        timings["cpu_s"] = cpu  # every thread of the process
        of_runs.append(timings)
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        decisions = compiled.decisions(persons).collect()
        engine_runs.append({"run_s": time.perf_counter() - t0, "cpu_s": time.process_time() - c0})
    assert of_frame is not None and decisions is not None
    gc.collect()
    of_best = _best(of_runs, "total_s")
    engine_best = _best(engine_runs, "run_s")

    # --- agreement --------------------------------------------------------------------------
    flags = row_flags(persons)
    mask, split = flags["complete"], flags["split"].to_numpy()
    agreement, mismatched = _agreement(decisions, of_frame, mask)
    m = mask.to_numpy()
    rows_no_split = m & ~split
    bad_no_split = sum(int((rows_no_split[v]).sum()) for v in mismatched.values())
    agreement["households_with_split_couples"] = {
        "persons": int(split.sum()),
        "decision_agreement_elsewhere": (round(1 - bad_no_split / float(rows_no_split.sum() * len(PROGRAMMES)), 8)
                                         if rows_no_split.sum() else None),
        "disagreements_elsewhere": bad_no_split,
    }
    causes = {}
    if diagnose and any(len(v) for v in mismatched.values()):
        try:
            causes = _causes(persons, as_of, compiled, mismatched, diagnose, split)
        except Exception as e:  # diagnostics must not lose the measured figures
            causes = {"error": f"diagnostics failed: {type(e).__name__}: {e}"}

    of_pps = n / of_best["total_s"] if of_best["total_s"] else float("inf")
    engine_pps = n / engine_best["run_s"] if engine_best["run_s"] else float("inf")
    return {
        "persons": n,
        "as_of": as_of.isoformat(),
        "programmes": list(PROGRAMMES),
        "openfisca": {
            "version": version("openfisca-core"),
            **{k: round(v, 4) for k, v in of_best.items()},
            "persons_per_s": round(of_pps),
            "calculate_persons_per_s": round(n / of_best["calculate_s"]) if of_best["calculate_s"] else None,
            "runs": len(of_runs),
        },
        "engine": {
            "compile_s": round(compile_s, 4),
            "run_s": round(engine_best["run_s"], 4),
            "cpu_s": round(engine_best["cpu_s"], 4),
            "persons_per_s": round(engine_pps),
            "runs": len(engine_runs),
        },
        "ratio": round(engine_pps / of_pps, 3),
        "cpu_ratio": round(of_best["cpu_s"] / engine_best["cpu_s"], 3) if engine_best["cpu_s"] else None,
        "ratio_vs_calculate_only": round(engine_pps * of_best["calculate_s"] / n, 3) if n else None,
        "complete_rows": int(mask.sum()),
        "complete_share": round(float(mask.mean()), 6) if n else None,
        "agreement": agreement,
        "disagreement_causes": causes,
        "engine_source_sha256": _engine_source_hash(),
        "rules_content_hash": book.content_hash,
        "peak_rss_gb": round(_peak_rss_gb(), 2),
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
    }


def _agreement(decisions: pl.DataFrame, of_frame: pl.DataFrame, mask: pl.Series
               ) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Agreement on the rows where `mask` holds; the disagreeing rows' positions in the person
    frame (which is also the order of `of_frame` and `mask`)."""
    # everything in the order of the person frame (our engine returns rows sorted by unit)
    if not decisions["person_id"].equals(of_frame["person_id"]):
        decisions = of_frame.select("person_id").join(decisions, on="person_id", how="left",
                                                      maintain_order="left")
    rows = int(mask.sum())
    m = mask.to_numpy()
    all_agree = np.ones(len(mask), dtype=bool)
    per: dict[str, Any] = {}
    mismatched: dict[str, np.ndarray] = {}
    for p in PROGRAMMES:
        status = decisions[f"{p}:status"].to_numpy()
        eng_amount = decisions[f"{p}:amount"].fill_null(0).to_numpy()
        of_elig = of_frame[f"{p}_eligible"].to_numpy()
        of_amount = of_frame[f"{p}_amount"].to_numpy()
        elig_ok = (status != UNDETERMINED) & ((status == ELIGIBLE) == of_elig)
        amount_ok = eng_amount == of_amount
        ok = elig_ok & amount_ok
        all_agree &= ok
        bad = np.flatnonzero(m & ~ok)
        mismatched[p] = bad
        per[p] = {
            "eligibility_agreement": _rate(elig_ok[m]),
            "amount_agreement": _rate(amount_ok[m]),
            "decision_agreement": _rate(ok[m]),
            "disagreements": int(len(bad)),
            "eligible_engine": int((status[m] == ELIGIBLE).sum()),
            "eligible_openfisca": int(of_elig[m].sum()),
            "undetermined_engine": int((status[m] == UNDETERMINED).sum()),
            "monthly_amount_engine": int(eng_amount[m].sum()),
            "monthly_amount_openfisca": int(of_amount[m].sum()),
        }
    return {
        "rows_compared": rows,
        "person_agreement": _rate(all_agree[m]),
        "decision_agreement": (round(1 - sum(len(v) for v in mismatched.values())
                                     / (rows * len(PROGRAMMES)), 8) if rows else None),
        "per_programme": per,
    }, mismatched


def _rate(a: np.ndarray) -> float | None:
    return round(float(a.mean()), 8) if len(a) else None


def _closure(book: Rulebook, key: str) -> set[str]:
    seen: set[str] = set()
    stack = [key]
    while stack:
        k = stack.pop()
        if k in seen:
            continue
        seen.add(k)
        stack.extend(book.deps.get(k, ()))
    return seen


def _causes(persons: pl.DataFrame, as_of: dt.date, compiled: CompiledRulebook,
            mismatched: dict[str, np.ndarray], limit: int, split: np.ndarray) -> dict[str, Any]:
    """For a sample of the disagreeing rows, the first variable (dependency order) whose value
    differs between the two systems, counted per programme. Both systems are re-run on the
    households of those rows and the couples of their members: every value of a person of
    those households depends on nothing else."""
    book, system = compiled.book, baseline_system()
    period = periods.period(as_of.isoformat())
    rows = np.unique(np.concatenate([v[:limit] for v in mismatched.values()]))
    indexed = persons.with_row_index("_row")
    hh = indexed["household_id"].gather(rows)
    members = indexed.filter(pl.col("household_id").is_in(hh.implode()))
    couples = members["couple_id"].unique()
    subset = indexed.filter(pl.col("household_id").is_in(hh.implode())
                            | pl.col("couple_id").is_in(couples.implode()))
    engine = compiled.lazy(subset).collect()
    position = {int(r): i for i, r in enumerate(engine["_row"].to_list())}
    keep: dict[str, Any] = {}
    run_openfisca(subset.drop("_row"), as_of, keep=keep)
    simulation = keep["simulation"]
    of_position = {int(r): i for i, r in enumerate(subset["_row"].to_list())}

    compared: dict[str, tuple[str, str]] = {}  # order key → (engine column, baseline variable)
    for name in book.variables:
        of_name = RENAMED.get(name, name)
        if f"v:{name}" in engine.columns and of_name in system.variables:
            compared[f"var:{name}"] = (f"v:{name}", of_name)
    for p, (elig, amount, _) in OUTPUTS.items():
        compared[f"prog:{p}"] = (f"p:{p}:eligible", elig)
        compared[f"prog:{p}#amount"] = (f"p:{p}:amount", amount)
    order = {k: i for i, k in enumerate(book.order)}

    def of_values(var: str) -> np.ndarray:
        values = np.asarray(simulation.calculate(var, period))
        entity = system.variables[var].entity.key
        if entity != "person":
            values = values[simulation.populations[entity].members_entity_id]
        return values

    cache: dict[str, np.ndarray] = {}
    out: dict[str, Any] = {}
    for p, bad in mismatched.items():
        if not len(bad):
            continue
        keys = [k for k in compared if k.split("#")[0] in _closure(book, f"prog:{p}")]
        keys.sort(key=lambda k: (order.get(k.split("#")[0], 10**9), k))
        counter: Counter[str] = Counter()
        examples = []
        for r in bad[:limit]:
            i = position[int(r)]
            first = None
            for k in keys:
                col, var = compared[k]
                if var not in cache:
                    cache[var] = of_values(var)
                ev, ov = engine[col][i], cache[var][of_position[int(r)]]
                ov = ov.item() if hasattr(ov, "item") else ov
                if ev is None or ev != ov:
                    first = (var, ev, ov)
                    break
            cause = f"{first[0]} differs" if first else "no intermediate differs (payee or output)"
            if split[r]:
                cause += " (household with a couple split across households)"
            counter[cause] += 1
            if len(examples) < 5:
                examples.append({"person_id": persons["person_id"][int(r)], "cause": cause,
                                 "engine": None if not first else first[1],
                                 "openfisca": None if not first else first[2]})
        out[p] = {"sampled": int(min(len(bad), limit)), "causes": dict(counter.most_common()),
                  "examples": examples}
    return out
