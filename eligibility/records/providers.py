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
A person absent from the family registry, or whose own parent links conflict, gets unknowns;
so does one with a relative who may or may not live in their household (either's household
unknown).
"""

from __future__ import annotations

import polars as pl

from . import cleaning
from .sources import Sources


def _link(lf: pl.LazyFrame, person: str, provider: str) -> pl.LazyFrame:
    return lf.select(pl.col(person).alias("person"), pl.col(provider).alias("provider"))


def _max_or_unknown(col: str) -> pl.Expr:
    """The highest value, at least 0; unknown when any provider's value is unknown."""
    return pl.when(pl.col(col).null_count() == 0).then(pl.col(col).max().clip(0)).alias(col)


def providers(src: Sources, spine: pl.DataFrame, family: pl.DataFrame) -> pl.DataFrame:
    """spine: person_id, household_id of the persons to describe; family: their cleaned
    family rows (with conflict flags). Children are found by their own mother_id /
    father_id. Polars hash joins and one group_by over the (person, provider) links."""
    kids = src.family_of_children(spine["person_id"])
    needed = None if src.full else pl.concat(
        [family["mother_id"], family["father_id"], kids["child"], kids["spouse_id"]]
    ).drop_nulls().unique()
    attrs = src.provider_attrs(needed).lazy()
    own, k = family.lazy(), kids.lazy()
    # a child's spouse counts only while the child lives (사망한 1촌 직계혈족의 배우자 제외)
    in_laws = k.join(attrs.select(pl.col("person_id").alias("child")), on="child", how="semi")
    links = pl.concat([
        _link(own, "person_id", "mother_id"), _link(own, "person_id", "father_id"),
        _link(k, "mother_id", "child"), _link(k, "father_id", "child"),
        _link(in_laws, "mother_id", "spouse_id"), _link(in_laws, "father_id", "spouse_id"),
    ]).drop_nulls()
    per = (links.join(spine.lazy().rename({"person_id": "person"}), on="person")
           .join(attrs.rename({"person_id": "provider"}), on="provider")
           .with_columns((pl.col("household_id") != pl.col("p_household")).alias("apart"))
           .filter(pl.col("apart").fill_null(True))   # null: a household unknown (below)
           .group_by("person").agg(pl.col("provider").n_unique().alias("n"),
                                   _max_or_unknown("inc"), _max_or_unknown("prop"),
                                   pl.col("apart").is_null().any().alias("unsure"))
           .rename({"person": "person_id"}))
    # unknown for people absent from the family registry or whose own parents conflict
    known = family.lazy().filter(~pl.col(cleaning.conflict_flag("mother_id"))
                                 & ~pl.col(cleaning.conflict_flag("father_id")))
    none = pl.col("n").is_null()  # known, without any provider
    sure = ~pl.col("unsure").fill_null(False)   # whether each relative lives apart is known
    return (spine.lazy().select("person_id")
            .join(known, on="person_id", how="semi", maintain_order="left")
            .join(per, on="person_id", how="left", maintain_order="left")
            .select("person_id",
                    pl.when(sure).then(pl.col("n").fill_null(0).cast(pl.Int32)).alias("provider_count"),
                    pl.when(none).then(0).when(sure).then(pl.col("inc"))
                    .alias("provider_max_annual_income"),
                    pl.when(none).then(0).when(sure).then(pl.col("prop"))
                    .alias("provider_max_property"))
            .collect())
