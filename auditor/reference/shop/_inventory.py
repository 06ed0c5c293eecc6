"""The inventory service (inventory.yaml): the catalogue and its stock, open to anyone."""

from __future__ import annotations

from auditor.reference.shop import _render as render
from auditor.reference.shop._gate import Call, Handler, Reply
from auditor.reference.shop._state import ShopState


def inventory_handlers(state: ShopState) -> dict[str, Handler]:
    def list_items(call: Call) -> Reply:
        window = state.item_page(
            call.query.get("q"), call.query.get("page", 1), call.query.get("page_size", 50)
        )
        entries = [render.item(item) for item in window.entries]
        return Reply(200, render.page("items", entries, window))

    def get_item(call: Call) -> Reply:
        return Reply(200, render.item(state.item(call.path["sku"])))

    return {"listItems": list_items, "getItem": get_item}
