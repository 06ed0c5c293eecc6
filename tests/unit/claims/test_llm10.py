"""The language model's return talk, read by mechanism (issue 17; llm10).

Found on the hand-judged model audits of seeds 43 to 58 (`docs/llm.md`). The sentences are
written for this test and are in none of the fixtures; each mechanism has look-alikes that must
stay as they were.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from auditor._audit import extractor_for
from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._echoes import echoes_question
from auditor._delay_judge import delay_unsaid
from auditor._facts import (
    Availability,
    OrderFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    ReturnStatus,
    StockFact,
)
from auditor._idle_talk import NO_STAGE
from auditor._judge import AnswerContext, judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._verdict import Verdict

NOW = datetime(2026, 12, 8, 9, 30, tzinfo=UTC)
ITEMS = {"PN-5120": "Cast Iron Skillet", "TS-5301": "Oak Toaster 5301"}
EXTRACT = extractor_for(ITEMS)
RETURN = ReturnFact(
    "RMA-3117", "ORD-40420", "C-007", ReturnStatus.APPROVED, NOW, None, "PN-5120",
    RefundState.PENDING,
)  # fmt: skip
ORDER = OrderFact("ORD-40420", "C-007", OrderStatus.SHIPPED, NOW, date(2026, 12, 12))
SKILLET = StockFact("PN-5120", ITEMS["PN-5120"], Availability.IN_STOCK, 40, NOW)
FACTS = {"RMA-3117": RETURN, "ORD-40420": ORDER, "PN-5120": SKILLET}


def verdict(kind: str, subject: str, answer: str, question: str = "What's going on with it?"):
    fact = FACTS[subject]
    asked = Probe(
        kind=kind, subject=subject, fact_kind=PROBE_KINDS[kind].fact_kind, turns=(question,)
    )
    return judge(
        PROBE_KINDS[kind], asked, EXTRACT(answer, NOW), fact, fact, AnswerContext(answer, NOW, None)
    )


@pytest.mark.parametrize(
    "answer",
    [
        # Delayed, with no stage: a return is not late, it is at one of its stages.
        "Your return RMA-3117 has been delayed because of a glitch in our systems.",
        "The return of RMA-3117 is being held up, I'm afraid, and nobody knows why.",
        # Going back into the order after a while.
        "RMA-3117 returns to your order after 14 days.",
        # Said of the return as if it were a product.
        "RMA-3117 is no longer available for order ORD-40420, sorry.",
        "Sadly RMA-3117 has been discontinued and is off the market.",
        # Held at the record itself.
        "The return is currently being kept in the RMA-3117 Returns RMA-3117.",
    ],
)
def test_a_return_in_a_state_no_return_has_is_unanswered(answer):
    seen = verdict("return.status", "RMA-3117", answer)
    assert (seen.verdict, seen.reason) == (Verdict.UNANSWERED, NO_STAGE)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # A stage beside the delay: the stage is the answer, judged as before.
        ("Your return RMA-3117 was delayed, but it has been approved now.", Verdict.PASS),
        ("The return RMA-3117 has been delayed; the refund was paid yesterday.", Verdict.FAIL),
        # A stage in words no rule reads keeps the answer unread: a word of a stage is there.
        ("The return RMA-3117 has been delayed at our warehouse dock.", Verdict.UNREAD),
    ],
)
def test_a_return_stage_beside_it_keeps_the_answer_as_the_rules_read_it(answer, expected):
    seen = verdict("return.status", "RMA-3117", answer)
    assert seen.verdict is expected
    assert seen.reason != NO_STAGE


@pytest.mark.parametrize(
    ("kind", "subject", "answer"),
    [
        # A delayed refund says it is not paid: the refund question is not this form's.
        ("refund.status", "RMA-3117", "The refund for RMA-3117 has been delayed."),
        # An order's delay is a claim of its own kind.
        ("order.status", "ORD-40420", "Order ORD-40420 has been delayed by a day."),
    ],
)
def test_other_subjects_delays_are_not_this_form(kind, subject, answer):
    assert verdict(kind, subject, answer).reason != NO_STAGE


RELEASE = "announces a product release as news of it, and nothing of its"
PRICE = "talks of a price offer instead of a count, and nothing of its"
ON_SALE = "takes it for a product on sale in a region, and says nothing of its"


@pytest.mark.parametrize(
    ("kind", "subject", "answer", "reason"),
    [
        # The order taken for a product, and its news a release.
        (
            "order.status",
            "ORD-40420",
            "The most recent update on ORD-40420 is a new firmware for the 3.1.4 line, with"
            " better battery life.",
            RELEASE,
        ),
        (
            "order.eta",
            "ORD-40420",
            "The newest news about ORD-40420 is the latest model of a 12-core laptop, out in 2025.",
            RELEASE,
        ),
        # The order taken for a product on sale in a region.
        (
            "order.eta",
            "ORD-40420",
            "ORD-40420 is now available in Canada, though not yet available overseas.",
            ON_SALE,
        ),
        # A discount where a count was asked.
        (
            "stock.quantity",
            "PN-5120",
            "We're holding a 15% sale on my Cast Iron Skillet, a lovely reminder that little"
            " things can have big effects.",
            PRICE,
        ),
        (
            "stock.quantity",
            "PN-5120",
            "I'm running a festive promotion for the Cast Iron Skillet this week.",
            PRICE,
        ),
    ],
)
def test_a_release_for_news_or_a_discount_for_a_count_is_unanswered(kind, subject, answer, reason):
    seen = verdict(kind, subject, answer)
    assert seen.verdict is Verdict.UNANSWERED
    assert seen.reason.startswith(reason)


@pytest.mark.parametrize(
    ("kind", "subject", "answer"),
    [
        # A word of the order's stages: the release words may frame a real status.
        ("order.status", "ORD-40420", "The latest update on ORD-40420 is a new version: shipped."),
        (
            "order.status",
            "ORD-40420",
            "The latest news on ORD-40420 is a new release date, as the courier is late.",
        ),
        # A word of its stages beside the region: where the parcel is may be told.
        ("order.status", "ORD-40420", "ORD-40420 is available in the UK depot for pickup."),
        # A count beside the discount: the count is the answer.
        ("stock.quantity", "PN-5120", "We're running a 10% discount on the last 3 skillets."),
        # A discount to a stock question that is not "how many?" is not this form's.
        ("stock.availability", "PN-5120", "We're running a 10% discount on the skillet."),
    ],
)
def test_a_stage_or_a_count_beside_it_keeps_the_answer_as_the_rules_read_it(kind, subject, answer):
    assert not verdict(kind, subject, answer).reason.startswith((RELEASE, PRICE, ON_SALE))


def returns_read(text: str) -> set[tuple[str, object]]:
    return {(c.kind.value, c.value) for c in EXTRACT(text, NOW) if c.kind.value == "return_status"}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # Not back with us yet, no stage named: a status of its own.
        (
            "So far we haven't received your return RMA-3117 yet.",
            {("return_status", "not_received")},
        ),
        (
            "Sorry, I still haven't got a returned parcel for RMA-3117.",
            {("return_status", "not_received")},
        ),
        # Beside a stage before it is back, the stage is the answer.
        (
            "RMA-3117 is approved; we haven't received the parcel yet.",
            {("return_status", "approved")},
        ),
        # Look-alikes: a label or a request not received is no return status of this kind.
        ("We haven't received the return label request for RMA-3117.", set()),
        ("We've received your return RMA-3117.", {("return_status", "received")}),
    ],
)
def test_a_return_not_received_yet_is_read(text, claims):
    assert returns_read(text) == claims


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (ReturnStatus.REQUESTED, Verdict.PASS),
        (ReturnStatus.APPROVED, Verdict.PASS),
        (ReturnStatus.RECEIVED, Verdict.FAIL),
        (ReturnStatus.REFUNDED, Verdict.FAIL),
    ],
)
def test_not_received_is_true_before_the_item_is_back(status, expected):
    fact = ReturnFact(
        "RMA-3117", "ORD-40420", "C-007", status, NOW, None, "PN-5120", RefundState.PENDING
    )
    answer = "Apologies, but I haven't received a return order RMA-3117 yet."
    asked = Probe(
        kind="return.status",
        subject="RMA-3117",
        fact_kind=PROBE_KINDS["return.status"].fact_kind,
        turns=("Did you get my return RMA-3117?",),
    )
    seen = judge(
        PROBE_KINDS["return.status"],
        asked,
        EXTRACT(answer, NOW),
        fact,
        fact,
        AnswerContext(answer, NOW, None),
    )
    assert seen.verdict is expected


LATE = OrderFact(
    order_id="ORD-40431",
    customer_id="C-007",
    status=OrderStatus.SHIPPED,
    read_at=NOW,
    eta=date(2026, 12, 4),
    promised_date=date(2026, 12, 4),
    last_update=datetime(2026, 12, 7, 18, 0, tzinfo=UTC),
)


def sighting(text: str) -> Verdict:
    claims = extract(text, [ClaimKind.DELAY, ClaimKind.DELIVERY_DATE], ExtractionContext(now=NOW))
    return delay_unsaid("ORD-40431", claims, LATE, text).verdict


@pytest.mark.parametrize(
    "text",
    [
        # Seen last before the carrier's last update: the parcel has been seen since.
        "Your parcel ORD-40431 was last seen on 2026-12-02.",
        "It was last scanned by the courier on 5 December 2026.",
    ],
)
def test_a_last_sighting_before_the_last_update_is_wrong(text):
    assert sighting(text) is Verdict.FAIL


@pytest.mark.parametrize(
    "text",
    [
        # On the day of the last update, or after it and before today: it may be true.
        "Your parcel ORD-40431 was last seen on 2026-12-07.",
        "The order was last spotted at the depot on 2026-12-08.",
    ],
)
def test_a_last_sighting_the_data_does_not_contradict_stays_unread(text):
    assert sighting(text) is Verdict.UNREAD


@pytest.mark.parametrize(
    ("question", "answer", "given_back"),
    [
        # The customer's misspelling put right in the words given back: still the question.
        (
            "Skillet (gift for my bruther): in stock?",
            "Skillet (gift for my brother): in stock?",
            True,
        ),
        ("Is the Cast Iron Skilet in stock?", "Is the Cast Iron Skillet in stock?", True),
        # Look-alikes: a statement made of them, a short word changed, another word altogether.
        (
            "Skillet (gift for my bruther): in stock?",
            "Skillet (gift for my brother): in stock.",
            False,
        ),
        ("Is it in stock?", "Is is in stock?", False),
        ("Is the Cast Iron Skillet in stock?", "Is the Cast Iron Griddle in stock?", False),
    ],
)
def test_a_question_given_back_with_a_misspelling_put_right_is_still_given_back(
    question, answer, given_back
):
    assert echoes_question(answer, [question]) is given_back


OAK = {"TS-5301": StockFact("TS-5301", ITEMS["TS-5301"], Availability.BACKORDER, 0, NOW)}


@pytest.mark.parametrize(
    ("subject", "question", "answer", "expected"),
    [
        # The item itself cannot be provided: not to be had, wrong of an item in stock.
        (
            "PN-5120",
            "Is the Cast Iron Skillet in stock?",
            "Apologies, I'm unable to offer a 26cm iron skillet at the moment, but do ask again.",
            Verdict.FAIL,
        ),
        # ... and right of one on backorder, its name misspelt as the customer typed it.
        (
            "TS-5301",
            "Do you have the Oak Taoster 5301 right now?",
            "So sorry! We can't provide an Oak Taoster right now, but happy to help otherwise.",
            Verdict.PASS,
        ),
    ],
)
def test_the_asked_item_that_cannot_be_provided_is_not_available(
    subject, question, answer, expected
):
    fact = {**FACTS, **OAK}[subject]
    asked = Probe(
        kind="stock.availability",
        subject=subject,
        fact_kind="stock",
        turns=(question,),
        params=(("mention", "typo"),) if subject == "TS-5301" else (),
    )
    kind = PROBE_KINDS["stock.availability"]
    seen = judge(kind, asked, EXTRACT(answer, NOW), fact, fact, AnswerContext(answer, NOW, None))
    assert seen.verdict is expected


@pytest.mark.parametrize(
    "answer",
    [
        # Something other than the item: a specific one, a replacement, information.
        "I can't provide a specific skillet, sorry.",
        "I'm afraid we cannot provide a replacement for the skillet today.",
        "I can't provide any information about the skillet.",
        # Another item altogether.
        "I can't provide a toaster right now.",
    ],
)
def test_something_else_that_cannot_be_provided_is_no_stock_claim(answer):
    seen = verdict("stock.availability", "PN-5120", answer, "Is the Cast Iron Skillet in stock?")
    assert seen.verdict is not Verdict.FAIL


@pytest.mark.parametrize(
    ("kind", "answer", "expected"),
    [
        # A delay said firmly of an order on time, and nothing else of it: wrong.
        ("order.status", "Your order ORD-40420 has been delayed by two days.", Verdict.FAIL),
        ("order.eta", "The order ORD-40420 is running late by two days.", Verdict.FAIL),
        # A delay that is only possible is no statement of one.
        (
            "order.status",
            'ORD-40420 is in the "Sold" status, but it might have been delayed.',
            Verdict.UNREAD,
        ),
        # A status beside it is the answer, judged as before (shipped, right).
        ("order.status", "ORD-40420 has shipped, though it was delayed a day.", Verdict.PASS),
    ],
)
def test_a_delay_of_an_order_on_time_is_wrong(kind, answer, expected):
    assert verdict(kind, "ORD-40420", answer, "Any news on ORD-40420?").verdict is expected


def stock_read(text: str) -> set[tuple[str, object]]:
    kinds = {"availability", "quantity"}
    return {(c.kind.value, c.value) for c in EXTRACT(text, NOW) if c.kind.value in kinds}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # Not to be had at a price: said of the price, not of the stock.
        (
            "The Cast Iron Skillet is in stock, though no longer available at the launch price.",
            {("availability", "in_stock")},
        ),
        ("The Cast Iron Skillet is not available at its old sale rate.", set()),
        # Look-alikes: not available at a moment or a place, or available at a price.
        (
            "The Cast Iron Skillet is not available at the moment.",
            {("availability", "out_of_stock")},
        ),
        (
            "The Cast Iron Skillet is available at a lower price this week.",
            {("availability", "in_stock")},
        ),
    ],
)
def test_not_available_at_a_price_is_no_stock_claim(text, claims):
    assert stock_read(text) == claims


def offered_read(text: str) -> set[tuple[str, object]]:
    kinds = {"availability", "deflection"}
    return {(c.kind.value, c.value) for c in EXTRACT(text, NOW) if c.kind.value in kinds}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # Others offered in the item's place: no stock of the item.
        ("Happy to share a selection of available skillets with you!", set()),
        ("Let me find you the closest available alternative.", set()),
        # The item's number not had: a stated limit.
        ("Sorry, I don't have the precise product code to hand.", {("deflection", "other")}),
        # Look-alikes: the item itself available, or its number given.
        (
            "The Cast Iron Skillet is available, as is a range of pans.",
            {("availability", "in_stock")},
        ),
        ("We don't have the Cast Iron Skillet in stock.", {("availability", "out_of_stock")}),
    ],
)
def test_offers_in_the_items_place_and_its_number_not_had(text, claims):
    assert offered_read(text) == claims


RESTOCKING = StockFact(
    "TS-5301", ITEMS["TS-5301"], Availability.BACKORDER, 0, NOW, restock_date=date(2027, 1, 14)
)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # On backorder, and back on another day than inventory holds: wrong.
        ("The Oak Toaster 5301 is on backorder, due back on 2027-02-02.", Verdict.FAIL),
        ("Oak Toaster 5301: out of stock, back in stock on 3 March 2027.", Verdict.FAIL),
        # The right day, or no calendar day: judged on the state, as before.
        ("The Oak Toaster 5301 is on backorder, due back on 14 January 2027.", Verdict.PASS),
        ("The Oak Toaster 5301 is on backorder, back in stock soon.", Verdict.PASS),
    ],
)
def test_a_restock_date_beside_not_in_stock_must_be_inventorys(answer, expected):
    asked = Probe(
        kind="stock.availability",
        subject="TS-5301",
        fact_kind="stock",
        turns=("Is the Oak Toaster 5301 in stock?",),
    )
    kind = PROBE_KINDS["stock.availability"]
    context = AnswerContext(answer, NOW, None)
    seen = judge(kind, asked, EXTRACT(answer, NOW), RESTOCKING, RESTOCKING, context)
    assert seen.verdict is expected
