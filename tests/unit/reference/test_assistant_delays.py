"""The reference assistant about late, stalled and partly late orders (issue 24), in every
voice: honest, each answer is one the auditor passes; under `reassures_late`, one it fails
with that label. The clock is fixed (the bot's and the facts'), never the wall clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from auditor._claims import ExtractionContext, extract
from auditor._compat import REASSURES_LATE
from auditor._delay_judge import delay_look
from auditor._facts import OrderFact, OrderLineFact, OrderStatus
from auditor._verdict import Verdict
from auditor.reference.assistant import VOICES, Faults
from auditor.reference.assistant._phrasing import Phrasebook
from auditor.reference.assistant._replies import OrderReplies, lateness

NOW = datetime(2026, 12, 7, 10, tzinfo=UTC)
TODAY = NOW.date()
QUESTIONS = [
    "My order ORD-10041 was supposed to arrive already - where is it?",
    "ORD-10041 still hasn't turned up. What's going on?",
    "When will my order ORD-10041 arrive?",
    "What's the tracking number for order ORD-10041?",
    "is ORD-10041 going to arrive on time?",
]


def _order(status: str, promised: int, eta: int, news: float | None) -> dict[str, Any]:
    shipped = status in ("shipped", "partially_shipped")
    return {
        "id": "ORD-10041", "customer_id": "C-001", "status": status,
        "promised_date": (TODAY + timedelta(days=promised)).isoformat(),
        "eta": (TODAY + timedelta(days=eta)).isoformat(),
        "last_carrier_update": None if news is None else (NOW + timedelta(days=news)).isoformat(),
        "tracking_number": "1Z0012345678" if shipped else None,
        "carrier": "DHL" if shipped else None,
        "lines": [
            {"sku": "KT-0001", "name": "Blue Kettle", "quantity": 2, "shipped_quantity": 2},
            {"sku": "MG-0002", "name": "Espresso Cup", "quantity": 1,
             "shipped_quantity": 0 if status == "partially_shipped" else 1},
        ],
    }  # fmt: skip


def _fact(order: dict[str, Any]) -> OrderFact:
    news = order["last_carrier_update"]
    return OrderFact(
        "ORD-10041",
        "C-001",
        OrderStatus(order["status"]),
        NOW,
        eta=date.fromisoformat(order["eta"]),
        promised_date=date.fromisoformat(order["promised_date"]),
        last_update=None if news is None else datetime.fromisoformat(news),
        lines=tuple(
            OrderLineFact(line["sku"], line["name"], line["quantity"], line["shipped_quantity"])
            for line in order["lines"]
        ),
    )


#: Every state the bot tells apart, as the reference shop seeds them.
STATES = {
    "late": _order("shipped", -4, -4, -1.0),
    "late_new_date": _order("shipped", -3, 2, -0.25),
    "unshipped": _order("processing", -2, -2, None),
    "stalled": _order("shipped", 2, 2, -6.0),
    "part": _order("partially_shipped", -3, -3, -0.5),
}


def _answers(voice: str, order: dict[str, Any], faults: Faults) -> list[str]:
    replies = OrderReplies(
        Phrasebook(support="help@shop.test", voice=VOICES[voice]), faults, today=lambda: TODAY
    )
    out = []
    for question in QUESTIONS:
        out += [replies.status(question, order), replies.delivery(question, order)]
        out.append(replies.tracking(question, order))
    return out


def test_the_bot_tells_each_state_apart():
    assert {name: lateness(order, TODAY) for name, order in STATES.items()} == {
        name: name for name in STATES
    }
    assert lateness(_order("shipped", 2, 2, -0.5), TODAY) is None


@pytest.mark.parametrize("voice", list(VOICES))
@pytest.mark.parametrize("state", list(STATES))
def test_honest_answers_pass_in_every_voice(voice, state):
    order = STATES[state]
    context = ExtractionContext(now=NOW)
    for answer in _answers(voice, order, Faults()):
        look = delay_look("ORD-10041", extract(answer, context=context), _fact(order))
        assert look is not None and look.verdict is Verdict.PASS, (answer, look)


@pytest.mark.parametrize("voice", list(VOICES))
@pytest.mark.parametrize("state", list(STATES))
def test_reassuring_answers_fail_in_every_voice(voice, state):
    order = STATES[state]
    context = ExtractionContext(now=NOW)
    for answer in _answers(voice, order, Faults(reassures_late=True)):
        look = delay_look("ORD-10041", extract(answer, context=context), _fact(order))
        assert look is not None and look.label == REASSURES_LATE, (answer, look)


def test_the_llm_brains_records_say_so_too():
    from auditor.reference.assistant._llm import RecordOrderReplies

    phrases = Phrasebook(support="help@shop.test", voice=VOICES["standard"])
    honest = RecordOrderReplies(phrases, Faults(), today=lambda: TODAY)
    faulty = RecordOrderReplies(phrases, Faults(reassures_late=True), today=lambda: TODAY)
    for state in ("late", "unshipped", "part"):
        assert "It is late" in honest.delivery("When?", STATES[state])
        assert "on schedule" in faulty.status("Where?", STATES[state])
    assert "no tracking update since" in honest.tracking("Tracking?", STATES["stalled"])
    offline = RecordOrderReplies(phrases, Faults())  # no clock: no order is late
    assert "late" not in offline.status("Where?", STATES["late"])


def test_a_leaky_bot_still_leaks_about_a_late_order():
    phrases = Phrasebook(support="help@shop.test", voice=VOICES["standard"])
    order = dict(STATES["late"], shipping_address={"city": "Lyon"})
    leaky = OrderReplies(phrases, Faults(leaks_foreign_orders=True), today=lambda: TODAY)
    assert "Lyon" in leaky.status("Where?", order)
    assert "Lyon" not in OrderReplies(phrases, Faults(), today=lambda: TODAY).status(
        "Where?", order
    )
