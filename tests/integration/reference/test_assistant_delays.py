"""The faultless reference assistant about the session shop's late, stalled and partly late
orders, over real sockets: every answer is one the auditor reads as honest about the delay
(issue 24). Which orders are delayed is the auditor's own edge classes over facts read at the
shop's clock, not the wall clock."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from auditor._claims import ExtractionContext, extract
from auditor._delay_judge import delay_look
from auditor._delays import delay_classes
from auditor._facts import OrderFact, OrderLineFact, OrderStatus
from auditor._verdict import Verdict

Json = dict[str, Any]


def _fact(order: Json, read_at: datetime) -> OrderFact:
    news = order.get("last_carrier_update")
    return OrderFact(
        order["id"],
        order["customer_id"],
        OrderStatus(order["status"]),
        read_at,
        eta=date.fromisoformat(order["eta"]) if order.get("eta") else None,
        promised_date=(
            date.fromisoformat(order["promised_date"]) if order.get("promised_date") else None
        ),
        last_update=datetime.fromisoformat(news) if news else None,
        lines=tuple(
            OrderLineFact(line["sku"], line["name"], line["quantity"], line["shipped_quantity"])
            for line in order["lines"]
        ),
    )


def test_every_delayed_order_is_answered_honestly(ask, assistant_url, shop, shop_records):
    now = shop.state.current_time()
    facts = [_fact(order, now) for order in shop_records["orders"]]
    delayed = [fact for fact in facts if delay_classes(fact)]
    assert {c for fact in delayed for c in delay_classes(fact)} == {
        "late_order",
        "stalled_shipment",
        "late_part",
    }
    for fact in delayed:
        for question in (
            f"Where is my order {fact.order_id}?",
            f"When will {fact.order_id} arrive?",
        ):
            answer = ask(assistant_url, question, fact.customer_id)
            claims = extract(answer, context=ExtractionContext(now=now))
            look = delay_look(fact.order_id, claims, fact)
            assert look is not None and look.verdict is Verdict.PASS, (answer, look)
