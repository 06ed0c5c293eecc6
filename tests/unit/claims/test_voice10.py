"""What the reference assistant's `agent` voice (a human agent in a ticketing tool) found the
reader could not read, by mechanism (voice10): "so" of degree opening no clause; a refund said
not to exist ("there hasn't been a refund … yet"); a search that matched nothing; a stalled
parcel told by an existential denial and a carrier asked to look into it, whose "since" day is
no delivery date; a promise not kept told by "reached you"; a non-answer's limit said with "able
to"; the customer contacting someone as the condition of the answer; on the move with a carrier;
more on order with a day; an order's lines "(qty N)", no stock. The sentences were written for
these tests, in a plant nursery's words (not taken from the voice's templates nor from
fixtures/claims), with look-alikes that must keep their reading. `now` is Tuesday 8 December
2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    now=datetime(2026, 12, 8, 10, 0, tzinfo=UTC),
    items={"PL-0100": "Olive Tree", "PL-0101": "Olive Tree Dwarf", "PT-0200": "Terracotta Pot"},
)
K = ClaimKind


def got(text: str, kind: ClaimKind) -> list[tuple[object, object]]:
    return sorted(((c.value, c.subject) for c in extract(text, [kind], SHOP)), key=repr)


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        # "so far" is an adverb of time, not "so" opening a clause: the "yet" it means reaches
        # the denial before it.
        (
            "Nothing has been refunded on RMA-2210 so far, the item is still on its way to us.",
            K.REFUND,
            [("pending", "RMA-2210")],
        ),
        ("No refund has gone out for RMA-2211 so far.", K.REFUND, [("pending", "RMA-2211")]),
        # "so" still opens a clause: the denial stands without a "yet".
        (
            "No refund is due on RMA-2212, so please keep the receipt.",
            K.REFUND,
            [("none", "RMA-2212")],
        ),
        # A refund said not to exist: still to come with "yet", refused without.
        (
            "There hasn't been any refund on RMA-2213 yet, as the plant hasn't reached us.",
            K.REFUND,
            [("pending", "RMA-2213")],
        ),
        ("There won't be a refund on RMA-2214, I'm afraid.", K.REFUND, [("none", "RMA-2214")]),
        # A search that matched nothing: about what was sought, named before it.
        (
            'Unfortunately "PL-0999" didn\'t match any plant we sell.',
            K.AVAILABILITY,
            [("not_carried", "PL-0999")],
        ),
        (
            "I'm afraid \"blue hydrangea\" doesn't match any product in our catalogue.",
            K.AVAILABILITY,
            [("not_carried", None)],
        ),
        # Matching in another sense is no search.
        ("The Terracotta Pot matches the Olive Tree nicely.", K.AVAILABILITY, []),
        # A stalled parcel: the existential denial, and the carrier asked to look into it.
        (
            "There hasn't been a single scan on ORD-30410 for four days, so I've asked Evri to"
            " look into it.",
            K.DELAY,
            [("acknowledged", "ORD-30410"), ("escalated", "ORD-30410")],
        ),
        (
            "Sorry, there haven't been any updates on ORD-30411 since Friday. I've asked the"
            " depot to investigate.",
            K.DELAY,
            [("apologised", "ORD-30411"), ("escalated", "ORD-30411")],
        ),
        # Asked to do something else is no escalation of a delay.
        (
            "ORD-30412 is on track; I've asked the team to gift wrap it.",
            K.DELAY,
            [("on_time", "ORD-30412")],
        ),
        # The "since" day is when it stood still, not a delivery date.
        (
            "ORD-30413 hasn't had any movement since Dec 3, 2026, which isn't what we'd expect.",
            K.DELIVERY_DATE,
            [],
        ),
        (
            "ORD-30414 should reach you on Dec 10, 2026.",
            K.DELIVERY_DATE,
            [("2026-12-10", "ORD-30414")],
        ),
        # A limit said with "able to".
        (
            "That's beyond what I'm able to help with here, sorry.",
            K.DEFLECTION,
            [("other", None)],
        ),
        # The customer contacting someone as the condition of the answer: the hand-off.
        (
            "That one needs our nursery team. If you email plants@nursery.example they'll sort it.",
            K.DEFLECTION,
            [("contact_support", None)],
        ),
        (
            "I can't change the address from here, but if you ring the depot they can reroute it.",
            K.DEFLECTION,
            [("contact_support", None)],
        ),
        # On the move in a carrier's keeping; a word with a carrier is no parcel's place.
        ("ORD-30415 is travelling with Evri now.", K.ORDER_STATUS, [("shipped", "ORD-30415")]),
        ("I've had a word with Evri about ORD-30416.", K.ORDER_STATUS, []),
        # Ordered in and given a day: stock to come; more on order beside a count is in stock.
        (
            "We're out of the Olive Tree Dwarf, but more are on order and due in on the 15th.",
            K.AVAILABILITY,
            [("backorder", "PL-0101")],
        ),
        (
            "We have 4 of the Terracotta Pot and more on order.",
            K.AVAILABILITY,
            [("in_stock", "PT-0200")],
        ),
        # A promise not kept, told by the verbs of reaching.
        (
            "ORD-30417 should have reached you by Friday, and I've chased the courier.",
            K.DELAY,
            [("acknowledged", "ORD-30417"), ("escalated", "ORD-30417")],
        ),
        # An order's lines with their quantities are no stock; a stock label in brackets is.
        (
            "ORD-30418 left us today with Olive Tree (qty 2) and Terracotta Pot (qty 3) inside.",
            K.QUANTITY,
            [],
        ),
        ("Terracotta Pot (qty 6 in stock)", K.QUANTITY, [(6, "PT-0200")]),
        # A condition that is not the customer contacting anyone: no hand-off.
        ("If you order the Olive Tree today, it goes out tomorrow.", K.DEFLECTION, []),
    ],
)
def test_voice10_mechanisms(text: str, kind: ClaimKind, want: list[tuple[object, object]]) -> None:
    assert got(text, kind) == sorted(want, key=repr), text
