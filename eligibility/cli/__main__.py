"""`python -m eligibility.cli ...`: the `eligibility` command without its installed script."""

from __future__ import annotations

from . import app

app(prog_name="eligibility")
