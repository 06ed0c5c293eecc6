"""A language model's non-answers and an impossible sighting, read by mechanism (issue 17;
llm9).

Found on the hand-judged model audits of seeds 43 to 54 (`docs/llm.md`): the model states a
role it takes itself for, set off by a comma ("as a product review AI, I can't …"), says it
has no specifics to give, points to someone else's website or a link to another seller, and
offers lists of "available" products instead of the asked item's stock; and to "my order is
late", it dates the parcel's last sighting after today. The sentences are written for this
test and are in none of the fixtures; each mechanism has look-alikes that must stay as they
were (an answer beside the missing specifics, the shop's own website and store, the asked
item available; a last sighting in the past).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._delay_judge import delay_unsaid
from auditor._facts import OrderFact, OrderStatus
from auditor._verdict import Verdict

ITEMS = ExtractionContext(
    items={"SC-0007": "Brass Kitchen Scale", "GR-0042": "Conical Burr Grinder"},
)
KINDS = [ClaimKind.DEFLECTION, ClaimKind.AVAILABILITY, ClaimKind.ORDER_STATUS]


def read(text: str) -> set[tuple[str, object]]:
    return {(c.kind.value, c.value) for c in extract(text, KINDS, ITEMS)}


@pytest.mark.parametrize(
    "text",
    [
        # A role set off by a comma, whatever the service.
        "Apologies, but as a gadget review service, I don't do that.",
        "As a catalogue AI, I specialise in describing products, not in checking shelves.",
        "Sorry, as a cooking assistant, I cannot say much about that scale.",
        # No specifics to give, and nothing after it.
        "I'm afraid I can't share any specific delivery details for that one.",
        "Unfortunately I'm unable to give you a specific location right now.",
    ],
)
def test_stated_roles_and_missing_specifics_are_deflections(text):
    assert read(text) == {("deflection", "other")}


@pytest.mark.parametrize(
    "text",
    [
        # Someone else's website, named by the item or its maker, or a link to another seller.
        "I'd recommend visiting the Conical Burr Grinder site for pricing and stock.",
        "I would suggest checking the official website of the Brass Kitchen Scale brand.",
        "You can get it online here: https://www.ebay.com/itm/12345",
    ],
)
def test_sent_to_another_website_is_a_hand_off(text):
    assert read(text) == {("deflection", "contact_support")}


@pytest.mark.parametrize(
    "text",
    [
        # Stock somewhere else, or other products offered, is not the asked item's stock.
        "You might spot the Brass Kitchen Scale in stock on Amazon.",
        "I can share a list of products that are currently available, if that helps.",
        "Have a look through the available products on our site.",
    ],
)
def test_other_sellers_stock_and_offered_lists_are_no_stock_claim(text):
    assert not {kind for kind, _ in read(text)} & {"availability"}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # An answer follows the missing specifics: it is read, and no deflection.
        ("I can't give a specific date, but it's been dispatched.", {("order_status", "shipped")}),
        # The shop's own website and store.
        ("I'd recommend checking our website for the latest stock.", set()),
        ("The Brass Kitchen Scale is in stock at our Leeds store.", {("availability", "in_stock")}),
        # The asked item itself available.
        ("The Conical Burr Grinder is currently available.", {("availability", "in_stock")}),
        # A role with nothing it cannot do.
        ("As a returning customer, you get free delivery.", set()),
    ],
)
def test_look_alikes_stay_as_they_were(text, claims):
    assert read(text) == claims


NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
LATE = OrderFact(
    order_id="ORD-10041",
    customer_id="C-001",
    status=OrderStatus.SHIPPED,
    read_at=NOW,
    eta=date(2026, 12, 3),
    promised_date=date(2026, 12, 3),
    last_update=datetime(2026, 12, 6, 9, 0, tzinfo=UTC),
)


def judged(text: str) -> Verdict:
    claims = extract(text, [ClaimKind.DELAY, ClaimKind.DELIVERY_DATE], ExtractionContext(now=NOW))
    return delay_unsaid("ORD-10041", claims, LATE, text).verdict


@pytest.mark.parametrize(
    "text",
    [
        "Your parcel ORD-10041 was last seen on 2026-12-29.",
        "It was last scanned by the courier on 20 December 2026.",
        "The order was last spotted at the depot on 2026-12-15.",
    ],
)
def test_a_last_sighting_after_today_is_an_invented_event(text):
    assert judged(text) is Verdict.FAIL


@pytest.mark.parametrize(
    "text",
    [
        # A sighting in the past may be true: as before, nothing read.
        "Your parcel ORD-10041 was last seen on 2026-12-06.",
        # A date with no sighting: as before.
        "Your parcel ORD-10041 left us, and 2026-12-29 is a Tuesday.",
    ],
)
def test_a_past_sighting_or_a_loose_date_stays_unread(text):
    assert judged(text) is Verdict.UNREAD


DATED = ExtractionContext(now=NOW)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # A written date and an ISO date beside it: two dates, the year is the ISO date's.
        ("Expected on January 4th, 2027-01-09.", {"2027-01-04", "2027-01-09"}),
        ("It should get to you on the 11th of December, 2026-12-18.", {"2026-12-11", "2026-12-18"}),
        # Look-alikes: a written date with its own year, alone or before a time.
        ("Expected on January 4th, 2027.", {"2027-01-04"}),
        ("It should get to you on 11 December 2026 - before noon.", {"2026-12-11"}),
    ],
)
def test_an_iso_date_after_a_written_one_keeps_its_year(text, days):
    claims = extract(text, [ClaimKind.DELIVERY_DATE], DATED)
    assert {c.value for c in claims} == days


TOASTER = ExtractionContext(items={"TS-2207": "Linen Toaster 2207"})


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # The item's own number said as a noun after "the": the item, no count of 2207.
        ("The TS-2207 in the 2207 is not available.", {("availability", "out_of_stock")}),
        (
            "Sorry, the Linen Toaster 2207 - the 2207 isn't available.",
            {("availability", "out_of_stock")},
        ),
        # Look-alikes: a count that is no number of the item's, or one with its unit.
        (
            "The TS-2207: the 15 are in stock.",
            {("availability", "in_stock"), ("quantity", 15)},
        ),
        (
            "We have the 2207 units of TS-2207.",
            {("availability", "in_stock"), ("quantity", 2207)},
        ),
    ],
)
def test_an_items_own_number_said_as_a_noun_is_no_count(text, claims):
    kinds = [ClaimKind.AVAILABILITY, ClaimKind.QUANTITY]
    assert {(c.kind.value, c.value) for c in extract(text, kinds, TOASTER)} == claims
