"""`[[customers]]`: test identities with credentials per anchor, checked with field paths."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

import pytest

from auditor._config import ConfigError, parse_config
from auditor._customers import customer_auth, identities
from tests.apps import KESTREL_DIR, kestrel_text

SHOP = {
    "spec": "shop.yaml",
    "base_url": "http://127.0.0.1:2",
    "orders": {"list": "orders.index", "fields": {"order_id": "$.number", "status": "$.state"}},
}


def _config(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "assistant": [
            {
                "name": "web",
                "kind": "http",
                "url": "http://127.0.0.1:1/message",
                "body": {"text": "{{question}}", "email": "{{customer.email}}"},
            }
        ],
        "anchors": {"shop": copy.deepcopy(SHOP)},
        "customers": [
            {
                "id": "alice",
                "auth": {"shop": {"bearer_env": "ALICE_KEY"}},
                "variables": {"email": "alice@example.test"},
                "headers": {"web": {"X-Session": "{{env.ALICE_SESSION}}"}},
            },
            {
                "id": "bob",
                "auth": {"shop": {"header": "X-Key", "header_env": "BOB_KEY"}},
                "variables": {"email": "bob@example.test"},
            },
        ],
    }
    data.update(changes)
    return data


def _problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(data)
    return caught.value.problems


def test_customers_parse_into_credentials_and_identities():
    config = parse_config(_config())
    auth = customer_auth(config.customers)
    assert auth["alice"]["shop"].bearer_env == "ALICE_KEY"
    assert auth["bob"]["shop"].header_env == "BOB_KEY"
    who = identities(config.customers)
    assert who["alice"].variables == {"email": "alice@example.test"}
    assert who["alice"].headers == {"web": {"X-Session": "{{env.ALICE_SESSION}}"}}


def test_the_third_shops_configuration_parses():
    text = kestrel_text("http://127.0.0.1:9")
    config = parse_config(tomllib.loads(text))
    assert [c.id for c in config.customers] == ["alice", "bob", "carol"]
    assert config.anchors["shop"].returns is not None
    assert config.anchors["shop"].returns.parent == "orders"
    assert (KESTREL_DIR / "audit.toml").is_file()


def test_a_duplicate_id_and_an_unknown_anchor_or_channel_are_named_by_path():
    data = _config()
    data["customers"].append(
        {"id": "alice", "auth": {"shp": {"bearer_env": "X"}}, "headers": {"sms": {"A": "b"}}}
    )
    problems = _problems(data)
    assert "customers.2.id: duplicate customer id 'alice' (customers.0)" in problems
    assert "customers.2.auth.shp: no anchor named 'shp' (anchors: shop)" in problems
    assert "customers.2.headers.sms: no assistant channel 'sms' (web)" in problems


def test_every_customer_needs_credentials_for_an_anchor_read_per_customer():
    data = _config()
    del data["customers"][1]["auth"]
    problems = _problems(data)
    assert (
        "customers.1.auth: no credentials for anchor `shop`, which is read per customer "
        "(it has no `auth` of its own)" in problems
    )


def test_orders_without_a_customer_field_need_an_anchor_read_per_customer():
    data = _config()
    data["anchors"]["shop"]["auth"] = {"bearer_env": "STAFF_KEY"}  # now read as staff
    problems = _problems(data)
    assert problems[0].startswith("anchors.shop.orders.fields.customer_id: map it, or read")
    data = _config(customers=[])
    assert _problems(data)[0].startswith("anchors.shop.orders.fields.customer_id")


def test_a_template_variable_every_customer_must_give():
    data = _config()
    del data["customers"][1]["variables"]
    assert _problems(data) == [
        "customers.1.variables: no `email`, which channel 'web' uses as {{customer.email}}"
    ]


@pytest.mark.parametrize(
    ("customer", "fragment"),
    [
        ({"auth": {}}, "customers.0.id"),
        ({"id": ""}, "customers.0.id"),
        ({"id": "c", "auth": {"shop": {"header": "X"}}}, "customers.0.auth.shop"),
        ({"id": "c", "token": "abc"}, "customers.0.token"),
    ],
)
def test_a_malformed_entry_is_refused_with_its_path(customer: dict[str, Any], fragment: str):
    problems = _problems(_config(customers=[customer]))
    assert any(p.startswith(fragment) for p in problems), problems


def test_a_customers_literal_header_is_not_stored_with_the_audit():
    from auditor._audit import stored_config

    data = _config()
    data["customers"][0]["headers"]["web"]["X-Token"] = "secret-value"
    stored = stored_config(parse_config(data))
    assert stored["customers"][0]["headers"] == {
        "web": {"X-Session": "{{env.ALICE_SESSION}}", "X-Token": "<redacted: not stored>"}
    }
    assert "secret-value" not in str(stored)
    parse_config(stored)  # still a configuration `auditor replay` can use
