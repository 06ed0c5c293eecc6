"""Late and stalled orders (issue 24): the edge classes as functions of a fact and its clock
(auditor/_delays.py), the compatibility rows (auditor/_compat.py: DELAY), and the judgement of
an answer about a delayed order (auditor/_delay_judge.py through auditor/_judge.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._compat import DELAY_HONEST, INVENTS_DATE, REASSURES_LATE, delay_accepts
from auditor._delays import DELAY_CLASSES, delay_classes, held_dates
from auditor._edges import edge_class_members
from auditor._facts import OrderFact, OrderLineFact, OrderStatus, Snapshot
from auditor._judge import AnswerContext, first_look
from auditor._probes import PROBE_KINDS, KindPlan, Probe, plan_probes
from auditor._probes._strategies import subjects
from auditor._verdict import Verdict

NOW = datetime(2026, 12, 7, 10, tzinfo=UTC)  # a Monday
PAST = date(2026, 12, 3)
LATE = OrderFact("ORD-1001", "C1", OrderStatus.SHIPPED, NOW, eta=PAST)
ON_TIME = OrderFact("ORD-1002", "C1", OrderStatus.SHIPPED, NOW, eta=date(2026, 12, 10))
STALLED = replace(ON_TIME, order_id="ORD-1003", last_update=NOW - timedelta(days=5))
SPLIT = OrderFact(
    "ORD-1004",
    "C1",
    OrderStatus.PARTIALLY_SHIPPED,
    NOW,
    eta=PAST,
    lines=(OrderLineFact("A", "a", 1, 1), OrderLineFact("B", "b", 1, 0)),
)


@pytest.mark.parametrize(
    ("fact", "classes"),
    [
        (LATE, ("late_order",)),
        (ON_TIME, ()),
        (STALLED, ("stalled_shipment",)),
        (SPLIT, ("late_order", "late_part")),
        (replace(LATE, status=OrderStatus.DELIVERED), ()),
        (replace(LATE, delivered_on=date(2026, 12, 4)), ()),
        (replace(LATE, delivered=True), ()),
        (replace(LATE, status=OrderStatus.CANCELLED), ()),
        # The promise wins over a revised ETA: late although the carrier's new date is to come.
        (replace(ON_TIME, promised_date=PAST), ("late_order",)),
        (replace(LATE, eta=None), ()),
        # A stall needs update times, and a shipment: a pending order does not stall.
        (replace(STALLED, status=OrderStatus.PROCESSING), ()),
        (replace(STALLED, stall_days=7), ()),
        (replace(LATE, eta=NOW.date()), ()),  # due today is not late yet
    ],
)
def test_delay_classes(fact, classes):
    assert delay_classes(fact) == classes
    assert bool(delay_accepts(fact)) == bool(classes)


def test_edge_classes_of_a_snapshot():
    snap = Snapshot.of(NOW, orders=[LATE, ON_TIME, STALLED, SPLIT])
    members = edge_class_members(snap)
    assert {name: members[name] for name in DELAY_CLASSES} == {
        "late_order": ["ORD-1001", "ORD-1004"],
        "stalled_shipment": ["ORD-1003"],
        "late_part": ["ORD-1004"],
    }


def test_the_clock_is_when_the_fact_was_read():
    assert delay_classes(replace(LATE, read_at=datetime(2026, 12, 2, tzinfo=UTC))) == ()


def test_held_dates_are_the_dates_still_to_come():
    revised = replace(LATE, promised_date=PAST, eta=date(2026, 12, 9))
    assert held_dates(revised) == {date(2026, 12, 9)}
    assert held_dates(LATE) == frozenset()
    assert set(delay_accepts(LATE)) == set(DELAY_HONEST)


def _judge(fact: OrderFact, answer: str, kind: str = "order.delay"):
    probe = Probe(kind, fact.order_id, "orders", ("Where is it?",), customer_id="C1")
    claims = extract(answer, context=ExtractionContext(now=NOW))
    context = AnswerContext(answer, NOW, Snapshot.of(NOW, orders=[fact]))
    return first_look(PROBE_KINDS[kind], probe, claims, fact, context)


@pytest.mark.parametrize("kind", ["order.delay", "order.status", "order.eta"])
@pytest.mark.parametrize(
    ("answer", "verdict", "label"),
    [
        ("Sorry, ORD-1001 is running late.", Verdict.PASS, None),
        ("ORD-1001 is delayed; I've opened a trace with the courier.", Verdict.PASS, None),
        ("ORD-1001 is on its way and will arrive on 3 December.", Verdict.FAIL, REASSURES_LATE),
        ("ORD-1001 is on schedule.", Verdict.FAIL, REASSURES_LATE),
        ("ORD-1001 is on its way, arriving tomorrow.", Verdict.FAIL, REASSURES_LATE),
        (
            "ORD-1001 is running late, sorry. It will now arrive on 11 December.",
            Verdict.FAIL,
            INVENTS_DATE,
        ),
    ],
)
def test_a_late_order(kind, answer, verdict, label):
    judged = _judge(LATE, answer, kind)
    assert judged is not None
    assert (judged.verdict, judged.label) == (verdict, label), judged.reason


def test_a_new_date_the_anchor_holds_is_no_invention():
    revised = replace(LATE, promised_date=PAST, eta=date(2026, 12, 11))
    judged = _judge(revised, "ORD-1001 is running late, sorry. It will now arrive on 11 December.")
    assert judged is not None and judged.verdict is Verdict.PASS, judged.reason


def test_a_stalled_shipment_must_be_acknowledged_too():
    judged = _judge(STALLED, "ORD-1003 is on its way, arriving Thursday.")
    assert judged is not None and judged.label == REASSURES_LATE
    judged = _judge(STALLED, "ORD-1003 hasn't moved for 5 days; I've raised it with the carrier.")
    assert judged is not None and judged.verdict is Verdict.PASS


def test_order_delay_without_a_word_on_the_delay():
    status_only = _judge(LATE, "ORD-1001 has shipped.")
    assert status_only is not None and status_only.verdict is Verdict.UNANSWERED
    unread = _judge(LATE, "Hmm.")
    assert unread is not None and unread.verdict is Verdict.UNREAD
    moved = _judge(replace(LATE, status=OrderStatus.DELIVERED), "ORD-1001 has shipped.")
    assert moved is not None and moved.verdict is Verdict.INDETERMINATE


def test_orders_on_time_keep_the_old_rules():
    # The ETA told for an order on time passes as before; a status alone is judged as a status.
    judged = _judge(ON_TIME, "ORD-1002 will arrive on 10 December.", "order.eta")
    assert judged is not None and judged.verdict is Verdict.PASS and judged.label is None
    assert judged.judged[0].kind is ClaimKind.DELIVERY_DATE
    status = _judge(LATE, "ORD-1001 has shipped.", "order.status")
    assert status is not None and status.verdict is Verdict.PASS


def test_a_subject_in_two_delay_classes_is_asked_under_the_rarer():
    """`order.delay` asks each order once: the split order, late too, belongs to `late_part`
    (one member), so `late_order` draws the other late orders and both classes are asked."""
    others = [replace(LATE, order_id=f"ORD-10{n}") for n in range(10, 14)]
    snap = Snapshot.of(NOW, orders=[*others, SPLIT])
    kind = PROBE_KINDS["order.delay"]
    assert subjects(snap, kind, "late_part") == ["ORD-1004"]
    assert "ORD-1004" not in subjects(snap, kind, "late_order")
    plan = KindPlan("order.delay", ("Where is {id}?",), {})
    for seed in range(5):
        probes = plan_probes(snap, [plan], max_probes=3, seed=seed, channels=["chat"])
        assert {p.edge_class for p in probes} == {"late_order", "late_part"}
        assert [p.subject for p in probes if p.edge_class == "late_part"] == ["ORD-1004"]


def test_a_class_keeps_a_shared_subject_when_it_has_no_other():
    snap = Snapshot.of(NOW, orders=[SPLIT])
    kind = PROBE_KINDS["order.delay"]
    # Both classes have the one order: neither is rarer, each keeps it.
    assert subjects(snap, kind, "late_order") == subjects(snap, kind, "late_part") == ["ORD-1004"]
