"""The lists a sweep produces from one partition's decisions: outreach, review, undetermined,
and the partial summary. Pure functions of a decisions frame (one row per person, the kept
columns and the decision columns, with `recv:<p>` saying whether the person is listed in the
benefits registry for p); the run's final step concatenates and ranks them.

- outreach: eligible and not receiving. For a household programme, one row per household
  (its payee), and the household is receiving when any member is listed.
- review: listed as receiving but now *ineligible*. Undetermined recipients are not in it:
  their case goes to the undetermined list, to ask for the missing record first.
- undetermined: for each undetermined decision and each missing input, the person whose
  record lacks it (for a household-scoped input: each member with no value) and the
  registry to ask."""

from __future__ import annotations

import polars as pl

from ..evaluation import ELIGIBLE, INELIGIBLE, UNDETERMINED
from .spec import SweepRules

# Ranking uses a monthly equivalent so that yearly and one-off amounts compare with monthly.
PER_MONTH = {"month": 1, "year": 12, "once": 12}


def receiving_flags(dec: pl.DataFrame, receiving: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    """Add recv:<p> (this person is listed) and recv_unit:<p> (someone of the programme's
    unit is). Membership tests against small id sets: no window over the whole partition."""
    cols: list[pl.Expr] = []
    listed = receiving.join(dec.select("person_id", *_unit_keys(rules)), on="person_id")
    for p in rules.programmes:
        rows = listed.filter(pl.col("programme") == p)
        cols.append(pl.col("person_id").is_in(rows["person_id"].implode()).alias(f"recv:{p}"))
        unit = rules.unit_of(p)
        key = "person_id" if unit == "person" else rules.key_of(unit)
        cols.append(pl.col(key).is_in(rows[key].unique().implode()).alias(f"recv_unit:{p}"))
    return dec.with_columns(cols)


def _unit_keys(rules: SweepRules) -> list[str]:
    return list(dict.fromkeys(rules.key_of(u) for u in rules.units if rules.key_of(u) != "person_id"))


def crisis_by_household(persons: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    """household_id, crisis_signals (how many kinds of crisis the household's members had),
    crisis (their names): only households with one, a small table."""
    present = [c for c in rules.crisis_inputs if c in persons.columns]
    if not present:
        return pl.DataFrame(schema={"household_id": persons.schema["household_id"],
                                    "crisis_signals": pl.Int8, "crisis": pl.String})
    flags = [pl.col(c).fill_null(False) for c in present]
    hit = (persons.lazy().filter(pl.any_horizontal(flags)).group_by("household_id")
           .agg([f.any().alias(c) for f, c in zip(flags, present, strict=True)]))
    return hit.select(
        "household_id",
        pl.sum_horizontal([pl.col(c).cast(pl.Int8) for c in present]).cast(pl.Int8).alias("crisis_signals"),
        pl.concat_str([pl.when(pl.col(c)).then(pl.lit(c.removeprefix("crisis_"))) for c in present],
                      separator=",", ignore_nulls=True).alias("crisis")).collect()


def outreach(dec: pl.DataFrame, crisis: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    lf = dec.lazy()
    parts = []
    for p in rules.programmes:
        unit = rules.unit_of(p)
        keep = (pl.col(f"{p}:status") == ELIGIBLE) & ~pl.col(f"recv_unit:{p}")
        if unit != "person":
            keep = keep & pl.col(f"payee:{unit}")
        period = rules.period_of(p)
        parts.append(lf.filter(keep).select(
            "person_id", "household_id", pl.lit(p).alias("programme"),
            pl.col(f"{p}:amount").alias("amount"), pl.lit(period).alias("period"),
            (pl.col(f"{p}:amount") // PER_MONTH[period]).alias("monthly_equivalent"),
            "sido_code", "sido_name",
            pl.col("contact_consent").fill_null(False)))  # no consent recorded: not contacted
    if not parts:
        return pl.DataFrame()
    out = pl.concat(parts).join(crisis.lazy(), on="household_id", how="left", maintain_order="left")
    return out.with_columns(pl.col("crisis_signals").fill_null(0)).select(
        "person_id", "household_id", "programme", "amount", "period", "monthly_equivalent",
        "crisis_signals", "crisis", "sido_code", "sido_name", "contact_consent").collect()


def review(dec: pl.DataFrame, receiving: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    lf = dec.lazy()
    parts = []
    for p in rules.programmes:
        names = rules.compiled.layout[p].criteria
        rows = lf.filter(pl.col(f"recv:{p}") & (pl.col(f"{p}:status") == INELIGIBLE))
        failed = pl.col(f"{p}:failed")
        parts.append(rows.select(
            "person_id", "household_id", pl.lit(p).alias("programme"),
            failed.alias("failed"),
            pl.concat_str([pl.when((failed & (1 << i)) != 0).then(pl.lit(n)) for i, n in enumerate(names)],
                          separator=",", ignore_nulls=True).alias("failed_criteria"),
            "sido_code", "sido_name"))
    out = pl.concat(parts).collect() if parts else pl.DataFrame()
    if out.is_empty():
        return out.with_columns(pl.lit(None, pl.Date).alias("since"))
    since = receiving.group_by("person_id", "programme").agg(pl.col("since").min())
    return out.join(since, on=["person_id", "programme"], how="left")


def undetermined(dec: pl.DataFrame, persons: pl.DataFrame, rules: SweepRules) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(asks, counts). asks: one row per (registry, input, person whose record lacks it) with
    the programmes it leaves undetermined and how many decisions; counts: per (registry,
    input, programme), people to ask and decisions. The person asked about is always a member
    of the partition, so both are complete per partition. Integer codes inside (fast groups)."""
    keys = {u: rules.key_of(u) for u in rules.units}
    ids = list(dict.fromkeys(["person_id", "household_id", *keys.values()]))
    inputs = _input_codes(rules)
    lf = dec.lazy()
    long = [lf.filter(pl.col(f"{p}:status") == UNDETERMINED)
            .select(*ids, pl.lit(k, pl.UInt8).alias("prog"), pl.col(f"{p}:missing").alias("missing"))
            for k, p in enumerate(rules.programmes)]
    und = pl.concat(long).collect() if long else pl.DataFrame()
    if und.is_empty():
        return _empty_asks(dec), _empty_counts()
    # decode each distinct bit set once, then join: no row-times-bits blow-up
    bits = [(k, m, inputs.index(inp), scope or "person")
            for k, m in und.select("prog", "missing").unique().iter_rows()
            for i, (inp, scope) in enumerate(rules.compiled.layout[rules.programmes[k]].needs) if m >> i & 1]
    table = pl.DataFrame(bits, schema={"prog": pl.UInt8, "missing": pl.Int64, "inp": pl.UInt16,
                                       "scope": pl.String}, orient="row")
    cols = ["inp", "person_id", "household_id", "prog", "n"]
    parts = [und.join(table.filter(pl.col("scope") == "person"), on=["prog", "missing"])  # the decided person lacks it
             .select(*cols[:-1], pl.lit(1, pl.UInt32).alias("n"))]
    for unit, key in keys.items():
        # the unit's decisions counted per bit set before decoding: a household's members
        # often share one (2.3x fewer rows in the 1M sweep)
        scoped = (und.group_by(key, "prog", "missing").agg(pl.len().alias("c"))
                  .join(table.filter(pl.col("scope") == unit), on=["prog", "missing"]))
        if scoped.is_empty():
            continue
        # a unit-scoped input: every member of the unit without a value is asked about
        index = list(dict.fromkeys([key, "person_id", "household_id"]))
        # the units asked about, once; then per input the (few) members without a value
        asked = (persons.lazy().filter(pl.col(key).is_in(scoped[key].unique().implode()))
                 .select(*index, *rules.scoped_inputs).collect().lazy())
        members = pl.concat([
            asked.filter(pl.col(i).is_null()).select(*index, pl.lit(inputs.index(i), pl.UInt16).alias("inp"))
            for i in rules.scoped_inputs]).collect()
        per_unit = scoped.group_by(key, "inp", "prog").agg(pl.col("c").sum().cast(pl.UInt32).alias("n"))
        parts.append(per_unit.join(members, on=[key, "inp"]).select(cols))
    detail = pl.concat(parts)
    per = detail.group_by("inp", "person_id", "prog").agg(pl.col("household_id").first(), pl.col("n").sum().alias("len"))
    asks = per.group_by("inp", "person_id").agg(
        pl.col("household_id").first(), pl.col("prog").replace_strict({k: 1 << k for k in range(len(rules.programmes))},
                                     return_dtype=pl.Int64).sum().alias("mask"),
        pl.col("len").sum().cast(pl.UInt32).alias("decisions"))
    counts = per.group_by("inp", "prog").agg(pl.len().cast(pl.Int64).alias("persons_to_ask"),
                                             pl.col("len").sum().cast(pl.Int64).alias("decisions"))
    return _named_asks(asks, rules), _named_counts(counts, rules)


def _input_codes(rules: SweepRules) -> list[str]:
    """Inputs ordered by (registry, input): sorting by code sorts by registry, then input."""
    return sorted(rules.book.inputs, key=lambda n: (rules.book.inputs[n].registry, n))


def _input_names(rules: SweepRules) -> tuple[pl.Expr, pl.Expr]:
    inputs = _input_codes(rules)
    inp = pl.col("inp")
    return (inp.replace_strict({i: rules.book.inputs[n].registry for i, n in enumerate(inputs)},
                               return_dtype=pl.String).alias("registry"),
            inp.replace_strict(dict(enumerate(inputs)), return_dtype=pl.String).alias("input"))


def _named_asks(asks: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    masks = asks["mask"].unique().to_list()   # few distinct sets of programmes
    names = {m: ",".join(p for k, p in enumerate(rules.programmes) if m >> k & 1) for m in masks}
    return (asks.sort("inp", "person_id")
            .select(*_input_names(rules), "person_id", "household_id",
                    pl.col("mask").replace_strict(names, return_dtype=pl.String).alias("programmes"),
                    "decisions"))


def _named_counts(counts: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    return counts.select(*_input_names(rules),
                         pl.col("prog").replace_strict(dict(enumerate(rules.programmes)),
                                                       return_dtype=pl.String).alias("programme"),
                         "persons_to_ask", "decisions")


def _empty_asks(dec: pl.DataFrame) -> pl.DataFrame:
    return pl.DataFrame(schema={"registry": pl.String, "input": pl.String,
                                "person_id": dec.schema["person_id"],
                                "household_id": dec.schema["household_id"],
                                "programmes": pl.String, "decisions": pl.UInt32})


def _empty_counts() -> pl.DataFrame:
    return pl.DataFrame(schema={"registry": pl.String, "input": pl.String, "programme": pl.String,
                                "persons_to_ask": pl.Int64, "decisions": pl.Int64})


def summary(dec: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    """Per programme, 시도 and status: persons, units (households paid once), amount, receiving."""
    lf = dec.lazy()
    parts = []
    for p in rules.programmes:
        unit = rules.unit_of(p)
        units = pl.col(f"payee:{unit}").sum() if unit != "person" else pl.len()
        parts.append(lf.group_by("sido_code", "sido_name", pl.col(f"{p}:status").alias("status")).agg(
            pl.len().cast(pl.Int64).alias("persons"), units.cast(pl.Int64).alias("units"),
            pl.col(f"{p}:amount").sum().cast(pl.Int64).alias("amount"),
            pl.col(f"recv:{p}").sum().cast(pl.Int64).alias("receiving"),
        ).with_columns(pl.lit(p).alias("programme")))
    return pl.concat(parts).collect() if parts else pl.DataFrame()
