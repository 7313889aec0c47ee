"""Benchmarks, not tests. They run the engine with the allocator settings the `eligibility`
command uses (eligibility/allocator.py), set here, before any benchmark imports polars."""

from eligibility.allocator import MAIN_SECONDS, keep_freed_pages

keep_freed_pages(MAIN_SECONDS)
