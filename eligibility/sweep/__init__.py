"""The population sweep: every programme over every household, in partitions of whole
households, with the outreach, review and undetermined lists and an auditable run record.
See docs/sweep.md."""

from .plan import DEFAULT_PARTITION_SIZE, Partition, plan_partitions
from .results import PublishedRun, RunNotFound, open_run
from .runner import SweepOptions, SweepRun, run_sweep
from .source import FrameSource, PersonSource
from .spec import RulesSpec

__all__ = ["DEFAULT_PARTITION_SIZE", "FrameSource", "Partition", "PersonSource", "PublishedRun",
           "RulesSpec", "RunNotFound", "SweepOptions", "SweepRun", "open_run", "plan_partitions",
           "run_sweep"]
