"""What the reference assistant's `global` voice (an outsourced desk writing international and
Indian English) found the reader could not read, by mechanism (voice10b): dates with hyphens
("14-Dec-2026"); counts in "nos." (and a times sign's "x 3 nos.", a line's quantity, no stock);
a range refused in the progressive ("we are not dealing in"); a verb's plain form after an
auxiliary ("was deliver"); work not begun, its noun the subject ("packing is not started"); a
perfect said with "is" and "to" ("is already reached to you"); a refund "under process", "yet to
be initiated", "not applicable"; a return "raised" with its order between, "pending for review",
"under quality check"; a privacy limit after its verb ("we can discuss only the orders under
your account"); a promised date "committed for", "regret" as an apology, a team "informed"
as the hand-off. The sentences were written for these tests, in an electricals shop's words (not
taken from the voice's templates nor from fixtures/claims), with look-alikes that must keep their
reading. `now` is Tuesday 8 December 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    now=datetime(2026, 12, 8, 10, 0, tzinfo=UTC),
    items={"CF-0700": "Ceiling Fan", "WH-0310": "Water Heater 15L", "LB-0020": "LED Bulb 9W"},
)
K = ClaimKind


def got(text: str, kind: ClaimKind) -> list[tuple[object, object]]:
    return sorted(((c.value, c.subject) for c in extract(text, [kind], SHOP)), key=repr)


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        # Dates with hyphens, with and without the year.
        (
            "Your parcel for ORD-4410 will be delivered on 14-Dec-2026.",
            K.DELIVERY_DATE,
            [("2026-12-14", "ORD-4410")],
        ),
        ("Order ORD-4411 should arrive by 9-Dec.", K.DELIVERY_DATE, [("2026-12-09", "ORD-4411")]),
        # Counts in "nos.": the dot is the unit's unless a sentence opens after it.
        (
            "We have 40 nos. of the Ceiling Fan.",
            K.QUANTITY,
            [(40, "CF-0700")],
        ),
        ("Water Heater 15L: only 2 Nos. left with us.", K.QUANTITY, [(2, "WH-0310")]),
        ("We have 6 nos. Kindly book soon.", K.QUANTITY, [(6, None)]),
        # A line of an order, told with a times sign: how many the order holds, no stock.
        ("Order ORD-4412 has Ceiling Fan x 3 nos. and it is shipped.", K.QUANTITY, []),
        # A range refused in the progressive; dealing *with* something is no range.
        (
            "Sorry madam, we are not dealing in washing machines.",
            K.AVAILABILITY,
            [("not_carried", None)],
        ),
        ("An air cooler is not a item we are stocking.", K.AVAILABILITY, [("not_carried", None)]),
        ("We don't deal in second-hand goods.", K.AVAILABILITY, [("not_carried", None)]),
        ("We are not dealing with the courier directly.", K.AVAILABILITY, []),
        # A verb's plain form where its participle belongs, only after an auxiliary.
        (
            "Order ORD-4413 was deliver yesterday evening.",
            K.ORDER_STATUS,
            [("delivered", "ORD-4413")],
        ),
        (
            "Your parcel for ORD-4414 has been dispatch today.",
            K.ORDER_STATUS,
            [("shipped", "ORD-4414")],
        ),
        ("We will deliver ORD-4415 on Friday.", K.ORDER_STATUS, []),
        # Work not begun, told with its noun as the subject.
        ("For ORD-4416, processing is not started yet.", K.ORDER_STATUS, [("pending", "ORD-4416")]),
        # "nil" with a desk's "now"; the progressive of "have"; a channel's limit.
        ("Ceiling Fan stock is nil presently.", K.QUANTITY, [(0, "CF-0700")]),
        (
            "I am not having access to the bank's records, sir.",
            K.DEFLECTION,
            [("cannot_check", None)],
        ),
        ("Such requests are not entertained over chat.", K.DEFLECTION, [("other", None)]),
        ("Your order is not handled by us.", K.DEFLECTION, []),
        # A desk's "in process" of an order; of a refund it is the refund's.
        ("Order ORD-4423 is in process at our end.", K.ORDER_STATUS, [("processing", "ORD-4423")]),
        ("The refund for order ORD-4424 is in process.", K.ORDER_STATUS, []),
        # An air waybill's number is the tracking number; a condition makes no status.
        (
            "ORD-4425 is handed to Blue Dart, AWB no. 7710029384.",
            K.TRACKING,
            [("7710029384", "ORD-4425")],
        ),
        (
            "Refund for ORD-4427 is processed. Kindly check with your bank if not received.",
            K.ORDER_STATUS,
            [],
        ),
        # "as"/"since" of cause opens a clause the denial before it does not reach; "as soon
        # as" stays a condition.
        (
            "Tracking ID of ORD-4428 is not available as the order is yet to be shipped.",
            K.ORDER_STATUS,
            [("not_shipped", "ORD-4428")],
        ),
        (
            "There is no tracking ID for ORD-4429 since the parcel is yet to be dispatched.",
            K.ORDER_STATUS,
            [("not_shipped", "ORD-4429")],
        ),
        ("ORD-4430 will be shipped as soon as it is packed.", K.ORDER_STATUS, []),
        # A count's label "available quantity for" is no state: the count says it.
        (
            "Available quantity for the LED Bulb 9W is 0 nos.",
            K.AVAILABILITY,
            [("out_of_stock", "LB-0020")],
        ),
        # A perfect with "is" and "to".
        (
            "The consignment of ORD-4417 is already reached to you.",
            K.ORDER_STATUS,
            [("delivered", "ORD-4417")],
        ),
        # A refund's words: under process, yet to be initiated, not applicable.
        ("The refund for RMA-5501 is still under process.", K.REFUND, [("pending", "RMA-5501")]),
        ("Refund of RMA-5502 is yet to be initiated.", K.REFUND, [("pending", "RMA-5502")]),
        (
            "The item was used, so refund is not applicable for RMA-5503.",
            K.REFUND,
            [("none", "RMA-5503")],
        ),
        # A return raised with its order named between, pending for review; under QC.
        (
            "Return request RMA-5504 for order ORD-4418 has been raised and is pending for review.",
            K.RETURN_STATUS,
            [("requested", "RMA-5504")],
        ),
        (
            "The heater sent back under RMA-5505 is under quality check.",
            K.RETURN_STATUS,
            [("received", "RMA-5505")],
        ),
        # A privacy limit told after its verb.
        (
            "We can discuss only the orders under your account, madam.",
            K.REFUSAL,
            [("privacy", None)],
        ),
        # Not found there, in the passive.
        (
            "Order ORD-4426 is not found in your account, kindly recheck once.",
            K.REFUSAL,
            [("privacy", "ORD-4426")],
        ),
        # A promised date "committed for"; "regret" apologises; a team "informed" escalates.
        (
            "Order ORD-4419 was committed for 3rd Dec and is still with the courier.",
            K.DELAY,
            [("acknowledged", "ORD-4419")],
        ),
        (
            "We regret the late delivery of ORD-4420, it was due on 2nd Dec.",
            K.DELAY,
            [("apologised", "ORD-4420")],
        ),
        (
            "ORD-4421 was due on 1st Dec and is not yet dispatched. Our logistics team has been "
            "informed.",
            K.DELAY,
            [("acknowledged", "ORD-4421"), ("escalated", "ORD-4421")],
        ),
        # A team informed of an order on time is no escalation.
        ("ORD-4422 is shipped. Our team is informed.", K.DELAY, []),
    ],
)
def test_the_global_voice_is_read(text, kind, want):
    assert got(text, kind) == want
