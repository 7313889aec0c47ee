"""The linker's rules, one hand-made dataset at a time: income windows, obligatory providers,
spouses, deaths, stale registrations, duplicates, dated registries."""

from __future__ import annotations

import datetime as dt

import polars as pl
from records_builders import AS_OF, Builder, family, month, person, prop

from eligibility.records import link_persons, linkage_report, received_benefits
from eligibility.sweep import shard


def row(frame: pl.DataFrame, pid: int) -> dict:
    return frame.filter(pl.col("person_id") == pid).to_dicts()[0]


def test_income_windows(build: Builder) -> None:
    ds = build(
        resident=[person(1, 1), person(2, 2)],
        earnings=[
            month(1, "2025-12-01", earned=1_000_000), month(1, "2026-01-01", earned=1_000_000),
            month(1, "2026-02-01", earned=1_000_001, daily=500),   # (3,000,001)/3 → 1,000,000
            month(1, "2025-06-01", earned=2_000_000, business=300_000, daily=100_000, other=7),
            month(1, "2024-12-01", earned=9_999_999),                # not in 2025
            month(2, "2024-12-01"),                                   # present, nothing earned
        ])
    f = link_persons(ds, dt.date(2026, 3, 15))
    one = row(f, 1)
    assert one["earned_income_monthly"] == 1_000_000
    assert one["daily_work_income_monthly"] == 167  # 500/3 = 166.67 → 167 (half-up)
    assert one["business_income_monthly"] == 0 and one["other_income_monthly"] == 0
    assert one["earned_income_annual"] == 1_000_000 + 2_000_000 + 100_000  # Dec and Jun 2025
    assert one["business_income_annual"] == 300_000
    two = row(f, 2)
    assert two["earned_income_monthly"] == 0 and two["earned_income_annual"] == 0
    # as of 2027-06: the window does not cover the last three months nor 2026 → unknown
    later = row(link_persons(ds, dt.date(2027, 6, 1)), 1)
    assert later["earned_income_monthly"] is None and later["earned_income_annual"] is None


def test_conflicting_duplicate_month_is_unknown(build: Builder) -> None:
    ds = build(resident=[person(1, 1)],
               earnings=[month(1, "2026-01-01", earned=100), month(1, "2026-01-01", earned=200),
                         month(1, "2026-01-01", earned=100), month(1, "2025-03-01", business=5)])
    one = row(link_persons(ds, AS_OF), 1)
    assert one["earned_income_monthly"] is None          # January disagrees
    assert one["business_income_monthly"] == 0           # the business values agree
    assert one["earned_income_annual"] == 0              # the conflict is in 2026, not 2025
    assert one["business_income_annual"] == 5
    rep = linkage_report(ds, AS_OF)
    assert rep.registries["earnings"].duplicate_rows_exact == 1
    assert rep.registries["earnings"].duplicate_rows_merged == 1
    rep.check()


def test_obligatory_providers(build: Builder) -> None:
    # 1 (old mother, alone) — children 2 (with wife 3) and 4 (dead, widower 5), 6 lives with 1
    ds = build(
        resident=[person(1, 1, "1945-01-01", "F"), person(2, 2, "1970-01-01"),
                  person(3, 2, "1972-01-01", "F", "spouse"), person(4, 3, "1975-01-01", "F",
                                                                death="2025-05-01"),
                  person(5, 3, "1974-01-01", "M", "spouse"), person(6, 1, "1980-01-01", rel="child"),
                  person(7, 4, "2000-01-01")],
        family=[family(1, status="widowed"), family(2, spouse=3, mother=1, status="married"),
                family(3, spouse=2, status="married"), family(4, spouse=5, mother=1, status="married"),
                family(5, spouse=4, status="married"), family(6, mother=1), family(7, father=2)],
        earnings=[month(2, "2025-05-01", earned=50_000_000), month(3, "2025-05-01", earned=70_000_000),
                  month(5, "2025-05-01", earned=90_000_000), month(6, "2025-05-01", earned=1),
                  month(1, "2025-05-01"), month(7, "2025-05-01")],
        property=[prop(2, home=300_000_000), prop(3, land=1_000_000_000), prop(5, home=5),
                  prop(6, fin=10**10), prop(1), prop(7)])
    f = link_persons(ds, AS_OF)
    mother = row(f, 1)
    # providers of 1: son 2 and his wife 3 (other household); not 6 (same household), not the
    # dead daughter 4, not her widower 5 (spouse of a dead child)
    assert mother["provider_count"] == 2
    assert mother["provider_max_annual_income"] == 70_000_000
    assert mother["provider_max_property"] == 1_000_000_000
    son = row(f, 2)  # his mother 1 and his daughter 7, both elsewhere
    assert son["provider_count"] == 2
    assert son["provider_max_annual_income"] == 0
    lone = row(f, 6)  # mother lives with him: no provider outside the household
    assert lone["provider_count"] == 0 and lone["provider_max_annual_income"] == 0
    assert lone["provider_max_property"] == 0


def test_unknown_provider_income_makes_the_maximum_unknown(build: Builder) -> None:
    ds = build(resident=[person(1, 1, "1950-01-01", "F"), person(2, 2), person(3, 3)],
               family=[family(1), family(2, mother=1), family(3, mother=1)],
               earnings=[month(2, "2025-01-01", earned=10)],   # 3 is absent from earnings
               property=[prop(2), prop(3)])
    one = row(link_persons(ds, AS_OF), 1)
    assert one["provider_count"] == 2
    assert one["provider_max_annual_income"] is None
    assert one["provider_max_property"] == 0


def test_a_relative_of_unknown_household_leaves_the_providers_unknown(build: Builder) -> None:
    # 1's son 2 has no household on record: he may live with her or not; 3 (her son) is
    # elsewhere. 4's daughter 5 lives elsewhere, but 4's own household is unknown.
    unplaced = person(2, 0) | {"household_id": None}
    ds = build(resident=[person(1, 1, "1950-01-01", "F"), unplaced, person(3, 3),
                         person(4, 0, "1950-01-01", "F") | {"household_id": None}, person(5, 5)],
               family=[family(1), family(2, mother=1), family(3, mother=1), family(4), family(5, mother=4)],
               earnings=[month(2, "2025-01-01"), month(3, "2025-01-01"), month(5, "2025-01-01")],
               property=[prop(2), prop(3), prop(5)])
    f = link_persons(ds, AS_OF)
    for pid in (1, 4):
        one = row(f, pid)
        assert one["provider_count"] is None
        assert one["provider_max_annual_income"] is None and one["provider_max_property"] is None
    assert row(f, 4)["household_id"] is None   # kept unknown, not guessed
    assert row(f, 3)["provider_count"] == 1    # his mother, known to live elsewhere


def test_spouses_deaths_and_couples(build: Builder) -> None:
    ds = build(
        resident=[person(1, 1), person(2, 1, sex="F", rel="spouse"),
                  person(3, 2), person(4, 2, sex="F", rel="spouse", death="2026-01-10"),
                  person(5, 3), person(6, 4, sex="F")],
        family=[family(1, spouse=2, status="married"), family(2, spouse=1, status="married"),
                family(3, spouse=4, status="married"), family(4, spouse=3, status="married"),
                family(5, spouse=8_000_000_000_000, status="married"),  # spouse not a resident
                family(6, spouse=5, status="married")])
    f = link_persons(ds, AS_OF)
    assert 4 not in f["person_id"].to_list()                       # dead on the date
    assert row(f, 2)["couple_id"] == 1 and row(f, 1)["couple_id"] == 1
    widower = row(f, 3)
    assert widower["has_spouse"] is False and widower["marital_status"] == "widowed"
    assert widower["couple_id"] == 3
    abroad = row(f, 5)
    assert abroad["has_spouse"] is True and abroad["couple_id"] == 5
    before = link_persons(ds, dt.date(2025, 12, 31))               # she was alive then
    assert row(before, 3)["has_spouse"] is True and row(before, 4)["couple_id"] == 3
    rep = linkage_report(ds, AS_OF)
    assert rep.resident.dead_excluded == 1


def test_stale_registration_and_absent_family(build: Builder) -> None:
    ds = build(resident=[person(1, 9, moved="2001-01-01", code="26110"), person(1, 1, moved="2020-01-01"),
                         person(1, 1, moved="2020-01-01")])
    f = link_persons(ds, AS_OF)
    one = row(f, 1)
    assert one["household_id"] == 1 and one["sigungu_code"] == "11110"
    assert one["blsa_region_tier"] == "seoul" and one["sido_name"] == "서울특별시"
    assert one["has_spouse"] is None and one["provider_count"] is None  # absent from family
    assert one["couple_id"] == 1
    rep = linkage_report(ds, AS_OF)
    assert (rep.resident.rows, rep.resident.duplicate_rows_exact, rep.resident.stale_rows) == (3, 1, 1)


def test_only_registrations_in_force_on_the_date_count(build: Builder) -> None:
    """As of a past date, a later move is not yet in force, and a baby born later is not a
    resident: not in the frame, not in a sweep's population, and counted in the report. Someone
    whose only registration is later (an export of current registrations) is still there."""
    ds = build(resident=[person(1, 1, moved="2020-01-01"), person(1, 2, moved="2026-02-01"),
                         person(2, 1, rel="spouse", sex="F"),
                         person(3, 1, born="2026-01-15", rel="child", moved="2026-01-15"),
                         person(4, 3, moved="2026-02-10"),
                         person(5, 4, moved="2026-02-01"), person(5, 5, moved="2026-02-20")],
               family=[family(3, mother=2, father=1)])
    past = dt.date(2025, 12, 31)
    then = link_persons(ds, past)
    assert then["person_id"].to_list() == [1, 2, 4, 5]
    assert (row(then, 1)["household_id"], row(then, 4)["household_id"]) == (1, 3)
    assert row(then, 5)["household_id"] == 4           # none in force: the earliest
    assert shard.population(ds, past)["person_id"].to_list() == [1, 2, 4, 5]
    assert shard.not_living(ds, past).tolist() == [3]
    rep = linkage_report(ds, past)
    assert (rep.resident.not_yet_born_rows, rep.resident.stale_rows) == (1, 2)
    assert (rep.resident.not_yet_born, rep.resident.living) == (1, 4)
    assert rep.registries["family"].not_living_rows == 1
    rep.check()
    now = link_persons(ds, AS_OF)
    assert now["person_id"].to_list() == [1, 2, 3, 4, 5]
    assert (row(now, 1)["household_id"], row(now, 5)["household_id"]) == (2, 5)
    assert linkage_report(ds, AS_OF).resident.stale_rows == 2


def test_dated_registries(build: Builder) -> None:
    d = dt.date.fromisoformat
    ds = build(
        resident=[person(1, 1), person(2, 2)],
        crisis=[{"person_id": 1, "event": "job_loss", "event_date": d("2025-02-01")},   # 13 months
                {"person_id": 1, "event": "utility_cutoff", "event_date": d("2026-02-01")},
                {"person_id": 1, "event": "serious_illness", "event_date": d("2026-04-01")}],  # future
        disability=[{"person_id": 1, "severity": "severe", "disability_type": "physical",
                     "registered_on": d("2026-06-01")},
                    {"person_id": 2, "severity": "mild", "disability_type": "visual",
                     "registered_on": d("2020-06-01")}],
        consent=[{"person_id": 1, "contact_consent": True, "recorded_on": d("2027-01-01")},
                 {"person_id": 2, "contact_consent": False, "recorded_on": d("2024-01-01")}],
        benefits=[{"person_id": 1, "programme": "eitc", "since": d("2025-05-01")},
                  {"person_id": 2, "programme": "eitc", "since": d("2026-05-01")},
                  {"person_id": 99, "programme": "eitc", "since": d("2025-05-01")}])  # orphan
    f = link_persons(ds, AS_OF)
    one, two = row(f, 1), row(f, 2)
    assert one["crisis_job_loss"] is False and one["crisis_utility_cutoff"] is True
    assert one["crisis_serious_illness"] is False
    assert one["disability_registered"] is False and two["disability_registered"] is True
    assert two["disability_severe"] is False
    assert one["contact_consent"] is None and two["contact_consent"] is False
    got = received_benefits(ds, AS_OF)
    assert got["person_id"].to_list() == [1]
    assert linkage_report(ds, AS_OF).registries["benefits"].orphan_rows == 1
