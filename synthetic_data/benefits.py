"""Who receives what: the benefits registry, drawn from a noisy, dated view of each person.

The generator needs its own rough idea of eligibility to make recipients plausible. It is a
deliberately simplified reading of korean-welfare-law.md — the rulebook, not this module, is the
reference — but every legal figure it uses (the median income, selection lines and rates,
deductions, caps, age limits) is read from rules/parameters as in force on REFERENCE_DATE, so the
rules stay the single source. The only figures written here are the generator's own assumptions,
which the rules do not hold (marked below). Take-up gaps come from two sources, as in life:
  * the administration sees last year's average income (not the last three months) and an
    imprecise valuation of property (±25%), so recent job losers look ineligible and recent
    job finders still receive: recipients who are no longer eligible;
  * eligible people do not all apply (take-up rates below, [R] except where noted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import lru_cache

import numpy as np

from eligibility.rulebook.loader import load_rulebook
from eligibility.rulebook.parameters import Cell, Table
from eligibility.rulebook.rulebook import Rulebook

from .assets import Assets
from .care import Health
from .config import REFERENCE_DATE, days
from .economy import Economy
from .population import Spine
from .regions import BLSA_TIERS, CITY_TIERS, RegionTable

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
# The generator's own assumptions, NOT in rules/ (the engine does not use them):
# a BLSA allowance taken off financial assets (the rules leave the 금융재산 생활준비금 공제 out:
# its amount was not found, see rules/parameters/blsa.yaml) …
_FINANCIAL_RESERVE = 5_000_000
# … and the age from which a spouseless head counts as a lone parent (the rules test the head's
# marital status, an input this model does not draw).
_ADULT_AGE = 18
REF = days(REFERENCE_DATE)


class Params:
    """The rulebook's parameters in force on one date, as the plain numbers numpy needs.

    Rates become floats (the nearest float to the exact Fraction, i.e. to the written decimal);
    tables keyed by region tier become arrays indexed by the tier codes of regions.py, matched by
    key name, not by dict order."""

    def __init__(self, book: Rulebook, as_of: date = REFERENCE_DATE) -> None:
        self.book, self.as_of = book, as_of

    def _at(self, path: str) -> Cell | Table:
        value = self.book.parameters[path].at(self.as_of)
        if value is None:
            raise LookupError(f"params.{path} has no value on {self.as_of}")
        return value

    def cell(self, path: str) -> int | Fraction | bool:
        value = self._at(path)
        assert isinstance(value, Cell) and isinstance(value.value, int | Fraction), path
        return value.value

    def whole(self, path: str) -> int:
        value = self.cell(path)
        assert isinstance(value, int), path
        return value

    def rate(self, path: str) -> float:
        return float(self.cell(path))

    def kept(self, path: str) -> float:
        """1 − a deduction or reduction rate (the share that still counts), exact until here."""
        return float(1 - self.cell(path))

    def table(self, path: str) -> Table:
        value = self._at(path)
        assert isinstance(value, Table), path
        return value

    def coded(self, path: str, keys: tuple[str, ...]) -> np.ndarray:
        """A table's values in the order of `keys` (a tier code's position in its tuple)."""
        cells = self.table(path).cells
        return np.array([cells[k].value for k in keys])


@lru_cache(maxsize=1)
def params() -> Params:
    """The repository's rulebook on REFERENCE_DATE, loaded once per process."""
    return Params(load_rulebook())


def median(size: np.ndarray) -> np.ndarray:
    """기준 중위소득 by household size; past the table's largest size, each person adds the
    last step (the table's `extend: linear`)."""
    t = params().table("median_income.standard")
    top = max(k for k in t.cells if isinstance(k, int))
    by_size = np.array([0] + [t.cells[k].value for k in range(1, top + 1)])  # size 0 unused
    beyond = t.lookup(top + 1)
    assert isinstance(beyond, int), "median_income.standard must extend linearly"
    step = beyond - int(by_size[top])
    return np.where(size <= top, by_size[np.minimum(size, top)],
                    by_size[top] + (size - top) * step).astype(np.float64)


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
    p = params()
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
    earned_bp = (np.maximum(v.earned - p.whole("basic_pension.earned_income_deduction"), 0)
                 * p.kept("basic_pension.earned_income_extra_deduction_rate")
                 + (v.labour - v.earned))
    inc_bp = couple(earned_bp + pension + a.other_income)
    prop = couple(a.home + a.lease + a.other_re) * pf[hh]
    luxury = ((a.car_value >= p.whole("basic_pension.luxury_car_min_value"))
              | (a.car_cc >= p.whole("basic_pension.luxury_car_min_cc")))
    prop_car = couple(np.where(luxury, 0, a.car_value)) * pf[hh]
    fin_bp = couple(a.financial) * pf[hh]
    bp_deduction = p.coded("basic_pension.basic_property_deduction", CITY_TIERS)
    conv = np.maximum(
        np.maximum(prop + prop_car - bp_deduction[city[hh]], 0)
        + np.maximum(fin_bp - p.whole("basic_pension.financial_asset_deduction"), 0)
        - couple(a.debts), 0) * p.rate("basic_pension.property_conversion_rate") / 12
    recog_bp = inc_bp + conv + couple(np.where(luxury, a.car_value, 0))
    occ = couple(econ.occupational.astype(np.int64)) > 0
    def line(path: str) -> np.ndarray:
        cells = p.table(path).cells
        return np.where(has_sp, cells["couple"].value, cells["single"].value)
    e["basic_pension"] = ((s.age >= p.whole("basic_pension.min_age")) & ~occ
                          & (recog_bp <= line("basic_pension.selection_threshold")))
    # The disability pension reuses the basic pension's recognised income (as the rules do).
    dp_line = line("disability_pension.selection_threshold")
    e["disability_pension"] = (health.severe & (s.age >= p.whole("disability_pension.min_age"))
                               & ~occ & (recog_bp <= dp_line))

    # BLSA recognised income of the household (simplified §2.2).
    # 기초연금 counts as income for the BLSA (§2.2); the disability pension does not.
    basic = np.where(e["basic_pension"],
                     np.where(has_sp, p.kept("basic_pension.couple_reduction_rate"), 1.0)
                     * p.whole("basic_pension.base_amount"), 0)
    income = _hh_sum(s, (p.kept("blsa.earned_income_deduction_rate") * v.labour + pension
                         + a.other_income + basic) * alive)
    housing = _hh_sum(s, a.home + a.lease) * pf
    general = _hh_sum(s, a.other_re) * pf
    fin = _hh_sum(s, a.financial) * pf
    rem = p.coded("blsa.basic_property_deduction", BLSA_TIERS)[tier] + _hh_sum(s, a.debts)
    cap = p.coded("blsa.residential_property_cap", BLSA_TIERS)[tier]
    h1, over = np.minimum(housing, cap), np.maximum(housing - cap, 0) + general
    h1r = np.maximum(h1 - rem, 0)
    rem = np.maximum(rem - h1, 0)
    gr = np.maximum(over - rem, 0)
    rem = np.maximum(rem - over, 0)
    fr = np.maximum(fin - rem - _FINANCIAL_RESERVE, 0)
    # Cars that qualify are converted at the general rate (without deductions), others at 100%.
    general_rate = p.rate("blsa.general_conversion_rate")
    cheap_car = ((a.car_cc < p.whole("blsa.vehicle_general_max_cc"))
                 & ((a.car_age >= p.whole("blsa.vehicle_general_min_age"))
                    | (a.car_value < p.whole("blsa.vehicle_general_max_value"))))
    car = _hh_sum(s, a.car_value * np.where(cheap_car, general_rate,
                                            p.rate("blsa.vehicle_conversion_rate"))) * pf
    recognised = (income + h1r * p.rate("blsa.residential_conversion_rate") + gr * general_rate
                  + fr * p.rate("blsa.financial_conversion_rate") + car)
    ratio = (recognised / med)[s.hh]
    e["blsa_livelihood"] = ratio <= p.rate("blsa.livelihood_rate")
    e["blsa_medical"] = ratio <= p.rate("blsa.medical_rate")
    e["blsa_housing"] = (ratio <= p.rate("blsa.housing_rate")) & (a.tenure[hh] != 0)
    e["blsa_education"] = ((ratio <= p.rate("blsa.education_rate")) & np.isin(s.p.role, (2, 4))
                           & (_school(s) > 0))
    e["near_poor"] = ((ratio <= p.rate("blsa.near_poor_rate"))
                      & (ratio > p.rate("blsa.medical_rate")))

    # Age limits in calendar months, as the rules count them (아동수당 until the month before
    # the birthday month of its age limit; 부모급여 under its age limit); the birth voucher can be
    # used for a period after birth, and the registry lists those who were issued one.
    months = _calendar_months(s.birth)
    e["child_allowance"] = ((months < 12 * p.whole("child_allowance.max_age"))
                            | _special_cohort(s, p))
    e["parent_benefit"] = months < 12 * p.whole("parent_benefit.max_age")
    voucher_days = int(p.whole("first_meeting.use_period_years") * 365.25)
    e["first_meeting_voucher"] = s.birth > REF - voucher_days
    # Lone parent with a child in the household, income under the single-parent line.
    def has_child(max_age: int) -> np.ndarray:
        return np.bincount(hh, weights=(s.age < max_age) & np.isin(s.p.role, (2, 4)),
                           minlength=n_hh)[hh] > 0
    sp_child = has_child(p.whole("single_parent.child_max_age"))
    lone_head = (s.p.role == 0) & ~((sp >= 0) & (hh[np.maximum(sp, 0)] == hh))
    e["single_parent_support"] = (lone_head & sp_child & (s.age >= _ADULT_AGE)
                                  & (ratio <= p.rate("single_parent.income_rate")))
    # Emergency livelihood: a recorded crisis, income under the line, property under the tier cap,
    # financial assets under one month's median (the living reserve) plus the allowance.
    prop_all = (housing + general)[hh]
    fin_cap = (med * p.rate("emergency.living_reserve_rate")
               + p.whole("emergency.financial_asset_allowance"))
    prop_cap = p.coded("emergency.property_cap", CITY_TIERS)
    e["emergency_livelihood"] = ((s.p.role == 0) & crisis_hh[hh]
                                 & ((income / med)[hh] <= p.rate("emergency.income_rate"))
                                 & (prop_all <= prop_cap[city[hh]]) & (fin[hh] <= fin_cap[hh]))
    # Any BLSA benefit, approximated by the housing line (the widest one without a school child).
    blsa_any = ratio <= p.rate("blsa.housing_rate")
    vulnerable = np.bincount(hh, weights=(s.age >= p.whole("energy_voucher.elderly_min_age"))
                             | (s.age < p.whole("energy_voucher.infant_max_age")) | health.disabled
                             | health.pregnant | health.rare, minlength=n_hh) > 0
    e["energy_voucher"] = (s.p.role == 0) & blsa_any & (vulnerable[hh] | (lone_head & sp_child))
    # EITC / CTC on the previous year's income of head and spouse; household property (§10).
    annual = couple(v.annual)
    assets = (housing + general + fin + _hh_sum(s, a.car_value) * pf)[hh]
    tax_child = has_child(p.whole("eitc.dependent_child_max_age"))
    earner = p.whole("eitc.spouse_earner_min_pay")
    spouse_earns = has_sp & (v.annual[np.maximum(sp, 0)] >= earner) & (v.annual >= earner)
    limits = p.table("eitc.income_limit").cells
    limit = np.where(spouse_earns, limits["dual_earner"].value,
                     np.where(has_sp | tax_child, limits["one_earner"].value,
                              limits["single"].value))
    head = s.p.role == 0
    e["eitc"] = (head & (annual > 0) & (annual < limit)
                 & (assets < p.whole("eitc.property_limit")))
    e["child_tax_credit"] = (head & tax_child & (annual > 0)
                             & (annual < p.whole("ctc.income_limit"))
                             & (assets < p.whole("ctc.property_limit")))
    return e


def _special_cohort(s: Spine, p: Params) -> np.ndarray:
    """아동수당's special birth-year cohort (2017년생 paid all of 2026, 부칙 제2조②), while that
    rule is in force."""
    if not p.cell("child_allowance.special_cohort_in_force"):
        return np.zeros(s.n, bool)
    year = p.whole("child_allowance.special_cohort_birth_year")
    return (s.birth >= days(date(year, 1, 1))) & (s.birth < days(date(year + 1, 1, 1)))


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
        min_age = params().whole("basic_pension.min_age")
        start = born + int(min_age * 365.25) + rng.integers(0, 120, len(idx))
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
