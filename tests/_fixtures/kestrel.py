"""The Kestrel shop (tests/apps/kestrel.py) on loopback, one for the whole session.

Read it, never change it: a test that removes records starts a `Kestrel` of its own. Its
access log grows with every test; mark where yours starts (`len(shop.access)`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from auditor._serve import serve_in_thread
from tests.apps.kestrel import Kestrel


@dataclass(frozen=True, slots=True)
class ServedKestrel:
    shop: Kestrel
    url: str


@pytest.fixture(scope="session")
def kestrel() -> Iterator[ServedKestrel]:
    shop = Kestrel()
    with serve_in_thread(shop.app) as url:
        yield ServedKestrel(shop, url)
