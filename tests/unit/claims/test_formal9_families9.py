"""Formal US retail and British casual voices read by mechanism, ninth session (issues 16, 23).

The mechanisms were found on `fixtures/claims/dev9/formal9.jsonl` (`fixtures/claims/dev9/
formal9.md`); the sentences below are written for this test and are in none of the fixtures,
so each asserts a class of words or a scope, not a sentence. Each mechanism has look-alikes
that must stay unread."""

from __future__ import annotations

from datetime import datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

ITEMS = {
    "HT-0040": "Oil Heater 40",
    "HT-0041": "Oil Heater 40 Max",
    "KB-0700": "Keyboard",
    "MN-0270": "Monitor 27",
    "RG-0100": "Wool Rug",
    "QL-0200": "Quilt",
    "LN-0300": "Storm Lantern",
    "PT-0400": "Plant Pot",
    "FR-0500": "Fridge Magnet",
    "TR-0600": "Tray Table",
}
NOW = datetime.fromisoformat("2026-12-07T10:00:00+00:00")
STOCK = ClaimKind.AVAILABILITY
COUNT = ClaimKind.QUANTITY


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    context = ExtractionContext(now=NOW, items=ITEMS)
    return sorted(
        ((c.value, c.subject) for c in extract(text, [kind], context)), key=lambda v: str(v)
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A limit on what one buyer may take is a rule of the sale, no count of stock.
        ("The Keyboard is in stock, though purchases are restricted to 4 units per customer.", []),
        ("We've got 12 Storm Lanterns in, limited to 2 units per household.", [(12, "LN-0300")]),
        ("There's a maximum of three Plant Pots per order at the moment.", []),
        # Look-alike: a count that is stock stays one.
        ("We have 5 Wool Rugs left for you.", [(5, "RG-0100")]),
    ],
)
def test_a_purchase_limit_is_no_count(text, want):
    assert read(text, COUNT) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # The stock used up, the shop as the one who used it.
        ("I'm sorry to say we have depleted our stock of the Wool Rug.", "out_of_stock"),
        # Back on a day, said as "in stock again".
        ("The Wool Rug will be in stock again on the 22nd.", "backorder"),
        # Awaiting a shipment: stock to come.
        ("The Wool Rug is unavailable while we await a delivery from the mill.", "backorder"),
        # Not sold now, said of the range.
        ("The Wool Rug isn't something we stock any more, I'm afraid.", "discontinued"),
        # A predicate joined to a noun of offers is still the item's.
        ("The Wool Rug is a popular alternative and is available today.", "in_stock"),
        # Where it goes out from, or how fast.
        ("The Wool Rug is dispatched from our Reno fulfillment center.", "in_stock"),
        ("The Wool Rug ships within 2 working days.", "in_stock"),
        ("The Wool Rug is sitting in our Leeds warehouse.", "in_stock"),
        # Bought at a store, actively or passively.
        ("You can click and collect the Wool Rug at our Bath shop.", "in_stock"),
        ("The Wool Rug can be bought online for collection at our Derby store.", "in_stock"),
        # A terse "in", with where or what follows.
        ("The Wool Rug's in at the Exeter branch.", "in_stock"),
        ("The Wool Rug's in and can go out to you tomorrow.", "in_stock"),
    ],
)
def test_stock_said_by_its_story(text, want):
    assert read(text, STOCK) == [(want, "RG-0100")]


@pytest.mark.parametrize(
    "text",
    [
        # Look-alikes: a rug a customer may order, a warehouse holding it back, a store's
        # opening hours.
        "The Wool Rug is held in our warehouse for quality review.",
        "Our Bath shop is open until 6 on weekdays.",
    ],
)
def test_no_stock_in_look_alikes(text):
    assert read(text, STOCK) == []


def test_a_place_that_has_a_count():
    text = "The Quilt has sold out in the Truro shop, but the warehouse has 11."
    assert read(text, STOCK) == [("in_stock", "QL-0200")]
    assert read(text, COUNT) == [(11, "QL-0200")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # One variant short, the others to be had: the item is in stock.
        ("The Quilt in teal is out of stock, but the ivory and sand options remain available.",
         [("in_stock", "QL-0200")]),
        ("Sorry, the Quilt in olive is out, but we've got the beige and cream ones.",
         [("in_stock", "QL-0200")]),
        ("The Quilt's fine in queen, but the king size has sold out.", [("in_stock", "QL-0200")]),
        # Look-alike: one variant short, and no other said to be had.
        ("The Quilt in teal is out, I'm afraid.", [("out_of_stock", "QL-0200")]),
    ],
)  # fmt: skip
def test_variants_beside_a_shortage(text, want):
    assert read(text, STOCK) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A model number said as another one names another product.
        ("We don't sell the Monitor 24, sorry.", [("not_carried", None)]),
        ("We're not carrying the Monitor 32 at all.", [("not_carried", None)]),
        # Look-alikes: the shop's own model; a count after a name of another length.
        ("We don't stock the Oil Heater 40 Max.", [("not_carried", "HT-0041")]),
        ("monitor 3 left", [("low_stock", "MN-0270")]),
        # "Not selling it until …" is no claim of the range.
        ("We're not selling the Fridge Magnet until January.", [("out_of_stock", "FR-0500")]),
    ],
)
def test_not_carried_another_model_and_the_progressive(text, want):
    assert read(text, STOCK) == want


def test_that_s_in_after_what_the_shop_does():
    text = "We don't carry the Monitor 32 — the Monitor 27 is the one we do, and that's in."
    assert read(text, STOCK) == [("in_stock", "MN-0270"), ("not_carried", None)]


def test_delivery_as_a_way_of_buying_and_a_store_pickup_are_no_order():
    text = (
        "The Tray Table is unavailable for delivery to your postcode, but it can be purchased"
        " online for pickup at our Tulsa store."
    )
    assert read(text, STOCK) == [("in_stock", "TR-0600")]
    assert read(text, ClaimKind.ORDER_STATUS) == []
    # Look-alike: an order ready for the carrier's pickup.
    assert read("ORD-7001 is ready for pickup by the courier.", ClaimKind.ORDER_STATUS) == [
        ("processing", "ORD-7001")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Tray Table's in and we can get it to you by Friday.",
        "The Tray Table can be delivered to your home as early as Thursday.",
    ],
)
def test_a_sale_offered_gives_no_delivery_date(text):
    assert read(text, ClaimKind.DELIVERY_DATE) == []


def test_an_order_s_delivery_date_stays_read():
    text = "Your order ORD-7002 has shipped and will be delivered on Thursday."
    assert read(text, ClaimKind.DELIVERY_DATE) == [("2026-12-10", "ORD-7002")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Idioms of none and of hardly any.
        ("Honestly, we can't source the Plant Pot for love nor money.", "out_of_stock"),
        ("The Plant Pot is rarer than hen's teeth this winter.", "low_stock"),
        # Stock that arrived at the shop just now.
        ("Six Plant Pots came in this morning.", "in_stock"),
    ],
)
def test_idioms_and_arrivals(text, want):
    assert read(text, STOCK) == [(want, "PT-0400")]


def test_a_count_that_arrived_at_the_shop():
    assert read("Six Plant Pots came in this morning.", COUNT) == [(6, "PT-0400")]
    # Look-alike: orders coming in are no stock.
    assert read("Six orders came in this morning.", COUNT) == []


@pytest.mark.parametrize(
    "text",
    [
        # The shop's own goods arriving: no order's state, no delivery date.
        "The Keyboard is stocked at our warehouse, and the Tray Table is awaiting a shipment"
        " from our supplier.",
        "The Tray Table is sold out, but a replenishment delivery is due to arrive on December 18.",
        # A system coming back: no delivery.
        "Our order lookup is down for maintenance; we expect the system to be restored by 4 p.m.",
    ],
)
def test_the_shop_s_goods_and_systems_are_no_order(text):
    assert read(text, ClaimKind.ORDER_STATUS) == []
    assert read(text, ClaimKind.DELIVERY_DATE) == []


def test_today_s_van_is_shipped():
    text = "ORD-7003 is on this morning's delivery van."
    assert read(text, ClaimKind.ORDER_STATUS) == [("shipped", "ORD-7003")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # An offer as a topic, and what a refund is worked out from: no offer.
        ("About your coupon query, our promotions desk can help on 0800 123 456.", []),
        ("Your refund is based on the reduced price you paid, $18.40.", []),
        # Look-alikes: an offer made.
        ("The Plant Pot is now at a reduced price of $9.", [("unspecified", "PT-0400")]),
        ("Here is a 15% coupon for your next order.", [("15", None)]),
    ],
)
def test_offers_spoken_of_are_not_made(text, want):
    assert read(text, ClaimKind.DISCOUNT) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Stock to come, said by its day.
        ("The Keyboard is out of stock, but we anticipate receiving more by 19 December.",
         "backorder"),
        ("The Keyboard's on its way back in; we're expecting stock on Friday.", "backorder"),
        ("We're out of Keyboards until the new year, sorry.", "backorder"),
        # British degree words.
        ("We've got shedloads of Keyboards.", "in_stock"),
        ("Keyboards are few and far between this month.", "low_stock"),
        # A store that has it, beside a shortage online.
        ("Our shops have the Keyboard, though it's sold out online.", "in_stock"),
    ],
)  # fmt: skip
def test_stock_to_come_degree_and_stores(text, want):
    assert read(text, STOCK) == [(want, "KB-0700")]


def test_stock_expected_on_a_day_needs_the_day():
    # Look-alike: "expecting stock on the shelves" says no day.
    assert read("We're expecting stock on the shelves of the Keyboard.", STOCK) != [
        ("backorder", "KB-0700")
    ]


def test_a_hyphenated_multi_buy():
    text = "The Plant Pot is in our buy-one-get-one-free promotion."
    assert read(text, ClaimKind.DISCOUNT) == [("unspecified", "PT-0400")]


def test_a_not_carried_head_word_set_apart_by_what_follows():
    text = "We've never done rugs with a rubber backing — the Wool Rug is the only rug we sell."
    assert read(text, STOCK) == [("not_carried", None)]


@pytest.mark.parametrize(
    "text",
    [
        "ORD-7004 is waiting on the Quilt, which is sold out; new stock is due the 21st.",
        "ORD-7005 shipped on Monday. The Quilt is sold out, fresh stock expected next week.",
    ],
)
def test_new_stock_given_a_time_beside_an_order(text):
    assert ("backorder", "QL-0200") in read(text, STOCK)


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        # The customer's act as the condition, the shop's main clause after it with no comma.
        ("If you nip into the Bath shop they've got the Quilt on the shelf.", STOCK,
         [("in_stock", "QL-0200")]),
        ("If you enter the code SNUG20 you'll get 20% off the Quilt.", ClaimKind.DISCOUNT,
         [("20", "QL-0200")]),
        # Look-alikes: a condition of what may happen stays one.
        ("If it hasn't arrived by Friday we'll pass you to the courier team.",
         ClaimKind.DEFLECTION, []),
    ],
)  # fmt: skip
def test_a_condition_of_the_customer_s_act_ends_at_the_shop_s_clause(text, kind, want):
    assert read(text, kind) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A small amount held, formally.
        ("Our distribution center has only a small number of the Tray Table.", "low_stock"),
        # Taken out of the assortment.
        ("The Tray Table was dropped from our product line in October.", "discontinued"),
        # More of it due, with "'s" and "in".
        ("The Tray Table is gone for now, but more's coming in on Monday.", "backorder"),
        # "bags of", British.
        ("There are bags of the Tray Table in the stockroom.", "in_stock"),
    ],
)
def test_third_round_stock_words(text, want):
    assert read(text, STOCK) == [(want, "TR-0600")]


def test_a_variant_of_it_not_sold_says_nothing_of_the_item():
    text = "The Tray Table is in stock, but we don't sell an outdoor version of it."
    assert read(text, STOCK) == [("in_stock", "TR-0600")]
    # Look-alike: the item itself not sold.
    assert read("We don't sell the Tray Table any longer.", STOCK) != []


def test_two_prices_with_a_regular_price():
    text = "The Quilt is priced at $64 today, down on its regular price of $80."
    assert read(text, ClaimKind.DISCOUNT) == [("unspecified", "QL-0200")]
