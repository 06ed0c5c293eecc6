"""Derived fields, value-map defaults, nested defaults: mappings that real APIs need."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from auditor._anchors import AnchorConfig, FactMapping
from auditor._anchors._derive import MISSING, FieldReader
from auditor._anchors._mapping import RecordMapper
from auditor._facts import OrderFact, OrderStatus, RefundState, ReturnFact, StockFact

NOW = datetime(2030, 1, 1, tzinfo=UTC)

#: An order's state from its shipments' states, as the third shop's audit.toml writes it.
SHIPMENT_RULES: dict[str, Any] = {
    "each": "$.shipments[*].state",
    "empty": "pending",
    "else": "processing",
    "rules": [
        {"all": ["canceled"], "then": "cancelled"},
        {"all": ["delivered"], "then": "delivered"},
        {"all": ["shipped", "delivered"], "then": "shipped"},
        {"any": ["shipped", "delivered"], "then": "partially_shipped"},
    ],
}


def _reader(spec: Any) -> FieldReader:
    return FieldReader.compile(
        FactMapping.model_validate({"get": "x", "fields": {"f": spec}}).fields["f"]
    )


@pytest.mark.parametrize(
    ("states", "status"),
    [
        ([], "pending"),
        (["ready"], "processing"),
        (["ready", "ready"], "processing"),
        (["shipped"], "shipped"),
        (["shipped", "delivered"], "shipped"),
        (["shipped", "ready"], "partially_shipped"),
        (["delivered", "ready", "ready"], "partially_shipped"),
        (["delivered", "delivered"], "delivered"),
        (["canceled"], "cancelled"),
        (["canceled", "shipped"], "partially_shipped"),
    ],
)
def test_a_state_table_over_an_array_reads_top_down(states: list[str], status: str):
    record = {"shipments": [{"state": s} for s in states]}
    assert _reader(SHIPMENT_RULES).read(record) == status


def test_present_or_absent():
    refund = _reader({"present": "$.refund", "then": "issued", "else": "none"})
    assert refund.read({"refund": {"amount": "1.00"}}) == "issued"
    assert refund.read({"refund": None}) == "none"
    assert refund.read({}) == "none"
    no_else = _reader({"present": "$.refund", "then": "issued"})
    assert no_else.read({}) is MISSING


def test_first_of_several_paths_then_the_default():
    tracking = _reader({"path": ["$.a.tracking", "$.b.tracking"], "default": "none yet"})
    assert tracking.read({"a": {"tracking": "A1"}, "b": {"tracking": "B1"}}) == "A1"
    assert tracking.read({"a": {"tracking": None}, "b": {"tracking": "B1"}}) == "B1"
    assert tracking.read({"a": {}}) == "none yet"
    assert _reader({"path": "$.x", "default": 3}).read({"x": None}) == 3


def test_count_and_sum():
    record = {"units": [{"n": 2}, {"n": 5}, {"n": None}], "words": [{"n": "two"}]}
    assert _reader({"count": "$.units[*]"}).read(record) == 3
    assert _reader({"count": "$.units[*].n"}).read(record) == 2
    assert _reader({"sum": "$.units[*].n"}).read(record) == 7
    assert _reader({"sum": "$.none[*].n"}).read(record) == 0


def test_a_sum_over_words_makes_the_record_unmappable_with_a_reason():
    mapping = FactMapping(
        list="x",
        fields={"sku": "$.sku", "on_hand": {"sum": "$.locations[*].n"}},  # type: ignore[dict-item]
    )
    fact, problems = RecordMapper("stock", mapping).map(
        {"sku": "A-1", "locations": [{"n": 1}, {"n": "lots"}]}, NOW
    )
    assert fact is None
    assert [p.reason for p in problems] == ["`on_hand`: `sum` over 'lots', not a number"]


def test_a_value_map_default_maps_every_other_shop_word_but_not_canonical_ones():
    mapping = FactMapping(
        list="x",
        fields={"sku": "$.sku", "status": "$.lifecycle"},
        values={"status": {"retired": "discontinued", "*": "in_stock"}},
    )
    mapper = RecordMapper("stock", mapping)

    def availability(word: str) -> str:
        fact, _ = mapper.map({"sku": "A-1", "lifecycle": word}, NOW)
        assert isinstance(fact, StockFact)
        return fact.availability.value

    assert availability("retired") == "discontinued"
    assert availability("featured") == "in_stock"
    assert availability("clearance") == "in_stock"
    assert availability("backorder") == "backorder"  # already a canonical word


def test_without_a_default_an_unknown_word_still_skips_the_record():
    mapping = FactMapping(
        list="x",
        fields={"sku": "$.sku", "status": "$.s"},
        values={"status": {"gone": "discontinued"}},
    )
    fact, problems = RecordMapper("stock", mapping).map({"sku": "A-1", "s": "featured"}, NOW)
    assert fact is None and "add it to values.status" in problems[0].reason


def test_an_order_without_a_customer_field_is_owned_by_whoever_read_it():
    mapping = FactMapping(
        list="x",
        fields={"order_id": "$.number", "status": SHIPMENT_RULES},  # type: ignore[dict-item]
    )
    mapper = RecordMapper("orders", mapping)
    record = {"number": "R1", "shipments": [{"state": "shipped"}, {"state": "ready"}]}
    fact, problems = mapper.map(record, NOW, {"customer_id": "alice"})
    assert problems == []
    assert isinstance(fact, OrderFact)
    assert (fact.customer_id, fact.status) == ("alice", OrderStatus.PARTIALLY_SHIPPED)
    fact, problems = mapper.map(record, NOW)
    assert fact is None and problems[0].reason == "required field `customer_id` is not mapped"


def test_a_nested_return_takes_order_and_owner_from_its_parent_unless_it_names_them():
    mapping = FactMapping(
        list="x",
        parent="orders",
        fields={
            "return_id": "$.number",
            "status": "$.state",
            "customer_id": "$.customer",
            "refund_state": {"present": "$.refund", "then": "issued", "else": "none"},  # type: ignore[dict-item]
        },
    )
    mapper = RecordMapper("returns", mapping)
    known = {"order_id": "R1", "customer_id": "alice"}
    fact, _ = mapper.map({"number": "RA1", "state": "received"}, NOW, known)
    assert isinstance(fact, ReturnFact)
    assert (fact.order_id, fact.customer_id, fact.refund_state) == ("R1", "alice", RefundState.NONE)
    fact, _ = mapper.map(
        {"number": "RA1", "state": "refunded", "customer": "bob", "refund": {}}, NOW, known
    )
    assert isinstance(fact, ReturnFact)
    assert (fact.customer_id, fact.refund_state) == ("bob", RefundState.ISSUED)


@pytest.mark.parametrize(
    ("spec", "reason"),
    [
        (
            {"path": "$.a", "count": "$.b"},
            "exactly one of `path`, `present`, `count`, `sum`, `each`",
        ),
        ({}, "(got: none)"),
        ({"present": "$.a"}, "`present` needs `then`"),
        ({"path": "$.a", "then": "x"}, "`then` goes with `present`"),
        ({"each": "$.a[*]"}, "`each` needs `rules`"),
        (
            {"count": "$.a[*]", "rules": [{"all": ["x"], "then": "y"}]},
            "`rules` and `empty` go with `each`",
        ),
        ({"sum": "$.a[*]", "else": 0}, "`else` goes with `present` or `each`"),
        ({"path": []}, "at least one JSONPath"),
        ({"path": "$..[("}, "not a JSONPath"),
        ({"each": "$.a[*]", "rules": [{"then": "y"}]}, "a rule tests `all` or `any`"),
        ({"each": "$.a[*]", "rules": [{"all": ["x"], "any": ["y"], "then": "y"}]}, "a rule tests"),
    ],
)
def test_a_bad_derivation_is_refused_with_its_reason(spec: dict[str, Any], reason: str):
    with pytest.raises(ValidationError) as caught:
        FactMapping.model_validate({"list": "x", "fields": {"sku": "$.sku", "name": spec}})
    assert reason in str(caught.value)


def test_derived_words_must_be_canonical_or_mapped():
    with pytest.raises(ValidationError) as caught:
        AnchorConfig.model_validate(
            {
                "spec": "s.yaml",
                "base_url": "http://127.0.0.1:1",
                "orders": {
                    "list": "x",
                    "fields": {
                        "order_id": "$.n",
                        "customer_id": "$.c",
                        "status": {**SHIPMENT_RULES, "empty": "nothing yet"},
                    },
                },
            }
        )
    assert "fields.status derives 'nothing yet', which is neither one of cancelled" in str(
        caught.value
    )


def test_nesting_is_checked():
    base = {"spec": "s.yaml", "base_url": "http://127.0.0.1:1"}
    returns = {"list": "x", "parent": "orders", "fields": {"return_id": "$.n", "status": "$.s"}}
    with pytest.raises(ValidationError, match="needs `orders` mapped on this anchor"):
        AnchorConfig.model_validate({**base, "returns": returns})
    with pytest.raises(ValidationError, match="only `returns` may be listed under a `parent`"):
        AnchorConfig.model_validate(
            {
                **base,
                "stock": {
                    "list": "x",
                    "parent": "orders",
                    "fields": {"sku": "$.s", "status": "$.t"},
                },
            }
        )
    with pytest.raises(ValidationError, match=r"parent_params\.number = 'number' is not an orders"):
        AnchorConfig.model_validate(
            {**base, "returns": {**returns, "parent_params": {"number": "number"}}}
        )
