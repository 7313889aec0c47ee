"""The key thresholds and amounts of every programme, for 2025 and 2026, pinned by evaluating
the real rulebook (rules/) through the engine on small households.

Every expected figure below is a literal copied from the legal reference the rulebook was
written from (Korean welfare law reference, "korean-welfare-law.md"), with the reference's
section and confidence mark in a comment: [V] verified in an official source, [S] secondary,
[C] computed from [V] inputs (median × rate, rounded half-up to the won), [R] recalled, not
verified. Nothing is read from the rule files: a changed figure there makes a test fail.

Each test builds its households, evaluates them as of a date in 2025 or 2026 and reads the
engine's columns: v:<variable>, c:<programme>:<criterion>, p:<programme>:eligible and
p:<programme>:amount (the amount when eligible, 0 otherwise; for a household programme the
household's amount, shown on every member)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from eligibility.evaluation import CompiledRulebook
from eligibility.households import households_frame

Y2025 = "2025-06-01"
Y2026 = "2026-06-01"
YEARS = (Y2025, Y2026)

# Inputs of a household with no income, property, car, obligatory provider or crisis, in
# Jongno-gu, Seoul (서울 종로구: BLSA tier seoul, metropolis, capital area). Tests add to it.
NOTHING: dict[str, Any] = {
    "sigungu_code": "11110", "has_spouse": False,
    "earned_income_monthly": 0, "business_income_monthly": 0, "daily_work_income_monthly": 0,
    "other_income_monthly": 0, "earned_income_annual": 0, "business_income_annual": 0,
    "national_pension_monthly": 0, "national_pension_a_monthly": 0, "occupational_pension": False,
    "home_value": 0, "lease_deposit": 0, "other_real_estate": 0, "financial_assets": 0, "debts": 0,
    "vehicle_value": 0, "vehicle_cc": 0, "vehicle_age_years": 0,
    "provider_count": 0, "provider_max_annual_income": 0, "provider_max_property": 0,
    "pregnant": False, "rare_disease": False, "marital_status": "married",
}
_ids = itertools.count()
_COMPILED: dict[dt.date, CompiledRulebook] = {}


def member(role: str, born: str, **inputs: Any) -> dict[str, Any]:
    return {"relation_to_head": role, "birth_date": born, **inputs}


def household(*members: dict[str, Any], couple: bool = False, **shared: Any) -> dict[str, Any]:
    """A household; the first member is the head. With couple=True the first two members are
    spouses. Member ids are h<n>-0, h<n>-1, … in order."""
    hid = f"h{next(_ids)}"
    people = [{"id": f"{hid}-{i}", **m} for i, m in enumerate(members)]
    if couple:
        people[0].update(spouse=people[1]["id"], has_spouse=True)
        people[1].update(spouse=people[0]["id"], has_spouse=True)
    return {"id": hid, **NOTHING, **shared, "members": people}


def evaluate(rulebook, as_of: str, *households: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The rows of every member, household by household, as of the date."""
    date = dt.date.fromisoformat(as_of)
    if date not in _COMPILED:
        _COMPILED[date] = CompiledRulebook(rulebook, date)
    frame = households_frame(rulebook, {"households": list(households)}, "test_thresholds")
    rows = {r["person_id"]: r for r in _COMPILED[date].evaluate(frame).iter_rows(named=True)}
    return [[rows[m["id"]] for m in h["members"]] for h in households]


def one(rulebook, as_of: str, *members: dict[str, Any], couple: bool = False, **shared: Any) -> list[dict[str, Any]]:
    """The rows of the members of a single household."""
    return evaluate(rulebook, as_of, household(*members, couple=couple, **shared))[0]


def adult(**inputs: Any) -> dict[str, Any]:
    return member("head", "1976-05-10", **inputs)


def eligible(row: dict[str, Any], programme: str) -> bool | None:
    return row[f"p:{programme}:eligible"]


def amount(row: dict[str, Any], programme: str) -> int | None:
    return row[f"p:{programme}:amount"]


# --- 1. 기준 중위소득 and the lines derived from it (reference section 1) -------------------------
# median 100%: 2025 sizes 1,2,4 [V N2/N5/N1], 3,5,6 [V N5], 7 [S N7];
#              2026 sizes 1,2,4 [V N1/N4/N3], 3 [S N4,N7], 5,6,7 [S N7].
# 8+: 7-person + (n − 7) × (7p − 6p) [S N7 rule; C increment]: +923,623 (2025), +959,198 (2026).
# Derived lines: [C] (32% 1p/4p also [V N3]; 63% 2025 [V N5]; 65% 2026 matches N18).
MEDIAN = {
    Y2025: {1: 2392013, 2: 3932658, 3: 5025353, 4: 6097773, 5: 7108192, 6: 8064805, 7: 8988428,
            8: 8988428 + 923623},
    Y2026: {1: 2564238, 2: 4199292, 3: 5359036, 4: 6494738, 5: 7556719, 6: 8555952, 7: 9515150,
            8: 9515150 + 959198},
}
LINES = {  # variable: {year: [1 person … 7 persons]}
    "blsa_livelihood_line": {  # 32% 생계
        Y2025: [765444, 1258451, 1608113, 1951287, 2274621, 2580738, 2876297],
        Y2026: [820556, 1343773, 1714892, 2078316, 2418150, 2737905, 3044848]},
    "blsa_medical_line": {  # 40% 의료
        Y2025: [956805, 1573063, 2010141, 2439109, 2843277, 3225922, 3595371],
        Y2026: [1025695, 1679717, 2143614, 2597895, 3022688, 3422381, 3806060]},
    "blsa_housing_line": {  # 48% 주거
        Y2025: [1148166, 1887676, 2412169, 2926931, 3411932, 3871106, 4314445],
        Y2026: [1230834, 2015660, 2572337, 3117474, 3627225, 4106857, 4567272]},
    "blsa_education_line": {  # 50% 교육
        Y2025: [1196007, 1966329, 2512677, 3048887, 3554096, 4032403, 4494214],
        Y2026: [1282119, 2099646, 2679518, 3247369, 3778360, 4277976, 4757575]},
    "near_poor_line": {  # 50% 차상위
        Y2025: [1196007, 1966329, 2512677, 3048887, 3554096, 4032403, 4494214],
        Y2026: [1282119, 2099646, 2679518, 3247369, 3778360, 4277976, 4757575]},
    "sp_income_line": {  # 한부모: 63% in 2025, 65% in 2026
        Y2025: [1506968, 2477575, 3165972, 3841597, 4478161, 5080827, 5662710],
        Y2026: [1666755, 2729540, 3483373, 4221580, 4911867, 5561369, 6184848]},
    "em_income_line": {  # 75% 긴급복지 [S N21 numbers match C]
        Y2025: [1794010, 2949494, 3769015, 4573330, 5331144, 6048604, 6741321],
        Y2026: [1923179, 3149469, 4019277, 4871054, 5667539, 6416964, 7136363]},
}


def _household_of(size: int) -> dict[str, Any]:
    return household(adult(), *(member("other", "1980-01-01") for _ in range(size - 1)))


@pytest.mark.parametrize("year", YEARS)
def test_median_income_and_selection_lines_by_household_size(rulebook, year):
    rows = evaluate(rulebook, year, *(_household_of(n) for n in range(1, 9)))
    for n, members in enumerate(rows, start=1):
        head = members[0]
        assert head["v:household_size"] == n
        assert head["v:median_income_household"] == MEDIAN[year][n], f"median, {n} persons"
        for variable, table in LINES.items():
            if n <= 7:
                assert head[f"v:{variable}"] == table[year][n - 1], f"{variable}, {n} persons, {year}"
    # 8 persons: 32% of the extended median [C]: 9,912,051 × 0.32 and 10,474,348 × 0.32, half-up
    assert rows[7][0]["v:blsa_livelihood_line"] == {Y2025: 3171856, Y2026: 3351791}[year]


# --- 2. BLSA benefits and near-poor status: eligible at the line, not 1 won above -----------------
BLSA = [  # programme, line variable, the person to look at (education: the pupil)
    ("blsa_livelihood", "blsa_livelihood_line"),
    ("blsa_medical", "blsa_medical_line"),
    ("blsa_housing", "blsa_housing_line"),
    ("blsa_education", "blsa_education_line"),
]


def _family(income: int, pupil: bool) -> dict[str, Any]:
    """Four persons; the head's other income (counted in full) is the recognised income."""
    return household(member("head", "1985-05-01", other_income_monthly=income),
                     member("spouse", "1987-08-20"),
                     member("child", "2015-09-01", school_level="elementary" if pupil else "none"),
                     member("child", "2019-11-10"), couple=True)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize(("programme", "line"), BLSA)
def test_blsa_benefit_at_and_above_the_line(rulebook, year, programme, line):
    size1 = LINES[line][year][0]
    size4 = LINES[line][year][3]
    pupil = programme == "blsa_education"
    at1, over1 = evaluate(rulebook, year,
                          household(member("head", "1976-05-10", school_level="high" if pupil else "none",
                                           other_income_monthly=size1)),
                          household(member("head", "1976-05-10", school_level="high" if pupil else "none",
                                           other_income_monthly=size1 + 1)))
    at4, over4 = evaluate(rulebook, year, _family(size4, pupil), _family(size4 + 1, pupil))
    who = 2 if pupil else 0
    assert eligible(at1[0], programme) is True and eligible(over1[0], programme) is False
    assert eligible(at4[who], programme) is True and eligible(over4[who], programme) is False


@pytest.mark.parametrize("year", YEARS)
def test_livelihood_amount_tops_up_to_the_line(rulebook, year):
    # 생계급여 = 선정기준 − 소득인정액 (L1 제8조③) [V]; lines [V N3] 1p, [V N3] 4p
    line1, line4 = LINES["blsa_livelihood_line"][year][0], LINES["blsa_livelihood_line"][year][3]
    nothing, some, family = evaluate(rulebook, year,
                                     household(adult()), household(adult(other_income_monthly=300000)),
                                     _family(1000000, pupil=False))
    assert amount(nothing[0], "blsa_livelihood") == line1
    assert amount(some[0], "blsa_livelihood") == line1 - 300000
    assert amount(family[0], "blsa_livelihood") == line4 - 1000000


@pytest.mark.parametrize("year", YEARS)
def test_near_poor_band_between_the_housing_and_the_50_percent_lines(rulebook, year):
    housing, half = LINES["blsa_housing_line"][year][0], LINES["near_poor_line"][year][0]
    rows = evaluate(rulebook, year, *(household(adult(other_income_monthly=x))
                                      for x in (housing, housing + 1, half, half + 1)))
    assert [eligible(r[0], "near_poor") for r in rows] == [False, True, True, False]


@pytest.mark.parametrize(("year", "max_age", "base"), [(Y2025, 29, 400000), (Y2026, 34, 600000)])
def test_blsa_earned_income_deduction_and_youth_deduction(rulebook, year, max_age, base):
    # 30% of earnings [V N8, N9]; youth: 2025 ≤ 29 세 40만 then 30%; 2026 ≤ 34 세 60만 then 30% [V N3, N8]
    born_young = str(int(year[:4]) - max_age) + "-01-01"      # aged max_age
    born_older = str(int(year[:4]) - max_age - 1) + "-01-01"  # aged max_age + 1
    young, older = evaluate(rulebook, year,
                            household(member("head", born_young, earned_income_monthly=2000000)),
                            household(member("head", born_older, earned_income_monthly=2000000)))
    assert young[0]["v:age"] == max_age and older[0]["v:age"] == max_age + 1
    assert young[0]["v:blsa_earned_income_deduction"] == base + (2000000 - base) * 3 // 10
    assert older[0]["v:blsa_earned_income_deduction"] == 600000


@pytest.mark.parametrize("year", YEARS)
def test_blsa_property_conversion(rulebook, year):
    # 기본재산액 서울 9,900만 / 그 외 5,300만; 주거용재산 한도 서울 1억 7,200만; 환산율 주거 1.04%,
    # 일반 4.17%, 금융 6.26%, 자동차 100% [S N11, N36]; the same figures for 2026 [R "unchanged"]
    savings, savings_other, home, land, car = evaluate(
        rulebook, year,
        household(adult(financial_assets=109000000)),                      # Seoul: 10,000,000 left
        household(adult(financial_assets=63000000), sigungu_code="51190"),  # 태백 (그 외): 10,000,000 left
        household(adult(home_value=109000000)),                            # within the 172M cap
        household(adult(other_real_estate=109000000)),
        household(adult(vehicle_value=3000000, vehicle_cc=2500, vehicle_age_years=3)))
    assert savings[0]["v:blsa_property_income"] == 626000
    assert savings_other[0]["v:blsa_property_income"] == 626000
    assert home[0]["v:blsa_property_income"] == 104000
    assert land[0]["v:blsa_property_income"] == 417000
    assert car[0]["v:blsa_property_income"] == 3000000


@pytest.mark.parametrize("year", YEARS)
def test_livelihood_obligatory_provider_caps(rulebook, year):
    # 부양의무자 연소득 1억 / 일반재산 9억 초과 → 생계급여 excluded [S N10]; 2026 unchanged [R]
    rows = evaluate(rulebook, year,
                    household(adult(provider_count=1, provider_max_annual_income=100000000)),
                    household(adult(provider_count=1, provider_max_annual_income=100000001)),
                    household(adult(provider_count=1, provider_max_property=900000000)),
                    household(adult(provider_count=1, provider_max_property=900000001)))
    assert [eligible(r[0], "blsa_livelihood") for r in rows] == [True, False, True, False]


# --- 3. 기초연금 (reference section 3) -----------------------------------------------------------
BASIC_PENSION = {  # year: (single threshold, couple threshold, base amount)
    Y2025: (2280000, 3648000, 342510),  # [V N13]; base [V N15]
    Y2026: (2470000, 3952000, 349700),  # [V N12, N14]; base [V N14 / S]
}


def _elder(**inputs: Any) -> dict[str, Any]:
    return member("head", "1950-01-01", **inputs)


@pytest.mark.parametrize("year", YEARS)
def test_basic_pension_selection_thresholds(rulebook, year):
    single, couple, _ = BASIC_PENSION[year]
    rows = evaluate(rulebook, year,
                    household(_elder(other_income_monthly=single)),
                    household(_elder(other_income_monthly=single + 1)),
                    household(_elder(other_income_monthly=couple), member("spouse", "1952-01-01"), couple=True),
                    household(_elder(other_income_monthly=couple + 1), member("spouse", "1952-01-01"), couple=True))
    assert rows[0][0]["v:bp_selection_threshold"] == single
    assert rows[2][1]["v:bp_selection_threshold"] == couple
    assert [eligible(r[0], "basic_pension") for r in rows] == [True, False, True, False]
    assert eligible(rows[2][1], "basic_pension") is True and eligible(rows[3][1], "basic_pension") is False


@pytest.mark.parametrize("year", YEARS)
def test_basic_pension_amounts(rulebook, year):
    single, couple, base = BASIC_PENSION[year]
    alone, pair, pensioner = evaluate(
        rulebook, year,
        household(_elder()),
        household(_elder(), member("spouse", "1952-01-01"), couple=True),
        # 국민연금 > 150% of the base amount, A급여 300,000: base × 1.5 − ⅔ × A [V L3 제5조, 제6조],
        # cut to 10 won: 513,765 − 200,000 → 313,760 (2025), 524,550 − 200,000 = 324,550 (2026) [C]
        household(_elder(national_pension_monthly=600000, national_pension_a_monthly=300000)))
    assert amount(alone[0], "basic_pension") == base
    # 부부감액 20% each [V L3 제8조①], 10원 미만 절사 [V L3 제24조]
    couple_amount = {Y2025: 274000, Y2026: 279760}[year]
    assert amount(pair[0], "basic_pension") == couple_amount == amount(pair[1], "basic_pension")
    assert amount(pensioner[0], "basic_pension") == {Y2025: 313760, Y2026: 324550}[year]


@pytest.mark.parametrize(("year", "deduction"), [(Y2025, 1120000), (Y2026, 1160000)])
def test_basic_pension_earned_income_deduction(rulebook, year, deduction):
    # 근로소득 기본공제 2025 1,120,000 [R], 2026 1,160,000 [S N14]; then 30% [S N14]
    at, above = evaluate(rulebook, year, household(_elder(earned_income_monthly=deduction)),
                         household(_elder(earned_income_monthly=deduction + 1000000)))
    assert at[0]["v:bp_recognised_income"] == 0
    assert above[0]["v:bp_recognised_income"] == 700000


@pytest.mark.parametrize("year", YEARS)
def test_basic_pension_property_conversion(rulebook, year):
    # [(일반재산 − 기본재산액) + (금융재산 − 2,000만) − 부채] × 4% ÷ 12; 기본재산액 대도시 1억 3,500만,
    # 중소도시 8,500만, 농어촌 7,250만 [S seomin.kr]
    metro, city, rural = evaluate(rulebook, year,
                                  household(_elder(home_value=135000000 + 30000000, financial_assets=50000000)),
                                  household(_elder(home_value=85000000 + 30000000), sigungu_code="51130"),
                                  household(_elder(home_value=72500000 + 30000000), sigungu_code="51720"))
    assert metro[0]["v:bp_recognised_income"] == 200000  # 60,000,000 × 4% ÷ 12
    assert city[0]["v:bp_recognised_income"] == 100000
    assert rural[0]["v:bp_recognised_income"] == 100000


@pytest.mark.parametrize("year", YEARS)
def test_basic_pension_age_and_occupational_pension(rulebook, year):
    # 65세 이상 [V L3 제3조①]; 직역연금 수급권자 and spouse excluded [V L3 제3조③]
    y = int(year[:4])
    at65, at64, own, spouse = evaluate(
        rulebook, year,
        household(member("head", f"{y - 65}-06-01")),
        household(member("head", f"{y - 65}-06-02")),
        household(_elder(occupational_pension=True)),
        household(_elder(), member("spouse", "1952-01-01", occupational_pension=True), couple=True))
    assert eligible(at65[0], "basic_pension") is True and eligible(at64[0], "basic_pension") is False
    assert eligible(own[0], "basic_pension") is False and eligible(spouse[0], "basic_pension") is False


# --- 4. 아동수당 (section 4) ----------------------------------------------------------------------
def _child(born: str, **shared: Any) -> dict[str, Any]:
    return household(member("head", "1988-01-01"), member("child", born), **shared)


def test_child_allowance_age_limit_2025_is_8(rulebook):
    # < 8세, paid until the month before the 8th birthday month [V L4]
    rows = evaluate(rulebook, "2025-06-01", _child("2017-07-10"), _child("2017-06-10"))
    assert [eligible(r[1], "child_allowance") for r in rows] == [True, False]
    assert amount(rows[0][1], "child_allowance") == 100000  # [V L4]


def test_child_allowance_age_limit_2026_is_9_and_the_2017_cohort(rulebook):
    # 2026 < 9세 (부칙 제2조①) and 2017년생 paid all of 2026 (부칙 제2조②) [V L4]
    rows = evaluate(rulebook, "2026-03-01",
                    _child("2018-03-10"),   # 8 this month: paid in 2026, not under the 2025 limit
                    _child("2017-02-10"),   # 9 years 1 month, born 2017: paid
                    _child("2016-12-10"))   # 9 years 3 months, born 2016: not paid
    assert [eligible(r[1], "child_allowance") for r in rows] == [True, True, False]
    # the same December-2017 child: out in December 2025, back in January 2026
    (dec,) = evaluate(rulebook, "2025-12-01", _child("2017-12-10"))
    (jan,) = evaluate(rulebook, "2026-01-05", _child("2017-12-10"))
    assert eligible(dec[1], "child_allowance") is False and eligible(jan[1], "child_allowance") is True


@pytest.mark.parametrize(("year", "capital", "non_capital", "depopulation"),
                         [(Y2025, 100000, 100000, 100000),
                          # 2026: 100,000 + 5,000 비수도권 / + 10,000 인구감소지역 [V L4 제4조⑥, L5 제2조②]
                          (Y2026, 100000, 105000, 110000)])
def test_child_allowance_amount_and_regional_supplement(rulebook, year, capital, non_capital, depopulation):
    seoul, wonju, taebaek = evaluate(rulebook, year, _child("2021-05-05"),
                                     _child("2021-05-05", sigungu_code="51130"),
                                     _child("2021-05-05", sigungu_code="51190"))
    assert amount(seoul[1], "child_allowance") == capital
    assert amount(wonju[1], "child_allowance") == non_capital
    assert amount(taebaek[1], "child_allowance") == depopulation


# --- 5. 부모급여 and 6. 첫만남이용권 ---------------------------------------------------------------
@pytest.mark.parametrize("year", YEARS)
def test_parent_benefit_amounts(rulebook, year):
    # 0세 1,000,000 / 1세 500,000 a month, none from age 2 [V L5 제2조①; 2025 unchanged R]
    y = int(year[:4])
    age0, age1, age2 = evaluate(rulebook, year, _child(f"{y - 1}-07-10"), _child(f"{y - 1}-06-10"),
                                _child(f"{y - 2}-06-10"))
    assert amount(age0[1], "parent_benefit") == 1000000
    assert amount(age1[1], "parent_benefit") == 500000
    assert eligible(age2[1], "parent_benefit") is False


@pytest.mark.parametrize("year", YEARS)
def test_first_meeting_voucher_amounts(rulebook, year):
    # 첫째 2,000,000 / 둘째 이상 3,000,000 [V L5 / S 2025]
    y = int(year[:4])
    first, second = evaluate(rulebook, year,
                             household(member("head", "1990-01-01"), member("child", f"{y}-03-01", birth_order=1)),
                             household(member("head", "1990-01-01"), member("child", f"{y}-03-01", birth_order=2)))
    assert amount(first[1], "first_meeting_voucher") == 2000000
    assert amount(second[1], "first_meeting_voucher") == 3000000


# --- 7. 장애인연금 (section 7) --------------------------------------------------------------------
DISABILITY = {  # year: (single, couple, basic benefit)
    Y2025: (1380000, 2208000, 342510),  # [V N15]
    Y2026: (1400000, 2240000, 349700),  # [S N16]; basic benefit = 기준연금액 [S]
}


def _disabled(**inputs: Any) -> dict[str, Any]:
    return member("head", "1980-01-01", disability_registered=True, disability_severe=True, **inputs)


@pytest.mark.parametrize("year", YEARS)
def test_disability_pension_selection_thresholds(rulebook, year):
    single, couple, _ = DISABILITY[year]
    rows = evaluate(rulebook, year,
                    household(_disabled(other_income_monthly=single)),
                    household(_disabled(other_income_monthly=single + 1)),
                    household(_disabled(), member("spouse", "1982-01-01", other_income_monthly=couple), couple=True),
                    household(_disabled(), member("spouse", "1982-01-01", other_income_monthly=couple + 1),
                              couple=True))
    assert [eligible(r[0], "disability_pension") for r in rows] == [True, False, True, False]


@pytest.mark.parametrize("year", YEARS)
def test_disability_pension_amounts(rulebook, year):
    _, _, basic = DISABILITY[year]
    # 부가급여 18–64: 생계·의료 90,000; 주거·교육·차상위 80,000; 초과 30,000 [S N17]
    near_poor_income = {Y2025: 1160000, Y2026: 1250000}[year]  # between the 48% and 50% lines
    poor, near, other, pair = evaluate(
        rulebook, year,
        household(_disabled()),
        household(_disabled(other_income_monthly=near_poor_income)),
        household(_disabled(other_income_monthly=1300000)),
        household(_disabled(), member("spouse", "1982-01-01", disability_registered=True,
                                      disability_severe=True), couple=True))
    assert amount(poor[0], "disability_pension") == basic + 90000
    assert amount(near[0], "disability_pension") == basic + 80000
    assert amount(other[0], "disability_pension") == basic + 30000
    # both spouses receive the basic benefit: −20% each [V L6 제6조③], 10원 미만 절사
    assert pair[0]["v:dp_basic_benefit"] == {Y2025: 274000, Y2026: 279760}[year]


# --- 8. 한부모가족 아동양육비 (section 8) ------------------------------------------------------------
@pytest.mark.parametrize(("year", "line", "enhanced"),
                         [(Y2025, 2477575, 280000),   # 63% 2p [V N5]; 미혼·청년 280,000 [S N18]
                          (Y2026, 2729540, 330000)])  # 65% 2p [C, N18]; 330,000 [S N18]
def test_single_parent_line_and_amounts(rulebook, year, line, enhanced):
    def family(income: int, status: str = "divorced") -> dict[str, Any]:
        return household(member("head", "1980-04-04", marital_status=status, other_income_monthly=income),
                         member("child", "2015-09-09", marital_status="never_married"))

    at, over, never = evaluate(rulebook, year, family(line), family(line + 1), family(1000000, "never_married"))
    assert eligible(at[0], "single_parent_support") is True
    assert eligible(over[0], "single_parent_support") is False
    assert amount(at[0], "single_parent_support") == 230000  # per child [S N19, N18]
    assert amount(never[0], "single_parent_support") == enhanced


# --- 9. 긴급복지지원 (section 9) --------------------------------------------------------------------
@pytest.mark.parametrize("year", YEARS)
def test_emergency_income_property_and_financial_caps(rulebook, year):
    line = LINES["em_income_line"][year][0]
    # 금융재산 ≤ 생활준비금 (1 month's median) + 600만: 2025 1p 8,392,013 [S N21 arithmetic check]
    financial = {Y2025: 8392013, Y2026: 2564238 + 6000000}[year]

    def crisis(**inputs: Any) -> dict[str, Any]:
        return household(adult(crisis_job_loss=True, **{"other_income_monthly": 1000000, **inputs}))

    rows = evaluate(rulebook, year,
                    crisis(other_income_monthly=line), crisis(other_income_monthly=line + 1),
                    crisis(financial_assets=financial), crisis(financial_assets=financial + 1),
                    # 재산 대도시 2억 4,100만 / 중소도시 1억 5,200만 / 농어촌 1억 3,000만 [S N21]
                    crisis(lease_deposit=241000000), crisis(lease_deposit=241000001),
                    crisis(lease_deposit=152000000, sigungu_code="51130"),
                    crisis(lease_deposit=152000001, sigungu_code="51130"),
                    crisis(lease_deposit=130000000, sigungu_code="51720"),
                    crisis(lease_deposit=130000001, sigungu_code="51720"))
    assert rows[2][0]["v:em_financial_cap"] == financial
    assert [eligible(r[0], "emergency_livelihood") for r in rows] == [True, False] * 5


# --- 10. 근로장려금 / 자녀장려금 (section 10) ---------------------------------------------------------
EITC_LIMITS = {  # single, one earner, dual earner (총소득, below) [V L8 제100조의3]
    Y2025: (22000000, 32000000, 38000000),  # dual: pre-amendment 3,800만 for 2025 payments [S/R]
    Y2026: (22000000, 32000000, 44000000),  # dual: 4,400만 (2024-12-31 amendment) [V L8]
}


def _tax(head_pay: int, spouse_pay: int | None = None, children: int = 0, **head: Any) -> dict[str, Any]:
    """The head's (and spouse's) pay of the previous year; `head` adds inputs of the head only."""
    people = [member("head", "1980-01-01", earned_income_annual=head_pay, **head)]
    if spouse_pay is not None:
        people.append(member("spouse", "1981-01-01", earned_income_annual=spouse_pay))
    people += [member("child", "2015-01-01") for _ in range(children)]
    return household(*people, couple=spouse_pay is not None)


@pytest.mark.parametrize("year", YEARS)
def test_eitc_income_limits(rulebook, year):
    single, one, dual = EITC_LIMITS[year]
    rows = evaluate(rulebook, year,
                    _tax(single - 1), _tax(single),
                    _tax(one - 1, 0), _tax(one, 0),
                    _tax(dual - 1 - 10000000, 10000000), _tax(dual - 10000000, 10000000))
    assert [r[0]["v:eitc_household_type"] for r in rows] == ["single"] * 2 + ["one_earner"] * 2 + ["dual_earner"] * 2
    assert [eligible(r[0], "eitc") for r in rows] == [True, False] * 3


@pytest.mark.parametrize("year", YEARS)
def test_eitc_maximum_amounts_and_property(rulebook, year):
    # maximum: 단독 165만, 홑벌이 285만, 맞벌이 330만 [V L8 제100조의5①]; 재산 < 2억 4,000만,
    # ≥ 1억 7,000만 → 50% [V L8 제100조의5④]
    rows = evaluate(rulebook, year,
                    _tax(5000000), _tax(10000000, 0), _tax(10000000, 5000000),
                    _tax(5000000, financial_assets=169999999), _tax(5000000, financial_assets=170000000),
                    _tax(5000000, financial_assets=239999999), _tax(5000000, financial_assets=240000000))
    assert [amount(r[0], "eitc") for r in rows[:3]] == [1650000, 2850000, 3300000]
    assert [amount(r[0], "eitc") for r in rows[3:]] == [1650000, 825000, 825000, 0]
    assert eligible(rows[6][0], "eitc") is False


@pytest.mark.parametrize("year", YEARS)
def test_eitc_phase_in_and_phase_out(rulebook, year):
    # 단독: E × 165/400 below 400만; 165만 − (E − 900만) × 165/1,300 [V L8]
    rows = evaluate(rulebook, year, _tax(2000000), _tax(20000000))
    assert [amount(r[0], "eitc") for r in rows] == [825000, 253846]


@pytest.mark.parametrize("year", YEARS)
def test_child_tax_credit_limits_and_amounts(rulebook, year):
    # 총소득 < 7,000만; 재산 < 2억 4,000만; 100만 per child below 2,100만 (홑벌이) / 2,500만 (맞벌이),
    # 50만 at the limit; ≥ 1억 7,000만 → 50% [V L8 제100조의28~30]
    rows = evaluate(rulebook, year,
                    _tax(20999999, 0, children=2),            # 홑벌이, flat: 2 × 1,000,000
                    _tax(69999999, 0, children=1),            # 홑벌이, just below the limit: 500,000
                    _tax(70000000, 0, children=1),            # at the limit: not entitled
                    _tax(15000000, 9999999, children=1),      # 맞벌이 24,999,999: 1,000,000
                    _tax(49999999, 20000000, children=1),     # 맞벌이 69,999,999: 500,000
                    _tax(20000000, children=1, lease_deposit=169999999),
                    _tax(20000000, children=1, lease_deposit=170000000),
                    _tax(20000000, children=1, lease_deposit=239999999),
                    _tax(20000000, children=1, lease_deposit=240000000))
    amounts = [amount(r[0], "child_tax_credit") for r in rows]
    assert amounts == [2000000, 500000, 0, 1000000, 500000, 1000000, 500000, 500000, 0]
    assert eligible(rows[2][0], "child_tax_credit") is False
    assert eligible(rows[8][0], "child_tax_credit") is False


# --- 11. 에너지바우처 (section 11) ------------------------------------------------------------------
@pytest.mark.parametrize("year", YEARS)
def test_energy_voucher_amounts_by_household_size(rulebook, year):
    # 1인 295,200 / 2인 407,500 / 3인 532,700 / 4인+ 701,300, the same in 2025 and 2026 [S N22]
    def elders(size: int) -> dict[str, Any]:
        return household(_elder(), *(member("other", "1952-01-01") for _ in range(size - 1)))

    rows = evaluate(rulebook, year, *(elders(n) for n in range(1, 6)))
    assert all(eligible(r[0], "energy_voucher") for r in rows)
    assert [amount(r[0], "energy_voucher") for r in rows] == [295200, 407500, 532700, 701300, 701300]
