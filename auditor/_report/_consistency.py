"""Conflicting information: the same question asked in other words or on another channel.

Probes of one consistency group carry the same `params["group"]`. A group is comparable once at
least two of its probes made a judged claim about the same truth, and conflicts when such claims
differ. Non-answers are left out: deflecting on one channel is a deflection, not a conflict.

Answers are compared only within one truth (the fact's word the verdict was reached on): when
the shop's data changed between two asks of a group (a sale, a restock, a lag scenario), a
correct assistant answers them differently, and that is not a contradiction. A wrong answer
under the new truth is still a `fail` for agreement. So a conflict always proves a wrong
answer, which is why the gate tolerates none by default (`[gate] max_conflicts`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from auditor._report._model import ConflictMetrics, Rate
from auditor._report._truth import judged_values, truth_word
from auditor._results import ProbeResult


class ConflictTally:
    """Consistency groups, one result at a time: per group and truth the answers counted and
    their distinct judged values, and the channels the group was asked on (never the results
    themselves)."""

    def __init__(self) -> None:
        self._groups: dict[str, tuple[dict[str, tuple[list[int], set[frozenset[str]]]], set[str]]]
        self._groups = {}

    def add(self, result: ProbeResult) -> None:
        params = result.probe.get("params") or {}
        group = params.get("group") if isinstance(params, dict) else None
        if group is None:
            return
        values = judged_values(result)
        if not values:
            return
        by_truth, channels = self._groups.setdefault(str(group), ({}, set()))
        size, seen = by_truth.setdefault(truth_word(result), ([0], set()))
        size[0] += 1
        seen.add(values)
        channels.add(str(result.probe.get("channel") or "default"))

    def metrics(self) -> ConflictMetrics:
        groups = {
            name: g for name, g in self._groups.items() if any(n[0] >= 2 for n, _ in g[0].values())
        }
        conflicting = sorted(
            name
            for name, (by_truth, _) in groups.items()
            if any(len(seen) > 1 for _, seen in by_truth.values())
        )
        took_part: dict[str, set[str]] = defaultdict(set)
        for name, (_, channels) in groups.items():
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
