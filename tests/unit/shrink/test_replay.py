"""Replay verdicts: fixed, still failing, not fixed or error, and the exit they add up to."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._probes import PROBE_KINDS, Probe
from auditor._probes._planner import DrawRenderer
from auditor._probes._strategies import Draw
from auditor._results import ProbeResult
from auditor._shrink import (
    MinimalCase,
    ReplayReport,
    failure_pattern,
    replay_cases,
    status_of,
)
from auditor._verdict import Verdict
from tests.unit.shrink._data import SUITES, judged, shop

SNAPSHOT = shop()
KIND = PROBE_KINDS["stock.availability"]
PROBE = DrawRenderer(SNAPSHOT, SUITES[KIND.name], KIND, "catalogued_out_of_stock", "sms").probe(
    Draw("KT-0021", 0, "name")
)
FAILED = judged(SNAPSHOT, PROBE, fails=True)
CASE = MinimalCase(
    kind=KIND.name,
    edge_class="catalogued_out_of_stock",
    pattern=str(failure_pattern(FAILED)),
    probe=PROBE.to_json(),
    result=FAILED,
    original_probe_id=PROBE.id,
    examples=3,
    asked=1,
    stopped="done",
)


def now(verdict: Verdict, said: str | None = None) -> ProbeResult:
    result = judged(SNAPSHOT, PROBE, fails=verdict is Verdict.FAIL)
    if said is not None:
        result = result.model_copy(
            update={"claims": [result.claims[0].model_copy(update={"value": said})]}
        )
    return result.model_copy(update={"verdict": verdict})


@pytest.mark.parametrize(
    ("result", "status"),
    [
        (now(Verdict.PASS), "fixed"),
        (now(Verdict.FAIL), "still failing"),
        (now(Verdict.FAIL, said="backorder"), "not fixed"),
        (now(Verdict.UNANSWERED), "not fixed"),
        (now(Verdict.INDETERMINATE), "not fixed"),
        (now(Verdict.ERROR), "error"),
    ],
)
def test_each_verdict_now_has_one_status(result, status):
    assert status_of(CASE, result) == status


class Judge:
    """Answers as the assistant would once fixed, and remembers what it was asked."""

    def __init__(self) -> None:
        self.asked: list[Probe] = []

    async def run(self, probe: Probe) -> ProbeResult:
        self.asked.append(probe)
        return judged(SNAPSHOT, probe, fails=False)


async def test_a_replay_asks_the_stored_probe_and_falls_back_to_a_known_channel():
    judge = Judge()
    (same,) = await replay_cases([CASE], judge, ["sms"])
    assert judge.asked == [PROBE] and same.status == "fixed" and not same.truth_changed
    (moved,) = await replay_cases([CASE], judge, ["web"])
    assert judge.asked[-1].channel is None and judge.asked[-1].id == PROBE.id
    assert moved.probe_id == PROBE.id and moved.question == PROBE.turns[0]


def report(*statuses: Verdict) -> ReplayReport:
    cases = [
        {
            "kind": "k",
            "edge_class": None,
            "probe_id": "p",
            "question": "q",
            "pattern": CASE.pattern,
            "then": FAILED,
            "now": now(v),
            "status": status_of(CASE, now(v)),
            "truth_changed": False,
        }
        for v in statuses
    ]
    return ReplayReport.model_validate(
        {"run_id": "r", "replayed_at": datetime.now(UTC), "cases": cases}
    )


def test_outcome_any_failure_wins_then_errors_then_fixed():
    assert report().outcome == "fixed"
    assert report(Verdict.PASS, Verdict.PASS).outcome == "fixed"
    assert report(Verdict.PASS, Verdict.ERROR).outcome == "could not run"
    assert report(Verdict.ERROR, Verdict.FAIL).outcome == "failing"
    assert report(Verdict.UNANSWERED).outcome == "failing"
