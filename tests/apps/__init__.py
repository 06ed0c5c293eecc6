"""Test applications: small servers that are test data, not tests (see tests/README.md).

The catalogue names each app and says what it is for, as schemathesis's `test/apps/` does; the
integration tests start them under uvicorn on loopback.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from auditor._anchors import AnchorConfig
from auditor._config import AuditConfig, parse_config
from tests.apps.northwind import API_KEY, CATALOG_KEY_ENV, FULFILMENT_KEY_ENV, SPECS, Northwind

#: Name -> (factory, purpose).
CATALOGUE: Mapping[str, tuple[Callable[[], Northwind], str]] = {
    "northwind": (Northwind, "a second shop: OpenAPI 3.0, camelCase, cursor/Link/offset pages"),
    "northwind-broken": (
        lambda: Northwind(broken=True),
        "Northwind serving records that break its document",
    ),
    "northwind-flaky": (
        lambda: Northwind(fail_first=2, retry_after="0"),
        "Northwind answering 503 with Retry-After to its first two requests",
    ),
}

#: The base URL the hand-written Northwind mapping is written for.
NORTHWIND_CONFIG_URL = "http://127.0.0.1:9100"
NORTHWIND_ENV = {CATALOG_KEY_ENV: API_KEY, FULFILMENT_KEY_ENV: API_KEY}


def northwind_config(url: str, **anchor_updates: Any) -> AuditConfig:
    """The hand-written `fixtures/shops/northwind/audit.toml`, pointed at `url`."""
    text = (SPECS / "audit.toml").read_text(encoding="utf-8").replace(NORTHWIND_CONFIG_URL, url)
    data = tomllib.loads(text)
    for anchor in data["anchors"].values():
        anchor.update(anchor_updates)
    return parse_config(data, source="northwind")


def northwind_anchors(url: str, **anchor_updates: Any) -> dict[str, AnchorConfig]:
    return dict(northwind_config(url, **anchor_updates).anchors)


__all__ = [
    "CATALOGUE",
    "NORTHWIND_ENV",
    "SPECS",
    "Northwind",
    "northwind_anchors",
    "northwind_config",
]

#: Where relative `spec` paths of the Northwind mapping resolve.
NORTHWIND_DIR: Path = SPECS
