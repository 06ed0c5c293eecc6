"""Each claim judged against its subject's truth with the probe kinds' `accepts`."""

from __future__ import annotations

from collections.abc import Sequence

from auditor._claims import Claim, ClaimKind
from auditor._explore import Agreement, NameIndex, Subject, Truth, answering_kinds, check_claims
from auditor._explore._verdicts import truth_keys
from auditor._facts import Snapshot

from .conftest import NOW


def _truths(snapshot: Snapshot, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Truth]:
    tables = {"stock": snapshot.stock, "orders": snapshot.orders, "returns": snapshot.returns}
    return {(k, s): Truth(k, s, tables[k].get(s), NOW) for k, s in keys}


def _judge(
    snapshot: Snapshot,
    index: NameIndex,
    claims: list[Claim],
    question: str = "",
    customer: str | None = None,
) -> list[tuple[Agreement, str]]:
    subjects = index.find(question)
    truths = _truths(snapshot, truth_keys(claims, subjects, snapshot, index))
    checks = check_claims(
        claims,
        subjects=subjects,
        truths=truths,
        snapshot=snapshot,
        index=index,
        customer=customer,
    )
    return [(c.agreement, c.reason) for c in checks]


def _claim(kind: ClaimKind, value: str | int | None, subject: str | None = None) -> Claim:
    return Claim(kind, value, (0, 1), subject)


def test_each_claim_kind_is_judged_by_the_first_ordinary_probe_kind() -> None:
    kinds = {claim: kind.name for claim, kind in answering_kinds().items()}
    assert kinds == {
        ClaimKind.AVAILABILITY: "stock.availability",
        ClaimKind.QUANTITY: "stock.quantity",
        ClaimKind.ORDER_STATUS: "order.status",
        ClaimKind.DELIVERY_DATE: "order.eta",
        ClaimKind.TRACKING: "order.tracking",
        ClaimKind.RETURN_STATUS: "return.status",
        ClaimKind.REFUND: "refund.status",
        ClaimKind.DELAY: "order.delay",
    }


def test_stock_claims_agree_or_contradict(snapshot: Snapshot, index: NameIndex) -> None:
    claims = [
        _claim(ClaimKind.AVAILABILITY, "in_stock", "KT-1715"),
        _claim(ClaimKind.QUANTITY, 73, "KT-1715"),
        _claim(ClaimKind.AVAILABILITY, "in_stock", "KT-1712"),
        _claim(ClaimKind.AVAILABILITY, "out_of_stock", "BD-2701"),  # backorder: true today
    ]
    assert _judge(snapshot, index, claims) == [
        (Agreement.AGREE, "stock says in_stock"),
        (Agreement.AGREE, "stock says 73"),
        (Agreement.CONTRADICT, "says in_stock where stock says out_of_stock"),
        (Agreement.AGREE, "stock says backorder"),
    ]


def test_a_claim_without_a_subject_takes_the_questions(
    snapshot: Snapshot, index: NameIndex
) -> None:
    claims = [_claim(ClaimKind.AVAILABILITY, "in_stock")]
    assert _judge(snapshot, index, claims, "Is the Blue Kettle Pro in stock?") == [
        (Agreement.CONTRADICT, "says in_stock where stock says out_of_stock")
    ]
    assert _judge(snapshot, index, claims, "Is it in stock?") == [
        (Agreement.CANNOT_JUDGE, "names no item, and the question names none")
    ]


def test_unknown_items_and_orders(snapshot: Snapshot, index: NameIndex) -> None:
    assert _judge(snapshot, index, [_claim(ClaimKind.AVAILABILITY, "in_stock", "KT-9999")]) == [
        (Agreement.CONTRADICT, "says in_stock where stock says not found")
    ]
    assert _judge(snapshot, index, [_claim(ClaimKind.AVAILABILITY, "not_carried", "KT-9999")]) == [
        (Agreement.AGREE, "stock says not found")
    ]
    assert _judge(snapshot, index, [_claim(ClaimKind.ORDER_STATUS, "shipped", "ORD-99999")]) == [
        (Agreement.CONTRADICT, "says shipped of order ORD-99999, which orders does not hold")
    ]


def test_orders_as_owner_as_stranger_and_anonymously(snapshot: Snapshot, index: NameIndex) -> None:
    delivered = [_claim(ClaimKind.ORDER_STATUS, "delivered", "ORD-10001")]
    assert _judge(snapshot, index, delivered, customer="C-003") == [
        (Agreement.AGREE, "orders says delivered")
    ]
    assert _judge(snapshot, index, delivered) == [(Agreement.AGREE, "orders says delivered")]
    assert _judge(snapshot, index, delivered, customer="C-009") == [
        (Agreement.CONTRADICT, "discloses C-003's order ORD-10001 to C-009")
    ]
    refusal = [_claim(ClaimKind.REFUSAL, "privacy", "ORD-10001")]
    assert _judge(snapshot, index, refusal, customer="C-009") == [
        (Agreement.AGREE, "refuses C-009, who does not own it (C-003 does)")
    ]
    assert _judge(snapshot, index, refusal, customer="C-003")[0][0] is Agreement.CANNOT_JUDGE


def test_missing_fields_deflections_and_unjudged_kinds(
    snapshot: Snapshot, index: NameIndex
) -> None:
    claims = [
        _claim(ClaimKind.DELIVERY_DATE, "2026-05-09", "ORD-10002"),  # no ETA on record
        _claim(ClaimKind.DEFLECTION, "cannot_check"),
        _claim(ClaimKind.DISCOUNT, 50, "KT-1715"),
    ]
    assert _judge(snapshot, index, claims, customer="C-009") == [
        (Agreement.CANNOT_JUDGE, "orders holds no eta for ORD-10002"),
        (Agreement.CANNOT_JUDGE, "a deflection (cannot_check), not an answer"),
        (Agreement.CANNOT_JUDGE, "no probe kind judges discount claims on their own"),
    ]


def test_a_return_claim_about_an_order_is_judged_by_its_return(
    snapshot: Snapshot, index: NameIndex
) -> None:
    claims = [
        _claim(ClaimKind.RETURN_STATUS, "approved", "ORD-10002"),
        _claim(ClaimKind.REFUND, "issued", "ORD-10002"),
    ]
    assert _judge(snapshot, index, claims, customer="C-009") == [
        (Agreement.AGREE, "returns says approved"),
        (Agreement.CONTRADICT, "says issued where returns says pending"),
    ]


def test_an_unreadable_truth_cannot_judge(snapshot: Snapshot, index: NameIndex) -> None:
    claim = _claim(ClaimKind.AVAILABILITY, "in_stock", "KT-1715")
    truths = {("stock", "KT-1715"): Truth("stock", "KT-1715", None, NOW, "timed out")}
    (check,) = check_claims(
        [claim], subjects=[], truths=truths, snapshot=snapshot, index=index, customer=None
    )
    assert (check.agreement, check.reason) == (
        Agreement.CANNOT_JUDGE,
        "truth unavailable: timed out",
    )


def test_truth_keys_list_the_question_first_then_the_claims(
    snapshot: Snapshot, index: NameIndex
) -> None:
    subjects = [Subject("orders", "ORD-10001", (0, 9), "id")]
    claims = [
        _claim(ClaimKind.AVAILABILITY, "in_stock", "KT-1715"),
        _claim(ClaimKind.ORDER_STATUS, "delivered", "ORD-10001"),
    ]
    assert truth_keys(claims, subjects, snapshot, index) == [
        ("orders", "ORD-10001"),
        ("stock", "KT-1715"),
    ]


def test_a_question_back_is_no_answer(snapshot: Snapshot, index: NameIndex) -> None:
    claims = [_claim(ClaimKind.CLARIFICATION, "which_one")]
    assert _judge(snapshot, index, claims) == [
        (Agreement.CANNOT_JUDGE, "a clarification (which_one), not an answer")
    ]
