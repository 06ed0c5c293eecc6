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
from tests.apps import kestrel as _kestrel
from tests.apps.kestrel import Kestrel
from tests.apps.northwind import API_KEY, CATALOG_KEY_ENV, FULFILMENT_KEY_ENV, SPECS, Northwind

#: Name -> (factory, purpose).
CATALOGUE: Mapping[str, tuple[Callable[[], Northwind | Kestrel], str]] = {
    "kestrel": (
        Kestrel,
        "a third shop: JSON:API, per-customer keys only, returns nested under orders",
    ),
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


#: The URLs the hand-written Kestrel configuration is written for.
KESTREL_CONFIG_URLS = ("http://127.0.0.1:9200", "http://127.0.0.1:8200")
KESTREL_DIR: Path = _kestrel.SPECS
KESTREL_ENV = _kestrel.ENV


def kestrel_text(shop_url: str, assistant_url: str = KESTREL_CONFIG_URLS[1]) -> str:
    """The hand-written `fixtures/shops/kestrel/audit.toml`, pointed at these servers, its
    document named by absolute path so that the file may be written anywhere."""
    text = (KESTREL_DIR / "audit.toml").read_text(encoding="utf-8")
    text = text.replace(KESTREL_CONFIG_URLS[0], shop_url)
    text = text.replace(KESTREL_CONFIG_URLS[1], assistant_url)
    spec = (KESTREL_DIR / "kestrel.yaml").as_posix()
    return text.replace('spec = "kestrel.yaml"', f'spec = "{spec}"')


def kestrel_config(shop_url: str, assistant_url: str = KESTREL_CONFIG_URLS[1]) -> AuditConfig:
    return parse_config(tomllib.loads(kestrel_text(shop_url, assistant_url)), source="kestrel")


__all__ = [
    "CATALOGUE",
    "KESTREL_DIR",
    "KESTREL_ENV",
    "NORTHWIND_ENV",
    "SPECS",
    "Kestrel",
    "Northwind",
    "kestrel_config",
    "kestrel_text",
    "northwind_anchors",
    "northwind_config",
]

#: Where relative `spec` paths of the Northwind mapping resolve.
NORTHWIND_DIR: Path = SPECS
