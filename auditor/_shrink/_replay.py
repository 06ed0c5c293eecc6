"""Replaying minimal cases: the same questions, judged against the truth as it is now.

The audit's snapshot is gone, so a replay judges against a new one (the caller takes it): a
case can turn `fixed` because the shop's data moved rather than because the assistant was
mended, and `truth_changed` says when the truth the case is judged on is not the one it failed
against.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections import Counter
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from auditor._probes import Probe
from auditor._results import ProbeResult
from auditor._shrink._case import MinimalCase, failure_pattern
from auditor._shrink._phase import Judge
from auditor._verdict import Verdict

#: `not fixed`: no longer this failure, but not a pass either (another failure, a deflection,
#: or a truth that moved while asking). `error`: the assistant or the anchors did not answer.
ReplayStatus = Literal["fixed", "still failing", "not fixed", "error"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReplayedCase(_Model):
    kind: str
    edge_class: str | None
    probe_id: str
    question: str
    #: The finding the case was stored for.
    pattern: str
    then: ProbeResult
    now: ProbeResult
    status: ReplayStatus
    #: The claim values that agree with the truth differ from when the case failed.
    truth_changed: bool


class ReplayReport(_Model):
    """`replay.json`: one replay of an audit's minimal cases."""

    entry_type: Literal["replay"] = "replay"
    run_id: str
    replayed_at: datetime
    cases: list[ReplayedCase]

    @property
    def counts(self) -> Counter[str]:
        return Counter(case.status for case in self.cases)

    @property
    def outcome(self) -> Literal["fixed", "failing", "could not run"]:
        """All fixed; any still failing (or not fixed); otherwise some could not be judged."""
        counts = self.counts
        if counts["still failing"] or counts["not fixed"]:
            return "failing"
        return "could not run" if counts["error"] else "fixed"


def status_of(case: MinimalCase, now: ProbeResult) -> ReplayStatus:
    if now.verdict is Verdict.PASS:
        return "fixed"
    if now.verdict is Verdict.ERROR:
        return "error"
    return "still failing" if failure_pattern(now) == case.pattern else "not fixed"


def _replayed(case: MinimalCase, now: ProbeResult) -> ReplayedCase:
    turns = case.probe.get("turns") or [""]
    return ReplayedCase(
        kind=case.kind,
        edge_class=case.edge_class,
        probe_id=case.probe_id,
        question=str(turns[-1]),
        pattern=case.pattern,
        then=case.result,
        now=now,
        status=status_of(case, now),
        truth_changed=now.verdict is not Verdict.ERROR
        and sorted(now.accepted) != sorted(case.result.accepted),
    )


def _on_channel(probe: Probe, channels: Collection[str]) -> Probe:
    """A channel the replay's configuration lacks falls back to its first channel."""
    if probe.channel is None or probe.channel in channels:
        return probe
    return dataclasses.replace(probe, channel=None)  # keeps the id: the same case


async def replay_cases(
    cases: Sequence[MinimalCase], judge: Judge, channels: Collection[str]
) -> list[ReplayedCase]:
    """Ask every case again, concurrently; the judge bounds connections and rate."""
    probes = [_on_channel(case.to_probe(), channels) for case in cases]
    results = await asyncio.gather(*(judge.run(probe) for probe in probes))
    return [_replayed(case, now) for case, now in zip(cases, results, strict=True)]
