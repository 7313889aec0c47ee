"""Benchmark of the evaluation step alone (records already in memory): every programme for
every person, as of a date. Prints persons/s and person-programme decisions/s.

    python -m bench.evaluate --people 1000000
    python -m bench.evaluate --data /work/data/1m      # a generated, linked dataset instead

The random frame follows rules/inputs.yaml's types with plausible ranges and ~1% unknowns;
households are 1-5 people with a head and, for two or more, a couple."""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import time

import numpy as np
import polars as pl

from bench.machine import machine
from eligibility.evaluation import DTYPES, CompiledRulebook
from eligibility.rulebook.loader import load_rulebook
from eligibility.rulebook.rulebook import Rulebook

TEXT_VALUES = {
    "sex": ["M", "F"], "relation_to_head": ["head", "spouse", "child", "parent", "other"],
    "sigungu_code": ["11110", "41820", "26110"], "blsa_region_tier": ["seoul", "gyeonggi", "metro", "other"],
    "city_tier": ["metropolis", "city", "rural"], "marital_status": ["never_married", "married", "divorced", "widowed"],
    "school_level": ["none", "elementary", "middle", "high", "university"],
}


def random_persons(book: Rulebook, n: int, seed: int = 1) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    sizes = rng.choice([1, 2, 3, 4, 5], size=n, p=[0.42, 0.25, 0.17, 0.12, 0.04])
    household = np.repeat(np.arange(n), sizes)[:n]
    position = np.arange(n) - np.searchsorted(household, household)  # 0 for the head
    person_id = np.arange(n, dtype=np.int64)
    couple = np.where(position == 1, person_id - 1, person_id)
    cols: dict[str, object] = {"person_id": person_id, "household_id": household.astype(np.int64),
                               "couple_id": couple.astype(np.int64)}
    today = np.datetime64("2026-03-01")
    for name, spec in book.inputs.items():
        t = spec.type
        if name == "is_head":
            values: object = position == 0
        elif name == "relation_to_head":
            values = np.where(position == 0, "head", np.where(position == 1, "spouse", "child"))
        elif name == "has_spouse":
            values = (position == 1) | ((position == 0) & np.roll(position == 1, -1))
        elif name == "birth_date":
            values = today - rng.integers(0, 100 * 365, n).astype("timedelta64[D]")
        elif t == "date":
            values = today - rng.integers(0, 5 * 365, n).astype("timedelta64[D]")
        elif t == "money":
            values = np.where(rng.random(n) < 0.5, 0, rng.lognormal(14, 1.2, n).astype(np.int64))
        elif t == "int":
            values = rng.integers(0, 12, n).astype(np.int32)
        elif t == "bool":
            values = rng.random(n) < 0.1
        else:
            values = rng.choice(TEXT_VALUES.get(name, ["a", "b"]), n)
        cols[name] = values
    frame = pl.DataFrame(cols).with_columns(
        [pl.col(k).cast(DTYPES[s.type]) for k, s in book.inputs.items()])
    unknown = {k: pl.when(pl.lit(rng.random(n) < 0.01)).then(None).otherwise(pl.col(k)).alias(k)
               for k, s in book.inputs.items() if s.absent == "unknown" and k not in ("birth_date",)}
    return frame.with_columns(list(unknown.values()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, default=1_000_000)
    ap.add_argument("--data", help="a generated dataset folder to link instead of a random frame")
    ap.add_argument("--as-of", default="2026-03-01")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    as_of = dt.date.fromisoformat(args.as_of)
    book = load_rulebook()
    if args.data:
        from eligibility.records.linkage import link_persons
        persons = link_persons(args.data, as_of)
    else:
        persons = random_persons(book, args.people)
    persons = persons.rechunk()
    n = persons.height
    t0 = time.perf_counter()
    compiled = CompiledRulebook(book, as_of)
    t_compile = time.perf_counter() - t0
    k = len(compiled.programmes)
    print(machine())
    print(f"{n:,} persons x {k} programmes = {n * k:,} decisions; compile {t_compile * 1000:.0f} ms")
    best = float("inf")
    for i in range(args.repeat):
        t0 = time.perf_counter()
        out = compiled.decisions(persons).collect()
        elapsed = time.perf_counter() - t0
        best = min(best, elapsed)
        print(f"run {i + 1}: {elapsed:.2f} s  {n / elapsed:,.0f} persons/s  {n * k / elapsed:,.0f} decisions/s")
    rss_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(f"best: {best:.2f} s, {n * k / best:,.0f} decisions/s; peak RSS {rss_gb:.1f} GB; "
          f"output {out.shape}")


if __name__ == "__main__":
    main()
