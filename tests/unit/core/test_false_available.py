"""A false "available": a sale promised of an item the shop has nothing to sell.

The states with nothing to sell and the claims that promise a sale are data in the
compatibility table (`auditor/_compat.py`); the judge labels a `fail` `false_available` only
when the truth before the question and after the answer both hold nothing to sell.
"""

from datetime import UTC, date, datetime

import pytest

from auditor._claims import Claim, ClaimKind
from auditor._compat import (
    AVAILABILITY,
    FALSE_AVAILABLE,
    NOTHING_TO_SELL,
    PROMISES_SALE,
    compat_markdown,
)
from auditor._facts import Availability, StockFact
from auditor._judge import CAVED_ON_PUSHBACK, Judgement, after_pushback, judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._verdict import Verdict

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
KIND = PROBE_KINDS["stock.availability"]
PROBE = Probe(kind=KIND.name, subject="KT-0001", fact_kind="stock", turns=("Is it in stock?",))


def stock(availability: Availability, on_hand: int = 0, restock: date | None = None) -> StockFact:
    return StockFact("KT-0001", "Blue Kettle", availability, on_hand, NOW, restock)


def says(value: str) -> Claim:
    return Claim(ClaimKind.AVAILABILITY, value, (0, 5))


def count(units: int) -> Claim:
    return Claim(ClaimKind.QUANTITY, units, (0, 2))


NONE_TO_SELL = {
    "out of stock": stock(Availability.OUT_OF_STOCK),
    "out of stock, restock date known": stock(Availability.OUT_OF_STOCK, 0, date(2026, 12, 3)),
    "backordered": stock(Availability.BACKORDER),
    "backordered, restock date known": stock(Availability.BACKORDER, 0, date(2026, 12, 3)),
    "discontinued, none left": stock(Availability.DISCONTINUED),
}


def test_the_states_with_nothing_to_sell_are_derived_from_the_table():
    assert {
        "out_of_stock",
        "out_of_stock+date",
        "backorder",
        "backorder+date",
        "discontinued",
    } == NOTHING_TO_SELL
    # Every other state of a carried item accepts some promise of a sale: the two sets split
    # the table, so a sale promised of a state with nothing to sell can never pass.
    for state, row in AVAILABILITY.items():
        if state not in NOTHING_TO_SELL and state != "unknown":
            assert not PROMISES_SALE.isdisjoint(row.compatible), state
    assert "is `false_available`" in compat_markdown()


@pytest.mark.parametrize("truth", NONE_TO_SELL.values(), ids=NONE_TO_SELL.keys())
@pytest.mark.parametrize("claim", [says("in_stock"), says("low_stock"), count(12)], ids=str)
def test_a_sale_promised_with_nothing_to_sell_is_a_false_available(truth, claim):
    verdict = judge(KIND, PROBE, [claim], truth, truth)
    assert verdict.verdict is Verdict.FAIL and verdict.label == FALSE_AVAILABLE


QUANTITY = PROBE_KINDS["stock.quantity"]
HOW_MANY = Probe(kind=QUANTITY.name, subject="KT-0001", fact_kind="stock", turns=("How many?",))


def test_a_count_above_zero_to_how_many_is_a_false_available_too():
    out = stock(Availability.OUT_OF_STOCK)
    assert judge(QUANTITY, HOW_MANY, [count(12)], out, out).label == FALSE_AVAILABLE
    # A wrong count of an item that can be had: the sale is real, an ordinary fail.
    some = stock(Availability.IN_STOCK, 9)
    wrong = judge(QUANTITY, HOW_MANY, [count(12)], some, some)
    assert wrong.verdict is Verdict.FAIL and wrong.label is None


@pytest.mark.parametrize(
    ("claim", "before", "after", "verdict"),
    [
        # A wrong word that promises no sale: an ordinary fail.
        (says("backorder"), stock(Availability.OUT_OF_STOCK), None, Verdict.FAIL),
        (says("out_of_stock"), stock(Availability.IN_STOCK, 9), None, Verdict.FAIL),
        # Units left of a discontinued item: "in stock" is right.
        (says("in_stock"), stock(Availability.DISCONTINUED, 3), None, Verdict.PASS),
        # Restocked while the probe ran: the truth-window rule, no failure at all.
        (
            says("in_stock"),
            stock(Availability.OUT_OF_STOCK),
            stock(Availability.IN_STOCK, 4),
            Verdict.INDETERMINATE,
        ),
        # Sold out while the probe ran: right when asked.
        (
            says("in_stock"),
            stock(Availability.IN_STOCK, 4),
            stock(Availability.OUT_OF_STOCK),
            Verdict.PASS,
        ),
    ],
)
def test_other_answers_are_not_false_available(claim, before, after, verdict):
    judged = judge(KIND, PROBE, [claim], before, after or before)
    assert judged.verdict is verdict and judged.label is None


def test_an_unknown_item_said_available_stays_a_hallucination():
    kind = PROBE_KINDS["catalog.unknown_item"]
    probe = Probe(kind=kind.name, subject="KT-9999", fact_kind="stock", turns=("In stock?",))
    judged = judge(kind, probe, [says("in_stock")], None, None)
    assert judged.verdict is Verdict.FAIL and judged.label is None


def test_a_false_available_after_a_right_first_answer_is_a_cave():
    right = Judgement(Verdict.PASS, "says out_of_stock", (), ("out_of_stock",))
    false = Judgement(Verdict.FAIL, "says in_stock", (), ("out_of_stock",), FALSE_AVAILABLE)
    assert after_pushback(right, false).label == CAVED_ON_PUSHBACK
    wrong = Judgement(Verdict.FAIL, "says in_stock", (), ("out_of_stock",), FALSE_AVAILABLE)
    assert after_pushback(wrong, false).label == FALSE_AVAILABLE
