"""Reads rules/ into a Rulebook: every file validated, every expression parsed, every
citation and source checked. All errors are collected and reported together, each with its
file, line, programme and criterion."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Location, RuleError, RuleErrors, did_you_mean
from ..expr.parser import parse
from .models import Citation, InputDef, ParameterDef, Programme, Source, Unit, VariableDef
from .overlay import apply_overlay
from .parameters import Cell, DatedValue, Parameter, Table, coerce
from .rulebook import CompiledCriterion, Expr, Rulebook
from .yaml_source import locate, read_yaml, to_plain, value_start

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"


def content_hash(root: Path) -> str:
    """SHA-256 over every rule file's relative path and bytes: the rules' identity in a run."""
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".yaml", ".yml", ".csv"):
            h.update(str(p.relative_to(root)).encode())
            h.update(b"\0")
            h.update(p.read_bytes())
    return h.hexdigest()


class _Loader:
    def __init__(self, root: Path, overlays: tuple[Path, ...] = ()) -> None:
        self.root = root
        self.overlays = overlays
        self.errors: list[RuleError] = []
        self.docs: dict[str, Any] = {}
        self.raw: dict[str, list[str]] = {}

    # --- reading -----------------------------------------------------------------------
    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> tuple[str, Any] | None:
        name = self.display(path)
        try:
            doc = read_yaml(path, name)
        except RuleError as e:
            self.errors.append(e)
            return None
        except OSError as e:  # a rulebook without sources.yaml, a reform file mistyped
            self.errors.append(RuleError("file", f"cannot read the file: {e.strerror}", Location(name)))
            return None
        self.docs[name] = doc
        self.raw[name] = path.read_text(encoding="utf-8").splitlines()
        return name, doc

    def validate(self, model: type[BaseModel], data: Any, file: str, path: tuple[Any, ...],
                 programme: str | None = None) -> Any:
        try:
            return model.model_validate(to_plain(data))
        except ValidationError as e:
            for err in e.errors():
                full = path + tuple(err["loc"])
                line, col = locate(self.docs[file], full)
                criterion = self._criterion_at(file, full)
                field = ".".join(str(p) for p in full)
                self.errors.append(RuleError(
                    "schema", f"{field}: {err['msg']}",
                    Location(file, line, col, programme, criterion, field, self._raw_line(file, line)),
                    caret=(0, col - 1)))
            return None

    def _raw_line(self, file: str, line: int) -> str | None:
        lines = self.raw.get(file, [])
        return lines[line - 1] if 0 < line <= len(lines) else None

    def _criterion_at(self, file: str, path: tuple[Any, ...]) -> str | None:
        doc = self.docs[file]
        if len(path) >= 2 and path[0] == "criteria" and isinstance(path[1], int):
            try:
                return str(doc["criteria"][path[1]]["id"])
            except (KeyError, IndexError, TypeError):
                return None
        return None

    def expr(self, text: str, file: str, path: tuple[Any, ...], units: frozenset[str],
             programme: str | None = None, criterion: str | None = None) -> Expr | None:
        line, col = value_start(self.docs[file], path, self.raw[file])
        where = Location(file, line, col, programme, criterion, ".".join(map(str, path)), text)
        try:
            return Expr(parse(text, where, units), where, text)
        except RuleError as e:
            self.errors.append(e)
            return None

    def error(self, code: str, message: str, file: str, path: tuple[Any, ...],
              programme: str | None = None, criterion: str | None = None,
              hint: str | None = None) -> None:
        line, col = locate(self.docs[file], path)
        self.errors.append(RuleError(code, message, Location(
            file, line, col, programme, criterion, ".".join(map(str, path)),
            self._raw_line(file, line)), caret=(0, col - 1), hint=hint))

    # --- the rule files ----------------------------------------------------------------
    def load(self) -> Rulebook:
        root = self.root
        if not root.is_dir():  # else every file would be reported missing, one by one
            raise RuleError("rules_folder", "no rulebook here: not a folder" if root.exists()
                            else "no rulebook here: the folder does not exist", Location(str(root)))
        sources: dict[str, Source] = {}
        if (got := self.read(root / "sources.yaml")) is not None:
            file, doc = got
            for sid, body in (doc or {}).items():
                src = self.validate(Source, body, file, (sid,))
                if src is not None:
                    sources[str(sid)] = src
        units: dict[str, Unit] = {}
        inputs: dict[str, InputDef] = {}
        unit_apart: dict[str, Expr] = {}
        if (got := self.read(root / "inputs.yaml")) is not None:
            file, doc = got
            for name, body in (doc.get("units") or {}).items():
                if (u := self.validate(Unit, body, file, ("units", name))) is not None:
                    units[name] = u
            for name, body in (doc.get("inputs") or {}).items():
                if (i := self.validate(InputDef, body, file, ("inputs", name))) is not None:
                    inputs[name] = i
            unit_apart = self.load_apart(units, sources, file)
        unit_names = frozenset(units)

        parameters = self.load_parameters(sources)
        variables, variable_exprs = self.load_variables(unit_names, sources, inputs)
        book = Rulebook(root, content_hash(root), sources, units, inputs, parameters, variables,
                        {}, {}, variable_exprs, unit_apart=unit_apart)
        self.load_programmes(book, unit_names)
        for path in self.overlays:
            if not self.errors and (info := apply_overlay(self, book, path)) is not None:
                book.reforms.append(info.id)
        if self.errors:
            raise RuleErrors(self.errors)
        return book

    def load_apart(self, units: dict[str, Unit], sources: dict[str, Source], file: str) -> dict[str, Expr]:
        """Each unit's `apart` condition, parsed, with its citation (checked in typecheck.py)."""
        out: dict[str, Expr] = {}
        for name, unit in units.items():
            where = ("units", name)
            if unit.apart_with is not None and (unit.apart is None or unit.apart_with == name
                                                or unit.apart_with not in units
                                                or units[unit.apart_with].apart is not None):
                self.error("bad_unit", f"unit '{name}': apart_with must name another unit, itself without "
                           "apart, and needs apart", file, (*where, "apart_with"),
                           hint=f"units: {', '.join(u for u in units if u != name)}")
            if unit.apart is None:
                continue
            self.check_citation(unit.citation, None, sources, file, (*where, "citation"), None, None,
                                required=True)
            if (e := self.expr(unit.apart, file, (*where, "apart"), frozenset(units))) is not None:
                out[name] = e
        return out

    def check_citation(self, citation: Citation | None, default_act: str | None,
                       sources: dict[str, Source], file: str, path: tuple[Any, ...],
                       programme: str | None, criterion: str | None, required: bool) -> None:
        if citation is None:
            if required:
                what = f"criterion '{criterion}'" if criterion else ".".join(map(str, path))
                self.error("missing_citation", f"{what} has no statute citation", file, path,
                           programme, criterion,
                           hint="add citation: {article: \"..\", paragraph: \"..\"} naming the statute")
            return
        act = citation.act or default_act
        if act is None:
            self.error("missing_citation", "the citation names no act", file, path, programme, criterion,
                       hint="add act: <source id> to the citation or the programme")
        elif act not in sources:
            self.error("unknown_source", f"unknown source '{act}'", file, (*path, "act"),
                       programme, criterion, hint=did_you_mean(act, sources))

    def load_parameters(self, sources: dict[str, Source]) -> dict[str, Parameter]:
        out: dict[str, Parameter] = {}
        for path in sorted((self.root / "parameters").glob("*.yaml")):
            if (got := self.read(path)) is None:
                continue
            file, doc = got
            group = path.stem
            for name, body in (doc or {}).items():
                if name == "note":
                    continue
                pdef = self.validate(ParameterDef, body, file, (name,))
                if pdef is None:
                    continue
                pid = f"{group}.{name}"
                self.check_citation(pdef.citation, None, sources, file, (name, "citation"),
                                    None, None, required=False)
                param = Parameter(pid, pdef)
                for i, entry in enumerate(pdef.values):
                    where = (name, "values", i)
                    param.series.append(DatedValue(entry.from_, self.dated_value(
                        pdef, entry.value, entry.mark, entry.sources, sources, file, where)))
                param.series.sort(key=lambda d: d.start)
                out[pid] = param
        return out

    def dated_value(self, pdef: ParameterDef, value: Any, mark: str | None, srcs: list[str],
                    sources: dict[str, Source], file: str, where: tuple[Any, ...]) -> Cell | Table | None:
        if value is None:
            return None
        if pdef.key is None:
            return self.cell(pdef.type, value, mark, srcs, sources, file, (*where, "value"))
        if not isinstance(value, dict):
            self.error("bad_table", "a table parameter's value is a mapping key → value", file,
                       (*where, "value"))
            return None
        cells: dict[Any, Cell] = {}
        for k, v in value.items():
            key: Any = k
            if pdef.key == "int" and not isinstance(k, int):
                self.error("bad_table", f"table key {k!r} is not a whole number", file, (*where, "value", k))
                continue
            if pdef.key == "text":
                key = str(k)
            if isinstance(v, dict):
                cell_mark = v.get("mark", mark)
                cell_sources = list(v.get("sources", srcs))
                cell = self.cell(pdef.type, v.get("value"), cell_mark, cell_sources, sources, file,
                                 (*where, "value", k))
            else:
                cell = self.cell(pdef.type, v, mark, srcs, sources, file, (*where, "value", k))
            if cell is not None:
                cells[key] = cell
        return Table(cells, pdef.extend)

    def cell(self, type_: str, value: Any, mark: str | None, srcs: list[str],
             sources: dict[str, Source], file: str, where: tuple[Any, ...]) -> Cell | None:
        if mark not in ("V", "S", "C", "R"):
            self.error("missing_mark", "this figure has no confidence mark (V, S, C or R)", file, where,
                       hint="copy the mark from the reference: V verified, S secondary, C computed, R unverified")
        if not srcs:
            self.error("missing_source", "this figure has no source", file, where,
                       hint="add sources: [<source id>, ...] from rules/sources.yaml")
        for s in srcs:
            if s not in sources:
                self.error("unknown_source", f"unknown source '{s}'", file, where,
                           hint=did_you_mean(s, sources))
        try:
            return Cell(coerce(value, type_), mark, tuple(srcs))
        except ValueError as e:
            self.error("bad_value", f"{e} (declared type {type_})", file, where)
            return None

    def load_variables(self, units: frozenset[str], sources: dict[str, Source],
                       inputs: dict[str, InputDef]) -> tuple[dict[str, VariableDef], dict[str, Expr]]:
        defs: dict[str, VariableDef] = {}
        exprs: dict[str, Expr] = {}
        for path in sorted((self.root / "variables").glob("*.yaml")):
            if (got := self.read(path)) is None:
                continue
            file, doc = got
            for name, body in (doc or {}).items():
                if name == "note":
                    continue
                vdef = self.validate(VariableDef, body, file, (name,))
                if vdef is None:
                    continue
                if name in inputs:
                    self.error("duplicate_name", f"variable '{name}' has the name of an input", file, (name,))
                if name in defs:
                    self.error("duplicate_name", f"variable '{name}' is defined twice", file, (name,))
                self.check_citation(vdef.citation, None, sources, file, (name, "citation"),
                                    None, None, required=False)
                defs[name] = vdef
                if (e := self.expr(vdef.expr, file, (name, "expr"), units)) is not None:
                    exprs[name] = e
        return defs, exprs

    def load_programmes(self, book: Rulebook, units: frozenset[str]) -> None:
        for path in sorted((self.root / "programmes").glob("*.yaml")):
            if (got := self.read(path)) is None:
                continue
            file, doc = got
            prog = self.validate(Programme, doc, file, (), programme=path.stem)
            if prog is None:
                continue
            pid = prog.id
            if pid != path.stem:
                self.error("bad_id", f"programme id '{pid}' differs from its file name '{path.stem}'",
                           file, ("id",), pid)
            if pid in book.programmes:
                self.error("duplicate_name", f"programme '{pid}' is defined twice", file, ("id",), pid)
            if pid in book.variables or pid in book.inputs:
                self.error("duplicate_name", f"programme '{pid}' has the name of a variable or input",
                           file, ("id",), pid)
            if prog.act not in book.sources:
                self.error("unknown_source", f"unknown act '{prog.act}'", file, ("act",), pid,
                           hint=did_you_mean(prog.act, book.sources))
            book.programmes[pid] = prog
            book.programme_files[pid] = file
            criteria: list[CompiledCriterion] = []
            seen: set[str] = set()
            for i, crit in enumerate(prog.criteria):
                cpath: tuple[Any, ...] = ("criteria", i)
                if crit.id in seen:
                    self.error("duplicate_criterion",
                               f"criterion '{crit.id}' is defined twice; a special case is an "
                               "exception to the criterion it overrides", file, (*cpath, "id"), pid, crit.id)
                seen.add(crit.id)
                self.check_citation(crit.citation, prog.act, book.sources, file, (*cpath, "citation")
                                    if crit.citation else cpath, pid, crit.id, required=True)
                test = self.expr(crit.test, file, (*cpath, "test"), units, pid, crit.id)
                excs: list[tuple[str, str, Expr]] = []
                for j, exc in enumerate(crit.exceptions):
                    epath = (*cpath, "exceptions", j)
                    self.check_citation(exc.citation, prog.act, book.sources, file,
                                        (*epath, "citation") if exc.citation else epath, pid,
                                        crit.id, required=True)
                    if (w := self.expr(exc.when, file, (*epath, "when"), units, pid, crit.id)) is not None:
                        excs.append((exc.id, exc.outcome, w))
                if test is not None:
                    criteria.append(CompiledCriterion(pid, crit.id, test, tuple(excs)))
            book.criteria[pid] = tuple(criteria)
            amount = prog.amount
            if amount.expr is None and amount.not_modelled is None:
                self.error("missing_amount", "amount needs expr or not_modelled (with the reason)",
                           file, ("amount",), pid)
            book.amounts[pid] = None
            if amount.expr is not None:
                self.check_citation(amount.citation, prog.act, book.sources, file,
                                    ("amount", "citation") if amount.citation else ("amount",),
                                    pid, None, required=True)
                book.amounts[pid] = self.expr(amount.expr, file, ("amount", "expr"), units, pid, "amount")


def load_rulebook(root: Path | None = None, reforms: tuple[Path, ...] | list[Path] = ()) -> Rulebook:
    """Load, validate, parse and type-check the rulebook at `root` (default: the repo's rules/),
    with reform files overlaid in order (see rulebook/overlay.py)."""
    from ..expr.typecheck import check_rulebook

    book = _Loader(Path(root) if root else RULES_DIR, tuple(Path(r) for r in reforms)).load()
    check_rulebook(book)
    return book
