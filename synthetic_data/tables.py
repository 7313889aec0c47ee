"""Arrow tables of one chunk, one per registry, in the exact schemas of
eligibility/records/schema.py (built from numpy arrays; strings via dictionary decoding)."""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa

from eligibility.records import schema as S

from .assets import Assets
from .benefits import PROGRAMMES, Outcome
from .care import DIS_TYPES, LEVELS, Care, Health
from .config import days, window_months
from .crisis import EVENTS
from .economy import Economy
from .households import NONE
from .kinship import DIVORCED, MARRIED, NEVER, WIDOWED
from .population import Spine
from .regions import RegionTable

_ARROW = {pl.Int64(): pa.int64(), pl.Int32(): pa.int32(), pl.Date(): pa.date32(),
          pl.String(): pa.string(), pl.Boolean(): pa.bool_(), pl.Float64(): pa.float64()}
_MARITAL = {NEVER: "never_married", MARRIED: "married", DIVORCED: "divorced", WIDOWED: "widowed"}


def arrow_schema(reg: S.Registry) -> pa.Schema:
    return pa.schema([pa.field(c, _ARROW[t]) for c, t in reg.columns.items()])


def _strings(codes: np.ndarray, vocab: tuple[str, ...] | list[str]) -> pa.Array:
    return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32)),
                                          pa.array(list(vocab), pa.string())).cast(pa.string())


def _dates(d: np.ndarray) -> pa.Array:
    return pa.array(d.astype(np.int32), pa.int32()).cast(pa.date32())


def _ids(local: np.ndarray, offset: int) -> pa.Array:
    """Local person indices → person ids (1-based, offset by earlier chunks); -1 → null."""
    return pa.array(local + offset + 1, pa.int64(), mask=local == NONE)


def _table(reg: S.Registry, cols: dict[str, pa.Array]) -> pa.Table:
    return pa.table(cols, schema=arrow_schema(reg))


class ChunkTables:
    def __init__(self, s: Spine, person_offset: int, household_offset: int,
                 external_spouse_base: int) -> None:
        self.s = s
        self.off = person_offset
        self.pid = pa.array(np.arange(s.n, dtype=np.int64) + person_offset + 1)
        self.hid = np.asarray(s.hh, np.int64) + household_offset + 1
        self.external_base = external_spouse_base

    def resident(self, regions: RegionTable) -> pa.Table:
        s = self.s
        death = s.death
        return _table(S.RESIDENT, {
            "person_id": self.pid, "household_id": pa.array(self.hid),
            "birth_date": _dates(s.birth), "sex": _strings(s.female.astype(np.int8), S.SEXES),
            "relation_to_head": _strings(s.p.role, S.RELATIONS),
            "sigungu_code": _strings(s.region[s.hh], list(regions.code5)),
            "move_in_date": _dates(s.move_in),
            "death_date": pa.array(death, pa.int32(), mask=death < 0).cast(pa.date32()),
            "name": s.name,
        })

    def family(self) -> pa.Table:
        k = self.s.k
        spouse = pa.array(np.where(k.spouse != NONE, k.spouse + self.off + 1,
                                   self.external_base + np.arange(self.s.n)),
                          pa.int64(), mask=(k.spouse == NONE) & ~k.external_spouse)
        codes = np.array([0, 1, 2, 3], np.int8)[k.marital]
        return _table(S.FAMILY, {
            "person_id": self.pid, "spouse_id": spouse,
            "mother_id": _ids(k.mother, self.off), "father_id": _ids(k.father, self.off),
            "marital_status": _strings(codes, [_MARITAL[i] for i in range(4)]),
            "birth_order": pa.array(k.birth_order, pa.int32()),
        })

    def earnings(self, econ: Economy, other: np.ndarray) -> pa.Table:
        """Sparse long format: rows for months with income; one zero row for a person with
        no income at all in the window (present in the registry, known to earn nothing)."""
        months = np.array([days(m) for m in window_months()], np.int32)
        other_m = np.repeat(other[:, None], len(months), axis=1)
        any_m = (econ.earned > 0) | (econ.business > 0) | (econ.daily > 0) | (other_m > 0)
        nothing = ~any_m.any(axis=1)
        any_m[nothing, 0] = True
        person, month = np.nonzero(any_m)  # row-major: by person, then month
        return _table(S.EARNINGS, {
            "person_id": pa.array(person.astype(np.int64) + self.off + 1),
            "month": _dates(months[month]),
            "earned": pa.array(econ.earned[person, month]),
            "business": pa.array(econ.business[person, month]),
            "daily_work": pa.array(econ.daily[person, month]),
            "other": pa.array(other_m[person, month]),
        })

    def pensions(self, econ: Economy) -> pa.Table:
        return _table(S.PENSIONS, {
            "person_id": self.pid, "national_pension": pa.array(econ.national_pension),
            "national_pension_a": pa.array(econ.national_pension_a),
            "occupational_pension": pa.array(econ.occupational),
            "occupational_pension_amount": pa.array(econ.occupational_amount),
        })

    def property(self, a: Assets) -> pa.Table:
        return _table(S.PROPERTY, {
            "person_id": self.pid, "home_value": pa.array(a.home), "lease_deposit": pa.array(a.lease),
            "other_real_estate": pa.array(a.other_re), "financial_assets": pa.array(a.financial),
            "debts": pa.array(a.debts), "vehicle_value": pa.array(a.car_value),
            "vehicle_cc": pa.array(a.car_cc), "vehicle_age_years": pa.array(a.car_age),
        })

    def disability(self, h: Health) -> pa.Table:
        idx = np.flatnonzero(h.disabled)
        return _table(S.DISABILITY, {
            "person_id": pa.array(idx.astype(np.int64) + self.off + 1),
            "severity": _strings(np.where(h.severe[idx], 0, 1).astype(np.int8), S.SEVERITIES),
            "disability_type": _strings(h.dis_type[idx], DIS_TYPES),
            "registered_on": _dates(h.registered_on[idx]),
        })

    def health(self, h: Health) -> pa.Table:
        return _table(S.HEALTH, {
            "person_id": self.pid, "arrears_months": pa.array(h.arrears),
            "rare_disease": pa.array(h.rare), "pregnant": pa.array(h.pregnant),
        })

    def childcare(self, c: Care) -> pa.Table:
        """Enrolled people only: children in daycare and pupils and students."""
        idx = np.flatnonzero(c.in_daycare | (c.school > 0))
        return _table(S.CHILDCARE, {
            "person_id": pa.array(idx.astype(np.int64) + self.off + 1),
            "in_daycare": pa.array(c.in_daycare[idx]),
            "daycare_voucher_monthly": pa.array(c.voucher[idx]),
            "school_level": _strings(c.school[idx], LEVELS),
        })

    def crisis(self, persons: np.ndarray, kinds: np.ndarray, when: np.ndarray) -> pa.Table:
        order = np.lexsort((when, kinds, persons))
        return _table(S.CRISIS, {
            "person_id": pa.array(persons[order].astype(np.int64) + self.off + 1),
            "event": _strings(kinds[order], EVENTS), "event_date": _dates(when[order]),
        })

    def benefits(self, out: Outcome) -> pa.Table:
        persons, progs, since = out.rows
        order = np.lexsort((progs, persons))
        return _table(S.BENEFITS, {
            "person_id": pa.array(persons[order].astype(np.int64) + self.off + 1),
            "programme": _strings(progs[order], PROGRAMMES), "since": _dates(since[order]),
        })

    def consent(self, rng: np.random.Generator) -> pa.Table:
        """복지멤버십-like consent: ≈22% of people answered (§12.1: 11.09M members); most said
        yes, a few refused. Everyone else is absent (consent unknown)."""
        s = self.s
        adult = s.age >= 19
        answered = np.flatnonzero(adult & (rng.random(s.n) < 0.27))
        yes = rng.random(len(answered)) < 0.92
        recorded = (days(window_months()[0]) - rng.integers(0, 4 * 365, len(answered))).astype(np.int32)
        return _table(S.CONSENT, {
            "person_id": pa.array(answered.astype(np.int64) + self.off + 1),
            "contact_consent": pa.array(yes), "recorded_on": _dates(recorded),
        })
