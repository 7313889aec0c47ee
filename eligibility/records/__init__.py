"""Registries of a dataset folder and the linker that joins them into the person frame.

    from eligibility.records import Dataset, link_persons, linkage_report
    ds = Dataset.open("data/1m")
    persons = link_persons(ds, date(2026, 3, 1))        # one row per living resident
    report = linkage_report(ds, date(2026, 3, 1))       # orphans, duplicates, absences
"""

from .dataset import Dataset, SchemaError
from .linkage import link_persons, partitions, received_benefits
from .report import LinkageReport, linkage_report

__all__ = ["Dataset", "SchemaError", "LinkageReport", "link_persons", "linkage_report",
           "partitions", "received_benefits"]
