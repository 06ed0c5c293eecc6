"""How many distinct probes the shop's data supports, and why a budget was not filled.

A budget of 10,000 on a 1,000-item shop may plan 6,874 probes. Two things bound a plan, and
the audit says which: the data (a bucket, one probe kind × edge class, can ask at most
subjects × phrasings × mention forms × customers distinct questions) and the planner's shares
(each bucket draws about its weighted share of the budget, so what a small bucket cannot use is
not taken up by the others). This module computes both from the same inputs as the planner,
without planning: pure functions of the snapshot and the suites. The figures are upper bounds
on distinct questions; the planner's own count is what was planned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from auditor._facts import Snapshot
from auditor._instructions import DEFAULT_RULES, InstructionRules
from auditor._probes._kinds import PROBE_KINDS, ProbeKind
from auditor._probes._planner import CONSISTENCY_PHRASINGS, RECONTACT_SESSIONS
from auditor._probes._scope import PlanScope
from auditor._probes._strategies import MENTIONS, _customers, subjects
from auditor._probes._suites import KindPlan


@dataclass(frozen=True, slots=True)
class BucketCapacity:
    kind: str
    edge_class: str
    #: Distinct questions the data supports; None when unbounded (made-up unknown SKUs).
    distinct: int | None
    #: How: "60 subjects × 3 phrasings × 5 mention forms".
    how: str
    #: The bucket's share of the budget, as the planner draws it (weight, at least 2, + 2).
    share: int


def _factors(
    snapshot: Snapshot,
    plan: KindPlan,
    kind: ProbeKind,
    edge_class: str,
    scope: PlanScope | None,
    rules: InstructionRules,
    channels: int,
) -> list[tuple[int | None, str]]:
    if kind.drawn_from is not None:
        found: list[tuple[int | None, str]] = [(len(kind.drawn_from(snapshot)), "nouns")]
    elif kind.subject_exists:
        found = [(len(subjects(snapshot, kind, edge_class, scope, rules)), "subjects")]
    else:
        found = [(None, "unknown SKUs (unbounded)")]
    found.append((len(plan.phrasings), "phrasings"))
    if kind.drawn_from is None and kind.fact_kind == "stock":
        found.append((len(MENTIONS), "mention forms"))
    if kind.identity == "stranger":
        found.append((max(0, len(_customers(snapshot, scope)) - 1), "other customers"))
    if kind.name == "consistency":
        found.append((channels, "channels"))
    elif kind.conversation == "recontact":
        found.append((RECONTACT_SESSIONS + channels - 1, "attempts"))
    else:
        found.append((1, "channel (rotated)"))
    return found


def bucket_capacities(
    snapshot: Snapshot,
    suites: Sequence[KindPlan],
    *,
    max_probes: int,
    channels: int,
    scope: PlanScope | None = None,
    rules: InstructionRules = DEFAULT_RULES,
) -> list[BucketCapacity]:
    """Every bucket the planner would draw from, with its distinct questions and its share."""
    rows: list[tuple[KindPlan, ProbeKind, str, int]] = [
        (plan, PROBE_KINDS[plan.kind], edge, plan.weights.get(edge, 1))
        for plan in suites
        for edge in PROBE_KINDS[plan.kind].edge_classes
        if plan.weights.get(edge, 1)
    ]
    out = []
    factors = {
        (plan.kind, edge): _factors(snapshot, plan, kind, edge, scope, rules, channels)
        for plan, kind, edge, _ in rows
    }
    live = [
        (plan, edge, weight)
        for plan, _, edge, weight in rows
        if _distinct(factors[(plan.kind, edge)]) != 0
    ]
    total_weight = sum(weight for _, _, weight in live) or 1
    for plan, edge, weight in live:
        parts = factors[(plan.kind, edge)]
        share = max(2, -(-max_probes * weight // total_weight)) + 2
        if plan.kind == "consistency":
            share *= min(CONSISTENCY_PHRASINGS, len(plan.phrasings)) * channels
        how = " × ".join(f"{'' if n is None else f'{n:,} '}{noun}" for n, noun in parts if n != 1)
        out.append(BucketCapacity(plan.kind, edge, _distinct(parts), how or "1", share))
    return out


def _distinct(parts: Iterable[tuple[int | None, str]]) -> int | None:
    total: int | None = 1
    for n, _ in parts:
        if n is None:
            total = None
        elif n == 0:
            return 0
        elif total is not None:
            total *= n
    return total


def budget_note(
    max_probes: int, planned: int, buckets: Sequence[BucketCapacity], asked: Mapping[str, int]
) -> str | None:
    """Why a plan is smaller than its budget, in a sentence or two; None when it is not.

    `asked` counts the planned probes per kind. Names the bound that bit: the data's (fewer
    distinct questions in all than the budget), else the shares (buckets whose data holds
    fewer questions than their share leave that part of the budget unused).
    """
    if planned >= max_probes:
        return None
    bounded = [b.distinct for b in buckets]
    head = f"budget {max_probes:,}, planned {planned:,}"
    if bounded and None not in bounded:
        supported = sum(d for d in bounded if d is not None)
        if supported < max_probes:
            return (
                f"{head}: the shop's data supports at most {supported:,} distinct probes "
                f"({_largest(buckets)})"
            )
    short = sorted(
        (b for b in buckets if b.distinct is not None and b.distinct < b.share),
        key=lambda b: (b.distinct or 0) - b.share,
    )
    if short:
        unused = sum(b.share - (b.distinct or 0) for b in short)
        named = "; ".join(
            f"{b.kind} × {b.edge_class}: {b.how} = {b.distinct:,} of a share of {b.share:,}"
            for b in short[:3]
        )
        return (
            f"{head}: each probe kind × edge class draws its weighted share of the budget, and "
            f"{len(short)} of {len(buckets)} have fewer distinct questions than their share "
            f"(about {unused:,} probes left unused; {named})"
        )
    kinds = ", ".join(f"{k} {n:,}" for k, n in Counter(asked).most_common(3))
    return f"{head}: the draws repeated questions already planned ({kinds})"


def _largest(buckets: Sequence[BucketCapacity]) -> str:
    top = sorted(buckets, key=lambda b: -(b.distinct or 0))[:3]
    return "; ".join(f"{b.kind} × {b.edge_class}: {b.how}" for b in top)
