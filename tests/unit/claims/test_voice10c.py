"""What the reference assistant's `email` voice (a care desk answering by e-mail) found the
reader could not read, by mechanism (voice10c): the customer's words quoted back in an e-mail
(a reply's "Subject: Re: …" line, a "> " block under "You wrote:" or opening the e-mail under
its salutation) are an echo, not the assistant's claim, while a blockquote elsewhere stays the
assistant's own; "does not match anything we stock or sell" refuses the range; "the courier
completed delivery" is `delivered`; a stall with the order named between ("no movement on
order … since"); the carrier asked to investigate; "was promised for <date>" and "due on
<date>, is still waiting" are lateness; a shipped count "1 out of 5" is 1 (`auditor._scope`).
The sentences were written for these tests, in a garden centre's words (not taken from the
voice's templates nor from fixtures/claims), with look-alikes that must keep their reading.
`now` is Tuesday 8 December 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._text import normalise
from auditor._scope import _SHIPPED_COUNT

SHOP = ExtractionContext(
    now=datetime(2026, 12, 8, 10, 0, tzinfo=UTC),
    items={"HP-0410": "Hedge Pruner", "WB-0220": "Wheelbarrow 90L", "SD-0035": "Seed Drill"},
)
K = ClaimKind


def got(text: str, kind: ClaimKind) -> list[tuple[object, object]]:
    return sorted(((c.value, c.subject) for c in extract(text, [kind], SHOP)), key=repr)


# --- the customer's words quoted back -------------------------------------------------------

QUOTED = [
    # under "You wrote:"
    "Hi Morgan,\n\nYou wrote:\n> Your site says the Hedge Pruner is out of stock, is that so?\n\n"
    "The Hedge Pruner is in stock: we have 14 units ready to send.\n\nBest,\nGarden Desk",
    # under an attribution with a date and a name
    "Good morning,\n\nOn Mon, 7 Dec, Morgan wrote:\n> I heard the Hedge Pruner sold out\n\n"
    "The Hedge Pruner is in stock: we have 14 units ready to send.",
    # opening the e-mail, under the salutation and a thanks
    "Dear Morgan,\n\nThanks for your message.\n\n> Hedge Pruner - sold out again, I see.\n\n"
    "The Hedge Pruner is in stock: we have 14 units ready to send.",
    # a reply's subject line
    "Subject: RE: the Hedge Pruner is sold out\n\nHello Morgan,\n\n"
    "The Hedge Pruner is in stock: we have 14 units ready to send.",
]


@pytest.mark.parametrize("text", QUOTED)
def test_the_customers_quoted_words_are_no_claim_of_the_assistant(text):
    assert got(text, K.AVAILABILITY) == [("in_stock", "HP-0410")]


def test_a_quoted_order_question_gives_no_status():
    text = (
        "Hello,\n\nYou wrote:\n> ORD-20417 is marked delivered but nothing came.\n\n"
        "ORD-20417 left our depot yesterday and is with the courier.\n\nRegards,\nSam"
    )
    assert got(text, K.ORDER_STATUS) == [("shipped", "ORD-20417")]


LOOKALIKES = [
    # a note in a blockquote, the assistant's own (no e-mail above it)
    ("> Heads up: the Hedge Pruner is out of stock until spring.", "out_of_stock"),
    # a blockquote under the assistant's own lead-in, not under a salutation
    (
        "Hi! Here is what I found for the Hedge Pruner:\n\n> Sold out at the moment\n\nSorry!",
        "out_of_stock",
    ),
    # a subject line that is the shop's own, no reply
    ("Subject: Hedge Pruner back in stock\n\nHello,\n\nGood news, it's in stock.", "in_stock"),
    # under a salutation, but set out as the shop sets out a record (bold, a label)
    ("Hi Morgan,\n\n> **Hedge Pruner** is out of stock.\n\nSorry!", "out_of_stock"),
    ("Hi Morgan,\n\n> Hedge Pruner status: out of stock\n\nSorry!", "out_of_stock"),
]


@pytest.mark.parametrize(("text", "value"), LOOKALIKES)
def test_a_blockquote_or_subject_of_the_shops_own_keeps_its_reading(text, value):
    assert value in [v for v, _ in got(text, K.AVAILABILITY)]


# --- words of the e-mail desk ---------------------------------------------------------------


def test_not_matching_anything_we_sell_refuses_the_range():
    text = 'Sorry, "PT-7781" does not match anything we sell or stock.'
    assert got(text, K.AVAILABILITY) == [("not_carried", "PT-7781")]
    assert got("SD-0035 doesn't match any product we carry.", K.AVAILABILITY) == [
        ("not_carried", "SD-0035")
    ]


def test_the_carrier_completing_delivery_is_delivered():
    text = "Our records show the driver completed delivery of ORD-20418 this morning."
    assert got(text, K.ORDER_STATUS) == [("delivered", "ORD-20418")]
    missed = "The courier completed delivery attempts for ORD-20418 but nobody was in."
    assert ("delivered", "ORD-20418") not in got(missed, K.ORDER_STATUS)


def test_a_stall_with_the_order_named_between_and_the_carrier_asked_to_investigate():
    text = (
        "There has been no movement on parcel ORD-20419 since 1 Dec 2026. "
        "We have asked Evri to investigate."
    )
    assert got(text, K.DELAY) == [("acknowledged", "ORD-20419"), ("escalated", "ORD-20419")]
    fine = "There is no movement on ORD-20419 needed from you; it arrives on Friday."
    assert ("acknowledged", "ORD-20419") not in got(fine, K.DELAY)


def test_promised_for_a_day_and_due_but_still_waiting_are_late():
    promised = "Apologies: ORD-20420 was promised for 3 Dec 2026 and has not left the depot."
    assert ("acknowledged", "ORD-20420") in got(promised, K.DELAY) or (
        "apologised",
        "ORD-20420",
    ) in got(promised, K.DELAY)
    waiting = "The Seed Drill from ORD-20421, due on 02/12/2026, is still waiting at our depot."
    assert any(v in ("acknowledged", "apologised") for v, _ in got(waiting, K.DELAY))
    on_time = "ORD-20421, due on 12 Dec 2026, is still on schedule."
    assert got(on_time, K.DELAY) == [("on_time", "ORD-20421")]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("2 out of 6 items were shipped; 4 are still to go.", ["2"]),
        ("3 of 4 items have been dispatched.", ["3"]),
        ("out of 6 items were shipped", []),
    ],
)
def test_a_shipped_count_out_of_a_whole_is_the_part(text, counts):
    assert [m.group("count") for m in _SHIPPED_COUNT.finditer(normalise(text))] == counts


def test_an_order_in_preparation_is_processing():
    text = "ORD-20422 is in preparation right now; it goes to the carrier once it is packed."
    assert got(text, K.ORDER_STATUS) == [("processing", "ORD-20422")]
