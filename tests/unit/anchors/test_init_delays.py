"""`auditor init` guesses the fields late and stalled orders are told from (issue 24): the
promised date, the delivered flag and date, the last carrier update."""

from __future__ import annotations

import json
from pathlib import Path

from auditor._config import load_config
from tests.unit.anchors._cli import OWN, auditor, no_traceback

_ORDER = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "customerId": {"type": "string"},
        "status": {"type": "string", "enum": ["open", "shipped", "delivered"]},
        "estimatedDelivery": {"type": "string", "format": "date"},
        "promisedDeliveryDate": {"type": "string", "format": "date"},
        "isDelivered": {"type": "boolean"},
        "deliveredAt": {"type": "string", "format": "date-time"},
        "lastTrackingEventAt": {"type": "string", "format": "date-time"},
        "updatedAt": {"type": "string", "format": "date-time"},
    },
}
_DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "orders", "version": "1"},
    "paths": {
        "/orders": {
            "get": {
                "operationId": "listOrders",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"type": "array", "items": _ORDER},
                            }
                        },
                    }
                },
            }
        }
    },
}


def _orders_fields(tmp_path: Path, document: Path) -> dict[str, object]:
    out = tmp_path / "audit.toml"
    result = auditor("init", "--spec", str(document), "-o", str(out))
    assert no_traceback(result), result.exception
    assert result.exit_code == 0, result.output
    config = load_config(out)
    (mapping,) = [
        a.mappings()["orders"] for a in config.anchors.values() if "orders" in a.mappings()
    ]
    return dict(mapping.fields)


def test_init_guesses_the_delay_fields_by_their_names(tmp_path):
    document = tmp_path / "orders.json"
    document.write_text(json.dumps(_DOCUMENT), encoding="utf-8")
    fields = _orders_fields(tmp_path, document)
    assert {k: fields.get(k) for k in ("promised_date", "delivered", "delivered_at")} == {
        "promised_date": "$.promisedDeliveryDate",
        "delivered": "$.isDelivered",
        "delivered_at": "$.deliveredAt",
    }
    assert fields["last_update"] == "$.lastTrackingEventAt"  # not the record's own updatedAt
    assert fields["eta"] == "$.estimatedDelivery"


def test_init_maps_the_reference_shops_promise_and_carrier_news(tmp_path):
    fields = _orders_fields(tmp_path, OWN / "orders.yaml")
    assert fields["promised_date"] == "$.promised_date"
    assert fields["last_update"] == "$.last_carrier_update"
