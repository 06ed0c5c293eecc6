"""The stale_cache fault: a change in the shop reaches the answers about N seconds late.

The entities are asked about before the change, as the view's guarantee requires (see
`auditor/reference/assistant/_stale.py`), then polled with a deadline until the change shows.
"""

from __future__ import annotations

import time

import httpx

from auditor.reference.assistant import Faults

LAG = 1.0
POLL_EVERY = 0.05
MARGIN = 1.0


def _find(served, path, field, predicate):
    headers = {"Authorization": f"Bearer {served.staff_token}"}
    body = httpx.get(
        f"{served.url}{path}", params={"page_size": 500}, headers=headers, trust_env=False
    ).json()
    return next(record for record in body[field] if predicate(record))


def test_a_change_shows_only_after_the_lag(ask, assistant, fresh_shop):
    served = fresh_shop()
    stale = assistant(Faults(stale_cache=LAG), shop=served)
    fresh = assistant(shop=served)
    item = _find(served, "/inventory/items", "items", lambda i: i["name"] == "Blue Kettle")
    order = _find(served, "/orders/orders", "orders", lambda o: o["status"] == "pending")
    stock_question = f"How many {item['name']} do you have?"
    order_question = (f"Where is my order {order['id']}?", order["customer_id"])
    before, after = item["stock"]["available"], item["stock"]["available"] + 7
    assert f"{before} units" in ask(stale, stock_question)
    assert "pending" in ask(stale, *order_question)

    staff = {"Authorization": f"Bearer {served.staff_token}"}
    with httpx.Client(base_url=served.url, headers=staff, trust_env=False) as sandbox:
        changed = sandbox.put(f"/_sandbox/stock/{item['sku']}", json={"available": after})
        advanced = sandbox.post(f"/_sandbox/orders/{order['id']}/advance", json={})
    changed_at = time.monotonic()
    assert (changed.status_code, advanced.status_code) == (200, 200)
    assert f"{after} units" in ask(fresh, stock_question)  # the shop changed at once

    seen: dict[str, float] = {}
    deadline = changed_at + LAG + MARGIN
    while len(seen) < 2 and time.monotonic() < deadline:
        stock_answer, order_answer = ask(stale, stock_question), ask(stale, *order_question)
        now = time.monotonic() - changed_at
        if f"{after} units" in stock_answer:
            seen.setdefault("stock", now)
        else:
            assert f"{before} units" in stock_answer, stock_answer
        if "pending" not in order_answer:
            seen.setdefault("order", now)
        time.sleep(POLL_EVERY)  # poll interval, not synchronisation
    assert set(seen) == {"stock", "order"}, f"not visible within {LAG + MARGIN} s"
    for entity, delay in seen.items():
        assert LAG / 2 <= delay <= LAG + MARGIN, (entity, delay)
    assert f"{after} units" in ask(stale, stock_question)  # and it stays visible
