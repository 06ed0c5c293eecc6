"""Python hooks for lag scenarios: they change the reference shop through its sandbox."""

from __future__ import annotations

import httpx

from auditor._lag import HookCall


async def _set_stock(call: HookCall, available: object) -> object:
    headers = {"Authorization": f"Bearer {call.env['HOOK_TOKEN']}"}
    async with httpx.AsyncClient(base_url=call.env["HOOK_SHOP_URL"], trust_env=False) as http:
        response = await http.put(
            f"/_sandbox/stock/{call.variables['sku']}",
            json={"available": available},
            headers=headers,
        )
    response.raise_for_status()
    return response.json()


async def sell_out(call: HookCall) -> object:
    return await _set_stock(call, 0)


async def restock(call: HookCall) -> object:
    assert call.phase == "restore"
    return await _set_stock(call, call.variables["on_hand"])


def broken(call: HookCall) -> None:
    raise RuntimeError("the hook's own failure")
