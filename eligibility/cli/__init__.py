"""The `eligibility` command line. Each sub-module registers its commands on `app`."""

from __future__ import annotations

from ..allocator import MAIN_SECONDS, keep_freed_pages

keep_freed_pages(MAIN_SECONDS)  # before polars is imported (by the commands below): see eligibility/allocator.py

import typer  # noqa: E402

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Proactive welfare-eligibility engine: rules, records, sweeps, explanations.")

from . import data as _data  # noqa: E402,F401
from . import demo as _demo  # noqa: E402,F401
from . import evaluate as _evaluate  # noqa: E402,F401  (registers commands)
from . import explain as _explain  # noqa: E402,F401
from . import rules as _rules  # noqa: E402,F401
from . import sweep as _sweep  # noqa: E402,F401
