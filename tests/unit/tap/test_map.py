"""The orchestration map's flags: what answers rested on, and what they should have."""

from __future__ import annotations

from auditor._tap import orchestration_map
from auditor._verdict import Verdict
from tests.unit.tap._build import call, probe

ANCHORS = {"stock": "inventory", "orders": "orders", "returns": "returns"}


def _returns(n: int) -> list:
    return [
        probe(f"RMA-{i}", 10 * i, 10 * i + 2, fact_kind="returns", customer="C-1", said="approved")
        for i in range(n)
    ]


def test_answers_without_a_call_to_the_truth_anchor_are_flagged():
    results = _returns(4)
    calls = [
        call(
            10 * i + 1,
            "getReturn",
            anchor="returns",
            fact_kind="returns",
            params={"return_id": f"RMA-{i}"},
            identity="C-1",
            auth=True,
        )
        for i in (0, 2)
    ]
    omap = orchestration_map(results, calls, ANCHORS)
    (kind,) = omap.by_kind
    assert (kind.kind, kind.answered, kind.consulted) == ("return.status", 4, 2)
    assert kind.operations[0].operation_id == "getReturn" and kind.operations[0].calls == 2
    (flag,) = omap.flags
    assert flag.flag == "not_consulted" and flag.severity == "warning"
    assert flag.message == "answered 4 return.status questions, called the returns API for 2"
    assert flag.probe_ids == [results[1].probe_id, results[3].probe_id]


def test_calling_another_anchor_is_not_consulting_the_one_that_holds_the_truth():
    (result,) = _returns(1)
    calls = [
        call(
            1,
            "getOrder",
            anchor="orders",
            fact_kind="orders",
            params={"order_id": "RMA-0"},
            identity="C-1",
            auth=True,
        )
    ]
    omap = orchestration_map([result], calls, ANCHORS)
    assert omap.by_kind[0].consulted == 0
    assert omap.flags[0].flag == "not_consulted"


def test_an_error_verdict_is_not_an_answer():
    (result,) = _returns(1)
    failed = result.model_copy(update={"verdict": Verdict.ERROR})
    omap = orchestration_map([failed], [], ANCHORS)
    assert omap.by_kind[0].answered == 0
    assert [f.flag for f in omap.flags] == ["nothing_recorded"]


def test_calls_made_as_someone_else_or_as_nobody_are_flagged():
    results = [
        probe(f"ORD-{i}", 10 * i, 10 * i + 2, fact_kind="orders", customer="C-1", said="shipped")
        for i in range(3)
    ]
    calls = [
        call(
            1,
            "getOrder",
            anchor="orders",
            fact_kind="orders",
            params={"order_id": "ORD-0"},
            identity="C-1",
            auth=True,
        ),
        call(
            11,
            "getOrder",
            anchor="orders",
            fact_kind="orders",
            params={"order_id": "ORD-1"},
            identity="C-9",
            auth=True,
        ),
        call(
            21,
            "getOrder",
            anchor="orders",
            fact_kind="orders",
            params={"order_id": "ORD-2"},
            auth=True,
        ),
    ]
    omap = orchestration_map(results, calls, ANCHORS)
    kind = omap.by_kind[0]
    assert (kind.foreign_identity, kind.no_identity, kind.consulted) == (1, 1, 3)
    assert {f.flag: f.probe_ids for f in omap.flags} == {
        "foreign_identity": [results[1].probe_id],
        "no_identity": [results[2].probe_id],
    }


def test_a_stock_question_needs_no_customer():
    result = probe("KT-1", 0, 2)
    omap = orchestration_map([result], [call(1, params={"sku": "KT-1"})], ANCHORS)
    assert omap.flags == [] and omap.by_kind[0].consulted == 1


def test_an_anchor_error_is_hidden_when_the_answer_claims_something_anyway():
    invented = probe("ZZ-1", 0, 2, said="in_stock", verdict=Verdict.FAIL)
    honest = probe("ZZ-2", 10, 12, said="not_carried")
    down = probe("KT-3", 20, 22, said=None, verdict=Verdict.UNANSWERED)
    retried = probe("KT-4", 30, 32)
    calls = [
        call(1, params={"sku": "ZZ-1"}, status=404),
        call(11, params={"sku": "ZZ-2"}, status=404),
        call(21, params={"sku": "KT-3"}, status=503),
        call(31, params={"sku": "KT-4"}, status=503),
        call(31.5, params={"sku": "KT-4"}),
    ]
    omap = orchestration_map([invented, honest, down, retried], calls, ANCHORS)
    flags = {f.flag: (f.severity, f.probe_ids) for f in omap.flags}
    assert flags == {
        "error_hidden": ("warning", [invented.probe_id]),
        "error_passed_on": ("info", [honest.probe_id, down.probe_id]),
    }
    assert omap.by_kind[0].operations[0].errors == 4


def test_an_empty_recording_says_so():
    omap = orchestration_map([probe("KT-1", 0, 1)], [], ANCHORS)
    assert omap.flags[0].flag == "nothing_recorded"
    assert "pointed at the proxy" in omap.flags[0].message
