"""Who receives what: the benefits registry, drawn from a noisy, dated view of each person.

The generator needs its own rough idea of eligibility to make recipients plausible. It is a
deliberately simplified reading of korean-welfare-law.md (BLSA lines 32/40/48/50% of the 2026
median, 기초연금 2,470,000 / 3,952,000, EITC and CTC limits, …) — the rulebook, not this
module, is the reference. Take-up gaps come from two sources, as in life:
  * the administration sees last year's average income (not the last three months) and an
    imprecise valuation of property (±25%), so recent job losers look ineligible and recent
    job finders still receive: recipients who are no longer eligible;
  * eligible people do not all apply (take-up rates below, [R] except where noted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from .assets import Assets
from .care import Health
from .config import REFERENCE_DATE, days
from .economy import Economy
from .population import Spine
from .regions import RegionTable

PROGRAMMES = (
    "blsa_livelihood", "blsa_medical", "blsa_housing", "blsa_education", "near_poor",
    "basic_pension", "child_allowance", "parent_benefit", "first_meeting_voucher",
    "disability_pension", "single_parent_support", "emergency_livelihood", "energy_voucher",
    "eitc", "child_tax_credit",
)
TAKE_UP = {
    "blsa": 0.75, "near_poor": 0.45, "basic_pension": 0.93,  # ≈290k of 6.8M eligible don't (§7)
    "child_allowance": 0.98, "parent_benefit": 0.98, "first_meeting_voucher": 0.96,
    "disability_pension": 0.80, "single_parent_support": 0.60, "emergency_livelihood": 0.25,
    "energy_voucher": 0.85, "eitc": 0.85, "child_tax_credit": 0.85,
}
# 기준 중위소득 2026, won/month, by household size (welfare-law §1 [V]/[S]).
MEDIAN_2026 = np.array([0, 2_564_238, 4_199_292, 5_359_036, 6_494_738, 7_556_719, 8_555_952,
                        9_515_150])
MEDIAN_STEP = 959_198
_BLSA_DEDUCTION = np.array([99_000_000, 80_000_000, 77_000_000, 53_000_000])  # §2.2 [S]
_BLSA_HOUSING_CAP = np.array([172_000_000, 151_000_000, 146_000_000, 112_000_000])
BASIC_PENSION = 349_700  # 2026 기준연금액 [S N14]
_BP_DEDUCTION = np.array([135_000_000, 85_000_000, 72_500_000])  # §3 by city tier [S]
_EMERGENCY_PROPERTY = np.array([241_000_000, 152_000_000, 130_000_000])  # §9 [S]
REF = days(REFERENCE_DATE)


def median(size: np.ndarray) -> np.ndarray:
    return np.where(size <= 7, MEDIAN_2026[np.minimum(size, 7)],
                    MEDIAN_2026[7] + (size - 7) * MEDIAN_STEP).astype(np.float64)


@dataclass
class View:
    """A person's situation as some observer sees it (truth, or the administration's)."""
    labour: np.ndarray       # monthly earned + business + daily
    earned: np.ndarray       # monthly earned (wages only)
    annual: np.ndarray       # previous-year earned + daily + business
    property_factor: np.ndarray  # per household multiplier on property values


@dataclass
class Outcome:
    eligible: dict[str, np.ndarray]   # programme → bool per person (truth)
    rows: tuple[np.ndarray, np.ndarray, np.ndarray]  # person index, programme index, since day


def _hh_sum(s: Spine, x: np.ndarray) -> np.ndarray:
    return np.bincount(s.hh, weights=x.astype(np.float64), minlength=len(s.p.template))


def _evaluate(s: Spine, econ: Economy, a: Assets, regions: RegionTable, v: View,
              crisis_hh: np.ndarray, health: Health) -> dict[str, np.ndarray]:
    n_hh = len(s.p.template)
    alive = s.alive()
    size = np.maximum(np.bincount(s.hh, weights=alive, minlength=n_hh).astype(np.int64), 1)
    med = median(size)
    pf = v.property_factor
    tier = regions.blsa_tier[s.region]
    city = regions.city_tier[s.region]
    pension = econ.national_pension + econ.occupational_amount
    hh = s.hh
    e: dict[str, np.ndarray] = {}
    # 기초연금: the person and spouse (couple unit), 65+, no occupational pension (§3).
    sp = s.k.spouse
    has_sp = (sp >= 0) & alive
    def couple(x: np.ndarray) -> np.ndarray:
        return x + np.where(has_sp, x[np.maximum(sp, 0)], 0)
    earned_bp = np.maximum(v.earned - 1_160_000, 0) * 0.7 + (v.labour - v.earned)
    inc_bp = couple(earned_bp + pension + a.other_income)
    prop = couple(a.home + a.lease + a.other_re) * pf[hh]
    luxury = (a.car_value >= 40_000_000) | (a.car_cc >= 3000)
    prop_car = couple(np.where(luxury, 0, a.car_value)) * pf[hh]
    fin_bp = couple(a.financial) * pf[hh]
    conv = np.maximum(np.maximum(prop + prop_car - _BP_DEDUCTION[city[hh]], 0)
                      + np.maximum(fin_bp - 20_000_000, 0) - couple(a.debts), 0) * 0.04 / 12
    recog_bp = inc_bp + conv + couple(np.where(luxury, a.car_value, 0))
    occ = couple(econ.occupational.astype(np.int64)) > 0
    line = np.where(has_sp, 3_952_000, 2_470_000)  # 2026 선정기준액 [V N12]
    e["basic_pension"] = (s.age >= 65) & ~occ & (recog_bp <= line)
    dis_line = np.where(has_sp, 2_240_000, 1_400_000)
    e["disability_pension"] = health.severe & (s.age >= 18) & ~occ & (recog_bp <= dis_line)

    # BLSA recognised income of the household (simplified §2.2).
    # 기초연금 counts as income for the BLSA (§2.2); the disability pension does not.
    basic = np.where(e["basic_pension"], np.where(has_sp, 0.8, 1.0) * BASIC_PENSION, 0)
    income = _hh_sum(s, (0.7 * v.labour + pension + a.other_income + basic) * alive)
    housing = _hh_sum(s, a.home + a.lease) * pf
    general = _hh_sum(s, a.other_re) * pf
    fin = _hh_sum(s, a.financial) * pf
    rem = _BLSA_DEDUCTION[tier] + _hh_sum(s, a.debts)
    cap = _BLSA_HOUSING_CAP[tier]
    h1, over = np.minimum(housing, cap), np.maximum(housing - cap, 0) + general
    h1r = np.maximum(h1 - rem, 0)
    rem = np.maximum(rem - h1, 0)
    gr = np.maximum(over - rem, 0)
    rem = np.maximum(rem - over, 0)
    fr = np.maximum(fin - rem - 5_000_000, 0)
    cheap_car = (a.car_cc < 2000) & ((a.car_age >= 10) | (a.car_value < 5_000_000))
    car = _hh_sum(s, a.car_value * np.where(cheap_car, 0.0417, 1.0)) * pf
    recognised = income + h1r * 0.0104 + gr * 0.0417 + fr * 0.0626 + car
    ratio = (recognised / med)[s.hh]
    e["blsa_livelihood"] = ratio <= 0.32
    e["blsa_medical"] = ratio <= 0.40
    e["blsa_housing"] = (ratio <= 0.48) & (a.tenure[hh] != 0)
    e["blsa_education"] = (ratio <= 0.50) & np.isin(s.p.role, (2, 4)) & (_school(s) > 0)
    e["near_poor"] = (ratio <= 0.50) & (ratio > 0.40)

    # Age limits in calendar months, as the rules count them (아동수당 until the month before
    # the 9th birthday month in 2026; 부모급여 under 24 months); the birth voucher can be used
    # for two years after birth, and the registry lists those who were issued one.
    months = _calendar_months(s.birth)
    born_2017 = (s.birth >= days(date(2017, 1, 1))) & (s.birth < days(date(2018, 1, 1)))
    e["child_allowance"] = (months < 12 * 9) | born_2017  # 2017년생 paid all of 2026 (부칙 제2조②)
    e["parent_benefit"] = months < 24
    e["first_meeting_voucher"] = s.birth > REF - int(2 * 365.25)
    # Lone parent with a child under 18 in the household, income ≤ 65% of the median.
    minor = np.bincount(hh, weights=(s.age < 18) & np.isin(s.p.role, (2, 4)), minlength=n_hh) > 0
    lone_head = (s.p.role == 0) & ~((sp >= 0) & (hh[np.maximum(sp, 0)] == hh))
    e["single_parent_support"] = lone_head & minor[hh] & (s.age >= 18) & (ratio <= 0.65)
    # Emergency livelihood: a recorded crisis, income ≤ 75%, property under the tier cap.
    prop_all = (housing + general)[hh]
    e["emergency_livelihood"] = ((s.p.role == 0) & crisis_hh[hh] & ((income / med)[hh] <= 0.75)
                                 & (prop_all <= _EMERGENCY_PROPERTY[city[hh]])
                                 & (fin[hh] <= med[hh] + 6_000_000))
    blsa_any = (ratio <= 0.48)
    vulnerable = np.bincount(hh, weights=(s.age >= 65) | (s.age < 7) | health.disabled
                             | health.pregnant | health.rare, minlength=n_hh) > 0
    e["energy_voucher"] = (s.p.role == 0) & blsa_any & (vulnerable[hh] | (lone_head & minor[hh]))
    # EITC / CTC on the previous year's income of head and spouse; property < 2.4억 (§10).
    annual = couple(v.annual)
    assets = (housing + general + fin + _hh_sum(s, a.car_value) * pf)[hh]
    spouse_earns = has_sp & (v.annual[np.maximum(sp, 0)] >= 3_000_000) & (v.annual >= 3_000_000)
    limit = np.where(spouse_earns, 44_000_000, np.where(has_sp | minor[hh], 32_000_000, 22_000_000))
    head = s.p.role == 0
    e["eitc"] = head & (annual > 0) & (annual < limit) & (assets < 240_000_000)
    e["child_tax_credit"] = head & minor[hh] & (annual > 0) & (annual < 70_000_000) & (assets < 240_000_000)
    return e


def _calendar_months(birth: np.ndarray) -> np.ndarray:
    """Whole calendar months from the birth month to the reference month."""
    born = birth.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    ref = np.datetime64(REFERENCE_DATE, "M").astype(np.int64)
    return ref - born


def _school(s: Spine) -> np.ndarray:
    birth_year = 1970 + np.floor(s.birth / 365.2425).astype(np.int64)
    grade = REFERENCE_DATE.year - birth_year - 6
    return np.where((grade >= 1) & (grade <= 12), 1, 0)


def _since(rng: np.random.Generator, s: Spine, prog: str, idx: np.ndarray) -> np.ndarray:
    born = s.birth[idx]
    if prog in ("child_allowance", "parent_benefit", "first_meeting_voucher"):
        return (born + rng.integers(20, 60, len(idx))).astype(np.int32)
    if prog in ("basic_pension",):
        start = born + int(65 * 365.25) + rng.integers(0, 120, len(idx))
    else:
        start = REF - rng.exponential(4 * 365.25, len(idx)).astype(np.int64)
    return np.clip(start, born + 30, REF - 1).astype(np.int32)


def draw(rng: np.random.Generator, s: Spine, econ: Economy, a: Assets, regions: RegionTable,
         crisis_persons: np.ndarray, health: Health) -> Outcome:
    n_hh = len(s.p.template)
    last3 = slice(-3, None)
    year = slice(1, 13)  # 2025 inside the window (2024-12 … 2026-02)
    labour_now = (econ.earned[:, last3] + econ.business[:, last3] + econ.daily[:, last3]).mean(axis=1)
    annual = (econ.earned[:, year] + econ.business[:, year] + econ.daily[:, year]).sum(axis=1)
    truth = View(labour_now, econ.earned[:, last3].mean(axis=1), annual.astype(np.float64),
                 np.ones(n_hh))
    crisis_hh = np.zeros(n_hh, bool)
    crisis_hh[s.hh[crisis_persons]] = True
    eligible = _evaluate(s, econ, a, regions, truth, crisis_hh, health)
    # The administration's view: last year's average, property valued ±25%.
    noise = np.exp(rng.normal(0, 0.25, s.n))
    seen = View(annual / 12 * noise, econ.earned[:, year].mean(axis=1) * noise,
                annual * noise, np.exp(rng.normal(0, 0.25, n_hh)))
    view = _evaluate(s, econ, a, regions, seen, crisis_hh, health)
    # One take-up draw per household for the BLSA family (they apply together).
    blsa_takes = (rng.random(n_hh) < TAKE_UP["blsa"])[s.hh]
    persons, progs, since = [], [], []
    for i, prog in enumerate(PROGRAMMES):
        takes = blsa_takes if prog.startswith("blsa") else rng.random(s.n) < TAKE_UP[prog]
        idx = np.flatnonzero(view[prog] & takes)
        persons.append(idx)
        progs.append(np.full(len(idx), i, np.int8))
        since.append(_since(rng, s, prog, idx))
    return Outcome(eligible, (np.concatenate(persons), np.concatenate(progs), np.concatenate(since)))
