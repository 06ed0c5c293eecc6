"""Order and return ids written the shop's own way name their records (`_claims/_records.py`).

Sentences written for the test. Ids are those of shops unlike the reference one: Solidus-like
"R100000001" orders and "RA20000001" returns, "NWO-000123", and a shop numbering its orders
1001, 1002 …
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ExtractionContext, extract
from auditor._claims._records import RecordIndex
from auditor._claims._subjects import SubjectType

ORDER, RETURN = SubjectType.ORDER, SubjectType.RETURN
RECORDS = {
    "R100000001": ORDER,
    "R100007920": ORDER,
    "RA20000001": RETURN,
    "NWO-000123": ORDER,
    "ORD-4471": ORDER,
    "RMA-7201": RETURN,
    "1001": ORDER,
}
CONTEXT = ExtractionContext(
    now=datetime(2026, 12, 7, 10, tzinfo=UTC),
    items={"KT-1000": "Blue Kettle"},
    records=RECORDS,
)


def _read(text: str, context: ExtractionContext = CONTEXT) -> list[tuple[str, object, object]]:
    return [(c.kind.value, c.value, c.subject) for c in extract(text, context=context)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The shop's own ids, in any case, give the shop's id.
        ("Your order R100000001 has shipped.", ("order_status", "shipped", "R100000001")),
        ("order r100007920 is being prepared", ("order_status", "processing", "R100007920")),
        ("Your return RA20000001 has been refunded.", ("return_status", "refunded", "RA20000001")),
        ("NWO-000123 was delivered on Monday.", ("order_status", "delivered", "NWO-000123")),
        # An id of a learnt shape the snapshot does not hold: another customer's order.
        ("Order R100009999 was delivered yesterday.", ("order_status", "delivered", "R100009999")),
        # Ids said in another form, where the digits are those of exactly one known id.
        ("Order #4471 is on its way.", ("order_status", "shipped", "ORD-4471")),
        ("order no. 4471 has been cancelled", ("order_status", "cancelled", "ORD-4471")),
        ("return 7201 has been received", ("return_status", "received", "RMA-7201")),
        ("Your order number 1001 shipped this morning", ("order_status", "shipped", "1001")),
    ],
)
def test_a_record_named_the_shops_way_is_the_claims_subject(text, expected):
    assert expected in _read(text)


def test_without_the_ids_the_same_answers_name_no_record():
    bare = ExtractionContext(now=CONTEXT.now, items=CONTEXT.items)
    assert _read("Your order R100000001 has shipped.", bare) == [("order_status", "shipped", None)]
    assert _read("return 7201 has been received", bare) == [("return_status", "received", None)]


def test_a_bare_number_is_never_an_id():
    """A shop numbering its orders 1001 … : a number alone is a count, a year or a price."""
    claims = _read("We have 1001 units of the Blue Kettle in stock.")
    assert ("quantity", 1001, "KT-1000") in claims
    assert all(subject != "1001" for _, _, subject in claims)


def test_digits_no_known_id_has_or_several_have_name_no_return():
    assert _read("return 9999 was received", CONTEXT) == [("return_status", "received", None)]
    twice = ExtractionContext(records={"RMA-4471": RETURN, "RA4471": RETURN})
    assert _read("Return 4471 was received.", twice) == [("return_status", "received", None)]


def test_other_codes_stay_what_they_are():
    claims = _read("Order R100000001 shipped with tracking KX00011GB; the KT-1000 is in stock.")
    assert ("tracking", "KX00011GB", "R100000001") in claims
    assert ("availability", "in_stock", "KT-1000") in claims


def test_a_shape_two_kinds_share_names_only_the_ids_it_knows():
    index = RecordIndex.of({"ABC-100001": ORDER, "ABC-200002": RETURN})
    assert [m.subject for m in index.find("abc-100001 and abc-999999", ())] == ["ABC-100001"]


def test_an_id_read_as_an_item_by_its_letters_is_the_shops_record_when_it_holds_it():
    context = ExtractionContext(items={"KT-1000": "Blue Kettle"}, records={"PO-5501": ORDER})
    assert _read("PO-5501 has shipped.", context) == [("order_status", "shipped", "PO-5501")]


def test_the_clock_copy_keeps_the_ids():
    later = CONTEXT.at(datetime(2026, 12, 8, tzinfo=UTC))
    assert later.record_index is CONTEXT.record_index
    assert _read("Your order R100000001 has shipped.", later) == [
        ("order_status", "shipped", "R100000001")
    ]


@pytest.mark.parametrize("odd", ["", "   ", "12", "abc", "R1", "ORD-", "🙂", "a" * 300])
def test_odd_ids_build_an_index_and_read_nothing_amiss(odd):
    index = RecordIndex.of({odd: ORDER})
    text = "order 12 for abc: r1 ord- shipped"
    assert list(index.find(text, ("order", "abc"))) == []
    assert index.canonical(text, ()) == ()


# -- SKUs as the shop spells them ------------------------------------------------------------

SHOP = {
    "blue-kettle-01": "Blue Kettle",
    "NW00017": "Northwind Mug 17",
    "NW00007": "Northwind Teapot 7",
    "10042-BLU": "Harbour Mug",
}
SHOP_NOW = datetime(2026, 12, 7, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # A name gives the catalogue's own SKU, lower case and all.
        ("The Blue Kettle is in stock.", "blue-kettle-01"),
        ("BLUE-KETTLE-01 is in stock.", "blue-kettle-01"),
        # SKUs whose letters do not give them away, in any case.
        ("NW00017 is in stock.", "NW00017"),
        ("nw00017 is in stock.", "NW00017"),
        ("10042-blu is in stock.", "10042-BLU"),
        # A SKU of the catalogue's shape that it lacks is an item still: one it does not carry.
        ("NW99999 is in stock.", "NW99999"),
    ],
)
def test_an_item_is_named_as_the_shop_spells_its_sku(text, subject):
    context = ExtractionContext(now=SHOP_NOW, items=SHOP)
    assert _read(text, context) == [("availability", "in_stock", subject)]


def _judged(answer: str, asked: str) -> tuple[str, str | None]:
    from auditor._facts import Availability, Snapshot, StockFact
    from auditor._judge import AnswerContext, judge
    from auditor._probes import PROBE_KINDS, Probe

    facts = [
        StockFact(sku, name, Availability.IN_STOCK, 12, SHOP_NOW) for sku, name in SHOP.items()
    ]
    snapshot = Snapshot.of(SHOP_NOW, stock=facts)
    kind = PROBE_KINDS["stock.availability"]
    probe = Probe(kind=kind.name, subject=asked, fact_kind="stock", turns=("In stock?",))
    claims = extract(answer, context=ExtractionContext(now=SHOP_NOW, items=SHOP))
    fact = snapshot.stock[asked]
    verdict = judge(kind, probe, claims, fact, fact, AnswerContext(answer, SHOP_NOW, snapshot))
    return verdict.verdict.value, verdict.label


def test_a_right_answer_about_a_lower_case_sku_passes():
    """Subjects were upper-cased once, so a shop whose SKUs are lower case had every answer
    about another subject than the one asked, and every stock probe `unread`."""
    assert _judged("The Blue Kettle is in stock.", "blue-kettle-01") == ("pass", None)


def test_an_answer_about_another_sku_of_the_shop_is_a_wrong_subject():
    assert _judged("NW00017 is in stock.", "NW00007") == ("fail", "wrong_subject")


def test_a_sku_a_lower_case_catalogue_lacks_is_spelt_in_lower_case():
    context = ExtractionContext(now=SHOP_NOW, items={"ks-0001": "Kestrel Pan"})
    assert _read("KS-0001 is in stock.", context) == [("availability", "in_stock", "ks-0001")]
    assert _read("KS-9999 is not something we carry.", context) == [
        ("availability", "not_carried", "ks-9999")
    ]
    # A catalogue in capitals, or of digits only, keeps the capitals of an id it lacks.
    assert _read("KS-9999 is in stock.", CONTEXT) == [("availability", "in_stock", "KS-9999")]
    digits = ExtractionContext(items={"10042": "Harbour Mug"})
    assert _read("KS-9999 is in stock.", digits) == [("availability", "in_stock", "KS-9999")]


def test_an_order_number_alone_is_the_shops_order_or_none():
    """ "order #8226" is ORD-8226 where the shop writes its orders so, or where nothing is
    known of them (`_subjects._with_order_numbers`); a shop numbering its orders otherwise
    gets the order with those digits, or no subject: never an id it does not use."""
    solidus = ExtractionContext(records={"R100000001": ORDER, "1001": ORDER})
    assert _read("Your order #8226 has shipped", solidus) == [("order_status", "shipped", None)]
    assert _read("order no. 1001 shipped", solidus) == [("order_status", "shipped", "1001")]
    reference = ExtractionContext(records={"ORD-4471": ORDER})
    for context in (reference, ExtractionContext()):
        assert _read("order no. 4471 has been cancelled", context) == [
            ("order_status", "cancelled", "ORD-4471")
        ]
        assert _read("Your order #8226 has shipped", context) == [
            ("order_status", "shipped", "ORD-8226")
        ]
