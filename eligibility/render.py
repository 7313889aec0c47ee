"""Text rendering of decisions and explanations for the terminal (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from .explanation import DecisionTrace, Trace

STYLE = {"eligible": "green", "ineligible": "red", "undetermined": "yellow",
         "true": "green", "false": "red", "unknown": "yellow"}


def won(v: int | None) -> str:
    return "—" if v is None else f"{v:,}"


def fmt(v: Any) -> str:
    if v is None:
        return "unknown"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def decisions_table(rows: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("household", "person", "programme", "status", "amount", "why"):
        table.add_column(col, justify="right" if col == "amount" else "left")
    for r in rows:
        why = ", ".join(r["failed"]) if r["failed"] else ""
        if r["missing"]:
            why = "missing: " + ", ".join(f"{m['input']} ({m['registry']})" for m in r["missing"])
        status = r["status"]
        table.add_row(str(r["household"]), str(r["person"]), r["programme"],
                      f"[{STYLE[status]}]{status}[/]", won(r["amount"]), why)
    return table


def _trace_node(tree: Tree, t: Trace) -> None:
    text = f"{escape(t.label)} = [bold]{escape(fmt(t.value))}[/]"
    if t.kind == "input":
        text += f"  [dim]input, {escape(t.source or '')}[/]"
    elif t.kind in ("parameter", "variable") and t.source:
        text += f"  [dim]{escape(t.source)}[/]"
    if t.note and t.kind == "expression":
        text += f"  [yellow]{escape(t.note)}[/]"
    branch = tree.add(text)
    for child in t.children:
        _trace_node(branch, child)


def explanation_tree(person: Any, d: DecisionTrace) -> Tree:
    amount = f", amount {won(d.amount)}" if d.amount is not None else ""
    if d.amount_note:
        amount = f", amount not modelled ({d.amount_note})"
    root = Tree(f"[bold]{d.label_en}[/] ({d.label_ko}) for person {person}: "
                f"[{STYLE[d.status]}]{d.status}[/]{amount}")
    if d.missing:
        root.add("missing inputs: " + ", ".join(f"{m['input']} from the {m['registry']} registry"
                                                for m in d.missing))
    for c in d.criteria:
        node = root.add(f"[{STYLE[c.outcome]}]{c.outcome:>7}[/]  {c.label_en} — {c.label_ko}  [dim]{c.citation}[/]")
        _trace_node(node, c.test)
        for e in c.exceptions:
            node.add(f"exception {e['id']} ({e['outcome']} when it applies): applies = {e['applies']}  "
                     f"[dim]{e['citation']}[/]")
    return root


def print_explanations(console: Console, person: Any, decisions: list[DecisionTrace]) -> None:
    for d in decisions:
        console.print(explanation_tree(person, d))
        console.print()
