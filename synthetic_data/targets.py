"""Calibration targets: the statistics the synthetic population is built to reproduce.

Each target carries its source (ids of ../shared/reference/korea-population.md §0, copied
here so that neither the generator nor the tests read outside the repo), its confidence mark
([V] verified, [S] secondary, [C] computed, [R] recalled) and the tolerance the tests hold it
to on a 40,000-person population. Tolerances are wide enough for sampling noise at that size
(households are clustered) and tight enough to catch a broken generator.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    value: float
    source: str
    tolerance: float      # absolute, in the unit of `value`
    note: str = ""


# Age pyramid: share of residents by 10-year band, 2025-12, 거주자 basis (§3.1) [S P1].
AGE_BANDS: dict[str, Target] = {
    band: Target(share, "P1 MOIS 2025-12 [S]", 0.012)
    for band, share in {
        "0-9": 0.0581, "10-19": 0.0908, "20-29": 0.1114, "30-39": 0.1306, "40-49": 0.1481,
        "50-59": 0.1685, "60-69": 0.1548, "70-79": 0.0886, "80-89": 0.0418, "90+": 0.0073,
    }.items()
}
SHARE_65_PLUS = Target(0.2121, "P2 MOIS 2025 [V]", 0.012)
MEN_PER_100_WOMEN = Target(99.0, "P2 2025-12: 25,436,665 / 25,680,713 [V]", 3.0)

# Registry households (주민등록 세대) by size, 2024-12 (§1.1) [V P3]; mean 2.12.
HOUSEHOLD_SIZE: dict[str, Target] = {
    "1": Target(0.4197, "P3 [V]", 0.015),
    "2": Target(0.2490, "P3 [V]", 0.015),
    "3": Target(0.1680, "P3 [V]", 0.015),
    "4+": Target(0.1633, "P3 [V]", 0.015),
}
PERSONS_PER_HOUSEHOLD = Target(2.12, "P3 [V]", 0.05)

# 시도 shares come from rules/regions.csv (pop_2025_12, [S P1] = [V] totals); tolerance per 시도:
SIDO_SHARE_TOLERANCE = 0.012
# 시군구: total variation distance between generated and reference shares (229 units).
SIGUNGU_TVD_TOLERANCE = 0.10
CAPITAL_AREA_SHARE = Target(0.510, "P2 [V]", 0.015)

# Employment and pay (§5).
EMPLOYMENT_RATE_15_PLUS = Target(0.629, "P16 2025 [V]", 0.03)
NON_WAGE_SHARE_OF_EMPLOYED = Target(0.226, "P17 2025-08 [V]", 0.04)
WAGE_MEDIAN_MONTHLY = Target(2_880_000, "P13 Dec-2024 [V]", 350_000)
WAGE_MEAN_MONTHLY = Target(3_750_000, "P13 Dec-2024 [V]", 450_000)

# Pensions (§5.4): 노령연금 6.20M of 10.84M aged 65+ → ≈ 57% [C from V P18, P2].
NPS_SHARE_65_PLUS = Target(0.57, "P18 + P2 [C]", 0.06)

# Housing tenure of households (§6.2) [V P20].
OWNER_OCCUPIED = Target(0.584, "P20 2024 [V]", 0.05)
# Net worth of households (§6.1) [V P11]: 57.0% below 3억, 11.8% at or above 10억.
NET_WORTH_BELOW_300M = Target(0.570, "P11 2025 [V]", 0.06)
NET_WORTH_1B_PLUS = Target(0.118, "P11 2025 [V]", 0.04)

# Disability registry (§7) [V P22].
DISABLED_SHARE = Target(0.051, "P22 2024-12 [V]", 0.006)
SEVERE_SHARE_OF_DISABLED = Target(0.367, "P22 2024-12 [V]", 0.05)

# Welfare caseloads (§7), as shares of the generated population (recipients in `benefits`).
BASIC_PENSION_SHARE_65_PLUS = Target(0.67, "P23 2023: 67.0% of 65+ [V]", 0.07)
BLSA_LIVELIHOOD_SHARE = Target(0.036, "P5 2025-12: 1.85M persons [S]", 0.015)
BLSA_ANY_SHARE = Target(0.055, "P5 2025-12: 2.84M persons [S]", 0.02)
CHILD_ALLOWANCE_SHARE_UNDER_9 = Target(0.97, "P23 universal; take-up [R]", 0.03)

# Crisis signals (§8): sanity ratios for a 51M population.
NHIS_ARREARS_6M_HOUSEHOLDS = Target(0.03, "§8: 718k households small-premium 6+ months [V]", 0.015,
                                    "we count heads with 6+ months of arrears")
UTILITY_CUTOFF_HOUSEHOLDS_YEAR = Target(0.0065, "§8: ≈150k 단전/yr of 24M 세대 [V]", 0.004)

# Birth and death flows (§3.2) [V P2, P27], per person-year.
BIRTH_RATE = 254_500 / 51_117_378
DEATH_RATE = 366_149 / 51_117_378
