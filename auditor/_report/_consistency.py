"""Conflicting information: the same question asked in other words or on another channel.

Probes of one consistency group carry the same `params["group"]`. A group is comparable once at
least two of its probes made a judged claim, and conflicts when their judged claim values
differ. Non-answers are left out: deflecting on one channel is a deflection, not a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from auditor._report._model import ConflictMetrics, Rate
from auditor._report._truth import judged_values
from auditor._results import ProbeResult


class ConflictTally:
    """Consistency groups, one result at a time: per group its size, the distinct judged values
    and the channels it was asked on (never the results themselves)."""

    def __init__(self) -> None:
        self._groups: dict[str, tuple[list[int], set[frozenset[str]], set[str]]] = {}

    def add(self, result: ProbeResult) -> None:
        params = result.probe.get("params") or {}
        group = params.get("group") if isinstance(params, dict) else None
        if group is None:
            return
        values = judged_values(result)
        if not values:
            return
        size, seen, channels = self._groups.setdefault(str(group), ([0], set(), set()))
        size[0] += 1
        seen.add(values)
        channels.add(str(result.probe.get("channel") or "default"))

    def metrics(self) -> ConflictMetrics:
        groups = {name: g for name, g in self._groups.items() if g[0][0] >= 2}
        conflicting = sorted(name for name, (_, seen, _) in groups.items() if len(seen) > 1)
        took_part: dict[str, set[str]] = defaultdict(set)
        for name, (_, _, channels) in groups.items():
            for channel in channels:
                took_part[channel].add(name)
        bad = set(conflicting)
        return ConflictMetrics(
            rate=Rate(numerator=len(conflicting), denominator=len(groups)),
            conflicting_groups=conflicting,
            by_channel={
                channel: Rate(numerator=len(names & bad), denominator=len(names))
                for channel, names in sorted(took_part.items())
            },
        )


def conflict_metrics(results: Iterable[ProbeResult]) -> ConflictMetrics:
    tally = ConflictTally()
    for result in results:
        tally.add(result)
    return tally.metrics()
