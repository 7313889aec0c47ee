"""The reform documented in docs/reforms.md applies to the real rulebook and does what the
page says: the livelihood line at 35% of the median from 2026, and no provider test."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from eligibility.evaluation import STATUS_NAMES, CompiledRulebook
from eligibility.households import households_frame
from eligibility.rulebook.loader import load_rulebook

DOC = Path(__file__).resolve().parents[2] / "docs" / "reforms.md"
AS_OF = dt.date(2026, 3, 1)


def documented_reform(tmp_path: Path) -> Path:
    (block,) = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    path = tmp_path / "reform.yaml"
    path.write_text(block, encoding="utf-8")
    return path


def person_alone(**values: Any) -> dict[str, Any]:
    """A person living alone in Seoul with no income or property unless said."""
    zero = dict.fromkeys(["earned_income_monthly", "business_income_monthly", "daily_work_income_monthly",
                          "other_income_monthly", "national_pension_monthly", "national_pension_a_monthly",
                          "home_value", "lease_deposit", "other_real_estate", "financial_assets", "debts",
                          "vehicle_value", "vehicle_cc", "vehicle_age_years", "provider_count",
                          "provider_max_annual_income", "provider_max_property"], 0)
    member = zero | {"id": "kim", "relation_to_head": "head", "birth_date": "1976-05-10",
                     "sigungu_code": "11110", "has_spouse": False, "occupational_pension": False}
    return {"households": [{"id": "h", "members": [member | values]}]}


def livelihood(book: Any, household: dict[str, Any]) -> tuple[object, object, object]:
    frame = CompiledRulebook(book, AS_OF).evaluate(households_frame(book, household))
    row = frame.row(0, named=True)
    return row["v:blsa_livelihood_line"], STATUS_NAMES[row["blsa_livelihood:status"]], row["blsa_livelihood:amount"]


def test_the_documented_reform_raises_the_line_and_drops_the_provider_test(tmp_path: Path) -> None:
    law, reformed = load_rulebook(), load_rulebook(reforms=[documented_reform(tmp_path)])
    assert reformed.content_hash != law.content_hash
    with_rich_parent = person_alone(other_income_monthly=500_000, provider_count=1,
                                    provider_max_annual_income=200_000_000)
    # 32% of 2,564,238 = 820,556.16; ineligible for the parent's income: no amount
    assert livelihood(law, with_rich_parent) == (820_556, "ineligible", None)
    # 35% of 2,564,238 = 897,483.3 → 897,483; the benefit tops 500,000 up to the line
    assert livelihood(reformed, with_rich_parent) == (897_483, "eligible", 897_483 - 500_000)
