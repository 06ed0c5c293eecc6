"""No claim read from a clause of another kind (issues 23, 16; fifth session).

The mechanisms were found on `fixtures/claims/dev5/crosskind5.jsonl`; the sentences below are
written for this test and are in none of the fixtures. Each states the claims it must yield and
the ones it must not: a clause's topic (its head words said before the phrase, else the clause
before it in its sentence) decides which kinds read in it, a deflection is the assistant's own,
a ticket's id is no item, a condition of time ends where the money's clause begins.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from auditor._claims import Claim, ClaimKind, ExtractionContext, extract
from auditor._claims._document import _TOPIC, _TOPIC_START, READS_IN, TOPIC_WORDS, Document
from auditor._claims._subjects import OTHER_RECORDS
from tests.unit.claims._scoring import FIXTURES

ITEMS = {
    "LN-0100": "Linen Apron",
    "CK-0200": "Cake Tin",
    "PT-0300": "Pepper Mill",
    "SL-0400": "Salad Spinner",
    "GB-0500": "Glass Jug",
}
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday


def read(text: str) -> set[tuple[str, object, str | None]]:
    claims: list[Claim] = extract(text, context=ExtractionContext(now=NOW, items=ITEMS))
    return {(c.kind.value, c.value, c.subject) for c in claims if c.kind is not ClaimKind.DELAY}


@pytest.mark.parametrize(
    ("text", "must", "must_not"),
    [
        # A stock clause's dispatch promise is no order's status.
        (
            "Your order details are only shared with the account holder. What I can say is that "
            "the Pepper Mill is back in stock and ships within 24 hours.",
            {("availability", "in_stock", "PT-0300")},
            {("order_status", "processing", None)},
        ),
        # "left" after a count of stock: the items left on the shelf, not an order that left.
        (
            "We've only got 3 Glass Jugs left. ORD-40111 is waiting for payment to clear.",
            {("availability", "low_stock", "GB-0500"), ("order_status", "pending", "ORD-40111")},
            {("order_status", "shipped", "ORD-40111")},
        ),
        # A refund's landing day is no delivery date.
        (
            "The $12.40 refund for ORD-40112 went out on Thursday and should land in your account "
            "by Wednesday.",
            {("refund", "issued", "ORD-40112")},
            {("delivery_date", "2026-12-09", "ORD-40112")},
        ),
        # An item on backorder in a sentence of its own is no waiting part of another order.
        (
            "The Cake Tin is on backorder and is expected back in stock on the 16th. Your other "
            "order, ORD-40113, is out for delivery today.",
            {("availability", "backorder", "CK-0200"), ("order_status", "shipped", "ORD-40113")},
            {("order_status", "partially_shipped", "ORD-40113")},
        ),
    ],
)
def test_order_claims_are_not_read_from_a_clause_about_stock_or_money(
    text: str, must: set[tuple[str, object, str | None]], must_not: set[tuple[str, object, str]]
) -> None:
    got = read(text)
    assert must <= got
    assert not (must_not & got)


def test_an_order_sentence_with_a_part_on_backorder_is_still_a_partial_shipment() -> None:
    # Look-alike: the stock clause here is a part of the order the sentence names.
    got = read(
        "The apron from ORD-40114 went out on Friday, but the Cake Tin's on backorder so it'll "
        "follow separately."
    )
    assert ("order_status", "partially_shipped", "ORD-40114") in got


def test_something_free_that_comes_with_an_item_in_stock_is_no_discount() -> None:
    got = read("The Salad Spinner is in stock and comes with a free recipe card this month.")
    assert ("availability", "in_stock", "SL-0400") in got
    assert not any(kind == "discount" for kind, _, _ in got)
    # Look-alike: something free given to this customer is still an offer.
    assert ("discount", "free", None) in read(
        "Sorry about the dent, I've refunded the postage and added a free tea towel."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Our courier couldn't get into your building, so ORD-40115 went back to the depot.",
        "The driver wasn't able to access the flats yesterday; ORD-40116 is at the depot.",
    ],
)
def test_a_third_party_that_could_not_do_something_is_no_deflection(text: str) -> None:
    assert not any(kind == "deflection" for kind, _, _ in read(text))


def test_the_assistant_that_cannot_see_something_still_deflects() -> None:
    got = read("The courier's site is down, so I can't see where ORD-40117 is right now.")
    assert any(kind == "deflection" and value == "cannot_check" for kind, value, _ in got)


def test_a_record_logged_on_a_day_is_no_sign_in_request() -> None:
    got = read("RMA-7301 was logged on November 30 and reached our warehouse yesterday.")
    assert not any(kind == "deflection" for kind, _, _ in got)
    # Look-alike: the customer asked to log on is one.
    assert ("deflection", "sign_in", None) in read(
        "Please log on to your account to see your orders."
    )


def test_a_ticket_id_is_no_subject() -> None:
    got = read(
        "I've opened ticket PX-552019 and someone from our warehouse team will call you about "
        "ORD-40118."
    )
    assert ("deflection", "contact_support", "ORD-40118") in got
    assert not any(subject == "PX-552019" for _, _, subject in got)


def test_a_generic_apology_beside_a_ticket_does_not_hide_the_hand_off() -> None:
    got = read(
        "Sorry for the trouble with ORD-40119. I've raised ticket PX-552020 and a member of our "
        "returns team will email you tomorrow."
    )
    assert ("deflection", "contact_support", "ORD-40119") in got


def test_the_refund_after_a_condition_of_time_without_a_comma_is_read() -> None:
    got = read(
        "ORD-40120 went out today and once the old Glass Jug is back with us the refund'll go "
        "straight back on your card."
    )
    assert ("order_status", "shipped", "ORD-40120") in got
    assert any(kind == "refund" and value == "pending" for kind, value, _ in got)
    # Look-alike: what follows an "if" stays a hypothesis.
    assert not any(
        kind == "deflection"
        for kind, _, _ in read("If it hasn't turned up by Friday I'll pass you to the team.")
    )


def test_the_topics_are_data() -> None:
    assert set(TOPIC_WORDS) == {"stock", "money", "order", "return"}
    assert {"order_status", "delivery_date", "tracking"} <= set(READS_IN)
    assert "ticket" in OTHER_RECORDS
    doc = Document.of("The Cake Tin is in stock and ships today.", ExtractionContext(items=ITEMS))
    second = doc.clauses[-1]
    topics, sentence = doc.topics(second, second.start)
    assert "stock" in topics and "order" not in sentence
    assert not doc.reads("order_status", second, second.start)


def test_the_needles_find_every_topic_the_words_find() -> None:
    # `_may_hold` rules an answer out before any clause is read for topics: it must never
    # rule out a topic the words would find.
    texts = [
        json.loads(line)["text"]
        for name in ("crosskind5.jsonl", "crosskind5_late.jsonl")
        for line in (FIXTURES / "dev5" / name).read_text(encoding="utf-8").splitlines()
    ]
    assert len(texts) >= 160
    for raw in texts:
        doc = Document.of(raw, ExtractionContext(items=ITEMS))
        found = {topic for clause in doc.clauses for topic in doc.topics(clause)[0]} - {"item"}
        for topic in found:
            assert doc._may_hold(frozenset({topic})), (topic, raw)
        # Topics are sought only where a word may open one: a search of the whole answer finds
        # none elsewhere.
        for match in _TOPIC.finditer(doc.masked):
            word = re.match(r"[a-z0-9]+", doc.masked[match.start() :])
            assert word is not None and _TOPIC_START.match(word.group()), (match.group(), raw)
