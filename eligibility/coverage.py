"""Which criteria the BDD specs exercise. Convention: features/<programme>.feature holds one
`Rule: [<criterion id>] …` block per criterion, with its scenarios under it."""

from __future__ import annotations

import re
from pathlib import Path

RULE = re.compile(r"^\s*Rule:\s*\[([A-Za-z0-9_]+)\]")
SCENARIO = re.compile(r"^\s*(Scenario|Scenario Outline|Example):")


def scenario_coverage(features: Path) -> dict[tuple[str, str], int]:
    """(programme, criterion) -> number of scenarios under that criterion's Rule."""
    out: dict[tuple[str, str], int] = {}
    if not features.exists():
        return out
    for path in sorted(features.rglob("*.feature")):
        programme = path.stem
        current: str | None = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if m := RULE.match(line):
                current = m.group(1)
                out.setdefault((programme, current), 0)
            elif current and SCENARIO.match(line):
                out[(programme, current)] += 1
    return out
