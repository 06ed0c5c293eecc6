"""Reading a stored result's truth and claims, the way every metric and view needs them."""

from __future__ import annotations

from collections.abc import Mapping

from auditor._judge import WRONG_ASIDE
from auditor._probes import PROBE_KINDS
from auditor._results import ProbeResult, TruthRecord
from auditor._verdict import Verdict

#: The word in a fact that a probe's claim is compared with, per fact kind.
TRUTH_FIELD: Mapping[str, str] = {"stock": "availability", "orders": "status", "returns": "status"}

#: Anchor names when an audit did not record its own (older audit directories).
DEFAULT_ANCHORS: Mapping[str, str] = {
    "stock": "inventory",
    "orders": "orders",
    "returns": "returns",
}


def anchor_of(fact_kind: str, anchors: Mapping[str, str]) -> str:
    return anchors.get(fact_kind) or DEFAULT_ANCHORS.get(fact_kind, fact_kind)


def fact_kind(result: ProbeResult) -> str:
    return str(result.probe.get("fact_kind", ""))


def truth(result: ProbeResult) -> TruthRecord | None:
    """The truth the verdict was reached on: the re-read when there was one."""
    return result.truth_after or result.truth_before


def subject_missing(result: ProbeResult) -> bool:
    """The anchor said the subject does not exist."""
    record = truth(result)
    return record is not None and record.fact is None


def _truth_field(result: ProbeResult) -> str:
    """The fact field the probe's claims were compared with: its kind's, when registered."""
    kind = str(result.probe.get("kind", ""))
    if kind in PROBE_KINDS:
        registered = PROBE_KINDS[kind]
        if result.label == WRONG_ASIDE and registered.judged_as is not None:
            return PROBE_KINDS[registered.judged_as].truth_field
        return registered.truth_field
    return TRUTH_FIELD.get(fact_kind(result), "status")


def truth_word(result: ProbeResult) -> str:
    record = truth(result)
    if record is None:
        return "unknown"
    if record.fact is None:
        return "does not exist"
    return str(record.fact.get(_truth_field(result), "unknown"))


def judged_values(result: ProbeResult) -> frozenset[str]:
    """The values of the claims the verdict rests on; empty for non-answers."""
    if result.verdict not in (Verdict.PASS, Verdict.FAIL, Verdict.INDETERMINATE):
        return frozenset()
    return frozenset(
        str(result.claims[i].value) for i in result.judged if 0 <= i < len(result.claims)
    )


def judged_spans(result: ProbeResult) -> list[tuple[int, int]]:
    return sorted(result.claims[i].span for i in result.judged if 0 <= i < len(result.claims))


def question(result: ProbeResult) -> str:
    """The question asked; a conversation's turns in order, joined by arrows."""
    turns = result.probe.get("turns") or [""]
    return " → ".join(str(t) for t in turns)
