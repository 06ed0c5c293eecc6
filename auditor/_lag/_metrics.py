"""Lag metrics: the distribution per scenario kind, and what was never reflected.

Percentiles are nearest-rank over the scenarios that were reflected; a scenario never reflected
before its deadline has no lag to rank, so it is counted apart (`not_reflected`) and named in
`never_reflected`, never averaged in as if its deadline were its lag.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from auditor._lag._records import LagRecord, ResetRecord


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LagStats(_Model):
    scenarios: int
    reflected: int
    not_reflected: int
    inconclusive: int
    #: Skipped (no subject) or failed scenarios.
    not_run: int
    p50_s: float | None
    p95_s: float | None
    max_s: float | None
    #: The longest deadline a scenario of this group was given.
    deadline_s: float | None


class LagSummary(_Model):
    """The lag phase of one audit: measurements, distribution, and what never arrived."""

    overall: LagStats
    by_kind: dict[str, LagStats]
    #: Scenarios no answer reflected before the deadline, as `name (subject)`.
    never_reflected: list[str]
    #: Whether `[sandbox].reset` restored the shop afterwards (None: no reset configured).
    reset_ok: bool | None = None
    reset_reason: str = ""
    scenarios: list[LagRecord] = Field(default_factory=list)


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile; None for no data."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def lag_stats(records: Sequence[LagRecord]) -> LagStats:
    lags = [r.lag_s for r in records if r.status == "reflected" and r.lag_s is not None]
    return LagStats(
        scenarios=len(records),
        reflected=sum(r.status == "reflected" for r in records),
        not_reflected=sum(r.status == "not_reflected" for r in records),
        inconclusive=sum(r.status == "inconclusive" for r in records),
        not_run=sum(r.status in ("skipped", "error") for r in records),
        p50_s=percentile(lags, 0.5),
        p95_s=percentile(lags, 0.95),
        max_s=max(lags, default=None),
        deadline_s=max((r.deadline_s for r in records), default=None),
    )


def summarise_lag(records: Sequence[LagRecord], reset: ResetRecord | None = None) -> LagSummary:
    kinds = sorted({r.kind for r in records})
    return LagSummary(
        overall=lag_stats(records),
        by_kind={k: lag_stats([r for r in records if r.kind == k]) for k in kinds},
        never_reflected=[
            f"{r.scenario} ({r.changed_subject or r.subject})"
            for r in records
            if r.status == "not_reflected"
        ],
        reset_ok=None if reset is None else reset.ok,
        reset_reason="" if reset is None else reset.reason,
        scenarios=sorted(records, key=lambda r: (r.kind, r.scenario)),
    )
