"""A stock state to "how many?" (`auditor._compat.quantity_fallback`): with no count given, the
state is judged by what it says of the shelf, by the availability table. A true one passes as
imprecise (no count), a false one fails; a count, when given, is still the answer. Sentences
written for the test, on the extractor's real readings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._audit import extractor_for
from auditor._compat import FALSE_AVAILABLE, IMPRECISE
from auditor._facts import Availability, StockFact
from auditor._judge import AnswerContext, judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._verdict import Verdict

NOW = datetime(2026, 12, 6, 23, 3, tzinfo=UTC)
ITEMS = {"TP-5120": "Willow Teapot 5120"}
EXTRACT = extractor_for(ITEMS)
QUESTION = "How many Willow Teapot 5120 are left?"


def stock(availability: Availability, on_hand: int) -> StockFact:
    return StockFact("TP-5120", ITEMS["TP-5120"], availability, on_hand, NOW)


def verdict(answer: str, fact: StockFact):
    kind = PROBE_KINDS["stock.quantity"]
    asked = Probe(kind="stock.quantity", subject="TP-5120", fact_kind="stock", turns=(QUESTION,))
    context = AnswerContext(answer, NOW, None)
    return judge(kind, asked, EXTRACT(answer, NOW), fact, fact, context)


@pytest.mark.parametrize(
    "answer",
    [
        "The Willow Teapot 5120 is in stock.",
        "We have the Willow Teapot 5120 available for purchase right now.",
    ],
)
def test_a_true_state_without_a_count_passes_as_imprecise(answer):
    seen = verdict(answer, stock(Availability.IN_STOCK, 171))
    assert seen.verdict is Verdict.PASS and seen.label == IMPRECISE
    assert "171" in seen.reason


@pytest.mark.parametrize(
    "answer",
    [
        "The Willow Teapot 5120 is in stock.",
        "We're running a limited supply of the Willow Teapot 5120.",
    ],
)
def test_a_state_that_promises_units_of_an_item_with_none_fails(answer):
    seen = verdict(answer, stock(Availability.OUT_OF_STOCK, 0))
    assert seen.verdict is Verdict.FAIL and seen.label == FALSE_AVAILABLE


def test_out_of_stock_still_answers_with_zero():
    seen = verdict("The Willow Teapot 5120 is out of stock.", stock(Availability.OUT_OF_STOCK, 0))
    assert seen.verdict is Verdict.PASS and seen.label is None


def test_a_count_given_is_the_answer_and_a_wrong_one_fails_beside_a_true_state():
    fact = stock(Availability.IN_STOCK, 171)
    seen = verdict("The Willow Teapot 5120 is in stock, 40 left.", fact)
    assert seen.verdict is Verdict.FAIL


def test_backorder_of_an_item_with_none_on_hand_is_imprecise_not_wrong():
    fact = StockFact("TP-5120", ITEMS["TP-5120"], Availability.BACKORDER, 0, NOW)
    seen = verdict("The Willow Teapot 5120 is on backorder.", fact)
    assert seen.verdict is Verdict.PASS and seen.label == IMPRECISE
