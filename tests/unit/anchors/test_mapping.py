"""Records become canonical facts by configuration alone; doubtful records are skipped."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from auditor._anchors import FactMapping
from auditor._anchors._mapping import RecordMapper
from auditor._facts import (
    Availability,
    OrderFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    ReturnStatus,
    StockFact,
    availability_of,
)

NOW = datetime(2030, 1, 1, tzinfo=UTC)
STOCK = FactMapping(
    list="products.list",
    fields={
        "sku": "$.productCode",
        "name": "$.displayName",
        "on_hand": "$.inventory.qtyOnHand",
        "status": "$.stockStatus",
        "restock_date": "$.restockOn",
    },
    values={"status": {"OOS": "out_of_stock", "EOL": "discontinued", "BACKORDER": "backorder"}},
)


def _product(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "productCode": "NW00001",
        "displayName": "Teapot",
        "stockStatus": "in_stock",
        "inventory": {"qtyOnHand": 12},
        "restockOn": None,
    }
    record.update(changes)
    return record


def test_a_stock_record_maps_onto_a_stock_fact() -> None:
    fact, problems = RecordMapper("stock", STOCK).map(
        _product(stockStatus="BACKORDER", restockOn="2031-02-03"), NOW
    )
    assert problems == []
    assert fact == StockFact(
        "NW00001", "Teapot", Availability.BACKORDER, 12, NOW, restock_date=date(2031, 2, 3)
    )


@given(
    on_hand=st.integers(-5, 500),
    word=st.sampled_from(["in_stock", "OOS", "EOL", "BACKORDER", "low_stock"]),
)
def test_availability_always_comes_from_availability_of(on_hand: int, word: str) -> None:
    fact, _ = RecordMapper("stock", STOCK).map(
        _product(stockStatus=word, inventory={"qtyOnHand": on_hand}), NOW
    )
    assert isinstance(fact, StockFact)
    status = Availability(STOCK.values["status"].get(word, word))
    assert fact.availability is availability_of(status, on_hand)


def test_a_word_outside_the_values_table_skips_the_record_with_its_path() -> None:
    fact, problems = RecordMapper("stock", STOCK).map(_product(stockStatus="ARCHIVED"), NOW)
    assert fact is None
    (problem,) = problems
    assert problem.parts == ("stockStatus",)
    assert "ARCHIVED" in problem.reason and "values.status" in problem.reason


def test_a_count_of_the_wrong_type_skips_the_record() -> None:
    fact, problems = RecordMapper("stock", STOCK).map(
        _product(inventory={"qtyOnHand": "seven"}), NOW
    )
    assert fact is None
    assert problems[0].parts == ("inventory", "qtyOnHand")
    assert problems[0].value == "seven"


def test_a_missing_id_skips_the_record() -> None:
    record = _product()
    del record["productCode"]
    fact, problems = RecordMapper("stock", STOCK).map(record, NOW)
    assert fact is None
    assert "sku" in problems[0].reason


def test_a_null_optional_field_reads_as_unknown() -> None:
    fact, problems = RecordMapper("stock", STOCK).map(_product(restockOn=None), NOW)
    assert isinstance(fact, StockFact) and fact.restock_date is None and problems == []


def test_a_non_object_record_is_skipped() -> None:
    fact, problems = RecordMapper("stock", STOCK).map(["not", "a", "record"], NOW)
    assert fact is None and problems


ORDERS = FactMapping(
    list="getOrders",
    fields={
        "order_id": "$.orderNumber",
        "customer_id": "$.customerRef",
        "status": "$.state",
        "eta": "$.estimatedDelivery",
        "tracking_number": "$.shipment.trackingCode",
        "carrier": "$.shipment.carrierName",
        "lines": "$.items[*]",
        "lines.sku": "$.productCode",
        "lines.name": "$.title",
        "lines.quantity": "$.qty",
        "lines.shipped_quantity": "$.qtyShipped",
    },
    values={"status": {"PARTIAL": "partially_shipped"}},
)


def _order(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "orderNumber": "NWO-000001",
        "customerRef": "NWC-01",
        "state": "PARTIAL",
        "estimatedDelivery": "2030-06-01",
        "shipment": {"carrierName": "Hermes", "trackingCode": "HX1"},
        "items": [
            {"productCode": "NW00001", "title": "Teapot", "qty": 2, "qtyShipped": 1},
            {"productCode": "NW00002", "title": "Mug", "qty": 1, "qtyShipped": 0},
        ],
    }
    record.update(changes)
    return record


def test_order_lines_are_mapped_relative_to_each_line() -> None:
    fact, problems = RecordMapper("orders", ORDERS).map(_order(), NOW)
    assert problems == []
    assert isinstance(fact, OrderFact)
    assert fact.status is OrderStatus.PARTIALLY_SHIPPED
    assert fact.eta == date(2030, 6, 1)
    assert (fact.carrier, fact.tracking_number) == ("Hermes", "HX1")
    assert [(line.sku, line.quantity, line.shipped_quantity) for line in fact.lines] == [
        ("NW00001", 2, 1),
        ("NW00002", 1, 0),
    ]


def test_a_bad_line_skips_the_order_and_points_into_the_line() -> None:
    record = _order()
    record["items"][1]["qty"] = "one"
    fact, problems = RecordMapper("orders", ORDERS).map(record, NOW)
    assert fact is None
    assert problems[0].parts == ("items", 1, "qty")


def test_a_null_shipment_reads_as_no_tracking() -> None:
    fact, _ = RecordMapper("orders", ORDERS).map(_order(shipment=None, state="NEW"), NOW)
    assert fact is None  # NEW is not a canonical word and not in `values`
    mapper = RecordMapper(
        "orders", ORDERS.model_copy(update={"values": {"status": {"NEW": "pending"}}})
    )
    fact, _ = mapper.map(_order(shipment=None, state="NEW"), NOW)
    assert isinstance(fact, OrderFact)
    assert fact.tracking_number is None and fact.carrier is None


RETURNS = FactMapping(
    list="listReturns",
    fields={
        "return_id": "$.id",
        "order_id": "$.order_id",
        "customer_id": "$.customer_id",
        "status": "$.status",
        "created_at": "$.created_at",
        "sku": "$.sku",
        "refund_state": "$.refund.status",
        "refund_amount": "$.refund.amount.amount",
    },
)


@given(amount=st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False))
def test_refund_amounts_are_exact_decimals(amount: Decimal) -> None:
    record = {
        "id": "RMA-0001",
        "order_id": "ORD-10001",
        "customer_id": "C-001",
        "status": "approved",
        "created_at": "2029-12-31T23:50:00Z",
        "sku": "KT-0001",
        "refund": {"status": "pending", "amount": {"amount": str(amount), "currency": "EUR"}},
    }
    fact, problems = RecordMapper("returns", RETURNS).map(record, NOW)
    assert problems == []
    assert isinstance(fact, ReturnFact)
    assert fact.refund_amount == amount
    assert fact.status is ReturnStatus.APPROVED
    assert fact.refund_state is RefundState.PENDING
    assert fact.created_at == datetime(2029, 12, 31, 23, 50, tzinfo=UTC)
