"""An answer that talks about something else than what was asked (`auditor/_elsewhere.py`):
`unanswered` when the reader read a claim of another topic and the answer holds no word of the
asked topic; `unread` otherwise. Sentences written for the test, on the extractor's real
readings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from auditor._audit import extractor_for
from auditor._claims import Claim, ClaimKind
from auditor._elsewhere import talks_elsewhere
from auditor._facts import (
    Availability,
    OrderFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    ReturnStatus,
    StockFact,
)
from auditor._judge import AnswerContext, judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._verdict import Verdict

NOW = datetime(2026, 12, 6, 23, 3, tzinfo=UTC)
ITEMS = {"KT-4410": "Nordic Kettle 4410", "MG-2210": "Stoneware Mug"}
EXTRACT = extractor_for(ITEMS)
RETURN = ReturnFact(
    "RMA-2040", "ORD-30012", "C-004", ReturnStatus.RECEIVED, NOW, None, "KT-4410",
    RefundState.PENDING,
)  # fmt: skip
ORDER = OrderFact("ORD-30012", "C-004", OrderStatus.SHIPPED, NOW, date(2026, 12, 9))
KETTLE = StockFact("KT-4410", ITEMS["KT-4410"], Availability.IN_STOCK, 12, NOW)


def verdict(kind: str, subject: str, question: str, answer: str, fact):
    asked = Probe(
        kind=kind, subject=subject, fact_kind=PROBE_KINDS[kind].fact_kind, turns=(question,)
    )
    context = AnswerContext(answer, NOW, None)
    return judge(PROBE_KINDS[kind], asked, EXTRACT(answer, NOW), fact, fact, context)


@pytest.mark.parametrize(
    "answer",
    [
        "Your return RMA-2040 is no longer available.",
        "RMA-2040 is out of stock at the moment.",
        "The RMA-2040 is sold out in Canada.",
    ],
)
def test_stock_talk_to_a_return_question_is_a_non_answer_that_says_what_it_talked_about(answer):
    seen = verdict("return.status", "RMA-2040", "What's happening with RMA-2040?", answer, RETURN)
    assert seen.verdict is Verdict.UNANSWERED
    assert seen.reason.startswith("talks about stock (availability: out_of_stock) instead of")
    assert [c.kind for c in seen.judged] == [ClaimKind.AVAILABILITY]


@pytest.mark.parametrize(
    "answer",
    [
        # a word of the returns' topic the rules did not read: it may be the answer
        "RMA-2040 is no longer available and the money is on its way.",
        "RMA-2040 is out of stock, so we sent it back to you.",
        "RMA-2040 is sold out; your refund is another matter.",
        "RMA-2040 is no longer available as of 2026-12-04.",
        # nothing read at all: text the reader cannot make out stays unread
        "RMA-2040 is a limited edition from the 1980s.",
    ],
)
def test_a_word_of_the_asked_topic_or_no_claim_at_all_keeps_it_unread(answer):
    seen = verdict("return.status", "RMA-2040", "What's happening with RMA-2040?", answer, RETURN)
    assert seen.verdict is Verdict.UNREAD


def test_a_claim_of_the_asked_kind_beside_stock_talk_is_judged_as_any():
    answer = "RMA-2040 is no longer available; it came back to us on Monday."
    seen = verdict("return.status", "RMA-2040", "What's happening with RMA-2040?", answer, RETURN)
    assert seen.verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # an order "out of stock" may be held for stock: an order's words, not something else
        ("Where is my order ORD-30012?", "ORD-30012 is out of stock right now."),
        ("Where is my order ORD-30012?", "ORD-30012 gets 15% off your next order."),
    ],
)
def test_an_order_question_with_stock_or_price_talk_is_not_called_a_non_answer(question, answer):
    seen = verdict("order.status", "ORD-30012", question, answer, ORDER)
    assert seen.verdict is Verdict.UNREAD


@pytest.mark.parametrize(
    "answer",
    [
        # stock words beside the discount: the count may be there in words no rule reads
        "We have 20% off the Nordic Kettle 4410 today.",
        "There's 20% off the Nordic Kettle 4410 this week, only a few to go.",
    ],
)
def test_a_discount_to_how_many_keeps_it_unread_while_stock_words_are_in_it(answer):
    question = "How many Nordic Kettle 4410 are left?"
    assert verdict("stock.quantity", "KT-4410", question, answer, KETTLE).verdict is (
        Verdict.UNREAD
    )


def test_the_rule_never_sees_an_answer_whose_claims_answer_the_question():
    """A wrong stock answer read as such is judged, never counted as a non-answer."""
    seen = verdict(
        "stock.availability", "KT-4410", "Is the Nordic Kettle 4410 in stock?",
        "The Nordic Kettle 4410 is sold out, 20% off when it's back.", KETTLE,
    )  # fmt: skip
    assert seen.verdict is Verdict.FAIL


def test_a_claim_that_stands_in_for_the_asked_kind_is_no_other_topic():
    """ "Out of stock" answers "how many?" with zero (`ProbeKind.implies`): no talk elsewhere."""
    kind = PROBE_KINDS["stock.quantity"]
    out = Claim(ClaimKind.AVAILABILITY, "out_of_stock", (0, 12), "KT-4410")
    refund = Claim(ClaimKind.REFUND, "issued", (0, 8), "RMA-2040")
    assert talks_elsewhere(kind.claim_kinds, kind.implies, [out], "Out of stock.") is None
    assert talks_elsewhere(kind.claim_kinds, kind.implies, [refund], "Refunded.") is refund
