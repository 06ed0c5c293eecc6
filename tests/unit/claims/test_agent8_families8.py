"""The agent voice by mechanism (issues 16 and 23), eighth round: hand-offs an agent reports
rather than instructs (whose it is, who will take it up, the way to go, a case open or queued,
an answer waiting on what someone says), a third party's channel that holds the answer beside
the agent's blindness, blindness told by the screen, an agent doing the thing themself (no
hand-off); orders, returns and refunds told in a system's stage names and quoted labels
(`_agent_handoffs`, `_status_codes`, `_screen`). Each case states its claim; the sentences were
written for these tests (not taken from the corpus nor from fixtures/claims/dev3–dev8), with
look-alikes that must stay unread. `now` is Tuesday 8 December 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    now=datetime(2026, 12, 8, 10, 0, tzinfo=UTC),
    items={"TR-0100": "Toolbag", "TR-0101": "Toolbag Pro", "LV-0200": "Spirit Level 60cm"},
)
K = ClaimKind
SUPPORT = ("contact_support", None)
BLIND = ("cannot_check", None)


def got(text: str, kind: ClaimKind) -> list[tuple[object, object]]:
    return sorted(((c.value, c.subject) for c in extract(text, [kind], SHOP)), key=repr)


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        # Whose it is.
        ("sorry, that bit sits with our payments team", K.DEFLECTION, [SUPPORT]),
        ("that'd be a question for the hire desk really", K.DEFLECTION, [SUPPORT]),
        ("the credit team are the ones who can change your limit", K.DEFLECTION, [SUPPORT]),
        ("I'll have to bump this one upstairs, it's above what I can sign off", K.DEFLECTION,
         [SUPPORT]),
        # Who will take it up.
        ("the shift manager's going to give you a call after 4", K.DEFLECTION, [SUPPORT]),
        ("a supervisor will go through the photos and ring you back", K.DEFLECTION, [SUPPORT]),
        ("somebody in the trade team will pick it up first thing", K.DEFLECTION, [SUPPORT]),
        ("it's now with our claims desk who'll email you", K.DEFLECTION, [SUPPORT]),
        ("I've messaged Tom, he'll be able to tell you if it fits", K.DEFLECTION, [SUPPORT]),
        # The way to go.
        ("your best bet is their parts helpline", K.DEFLECTION, [SUPPORT]),
        ("you'll need to do it through the hire portal", K.DEFLECTION, [SUPPORT]),
        ("that has to go through Makita directly", K.DEFLECTION, [SUPPORT]),
        ("their contact details are on the warranty card", K.DEFLECTION, [SUPPORT]),
        ("you'll need to sort that out with the finance company", K.DEFLECTION, [SUPPORT]),
        ("there's a dedicated helpline for hire customers, 0300 555 0142", K.DEFLECTION,
         [SUPPORT]),
        # A case open or queued, and an answer waiting on someone else.
        ("there's a ticket open now and IT are looking into it", K.DEFLECTION, [SUPPORT]),
        ("I've put it in for escalation", K.DEFLECTION, [SUPPORT]),
        ("I've emailed the depot and I'll pass on whatever they say", K.DEFLECTION, [SUPPORT]),
        # A third party's channel that holds the answer, beside the agent's blindness.
        ("I can't see the van's route, their app will show you it live", K.DEFLECTION,
         [BLIND, SUPPORT]),
        # Blindness told by the screen.
        ("the hire system doesn't feed into ours so I can't tell", K.DEFLECTION, [BLIND]),
        ("my access doesn't stretch to trade accounts", K.DEFLECTION, [BLIND]),
        ("the returns screen is blank for me right now", K.DEFLECTION, [BLIND]),
        ("the card number's masked on my side", K.DEFLECTION, [BLIND]),
        ("I can see the order but not which van it's on", K.DEFLECTION, [BLIND]),
        # A limit alone is `other`.
        ("that's outside what we cover here I'm afraid", K.DEFLECTION, [("other", None)]),
        # Orders in a system's stage names.
        ("ORD-9101 is at pick and pack", K.ORDER_STATUS, [("processing", "ORD-9101")]),
        ("ORD-9102 is in wave 2 this afternoon", K.ORDER_STATUS, [("processing", "ORD-9102")]),
        ("ORD-9103 is awaiting allocation", K.ORDER_STATUS, [("processing", "ORD-9103")]),
        ("ORD-9104 has been manifested, collection is at 5", K.ORDER_STATUS,
         [("processing", "ORD-9104")]),
        ("ORD-9105 was manifested at noon and DPD collected it at 4", K.ORDER_STATUS,
         [("shipped", "ORD-9105")]),
        ("ORD-9106 was scanned onto the trailer last night", K.ORDER_STATUS,
         [("shipped", "ORD-9106")]),
        ("ORD-9107 shows despatch confirmed", K.ORDER_STATUS, [("shipped", "ORD-9107")]),
        # Quoted labels after the record's own id.
        ("ORD-9108 is still in 'Awaiting Payment'", K.ORDER_STATUS, [("pending", "ORD-9108")]),
        # Returns and refunds on the returns desk's screen.
        ("RMA-9110 is still 'Awaiting Return'", K.RETURN_STATUS, [("approved", "RMA-9110")]),
        ("RMA-9111 QC passed this morning", K.RETURN_STATUS, [("received", "RMA-9111")]),
        ("RMA-9112 is 'Credited'", K.RETURN_STATUS, [("refunded", "RMA-9112")]),
        ("the refund for RMA-9113 is in tomorrow's payment run", K.REFUND,
         [("pending", "RMA-9113")]),
    ],
)  # fmt: skip
def test_agent_family_reads(text: str, kind: ClaimKind, want: list[tuple[object, object]]) -> None:
    assert got(text, kind) == want


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The agent doing it themself, and a record sent on for its next step: no hand-off.
        ("I'll chase the depot myself and message you back by 3", K.DEFLECTION),
        ("RMA-9120 has gone to finance for the refund", K.DEFLECTION),
        # A channel after an answer is a sign-off, not a hand-off.
        ("ORD-9121 is out for delivery, their app will show you the slot", K.DEFLECTION),
        # The agent's own call to a desk that gave the answer.
        ("I rang the warehouse and the Toolbag is in, 6 on the shelf", K.DEFLECTION),
        # Money credited to a card is the refund, not the return's label.
        ("the $40 was credited to your card on Monday", K.RETURN_STATUS),
        # A ticket's reference is no subject of the hand-off's claim (only the hand-off is read).
        ("I've logged this as INC-55012", K.ORDER_STATUS),
    ],
)  # fmt: skip
def test_agent_look_alikes_stay_unread(text: str, kind: ClaimKind) -> None:
    assert got(text, kind) == []
