"""Ready-made lag scenarios for the reference shop: its sandbox (`sandbox.yaml`) as actions.

One scenario per kind, each an HTTP call to the shop's sandbox with the staff token (read from
an environment variable), and a reset of the whole shop once every scenario has finished. The
two stock scenarios also undo their own change at once, to show inverse actions at work.
"""

from __future__ import annotations

from typing import Any

from auditor._config import AuditConfig, parse_config


def reference_scenarios(
    shop_url: str, token_env: str, *, deadline_s: float = 60.0, subjects: int = 1
) -> dict[str, Any]:
    """The `[sandbox]` and `[lag]` tables for the reference shop at `shop_url`."""
    sandbox = f"{shop_url.rstrip('/')}/_sandbox"

    def stock(available: object) -> dict[str, Any]:
        return {
            "method": "PUT",
            "url": f"{sandbox}/stock/{{{{sku}}}}",
            "body": {"available": available},
        }

    scenarios: list[dict[str, Any]] = [
        {"kind": "stock_out", "action": stock(0), "restore": stock("{{on_hand}}")},
        {"kind": "back_in_stock", "action": stock(12), "restore": stock(0)},
        {
            "kind": "order_shipped",
            "action": {
                "method": "POST",
                "url": f"{sandbox}/orders/{{{{order_id}}}}/advance",
                "body": {"status": "shipped"},
            },
        },
        {
            "kind": "return_filed",
            "action": {
                "method": "POST",
                "url": f"{sandbox}/returns",
                "body": {"order_id": "{{order_id}}", "sku": "{{sku}}"},
            },
            "subject_path": "$.id",
        },
        {
            "kind": "refund_issued",
            "action": {"method": "POST", "url": f"{sandbox}/returns/{{{{return_id}}}}/refund"},
        },
    ]
    return {
        "sandbox": {
            "enabled": True,
            "auth": {"bearer_env": token_env},
            "reset": {"method": "POST", "url": f"{sandbox}/reset"},
        },
        "lag": {
            "deadline_s": deadline_s,
            "scenarios": [{**s, "subjects": subjects} for s in scenarios],
        },
    }


def with_reference_lag(
    config: AuditConfig, shop_url: str, token_env: str, *, deadline_s: float = 60.0
) -> AuditConfig:
    """`config` with the reference scenarios added (what `auditor demo --lag` runs)."""
    data = config.model_dump(mode="json")
    data.update(reference_scenarios(shop_url, token_env, deadline_s=deadline_s))
    return parse_config(data, source="demo --lag")
