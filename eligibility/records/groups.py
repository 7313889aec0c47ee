"""Households that must be linked together. A couple is one unit even when the spouses are
registered in two households (기초연금 counts both spouses), so such households form one
group; chains (a spouse elsewhere whose household holds another split couple) are followed.
Used to cut a population into parts that link exactly like the whole (linkage.partitions,
the sweep's plan)."""

from __future__ import annotations

import polars as pl

from .dataset import Dataset

MAX_ROUNDS = 64   # label propagation; real chains of split couples are two or three long


def household_groups(ds: Dataset, living: pl.DataFrame) -> pl.DataFrame:
    """living (person_id, household_id: one row per living resident) with `group`, the same
    for households joined through spouse links (linked_groups). Links are read from the raw
    family rows: a conflicting duplicate links both candidate spouses, which can only keep
    more together."""
    spouses = ds.scan("family").select("person_id", "spouse_id").drop_nulls().unique().collect()
    return linked_groups(living, spouses)


def frame_groups(frame: pl.DataFrame) -> pl.DataFrame:
    """The same for a linked person frame (person_id, household_id, couple_id): spouses are
    the people who share a couple_id."""
    pairs = frame.select("person_id", "couple_id").filter(pl.len().over("couple_id") > 1)
    spouses = (pairs.join(pairs.rename({"person_id": "spouse_id"}), on="couple_id")
               .filter(pl.col("person_id") != pl.col("spouse_id")).select("person_id", "spouse_id"))
    return linked_groups(frame.select("person_id", "household_id"), spouses)


def linked_groups(living: pl.DataFrame, spouses: pl.DataFrame) -> pl.DataFrame:
    """living (person_id, household_id) with `group`: the smallest household id reachable
    through the spouse links (person_id, spouse_id; one direction is enough), or that
    household's number when ids are not numbers and some are unknown. A person whose
    household is unknown is a household of their own here, so that a spouse still keeps them
    in the same group (their couple is one unit all the same)."""
    given = living
    living = living.with_columns(_own_households(living["household_id"]))
    links = (spouses.join(living, on="person_id")
             .join(living.rename({"person_id": "spouse_id", "household_id": "spouse_household"}),
                   on="spouse_id")
             .filter(pl.col("household_id") != pl.col("spouse_household"))
             .select("household_id", "spouse_household"))
    links = pl.concat([links, links.select(pl.col("spouse_household").alias("household_id"),
                                           pl.col("household_id").alias("spouse_household"))]).unique()
    # label propagation over the (few) households with a spouse elsewhere
    groups = (pl.concat([links["household_id"], links["spouse_household"]]).unique()
              .to_frame("household_id").with_columns(pl.col("household_id").alias("group")))
    for _ in range(MAX_ROUNDS):
        step = (links.join(groups, left_on="spouse_household", right_on="household_id")
                .group_by("household_id").agg(pl.col("group").min().alias("via")))
        new = (groups.join(step, on="household_id", how="left")
               .select("household_id", pl.min_horizontal("group", "via").alias("group")))
        if new.sort("household_id").equals(groups.sort("household_id")):
            break
        groups = new
    out = (living.join(groups, on="household_id", how="left")
           .with_columns(pl.col("group").fill_null(pl.col("household_id"))))
    if given["household_id"].null_count():   # the households as given: unknown stays unknown
        out = out.drop("household_id").join(given, on="person_id")
    return out


def _own_households(household: pl.Series) -> pl.Series:
    """household_id, and where it is unknown a number of the person's own above every known
    one (only to group people here: the linker keeps the household unknown). Ids that are
    not numbers are numbered first, in their order."""
    if not household.null_count():
        return household
    if not household.dtype.is_integer():
        household = household.rank("dense").cast(pl.Int64)
    above = (household.max() or 0) + 1   # type: ignore[operator]
    own = above + household.is_null().cum_sum() - 1
    return household.fill_null(own)
