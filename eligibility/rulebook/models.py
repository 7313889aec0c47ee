"""Pydantic models of the rule files. Strict: unknown keys are errors, so a typo in a key
name is caught at load, with its line."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

Mark = Literal["V", "S", "C", "R"]
ValueType = Literal["money", "int", "rate", "bool", "date", "text"]


def _expression_text(value: Any) -> Any:
    """YAML reads `test: true` or `expr: 0` as a boolean or an integer: the rule meant the
    expression written (true, 0). A decimal would already be a float, not what was written."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise ValueError(f"YAML read the decimal {value!r} as a float: quote the expression")
    return value


ExprText = Annotated[str, BeforeValidator(_expression_text)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Label(_Strict):
    ko: str
    en: str


class Source(_Strict):
    title: str
    kind: Literal["statute", "decree", "notice", "news", "secondary", "computed"]
    url: str | None = None
    note: str | None = None


class Citation(_Strict):
    """A statute reference: the act (a source id), article, paragraph, item."""

    act: str | None = None
    article: str
    paragraph: str | None = None
    item: str | None = None
    note: str | None = None

    def render(self, act_title: str | None = None) -> str:
        """e.g. 국민기초생활 보장법 제12조의3 제2항; '12의3' is article 12-3, '부칙 2' a supplementary one."""
        parts = [act_title or self.act or ""]
        m = re.fullmatch(r"(.*?)\s*(\d+)(?:의(\d+))?", self.article)
        if m:
            prefix, number, sub = m.groups()
            parts.append(f"{prefix} 제{number}조{'의' + sub if sub else ''}".strip())
        else:
            parts.append(self.article)
        if self.paragraph:
            parts.append(f"제{self.paragraph}항")
        if self.item:
            parts.append(f"제{self.item}호")
        return " ".join(p for p in parts if p)


class Unit(_Strict):
    key: str
    registry: str             # where the key comes from (named when a person's key is unknown)
    label: Label
    payee: str | None = None  # bool input marking who is paid a unit-level amount (e.g. the head)
    # A condition on inputs: the members it holds for are not in the key's unit but in one of
    # their own, shared with those apart under the same key in the same `apart_with` unit (a
    # lodger and a spouse lodging with them). See docs/rule-language.md, "Units".
    apart: ExprText | None = None
    apart_with: str | None = None
    note: str | None = None
    citation: Citation | None = None


class InputDef(_Strict):
    type: ValueType
    registry: str
    column: str
    label: Label
    absent: Any = "unknown"
    absent_reason: str | None = None


class ParamValue(_Strict):
    from_: dt.date = Field(alias="from")
    value: Any
    mark: Mark | None = None
    sources: list[str] = []
    note: str | None = None


class ParameterDef(_Strict):
    label: Label
    type: ValueType
    key: Literal["int", "text"] | None = None
    extend: Literal["linear"] | None = None
    unit: str | None = None
    citation: Citation | None = None
    values: list[ParamValue]
    note: str | None = None


class VariableDef(_Strict):
    label: Label
    type: ValueType
    expr: ExprText
    citation: Citation | None = None
    note: str | None = None


class VariableChange(_Strict):
    """A reform's change to a derived variable (rulebook/overlay.py)."""

    expr: ExprText


class CriterionException(_Strict):
    id: str
    label: Label
    citation: Citation | None = None
    when: ExprText
    outcome: Literal["pass", "fail"]
    note: str | None = None


class Criterion(_Strict):
    id: str
    label: Label
    citation: Citation | None = None
    test: ExprText
    exceptions: list[CriterionException] = []
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    note: str | None = None


class Amount(_Strict):
    expr: ExprText | None = None
    citation: Citation | None = None
    not_modelled: str | None = None
    period: Literal["month", "year", "once"] = "month"
    note: str | None = None


class Programme(_Strict):
    id: str
    label: Label
    act: str
    unit: Literal["person", "household"] = "person"
    criteria: list[Criterion]
    amount: Amount
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    description: str | None = None
    note: str | None = None
