"""The resident spine of one chunk: households and kinship, then where they live (시군구),
birth, move-in and death dates, and names. Every other registry is drawn from this."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from . import households, kinship, names
from .config import DEATHS_FROM, REFERENCE_DATE, days
from .households import NONE, People
from .kinship import Kinship
from .regions import RegionTable, placement_weights

REF = days(REFERENCE_DATE)
# Annual death probability by 10-year band (0-9 … 90+), shaped like the Korean life table
# and scaled so that deaths ≈ 366k / 51.1M per year (§3.2) on our age pyramid.
_DEATH_RATE = 0.88 * np.array([.0003, .0002, .0004, .0007, .0012, .003, .007, .02, .07, .2, .2])


@dataclass
class Spine:
    p: People
    k: Kinship
    region: np.ndarray        # per household: index into the region table
    birth: np.ndarray         # int32 days since epoch
    move_in: np.ndarray       # int32 days
    death: np.ndarray         # int32 days, -1 when alive
    family_name: np.ndarray   # index into the name pool
    name: pa.Array
    household_z: np.ndarray   # per household: economic position (standard normal)
    person_z: np.ndarray      # per person: own deviation from it

    @property
    def n(self) -> int:
        return self.p.n

    @property
    def hh(self) -> np.ndarray:
        return self.p.hh

    @property
    def age(self) -> np.ndarray:
        return self.p.age

    @property
    def female(self) -> np.ndarray:
        return self.p.female

    def alive(self, day: int = REF) -> np.ndarray:
        return (self.death < 0) | (self.death > day)


def _place(rng: np.random.Generator, p: People, regions: RegionTable) -> np.ndarray:
    n_hh = len(p.template)
    head_age = np.zeros(n_hh, np.int16)
    head_age[p.hh[p.role == 0]] = p.age[p.role == 0]
    young = np.zeros(n_hh, bool)
    young[p.hh[p.age < 10]] = True
    kind = np.where(head_age >= 65, 0, np.where(young, 1, 2))
    persons_by_kind = np.bincount(kind[p.hh], minlength=3)
    w = placement_weights(regions, persons_by_kind)
    out = np.zeros(n_hh, np.int16)
    for k in range(3):
        sel = np.flatnonzero(kind == k)
        out[sel] = rng.choice(len(regions), size=len(sel), p=w[k])
    return out


def _dates(rng: np.random.Generator, p: People) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # Birth: age in whole years on the reference date, day uniform within that year of life.
    birth = (REF - np.floor((p.age + rng.random(p.n)) * 365.25)).astype(np.int32)
    # Death within the registry window, by age.
    window_years = (REF - days(DEATHS_FROM)) / 365.25
    p_die = _DEATH_RATE[np.minimum(p.age // 10, 10)] * window_years
    dies = rng.random(p.n) < p_die
    death = np.where(dies, rng.integers(days(DEATHS_FROM), REF, p.n), -1).astype(np.int32)
    # Move-in: the household moved in together some years ago (exponential, mean 8 years),
    # never before a member was born.
    n_hh = len(p.template)
    hh_move = (REF - rng.exponential(8 * 365.25, n_hh)).astype(np.int32)
    move_in = np.maximum(hh_move[p.hh], birth)
    return birth, move_in, death


def _family_names(rng: np.random.Generator, p: People, k: Kinship) -> np.ndarray:
    fam = names.draw_family(rng, p.n)
    for _ in range(3):  # children take their father's family name (three generations deep)
        has = k.father != NONE
        fam[has] = fam[k.father[has]]
    return fam


def _promote_widowed_spouses(p: People, k: Kinship, death: np.ndarray) -> None:
    """When a head has died, the registry names the surviving spouse head (§ 주민등록법)."""
    dead_heads = np.flatnonzero((p.role == 0) & (death >= 0))
    sp = k.spouse[dead_heads]
    ok = sp != NONE
    ok[ok] &= (p.hh[sp[ok]] == p.hh[dead_heads[ok]]) & (death[sp[ok]] < 0)
    p.role[sp[ok]] = 0


def _z_shift(p: People) -> np.ndarray:
    """Household types differ in economic position: old people living alone, lone parents and
    grandparents raising grandchildren are much poorer (§4-§5: 66+ retired poverty 39.8%;
    BLSA households are 74% single-person), two-parent families somewhat better off."""
    name = np.array([t[0] for t in households.TEMPLATES])[p.template]
    head_age = np.zeros(len(p.template), np.int16)
    head_age[p.hh[p.role == 0]] = p.age[p.role == 0]
    shift = np.zeros(len(p.template))
    shift[(name == "single") & (head_age >= 65)] = -0.7
    shift[(name == "couple") & (head_age >= 65)] = 0.1
    shift[np.char.startswith(name, "lone_parent")] = -0.5
    shift[name == "grandparent_grandchild"] = -0.8
    shift[np.char.startswith(name, "couple_") & (head_age < 65)] += 0.15
    return shift


def build(rng: np.random.Generator, n_households: int, n_people: int | None,
          regions: RegionTable) -> Spine:
    p = households.build(rng, n_households)
    if n_people is not None:
        p = households.truncate(p, n_people)
    k = kinship.link(rng, p)
    region = _place(rng, p, regions)
    birth, move_in, death = _dates(rng, p)
    _promote_widowed_spouses(p, k, death)
    fam = _family_names(rng, p, k)
    name = names.full_names(rng, fam, p.female)
    hz = rng.standard_normal(len(p.template)) + _z_shift(p)
    return Spine(p, k, region, birth, move_in, death, fam, name, hz, rng.standard_normal(p.n))
