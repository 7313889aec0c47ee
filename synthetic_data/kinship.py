"""Family relations across households: parents and adult children who live apart, spouses
registered in different households, marital status and birth order.

The obligatory-provider rules (부양의무자) need exactly these links: an elderly woman living
alone is linked to the children who left home, a young adult living alone to the parents
they left. Links are made inside a chunk (≈250k people, ample candidates) by vectorised
matching on age: for a person aged a, a mother is searched among women aged a + ~29 in other
households, with the chance that she is still alive; fathers follow the mother's marriage.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .households import NONE, People

# Chance a parent aged x is alive given they were alive at ~29 (rough Korean life table
# shape; women outlive men by ~6 years). Used only to decide whether a link is drawn.
_AGES = np.array([0, 50, 60, 70, 80, 85, 90, 95, 100, 130])
_ALIVE_F = np.array([1, .985, .96, .92, .80, .65, .42, .18, .05, 0])
_ALIVE_M = np.array([1, .97, .93, .83, .62, .45, .25, .08, .02, 0])

# Unpartnered adults: never married / divorced / widowed by 10-year age band (rows: <30,
# 30s, 40s, 50s, 60s, 70s, 80+), women more often widowed [R: shapes, not a source table].
_STATUS_P_M = np.array([[.99, .01, 0], [.88, .11, .01], [.68, .29, .03], [.45, .43, .12],
                        [.25, .40, .35], [.10, .25, .65], [.05, .10, .85]])
_STATUS_P_F = np.array([[.985, .015, 0], [.84, .15, .01], [.58, .36, .06], [.38, .40, .22],
                        [.15, .30, .55], [.05, .12, .83], [.03, .05, .92]])
NEVER, MARRIED, DIVORCED, WIDOWED = 0, 1, 2, 3

SPLIT_COUPLE_RATE = 0.06    # of single-person heads aged 30-69: married, spouse elsewhere
EXTERNAL_SPOUSE_RATE = 0.01  # of unpartnered adults 25-69: spouse not in the registry


@dataclass
class Kinship:
    mother: np.ndarray
    father: np.ndarray
    spouse: np.ndarray          # person index, or -1
    external_spouse: np.ndarray  # bool: married to someone outside the resident registry
    marital: np.ndarray         # int8: NEVER, MARRIED, DIVORCED, WIDOWED
    birth_order: np.ndarray     # int32


def _match(rng: np.random.Generator, pool: np.ndarray, pool_age: np.ndarray,
           target_age: np.ndarray) -> np.ndarray:
    """For each target age, a random member of `pool` with exactly that age (or -1)."""
    if len(pool) == 0:
        return np.full(len(target_age), NONE, np.int64)
    order = np.argsort(pool_age, kind="stable")
    sorted_age = pool_age[order]
    lo = np.searchsorted(sorted_age, target_age, "left")
    hi = np.searchsorted(sorted_age, target_age, "right")
    count = hi - lo
    pick = lo + np.floor(rng.random(len(target_age)) * count).astype(np.int64)
    return np.where(count > 0, pool[order][np.minimum(pick, len(pool) - 1)], NONE)


def _split_couples(rng: np.random.Generator, p: People, spouse: np.ndarray) -> None:
    size = np.bincount(p.hh)[p.hh]
    cand = (size == 1) & (p.age >= 30) & (p.age < 70)
    men = np.flatnonzero(cand & ~p.female & (rng.random(p.n) < SPLIT_COUPLE_RATE))
    women = np.flatnonzero(cand & p.female)
    k = min(len(men), len(women))
    men = men[:k]
    women = rng.choice(women, size=k, replace=False) if k else women[:0]
    # pair by age rank: the oldest chosen man with the oldest chosen woman
    men, women = men[np.argsort(p.age[men], kind="stable")], women[np.argsort(p.age[women], kind="stable")]
    spouse[men], spouse[women] = women, men


def _parents(rng: np.random.Generator, p: People, mother: np.ndarray, father: np.ndarray,
             spouse: np.ndarray) -> None:
    women = np.flatnonzero(p.female & (p.age >= 35))
    men = np.flatnonzero(~p.female & (p.age >= 37))
    # Mothers for everyone without a co-resident one.
    need = np.flatnonzero(mother == NONE)
    target = p.age[need] + np.clip(np.rint(rng.normal(29, 4, len(need))), 18, 45).astype(np.int16)
    alive = rng.random(len(need)) < np.interp(target, _AGES, _ALIVE_F)
    cand = _match(rng, women, p.age[women], target)
    ok = alive & (cand != NONE)
    ok[ok] &= p.hh[cand[ok]] != p.hh[need[ok]]
    mother[need[ok]] = cand[ok]
    # Fathers: the mother's husband when she has one and none is set yet.
    no_father = need[ok][father[need[ok]] == NONE]
    husband = spouse[mother[no_father]]
    has = husband != NONE
    has[has] &= ~p.female[husband[has]] & (p.age[husband[has]] >= p.age[no_father[has]] + 17)
    father[no_father[has]] = husband[has]
    # Otherwise (lone-parent families, widowed or divorced mothers) a living father elsewhere
    # half the time: the divorced father who is still an obligatory provider.
    need = np.flatnonzero(father == NONE)
    target = p.age[need] + np.clip(np.rint(rng.normal(31, 4, len(need))), 18, 50).astype(np.int16)
    alive = rng.random(len(need)) < 0.5 * np.interp(target, _AGES, _ALIVE_M)
    cand = _match(rng, men, p.age[men], target)
    ok = alive & (cand != NONE)
    ok[ok] &= p.hh[cand[ok]] != p.hh[need[ok]]
    father[need[ok]] = cand[ok]


def _birth_order(rng: np.random.Generator, p: People, mother: np.ndarray) -> np.ndarray:
    order = np.zeros(p.n, np.int32)
    has = np.flatnonzero(mother != NONE)
    # rank among the mother's children by age, eldest first (ties: person index)
    idx = has[np.lexsort((has, -p.age[has], mother[has]))]
    m = mother[idx]
    first = np.concatenate([[True], m[1:] != m[:-1]])
    group_start = np.maximum.accumulate(np.where(first, np.arange(len(idx)), 0))
    order[idx] = np.arange(len(idx)) - group_start + 1
    # No known mother: a draw from the cohort's family sizes (older cohorts had more children).
    no = np.flatnonzero(mother == NONE)
    u = rng.random(len(no))
    old = p.age[no] >= 60
    mid = (p.age[no] >= 40) & ~old
    cuts = np.where(old[:, None], [.30, .55, .75, .88], np.where(mid[:, None], [.40, .75, .92, .98],
                                                                   [.55, .90, .98, .995]))
    order[no] = 1 + (u[:, None] > cuts).sum(axis=1)
    return order


def _marital(rng: np.random.Generator, p: People, k_mother: np.ndarray, k_father: np.ndarray,
             spouse: np.ndarray, external: np.ndarray) -> np.ndarray:
    status = np.full(p.n, NEVER, np.int8)
    married = (spouse != NONE) | external
    status[married] = MARRIED
    free = np.flatnonzero(~married & (p.age >= 18))
    band = np.minimum(np.maximum(p.age[free] // 10 - 1, 0), 6)
    probs = np.where(p.female[free][:, None], _STATUS_P_F[band], _STATUS_P_M[band])
    u = rng.random(len(free))
    draw = (u[:, None] > np.cumsum(probs, axis=1)[:, :-1]).sum(axis=1)
    status[free] = np.array([NEVER, DIVORCED, WIDOWED], np.int8)[draw]
    # Parents without a partner were mostly married once: heads of lone-parent households
    # are divorced (70%) or widowed (15%); older parents whose children left are widowed.
    is_parent = np.zeros(p.n, bool)
    for link in (k_mother, k_father):
        is_parent[link[link != NONE]] = True
    lone = free[is_parent[free] & (p.role[free] == 0) & (p.age[free] < 60)]
    status[lone] = np.array([DIVORCED, WIDOWED, NEVER], np.int8)[
        rng.choice(3, size=len(lone), p=[.70, .15, .15])]
    older = free[is_parent[free] & (p.age[free] >= 60) & (status[free] == NEVER)]
    status[older] = WIDOWED
    return status


def link(rng: np.random.Generator, p: People) -> Kinship:
    mother, father, spouse = p.mother.copy(), p.father.copy(), p.spouse.copy()
    _split_couples(rng, p, spouse)
    unpartnered = (spouse == NONE) & (p.age >= 25) & (p.age < 70)
    external = unpartnered & (rng.random(p.n) < EXTERNAL_SPOUSE_RATE * np.where(p.female, 0.4, 1.6))
    _parents(rng, p, mother, father, spouse)
    return Kinship(mother, father, spouse, external,
                   _marital(rng, p, mother, father, spouse, external), _birth_order(rng, p, mother))
