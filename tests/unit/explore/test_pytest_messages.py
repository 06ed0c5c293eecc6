"""What a failing probe item says, and how probe items are named."""

from __future__ import annotations

from collections import Counter

from auditor._explore._pytest import failure_message, item_name
from auditor._probes import Probe
from auditor._results import ClaimRecord, ProbeResult, TruthRecord
from auditor._verdict import Verdict

from .conftest import NOW

PROBE = Probe(
    kind="stock.availability",
    subject="KT-1712",
    fact_kind="stock",
    turns=("Is the Blue Kettle Pro in stock?",),
    edge_class="catalogued_out_of_stock",
    channel="web",
)


def test_items_are_named_by_kind_subject_and_channel_and_never_twice_alike() -> None:
    seen: Counter[str] = Counter()
    names = [
        item_name(PROBE, seen),
        item_name(PROBE, seen),
        item_name(
            Probe(
                kind="order.status", subject="ORD-1", fact_kind="orders", turns=("?",), channel=None
            ),
            seen,
        ),
    ]
    assert names == [
        "stock.availability[KT-1712]::web",
        "stock.availability[KT-1712]::web#2",
        "order.status[ORD-1]::default",
    ]


def test_a_failure_message_carries_question_answer_claims_and_truth() -> None:
    fact = {
        "sku": "KT-1712",
        "name": "Blue Kettle Pro",
        "availability": "out_of_stock",
        "on_hand": 0,
        "read_at": NOW.isoformat(),
        "restock_date": None,
    }
    result = ProbeResult(
        probe=PROBE.to_json(),
        verdict=Verdict.FAIL,
        reason="says in_stock where the truth is out_of_stock",
        answer="Yes, Blue Kettle Pro (KT-1712) is in stock.\x1b[2J",
        claims=[
            ClaimRecord(kind="availability", value="in_stock", span=(34, 42), subject="KT-1712")
        ],
        judged=[0],
        accepted=["out_of_stock"],
        truth_before=TruthRecord(fact=fact, read_at=NOW, source="snapshot"),
        truth_after=TruthRecord(fact=fact, read_at=NOW, source="read"),
        started_at=NOW,
        finished_at=NOW,
    )
    message = failure_message(PROBE, result)
    assert message.splitlines() == [
        "stock.availability · KT-1712 (catalogued_out_of_stock) · channel web",
        "verdict: fail: says in_stock where the truth is out_of_stock",
        "question: Is the Blue Kettle Pro in stock?",
        "answer: Yes, Blue Kettle Pro (KT-1712) is in stock.",
        "claims:",
        "  availability = in_stock about KT-1712  judged",
        "truth before (snapshot, 12:00:00): sku=KT-1712  name=Blue Kettle Pro  "
        "availability=out_of_stock  on_hand=0",
        "truth after (read, 12:00:00): sku=KT-1712  name=Blue Kettle Pro  "
        "availability=out_of_stock  on_hand=0",
        "would agree: out_of_stock",
    ]


def test_a_long_answer_is_cut_with_a_count() -> None:
    result = ProbeResult(
        probe=PROBE.to_json(),
        verdict=Verdict.UNANSWERED,
        reason="no availability claim",
        answer="x" * 5000,
        started_at=NOW,
        finished_at=NOW,
    )
    (answer,) = [
        line for line in failure_message(PROBE, result).splitlines() if line.startswith("answer: ")
    ]
    assert answer == "answer: " + "x" * 4000 + " … [1,000 more characters]"
