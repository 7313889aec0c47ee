"""generate(): stream a linked synthetic population to a dataset folder, chunk by chunk.

A chunk is a run of whole households (≈250k people) generated from its own random stream
(SeedSequence([seed, chunk index]) spawned per module), so memory stays bounded by the chunk
size and the same seed gives byte-identical files.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
from pydantic import BaseModel

from eligibility.records.schema import REGISTRIES

from . import assets, benefits, care, crisis, economy, population
from . import noise as inject
from .benefits import PROGRAMMES
from .config import (
    REFERENCE_DATE,
    WINDOW_FIRST_MONTH,
    WINDOW_MONTHS,
    NoiseConfig,
    days,
    window_months,
)
from .regions import RegionTable, load_regions
from .tables import ChunkTables
from .writer import DatasetWriter, write_manifest

CHUNK_PEOPLE = 250_000
PERSONS_PER_HOUSEHOLD = 2.11   # what the templates give on average (before truncation)
EXTERNAL_SPOUSE_BASE = 8_000_000_000_000  # spouses outside the resident registry
GENERATOR_VERSION = "1"


class ProgrammeCounts(BaseModel):
    eligible: int = 0                  # the generator's own (simplified) truth, living people
    recipients: int = 0                # living people with a row in `benefits`
    eligible_not_receiving: int = 0    # the take-up gap the engine exists to find
    receiving_not_eligible: int = 0    # stale or mistaken awards


class GenerationReport(BaseModel):
    people: int
    households: int
    seed: int
    chunks: int
    seconds: float
    out: str
    files: dict[str, dict[str, Any]]
    injected: dict[str, dict[str, int]]
    deaths: int
    programmes: dict[str, ProgrammeCounts]
    age_65_plus: int


def _chunk(seed: int, index: int, n_households: int, n_people: int | None, regions: RegionTable,
           cfg: NoiseConfig, person_offset: int, household_offset: int,
           orphan_ids: inject.OrphanIds,
           ) -> tuple[population.Spine, benefits.Outcome, dict[str, pa.Table], dict[str, inject.Injected]]:
    ss = np.random.SeedSequence([seed, index])
    r = [np.random.default_rng(c) for c in ss.spawn(9)]
    s = population.build(r[0], n_households, n_people, regions)
    c = care.schooling(r[1], s)
    econ = economy.earnings(r[2], s, np.isin(c.school, (3, 4)))
    # Nobody earns after death.
    starts = np.array([days(m) for m in window_months()])
    dead_after = (s.death[:, None] >= 0) & (starts[None, :] > s.death[:, None])
    for m in (econ.earned, econ.business, econ.daily):
        m[dead_after] = 0
    last3 = (econ.earned[:, -3:] + econ.business[:, -3:] + econ.daily[:, -3:]).mean(axis=1)
    a = assets.draw(r[3], s, regions, last3)
    hh_income = np.bincount(s.hh, weights=last3 + econ.national_pension + econ.occupational_amount
                            + a.other_income, minlength=len(s.p.template))
    size = np.bincount(s.hh, minlength=len(s.p.template))
    poor = hh_income / benefits.median(size) < 0.4
    h = care.health(r[4], s, poor[s.hh])
    ev_p, ev_k, ev_d = crisis.events(r[5], s, econ, poor, h.catastrophic)
    out = benefits.draw(r[6], s, econ, a, regions, ev_p, h)

    t = ChunkTables(s, person_offset, household_offset, EXTERNAL_SPOUSE_BASE + person_offset)
    tables = {
        "resident": t.resident(regions), "family": t.family(),
        "earnings": t.earnings(econ, a.other_income), "pensions": t.pensions(econ),
        "property": t.property(a), "disability": t.disability(h), "health": t.health(h),
        "childcare": t.childcare(c), "crisis": t.crisis(ev_p, ev_k, ev_d),
        "benefits": t.benefits(out), "consent": t.consent(r[7]),
    }
    rn = r[8]
    injected: dict[str, inject.Injected] = {}
    tables["resident"], injected["resident"] = inject.resident(rn, tables["resident"], cfg)
    for name in [n for n in tables if n != "resident"]:
        tables[name], injected[name] = inject.registry(
            rn, name, tables[name], REGISTRIES[name].key, cfg, s.n, person_offset + 1, orphan_ids)
    return s, out, tables, injected


def _count(report: dict[str, ProgrammeCounts], s: population.Spine, out: benefits.Outcome) -> None:
    alive = s.alive()
    persons, progs, _ = out.rows
    for i, prog in enumerate(PROGRAMMES):
        got = np.zeros(s.n, bool)
        got[persons[progs == i]] = True
        el = out.eligible[prog]
        c = report[prog]
        c.eligible += int((el & alive).sum())
        c.recipients += int((got & alive).sum())
        c.eligible_not_receiving += int((el & ~got & alive).sum())
        c.receiving_not_eligible += int((got & ~el & alive).sum())


def generate(people: int, seed: int, out: Path, noise: NoiseConfig | None = None,
             chunk_people: int = CHUNK_PEOPLE) -> GenerationReport:
    """Write one Parquet file per registry (see eligibility/records/schema.py) plus
    manifest.json into `out`. Exactly `people` residents; deterministic in `seed`."""
    if people < 1:
        raise ValueError("people must be at least 1")
    cfg = noise if noise is not None else NoiseConfig()
    t0 = time.perf_counter()
    out = Path(out)
    regions = load_regions()
    writer = DatasetWriter(out)
    orphan_ids = inject.OrphanIds()
    injected = {name: inject.Injected() for name in REGISTRIES if name != "region"}
    counts = {p: ProgrammeCounts() for p in PROGRAMMES}
    done, households, index, deaths, old = 0, 0, 0, 0, 0
    per_chunk = max(1, round(chunk_people / PERSONS_PER_HOUSEHOLD))
    margin = 1.08
    while done < people:
        remaining = people - done
        last = remaining <= chunk_people * 1.05
        n_hh = math.ceil(remaining / PERSONS_PER_HOUSEHOLD * margin) + 20 if last else per_chunk
        s, res, tables, inj = _chunk(seed, index, n_hh, remaining if last else None, regions,
                                     cfg, done, households, orphan_ids)
        if last and s.n < remaining:  # not enough people drawn: retry larger (deterministic)
            margin += 0.1
            continue
        for name, table in tables.items():
            writer.write(name, table)
            injected[name].add(inj[name])
        _count(counts, s, res)
        deaths += int((s.death >= 0).sum())
        old += int(((s.age >= 65) & s.alive()).sum())
        done += s.n
        households += len(s.p.template)
        index += 1
    writer.write("region", regions.arrow())
    files = writer.close()
    inj_out = {k: v.__dict__.copy() for k, v in sorted(injected.items())}
    manifest = {
        "generator": "synthetic_data", "generator_version": GENERATOR_VERSION,
        "seed": seed, "people": people, "households": households, "chunks": index,
        "chunk_people": chunk_people, "reference_date": REFERENCE_DATE.isoformat(),
        "earnings_window": {"first_month": WINDOW_FIRST_MONTH.isoformat(), "months": WINDOW_MONTHS},
        "noise": cfg.model_dump(), "injected": inj_out, "files": files,
    }
    write_manifest(out, manifest)
    return GenerationReport(people=people, households=households, seed=seed, chunks=index,
                            seconds=round(time.perf_counter() - t0, 3), out=str(out), files=files,
                            injected=inj_out, deaths=deaths, programmes=counts, age_65_plus=old)
