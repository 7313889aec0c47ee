"""Binds every scenario of features/ (one feature file per programme, named by the programme
id) to the steps in conftest.

pytest-bdd 9 resolves relative feature paths against `bdd_features_base_dir` (pyproject:
"features/", joined to the rootdir), not against this file — so the former
`scenarios("../../features")` pointed outside the repository. The directory is named here
absolutely and globbed recursively for *.feature. `scenarios()` would also name every test after
its scenario alone, so scenarios of different programmes with the same title would become
`test_x`, `test_x_1`, … ; instead each test is bound here as
`test_<programme>__<scenario title>`, and Scenario Outlines get one test per Examples row whose
id is the row's values (e.g. `test_blsa_livelihood__a_person_living_alone_1_won_under_at_and_1_won_over_the_2026_line[820,556-true-eligible-0]`)."""

from __future__ import annotations

import re
from pathlib import Path

from pytest_bdd import scenario
from pytest_bdd.feature import get_features
from pytest_bdd.scenario import make_python_name

FEATURES = Path(__file__).resolve().parents[2] / "features"
SCENARIO_LINE = re.compile(r"^\s*(Scenario|Scenario Outline|Example|Scenario Template):", re.MULTILINE)


def _bind() -> dict[str, object]:
    tests: dict[str, object] = {}
    for feature in get_features([str(FEATURES)]):
        stem = Path(feature.filename).stem
        for title in feature.scenarios:
            name = f"test_{stem}__{make_python_name(title)}"
            assert name not in tests, f"two scenarios of {stem}.feature make the test name {name}"
            tests[name] = scenario(feature.filename, title, features_base_dir=str(FEATURES))(lambda: None)
    return tests


globals().update(_bind())


def test_every_programme_has_a_feature_file_and_unique_scenario_titles():
    """pytest-bdd keys scenarios by title: a repeated title in a file would silently hide one."""
    rules = Path(__file__).resolve().parents[2] / "rules" / "programmes"
    programmes = {p.stem for p in rules.glob("*.yaml")}
    features = {p.stem: p for p in FEATURES.glob("*.feature")}
    assert programmes <= set(features), f"no feature file for {sorted(programmes - set(features))}"
    parsed = {Path(f.filename).stem: f for f in get_features([str(FEATURES)])}
    for stem, path in features.items():
        written = len(SCENARIO_LINE.findall(path.read_text(encoding="utf-8")))
        assert written == len(parsed[stem].scenarios), f"{path.name}: repeated scenario titles"
