"""Work and pay over the 15-month window, and public pensions.

Employment by age and sex (§5.2: 62.9% of 15+), self-employment by age (§5.2: 22.6% of the
employed, 41% of them 60+), wages by age and sex (§5.3: median 288만, mean 375만), daily
work, and the events that change earnings inside the window (job loss, business closure,
new jobs) — the same events the crisis feed reports. National pension by age (§5.4: 노령연금
≈57% of 65+, median ≈45만) and occupational pensions ([R] ≈6% of 65+).
Everything is drawn around the household's economic position `household_z`, so that income,
property and cars are correlated the way means-tested programmes assume.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import WINDOW_MONTHS
from .population import Spine

NONE, WAGE, BUSINESS, DAILY = 0, 1, 2, 3

# Employment rate by 5-year band from 15 (15-19 … 80+), men / women [C from §5.2 P16].
_EMP_M = np.array([.08, .45, .72, .88, .91, .92, .92, .90, .86, .76, .62, .50, .38, .18])
_EMP_F = np.array([.09, .52, .74, .70, .62, .64, .70, .68, .62, .52, .42, .33, .24, .09])
# Self-employed share of the employed by band (§5.2 P17: 15-29 5%, 30s 13%, 40s 20%, 50s 26%,
# 60+ ≈40%).
_SELF = np.array([.03, .05, .06, .12, .14, .19, .21, .25, .27, .33, .40, .48, .55, .60])
# Median monthly wage by 10-year band 10s…70+, won (§5.3 means ÷ 1.25) and sex multipliers.
_WAGE_MEDIAN = 1.1 * np.array([1_300_000, 2_170_000, 3_180_000, 3_750_000, 3_560_000, 2_340_000,
                               1_320_000, 1_320_000, 1_320_000])
_WAGE_SEX = {False: 1.12, True: 0.82}
MIN_WAGE = 2_096_270  # 2025 최저임금 10,030원 × 209 h [R]


def _band5(age: np.ndarray) -> np.ndarray:
    return np.clip((age - 15) // 5, 0, 13)


@dataclass
class Economy:
    status: np.ndarray          # int8: NONE, WAGE, BUSINESS, DAILY (at the start of the window)
    earned: np.ndarray          # (n, months) int64 won
    business: np.ndarray
    daily: np.ndarray
    job_loss_month: np.ndarray  # int8 month index in the window, -1 none
    closure_month: np.ndarray
    national_pension: np.ndarray
    national_pension_a: np.ndarray
    occupational: np.ndarray    # bool
    occupational_amount: np.ndarray


def _logit(x: np.ndarray) -> np.ndarray:
    x = np.clip(x, 1e-6, 1 - 1e-6)
    return np.log(x / (1 - x))


def _status(rng: np.random.Generator, s: Spine, student: np.ndarray) -> np.ndarray:
    age, fem = s.age, s.female
    b = _band5(age)
    p = 0.95 * np.where(fem, _EMP_F[b], _EMP_M[b]) * np.where(student, 0.3, 1.0)
    z = s.household_z[s.hh]
    # People who head a household of working age must live on something: heads of one-person
    # households and heads/spouses of families work more than the age-sex average.
    size = np.bincount(s.hh)[s.hh]
    working_age = (age >= 20) & (age < 65)
    boost = np.where(working_age & (s.p.role == 0) & (size == 1), 1.8,
                     np.where(working_age & (s.p.role <= 1), 0.6, 0.0))
    p = 1 / (1 + np.exp(-(_logit(p) + boost + 0.2 * z + 0.3 * s.person_z)))
    p[age < 15] = 0
    employed = rng.random(s.n) < p
    self_emp = rng.random(s.n) < _SELF[b]
    daily = rng.random(s.n) < np.where(age >= 55, 0.14, 0.07) * np.where(z < 0, 1.6, 0.6)
    return np.where(~employed, NONE, np.where(self_emp, BUSINESS, np.where(daily, DAILY, WAGE))
                    ).astype(np.int8)


def _monthly(rng: np.random.Generator, base: np.ndarray, noise: float) -> np.ndarray:
    m = base[:, None] * (1 + rng.normal(0, noise, (len(base), WINDOW_MONTHS)))
    return np.maximum(np.rint(m / 1000) * 1000, 0).astype(np.int64)


def earnings(rng: np.random.Generator, s: Spine, student: np.ndarray) -> Economy:
    n, months = s.n, WINDOW_MONTHS
    status = _status(rng, s, student)
    z, e = s.household_z[s.hh], s.person_z
    age = s.age
    # Wages (§5.3): full-time pay is lognormal around the age × sex median but floored at the
    # 2025 minimum wage (2,096,270/month); part-time and irregular jobs (≈20% of employees,
    # more among the young and old) pay 50-200만. This reproduces the brackets of P14
    # (<100만 9.6%, 100-200만 10.4%, 200-300만 31.6%, 300-400만 22.0%, ≥400만 26.5%).
    median = _WAGE_MEDIAN[np.clip(age // 10 - 1, 0, 8)] * np.where(s.female, _WAGE_SEX[True],
                                                                      _WAGE_SEX[False])
    full = np.maximum(median * np.exp(0.25 * z + 0.5 * e), MIN_WAGE * rng.uniform(1.0, 1.06, n))
    p_part = np.interp(age, [15, 25, 30, 55, 65, 80], [.45, .15, .10, .15, .45, .6]) \
        * np.where(s.female, 1.5, 0.6)
    part = MIN_WAGE * rng.uniform(0.2, 0.95, n)
    wage = np.where(rng.random(n) < p_part, part, full)
    biz = 2_200_000 * np.exp(0.35 * z + 0.65 * rng.standard_normal(n)) * np.where(age >= 60, 0.6, 1.0)
    day = 1_600_000 * np.exp(0.3 * rng.standard_normal(n))
    earned = np.zeros((n, months), np.int64)
    business = np.zeros((n, months), np.int64)
    daily = np.zeros((n, months), np.int64)
    w, bz, d = status == WAGE, status == BUSINESS, status == DAILY
    earned[w] = _monthly(rng, wage[w], 0.04)
    business[bz] = _monthly(rng, biz[bz], 0.15)
    daily[d] = _monthly(rng, day[d], 0.2) * (rng.random((int(d.sum()), months)) < 0.8)
    month = np.arange(months)
    # Job loss: ≈5% of wage earners a year (6% over the window); half find work again.
    loss = np.where(w & (rng.random(n) < 0.06 * np.where(z < 0, 1.5, 0.7)),
                    rng.integers(1, months, n), -1).astype(np.int8)
    back = loss + rng.integers(2, 9, n)
    rehired = (loss >= 0) & (rng.random(n) < 0.5)
    off = (month[None, :] >= loss[:, None]) & (loss[:, None] >= 0)
    off &= ~(rehired[:, None] & (month[None, :] >= back[:, None]))
    earned[off] = 0
    # New wage jobs for some people out of work (students finishing, re-entrants).
    start = (status == NONE) & (age >= 18) & (age < 65) & (rng.random(n) < 0.04)
    first = rng.integers(1, months, n)
    new_pay = _monthly(rng, wage[start] * 0.8, 0.04)
    new_pay[month[None, :] < first[start][:, None]] = 0
    earned[start] = new_pay
    # Business closure: 10% of the self-employed over the window (≈ 8%/yr, §5.2 [R]).
    closure = np.where(bz & (rng.random(n) < 0.10), rng.integers(1, months, n), -1).astype(np.int8)
    business[(month[None, :] >= closure[:, None]) & (closure[:, None] >= 0)] = 0
    np_, npa, occ, occ_amt = _pensions(rng, s)
    return Economy(status, earned, business, daily, loss, closure, np_, npa, occ, occ_amt)


# 노령연금 receipt by age (60-62 early, 63-64 newly eligible, …) [C from §5.4 P18].
_NPS_AGE = np.array([60, 63, 65, 70, 75, 80, 85, 200])
_NPS_P = np.array([.05, .45, .72, .64, .52, .36, .20])


def _pensions(rng: np.random.Generator, s: Spine) -> tuple[np.ndarray, ...]:
    n, age, fem = s.n, s.age, s.female
    z = s.household_z[s.hh]
    band = np.searchsorted(_NPS_AGE, age, "right") - 1
    p_nps = np.where(band >= 0, _NPS_P[np.clip(band, 0, 6)], 0.0) * np.where(fem, 0.8, 1.2)
    # Occupational pensions (공무원·군인·사학·별정우체국): retired, better-off households.
    p_occ = np.where(age >= 65, 0.06, np.where(age >= 60, 0.05, np.where(age >= 55, 0.02, 0.0)))
    occupational = rng.random(n) < p_occ * np.exp(0.6 * z) / np.exp(0.18)
    occ_amount = np.where(occupational, np.rint(2_500_000 * np.exp(0.3 * rng.standard_normal(n))
                                                / 10) * 10, 0).astype(np.int64)
    # National pension: none for occupational holders (separate schemes); amounts lognormal
    # around 45만 (§5.4: <20만 9%, 20-40만 35%, 40-60만 21%, 60-200만 34%, ≥200만 1%).
    gets = (rng.random(n) < np.minimum(p_nps, 0.95)) & ~occupational
    amount = 450_000 * np.exp(0.7 * rng.standard_normal(n) + 0.15 * z) \
        * np.where(fem, 0.7, 1.35) * np.where(age < 70, 1.2, 1.0)
    # Widows often draw a survivor pension (유족연금) instead.
    survivor = ~gets & fem & (age >= 60) & (rng.random(n) < 0.12) & ~occupational
    amount = np.where(survivor, 280_000 * np.exp(0.3 * rng.standard_normal(n)), amount)
    nps = np.where(gets | survivor, np.rint(np.minimum(amount, 3_200_000) / 10) * 10, 0).astype(np.int64)
    a_part = np.rint(nps * rng.uniform(0.35, 0.6, n) / 10).astype(np.int64) * 10
    return nps, a_part, occupational, occ_amount
