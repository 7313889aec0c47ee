"""link_persons(): the registries joined into one row per living resident, as of a date.

Columns (the contract of rules/inputs.yaml): person_id, household_id, couple_id, every input
with its inputs.yaml dtype, then sido_code, sido_name and contact_consent. An input is null
when the person is absent from its registry, unless inputs.yaml says what absence means
(`absent:`), in which case it takes that value. Residents who died on or before the date are
not in the frame (linkage_report counts them). Ages are not computed here: the rules derive
them from birth_date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from . import cleaning
from .contract import INPUTS_YAML, frame_schema, load_inputs
from .dataset import Dataset, as_dataset
from .groups import household_groups
from .providers import providers
from .schema import REGISTRIES
from .sources import Sources

X = cleaning.conflict_flag


def year_before(d: dt.date) -> dt.date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def _present(lf: pl.LazyFrame, registry: str) -> pl.LazyFrame:
    return lf.with_columns(pl.lit(True).alias(f"_in_{registry}"))


def _family(src: Sources, fam: pl.DataFrame) -> pl.DataFrame:
    """has_spouse, marital_status, birth_order and the spouse to pair with (couple_id)."""
    spouses = fam["spouse_id"].drop_nulls().unique()
    living = src.living(spouses)["person_id"].implode()
    # a spouse who is not living on the date has died if a registration says so (one born
    # after the date has not); only the few spouses not living are looked up
    gone = spouses.filter(~spouses.is_in(living))
    dead = (cleaning.raw(src.ds, "resident", gone).filter(~cleaning.alive(src.as_of)).select("person_id")
            .collect()["person_id"])
    sp_alive = pl.col("spouse_id").is_in(living).fill_null(False)
    dead_spouse = pl.col("spouse_id").is_in(dead.implode()).fill_null(False)
    unknown = pl.col(X("spouse_id"))
    return fam.select(
        "person_id",
        pl.when(unknown).then(None)
          .otherwise(pl.col("spouse_id").is_not_null() & ~dead_spouse).alias("has_spouse"),
        pl.when(dead_spouse & (pl.col("marital_status") == "married")).then(pl.lit("widowed"))
          .otherwise(pl.col("marital_status")).alias("marital_status"),
        pl.col("birth_order").cast(pl.Int32),
        # the spouse is paired only when a living resident
        pl.when(~unknown & sp_alive).then(pl.col("spouse_id")).alias("_pair"),
    )


def _registries(src: Sources) -> list[pl.LazyFrame]:
    """One lazy frame per registry: person_id, the inputs it gives, and a presence flag."""
    ds, as_of, ids = src.ds, src.as_of, src.ids

    def reg(name: str) -> pl.LazyFrame:
        return cleaning.registry(ds, name, ids, drop_orphans=False)

    pensions = reg("pensions").select(
        "person_id", pl.col("national_pension").alias("national_pension_monthly"),
        pl.col("national_pension_a").alias("national_pension_a_monthly"), "occupational_pension")
    disability = reg("disability").filter(
        pl.col("registered_on").is_null() | (pl.col("registered_on") <= as_of)).select(
        "person_id", pl.lit(True).alias("disability_registered"),
        (pl.col("severity") == "severe").alias("disability_severe"))
    health = reg("health").select(
        "person_id", pl.col("arrears_months").alias("nhis_arrears_months"), "rare_disease",
        "pregnant")
    since = year_before(as_of)
    window = (pl.col("event_date") > since) & (pl.col("event_date") <= as_of)
    crisis = reg("crisis").group_by("person_id").agg(
        *[(window & (pl.col("event") == e)).any().alias(f"crisis_{e}")
          for e in ("job_loss", "business_closure", "main_earner_loss", "utility_cutoff",
                    "serious_illness")])
    consent = reg("consent").filter(
        pl.col("recorded_on").is_null() | (pl.col("recorded_on") <= as_of)).select(
        "person_id", "contact_consent")
    earn = src.earnings().lazy().drop("total_income_annual")
    return [_present(earn, "earnings"), _present(pensions, "pensions"),
            _present(src.property().lazy(), "property"), _present(disability, "disability"),
            _present(health, "health"), _present(reg("childcare"), "childcare"),
            _present(crisis, "crisis"), _present(consent, "consent")]


def link_persons(dataset: Dataset | str | Path, as_of: dt.date,
                 person_ids: pl.Series | None = None,
                 inputs_path: Path = INPUTS_YAML) -> pl.DataFrame:
    """One row per resident alive on `as_of` (restricted to `person_ids` when given: pass
    whole households, and for couple aggregates both spouses; see partitions())."""
    ds = as_dataset(dataset)
    src = Sources(ds, as_of, person_ids)
    spine = cleaning.living(ds, as_of, src.ids).select(
        "person_id", "household_id", "birth_date", "sex", "relation_to_head",
        (pl.col("relation_to_head") == "head").alias("is_head"), "sigungu_code").collect()
    flags = ("spouse_id", "mother_id", "father_id", "marital_status")
    fam = (cleaning.registry(ds, "family", src.ids, flags, drop_orphans=False)
           .join(spine.lazy().select("person_id"), on="person_id", how="semi")
           .sort("person_id").collect())
    src.know(spine, fam)
    family = _family(src, fam)
    prov = providers(src, spine.select("person_id", "household_id"), fam)
    region = ds.scan("region").select(
        pl.col("code5").alias("sigungu_code"), pl.col("blsa_tier").alias("blsa_region_tier"),
        "city_tier", "capital_area", "depopulation_area", "sido_code", "sido_name")
    # Each registry frame is collected on its own, sorted by person_id and joined eagerly to
    # the spine (sorted too): sorted on both sides, polars merges instead of hashing, several
    # times faster than the hash joins of one lazy plan with a dozen joins.
    df = spine.join(region.collect(), on="sigungu_code", how="left", maintain_order="left")
    for frame in [_present(family.lazy(), "family"), prov.lazy(), *_registries(src)]:
        df = df.join(frame.sort("person_id").collect(), on="person_id", how="left")
    lf = df.lazy()
    inputs = load_inputs(inputs_path)
    fills = []
    for name, spec in inputs.items():
        if spec.registry not in REGISTRIES:  # e.g. a caseworker's judgement: no registry has it
            fills.append(pl.lit(spec.absent, spec.dtype).alias(name))
        elif name not in df.columns:
            raise NotImplementedError(f"inputs.yaml names '{name}' from registry "
                                      f"'{spec.registry}', which the linker does not derive")
        elif spec.absent is not None:
            present = pl.col(f"_in_{spec.registry}").fill_null(False)
            fills.append(pl.when(present).then(pl.col(name))
                         .otherwise(pl.lit(spec.absent)).alias(name))
    lf = lf.with_columns(fills).with_columns(
        pl.min_horizontal("person_id", pl.col("_pair").fill_null(pl.col("person_id")))
        .alias("couple_id"))
    schema = frame_schema(inputs_path)
    return (lf.select([pl.col(c).cast(t) for c, t in schema.items()])
              .sort("person_id").collect())


def received_benefits(dataset: Dataset | str | Path, as_of: dt.date,
                      living: pl.Series | None = None) -> pl.DataFrame:
    """Benefits in payment on `as_of` to living residents: person_id, programme, since
    (orphans removed; a conflicting `since` is unknown). The sweep compares these with
    eligibility to find take-up gaps. `living`: only these person_ids, already known to be
    living residents (the sweep's plan): the resident registry is then not read again."""
    ds = as_dataset(dataset)
    if living is not None:
        rows = cleaning.registry(ds, "benefits", drop_orphans=False)
        wanted = pl.LazyFrame({"person_id": living.cast(pl.Int64)})
    else:
        rows = cleaning.registry(ds, "benefits")
        wanted = cleaning.living(ds, as_of).select("person_id")
    return (rows.filter(pl.col("since").is_null() | (pl.col("since") <= as_of))
            .join(wanted, on="person_id", how="semi")
            .sort("person_id", "programme").collect())  # any programme id: agencies pay many more


def partitions(dataset: Dataset | str | Path, as_of: dt.date, parts: int) -> list[pl.Series]:
    """person_ids of living residents split into `parts` groups of whole households, keeping
    spouses registered in different households together (their couple is one unit)."""
    ds = as_dataset(dataset)
    res = cleaning.living(ds, as_of).select("person_id", "household_id").collect()
    people = household_groups(ds, res).with_columns((pl.col("group") % parts).alias("part"))
    return [people.filter(pl.col("part") == i)["person_id"].sort() for i in range(parts)]
