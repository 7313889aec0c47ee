"""The entities of the baseline country package: persons, registry households and couples.

A person belongs to exactly one household (주민등록 세대) and one couple (the person and their
spouse; a person without a spouse is a couple of one), as in our person frame, where the
linker provides `household_id` and `couple_id`. The couple is a separate group entity because
a spouse may be registered in another household: the basic pension counts the couple's income
(기초연금법 제2조제4호), whatever the households."""

from __future__ import annotations

from openfisca_core.entities import build_entity

Person = build_entity(
    key="person",
    plural="persons",
    label="A person of the resident registry (주민등록 인구)",
    is_person=True,
)

Household = build_entity(
    key="household",
    plural="households",
    label="A resident-registry household (주민등록 세대)",
    roles=[
        {"key": "head", "plural": "heads", "label": "Head (세대주): the payee of household benefits",
         "max": 1},
        {"key": "member", "plural": "members", "label": "Other members"},
    ],
)

Couple = build_entity(
    key="couple",
    plural="couples",
    label="A couple (본인과 배우자), or a person alone",
    roles=[{"key": "partner", "plural": "partners", "label": "Partner", "max": 2}],
)

ENTITIES = [Person, Household, Couple]
# Role indices in the flattened role lists, for vectorised membership (SimulationBuilder
# accepts integer role arrays).
HEAD, MEMBER = 0, 1
PARTNER = 0
