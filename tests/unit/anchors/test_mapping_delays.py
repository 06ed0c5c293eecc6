"""The order fields late and stalled orders are told from (issue 24), read by configuration:
promised date, delivered flag and date, last carrier update, and the mapping's stall_days."""

from __future__ import annotations

from datetime import UTC, date, datetime

from auditor._anchors._config import FactMapping
from auditor._anchors._mapping import RecordMapper
from auditor._delays import delay_classes
from auditor._facts import DEFAULT_STALL_DAYS, OrderFact

READ_AT = datetime(2026, 12, 7, 10, tzinfo=UTC)
FIELDS = {
    "order_id": "$.id",
    "customer_id": "$.customer",
    "status": "$.state",
    "eta": "$.eta",
    "promised_date": "$.promise",
    "delivered": "$.done",
    "delivered_at": "$.doneAt",
    "last_update": "$.tracking.lastEventAt",
}
RECORD = {
    "id": "ORD-1",
    "customer": "C-1",
    "state": "shipped",
    "eta": "2026-12-09",
    "promise": "2026-12-04",
    "done": False,
    "doneAt": None,
    "tracking": {"lastEventAt": "2026-12-05T08:00:00Z"},
}


def _map(record: dict[str, object], **mapping: object):
    mapper = RecordMapper("orders", FactMapping(list="listOrders", fields=FIELDS, **mapping))
    return mapper.map(record, READ_AT)


def test_the_delay_fields_are_read_into_the_order_fact():
    fact, problems = _map(RECORD)
    assert problems == [] and isinstance(fact, OrderFact)
    assert (fact.promised_date, fact.delivered, fact.delivered_on) == (
        date(2026, 12, 4),
        False,
        None,
    )
    assert fact.last_update == datetime(2026, 12, 5, 8, tzinfo=UTC)
    assert fact.stall_days == DEFAULT_STALL_DAYS
    # Promised for the 4th, not delivered: late though the carrier's new ETA is to come.
    assert delay_classes(fact) == ("late_order",)


def test_stall_days_comes_from_the_mapping():
    on_time = dict(RECORD, promise="2026-12-09")
    fact, _ = _map(on_time)
    assert isinstance(fact, OrderFact) and delay_classes(fact) == ()  # 2 days 2 h < 3 days
    fact, _ = _map(on_time, stall_days=1)
    assert isinstance(fact, OrderFact) and delay_classes(fact) == ("stalled_shipment",)


def test_a_delivered_date_or_flag_ends_the_delay():
    for record in (dict(RECORD, doneAt="2026-12-06T09:00:00Z"), dict(RECORD, done=True)):
        fact, _ = _map(record)
        assert isinstance(fact, OrderFact) and delay_classes(fact) == ()


def test_a_flag_that_is_no_boolean_is_a_problem_with_its_path():
    fact, problems = _map(dict(RECORD, done="yes"))
    assert fact is None
    assert [(p.parts, p.reason) for p in problems] == [
        (("done",), "`delivered`: expected true or false, got str")
    ]
