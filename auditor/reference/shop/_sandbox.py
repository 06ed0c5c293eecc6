"""The sandbox (sandbox.yaml): staff-only state changes for tests and lag scenarios.

Each change goes straight into the store the public services read, so it is visible to the
next request; the answer is the changed entity rendered exactly as the public API renders it.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from auditor._facts import OrderStatus, ReturnStatus
from auditor.reference.shop import _render as render
from auditor.reference.shop._gate import Call, Handler, Reply
from auditor.reference.shop._model import ItemStatus
from auditor.reference.shop._state import ShopState
from auditor.reference.shop._transitions import KEEP, Keep


def _day(value: Any) -> date | None:
    """openapi-core hands back a `date` for `format: date`; accept its string form too."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _wanted(body: Any) -> str | None:
    return body.get("status") if isinstance(body, dict) else None


def sandbox_handlers(state: ShopState) -> dict[str, Handler]:
    def set_stock(call: Call) -> Reply:
        body = call.body
        status = body.get("status")
        restock: date | Literal[Keep.KEEP] | None = KEEP
        if "restock_date" in body:
            restock = _day(body["restock_date"])
        item = state.set_stock(
            call.path["sku"],
            body["available"],
            None if status is None else ItemStatus(status),
            restock,
        )
        return Reply(200, render.item(item))

    def rename_item(call: Call) -> Reply:
        return Reply(200, render.item(state.rename(call.path["sku"], str(call.body["name"]))))

    def advance_order(call: Call) -> Reply:
        wanted = _wanted(call.body)
        target = None if wanted is None else OrderStatus(wanted)
        return Reply(200, render.order(state.advance_order(call.path["order_id"], target)))

    def file_return(call: Call) -> Reply:
        body = call.body
        ret = state.file_return(
            body["order_id"],
            body["sku"],
            body.get("quantity", 1),
            body.get("reason", "changed my mind"),
        )
        return Reply(201, render.return_(ret))

    def advance_return(call: Call) -> Reply:
        wanted = _wanted(call.body)
        target = None if wanted is None else ReturnStatus(wanted)
        return Reply(200, render.return_(state.advance_return(call.path["return_id"], target)))

    def issue_refund(call: Call) -> Reply:
        return Reply(200, render.return_(state.issue_refund(call.path["return_id"])))

    def reset_shop(call: Call) -> Reply:
        state.reset()
        counts = {"items": len(state.items), "orders": len(state.orders)}
        return Reply(200, {"reset": True, **counts, "returns": len(state.returns)})

    return {
        "setStock": set_stock,
        "renameItem": rename_item,
        "advanceOrder": advance_order,
        "fileReturn": file_return,
        "advanceReturn": advance_return,
        "issueRefund": issue_refund,
        "resetShop": reset_shop,
    }
