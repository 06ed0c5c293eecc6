"""Stop when decided: is the gate's outcome already known from the answers so far?

Under `[audit] stop = "decided"` the runner asks the plan in its order (the planner's coverage
rounds first, `_probes/_order.py`: every edge class and probe kind, then `min_per_class` draws
of every class, then its buckets round-robin by weight) and, after each
finished probe, asks `decide_stop` whether more questions could change the outcome:

* NOT READY is decided as soon as one gate check is decided against: a share whose whole
  interval (at `[gate] confidence`, 0.95 when unset) lies on the wrong side of its threshold, or
  a count past its maximum (counts only grow: a zero-tolerance check — a hallucination, an
  item said available with none to sell, a privacy leak, an injection obeyed, a wrong subject —
  fails at its first occurrence). No later
  answer can undo either, so waiting for coverage would only spend questions.
* READY is decided when every check is decided for (each share's whole interval on the right
  side, each count within its maximum), every edge class of the plan has `min_per_class`
  answers (or all its plan holds, when fewer) and every probe kind of the plan at least one: a
  count that is still within its maximum is only evidence once each class has been asked. A
  consistency or re-contact group is one answer for its class (`answer_unit`): its questions
  repeat one question about one subject, to compare the answers, and six answers about one
  item say no more about the class than one does. The planner deals the classes in the same
  units (`_probes/_order.py`), so `min_per_class` answers in every class come early.
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
from auditor._report._gate import gate_checks
from auditor._report._metrics import MetricsTally
from auditor._report._model import Metrics, StopRecord
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


def answer_unit(probe: Any) -> str | None:
    """The group a probe (a `Probe` or its stored JSON) belongs to, when its questions repeat
    one question about one subject to compare the answers (a consistency or re-contact group):
    such a group is one answer for its edge class, however many questions it holds. None for
    any other probe, each of which is an answer of its own."""
    if isinstance(probe, Mapping):
        params = probe.get("params") or {}
        found = params.get("group") or params.get("recontact") if isinstance(params, dict) else None
        kind = probe.get("kind")
    else:
        found = probe.param("group") or probe.param("recontact")
        kind = probe.kind
    return None if found is None else f"{kind}|{found}"


@dataclass(frozen=True, slots=True)
class StopPlan:
    """What the stop rule needs to know of the plan (or a shard's slice of it)."""

    confidence: float
    min_per_class: int
    edge_classes: frozenset[str]
    kinds: frozenset[str]
    #: Edge classes whose plan holds fewer answers than `min_per_class` (a class with one
    #: subject and two phrasings has two questions to ask): the answers it holds, which is all
    #: that class can be asked for; without it, the audit could never stop as READY.
    short: Mapping[str, int] = field(default_factory=dict)

    def needed(self, edge_class: str) -> int:
        """Answers the class needs before the audit may stop as READY."""
        return min(self.min_per_class, self.short.get(edge_class, self.min_per_class))

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": "decided",
            "confidence": self.confidence,
            "min_per_class": self.min_per_class,
            "edge_classes": sorted(self.edge_classes),
            "kinds": sorted(self.kinds),
            "short": dict(sorted(self.short.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StopPlan:
        return cls(
            confidence=float(data["confidence"]),
            min_per_class=int(data["min_per_class"]),
            edge_classes=frozenset(data.get("edge_classes") or ()),
            kinds=frozenset(data.get("kinds") or ()),
            short={str(k): int(v) for k, v in (data.get("short") or {}).items()},
        )

    @classmethod
    def of(cls, probes: Iterable[Any], confidence: float | None, min_per_class: int) -> StopPlan:
        """The rule for these probes (`Probe`s): their edge classes, kinds and the answers
        each class can have (a group counted once, `answer_unit`)."""
        units: dict[str, set[str]] = {}
        kinds: set[str] = set()
        for probe in probes:
            kinds.add(probe.kind)
            if probe.edge_class is not None:
                units.setdefault(probe.edge_class, set()).add(answer_unit(probe) or probe.id)
        return cls(
            confidence=DEFAULT_CONFIDENCE if confidence is None else confidence,
            min_per_class=min_per_class,
            edge_classes=frozenset(units),
            kinds=frozenset(kinds),
            short={c: len(u) for c, u in sorted(units.items()) if len(u) < min_per_class},
        )

    def union(self, other: StopPlan) -> StopPlan:
        """The rule over two slices of one plan (a merge of shards)."""
        classes = self.edge_classes | other.edge_classes
        held = {
            c: (self.needed(c) if c in self.edge_classes else 0)
            + (other.needed(c) if c in other.edge_classes else 0)
            for c in classes
        }
        return StopPlan(
            self.confidence,
            self.min_per_class,
            classes,
            self.kinds | other.kinds,
            {c: n for c, n in sorted(held.items()) if n < self.min_per_class},
        )


@dataclass(frozen=True, slots=True)
class Decision:
    decided: bool
    #: True: READY; False: NOT READY; None: undecided.
    ready: bool | None
    why: str


class GateTally:
    """The counts the gate reads, kept as results arrive: the reports' own `MetricsTally`
    (so the gate decides on the same counts), less the latencies it does not read, and less
    the deadline's cuts, which were never asked; beside it, the answers per edge class and
    per probe kind that `min_per_class` needs."""

    def __init__(self) -> None:
        self.counts = MetricsTally(latencies=False)
        #: Answers (verdicts other than `error`) per edge class, a group's once
        #: (`answer_unit`), and per probe kind.
        self.by_class: Counter[str] = Counter()
        self.by_kind: Counter[str] = Counter()
        self._units: set[str] = set()

    def add(self, result: ProbeResult) -> None:
        if result.reason == DEADLINE_REASON:
            return
        self.counts.add(result)
        if result.verdict is not Verdict.ERROR:
            edge_class = result.probe.get("edge_class")
            unit = answer_unit(result.probe)
            if edge_class is not None and (unit is None or unit not in self._units):
                self.by_class[str(edge_class)] += 1
                if unit is not None:
                    self._units.add(unit)
            self.by_kind[str(result.probe.get("kind"))] += 1

    def metrics(self) -> Metrics:
        """The gate's metrics, as `compute_metrics` has them for the same results."""
        return self.counts.metrics()


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
        f"edge class {name} has {tally.by_class[name]} of {plan.needed(name)} answers"
        for name in sorted(plan.edge_classes)
        if tally.by_class[name] < plan.needed(name)
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
