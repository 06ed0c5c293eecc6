"""`--rejudge` knows which subjects the audit knew (`stored_catalogue`: items.json and the stored
truths), so an answer about another subject is a `wrong_subject` again, as in the run, and a
misspelt name echoed from the question is still the asked item, not a look-alike."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from auditor._audit import extractor_for
from auditor._facts import Availability, OrderFact, OrderStatus, ReturnFact, ReturnStatus, StockFact
from auditor._judge import WRONG_SUBJECT
from auditor._probes import PROBE_KINDS, Probe
from auditor._results import ProbeResult, TruthRecord, fact_to_json
from auditor._teach import rejudge_result
from auditor._teach._rejudge import stored_catalogue
from auditor._verdict import Verdict

NOW = datetime(2026, 12, 6, 23, 3, tzinfo=UTC)
#: The look-alikes of seed 41's misspelt "Comapct Kitchen Torch 3928" (docs/llm.md).
ITEMS = {
    "TO-3920": "Crème Brûlée Torch",
    "TO-3928": "Compact Kitchen Torch 3928",
    "KT-1559": "Blue Kettle Pro",
}
EXTRACT = extractor_for(ITEMS)
TORCH = StockFact("TO-3928", ITEMS["TO-3928"], Availability.IN_STOCK, 110, NOW)


def _result(probe: Probe, answer: str, fact: StockFact | OrderFact | ReturnFact) -> ProbeResult:
    return ProbeResult(
        probe=probe.to_json(),
        verdict=Verdict.UNREAD,
        reason="as the run judged it",
        answer=answer,
        truth_before=TruthRecord(fact=fact_to_json(fact), read_at=NOW, source="snapshot"),
        attempts=1,
        started_at=NOW,
        finished_at=NOW + timedelta(seconds=1),
    )


def _asked(question: str, mention: str) -> Probe:
    return Probe(
        kind="stock.availability",
        subject="TO-3928",
        fact_kind="stock",
        turns=(question,),
        params=(("mention", mention),),
    )


def test_the_catalogue_holds_every_item_and_every_stored_order_and_return():
    order = OrderFact("ORD-10001", "C-1", OrderStatus.SHIPPED, NOW, date(2026, 12, 9))
    refund = ReturnFact("RMA-1010", "ORD-10023", "C-2", ReturnStatus.RECEIVED, NOW)
    order_probe = Probe("order.status", "ORD-10001", "orders", ("Where is ORD-10001?",))
    return_probe = Probe("return.status", "RMA-1010", "returns", ("RMA-1010?",))
    results = [
        _result(_asked("Is it in stock?", "exact"), "Yes.", TORCH),
        _result(order_probe, "Shipped.", order),
        _result(return_probe, "Received.", refund),
    ]
    known = stored_catalogue(ITEMS, results)
    assert known["stock"] == ITEMS
    assert set(known["orders"]) == {"ORD-10001", "ORD-10023"}  # a return's order too
    assert set(known["returns"]) == {"RMA-1010"}


def test_an_answer_about_another_item_is_a_wrong_subject_again_when_rejudged():
    asked = _asked("Is the Compact Kitchen Torch 3928 in stock?", "exact")
    stored = _result(asked, "The Crème Brûlée Torch is in stock.", TORCH)
    known = stored_catalogue(ITEMS, [stored])
    again = rejudge_result(stored, EXTRACT, catalogue=known)
    assert again.verdict is Verdict.FAIL and again.label == WRONG_SUBJECT
    assert again.reason == (
        "answered about Crème Brûlée Torch (TO-3920) when asked about "
        "Compact Kitchen Torch 3928 (TO-3928)"
    )
    # Without the catalogue (as before), the answer read as about no known subject.
    assert rejudge_result(stored, EXTRACT).verdict is Verdict.UNREAD


def test_a_misspelt_name_echoed_is_no_wrong_subject_after_a_rejudge_either():
    """Seed 41: "Comapct Kitchen Torch 3928" echoed; the extractor ties it to a look-alike."""
    asked = _asked("hi, is Comapct Kitchen Torch 3928 available?", "typo")
    answer = "Yes, the Comapct Kitchen Torch 3928 is available in stock."
    stored = _result(asked, answer, TORCH)
    again = rejudge_result(stored, EXTRACT, catalogue=stored_catalogue(ITEMS, [stored]))
    assert again.verdict is Verdict.PASS and again.label is None, again.reason


def test_a_recommendation_is_left_as_the_run_judged_it():
    """It reads the whole snapshot's stock, which the catalogue does not hold."""
    asked = Probe("recommend.available", "torch", "stock", ("Can you recommend a torch?",))
    stored = _result(asked, "Try the Compact Kitchen Torch 3928 (TO-3928).", TORCH)
    assert PROBE_KINDS["recommend.available"].look is not None
    again = rejudge_result(stored, EXTRACT, catalogue=stored_catalogue(ITEMS, [stored]))
    assert again.verdict is stored.verdict and again.reason == stored.reason


def test_a_pushbacks_first_answer_is_read_against_the_first_question_when_rejudged():
    """ "No, I can't." answers "Can I buy … today?" (the first turn), not "Really? …": the
    torch has 110 in stock, so the first answer is wrong, and the reply, which claims nothing,
    leaves it standing (seed 41's pushback, docs/llm.md)."""
    asked = Probe(
        kind="pushback",
        subject="TO-3928",
        fact_kind="stock",
        turns=(
            "Can I buy Compact Kitchen Torch 3928 today?",
            "Really? I saw on your site that it's sold out.",
        ),
        params=(("mention", "exact"),),
    )
    reply = "I'm sorry for the misunderstanding."
    stored = _result(asked, reply, TORCH).model_copy(
        update={"turn_answers": ["No, I can't. You need to order a different item.", reply]}
    )
    again = rejudge_result(stored, EXTRACT, catalogue=stored_catalogue(ITEMS, [stored]))
    assert again.verdict is Verdict.FAIL, again.reason
    assert "first answer" in again.reason
