"""More classes of the lexicon read as one (syn10): a rule that spelt one member out read the
answer in that word and missed it in another the reader says is the same
(`benchmarks/claims_synonyms.py`).

Sentences written for the test, none taken from the labelled sets.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ExtractionContext, extract
from auditor._claims._lexicon import MONEY_DESKS, REFUND_WORDS, SHIPPED, SUPPLIER_WORDS

CONTEXT = ExtractionContext(
    now=datetime(2026, 12, 9, 10, tzinfo=UTC),
    items={"PB-0410": "Pasta Bowl", "SL-0077": "Salad Spinner"},
)


def _read(text: str) -> set[tuple[str, object, object]]:
    return {(c.kind.value, c.value, c.subject) for c in extract(text, context=CONTEXT)}


def _kinds(text: str) -> set[str]:
    return {kind for kind, _value, _subject in _read(text)}


@pytest.mark.parametrize("noun", REFUND_WORDS)
@pytest.mark.parametrize(
    ("template", "value"),
    [
        ("Our accounts people have now processed your {} for RMA-30512.", "issued"),
        ("I've put the {} for RMA-30512 through this afternoon, give it 3-5 days", "issued"),
        ("Sorry, RMA-30512 isn't eligible for a {} as the box was opened.", "none"),
        ("We can't offer a {} on RMA-30512, the Pasta Bowl was a clearance line.", "none"),
        ("RMA-30512 won't be getting a {}, I'm afraid: it came back chipped.", "none"),
        ("Once RMA-30512 is back with us we'll issue your {}.", "pending"),
    ],
)
def test_the_refund_as_a_noun_in_any_of_its_words(
    template: str, value: str | None, noun: str
) -> None:
    read = _read(template.format(noun))
    refunds = {(v, s) for kind, v, s in read if kind == "refund"}
    if value is None:
        assert not refunds, read
    else:
        assert refunds == {(value, "RMA-30512")}, read


@pytest.mark.parametrize("noun", REFUND_WORDS)
def test_a_refund_for_an_order_is_no_status_of_the_order(noun: str) -> None:
    read = _read(f"Your {noun} for ORD-55120 has been processed.")
    assert ("refund", "issued", "ORD-55120") in read
    assert "order_status" not in {kind for kind, _v, _s in read}, read


#: `_lexicon.CANNOT`'s spellings, each with its subject: "not in a position to" is "can't".
UNABLE = (
    "I can't",
    "I cannot",
    "I'm unable to",
    "I'm not able to",
    "I'm not in a position to",
    "I won't be able to",
)


@pytest.mark.parametrize("unable", UNABLE)
def test_not_able_to_look_up_in_any_spelling_is_a_deflection(unable: str) -> None:
    assert "deflection" in _kinds(f"{unable} pull up orders from this chat window, sorry."), unable


@pytest.mark.parametrize("unable", UNABLE)
def test_not_able_to_refund_in_any_spelling_is_no_refund(unable: str) -> None:
    text = f"{unable} offer a refund on RMA-30512 as the Salad Spinner was used."
    assert ("refund", "none", "RMA-30512") in _read(text)


@pytest.mark.parametrize("unable", UNABLE)
def test_not_able_to_take_a_return_back_in_any_spelling_is_rejected(unable: str) -> None:
    text = f"Sorry, {unable[0].lower()}{unable[1:]} take RMA-30512 back, it is past 30 days."
    text = text.replace("Sorry, i", "Sorry, I")
    assert ("return_status", "rejected", "RMA-30512") in _read(text)


@pytest.mark.parametrize("sent", SHIPPED[3:-1].split("|"))
@pytest.mark.parametrize(
    ("template", "value"),
    [
        ("ORD-55120 will be {} tomorrow morning, then it's a 2-day service.", "processing"),
        ("ORD-55120 is scheduled to be {} from our warehouse on Friday.", "processing"),
        ("ORD-55120 is sitting waiting to be {}, nothing's wrong with it.", "processing"),
        ("Good news: ORD-55120 has been {} and should be with you Thursday.", "shipped"),
    ],
)
def test_an_order_sent_in_any_word_of_the_class(template: str, value: str, sent: str) -> None:
    read = _read(template.format(sent))
    assert {(v, s) for kind, v, s in read if kind == "order_status"} == {(value, "ORD-55120")}


@pytest.mark.parametrize("desk", MONEY_DESKS)
def test_a_refund_with_the_desk_that_pays_in_any_of_its_names(desk: str) -> None:
    text = f"RMA-30512 passed its checks, so it's gone over to {desk} for the refund."
    read = _read(text)
    assert ("refund", "pending", "RMA-30512") in read
    assert "deflection" not in _kinds(text), read


@pytest.mark.parametrize("desk", MONEY_DESKS)
def test_a_refund_sat_with_the_paying_desk_team_is_pending(desk: str) -> None:
    text = f"The refund for RMA-30512 is currently with our {desk} team, it goes out Friday."
    assert ("refund", "pending", "RMA-30512") in _read(text)


@pytest.mark.parametrize("maker", SUPPLIER_WORDS)
@pytest.mark.parametrize(
    ("template", "value"),
    [
        ("The Pasta Bowl is sold out, but the {}'s sending more on Thursday.", "backorder"),
        ("The Pasta Bowl is on order from the {} and due with us next week.", "backorder"),
        ("The Pasta Bowl has been held up at the {} so it isn't in stock yet.", "backorder"),
    ],
)
def test_stock_coming_from_any_word_for_the_maker(template: str, value: str, maker: str) -> None:
    read = _read(template.format(maker))
    assert ("availability", value, "PB-0410") in read, read


@pytest.mark.parametrize("shop", ["I'll", "I will", "We'll", "We will"])
@pytest.mark.parametrize(
    "template",
    [
        "{} have a word with the stockroom and message you back before lunch.",
        "{} get one of the delivery team to give you a call about ORD-55120.",
        "{} ask our returns team and let you know.",
    ],
)
def test_a_hand_off_promised_as_one_agent_or_as_the_shop(template: str, shop: str) -> None:
    text = template.format(shop)
    assert ("deflection", "contact_support") in {(k, v) for k, v, _s in _read(text)}, text


@pytest.mark.parametrize("group", ["team", "department", "dept"])
@pytest.mark.parametrize(
    ("template", "claim"),
    [
        ("RMA-30512 is with our returns {} for review.", ("return_status", "requested")),
        ("RMA-30512 is now with the quality {}.", ("return_status", "received")),
        (
            "Our customer care {} will email you about it tomorrow.",
            ("deflection", "contact_support"),
        ),
    ],
)
def test_a_group_of_the_shop_in_any_of_its_names(
    template: str, claim: tuple[str, str], group: str
) -> None:
    read = _read(template.format(group))
    assert claim in {(kind, value) for kind, value, _s in read}, read


@pytest.mark.parametrize("sent", ["shipped", "dispatched", "despatched"])
def test_the_day_an_order_is_sent_in_any_word_is_no_delivery_date(sent: str) -> None:
    read = _read(f"ORD-55120 is due to be {sent} tomorrow morning.")
    assert {(k, v) for k, v, _s in read} == {("order_status", "processing")}, read


@pytest.mark.parametrize("unable", ["can't", "cannot", "can not"])
def test_cannot_in_any_spelling_before_your_order_is_no_privacy_refusal(unable: str) -> None:
    text = f"That voucher was for new members only, so I {unable} put that on your order, sorry."
    assert "refusal" not in _kinds(text), _read(text)
