"""The lists a sweep produces from one partition's decisions: outreach, review, undetermined,
and the partial summary. Pure functions of a decisions frame (one row per person, the kept
columns and the decision columns, with `recv:<p>` saying whether the person is listed in the
benefits registry for p); the run's final step concatenates and ranks them.

- outreach: eligible and not receiving. For a household programme, one row per household
  (its payee), and the household is receiving when any member is listed.
- review: listed as receiving but now *ineligible*. Undetermined recipients are not in it:
  their case goes to the undetermined list, to ask for the missing record first.
- undetermined: for each undetermined decision (or eligible one whose amount is unknown) and
  each missing input, the person whose record lacks it (for an input read through units: each
  member reached with no value, a spouse registered elsewhere included) and the registry to
  ask.

Cost: a partition is about a million people and a sweep worker has one thread, so the lists pass
over the partition few times: they select first and group what they selected (undetermined
decisions, people under review), or group once for all programmes (the summary, by combination
of statuses); groups are on integer codes, and names come at the end."""

from __future__ import annotations

import numpy as np
import polars as pl

from ..backends.unit_ops import reach_col
from ..dependencies import Scope, scope_name
from ..evaluation import ELIGIBLE, INELIGIBLE, STATUS_NAMES
from .spec import HOUSEHOLD, SweepRules

# Ranking uses a monthly equivalent so that yearly and one-off amounts compare with monthly.
PER_MONTH = {"month": 1, "year": 12, "once": 12}


def receiving_flags(dec: pl.DataFrame, receiving: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    """Add recv:<p> (this person is listed) and recv_unit:<p> (someone of the programme's
    unit is). Membership tests against small id sets, one per programme: no join or window
    over the whole partition."""
    receiving = receiving.cast({"person_id": dec.schema["person_id"]})  # as the decisions hold ids
    listed = {p: f["person_id"] for (p,), f in receiving.partition_by("programme", as_dict=True).items()}
    none = receiving["person_id"].clear()
    cols: list[pl.Series] = []
    for p in rules.programmes:
        recv = dec["person_id"].is_in(listed.get(p, none).implode()).alias(f"recv:{p}")
        unit = rules.unit_of(p)
        if unit == "person":
            recv_unit = recv
        else:  # the units of the listed people
            key = dec[rules.unit_col(unit)]
            recv_unit = key.is_in(key.filter(recv).unique().implode())
        cols += [recv, recv_unit.alias(f"recv_unit:{p}")]
    return dec.with_columns(cols)


# The crisis signals of a person's household (its unit's reach: a lodger's is their own). A
# person of unknown household has the signals of their own (their household's members are
# unknown): the crisis table's key is (unit, unplaced), unplaced being their id.
UNIT = reach_col(HOUSEHOLD)
UNPLACED = pl.when(pl.col(UNIT).is_null()).then(pl.col("person_id")).alias("unplaced")
CRISIS_KEY = [UNIT, "unplaced"]


def crisis_by_household(dec: pl.DataFrame, persons: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    """The crisis key (`CRISIS_KEY`), crisis_signals (how many kinds of crisis the household's
    members had), crisis (their names): only households with one, a small table. `persons` has
    the rows of `dec`, in the same order."""
    present = [c for c in rules.crisis_inputs if c in persons.columns]
    if not present:
        return pl.DataFrame(schema={UNIT: dec.schema[UNIT], "unplaced": persons.schema["person_id"],
                                    "crisis_signals": pl.Int8, "crisis": pl.String})
    flags = [pl.col(c).fill_null(False) for c in present]
    hit = (persons.select("person_id", *present).hstack([dec[UNIT]]).lazy()
           .filter(pl.any_horizontal(flags)).group_by(UNIT, UNPLACED)
           .agg([f.any().alias(c) for f, c in zip(flags, present, strict=True)]))
    return hit.select(
        *CRISIS_KEY,
        pl.sum_horizontal([pl.col(c).cast(pl.Int8) for c in present]).cast(pl.Int8).alias("crisis_signals"),
        pl.concat_str([pl.when(pl.col(c)).then(pl.lit(c.removeprefix("crisis_"))) for c in present],
                      separator=",", ignore_nulls=True).alias("crisis")).collect()


def outreach(dec: pl.DataFrame, crisis: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    lf = dec.lazy()
    parts = []
    for p in rules.programmes:
        keep = (pl.col(f"{p}:status") == ELIGIBLE) & ~pl.col(f"recv_unit:{p}") & _paid(p, rules)
        period = rules.period_of(p)
        parts.append(lf.filter(keep).select(
            "person_id", "household_id", pl.lit(p).alias("programme"),
            pl.col(f"{p}:amount").alias("amount"), pl.lit(period).alias("period"),
            (pl.col(f"{p}:amount") // PER_MONTH[period]).alias("monthly_equivalent"),
            "sido_code", "sido_name",
            pl.col("contact_consent").fill_null(False),  # no consent recorded: not contacted
            UNIT, UNPLACED))
    if not parts:
        return pl.DataFrame()
    out = pl.concat(parts).join(crisis.lazy(), on=CRISIS_KEY, how="left",
                                maintain_order="left", nulls_equal=True)
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
    # the registry rows of the people under review only: far fewer than the registry's
    mine = receiving.filter(pl.col("person_id").is_in(out["person_id"].implode()))
    since = mine.group_by("person_id", "programme").agg(pl.col("since").min())
    return out.join(since, on=["person_id", "programme"], how="left", maintain_order="left")


def undetermined(dec: pl.DataFrame, persons: pl.DataFrame, rules: SweepRules) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(asks, counts). asks: one row per (registry, input, person whose record lacks it) with
    the programmes it leaves undetermined (or whose amount it leaves unknown) and how many
    decisions; counts: per (registry, input, programme), people to ask and decisions. The person
    asked about is always a member of the partition, so both are complete per partition.
    `persons` has the rows of `dec`, in the same order (as `partition.evaluate` makes them)."""
    if not dec["person_id"].equals(persons["person_id"]):
        raise ValueError("undetermined: persons and decisions must be the same rows in the same order")
    if not rules.programmes:
        return _empty_asks(dec), _empty_counts()
    und = _undetermined_decisions(dec, rules)
    persons = persons.hstack([dec[c] for c in dict.fromkeys(rules.unit_col(u) for u in rules.units)])
    asked = pl.concat([_asked_self(und, rules) if not scope else _asked_members(und, persons, rules, scope)
                       for scope in rules.scopes])
    if asked.is_empty():
        return _empty_asks(dec), _empty_counts()
    # sorted by code, an (input, person, programme) is a run of equal codes and an (input,
    # person) a run of equal code // ROW_UNIT: no hash grouping of the million rows
    asked = asked.sort("code").with_columns((pl.col("code") != pl.col("code").shift()).fill_null(True).alias("first"))
    asks = _asks(asked, dec)
    if not dec["person_id"].is_sorted():  # asks are by (input, row); these rows are not by person_id
        asks = asks.sort("inp", "person_id")
    return _named_asks(asks, rules), _named_counts(_counts(asked), rules)


# (input, person asked, programme) as one integer, the code: inp · 2⁴⁰ + row · 2⁸ + prog, where
# row is the person's row in the partition (< 2³²) and prog the programme's index. Grouping on
# one integer is fast, and sorting by it sorts by input, then person, then programme.
ROW_UNIT, INP_UNIT = 1 << 8, 1 << 40
CODE = (pl.col("inp").cast(pl.UInt64) * INP_UNIT + pl.col("row").cast(pl.UInt64) * ROW_UNIT
        + pl.col("prog").cast(pl.UInt64)).alias("code")


def _missing_col(scope: Scope) -> str:
    return f"missing:{scope_name(scope)}"


def _undetermined_decisions(dec: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    """One row per decision with missing bits (undetermined, or eligible with an unknown
    amount): the person's row, unit keys, prog, and per scope the missing bits of that scope in
    `missing:<scope>`. A person whose unit key is unknown is the only known member of that
    unit: the bits of a scope starting with it go to the rest of the scope."""
    bits = _scope_bits(rules)
    keys = [rules.unit_col(u) for u in rules.units]
    lf = dec.lazy().with_row_index("row")
    und = pl.concat([
        lf.filter(pl.col(f"{p}:missing") != 0).select(
            "row", *keys, pl.lit(k, pl.UInt8).alias("prog"),
            *[(pl.col(f"{p}:missing") & b[k]).alias(_missing_col(scope)) for scope, b in bits.items()])
        for k, p in enumerate(rules.programmes)], how="vertical")
    for scope in sorted((s for s in rules.scopes if s), key=len, reverse=True):  # a tail after its path
        alone = pl.col(rules.unit_col(scope[0])).is_null()
        here, rest = _missing_col(scope), _missing_col(scope[1:])
        und = und.with_columns(
            pl.when(alone).then(pl.col(rest) | pl.col(here)).otherwise(pl.col(rest)).alias(rest),
            pl.when(alone).then(0).otherwise(pl.col(here)).alias(here))
    return und.collect()


def _scope_bits(rules: SweepRules) -> dict[Scope, list[int]]:
    """Per scope, per programme: the bits of `missing` needed through that scope."""
    bits = {scope: [0] * len(rules.programmes) for scope in rules.scopes}
    for k, p in enumerate(rules.programmes):
        for i, (_, scope) in enumerate(rules.compiled.layout[p].needs):
            bits[scope][k] |= 1 << i
    return bits


def _decoded(pairs: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    """(prog, missing:<scope>) → one row per input with a bit set, with its code. Each distinct bit
    set is decoded once and joined: no row-times-bits blow-up."""
    code = {name: i for i, name in enumerate(_input_codes(rules))}
    # each input once per set, though two of its bits may be set (two scopes, neither covering
    # the other, may meet in one column when a key is unknown)
    rows = list(dict.fromkeys(
        (k, m, code[inp]) for k, m in pairs.iter_rows()
        for i, (inp, _) in enumerate(rules.compiled.layout[rules.programmes[k]].needs) if m >> i & 1))
    return pl.DataFrame(rows, schema={"prog": pl.UInt8, pairs.columns[1]: pl.Int64, "inp": pl.UInt16},
                        orient="row")


def _asked_self(und: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    """Inputs of the decided person: that person is asked about, once per decision."""
    missing = _missing_col(())
    rows = und.filter(pl.col(missing) != 0)
    bits = _decoded(rows.select("prog", missing).unique(), rules)
    return rows.join(bits, on=["prog", missing]).select(CODE, pl.lit(1, pl.UInt32).alias("n"))


def _asked_members(und: pl.DataFrame, persons: pl.DataFrame, rules: SweepRules, scope: Scope) -> pl.DataFrame:
    """Inputs read through units: every member reached through the scope without a value is
    asked about, once per decision that misses it."""
    key, missing = rules.unit_col(scope[0]), _missing_col(scope)
    # the decisions counted per unit and bit set before decoding: a household's members
    # often share one (2.3x fewer rows in the 1M sweep)
    counted = (und.lazy().filter(pl.col(missing) != 0).group_by(key, "prog", missing)
               .agg(pl.len().cast(pl.UInt32).alias("n")).collect())
    if counted.is_empty():
        return pl.DataFrame(schema={"code": pl.UInt64, "n": pl.UInt32})
    bits = _decoded(counted.select("prog", missing).unique(), rules)
    names = _input_codes(rules)
    lacking = _lacking(persons, rules, scope, counted[key].unique(), {i: names[i] for i in bits["inp"].unique()})
    # joined with the bits first, eagerly: in one lazy plan polars may join the bits with
    # `lacking` first, on the input alone, a many-to-many blow-up (2-7 s instead of 0.3 s in
    # 10 of the 52 partitions of 1M at 52M, measured)
    decoded = counted.join(bits, on=["prog", missing])
    return decoded.lazy().join(lacking, on=[key, "inp"]).select(CODE, "n").collect()


def _lacking(persons: pl.DataFrame, rules: SweepRules, scope: Scope, units: pl.Series,
             inputs: dict[int, str]) -> pl.LazyFrame:
    """(row, unit, inp): the people reached through the scope from these units (the `unit_col`
    of its first) with no value for these inputs (by code). `persons` carries the unit columns
    (see `undetermined`)."""
    key = rules.unit_col(scope[0])
    keys = list(dict.fromkeys(rules.unit_col(u) for u in scope))
    members = persons.lazy().with_row_index("row")
    if len(scope) == 1:  # only these units' members can be reached
        members = members.filter(pl.col(key).is_in(units.implode()))
    members = members.select("row", *keys, *inputs.values()).collect().lazy()
    reached = members.filter(pl.col(key).is_in(units.implode())).select("row", pl.col(key).alias("start"))
    for unit in scope[1:]:  # each step: the members of the units of those reached (or themselves, alone)
        k = rules.unit_col(unit)
        step = reached.join(members.select("row", k), on="row")
        via = (step.filter(pl.col(k).is_not_null()).select("start", k).unique()
               .join(members.filter(pl.col(k).is_not_null()).select(k, "row"), on=k))
        reached = pl.concat([step.filter(pl.col(k).is_null()).select("start", "row"),
                             via.select("start", "row")]).unique()
    reached = reached.join(members.drop(keys), on="row").rename({"start": key})
    return pl.concat([reached.filter(pl.col(name).is_null()).select("row", key, pl.lit(i, pl.UInt16).alias("inp"))
                      for i, name in inputs.items()], how="vertical")


def _asks(asked: pl.DataFrame, dec: pl.DataFrame) -> pl.DataFrame:
    """Per (input, person), by (input, row): the programmes (bit k: programme k) and decisions.
    `asked` is sorted by code."""
    code, n = asked["code"].to_numpy(), asked["n"].to_numpy()
    ask = code // ROW_UNIT
    start = np.flatnonzero(np.r_[True, ask[1:] != ask[:-1]])  # where each run begins
    mask = np.bitwise_or.reduceat(np.left_shift(1, (code % ROW_UNIT).astype(np.int64)), start)
    ask = ask[start]
    rows = pl.Series(ask % (INP_UNIT // ROW_UNIT))
    return pl.DataFrame({"inp": (ask // (INP_UNIT // ROW_UNIT)).astype(np.uint16),
                         "person_id": dec["person_id"].gather(rows), "household_id": dec["household_id"].gather(rows),
                         "mask": mask, "decisions": np.add.reduceat(n, start).astype(np.uint32)})


def _counts(asked: pl.DataFrame) -> pl.DataFrame:
    """Per (input, programme): persons to ask (the first row of each run) and decisions."""
    return (asked.lazy().group_by((pl.col("code") // INP_UNIT).cast(pl.UInt16).alias("inp"),
                                  (pl.col("code") % ROW_UNIT).cast(pl.UInt8).alias("prog"))
            .agg(pl.col("first").sum().cast(pl.Int64).alias("persons_to_ask"),
                 pl.col("n").sum().cast(pl.Int64).alias("decisions"))
            .sort("inp", "prog").collect())


def _input_codes(rules: SweepRules) -> list[str]:
    """Inputs and unit keys ordered by (registry, name): sorting by code sorts by registry, then
    input."""
    book = rules.book
    names = [*book.inputs, *dict.fromkeys(u.key for u in book.units.values())]
    return sorted(names, key=lambda n: (book.registry_of(n), n))


def _input_names(rules: SweepRules) -> tuple[pl.Expr, pl.Expr]:
    inputs = _input_codes(rules)
    inp = pl.col("inp")
    return (inp.replace_strict({i: rules.book.registry_of(n) for i, n in enumerate(inputs)},
                               return_dtype=pl.String).alias("registry"),
            inp.replace_strict(dict(enumerate(inputs)), return_dtype=pl.String).alias("input"))


def _named_asks(asks: pl.DataFrame, rules: SweepRules) -> pl.DataFrame:
    masks = asks["mask"].unique().to_list()   # few distinct sets of programmes
    names = {m: ",".join(p for k, p in enumerate(rules.programmes) if m >> k & 1) for m in masks}
    return asks.select(*_input_names(rules), "person_id", "household_id",
                       pl.col("mask").replace_strict(names, return_dtype=pl.String).alias("programmes"),
                       "decisions")


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
    """Per programme, 시도 and status: persons, units (households paid once), amount, units whose
    amount is unknown (eligible, an amount input missing), receiving.
    One pass over the partition: people are counted per 시도 and combination of statuses (a few
    thousand), and each programme's figures are added up from those."""
    if not rules.programmes:
        return pl.DataFrame()
    vectors = _status_vectors(rules.programmes)
    payees = sorted({u for u in map(rules.unit_of, rules.programmes) if u != "person"})
    combos = dec.lazy().group_by("sido_code", "sido_name", *vectors).agg(
        pl.len().alias("persons"), *[pl.col(f"payee:{u}").sum() for u in payees],
        *[pl.col(f"{p}:amount", f"recv:{p}").sum() for p in rules.programmes],
        *[_amount_unknown(p, rules).sum().alias(f"unknown:{p}") for p in rules.programmes]).collect().lazy()
    parts = []
    for k, p in enumerate(rules.programmes):
        unit = rules.unit_of(p)
        units = pl.col(f"payee:{unit}") if unit != "person" else pl.col("persons")
        parts.append(combos.group_by("sido_code", "sido_name", _status_of(k, dec.schema[f"{p}:status"])).agg(
            pl.col("persons").sum().cast(pl.Int64), units.sum().cast(pl.Int64).alias("units"),
            pl.col(f"{p}:amount").sum().cast(pl.Int64).alias("amount"),
            pl.col(f"unknown:{p}").sum().cast(pl.Int64).alias("amount_unknown"),
            pl.col(f"recv:{p}").sum().cast(pl.Int64).alias("receiving"),
        ).with_columns(pl.lit(p).alias("programme")))
    return pl.concat(parts).collect()


def _paid(p: str, rules: SweepRules) -> pl.Expr:
    """The rows a programme's decision is listed and paid on: the payee of its unit (a
    household programme once, on the head), or every person."""
    unit = rules.unit_of(p)
    return pl.col(f"payee:{unit}") if unit != "person" else pl.lit(True)


def _amount_unknown(p: str, rules: SweepRules) -> pl.Expr:
    """An eligible unit (its payee) whose modelled amount is unknown: not in the cost."""
    if not rules.amount_modelled(p):
        return pl.lit(False)
    return (pl.col(f"{p}:status") == ELIGIBLE) & _paid(p, rules) & pl.col(f"{p}:amount").is_null()


# Statuses packed as base-4 digits of an Int64 (31 programmes a column), NO_STATUS for null.
STATUS_BASE, PER_VECTOR, NO_STATUS = 4, 31, 3
assert max(STATUS_NAMES) < NO_STATUS < STATUS_BASE


def _status_vectors(programmes: list[str]) -> list[pl.Expr]:
    """Each person's statuses in all programmes as few integer columns: status:0, status:1, ..."""
    return [pl.sum_horizontal(pl.col(f"{p}:status").cast(pl.Int64).fill_null(NO_STATUS) * STATUS_BASE ** d
                              for d, p in enumerate(programmes[v:v + PER_VECTOR])).alias(f"status:{v // PER_VECTOR}")
            for v in range(0, len(programmes), PER_VECTOR)]


def _status_of(k: int, dtype: pl.DataType) -> pl.Expr:
    """Programme k's status, out of the status vectors."""
    digit = pl.col(f"status:{k // PER_VECTOR}") // STATUS_BASE ** (k % PER_VECTOR) % STATUS_BASE
    return pl.when(digit != NO_STATUS).then(digit).cast(dtype).alias("status")
