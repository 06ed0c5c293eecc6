"""The orchestration map: per probe kind, which anchor operations the answers rested on.

Built from the join (`_join.py`) and the probes' results, it flags what no answer-checking alone
can see:

* `not_consulted`: answers given without a call to the anchor that holds the truth
  ("answered 12 order questions, called the orders API for 3");
* `foreign_identity`: a call for a customer's question made as another customer;
* `no_identity`: such a call made with credentials but naming no customer (the service
  account's own scope, which sees every customer's data);
* `error_hidden`: the truth anchor answered 404 or 5xx (and never succeeded for that probe),
  and the answer still claimed something; `error_passed_on` (info): the answer did not;
* `nothing_recorded`: probes ran but the tap saw no call at all (is the assistant pointed at
  the proxies?);
* `untraced` (info, traces only): answered probes in whose trace no span arrived, so nothing
  is known of their calls: left out of `answered` and `consulted`, never "not consulted".

Direct and shared calls count as consulting; identity and error flags rest on direct calls
only, since a shared or ambiguous call may have served another probe.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from auditor._results import ProbeResult
from auditor._tap._join import RULE, Join, Mode, ProbeWindow, join_calls
from auditor._tap._model import (
    AnswerCalls,
    FlagName,
    KindMap,
    MapFlag,
    OperationCount,
    OrchestrationMap,
    TapCall,
)
from auditor._verdict import Verdict

_CLAIMING = (Verdict.PASS, Verdict.FAIL, Verdict.INDETERMINATE)
#: A claim that the subject does not exist passes a 404 on rather than hiding it.
_ABSENCE_VALUES = frozenset({"not_carried"})
_LISTED_PROBES = 50
_LISTED_CALLS = 50

Key = tuple[str, str]  # anchor, operation


def _outcome(call: TapCall) -> str:
    if call.status:
        return str(call.status)
    return "error" if call.error is not None else "ok"


def _is_error(call: TapCall) -> bool:
    return call.status == 404 or call.status >= 500 or call.error is not None


def _claimed(result: ProbeResult) -> bool:
    """The answer asserted something about the subject (not a deflection, not "no such")."""
    if result.verdict not in _CLAIMING or not result.judged:
        return False
    values = {str(result.claims[i].value) for i in result.judged if i < len(result.claims)}
    return not values <= _ABSENCE_VALUES


@dataclass(slots=True)
class _Tally:
    probes: int = 0
    answered: int = 0
    consulted: int = 0
    maybe: int = 0
    not_consulted: list[str] = field(default_factory=list)
    untraced: list[str] = field(default_factory=list)
    flagged: dict[FlagName, list[str]] = field(default_factory=lambda: defaultdict(list))
    calls: Counter[Key] = field(default_factory=Counter)
    modes: Counter[tuple[Key, Mode]] = field(default_factory=Counter)
    errors: Counter[Key] = field(default_factory=Counter)
    statuses: dict[Key, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    op_probes: dict[Key, set[str]] = field(default_factory=lambda: defaultdict(set))


def _count_calls(tally: _Tally, probe_id: str, calls: Sequence[tuple[TapCall, Mode]]) -> None:
    for call, mode in calls:
        key = (call.anchor or "?", call.operation_id or f"{call.method} {call.path}")
        tally.calls[key] += 1
        tally.modes[(key, mode)] += 1
        tally.errors[key] += _is_error(call)
        tally.statuses[key][_outcome(call)] += 1
        tally.op_probes[key].add(probe_id)


def _identity_flags(window: ProbeWindow, direct: Sequence[TapCall]) -> list[FlagName]:
    if window.customer_id is None:
        return []
    flags: list[FlagName] = []
    if any(c.identity is not None and c.identity != window.customer_id for c in direct):
        flags.append("foreign_identity")
    if any(c.identity is None and c.auth is not None for c in direct):
        flags.append("no_identity")
    return flags


def _error_flag(result: ProbeResult, truth: Sequence[TapCall]) -> FlagName | None:
    if not any(_is_error(c) for c in truth):
        return None
    if any(200 <= c.status < 300 for c in truth):
        return None  # the anchor did answer; an earlier 404 was a miss, not a dead end
    return "error_hidden" if _claimed(result) else "error_passed_on"


def _tally_probe(
    tally: _Tally,
    result: ProbeResult,
    window: ProbeWindow,
    anchor: str,
    calls: Sequence[tuple[TapCall, Mode]],
    untraced: bool = False,
) -> None:
    tally.probes += 1
    _count_calls(tally, window.probe_id, calls)
    if result.verdict is Verdict.ERROR:
        return
    if untraced:
        tally.untraced.append(window.probe_id)
        return
    tally.answered += 1
    if any(c.anchor == anchor for c, mode in calls if mode != "ambiguous"):
        tally.consulted += 1
    else:
        tally.not_consulted.append(window.probe_id)
        tally.maybe += any(c.anchor == anchor for c, mode in calls if mode == "ambiguous")
    direct = [c for c, mode in calls if mode == "direct"]
    for flag in _identity_flags(window, direct):
        tally.flagged[flag].append(window.probe_id)
    error = _error_flag(result, [c for c in direct if c.anchor == anchor])
    if error is not None:
        tally.flagged[error].append(window.probe_id)


def _operations(tally: _Tally) -> list[OperationCount]:
    rows = [
        OperationCount(
            anchor=key[0],
            operation_id=key[1],
            calls=n,
            shared=tally.modes[(key, "shared")],
            ambiguous=tally.modes[(key, "ambiguous")],
            probes=len(tally.op_probes[key]),
            errors=tally.errors[key],
            statuses=dict(sorted(tally.statuses[key].items())),
        )
        for key, n in tally.calls.items()
    ]
    return sorted(rows, key=lambda r: (-r.calls, r.anchor, r.operation_id))


_MESSAGES: dict[FlagName, str] = {
    "foreign_identity": "{n} {kind} answers rest on calls made as another customer",
    "no_identity": "{n} {kind} answers rest on calls in the service account's own scope "
    "(credentials, but no customer named)",
    "error_hidden": "{n} {kind} answers claimed something although the {anchor} API answered "
    "404 or 5xx",
    "error_passed_on": "{n} {kind} answers passed an error of the {anchor} API on",
}


def _flags(kind: str, anchor: str, tally: _Tally) -> list[MapFlag]:
    flags = []
    if tally.consulted < tally.answered:
        maybe = f" ({tally.maybe} more possibly, by ambiguous calls)" if tally.maybe else ""
        message = (
            f"answered {tally.answered} {kind} questions, called the {anchor} API for "
            f"{tally.consulted}{maybe}"
        )
        if not tally.consulted and not tally.maybe:
            message = f"answered {tally.answered} {kind} questions without calling the {anchor} API"
        flags.append(
            MapFlag(
                flag="not_consulted",
                kind=kind,
                count=tally.answered - tally.consulted,
                of=tally.answered,
                probe_ids=tally.not_consulted[:_LISTED_PROBES],
                message=message,
            )
        )
    if tally.untraced:
        flags.append(
            MapFlag(
                flag="untraced",
                severity="info",
                kind=kind,
                count=len(tally.untraced),
                of=tally.answered + len(tally.untraced),
                probe_ids=tally.untraced[:_LISTED_PROBES],
                message=f"{len(tally.untraced)} {kind} answers have no span in their trace: "
                "their calls are unknown (not counted as answered)",
            )
        )
    for name, template in _MESSAGES.items():
        ids = tally.flagged.get(name, [])
        if ids:
            flags.append(
                MapFlag(
                    flag=name,
                    severity="info" if name == "error_passed_on" else "warning",
                    kind=kind,
                    count=len(ids),
                    of=tally.answered,
                    probe_ids=ids[:_LISTED_PROBES],
                    message=template.format(n=len(ids), kind=kind, anchor=anchor),
                )
            )
    return flags


def _kind_map(kind: str, fact_kind: str, anchor: str, tally: _Tally) -> KindMap:
    flagged = tally.flagged
    return KindMap(
        kind=kind, fact_kind=fact_kind, truth_anchor=anchor, probes=tally.probes,
        answered=tally.answered, consulted=tally.consulted, maybe_consulted=tally.maybe,
        operations=_operations(tally),
        foreign_identity=len(flagged.get("foreign_identity", [])),
        no_identity=len(flagged.get("no_identity", [])),
        errors_hidden=len(flagged.get("error_hidden", [])),
        errors_passed_on=len(flagged.get("error_passed_on", [])),
    )  # fmt: skip


def orchestration_map(
    results: Sequence[ProbeResult],
    calls: Sequence[TapCall],
    truth_anchors: Mapping[str, str],
) -> OrchestrationMap:
    """The map of one audit; `truth_anchors` is fact kind -> the anchor it is read from."""
    return map_of_join(results, join_calls(results, calls), calls, truth_anchors)


_NOTHING = {
    "tap": "the tap recorded no anchor call at all: is the assistant pointed at the proxy URLs?",
    "traces": "no span of the assistant's called anything (no HTTP, database or tool span in "
    "any probe's trace): is its OTLP exporter pointed at the receiver, and its HTTP client "
    "instrumented?",
}


def _answer(result: ProbeResult, window: ProbeWindow, joined: Join) -> AnswerCalls:
    calls = sorted(joined.calls[result.probe_id], key=lambda pair: pair[0].started_at)
    return AnswerCalls(
        probe_id=result.probe_id,
        kind=window.kind,
        subject=window.subject,
        calls=[
            f"{call.anchor or '?'}.{call.operation_id or f'{call.method} {call.path}'} "
            f"{_outcome(call)}" + ("" if mode == "direct" else f" ({mode})")
            for call, mode in calls[:_LISTED_CALLS]
        ],
    )


def map_of_join(
    results: Sequence[ProbeResult],
    joined: Join,
    calls: Sequence[TapCall],
    truth_anchors: Mapping[str, str],
    *,
    source: Literal["tap", "traces"] = "tap",
    rule: str = RULE,
    untraced: frozenset[str] = frozenset(),
) -> OrchestrationMap:
    """The map from calls already joined to the probes (by the tap's windows, or by trace)."""
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    fact_kinds: dict[str, str] = {}
    for result in results:
        window = joined.windows[result.probe_id]
        fact_kinds[window.kind] = window.fact_kind
        anchor = truth_anchors.get(window.fact_kind, window.fact_kind)
        calls_of = joined.calls[result.probe_id]
        missing = result.probe_id in untraced
        _tally_probe(tallies[window.kind], result, window, anchor, calls_of, missing)
    kinds, flags = [], []
    for kind in sorted(tallies):
        anchor = truth_anchors.get(fact_kinds[kind], fact_kinds[kind])
        kinds.append(_kind_map(kind, fact_kinds[kind], anchor, tallies[kind]))
        flags += _flags(kind, anchor, tallies[kind])
    if results and not calls:
        flags.insert(
            0, MapFlag(flag="nothing_recorded", kind=None, count=0, of=len(results),
                       message=_NOTHING[source]),
        )  # fmt: skip
    return OrchestrationMap(
        calls=len(calls), direct=joined.direct, shared=joined.shared,
        ambiguous=joined.ambiguous, unattributed=joined.unattributed,
        unmatched=sum(1 for c in calls if c.operation_id is None),
        by_kind=kinds, flags=flags, rule=rule, source=source,
        answers=[
            _answer(r, joined.windows[r.probe_id], joined)
            for r in results
            if r.verdict is not Verdict.ERROR and r.probe_id not in untraced
        ],
    )  # fmt: skip
