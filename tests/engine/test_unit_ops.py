"""Unit aggregates (backends/unit_ops.py): every member gets its unit's value, rows in the
frame's order whatever it is, and an unknown member's value makes the unit's sum, maximum and
minimum unknown."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import polars as pl
import pytest

from eligibility.backends import unit_ops as u

# Members of households 7 and 3 interleaved, a household (9) of one, rows not sorted by anything.
FRAME = pl.DataFrame({
    "person_id": [50, 10, 40, 20, 30, 60],
    "household_id": [7, 3, 7, 3, 7, 9],
    "income": [100, 5, None, 7, 1, 2],
    "born": [dt.date(1960, 1, 1), dt.date(1990, 5, 1), dt.date(1970, 3, 1), None,
             dt.date(1950, 2, 1), dt.date(2000, 1, 1)],
    "flag": [False, None, False, True, True, None],
    "head": [False, False, True, True, False, None],
}).with_columns(u.unit_ids(pl.col("household_id")).alias(u.group_col("household")))


def column(expr: pl.Expr) -> list[object]:
    return FRAME.select(expr.alias("out"))["out"].to_list()


def test_a_sum_reaches_every_member_and_is_unknown_when_a_member_is():
    assert column(u.total(pl.col("income"), "household")) == [None, 12, None, 12, None, 2]


def test_a_sum_of_an_expression_and_of_a_constant():
    assert column(u.total(pl.col("income").fill_null(0) * 2, "household")) == [202, 24, 202, 24, 202, 4]
    assert column(u.total(pl.lit(1), "household")) == [3, 2, 3, 2, 3, 1]


def test_count_is_the_unit_size():
    assert column(u.size("household")) == [3, 2, 3, 2, 3, 1]


def test_max_and_min_keep_the_type_and_are_unknown_when_a_member_is():
    assert column(u.maximum(pl.col("born"), "household")) == \
        [dt.date(1970, 3, 1), None, dt.date(1970, 3, 1), None, dt.date(1970, 3, 1), dt.date(2000, 1, 1)]
    assert column(u.minimum(pl.col("income"), "household")) == [None, 5, None, 5, None, 2]
    assert FRAME.select(u.maximum(pl.col("born"), "household")).dtypes == [pl.Date]


def test_any_is_kleene():
    # household 7: a true member decides; 3: true despite an unknown; 9: only unknown
    assert column(u.kleene_any(pl.col("flag"), "household")) == [True, True, True, True, True, None]
    # not flag: 7 has a true (50), 3 has only false and unknown -> unknown, 9 unknown
    assert column(u.kleene_any(~pl.col("flag"), "household")) == [True, None, True, None, True, None]


def test_any_true_counts_unknown_as_false():
    assert column(u.any_true(~pl.col("flag"), "household")) == [True, False, True, False, True, False]


def test_the_payee_is_the_marked_member_with_the_lowest_id_else_the_lowest_id():
    # 7: 40 is the only head; 3: 20 is head; 9: nobody marked (unknown) -> its only member
    assert column(u.first_marked(pl.col("person_id"), pl.col("head"), pl.col(u.group_col("household")))) == \
        [False, False, True, True, False, True]
    # nobody marked anywhere: the lowest person_id of each unit
    assert column(u.first_marked(pl.col("person_id"), pl.lit(False), pl.col(u.group_col("household")))) == \
        [False, True, False, False, True, True]


def test_the_payee_by_text_ids_follows_their_order():
    frame = pl.DataFrame({"person_id": ["b", "a", "c"], "hh": [1, 1, 1]}).with_columns(
        u.unit_ids(pl.col("hh")).alias(u.group_col("household")))
    out = frame.select(u.first_marked(pl.col("person_id"), pl.lit(False), pl.col(u.group_col("household"))))
    assert out.to_series().to_list() == [False, True, False]


@pytest.mark.parametrize("key", [[5, 5, 2], ["x", "x", "y"]])
def test_ids_are_small_whole_numbers_shared_by_equal_keys(key):
    ids = pl.DataFrame({"k": key}).select(u.unit_ids(pl.col("k"))).to_series().to_list()
    assert ids[0] == ids[1] != ids[2] and 0 < min(ids) and max(ids) <= 2


@pytest.mark.parametrize("key", [
    [5, None, 5, 2, None, 9],              # serial numbers close together (a table over their span)
    [10**15, None, 3, 10**15, -7, None],   # far apart (polars' dense rank)
    ["b", None, "a", "b"],
])
def test_ids_follow_the_keys_order_and_unknown_keys_have_none(key):
    ids = pl.DataFrame({"k": key}).select(u.unit_ids(pl.col("k"))).to_series().to_list()
    ranks = {k: i for i, k in enumerate(sorted({k for k in key if k is not None}), start=1)}
    assert ids == [None if k is None else ranks[k] for k in key]


def test_rows_of_unknown_unit_are_not_pooled_and_their_aggregates_are_unknown():
    # 1 and 2: household unknown (not one household together); 3 and 4: household 8
    frame = pl.DataFrame({
        "person_id": [1, 3, 2, 4],
        "hh": [None, 8, None, 8],
        "income": [10, 20, 30, 40],
        "flag": [True, False, False, True],
    }).with_columns(u.unit_ids(pl.col("hh")).alias(u.group_col("household")))

    def col(expr: pl.Expr) -> list[object]:
        return frame.select(expr.alias("out"))["out"].to_list()

    assert col(u.total(pl.col("income"), "household")) == [None, 60, None, 60]
    assert col(u.maximum(pl.col("income"), "household")) == [None, 40, None, 40]
    assert col(u.size("household")) == [None, 2, None, 2]
    # a true value of their own decides `any` (they are in their household, whichever it is)
    assert col(u.kleene_any(pl.col("flag"), "household")) == [True, True, None, True]
    assert col(u.any_true(pl.col("flag"), "household")) == [True, True, False, True]
    # each is the payee of their own unknown unit
    assert col(u.first_marked(pl.col("person_id"), pl.lit(False), pl.col(u.group_col("household")))) == [True, True, True, False]


def test_aggregates_of_a_sliced_frame_read_its_own_rows():
    # polars slices without copying: the numpy kernels must start at the slice's first row
    full = pl.DataFrame({"hh": [1, 1, 2, 2, 3, 3, 4, 4, 5, 5],
                         "v": [1, None, 10, 20, 100, 200, None, 5, 7, 8],
                         "flag": [True, None, False, True, None, False, True, True, False, None]})
    part = full.slice(3, 6)  # rows of households 2 (one member), 3, 4 and 5 (one member)
    out = part.with_columns(u.unit_ids(pl.col("hh")).alias(u.group_col("household"))).select(
        u.total(pl.col("v"), "household").alias("sum"), u.kleene_any(pl.col("flag"), "household").alias("any"))
    assert out["sum"].to_list() == [20, 300, 300, None, None, 7]
    assert out["any"].to_list() == [True, None, None, True, True, False]


def test_members_apart_are_units_of_their_own_and_an_unknown_condition_unsettles_what_it_could_change():
    frame = pl.DataFrame([
        # 7: two members and a lodger
        (1, 7, False, 1, 10), (2, 7, False, 2, 20), (3, 7, True, 3, 300),
        # 5: a couple lodging together (couple 4), a lodger alone, a member
        (4, 5, True, 4, 1), (5, 5, True, 4, 2), (6, 5, True, 6, 4), (7, 5, False, 7, 8),
        # 6: a member whose condition is unknown: the member's unit and 8's are unknown, the
        # lodger 9 (alone whatever 10 is) is not
        (10, 6, None, 10, 50), (8, 6, False, 8, 60), (9, 6, True, 9, 70),
        # 3: the only member, its condition unknown: a unit of one either way
        (11, 3, None, 11, 5),
        # 2: a lodger whose spouse's condition is unknown: the spouse may lodge with them
        (12, 2, True, 12, 1), (13, 2, None, 12, 2), (14, 2, False, 14, 3),
        # no key, lodger or not
        (15, None, True, 15, 7), (16, None, False, 16, 9),
    ], schema=["person_id", "hh", "lodger", "couple", "income"], orient="row")
    frame = frame.with_columns(u.unit_ids(pl.col("hh")).alias(u.group_col("household")),
                               u.unit_ids(pl.col("couple")).alias("g:couple"))
    frame = frame.with_columns(u.apart_ids(pl.col(u.group_col("household")), pl.col("lodger"), pl.col("g:couple"))
                               .alias(u.group_col("household")))

    def col(expr: pl.Expr) -> list[object]:
        return frame.select(expr.alias("out"))["out"].to_list()

    assert col(u.total(pl.col("income"), "household")) == [
        30, 30, 300, 3, 3, 4, 8, None, None, 70, 5, None, None, None, None, None]
    assert col(u.size("household")) == [2, 2, 1, 2, 2, 1, 1, None, None, 1, 1, None, None, None, None, None]
    # a lodger's household is paid to them (the lowest id of a couple lodging together)
    assert col(u.first_marked(pl.col("person_id"), pl.col("person_id").is_in([1, 7]), pl.col(u.group_col("household"))))[:7] == \
        [True, False, True, True, False, True, True]
    # the reach: where whom the units hold is unknown, one group per key; no key, none
    reach = col(u.reach_ids(pl.col(u.group_col("household")), u.unit_ids(pl.col("hh"))))
    assert reach[:7] == col(pl.col(u.group_col("household")))[:7]
    assert reach[7] == reach[8] != reach[9] and reach[10] not in reach[7:10]
    assert reach[11] == reach[12] == reach[13] not in reach[:11] and reach[14:] == [None, None]
    # one payee per reach: none per member of an unknown unit
    payees = col(u.first_marked(pl.col("person_id"), pl.lit(False), pl.lit(pl.Series(reach))))
    assert payees[7:] == [False, True, True, True, True, False, False, True, True]
    # without `together`, each lodger is a household of their own
    alone = frame.select(u.apart_ids(u.unit_ids(pl.col("hh")), pl.col("lodger")).alias("g:household"))
    assert alone.select(u.size("household"))["g:household"][3:5].to_list() == [1, 1]


def _mates(keys: list, apart: list, couple: list) -> list[frozenset[int]]:
    """Each row's unit-mates when every condition is known (brute force of `apart_ids`)."""
    def unit(i: int) -> tuple:
        return (keys[i], "apart", couple[i]) if apart[i] else (keys[i], "stay")
    return [frozenset(j for j in range(len(keys)) if keys[j] is not None and unit(j) == unit(i))
            if keys[i] is not None else frozenset() for i in range(len(keys))]


@pytest.mark.parametrize("seed", range(40))
def test_apart_ids_know_exactly_the_units_no_unknown_condition_could_change(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 9))
    keys = [None if rng.random() < 0.1 else int(k) for k in rng.integers(1, 4, n)]
    apart = [None if r < 0.25 else bool(r < 0.6) for r in rng.random(n)]
    couple = [int(c) for c in rng.integers(1, 4, n)]
    doubts = [i for i in range(n) if apart[i] is None]
    worlds = []
    for bits in itertools.product([False, True], repeat=len(doubts)):
        resolved = list(apart)
        for i, b in zip(doubts, bits, strict=True):
            resolved[i] = b
        worlds.append(_mates(keys, resolved, couple))
    frame = pl.DataFrame({"k": keys, "apart": apart, "c": couple},
                         schema={"k": pl.Int64, "apart": pl.Boolean, "c": pl.Int64})
    ids = frame.select(u.apart_ids(u.unit_ids(pl.col("k")), pl.col("apart"), u.unit_ids(pl.col("c"))))
    ids = ids.to_series().to_list()
    for i in range(n):
        settled = keys[i] is not None and all(w[i] == worlds[0][i] for w in worlds)
        assert (ids[i] is not None) == settled, (keys, apart, couple, i)
        if settled:  # the same unit as exactly its mates
            assert {j for j in range(n) if ids[j] == ids[i]} == set(worlds[0][i]), (keys, apart, couple, i)
