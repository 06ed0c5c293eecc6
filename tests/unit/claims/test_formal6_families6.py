"""Formal US retail and British casual voices read by mechanism, sixth session (issues 16, 23).

The mechanisms were found on `fixtures/claims/dev6/formal6.jsonl` and on the blind misses of
dev3–dev5 (`fixtures/claims/dev6/formal6.md`); the sentences below are written for this test
and are in none of the fixtures, so each asserts a class of words or a scope, not a sentence.
Each mechanism has look-alikes that must stay unread."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._lexicon import FAILED_ATTEMPT, FULFILLING, NEXT_ATTEMPT, SUPPLIERS

ITEMS = {
    "RG-0001": "Wool Rug",
    "RG-0002": "Wool Rug Large",
    "PT-0009": "Planter",
    "TH-0004": "Thermos",
    "CK-0100": "Cuckoo Clock",
}
NOW = datetime.fromisoformat("2026-12-07T10:00:00+00:00")


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    context = ExtractionContext(now=NOW, items=ITEMS)
    return [(c.value, c.subject) for c in extract(text, [kind], context)]


def test_the_new_classes_are_data():
    assert re.fullmatch(FULFILLING, "take new orders for")
    assert re.fullmatch(SUPPLIERS, "wholesaler")
    assert re.fullmatch(FAILED_ATTEMPT, "wasn't able to get past")
    assert re.fullmatch(NEXT_ATTEMPT, "make another attempt")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # What the shop cannot supply, with a time of the present: none to sell.
        ("We're unable to take orders for the Planter at the moment.", "out_of_stock"),
        ("Sadly we cannot despatch the Thermos right now.", "out_of_stock"),
        ("The Cuckoo Clock is not an item we are able to sell at present.", "out_of_stock"),
        ("The Planter can't be bought just now, sorry.", "out_of_stock"),
        ("We are presently unable to provide the Thermos.", "out_of_stock"),
        ("We're temporarily out of inventory on the Planter.", "out_of_stock"),
        # Where the next stock comes from: a restock.
        ("The Thermos is sold out; the next batch from the wholesaler lands Friday.", "backorder"),
        ("None of the Planter left - we're waiting on the factory.", "backorder"),
        ("We've none of the Thermos, and more is due to be here by the 20th.", "backorder"),
        # Out of the range, in the shop's own words.
        ("We've stopped stocking the Cuckoo Clock, I'm afraid.", "discontinued"),
        ("The Planter's sold out and there are no plans to restock it.", "discontinued"),
    ],
)
def test_stock_told_by_what_the_shop_can_do(text: str, want: str) -> None:
    values = [value for value, _ in read(text, ClaimKind.AVAILABILITY)]
    assert values == [want]


@pytest.mark.parametrize(
    "text",
    [
        # A place or a kind of delivery denied, not the stock.
        "We can't ship the Planter to Northern Ireland.",
        "We're unable to deliver the Thermos on a Sunday.",
        # An order waiting on the maker is the order's delay, not the item's state.
        "ORD-40001 is waiting on the supplier before it can go out.",
    ],
)
def test_a_denial_of_where_or_of_an_order_is_no_stock(text: str) -> None:
    assert read(text, ClaimKind.AVAILABILITY) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Wool Rug Large can be ordered today.", [("in_stock", "RG-0002")]),
        ("Would you like the Thermos? It's yours if you want it.", [("in_stock", "TH-0004")]),
        # Weaker than any other phrase: the backorder is what is said.
        (
            "The Planter can be ordered now; it's on backorder until the 14th.",
            [("backorder", "PT-0009")],
        ),
    ],
)
def test_what_the_customer_can_do_is_read_only_alone(text: str, want: object) -> None:
    assert read(text, ClaimKind.AVAILABILITY) == want


def test_what_the_customer_can_do_says_nothing_beside_an_order() -> None:
    assert read("ORD-40002 can be ordered today as a repeat.", ClaimKind.AVAILABILITY) == []
    assert read("The refund is yours to keep.", ClaimKind.AVAILABILITY) == []


def test_a_dash_closes_a_terse_british_clause() -> None:
    text = "Yes, the Thermos is in – we had a delivery on Friday."
    assert read(text, ClaimKind.AVAILABILITY) == [("in_stock", "TH-0004")]


def test_a_shortage_said_of_the_variant_after_it_is_the_variants() -> None:
    text = "The Wool Rug's sold out in cream, but there's plenty in grey."
    assert read(text, ClaimKind.AVAILABILITY) == [("in_stock", "RG-0001")]


def test_a_zero_count_s_predicate_is_the_count() -> None:
    text = "There are zero units of the Thermos available today."
    assert read(text, ClaimKind.AVAILABILITY) == [("out_of_stock", "TH-0004")]
    assert read(text, ClaimKind.QUANTITY) == [(0, "TH-0004")]


def test_money_gone_back_is_no_stock() -> None:
    text = "That's all gone back to your card, £12.00 for the Planter."
    assert read(text, ClaimKind.AVAILABILITY) == []
    assert read(text, ClaimKind.REFUND) == [("issued", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The driver wasn't able to get past the gate, so ORD-40003 is back at the depot.",
        "Royal Mail had a go at delivering ORD-40003 but couldn't get an answer.",
        "ORD-40003 will be reattempted by the carrier.",
        "The carrier logged a delivery exception on ORD-40003.",
    ],
)
def test_a_failed_or_next_try_at_the_door_is_shipped(text: str) -> None:
    assert read(text, ClaimKind.ORDER_STATUS) == [("shipped", "ORD-40003")]


def test_the_next_try_gives_its_day_and_the_failed_one_none() -> None:
    text = (
        "The courier couldn't get in this morning with ORD-40004; they'll have another go"
        " on Wednesday."
    )
    assert read(text, ClaimKind.DELIVERY_DATE) == [("2026-12-09", "ORD-40004")]


def test_an_agent_who_cannot_access_is_no_carrier() -> None:
    text = "I couldn't access ORD-40005 on my screen, sorry."
    assert read(text, ClaimKind.ORDER_STATUS) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Sorry, the 25% code only applies to new accounts, so it won't go on your order.", []),
        ("The 10% voucher was for Black Friday and has expired now, I'm afraid.", []),
        # A limit of an offer given is still the offer.
        ("I've added a 15% voucher to your account; it can't be used on sale items.", ["15"]),
        # Gift wrapping is a policy, as shipping is.
        ("Complimentary gift wrap is offered on every order.", []),
    ],
)
def test_a_named_offer_said_not_to_apply(text: str, want: list[str]) -> None:
    assert [value for value, _ in read(text, ClaimKind.DISCOUNT)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Please visit the guest services desk at any of our stores.",
            ["contact_support"],
        ),
        ("You'll need to take it back to the store where you bought it.", ["contact_support"]),
        # A policy, not a hand-off.
        ("You can take it back to any of our stores within 60 days.", []),
    ],
)
def test_sent_to_a_desk_or_back_to_the_shop(text: str, want: list[str]) -> None:
    assert [value for value, _ in read(text, ClaimKind.DEFLECTION)] == want


@pytest.mark.parametrize(
    "text",
    [
        "We can't disclose account details without verifying the card holder first.",
        "Orders made under a company account can't be discussed from a personal login.",
    ],
)
def test_privacy_said_formally(text: str) -> None:
    assert [value for value, _ in read(text, ClaimKind.REFUSAL)] == ["privacy"]


def test_a_return_received_sharing_its_auxiliary() -> None:
    text = "Return RMA-50001 was registered on December 1 and received at our warehouse on the 3rd."
    assert read(text, ClaimKind.RETURN_STATUS) == [("received", "RMA-50001")]
