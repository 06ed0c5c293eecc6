"""The returns service (returns.yaml): scoped exactly like the orders service."""

from __future__ import annotations

from auditor.reference.shop import _render as render
from auditor.reference.shop._gate import Call, Handler, Reply
from auditor.reference.shop._orders import scope_of
from auditor.reference.shop._state import ShopState


def returns_handlers(state: ShopState) -> dict[str, Handler]:
    def list_returns(call: Call) -> Reply:
        window = state.return_page(
            scope_of(call),
            call.query.get("order_id"),
            call.query.get("page", 1),
            call.query.get("page_size", 50),
        )
        entries = [render.return_(ret) for ret in window.entries]
        return Reply(200, render.page("returns", entries, window))

    def get_return(call: Call) -> Reply:
        return Reply(200, render.return_(state.return_(call.path["return_id"], scope_of(call))))

    return {"listReturns": list_returns, "getReturn": get_return}
