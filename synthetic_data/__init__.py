"""Linked synthetic registries of a Korea-like population (issue 3).

    from synthetic_data import generate, NoiseConfig
    report = generate(people=1_000_000, seed=7, out=Path("data/1m"))
"""

from .config import NoiseConfig
from .pipeline import GenerationReport, generate

__all__ = ["NoiseConfig", "GenerationReport", "generate"]
