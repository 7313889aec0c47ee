"""Obligatory providers (부양의무자): a person's parents and children, and those children's
spouses (1촌 직계혈족 및 그 배우자, BLSA 제2조5호), who live in OTHER households.

Only living residents count (as of the date); the spouse of a child who has died is not a
provider (the law excludes 사망한 1촌 직계혈족의 배우자). Per person:
  provider_count               how many such people
  provider_max_annual_income   highest previous-year income among them (earnings registry:
                               earned + daily work + business + other); 0 with no provider;
                               unknown if any provider's income is unknown
  provider_max_property        highest general property among them: home + lease deposit +
                               land and other buildings (financial assets and cars excluded,
                               [R] reading of the 생계급여 9억 test); same null rule
A person absent from the family registry, or whose own parent links conflict, gets unknowns.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from . import cleaning
from .sources import Sources


def _ids(frame: pl.DataFrame, col: str) -> np.ndarray:
    return frame[col].fill_null(-1).to_numpy()


def _unique(x: np.ndarray) -> np.ndarray:
    """Sorted distinct values (a plain sort: numpy 2's hash-based np.unique is slower here)."""
    x = np.sort(x)
    return x[np.concatenate([[True], x[1:] != x[:-1]])] if len(x) else x


def _lookup(sorted_ids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Positions of ids in sorted_ids, -1 where absent (a sorted search: no hash join)."""
    if len(sorted_ids) == 0:
        return np.full(len(ids), -1)
    pos = np.minimum(np.searchsorted(sorted_ids, ids), len(sorted_ids) - 1)
    return np.where(sorted_ids[pos] == ids, pos, -1)


def providers(src: Sources, spine: pl.DataFrame, family: pl.DataFrame) -> pl.DataFrame:
    """spine: person_id, household_id of the persons to describe (sorted by person_id);
    family: their cleaned family rows (with conflict flags). Children are found by their own
    mother_id / father_id. Vectorised with sorted searches over numpy arrays."""
    kids = src.family_of_children(spine["person_id"])
    f_person, k_child, k_spouse = _ids(family, "person_id"), _ids(kids, "child"), _ids(kids, "spouse_id")
    k_mother, k_father = _ids(kids, "mother_id"), _ids(kids, "father_id")
    person = np.concatenate([f_person, f_person, k_mother, k_father, k_mother, k_father])
    provider = np.concatenate([_ids(family, "mother_id"), _ids(family, "father_id"),
                               k_child, k_child, k_spouse, k_spouse])
    via_child = np.concatenate([np.full(2 * len(f_person), -1), np.full(2 * len(k_child), -1),
                                k_child, k_child])  # the child through whom a spouse provides
    keep = (person >= 0) & (provider >= 0)
    person, provider, via_child = person[keep], provider[keep], via_child[keep]
    # who among them is a living resident, where they live, what they earn and own
    attrs = src.provider_attrs(pl.Series(_unique(np.concatenate([provider, via_child]))))
    attrs = attrs.sort("person_id")
    a_id = attrs["person_id"].to_numpy()
    a_hh = attrs["p_household"].to_numpy()
    a_inc, a_prop = attrs["inc"], attrs["prop"]
    s_id, s_hh = spine["person_id"].to_numpy(), spine["household_id"].to_numpy()
    pi, qi = _lookup(s_id, person), _lookup(a_id, provider)
    ok = (pi >= 0) & (qi >= 0)
    # a child's spouse counts only while the child lives (사망한 1촌 직계혈족의 배우자 제외)
    ok &= (via_child < 0) | (_lookup(a_id, via_child) >= 0)
    pi, qi = pi[ok], qi[ok]
    other = s_hh[pi] != a_hh[qi]
    pair = _unique(pi[other].astype(np.int64) * len(a_id) + qi[other])
    pi, qi = pair // max(len(a_id), 1), pair % max(len(a_id), 1)
    n = len(s_id)
    count = np.bincount(pi, minlength=n)

    def max_or_unknown(values: pl.Series) -> pl.Series:
        v = values.fill_null(-1).to_numpy()[qi]
        unknown = np.bincount(pi, weights=values.is_null().to_numpy()[qi], minlength=n) > 0
        best = np.zeros(n, np.int64)
        np.maximum.at(best, pi, v)
        return pl.Series(best).set(pl.Series(unknown), None)

    per = pl.DataFrame({
        "person_id": s_id,
        "provider_count": count.astype(np.int32),
        "provider_max_annual_income": max_or_unknown(a_inc),
        "provider_max_property": max_or_unknown(a_prop),
    })
    # unknown for people absent from the family registry or whose own parents conflict
    known = family.filter(~pl.col(cleaning.conflict_flag("mother_id"))
                          & ~pl.col(cleaning.conflict_flag("father_id"))).select("person_id")
    return per.join(known, on="person_id", how="semi")
