"""Minimal failing cases: the shrink phase after the plan, and their replay after a fix."""

from auditor._shrink._case import (
    MinimalCase,
    complexity,
    draw_of,
    failure_pattern,
    read_minimal,
    write_minimal,
)
from auditor._shrink._phase import (
    FailingBucket,
    ShrinkContext,
    ShrinkSettings,
    failing_buckets,
    shrink_failures,
)
from auditor._shrink._replay import (
    ReplayedCase,
    ReplayReport,
    ReplayStatus,
    replay_cases,
    status_of,
)
from auditor._shrink._search import BucketSearch, Found, SearchLimits, SearchTarget

__all__ = [
    "BucketSearch",
    "FailingBucket",
    "Found",
    "MinimalCase",
    "ReplayReport",
    "ReplayStatus",
    "ReplayedCase",
    "SearchLimits",
    "SearchTarget",
    "ShrinkContext",
    "ShrinkSettings",
    "complexity",
    "draw_of",
    "failing_buckets",
    "failure_pattern",
    "read_minimal",
    "replay_cases",
    "shrink_failures",
    "status_of",
    "write_minimal",
]
