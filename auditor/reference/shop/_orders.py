"""The orders service (orders.yaml): each caller sees only the orders in their scope."""

from __future__ import annotations

from auditor.reference.shop import _render as render
from auditor.reference.shop._auth import Principal
from auditor.reference.shop._gate import Call, Handler, Reply
from auditor.reference.shop._state import ShopState


def scope_of(call: Call) -> str | None:
    """The customer a call is confined to; the gate guarantees a principal here."""
    assert isinstance(call.principal, Principal)
    return call.principal.scope


def orders_handlers(state: ShopState) -> dict[str, Handler]:
    def list_orders(call: Call) -> Reply:
        window = state.order_page(
            scope_of(call),
            call.query.get("customer_id"),
            call.query.get("page", 1),
            call.query.get("page_size", 50),
        )
        entries = [render.order(order) for order in window.entries]
        return Reply(200, render.page("orders", entries, window))

    def get_order(call: Call) -> Reply:
        return Reply(200, render.order(state.order(call.path["order_id"], scope_of(call))))

    return {"listOrders": list_orders, "getOrder": get_order}
