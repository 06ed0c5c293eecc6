"""An anchor loads certificates only when it can make a TLS connection, and never skips checks."""

from __future__ import annotations

import ssl

import pytest

from auditor._anchors._client import tls_context
from auditor._anchors._config import AnchorConfig, FactMapping


def _anchor(base_url: str, spec: str = "inventory.yaml") -> AnchorConfig:
    stock = FactMapping(
        list="listItems", items_path="$.items[*]", fields={"sku": "$.sku", "on_hand": "$.n"}
    )
    return AnchorConfig(spec=spec, base_url=base_url, stock=stock)


def test_a_plain_http_anchor_trusts_no_certificate_and_still_verifies() -> None:
    context = tls_context(_anchor("http://127.0.0.1:8080"))
    assert context.cert_store_stats()["x509_ca"] == 0
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


@pytest.mark.parametrize(
    ("base_url", "spec"),
    [
        ("https://shop.example", "inventory.yaml"),
        ("http://127.0.0.1:8080", "https://shop.example/openapi.yaml"),
    ],
)
def test_an_anchor_reached_or_documented_over_https_loads_the_certificates(
    base_url: str, spec: str
) -> None:
    context = tls_context(_anchor(base_url, spec))
    assert context.cert_store_stats()["x509_ca"] > 0
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert tls_context(_anchor("https://other.example")) is context  # loaded once
