"""The terse SMS voice, seventh session (issues 16, 23): the classes built on the blind sms
misses of the earlier sets and on `fixtures/claims/dev7/sms7.jsonl` (`dev7/sms7.md`).

A refund's state told apart from the word ("pd back £8", "£42 back by wed", "refund - done",
"rfnd ok'd n sent", "refund: processing", a mark after the id, "cant … til"), counts written
the chat way ("3pcs", "x12", "last 1 <item>"), an order named by its number alone ("order
#8226"), a desk that will reach the customer back or about a record, a next delivery attempt
("retry wed") and a choice over words several names share. The sentences are written for this
test, in none of the fixtures; each class has look-alikes that must stay unread."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._shorthand import expand

ITEMS = {
    "KY-0001": "Kayak Paddle",
    "KY-0002": "Kayak Paddle Pro",
    "DR-0010": "Dry Bag 10L",
    "DR-0020": "Dry Bag 20L",
    "JX-0090": "Juicer X90",
    "MG-0001": "Mug Set (6pcs)",
    "WS-0001": "Wetsuit",
}
#: Monday 7 December 2026.
CONTEXT = ExtractionContext(now=datetime(2026, 12, 7, 10, tzinfo=UTC), items=ITEMS)


def read(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    return sorted(
        ((c.value, c.subject) for c in extract(text, [kind], CONTEXT)), key=lambda v: str(v)
    )


@pytest.mark.parametrize(
    ("said", "state", "subject"),
    [
        # Paid back, the money after the particle; a future makes it still to come.
        ("pd back £9.50 to ur card this morning", "issued", None),
        ("we'll pay u back the £20 once it lands", "pending", None),
        # A sum back by a day or an event still to come.
        ("£31 back by thurs", "pending", None),
        ("money back as soon as the check's done", "pending", None),
        # Set for a day, its verb left out; "2 follow" is "to follow".
        ("RMA-4410 refund booked 4 fri", "pending", "RMA-4410"),
        ("refund due tmrw", "pending", None),
        ("ORD-5510 cancelled, refund 2 follow", "pending", "ORD-5510"),
        # A chat line closed by its state, or a refund's label with a dash or a colon.
        ("£6 refund for ORD-5511 done", "issued", "ORD-5511"),
        ("refund - done, RMA-4411", "issued", "RMA-4411"),
        ("RMA-4412 - refund: processing", "pending", "RMA-4412"),
        ("RMA-4413: label sent / item: not back yet / refund: after it lands", "pending",
         "RMA-4413"),
        # Approved and paid in one breath: the later step.
        ("rfnd ok'd n sent same day", "issued", None),
        # A mark after the refund's id.
        ("rfnd for RMA-4414 ✗ - past 30 days", "none", "RMA-4414"),
        ("refund for RMA-4415 ✓", "issued", "RMA-4415"),
        # Not able to until an event: still to come; not able to at all: none.
        ("cant refund til we get the paddle back", "pending", None),
        ("cant do money back til it's back w us", "pending", None),
        ("we cant do money back on sale items", "none", None),
    ],
)  # fmt: skip
def test_a_refunds_state_told_apart_from_the_word(said, state, subject):
    assert read(said, ClaimKind.REFUND) == [(state, subject)]


@pytest.mark.parametrize(
    "said",
    [
        "refund due to a pricing error",  # "due to" a reason, no state
        "I got my money back from the bank",  # the customer's own words, no money in view
        "paid back in May",  # no money paid
        "the app has a new look",  # no refund at all
    ],
)
def test_refund_look_alikes_stay_unread(said):
    assert read(said, ClaimKind.REFUND) == []


def test_done_under_a_future_is_still_to_come():
    assert read("the refund will be done once it's back", ClaimKind.REFUND) == [("pending", None)]


def test_amounts_said_back_are_the_refunds():
    assert read("£31 back by thurs", ClaimKind.REFUND_AMOUNT) == [("31.00", None)]
    assert read("we'll pay u back the £20 once it lands", ClaimKind.REFUND_AMOUNT) == [
        ("20.00", None)
    ]


@pytest.mark.parametrize(
    ("said", "count", "sku"),
    [
        ("dry bag 10l - 3pcs left", 3, "DR-0010"),
        ("kayak paddle: x12 in stock", 12, "KY-0001"),
        ("wetsuits x 24 avail", 24, "WS-0001"),
        ("last 1 dry bag 20l 😬", 1, "DR-0020"),
    ],
)
def test_counts_written_the_chat_way(said, count, sku):
    assert read(said, ClaimKind.QUANTITY) == [(count, sku)]


@pytest.mark.parametrize(
    "said",
    [
        "juicer x90 back in stock",  # a word of an item's name, not a count
        "the x90 is sold out",
        "we dont have a juicer x95",  # glued to a word: a model, not a count
        "2 x 3m rope in stock",  # a times sign between numbers
        "mug set (6pcs) in stock",  # a unit inside a name
    ],
)
def test_count_look_alikes_are_no_counts(said):
    assert read(said, ClaimKind.QUANTITY) == []


def test_still_in_and_loads_in_close_a_terse_stock_line():
    assert read("dry bag 10l gone, dry bag 20l still in", ClaimKind.AVAILABILITY) == [
        ("in_stock", "DR-0020"),
        ("out_of_stock", "DR-0010"),
    ]
    assert read("wetsuit - loads in", ClaimKind.AVAILABILITY) == [("in_stock", "WS-0001")]
    assert read("ORD-5516 is still in transit", ClaimKind.AVAILABILITY) == []
    assert read("loads in the depot rn", ClaimKind.AVAILABILITY) == []


def test_names_joined_then_both_in_are_each_in_stock():
    assert read("wetsuit n kayak paddle pro both in", ClaimKind.AVAILABILITY) == [
        ("in_stock", "KY-0002"),
        ("in_stock", "WS-0001"),
    ]


@pytest.mark.parametrize(
    ("said", "order"),
    [
        ("order #8226 shipped", "ORD-8226"),
        ("ur order (8227) is delivered", "ORD-8227"),
        ("Ord 7001 dispd this am", "ORD-7001"),
        ("order no. 88123 shipped", "ORD-88123"),
    ],
)
def test_an_order_named_by_its_number_alone(said, order):
    assert [subject for _, subject in read(said, ClaimKind.ORDER_STATUS)] == [order]


@pytest.mark.parametrize(
    "said",
    [
        "we can order 2500 more, shipped next week",  # the verb
        "order 12/05 shipped",  # a date
        "order 3 more and shipping is free",  # a count
    ],
)
def test_a_number_after_order_that_names_no_order(said):
    assert all(subject is None for _, subject in read(said, ClaimKind.ORDER_STATUS))


@pytest.mark.parametrize(
    ("said", "subject"),
    [
        ("our returns desk will txt u back abt RMA-4416", "RMA-4416"),
        ("billing team will email u re ORD-5512", "ORD-5512"),
        ("warehouse will call u abt ORD-5513", "ORD-5513"),
        ("cant chk orders here, pls use the app", None),
    ],
)
def test_a_desk_that_will_reach_the_customer_is_a_hand_off(said, subject):
    assert ("contact_support", subject) in read(said, ClaimKind.DEFLECTION)


@pytest.mark.parametrize(
    "said",
    [
        "RMA-4417 got here fri n the team passed it",  # an inspection passed
        "our finance team will email you about the refund once it's paid",  # a notice
        "ORD-5514 delivered. our returns team will email you about the label",  # no record
        "It's with DPD; their website will have the latest scans.",
    ],
)
def test_hand_off_look_alikes_stay_unread(said):
    assert ("contact_support", None) not in read(said, ClaimKind.DEFLECTION)
    assert all(value != "contact_support" for value, _ in read(said, ClaimKind.DEFLECTION))


def test_a_part_sent_beside_a_part_still_with_us_is_a_partial_shipment():
    said = "ORD-5517: wetsuit sent, kayak paddle still w us"
    assert read(said, ClaimKind.ORDER_STATUS) == [("partially_shipped", "ORD-5517")]
    assert read("ORD-5518: wetsuit sent", ClaimKind.ORDER_STATUS) == [("shipped", "ORD-5518")]
    assert read("email sent, anything else?", ClaimKind.ORDER_STATUS) == []


def test_a_missed_slot_and_the_retry_day():
    said = "ORD-5515 missed ur slot, driver retries wed"
    assert read(said, ClaimKind.ORDER_STATUS) == [("shipped", "ORD-5515")]
    assert read(said, ClaimKind.DELIVERY_DATE) == [("2026-12-09", "ORD-5515")]
    assert read("if the retry fails we'll send it back", ClaimKind.DELIVERY_DATE) == []


def test_a_choice_over_a_word_several_names_share():
    assert read("10l or 20l bag?", ClaimKind.CLARIFICATION) == [("which_one", None)]
    assert read("card or paypal?", ClaimKind.CLARIFICATION) == []
    assert read("got an order no? cant find it by name", ClaimKind.CLARIFICATION) == [
        ("which_one", None)
    ]
    assert read("got the order number, thanks", ClaimKind.CLARIFICATION) == []
    # A choice closing the question after a comma, a word of a name in it.
    assert read("got 2 dry bags, 10l or 20l?", ClaimKind.CLARIFICATION) == [("which_one", None)]
    assert read("the wetsuit's in, want it in red or blue?", ClaimKind.CLARIFICATION) == []


def test_a_spaced_slash_ends_a_negators_reach():
    said = "RMA-4418: item not back yet / refund: after it lands"
    assert read(said, ClaimKind.REFUND) == [("pending", "RMA-4418")]
    assert read("refund not issued yet", ClaimKind.REFUND) == [("pending", None)]


def test_spans_stay_inside_the_answer_with_chat_counts():
    words = ["3pcs", "x12", "x 4", "juicer x90", "last 1", "dry bag 10l", "£8", "pd back"]
    words += ["order #8226", "retry wed", "rfnd", "✓", "/", "til", "ORD-1234", ",", "?", "\n"]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(("", " ", " ")) + rng.choice(words) for _ in range(8))
        for claim in extract(text, context=CONTEXT):
            start, end = claim.span
            assert 0 <= start <= end <= len(text), (text, claim)


def test_a_count_mark_is_spelt_where_it_stands_only():
    found = expand("kayak paddle: x12 in stock", CONTEXT.items, CONTEXT.index)
    assert found is not None and found.text == "kayak paddle: 12 in stock"
    assert expand("The Juicer X90 is in stock.", CONTEXT.items, CONTEXT.index) is None
