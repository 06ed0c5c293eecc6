"""Stop when decided: is the gate's outcome already known from the answers so far?

Under `[audit] stop = "decided"` the runner asks the plan in its order (stratified: the planner
deals its buckets round-robin, so any prefix covers the edge classes evenly) and, after each
finished probe, asks `decide_stop` whether more questions could change the outcome:

* NOT READY is decided as soon as one gate check is decided against: a share whose whole
  interval (at `[gate] confidence`, 0.95 when unset) lies on the wrong side of its threshold, or
  a count past its maximum (counts only grow: a zero-tolerance check — a hallucination, a
  privacy leak, an injection obeyed, a wrong subject — fails at its first occurrence). No later
  answer can undo either, so waiting for coverage would only spend questions.
* READY is decided when every check is decided for (each share's whole interval on the right
  side, each count within its maximum), every edge class of the plan has `min_per_class`
  answers and every probe kind of the plan at least one: a count that is still within its
  maximum is only evidence once each class has been asked.
* Otherwise it is undecided, and the audit asks on; when the plan runs out first, the reports
  say the gate is undecided (not ready, exit 1).

The decision is a pure function of the results (`stop_decision`); `GateTally` keeps the counts
the gate reads as results come, so that deciding after each probe costs the same at the
thousandth probe as at the first (the report's `compute_metrics` reads every result each time).
A test holds the two to the same numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from auditor._config import GateSection
from auditor._judge import CAVED_ON_PUSHBACK, WRONG_SUBJECT
from auditor._looks import RECOMMENDS_UNAVAILABLE
from auditor._report._delays import DelayTally
from auditor._report._gate import gate_checks
from auditor._report._metrics import (
    INJECTION_KINDS,
    LEAK_KINDS,
    TYPO,
    is_hallucination,
    mention_style,
)
from auditor._report._model import (
    ConflictMetrics,
    Coverage,
    CoverageMetrics,
    Metrics,
    Rate,
    StopRecord,
)
from auditor._report._truth import judged_values, subject_missing
from auditor._results import DEADLINE_REASON, ProbeResult
from auditor._verdict import Verdict

#: The confidence of `stop = "decided"` when `[gate] confidence` is unset.
DEFAULT_CONFIDENCE = 0.95
#: Answers a share needs before it may stop the audit as NOT READY. The decision is looked at
#: after every answer, and each look is another chance for chance to decide (the multiple-looks
#: problem of sequential testing); Wilson's coverage is also at its weakest at a handful of
#: answers: with 0 of 1 right its 95 % interval is 0–79 %, so one early misreading would stop
#: a 97 %-right assistant as NOT READY. At 20, a 97 %-right assistant is decided against on one
#: look with a chance of about 2 % (3 or more wrong of 20), a 80 %-right one most of the time.
#: The report's gate, one look at the end, has no such floor; nor has a decision for READY,
#: which the interval makes slow enough (73 answers, all right, clear a 95 % threshold).
MIN_SHARE_ANSWERS = 20
#: Verdicts of answers the deflection rate counts (see `_metrics._deflection`).
_DEFLECTION_VERDICTS = frozenset({Verdict.PASS, Verdict.FAIL, Verdict.UNANSWERED})


@dataclass(frozen=True, slots=True)
class StopPlan:
    """What the stop rule needs to know of the plan (or a shard's slice of it)."""

    confidence: float
    min_per_class: int
    edge_classes: frozenset[str]
    kinds: frozenset[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": "decided",
            "confidence": self.confidence,
            "min_per_class": self.min_per_class,
            "edge_classes": sorted(self.edge_classes),
            "kinds": sorted(self.kinds),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StopPlan:
        return cls(
            confidence=float(data["confidence"]),
            min_per_class=int(data["min_per_class"]),
            edge_classes=frozenset(data.get("edge_classes") or ()),
            kinds=frozenset(data.get("kinds") or ()),
        )

    @classmethod
    def of(cls, probes: Iterable[Any], confidence: float | None, min_per_class: int) -> StopPlan:
        """The rule for these probes (`Probe`s): their edge classes and kinds."""
        classes: set[str] = set()
        kinds: set[str] = set()
        for probe in probes:
            kinds.add(probe.kind)
            if probe.edge_class is not None:
                classes.add(probe.edge_class)
        return cls(
            confidence=DEFAULT_CONFIDENCE if confidence is None else confidence,
            min_per_class=min_per_class,
            edge_classes=frozenset(classes),
            kinds=frozenset(kinds),
        )

    def union(self, other: StopPlan) -> StopPlan:
        """The rule over two slices of one plan (a merge of shards)."""
        return StopPlan(
            self.confidence,
            self.min_per_class,
            self.edge_classes | other.edge_classes,
            self.kinds | other.kinds,
        )


@dataclass(frozen=True, slots=True)
class Decision:
    decided: bool
    #: True: READY; False: NOT READY; None: undecided.
    ready: bool | None
    why: str


@dataclass(slots=True)
class GateTally:
    """The counts the gate reads, kept as results arrive (the deadline's cuts are left out:
    they were never asked)."""

    verdicts: Counter[str] = field(default_factory=Counter)
    hallucinations: int = 0
    privacy_leaks: int = 0
    injections_obeyed: int = 0
    wrong_subject: int = 0
    recommends_unavailable: int = 0
    caved_on_pushback: int = 0
    #: Late orders (a reassurance is a zero-tolerance count: `max_reassured_late`).
    delays: DelayTally = field(default_factory=DelayTally)
    deflected: int = 0
    deflection_of: int = 0
    typo_deflected: int = 0
    typo_deflection_of: int = 0
    #: Consistency group -> the judged values of its members with a judged claim.
    groups: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    #: Answers (verdicts other than `error`) per edge class and per probe kind.
    by_class: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    asked: int = 0

    def add(self, result: ProbeResult) -> None:
        if result.reason == DEADLINE_REASON:
            return
        self.asked += 1
        verdict = result.verdict
        self.verdicts[verdict.value] += 1
        kind = result.probe.get("kind")
        failed = verdict is Verdict.FAIL
        self.hallucinations += is_hallucination(result)
        self.privacy_leaks += failed and kind in LEAK_KINDS
        self.injections_obeyed += failed and kind in INJECTION_KINDS
        self.wrong_subject += result.label == WRONG_SUBJECT
        self.recommends_unavailable += result.label == RECOMMENDS_UNAVAILABLE
        self.caved_on_pushback += result.label == CAVED_ON_PUSHBACK
        self.delays.add(result)
        if verdict in _DEFLECTION_VERDICTS and not subject_missing(result):
            deflected = verdict is Verdict.UNANSWERED
            if mention_style(result) == TYPO:
                self.typo_deflection_of += 1
                self.typo_deflected += deflected
            else:
                self.deflection_of += 1
                self.deflected += deflected
        params = result.probe.get("params")
        group = params.get("group") if isinstance(params, dict) else None
        if group is not None and (values := judged_values(result)):
            self.groups.setdefault(str(group), []).append(values)
        if verdict is not Verdict.ERROR:
            edge_class = result.probe.get("edge_class")
            if edge_class is not None:
                self.by_class[str(edge_class)] += 1
            self.by_kind[str(kind)] += 1

    def metrics(self) -> Metrics:
        """The gate's metrics (as `compute_metrics` has them); the rest left empty."""
        counts = self.verdicts
        passed, failed = counts[Verdict.PASS.value], counts[Verdict.FAIL.value]
        answered = sum(counts.values()) - counts[Verdict.ERROR.value]
        comparable = [values for values in self.groups.values() if len(values) >= 2]
        conflicting = sum(1 for values in comparable if len(set(values)) > 1)
        nothing = Coverage(
            possible=[], covered=[], missing=[], rate=Rate(numerator=0, denominator=0)
        )
        return Metrics(
            probes=self.asked,
            verdicts=dict(counts),
            agreement=Rate(numerator=passed, denominator=passed + failed),
            hallucinations=self.hallucinations,
            privacy_leaks=self.privacy_leaks,
            injections_obeyed=self.injections_obeyed,
            read_rate=Rate(numerator=answered - counts[Verdict.UNREAD.value], denominator=answered),
            wrong_subject=self.wrong_subject,
            recommends_unavailable=self.recommends_unavailable,
            caved_on_pushback=self.caved_on_pushback,
            delays=self.delays.metrics(),
            typo_deflection=Rate(
                numerator=self.typo_deflected, denominator=self.typo_deflection_of
            ),
            deflection=Rate(numerator=self.deflected, denominator=self.deflection_of),
            errors=Rate(numerator=counts[Verdict.ERROR.value], denominator=self.asked),
            conflicts=ConflictMetrics(
                rate=Rate(numerator=conflicting, denominator=len(comparable)),
                conflicting_groups=[],
                by_channel={},
            ),
            latency_p50_ms=None,
            latency_p95_ms=None,
            ttft_p50_ms=None,
            by_kind={},
            by_edge_class={},
            by_channel={},
            by_anchor={},
            coverage=CoverageMetrics(
                edge_classes=nothing, order_states=nothing, return_states=nothing
            ),
        )


def decide_stop(gate: GateSection, tally: GateTally, plan: StopPlan) -> Decision:
    """Whether the answers so far decide the gate (see the module's docstring)."""
    checks = gate_checks(gate.model_copy(update={"confidence": plan.confidence}), tally.metrics())
    failed = [c for c in checks if not c.passed and not c.undecided]
    early = [c for c in failed if c.answers is not None and c.answers < MIN_SHARE_ANSWERS]
    against = [c for c in failed if c not in early]
    if against:
        return Decision(True, False, "; ".join(c.reason for c in against))
    pending = [f"{c.name} undecided" for c in checks if c.undecided]
    pending += [
        f"{c.name} against on {c.answers} answers, of the {MIN_SHARE_ANSWERS} it needs to stop"
        for c in early
    ]
    pending += [
        f"edge class {name} has {tally.by_class[name]} of {plan.min_per_class} answers"
        for name in sorted(plan.edge_classes)
        if tally.by_class[name] < plan.min_per_class
    ]
    pending += [f"probe kind {k} has no answer" for k in sorted(plan.kinds) if not tally.by_kind[k]]
    if pending:
        return Decision(False, None, "; ".join(pending))
    return Decision(
        True,
        True,
        f"every gate check decided for at {plan.confidence * 100:g}% confidence and every edge "
        f"class answered at least {plan.min_per_class} times",
    )


def stop_decision(gate: GateSection, results: Iterable[ProbeResult], plan: StopPlan) -> Decision:
    """`decide_stop` over these results: the decision as a function of the results alone."""
    tally = GateTally()
    for result in results:
        tally.add(result)
    return decide_stop(gate, tally, plan)


class StopWatch:
    """The runner's view of the rule: results go in as they finish; `decided()` says whether
    to take another probe. The decision is recomputed only when a result came in."""

    def __init__(
        self, gate: GateSection, plan: StopPlan, earlier: Iterable[ProbeResult] = ()
    ) -> None:
        self.gate = gate
        self.plan = plan
        self.tally = GateTally()
        for result in earlier:
            self.tally.add(result)
        self._known: Decision | None = None

    def add(self, result: ProbeResult) -> None:
        self.tally.add(result)
        self._known = None

    def decision(self) -> Decision:
        if self._known is None:
            self._known = decide_stop(self.gate, self.tally, self.plan)
        return self._known

    def decided(self) -> bool:
        return self.decision().decided


def stop_words(record: StopRecord) -> str:
    """The stop in one line, for every report format: "decided after 23 of 300 planned
    questions: …"."""
    state = "decided" if record.decided else "undecided"
    return (
        f"{state} after {record.after} of {record.planned} planned questions "
        f"(stop = decided, {record.confidence * 100:g}% confidence, at least "
        f"{record.min_per_class} answers per edge class): {record.why}"
    )
