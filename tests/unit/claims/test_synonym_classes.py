"""A rule written over a class of the lexicon reads every member of it, in every form
(`benchmarks/claims_synonyms.py` found rules that spelt one member out: a return "approved"
was read and the same return "granted" was not).

Sentences written for the test, none taken from the labelled sets.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._lexicon import APPROVED, APPROVING, CARRIER_LIST, LANDING, forms, past

CONTEXT = ExtractionContext(
    now=datetime(2026, 12, 9, 10, tzinfo=UTC),
    items={"HL-0300": "Hiking Lantern", "TB-0020": "Thermal Bottle"},
)


def _read(text: str) -> set[tuple[str, object, object]]:
    return {(c.kind.value, c.value, c.subject) for c in extract(text, context=CONTEXT)}


def _participle(lemma: str) -> str:
    """The past participle of a (phrasal) verb of the lexicon: "sign off" -> "signed off"."""
    return next(
        form for form in past(lemma)[3:-1].split("|") if form.endswith(lemma.partition(" ")[2])
    )


@pytest.mark.parametrize("verb", APPROVING)
def test_a_return_said_yes_to_in_any_word_of_the_class(verb: str) -> None:
    said = _participle(verb) if verb != "sign off" else "signed off"
    text = f"Good news, RMA-40817 has been {said}. A label is on its way to you."
    assert ("return_status", "approved", "RMA-40817") in _read(text)


@pytest.mark.parametrize("verb", APPROVING)
def test_a_refund_said_yes_to_but_not_paid_is_pending_in_any_word(verb: str) -> None:
    said = _participle(verb)
    text = f"The refund for RMA-40817 was {said} yesterday but hasn't been paid out yet."
    assert ("refund", "pending", "RMA-40817") in _read(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes RMA-40817's been granted, pop it in the post when you can", "approved"),
        ("RMA-40817 is sat waiting for a supervisor to grant it", "requested"),
        ("RMA-40817 is waiting to be okayed by the returns desk", "requested"),
        ("your return will need to be signed off before you send it", "requested"),
        ("Sadly we're unable to grant the return, it's outside 30 days (RMA-40817)", "rejected"),
    ],
)
def test_return_states_in_the_class_words(text: str, value: str) -> None:
    assert any(kind == "return_status" and v == value for kind, v, _ in _read(text)), _read(text)


def test_a_refund_field_in_any_word_of_the_class() -> None:
    text = "**Refund for RMA-40817**\n\n- Status: Authorised\n- Amount: £24.00"
    assert ("refund", "pending", "RMA-40817") in _read(text)


@pytest.mark.parametrize("verb", ["turned up", "showed up", "landed", "arrived"])
def test_a_returned_parcel_arriving_in_any_word(verb: str) -> None:
    text = f"RMA-40817 {verb} at the warehouse on Monday, it's being checked over now."
    assert ("return_status", "received", "RMA-40817") in _read(text)


@pytest.mark.parametrize("verb", ["turned up", "showed up", "landed", "arrived"])
def test_an_order_arriving_in_any_word_is_delivered_on_that_day(verb: str) -> None:
    claims = extract(f"ORD-61023 {verb} with you on Monday", context=CONTEXT)
    read = {(c.kind, c.value) for c in claims}
    assert (ClaimKind.ORDER_STATUS, "delivered") in read
    assert (ClaimKind.DELIVERY_DATE, "2026-12-07") in read


@pytest.mark.parametrize("verb", ["turned up", "showed up", "landed"])
def test_an_order_arriving_at_the_carriers_depot_is_on_its_way(verb: str) -> None:
    assert ("order_status", "shipped", "ORD-61023") in _read(
        f"ORD-61023 {verb} at the Leeds depot overnight, it should be out for delivery tomorrow"
    )


@pytest.mark.parametrize("verb", ["show up", "turn up"])
def test_an_order_due_to_show_up_has_a_date(verb: str) -> None:
    claims = extract(f"ORD-61023 should {verb} on Friday", context=CONTEXT)
    assert (ClaimKind.DELIVERY_DATE, "2026-12-11") in {(c.kind, c.value) for c in claims}


@pytest.mark.parametrize(
    "text",
    [
        "ORD-61023 is with the prepping team, it'll go out tomorrow",
        "ORD-61023's sitting in the queue for boxing up",
        "ORD-61023 is still on the assembling bench",
    ],
)
def test_an_order_at_a_stage_named_by_any_word_of_preparing(text: str) -> None:
    assert ("order_status", "processing", "ORD-61023") in _read(text)


def test_an_item_never_restocked_in_any_word_is_discontinued() -> None:
    assert ("availability", "discontinued", "TB-0020") in _read(
        "The Thermal Bottle has been withdrawn and won't be replenished."
    )


@pytest.mark.parametrize("carrier", [name for name in CARRIER_LIST if " " not in name])
def test_an_order_with_any_carrier_in_chat_shorthand_has_shipped(carrier: str) -> None:
    assert ("order_status", "shipped", "ORD-61023") in _read(f"ORD-61023 w {carrier} now")


def test_on_a_carrier_of_two_words_truck() -> None:
    assert ("order_status", "shipped", "ORD-61023") in _read(
        "ORD-61023 is on a Royal Mail van for delivery this afternoon."
    )


def test_the_lexicon_spells_every_form() -> None:
    assert "topped up" in forms("top up")
    assert "fulfilling" in forms("fulfil")
    assert {"granted", "signed off", "okayed", "ok'd"} <= set(APPROVED[3:-1].split("|"))
    assert set(LANDING) <= {"arrive", "turn up", "show up", "land"}


def test_a_hand_off_by_escalation() -> None:
    assert ("deflection", "contact_support", None) in _read(
        "I'm going to escalate you to our complaints team, they can sort this out"
    )


@pytest.mark.parametrize(
    "place", ["warehouse", "fulfilment centre", "fulfillment center", "distribution centre"]
)
def test_the_shops_store_in_any_of_its_names(place: str) -> None:
    assert ("order_status", "shipped", "ORD-61023") in _read(
        f"ORD-61023 left our {place} this morning, tracking to follow"
    )
    assert ("return_status", "received", "RMA-40817") in _read(
        f"RMA-40817 was received at our {place} on Monday"
    )
    assert ("order_status", "processing", "ORD-61023") in _read(
        f"ORD-61023 is still with our {place} team, it goes out tomorrow"
    )
