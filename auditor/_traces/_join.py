"""The exact join: a span belongs to the probe whose trace it is in, and to no other.

Every question carries its probe's own trace id (`traceparent`); the assistant's tracing puts
the work it does for that question — HTTP, database and tool calls — in that trace. So the join
needs no time window and has no ambiguity at any concurrency: each call is *direct*, or
*unattributed* when its trace is no probe's (a background refresh, a warm-up, another client).
A probe in whose trace no span at all arrived (an assistant that does not trace, an exporter
that never sent) is *untraced*: nothing is known of its calls, so it is never said to have
answered without calling the anchor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from auditor._results import ProbeResult
from auditor._tap._join import Join, window_of
from auditor._tap._map import map_of_join
from auditor._tap._model import OrchestrationMap, TapCall
from auditor._traces._model import SpanRecord

RULE = (
    "A span belongs to the probe whose trace id it carries (the question's traceparent); "
    "every such call is direct. Spans in no probe's trace are unattributed."
)


def calls_of(spans: Sequence[SpanRecord]) -> list[TapCall]:
    """The HTTP, database and tool-call spans, as the map's calls (in arrival order)."""
    calls: list[TapCall] = []
    for span in spans:
        call = span.as_call(len(calls) + 1)
        if call is not None:
            calls.append(call)
    return calls


def join_traced(results: Sequence[ProbeResult], calls: Sequence[TapCall]) -> Join:
    windows = {r.probe_id: window_of(r) for r in results}
    probe_of = {r.trace_id: r.probe_id for r in results if r.trace_id}
    joined = Join(windows, {probe_id: [] for probe_id in windows})
    for call in calls:
        probe_id = probe_of.get(call.trace_id or "")
        if probe_id is None:
            joined.unattributed += 1
            continue
        joined.direct += 1
        joined.calls[probe_id].append((call, "direct"))
    return joined


def traces_map(
    results: Sequence[ProbeResult],
    spans: Sequence[SpanRecord],
    truth_anchors: Mapping[str, str],
) -> OrchestrationMap:
    """The orchestration map drawn from the assistant's spans."""
    calls = calls_of(spans)
    joined = join_traced(results, calls)
    traced = {span.trace_id for span in spans}
    untraced = frozenset(r.probe_id for r in results if r.trace_id not in traced)
    return map_of_join(
        results, joined, calls, truth_anchors, source="traces", rule=RULE, untraced=untraced
    )
