"""What the suites ask for, against what the data and the plan let the audit ask.

An audit must never look complete when part of what it was told to ask vanished on the way: a
mapping that reads no record, an edge class without a subject, a probe kind the plan could not
draw. These pure functions say what was asked for, so that the audit can refuse a snapshot that
holds nothing to ask about (exit 2), list each edge class with no subject as not covered, and
hold back readiness while a probe kind went unasked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from auditor._facts import Snapshot
from auditor._probes._kinds import PROBE_KINDS
from auditor._probes._model import Probe
from auditor._probes._planner import askable
from auditor._probes._scope import PlanScope
from auditor._probes._suites import KindPlan

#: Why a probe kind the suites name has no probe in the plan, and whether that blocks READY.
#: Outside the scope is the production profile's own choice (no test customers, rotation),
#: said in its notes; the others mean the audit could not ask what it was told to.
NO_SUBJECT = "no subject in the data"
OUT_OF_SCOPE = "outside the profile's scope"
NO_BUDGET = "the probe budget (max_probes) ran out before it"
#: Whether a kind left unplanned for that reason keeps the audit from READY. A kind with no
#: subject is a mapping that cannot serve it (no `on_hand`, no `eta`): never READY on it. A
#: kind the user's own `max_probes` did not reach is listed as not asked in every format but
#: does not block, so that a quick 20-probe look can still pass.
#: A kind whose subjects a healthy shop may lack (`ProbeKind.may_lack_subjects`) never blocks.
BLOCKING = {NO_SUBJECT: True, OUT_OF_SCOPE: False, NO_BUDGET: False}


def asked_fact_kinds(suites: Iterable[KindPlan]) -> dict[str, list[str]]:
    """Fact kind -> the probe kinds of the suites that are judged against it."""
    found: dict[str, list[str]] = {}
    for plan in suites:
        found.setdefault(PROBE_KINDS[plan.kind].fact_kind, []).append(plan.kind)
    return found


def asked_edge_classes(suites: Iterable[KindPlan]) -> list[str]:
    """The edge classes the suites draw subjects from (a weight of 0 leaves one out)."""
    names = {
        edge_class
        for plan in suites
        for edge_class in PROBE_KINDS[plan.kind].edge_classes
        if plan.weights.get(edge_class, 1)
    }
    return sorted(names)


def unread_fact_kinds(snapshot: Snapshot, suites: Iterable[KindPlan]) -> dict[str, list[str]]:
    """Fact kinds the suites probe of which the snapshot holds no record, with their kinds."""
    counts = {"stock": len(snapshot.stock), "orders": len(snapshot.orders)}
    counts["returns"] = len(snapshot.returns)
    return {k: kinds for k, kinds in asked_fact_kinds(suites).items() if not counts.get(k)}


def not_planned(
    snapshot: Snapshot, suites: Sequence[KindPlan], plan: Iterable[Probe], scope: PlanScope | None
) -> dict[str, str]:
    """Probe kind -> why the (whole, unsharded) plan holds none of it."""
    planned = {p.kind for p in plan}
    reasons: dict[str, str] = {}
    for kind_plan in suites:
        if kind_plan.kind in planned:
            continue
        if not askable(snapshot, kind_plan):
            reasons[kind_plan.kind] = NO_SUBJECT
        elif scope is not None and not askable(snapshot, kind_plan, scope):
            reasons[kind_plan.kind] = OUT_OF_SCOPE
        else:
            reasons[kind_plan.kind] = NO_BUDGET
    return reasons


def asked_record(
    snapshot: Snapshot, suites: Sequence[KindPlan], plan: Iterable[Probe], scope: PlanScope | None
) -> dict[str, Any]:
    """What `meta.json` keeps under `asked`, for the reports (`auditor/_report/_coverage.py`)."""
    return {
        "kinds": sorted({p.kind for p in suites}),
        "edge_classes": asked_edge_classes(suites),
        "not_planned": {
            kind: {
                "reason": reason,
                "blocking": BLOCKING[reason] and not PROBE_KINDS[kind].may_lack_subjects,
            }
            for kind, reason in sorted(not_planned(snapshot, suites, plan, scope).items())
        },
    }


def unasked_kinds(
    asked: Mapping[str, Any], answered: Mapping[str, int], errored: Mapping[str, int]
) -> dict[str, str]:
    """Probe kind -> why it counts as not asked: not planned (blocking), or every probe an error.

    `answered` counts each kind's probes with a verdict other than `error`, `errored` those with
    `error`; both from the audit's own results, so a shard judges only its slice.
    """
    missing = {
        kind: str(entry.get("reason", NO_SUBJECT))
        for kind, entry in (asked.get("not_planned") or {}).items()
        if entry.get("blocking", True)
    }
    for kind, errors in errored.items():
        if errors and not answered.get(kind):
            missing[kind] = f"all {errors} of its probes ended in an error"
    return dict(sorted(missing.items()))
