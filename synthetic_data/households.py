"""Registry households (주민등록 세대) from templates: who lives together, their ages and sexes,
and the spouse / parent links between members of the same household.

A household is drawn from 18 templates (single, couple, couple with children, lone parent,
three generations, …) whose shares reproduce the registry's size distribution (1인 42%, 2인
25%, 3인 17%, 4인+ 16%). Ages are drawn per template (the youngest child first, then the
parents from the eldest child and the mother's age at first birth), which is what makes the
age pyramid come out right; the per-template age weights were tuned against §3.1.
Everything is vectorised per template: no Python loop over households or people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

H, S, C, P, G, B, LODGER = 0, 1, 2, 3, 4, 5, 6  # head spouse child parent grandchild sibling lodger (S.RELATIONS)
NONE = -1


def w5(**bins: float) -> np.ndarray:
    """Weights over 5-year age bins: w5(a25=3, a30=5) puts weight 3 on 25-29, 5 on 30-34."""
    out = np.zeros(22)
    for k, v in bins.items():
        out[int(k[1:]) // 5] = v
    return out / out.sum()


def draw_age(rng: np.random.Generator, weights: np.ndarray, n: int) -> np.ndarray:
    bin_ = rng.choice(len(weights), size=n, p=weights)
    return bin_ * 5 + rng.integers(0, 5, n)


# Age of single-person heads: 1인 세대 by age (§1.1, §4: ≤29 18%, 30s 17%, 40s 13%, 50s 15%,
# 60s 17.5%, 70+ 21%) and the share of men by age (men peak in their 30s, women at 70+).
SINGLE_AGE = w5(a15=1.0, a20=3.5, a25=6.0, a30=8.0, a35=7.0, a40=6.0, a45=6.0, a50=7.0, a55=8.0,
                a60=11.0, a65=10.5, a70=9.5, a75=9.5, a80=8.0, a85=4.2, a90=0.6, a95=0.1)
SINGLE_MALE_BY_DECADE = np.array([.60, .60, .62, .72, .75, .66, .48, .33, .25, .18, .15])
COUPLE_HUSBAND_AGE = w5(a20=0.5, a25=2, a30=3, a35=3, a40=4, a45=5, a50=7, a55=10, a60=18,
                        a65=18, a70=14, a75=12, a80=7, a85=2, a90=0.5)
# Age of the youngest child by number of children in the household.
YOUNGEST = {
    1: w5(a0=7, a5=8, a10=11, a15=13, a20=13, a25=13, a30=14, a35=9, a40=4, a45=1.5),
    2: w5(a0=12, a5=17, a10=19, a15=17, a20=14, a25=11, a30=6, a35=2),
    3: w5(a0=17, a5=22, a10=20, a15=15, a20=11, a25=8, a30=4),
    4: w5(a0=30, a5=30, a10=20, a15=12, a20=8),
}
LONE_YOUNGEST = w5(a0=5, a5=10, a10=17, a15=20, a20=20, a25=15, a30=9, a35=4)
ADULT_CHILD_OF_ELDER = w5(a25=15, a30=20, a35=18, a40=15, a45=12, a50=10, a55=4, a60=1)
HEAD_WITH_PARENT = w5(a30=10, a35=13, a40=15, a45=17, a50=18, a55=12, a60=6)
GRANDPARENT = w5(a55=10, a60=20, a65=25, a70=25, a75=15, a80=5)
SIBLING_HEAD = w5(a20=35, a25=35, a30=18, a35=8, a40=4)


@dataclass
class Block:
    """Members of n households of one template: (n, k) arrays; links are member columns."""
    age: np.ndarray
    female: np.ndarray
    role: np.ndarray
    mother: np.ndarray
    father: np.ndarray
    spouse: np.ndarray


def _block(n: int, roles: tuple[int, ...]) -> Block:
    k = len(roles)
    return Block(np.zeros((n, k), np.int16), np.zeros((n, k), bool),
                 np.tile(np.asarray(roles, np.int8), (n, 1)),
                 np.full((n, k), NONE, np.int8), np.full((n, k), NONE, np.int8),
                 np.full((n, k), NONE, np.int8))


def _first_birth_age(rng: np.random.Generator, eldest: np.ndarray) -> np.ndarray:
    # Mothers were younger at first birth in older cohorts (≈26 before 2000, ≈31 now).
    mu = np.where(eldest < 20, 31.0, np.where(eldest < 35, 28.0, 26.0))
    return np.clip(np.rint(rng.normal(mu, 3.5)), 19, 44).astype(np.int16)


def _children(rng: np.random.Generator, n: int, k: int, youngest: np.ndarray) -> np.ndarray:
    """Ages (n, k) of k siblings: the youngest drawn, each elder 1-5 years older."""
    gaps = 1 + rng.poisson(1.4, (n, k))
    gaps[:, 0] = 0
    return (draw_age(rng, youngest, n)[:, None] + np.cumsum(gaps, axis=1)[:, ::-1]).astype(np.int16)


def _husband_wife(rng: np.random.Generator, husband: np.ndarray) -> np.ndarray:
    return np.maximum(husband - np.rint(rng.normal(2.5, 3.0, len(husband))), 18).astype(np.int16)


def _set_couple(rng: np.random.Generator, b: Block, husband: np.ndarray, wife: np.ndarray,
                head_male_p: float) -> None:
    """Head and spouse in columns 0 and 1: ages, sexes and the spouse links."""
    head_male = rng.random(len(husband)) < head_male_p
    b.age[:, 0] = np.where(head_male, husband, wife)
    b.age[:, 1] = np.where(head_male, wife, husband)
    b.female[:, 0] = ~head_male
    b.female[:, 1] = head_male
    b.spouse[:, 0], b.spouse[:, 1] = 1, 0


def _link_children(b: Block, cols: range, parents: tuple[int, ...]) -> None:
    for c in cols:
        for p in parents:
            fem = b.female[:, p]
            b.mother[:, c] = np.where(fem, p, b.mother[:, c])
            b.father[:, c] = np.where(~fem, p, b.father[:, c])


def _parent_of(rng: np.random.Generator, child_age: np.ndarray) -> np.ndarray:
    gap = np.clip(np.rint(rng.normal(29, 4, len(child_age))), 18, 45)
    return np.minimum(child_age + gap, 104).astype(np.int16)


def single(rng, n):
    b = _block(n, (H,))
    b.age[:, 0] = draw_age(rng, SINGLE_AGE, n)
    b.female[:, 0] = rng.random(n) >= SINGLE_MALE_BY_DECADE[np.minimum(b.age[:, 0] // 10, 10)]
    return b


def couple_with(kids: int, parents: int = 0) -> Callable[[np.random.Generator, int], Block]:
    def make(rng, n):
        b = _block(n, (H, S) + (C,) * kids + (P,) * parents)
        if kids:
            ages = _children(rng, n, kids, YOUNGEST[min(kids, 4)])
            b.age[:, 2:2 + kids] = ages
            b.female[:, 2:2 + kids] = rng.random((n, kids)) < 0.49
            wife = (ages[:, 0] + _first_birth_age(rng, ages[:, 0])).astype(np.int16)
            husband = np.maximum(wife + np.rint(rng.normal(2.5, 3.0, n)), ages[:, 0] + 18)
            husband = husband.astype(np.int16)
        else:
            husband = draw_age(rng, COUPLE_HUSBAND_AGE, n).astype(np.int16)
            wife = _husband_wife(rng, husband)
        _set_couple(rng, b, husband, wife, 0.8)
        if kids:
            _link_children(b, range(2, 2 + kids), (0, 1))
        if parents:
            first = 2 + kids
            b.age[:, first] = _parent_of(rng, b.age[:, 0])
            b.female[:, first] = rng.random(n) < (0.7 if parents == 1 else 0.0)
            if parents == 2:
                b.age[:, first + 1] = np.maximum(_husband_wife(rng, b.age[:, first]), b.age[:, 0] + 17)
                b.female[:, first + 1] = True
                b.spouse[:, first], b.spouse[:, first + 1] = first + 1, first
            _link_children(b, range(0, 1), tuple(range(first, first + parents)))
        return b
    return make


def lone_parent(kids: int) -> Callable[[np.random.Generator, int], Block]:
    def make(rng, n):
        b = _block(n, (H,) + (C,) * kids)
        ages = _children(rng, n, kids, LONE_YOUNGEST)
        b.age[:, 1:] = ages
        b.female[:, 1:] = rng.random((n, kids)) < 0.49
        b.female[:, 0] = rng.random(n) < 0.78
        b.age[:, 0] = ages[:, 0] + _first_birth_age(rng, ages[:, 0]) + np.where(b.female[:, 0], 0, 2)
        _link_children(b, range(1, 1 + kids), (0,))
        return b
    return make


def elder_with_adult_child(rng, n):
    b = _block(n, (H, C))
    b.age[:, 1] = draw_age(rng, ADULT_CHILD_OF_ELDER, n)
    b.age[:, 0] = _parent_of(rng, b.age[:, 1])
    b.female[:, 0] = rng.random(n) < 0.65
    b.female[:, 1] = rng.random(n) < 0.45
    _link_children(b, range(1, 2), (0,))
    return b


def head_with_parent(rng, n):
    b = _block(n, (H, P))
    b.age[:, 0] = draw_age(rng, HEAD_WITH_PARENT, n)
    b.age[:, 1] = _parent_of(rng, b.age[:, 0])
    b.female[:, 0] = rng.random(n) < 0.4
    b.female[:, 1] = rng.random(n) < 0.7
    _link_children(b, range(0, 1), (1,))
    return b


def grandparent_grandchild(rng, n):
    b = _block(n, (H, G))
    b.age[:, 0] = draw_age(rng, GRANDPARENT, n)
    b.age[:, 1] = rng.integers(3, 20, n)
    b.female[:, 0] = rng.random(n) < 0.6
    b.female[:, 1] = rng.random(n) < 0.49
    return b


def siblings(rng, n):
    b = _block(n, (H, B))
    b.age[:, 0] = draw_age(rng, SIBLING_HEAD, n)
    b.age[:, 1] = np.maximum(b.age[:, 0] + np.rint(rng.normal(0, 3, n)), 18)
    b.female[:] = rng.random((n, 2)) < 0.5
    b.role[:, 1] = np.where(rng.random(n) < 0.3, LODGER, B)  # some share with an unrelated person
    return b


def three_generations(rng, n):
    """A grandmother (head), her adult child and a grandchild: a lone parent moved back home."""
    b = _block(n, (H, C, G))
    b.age[:, 2] = draw_age(rng, w5(a0=30, a5=30, a10=25, a15=15), n)
    b.age[:, 1] = _parent_of(rng, b.age[:, 2])
    b.age[:, 0] = _parent_of(rng, b.age[:, 1])
    b.female[:, 0] = rng.random(n) < 0.7
    b.female[:, 1] = rng.random(n) < 0.7
    b.female[:, 2] = rng.random(n) < 0.49
    _link_children(b, range(1, 2), (0,))
    _link_children(b, range(2, 3), (1,))
    return b


# (name, generator, share of households). Shares by size: 1 → 42.0%, 2 → 25.0%, 3 → 17.0%,
# 4 → 12.5%, 5 → 2.9%, 6 → 0.6% (4+ = 16.0%; mean 2.12).
TEMPLATES: list[tuple[str, Callable[[np.random.Generator, int], Block], float]] = [
    ("single", single, 0.420),
    ("couple", couple_with(0), 0.140),
    ("lone_parent_1", lone_parent(1), 0.040),
    ("elder_with_adult_child", elder_with_adult_child, 0.025),
    ("head_with_parent", head_with_parent, 0.015),
    ("grandparent_grandchild", grandparent_grandchild, 0.005),
    ("siblings", siblings, 0.025),
    ("couple_1", couple_with(1), 0.136),
    ("lone_parent_2", lone_parent(2), 0.0153),
    ("three_generations", three_generations, 0.0068),
    ("couple_parent", couple_with(0, 1), 0.0119),
    ("couple_2", couple_with(2), 0.110),
    ("couple_1_parent", couple_with(1, 1), 0.010),
    ("lone_parent_3", lone_parent(3), 0.005),
    ("couple_3", couple_with(3), 0.016),
    ("couple_2_parent", couple_with(2, 1), 0.013),
    ("couple_2_parents", couple_with(2, 2), 0.0036),
    ("couple_4", couple_with(4), 0.0024),
]
TEMPLATE_P = np.array([t[2] for t in TEMPLATES])
TEMPLATE_P = TEMPLATE_P / TEMPLATE_P.sum()


@dataclass
class People:
    """One row per person, households contiguous; links are indices into these arrays."""
    hh: np.ndarray          # household index (0..n_households-1)
    template: np.ndarray    # per household
    role: np.ndarray
    age: np.ndarray
    female: np.ndarray
    mother: np.ndarray      # person index or -1
    father: np.ndarray
    spouse: np.ndarray

    @property
    def n(self) -> int:
        return len(self.hh)


def build(rng: np.random.Generator, n_households: int) -> People:
    template = rng.choice(len(TEMPLATES), size=n_households, p=TEMPLATE_P).astype(np.int8)
    blocks = {t: TEMPLATES[t][1](rng, int((template == t).sum())) for t in range(len(TEMPLATES))}
    sizes = np.zeros(n_households, np.int64)
    for t, b in blocks.items():
        sizes[template == t] = b.age.shape[1]
    start = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    n = int(sizes.sum())
    out = People(np.repeat(np.arange(n_households), sizes), template, np.zeros(n, np.int8),
                 np.zeros(n, np.int16), np.zeros(n, bool), np.full(n, NONE, np.int64),
                 np.full(n, NONE, np.int64), np.full(n, NONE, np.int64))
    for t, b in blocks.items():
        k = b.age.shape[1]
        pos = start[template == t][:, None] + np.arange(k)  # (n_t, k) person indices
        out.role[pos] = b.role
        out.age[pos] = b.age
        out.female[pos] = b.female
        for name in ("mother", "father", "spouse"):
            col = getattr(b, name)
            getattr(out, name)[pos] = np.where(col >= 0, start[template == t][:, None] + col, NONE)
    return out


def truncate(people: People, n: int) -> People:
    """Keep the first n persons (the last household may lose trailing members: children and
    co-resident parents come last, so what remains is still a consistent household)."""
    if n >= people.n:
        return people
    def cut(a: np.ndarray) -> np.ndarray:  # links to people past the cut vanish
        return np.where(a[:n] >= n, NONE, a[:n])

    n_hh = int(people.hh[n - 1]) + 1
    return People(people.hh[:n], people.template[:n_hh], people.role[:n], people.age[:n],
                  people.female[:n], cut(people.mother), cut(people.father), cut(people.spouse))
