"""Conflicting information: the same question asked in other words or on another channel.

Probes of one consistency group carry the same `params["group"]`. A group is comparable once at
least two of its probes made a judged claim, and conflicts when their judged claim values
differ. Non-answers are left out: deflecting on one channel is a deflection, not a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from auditor._report._model import ConflictMetrics, Rate
from auditor._report._truth import judged_values
from auditor._results import ProbeResult


def _groups(results: Sequence[ProbeResult]) -> dict[str, list[ProbeResult]]:
    groups: dict[str, list[ProbeResult]] = defaultdict(list)
    for result in results:
        params = result.probe.get("params") or {}
        group = params.get("group") if isinstance(params, dict) else None
        if group is not None and judged_values(result):
            groups[str(group)].append(result)
    return {name: members for name, members in groups.items() if len(members) >= 2}


def conflict_metrics(results: Sequence[ProbeResult]) -> ConflictMetrics:
    groups = _groups(results)
    conflicting = sorted(
        name for name, members in groups.items() if len({judged_values(r) for r in members}) > 1
    )
    took_part: dict[str, set[str]] = defaultdict(set)
    for name, members in groups.items():
        for result in members:
            took_part[str(result.probe.get("channel") or "default")].add(name)
    bad = set(conflicting)
    return ConflictMetrics(
        rate=Rate(numerator=len(conflicting), denominator=len(groups)),
        conflicting_groups=conflicting,
        by_channel={
            channel: Rate(numerator=len(names & bad), denominator=len(names))
            for channel, names in sorted(took_part.items())
        },
    )
