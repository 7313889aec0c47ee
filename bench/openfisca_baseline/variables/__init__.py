"""The baseline's variables, one module per programme, as in an OpenFisca country package."""

from __future__ import annotations

import inspect
from types import ModuleType

from openfisca_core.variables import Variable

from . import basic_pension, blsa, child_allowance, common, inputs
from .base import Money

MODULES: tuple[ModuleType, ...] = (inputs, common, basic_pension, blsa, child_allowance)


def all_variables() -> list[type[Variable]]:
    out = []
    for module in MODULES:
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if (issubclass(obj, Variable) and obj not in (Variable, Money)
                    and obj.__module__ == module.__name__):
                out.append(obj)
    return out
