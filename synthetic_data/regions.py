"""The 229 시군구 of rules/regions.csv, as arrays the samplers index into.

Households are placed in a 시군구 with a weight that leans on its age structure (elderly
households go where the share aged 70+ is high, young families where the share aged 0-9 is),
then rescaled so that people, not households, follow the real population of each unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa

from eligibility.records.schema import REGION

REGIONS_CSV = Path(__file__).resolve().parents[1] / "rules" / "regions.csv"
BLSA_TIERS = ("seoul", "gyeonggi", "metro", "other")
CITY_TIERS = ("metropolis", "city", "rural")


@dataclass(frozen=True)
class RegionTable:
    frame: pl.DataFrame
    code5: np.ndarray          # str
    pop: np.ndarray            # float64, 2025-12 population
    share_70p: np.ndarray
    share_0_9: np.ndarray
    blsa_tier: np.ndarray      # int8 index into BLSA_TIERS
    city_tier: np.ndarray      # int8 index into CITY_TIERS
    capital: np.ndarray        # bool
    depopulation: np.ndarray   # bool

    def __len__(self) -> int:
        return len(self.code5)

    def arrow(self) -> pa.Table:
        return self.frame.to_arrow()


@lru_cache(maxsize=2)
def load_regions(path: Path = REGIONS_CSV) -> RegionTable:
    frame = pl.read_csv(path, schema={k: v for k, v in REGION.columns.items()})
    return RegionTable(
        frame=frame,
        code5=frame["code5"].to_numpy().astype(str),
        pop=frame["pop_2025_12"].to_numpy().astype(np.float64),
        share_70p=frame["share_70p"].to_numpy(),
        share_0_9=frame["share_0_9"].to_numpy(),
        blsa_tier=frame["blsa_tier"].replace_strict(list(BLSA_TIERS), list(range(4)),
                                                    return_dtype=pl.Int8).to_numpy(),
        city_tier=frame["city_tier"].replace_strict(list(CITY_TIERS), list(range(3)),
                                                    return_dtype=pl.Int8).to_numpy(),
        capital=frame["capital_area"].to_numpy(),
        depopulation=frame["depopulation_area"].to_numpy(),
    )


def placement_weights(regions: RegionTable, persons_by_kind: np.ndarray) -> np.ndarray:
    """Per household kind (0 elderly-headed, 1 with a child under 10, 2 other), a probability
    over the 229 units such that the expected number of *persons* per unit is proportional to
    its population, given how many persons the chunk has in each kind of household.

    Starts from pop × (share 70+ | share 0-9 | rest) and rescales each unit by a common factor
    (a few fixed-point steps: 229 × 3 numbers, negligible cost)."""
    base = np.stack([
        regions.pop * regions.share_70p,
        regions.pop * regions.share_0_9,
        regions.pop * (1.0 - regions.share_70p - regions.share_0_9),
    ])
    target = regions.pop / regions.pop.sum()
    scale = np.ones(len(regions))
    m = persons_by_kind.astype(np.float64) / max(persons_by_kind.sum(), 1)
    for _ in range(30):
        w = base * scale
        w /= w.sum(axis=1, keepdims=True)
        expected = (m[:, None] * w).sum(axis=0)
        scale *= target / np.maximum(expected, 1e-12)
    w = base * scale
    return w / w.sum(axis=1, keepdims=True)
