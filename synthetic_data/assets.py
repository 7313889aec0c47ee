"""Property and non-labour income: housing tenure, home and lease values, land and other
buildings, financial assets, debts, cars; interest, rent and private transfers.

Drawn per household around its economic position, then attributed to persons (the head
owns the home, sometimes jointly with the spouse). Targets (§6): owner-occupied 58.4%, renters
38% (전세 ≈15, 월세 ≈23), rent-free 3.6%; household net worth median 2.39억, 57% below 3억,
11.8% at or above 10억; ≈ 70% of households with a car, far fewer for the old and poor.
Values are 시가표준액-like standard values, which is what the welfare rules read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .population import Spine
from .regions import RegionTable

# Median standard value of a home by BLSA tier (seoul, gyeonggi, metro, other) [R: shaped on
# 공시가격 levels; only the relative order is sourced, §6.2 PIR 수도권 8.7× vs 6.3×].
_HOME_MEDIAN = np.array([560_000_000, 325_000_000, 225_000_000, 140_000_000])
_OWN_BASE = np.array([0.50, 0.60, 0.66, 0.73])  # §6.2: 수도권 52.7, 광역시 60.0, 도 66.5


@dataclass
class Assets:
    home: np.ndarray            # per person, int64 won
    lease: np.ndarray
    other_re: np.ndarray
    financial: np.ndarray
    debts: np.ndarray
    car_value: np.ndarray
    car_cc: np.ndarray          # int32
    car_age: np.ndarray         # int32
    other_income: np.ndarray    # per person, won/month (interest, rent, private transfers)
    tenure: np.ndarray          # per household: 0 own, 1 jeonse, 2 monthly rent, 3 free


def _won(x: np.ndarray, unit: int = 100_000) -> np.ndarray:
    return (np.rint(np.maximum(x, 0) / unit) * unit).astype(np.int64)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def draw(rng: np.random.Generator, s: Spine, regions: RegionTable,
         labour_income: np.ndarray) -> Assets:
    n_hh, n = len(s.p.template), s.n
    head = np.flatnonzero(s.p.role == 0)
    head_of = np.full(n_hh, -1, np.int64)
    head_of[s.hh[head]] = head
    missing = head_of < 0  # a household whose head died before the snapshot: first member
    first = np.searchsorted(s.hh, np.arange(n_hh))
    head_of[missing] = first[missing]
    age = s.age[head_of].astype(np.float64)
    size = np.bincount(s.hh, minlength=n_hh)
    z = s.household_z
    tier = regions.blsa_tier[s.region]
    rural = regions.city_tier[s.region] == 2
    income = np.bincount(s.hh, weights=labour_income, minlength=n_hh)

    # Tenure: ownership rises with age, household size and economic position.
    own_logit = (np.log(_OWN_BASE[tier] / (1 - _OWN_BASE[tier])) + 1.1 * z
                 + np.interp(age, [20, 30, 40, 55, 70, 90], [-3.0, -1.6, -0.2, 0.5, 0.8, 0.6])
                 + np.where(size == 1, -0.9, 0.25) + 0.3 * rural)
    own = rng.random(n_hh) < _sigmoid(own_logit)
    free = ~own & (rng.random(n_hh) < 0.09)
    jeonse = ~own & ~free & (rng.random(n_hh) < _sigmoid(-0.1 + 0.8 * z))
    tenure = np.where(own, 0, np.where(free, 3, np.where(jeonse, 1, 2))).astype(np.int8)

    value = _HOME_MEDIAN[tier] * np.where(rural, 0.6, 1.0) * np.exp(
        0.5 * z + 0.6 * rng.standard_normal(n_hh)) * np.where(size == 1, 0.7, 1.0)
    home = _won(np.where(own, value, 0))
    deposit = np.where(jeonse, 0.7 * value, np.where(tenure == 2, 12_000_000 * np.exp(
        0.3 * z + 0.8 * rng.standard_normal(n_hh)) * np.where(tier == 0, 1.6, 1.0), 0))
    lease = _won(np.minimum(deposit, 2_000_000_000), 1_000_000)
    has_re = rng.random(n_hh) < _sigmoid(-2.6 + 0.9 * z + 0.8 * own + 0.02 * (age - 50))
    other_re = _won(np.where(has_re, 130_000_000 * np.exp(1.0 * rng.standard_normal(n_hh)
                                                           + 0.3 * z), 0))
    fin = 32_000_000 * np.exp(1.0 * z + 1.0 * rng.standard_normal(n_hh)) * np.interp(
        age, [20, 35, 50, 65, 80], [0.3, 0.8, 1.3, 1.0, 0.6]) * np.sqrt(size)
    financial = _won(fin, 10_000)
    has_debt = rng.random(n_hh) < _sigmoid(-0.5 + 1.2 * own + 0.4 * jeonse
                                            + np.interp(age, [25, 40, 60, 75], [0.3, 0.6, 0, -1.2]))
    debt_base = np.where(own, 0.3 * value, np.where(jeonse, 0.4 * lease, 15_000_000))
    debts = _won(np.where(has_debt, debt_base * np.exp(0.7 * rng.standard_normal(n_hh)), 0), 1_000_000)

    # Cars: steep gradient by economic position; fewer for singles and the very old.
    car_logit = (2.1 + 1.2 * z + np.where(size == 1, -1.4, 0.2) + 0.5 * rural
                 + np.interp(age, [20, 30, 65, 75, 85], [-1.0, 0, 0, -1.2, -2.5]))
    car = rng.random(n_hh) < _sigmoid(car_logit)
    new_price = 32_000_000 * np.exp(0.45 * rng.standard_normal(n_hh) + 0.15 * z)
    car_age = np.where(car, np.minimum(rng.gamma(2.0, 4.0, n_hh), 25).astype(np.int32), 0)
    car_value = _won(np.where(car, new_price * 0.87 ** car_age, 0), 10_000)
    cc = np.select([new_price < 18_000_000, new_price < 28_000_000, new_price < 45_000_000,
                    new_price < 70_000_000], [998, 1598, 1999, 2497], 3342)
    car_cc = np.where(car, cc, 0).astype(np.int32)

    # To persons: the head holds the household's property; a spouse co-owns the home in 30% of
    # couples and holds 40% of the savings.
    spouse = s.k.spouse[head_of]
    has_sp = spouse >= 0
    has_sp[has_sp] &= s.hh[spouse[has_sp]] == np.arange(n_hh)[has_sp]
    joint = has_sp & (rng.random(n_hh) < 0.3)
    out = {k: np.zeros(n, np.int64) for k in ("home", "lease", "re", "fin", "debts", "cv")}
    out_cc, out_age = np.zeros(n, np.int32), np.zeros(n, np.int32)

    def give(key: str, values: np.ndarray, share_to_spouse: np.ndarray) -> None:
        to_sp = _won(values * share_to_spouse, 10_000)
        out[key][head_of] += values - to_sp
        np.add.at(out[key], spouse[has_sp], to_sp[has_sp])

    give("home", home, np.where(joint, 0.5, 0.0))
    give("lease", lease, np.zeros(n_hh))
    give("re", other_re, np.where(has_sp & (rng.random(n_hh) < 0.3), 1.0, 0.0))
    give("fin", financial, np.where(has_sp, 0.4, 0.0))
    give("debts", debts, np.zeros(n_hh))
    out["cv"][head_of], out_cc[head_of], out_age[head_of] = car_value, car_cc, car_age
    # Other adults keep some savings of their own.
    other_adult = (s.p.role > 1) & (s.age >= 20)
    out["fin"][other_adult] += _won(5_000_000 * np.exp(s.person_z[other_adult] + 0.5 * z[s.hh[other_adult]]), 10_000)

    other_income = _other_income(rng, s, out["fin"], out["re"], income[s.hh], labour_income)
    return Assets(out["home"], out["lease"], out["re"], out["fin"], out["debts"], out["cv"],
                  out_cc, out_age, other_income, tenure)


def _other_income(rng: np.random.Generator, s: Spine, fin: np.ndarray, other_re: np.ndarray,
                  household_labour: np.ndarray, own_labour: np.ndarray) -> np.ndarray:
    """Interest (2.4%/yr on savings above 3,000만; smaller sums are not reported monthly),
    rent from a third of other property, private transfers to a third of the elderly, and
    parents' support to most young adults living alone without earnings (students)."""
    n = s.n
    interest = np.where(fin >= 30_000_000, fin * 0.024 / 12, 0)
    rent = np.where((other_re > 0) & (rng.random(n) < 0.33), other_re * 0.003, 0)
    elderly = s.age >= 65
    p_transfer = np.where(elderly, np.where(household_labour < 1_000_000, 0.30, 0.20), 0.0)
    alone = np.bincount(s.hh)[s.hh] == 1
    young = alone & (s.age >= 18) & (s.age < 35) & (own_labour < 500_000)
    p_transfer = np.where(young, 0.8, p_transfer)
    amount = np.where(young, 1_000_000, 250_000) * np.exp(0.6 * rng.standard_normal(n))
    transfer = np.where(rng.random(n) < p_transfer, amount, 0)
    return (np.rint((interest + rent + transfer) / 1000) * 1000).astype(np.int64)
