"""False claims by mechanism (issue 23): each a false `fail` waiting to happen. The sentences
are new, written for these tests, not taken from the development sets that showed the causes:
"no charge" of a cancellation or refund is no discount offer; "follow up" is a contact verb,
not a parcel's; the time span of a promised contact is never a delivery date; a terse answer
names an item by the noun its name ends on before its sizes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, extract
from auditor._claims._context import ExtractionContext

_NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
_ITEMS = {
    "MT-0090": "Doormat 60x90",
    "LP-0300": "Table Lamp",
    "CU-4545": "Cushion 45x45",
    "PF-1318": "Picture Frame 13x18",
    "SP-0020": "Speaker S20",
    "SP-0021": "Speaker S20 Mini",
    "KT-0001": "Kettle",
}
_CONTEXT = ExtractionContext(now=_NOW, items=_ITEMS)


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, [kind], _CONTEXT)]


@pytest.mark.parametrize(
    "text",
    [
        "ORD-55120 has been cancelled and there's no charge.",
        "done, cancelled ORD-55121 at no cost to u",
        "Your refund for ORD-55122 went through, no charge for processing it.",
        "I've voided the order for you — no charge.",
    ],
)
def test_no_charge_of_a_cancellation_or_refund_is_no_discount(text):
    assert read(text, ClaimKind.DISCOUNT) == []


@pytest.mark.parametrize(
    "text",
    [
        "I've cancelled the faulty one and we'll send a replacement at no charge.",
        "The Table Lamp is cancelled from the bill: no charge for it, it's yours to keep.",
    ],
)
def test_something_given_at_no_charge_beside_a_cancellation_is_still_free(text):
    assert [value for value, _ in read(text, ClaimKind.DISCOUNT)] == ["free"]


@pytest.mark.parametrize(
    "text",
    [
        "Your order ORD-55130 went out on Friday; I'll follow up on the Table Lamp for you.",
        "ORD-55131 was dispatched yesterday and I'm following up on the second parcel.",
        "ORD-55132 has shipped. Our team follows up on the Doormat question by email.",
    ],
)
def test_follow_up_is_no_part_still_to_ship(text):
    assert [value for value, _ in read(text, ClaimKind.ORDER_STATUS)] == ["shipped"]


def test_a_part_that_follows_is_still_a_partial_shipment():
    text = "ORD-55133 went out on Friday; the Table Lamp will follow separately."
    assert [value for value, _ in read(text, ClaimKind.ORDER_STATUS)] == ["partially_shipped"]


@pytest.mark.parametrize(
    "text",
    [
        "Our logistics team will follow up with you within three business days.",
        "A colleague will get back to you by Wednesday about ORD-55140.",
        "I've logged it with dispatch, you'll hear from us tomorrow",
        "passed ur details to the courier desk, expect a phone call on Tuesday",
        "I've raised this with billing; expect an email update within 48 hours.",
        # A message reaches the customer, not the parcel.
        "You'll receive your tracking link by text on Thursday.",
        "A reply from our warehouse team should be with you by Friday.",
        "The depot will get back with you by Tuesday.",
        "The courier will reach you by phone tomorrow to book a slot.",
    ],
)
def test_the_time_of_a_promised_contact_is_no_delivery_date(text):
    assert read(text, ClaimKind.DELIVERY_DATE) == []


@pytest.mark.parametrize(
    "text",
    [
        "The driver will call you on arrival; ORD-55141 should be delivered on Wednesday.",
        "We'll email you the tracking link today, and ORD-55141 will arrive on Wednesday.",
        "You'll receive your replacement for ORD-55141 on Wednesday.",
    ],
)
def test_a_delivery_said_beside_a_contact_still_gives_its_date(text):
    assert read(text, ClaimKind.DELIVERY_DATE) == [("2026-12-09", "ORD-55141")]


@pytest.mark.parametrize(
    ("text", "sku"),
    [
        ("doormat in stock", "MT-0090"),
        ("yes doormat available, 4 left", "MT-0090"),
        ("cushions sold out sorry", "CU-4545"),
    ],
)
def test_a_terse_answer_names_an_item_by_its_noun_before_the_sizes(text, sku):
    assert [subject for _, subject in read(text, ClaimKind.AVAILABILITY)] == [sku]


@pytest.mark.parametrize(
    "text",
    [
        # "Speaker S20" and "Speaker S20 Mini": "speaker" alone cannot tell which.
        "speaker in stock",
        # The last word of a longer name: "wooden frames" may be another product.
        "wooden frames in stock",
    ],
)
def test_a_noun_that_cannot_tell_the_item_names_none(text):
    assert [subject for _, subject in read(text, ClaimKind.AVAILABILITY)] == [None]
