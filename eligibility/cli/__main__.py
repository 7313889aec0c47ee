"""`python -m eligibility.cli ...`: the `eligibility` command without its installed script."""

from __future__ import annotations

from . import app

if __name__ == "__main__":
    app(prog_name="eligibility")
