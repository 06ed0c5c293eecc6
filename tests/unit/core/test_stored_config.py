"""meta.json keeps the configuration for replay, but never a literal header value."""

import json

from auditor._audit import stored_config
from auditor._config import parse_config

CONFIG = {
    "assistant": [
        {
            "name": "web",
            "kind": "openai",
            "base_url": "http://127.0.0.1:1/v1",
            "headers": {"Authorization": "Bearer sk-live-123", "X-Key": "{{env.KEY}}"},
        },
    ],
    "anchors": {
        "inventory": {
            "spec": "inventory.yaml",
            "base_url": "http://127.0.0.1:2",
            "stock": {
                "list": "listItems",
                "headers": {"X-Tenant": "t-9"},
                "fields": {"sku": "$.sku", "name": "$.name", "on_hand": "$.stock.available"},
            },
        }
    },
}


def test_literal_header_values_are_redacted_and_templates_kept():
    stored = stored_config(parse_config(CONFIG))
    text = json.dumps(stored)
    assert "sk-live-123" not in text and "t-9" not in text
    assert stored["assistant"][0]["headers"]["X-Key"] == "{{env.KEY}}"
    assert stored["assistant"][0]["base_url"] == "http://127.0.0.1:1/v1"
    parse_config(stored)  # still a valid configuration
