"""JSON:API resources read as plain records: attributes up, relationships from `included`."""

from __future__ import annotations

from datetime import UTC, datetime

from auditor._anchors import FactMapping
from auditor._anchors._jsonapi import MAX_DEPTH, included_index, join, source_parts
from auditor._anchors._mapping import RecordMapper
from auditor._facts import OrderFact, OrderStatus

DOCUMENT = {
    "data": [
        {
            "type": "orders",
            "id": "17",
            "attributes": {"number": "R1", "state": "complete"},
            "relationships": {
                "shipments": {
                    "data": [{"type": "shipments", "id": "s1"}, {"type": "shipments", "id": "s2"}]
                },
                "customer": {"data": {"type": "users", "id": "u9"}},
                "refund": {"data": None},
                "bill_address": {"data": {"type": "addresses", "id": "not-included"}},
            },
        }
    ],
    "included": [
        {"type": "shipments", "id": "s1", "attributes": {"state": "shipped", "tracking": "T1"}},
        {"type": "shipments", "id": "s2", "attributes": {"state": "ready", "tracking": None}},
        {
            "type": "users",
            "id": "u9",
            "attributes": {"email": "a@example.test"},
            "relationships": {"account": {"data": {"type": "accounts", "id": "a1"}}},
        },
        {"type": "accounts", "id": "a1", "attributes": {"tier": "gold"}},
    ],
}


def test_a_resource_joins_its_attributes_and_included_relationships():
    record = join(DOCUMENT["data"][0], included_index(DOCUMENT))
    assert record["id"] == "17" and record["number"] == "R1"
    assert [s["state"] for s in record["shipments"]] == ["shipped", "ready"]
    assert record["customer"]["email"] == "a@example.test"
    assert record["customer"]["account"] == {"id": "a1", "type": "accounts", "tier": "gold"}
    assert record["refund"] is None
    assert record["bill_address"] == {"id": "not-included", "type": "addresses"}


def test_relationships_stop_at_the_depth_limit():
    cycle = {
        "data": {
            "type": "a",
            "id": "1",
            "relationships": {"next": {"data": {"type": "a", "id": "1"}}},
        },
        "included": [
            {"type": "a", "id": "1", "relationships": {"next": {"data": {"type": "a", "id": "1"}}}}
        ],
    }
    record = join(cycle["data"], included_index(cycle))
    depth = 0
    while isinstance(record, dict) and "next" in record:
        record, depth = record["next"], depth + 1
    assert depth == MAX_DEPTH and record == {"id": "1", "type": "a"}


def test_garbage_is_left_alone():
    assert join("text", {}) == "text"
    assert included_index({"included": "nope"}) == {}
    assert included_index([1, 2]) == {}


def test_a_problem_points_back_into_the_resource():
    resource = DOCUMENT["data"][0]
    assert source_parts(resource, ("state",)) == ("attributes", "state")
    assert source_parts(resource, ("shipments", 0, "state")) == (
        "relationships",
        "shipments",
        "data",
    )
    assert source_parts(resource, ("id",)) == ("id",)


def test_a_mapping_reads_a_joined_record():
    mapping = FactMapping(
        list="orders.index",
        jsonapi=True,
        fields={
            "order_id": "$.number",
            "customer_id": "$.customer.email",
            "status": {
                "each": "$.shipments[*].state",
                "rules": [{"any": ["shipped"], "then": "partially_shipped"}],
                "else": "processing",
            },  # type: ignore[dict-item]
            "tracking_number": "$.shipments[0].tracking",
        },
    )
    assert (mapping.items_jsonpath(), mapping.record_jsonpath()) == ("$.data[*]", "$.data")
    record = join(DOCUMENT["data"][0], included_index(DOCUMENT))
    fact, problems = RecordMapper("orders", mapping).map(record, datetime(2030, 1, 1, tzinfo=UTC))
    assert problems == []
    assert isinstance(fact, OrderFact)
    assert (fact.customer_id, fact.status, fact.tracking_number) == (
        "a@example.test",
        OrderStatus.PARTIALLY_SHIPPED,
        "T1",
    )
