"""A reform file overlaid on a rulebook: a policy team changes figures, criteria or derived
variables without touching rules/, and the reformed rulebook gets its own content hash.

    reform:
      id: livelihood_35
      label: {ko: 생계급여 선정기준 35%, en: livelihood line at 35% of the median}
    sources:                          # new sources the reform cites (optional)
      PROPOSAL: {title: 2027 budget proposal, kind: secondary}
    parameters:                       # dated values added; a value on the same date replaces
      blsa.livelihood_rate:
        - {from: 2026-01-01, value: "0.35", mark: R, sources: [PROPOSAL]}
    variables:                        # a derived variable's expression replaced
      bp_selection_threshold:
        expr: ...
    criteria:                         # <programme>.<criterion>: the test replaced, or a new criterion
      blsa_livelihood.income:
        test: blsa_recognised_income <= blsa_livelihood_line
      basic_pension.residence:
        label: {ko: ..., en: ...}
        citation: {article: "3", paragraph: "1"}
        test: ...

Errors in the reform file name the reform file, its line and the item."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from ..errors import did_you_mean
from .models import Criterion, Label, ParamValue, Source, VariableChange
from .parameters import DatedValue
from .rulebook import CompiledCriterion, Rulebook

if TYPE_CHECKING:
    from .loader import _Loader


class ReformInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    label: Label
    description: str | None = None


SECTIONS = {"reform", "sources", "parameters", "variables", "criteria"}


def apply_overlay(loader: _Loader, book: Rulebook, path: Path) -> ReformInfo | None:
    """Apply one reform file to `book` in place; errors are collected by the loader."""
    got = loader.read(path)
    if got is None:
        return None
    file, doc = got
    doc = doc or {}
    for key in doc:
        if key not in SECTIONS:
            loader.error("schema", f"unknown section '{key}' in a reform file", file, (key,),
                         hint=did_you_mean(str(key), SECTIONS))
    info = loader.validate(ReformInfo, doc.get("reform"), file, ("reform",))
    for sid, body in (doc.get("sources") or {}).items():
        if (src := loader.validate(Source, body, file, ("sources", sid))) is not None:
            book.sources[str(sid)] = src
    _parameters(loader, book, file, doc.get("parameters") or {})
    units = frozenset(book.units)
    for name, body in (doc.get("variables") or {}).items():
        if name not in book.variables:
            loader.error("unknown_variable", f"the reform changes unknown variable '{name}'", file,
                         ("variables", name), hint=did_you_mean(name, book.variables))
            continue
        change = loader.validate(VariableChange, body, file, ("variables", name))
        if change is None:
            continue
        if (e := loader.expr(change.expr, file, ("variables", name, "expr"), units)) is not None:
            book.variable_exprs[name] = e
            book.variables[name] = book.variables[name].model_copy(update={"expr": e.text})
    for key, body in (doc.get("criteria") or {}).items():
        _criterion(loader, book, file, str(key), body or {}, units)
    digest = hashlib.sha256(book.content_hash.encode() + path.read_bytes()).hexdigest()
    book.content_hash = digest
    return info


def _parameters(loader: _Loader, book: Rulebook, file: str, section: dict[str, Any]) -> None:
    for pid, entries in section.items():
        if pid not in book.parameters:
            loader.error("unknown_parameter", f"the reform changes unknown parameter '{pid}'", file,
                         ("parameters", pid), hint=did_you_mean(pid, book.parameters))
            continue
        param = book.parameters[pid]
        for i, raw in enumerate(entries or []):
            where = ("parameters", pid, i)
            entry = loader.validate(ParamValue, raw, file, where)
            if entry is None:
                continue
            value = loader.dated_value(param.definition, entry.value, entry.mark, entry.sources,
                                       book.sources, file, where)
            param.series = [d for d in param.series if d.start != entry.from_]
            param.series.append(DatedValue(entry.from_, value))
            param.series.sort(key=lambda d: d.start)


def _criterion(loader: _Loader, book: Rulebook, file: str, key: str, body: dict[str, Any],
               units: frozenset[str]) -> None:
    pid, _, cid = key.partition(".")
    where = ("criteria", key)
    if pid not in book.programmes or not cid:
        loader.error("unknown_programme", f"'{key}' is not <programme>.<criterion>", file, where,
                     hint=did_you_mean(pid, book.programmes))
        return
    prog = book.programmes[pid]
    existing = next((c for c in prog.criteria if c.id == cid), None)
    merged = {**(existing.model_dump(exclude_none=True) if existing else {}), **body, "id": cid}
    crit = loader.validate(Criterion, merged, file, where, programme=pid)
    if crit is None:
        return
    loader.check_citation(crit.citation, prog.act, book.sources, file, where, pid, cid, required=True)
    test = loader.expr(crit.test, file, (*where, "test"), units, pid, cid) if "test" in body else None
    old = next((c for c in book.criteria[pid] if c.id == cid), None)
    if test is None and old is None:
        loader.error("schema", f"new criterion '{key}' needs a test", file, where, pid, cid)
        return
    compiled = CompiledCriterion(pid, cid, test or old.test, old.exceptions if old else ())  # type: ignore[union-attr]
    criteria = [c for c in prog.criteria if c.id != cid] + [crit]
    book.programmes[pid] = prog.model_copy(update={"criteria": criteria})
    book.criteria[pid] = tuple(c for c in book.criteria[pid] if c.id != cid) + (compiled,)
