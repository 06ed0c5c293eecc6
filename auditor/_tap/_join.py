"""The join: which recorded anchor calls the assistant made while answering which probe.

The rule, applied to each recorded call:

1. A probe's window runs from its start (before the question is sent) to its end (after the
   answer and any re-read of the truth; the auditor reads anchors directly, never through the
   tap, so its own reads are not in the recording).
2. The call belongs to the probes whose windows hold its start.
3. Of those, the probes it *names* take it: a call names a probe when a path parameter or a
   declared query value equals the probe's subject or an id in its truth (a return's order and
   SKU, an order's SKUs). If several are named, those whose subject it names are preferred
   (an item lookup belongs to the stock question, not to an order containing that item), then
   those whose customer the call's identity header names (the same order asked by its owner
   and by a stranger at once). One probe left: the call is *direct*. Several (the same subject
   asked on two channels at once): each gets it as *shared* (it did ask about their subject,
   but whose question it served is unknown).
4. A call naming none of them (a catalogue listing, a search) goes, as *ambiguous*, to every
   probe in whose window it falls and whose fact kind its operation serves.
5. Anything else is unattributed: outside every window (background refreshes, warm-up, the
   lag and shrink phases) or of a kind no overlapping probe asks about.

Direct and shared calls count as consulting the anchor; only direct calls are used to flag an
identity or a hidden error. Limits, mostly under concurrency: windows overlap, so a call naming
no entity cannot be given to one probe (hence "ambiguous", counted apart); an
assistant that prefetches, or answers from a cache filled before the window opened, shows as
not consulting the anchor for that answer (which is what happened, for that answer); a call
started after the answer arrived is missed; and an entity the question does not name but the
assistant looks up (a different item it confused the subject with) is caught by rule 4 only.
With `concurrency = 1` and no background traffic every call is direct or unattributed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from auditor._results import ProbeResult
from auditor._tap._model import TapCall

RULE = (
    "A call belongs to the probes whose window (question sent → answer judged) holds its "
    "start; the probes it names (subject, or an id of the truth) take it, those whose subject "
    "and then customer it names first — direct when one remains, shared when several do; a "
    "call naming none "
    "goes, as ambiguous, to every overlapping probe of its fact kind; the rest is "
    "unattributed."
)

#: How a call came to a probe (see the rule above).
Mode = Literal["direct", "shared", "ambiguous"]

_ID_FIELDS = ("sku", "order_id", "return_id")


@dataclass(frozen=True, slots=True)
class ProbeWindow:
    probe_id: str
    kind: str
    fact_kind: str
    subject: str
    customer_id: str | None
    entities: frozenset[str]
    start: datetime
    end: datetime


@dataclass(slots=True)
class Join:
    windows: dict[str, ProbeWindow]
    #: Probe id -> its calls, each with how it was attributed.
    calls: dict[str, list[tuple[TapCall, Mode]]] = field(default_factory=dict)
    direct: int = 0
    shared: int = 0
    ambiguous: int = 0
    unattributed: int = 0


def _fact_ids(fact: Mapping[str, Any] | None) -> set[str]:
    if not fact:
        return set()
    ids = {str(fact[f]) for f in _ID_FIELDS if fact.get(f)}
    for line in fact.get("lines") or ():
        if isinstance(line, Mapping) and line.get("sku"):
            ids.add(str(line["sku"]))
    return ids


def window_of(result: ProbeResult) -> ProbeWindow:
    probe = result.probe
    subject = str(probe.get("subject", ""))
    entities = {subject}
    for truth in (result.truth_before, result.truth_after):
        entities |= _fact_ids(truth.fact if truth is not None else None)
    customer = probe.get("customer_id")
    return ProbeWindow(
        probe_id=result.probe_id,
        kind=str(probe.get("kind", "")),
        fact_kind=str(probe.get("fact_kind", "")),
        subject=subject,
        customer_id=None if customer is None else str(customer),
        entities=frozenset(e for e in entities if e),
        start=result.started_at,
        end=result.finished_at,
    )


class _Windows:
    """Windows sorted by start, for finding those that hold a moment."""

    def __init__(self, windows: Iterable[ProbeWindow]) -> None:
        self._sorted = sorted(windows, key=lambda w: w.start)
        self._starts = [w.start for w in self._sorted]
        longest = max((w.end - w.start for w in self._sorted), default=timedelta(0))
        self._longest = max(longest, timedelta(0))

    def holding(self, moment: datetime) -> list[ProbeWindow]:
        low = bisect.bisect_left(self._starts, moment - self._longest)
        high = bisect.bisect_right(self._starts, moment)
        return [w for w in self._sorted[low:high] if w.end >= moment]


def _attribute(call: TapCall, overlapping: Sequence[ProbeWindow]) -> tuple[list[str], Mode]:
    values = call.values()
    named = [w for w in overlapping if values & w.entities]
    if len(named) > 1:
        named = [w for w in named if w.subject in values] or named
    if len(named) > 1 and call.identity is not None:
        named = [w for w in named if w.customer_id == call.identity] or named
    if named:
        return [w.probe_id for w in named], "direct" if len(named) == 1 else "shared"
    same_kind = [w for w in overlapping if call.fact_kind and w.fact_kind == call.fact_kind]
    return [w.probe_id for w in same_kind], "ambiguous"


def join_calls(results: Sequence[ProbeResult], calls: Sequence[TapCall]) -> Join:
    windows = {r.probe_id: window_of(r) for r in results}
    index = _Windows(windows.values())
    joined = Join(windows, {probe_id: [] for probe_id in windows})
    for call in calls:
        probes, mode = _attribute(call, index.holding(call.started_at))
        if not probes:
            joined.unattributed += 1
            continue
        if mode == "direct":
            joined.direct += 1
        elif mode == "shared":
            joined.shared += 1
        else:
            joined.ambiguous += 1
        for probe_id in probes:
            joined.calls[probe_id].append((call, mode))
    return joined
