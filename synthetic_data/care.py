"""School enrolment and daycare (보육·교육), disability registration and health insurance.

The childcare/education registry lists enrolled people only (in daycare, or at school or
university): inputs.yaml reads absence as not enrolled. Disability lists registered people
only (absence = not registered).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import REFERENCE_DATE, days
from .population import Spine

LEVELS = ("none", "elementary", "middle", "high", "university")

# 보육료 by class age, won/month (0세반 584,000, 1세반 515,000 [R §5 welfare-law]; 2세반 and
# 누리과정 3-5세 [R]).
_VOUCHER = np.array([584_000, 515_000, 426_000, 280_000, 280_000, 280_000])
# Share of children in daycare (어린이집) by age; the rest are at home or in kindergarten [R].
_DAYCARE = np.array([.25, .70, .85, .45, .42, .40])


@dataclass
class Care:
    school: np.ndarray         # int8 index into LEVELS
    in_daycare: np.ndarray     # bool
    voucher: np.ndarray        # int64 won/month


def schooling(rng: np.random.Generator, s: Spine) -> Care:
    """School year on the reference date: children born in year Y start school in March of
    Y + 7 (grades 1-6 elementary, 7-9 middle, 10-12 high)."""
    birth_year = 1970 + np.floor(s.birth / 365.2425).astype(np.int64)
    grade = REFERENCE_DATE.year - birth_year - 6
    school = np.zeros(s.n, np.int8)
    enrolled = rng.random(s.n) < np.where(grade >= 10, 0.95, 0.99)
    school[(grade >= 1) & (grade <= 6) & enrolled] = 1
    school[(grade >= 7) & (grade <= 9) & enrolled] = 2
    school[(grade >= 10) & (grade <= 12) & enrolled] = 3
    # University: ≈70% of a cohort enters; enrolment thins out through the twenties.
    uni_p = np.interp(s.age, [18, 19, 21, 23, 25, 30, 40], [.30, .68, .62, .40, .18, .05, .01])
    school[(grade > 12) & (s.age <= 40) & (rng.random(s.n) < uni_p)] = 4
    age = s.age
    under6 = age < 6
    daycare = under6 & (rng.random(s.n) < _DAYCARE[np.minimum(age, 5)])
    voucher = np.where(daycare, _VOUCHER[np.minimum(age, 5)], 0).astype(np.int64)
    return Care(school, daycare, voucher)


# Registered disabled by age (§7 P22 2022 prevalence: <40 ≈1.5%, 40s 2.7%, 50s 4.8%, 60s 8.5%,
# 70s 15%, 80+ 23%), scaled to 5.1% overall; men 58%.
_DIS_AGE = np.array([0, 40, 50, 60, 70, 80, 200])
_DIS_P = 0.92 * np.array([.014, .027, .048, .085, .15, .23])
# Severe share by age: developmental disabilities (all severe) dominate the young.
_SEVERE_P = np.array([.70, .50, .40, .35, .30, .30])
DIS_TYPES = ("physical", "hearing", "visual", "brain_lesion", "intellectual", "kidney",
             "mental", "autism", "other")
_DIS_TYPE_P = np.array([.43, .168, .094, .089, .089, .041, .039, .016, .034])


@dataclass
class Health:
    disabled: np.ndarray       # bool
    severe: np.ndarray         # bool
    dis_type: np.ndarray       # int8 index into DIS_TYPES
    registered_on: np.ndarray  # int32 days
    arrears: np.ndarray        # int32 months
    rare: np.ndarray           # bool
    pregnant: np.ndarray       # bool
    catastrophic: np.ndarray   # bool: catastrophic medical expenses in the last 12 months


def health(rng: np.random.Generator, s: Spine, poor: np.ndarray) -> Health:
    n, age, fem = s.n, s.age, s.female
    band = np.searchsorted(_DIS_AGE, age, "right") - 1
    sex = np.where(fem, 0.82, 1.18)
    disabled = rng.random(n) < _DIS_P[band] * sex
    severe = disabled & (rng.random(n) < _SEVERE_P[band])
    dis_type = rng.choice(len(DIS_TYPES), size=n, p=_DIS_TYPE_P).astype(np.int8)
    dis_type[severe & (age < 20) & (rng.random(n) < 0.6)] = DIS_TYPES.index("intellectual")
    ref = days(REFERENCE_DATE)
    registered = np.maximum(s.birth + 365, ref - rng.integers(30, 25 * 365, n)).astype(np.int32)
    # Premium arrears sit with the head (지역가입자 세대); poorer households fall behind more
    # often (§8: 6+ months ≈3% of households; 1+ month ≈10%).
    head = s.p.role == 0
    p_arrears = np.where(head, np.where(poor, 0.20, 0.06), 0.0)
    months = np.minimum(1 + rng.geometric(0.25, n), 60)
    arrears = np.where(rng.random(n) < p_arrears, months, 0).astype(np.int32)
    rare = rng.random(n) < np.interp(age, [0, 40, 60, 70, 90], [.008, .015, .04, .07, .09])
    # Pregnancy: ≈ births × 0.75 at any time (§3.2: 254,500 births in 2025), by mother's age.
    asfr = np.interp(age, [20, 25, 30, 35, 40, 45], [.004, .021, .073, .052, .012, 0])
    married = s.k.spouse >= 0
    pregnant = fem & (rng.random(n) < 1.2 * asfr * np.where(married, 1.6, 0.2))
    catastrophic = rng.random(n) < np.interp(age, [0, 50, 70, 90], [.001, .004, .01, .015])
    return Health(disabled, severe, dis_type, registered, arrears, rare, pregnant, catastrophic)
