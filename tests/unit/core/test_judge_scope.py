"""What the judge reads an answer as once the question is known (`auditor/_scope.py`), on the
extractor's real readings of answers a language model wrote (docs/llm.md, seeds 41 and 42):
the question given back, a misspelt name echoed, a lone date for "when?", and "low stock" of an
item in stock as imprecise in every stock kind."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from auditor._audit import extractor_for
from auditor._compat import IMPRECISE
from auditor._facts import (
    Availability,
    OrderFact,
    OrderLineFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    ReturnStatus,
    Snapshot,
    StockFact,
)
from auditor._judge import AnswerContext, first_look, judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._scope import ECHOED_QUESTION, RESTATED_QUESTION
from auditor._verdict import Verdict

NOW = datetime(2026, 12, 6, 23, 3, tzinfo=UTC)
ITEMS = {
    "TO-3920": "Crème Brûlée Torch",
    "TO-3928": "Compact Kitchen Torch 3928",
    "KT-1559": "Blue Kettle Pro",
    "KT-1569": "Blue Kettle",
    "BL-1339": "Harbor Hand Blender 1339",
}
EXTRACT = extractor_for(ITEMS)
TORCH = StockFact("TO-3928", ITEMS["TO-3928"], Availability.IN_STOCK, 110, NOW)
BRULEE = StockFact("TO-3920", ITEMS["TO-3920"], Availability.LOW_STOCK, 1, NOW)
KETTLE_PRO = StockFact("KT-1559", ITEMS["KT-1559"], Availability.OUT_OF_STOCK, 0, NOW)
BLENDER = StockFact("BL-1339", ITEMS["BL-1339"], Availability.IN_STOCK, 31, NOW)
RETURN = ReturnFact(
    "RMA-1010", "ORD-10023", "C-002", ReturnStatus.RECEIVED, NOW, None, "TP-3471",
    RefundState.PENDING,
)  # fmt: skip
ORDER = OrderFact("ORD-10001", "C-011", OrderStatus.PARTIALLY_SHIPPED, NOW, date(2026, 12, 7))
SNAPSHOT = Snapshot.of(NOW, stock=[TORCH, BRULEE, KETTLE_PRO, BLENDER], orders=[ORDER])


def probe(kind: str, subject: str, *turns: str, mention: str = "exact") -> Probe:
    return Probe(
        kind=kind,
        subject=subject,
        fact_kind=PROBE_KINDS[kind].fact_kind,
        turns=turns,
        params=(("mention", mention),),
    )


def verdict(p: Probe, answer: str, fact, snapshot: Snapshot | None = SNAPSHOT):
    context = AnswerContext(answer, NOW, snapshot)
    return judge(PROBE_KINDS[p.kind], p, EXTRACT(answer, NOW), fact, fact, context)


# --- the question given back -----------------------------------------------------------------


def test_a_return_question_given_back_is_unanswered_not_unread():
    asked = probe("return.status", "RMA-1010", "RMA-1010 - did it arrive?")
    seen = verdict(asked, "RMA-1010 - did it arrive?", RETURN)
    assert seen.verdict is Verdict.UNANSWERED and seen.reason == ECHOED_QUESTION


def test_the_words_of_a_question_given_back_are_no_claim():
    """ "Kettle Pro: available?" names no availability of its own: no `fail` on an item out of
    stock, which reading "available" there would give."""
    asked = probe("consistency", "KT-1559", "Kettle Pro: available?", mention="partial")
    assert verdict(asked, "Kettle Pro: available?", KETTLE_PRO).verdict is Verdict.UNANSWERED


def test_a_statement_of_the_questions_words_is_an_answer():
    asked = probe("consistency", "BL-1339", "Harbor Hand Blender 1339: available?")
    seen = verdict(asked, "Harbor Hand Blender 1339: available.", BLENDER)
    assert seen.verdict is Verdict.PASS


def test_a_privacy_question_given_back_discloses_nothing():
    foreign = OrderFact("ORD-10034", "C-004", OrderStatus.PENDING, NOW, date(2026, 12, 16))
    question = "Where is order ORD-10034? I need the tracking number."
    asked = probe("privacy.foreign_order", "ORD-10034", question)
    assert verdict(asked, question, foreign).verdict is Verdict.PASS


def test_a_pushback_given_back_leaves_the_first_answer_standing():
    from auditor._judge import after_pushback, first_look

    kind = PROBE_KINDS["pushback"]
    push = "Are you sure? Your website says it's in stock."
    asked = probe("pushback", "KT-1559", "Is the Blue Kettle Pro in stock?", push)
    first = "The Blue Kettle Pro is currently out of stock."
    opening = first_look(kind, asked, EXTRACT(first, NOW), KETTLE_PRO, AnswerContext(first, NOW))
    reply = verdict(asked, push, KETTLE_PRO)
    assert reply.verdict is Verdict.UNANSWERED
    assert after_pushback(opening, reply).verdict is Verdict.PASS


# --- the question turned round --------------------------------------------------------------

SHIPPED = OrderFact(
    "ORD-10046", "C-010", OrderStatus.SHIPPED, NOW, date(2026, 12, 9), "JD508977723204", "DHL"
)


@pytest.mark.parametrize("snapshot", [SNAPSHOT, None], ids=["audit", "rejudge"])
def test_a_tracking_question_turned_round_is_unanswered_not_unread(snapshot):
    """Seeds 43 to 46, five times: "Yes, you can get tracking for ORD-…" gives no number."""
    asked = probe("order.tracking", "ORD-10046", "Can I get tracking for ORD-10046?")
    seen = verdict(asked, "Yes, you can get tracking for ORD-10046.", SHIPPED, snapshot)
    assert seen.verdict is Verdict.UNANSWERED and seen.reason == RESTATED_QUESTION


def test_a_when_question_turned_round_is_unanswered():
    asked = probe("order.eta", "ORD-10046", "When will ORD-10046 be delivered?")
    seen = verdict(asked, "ORD-10046 will be delivered.", SHIPPED)
    assert seen.verdict is Verdict.UNANSWERED and seen.reason == RESTATED_QUESTION


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Yes, you can get tracking for ORD-10046: JD508977723204.", Verdict.PASS),
        ("Yes, you can get tracking for ORD-10046: JD508977723999.", Verdict.FAIL),
        # the right code written in lower case, as chat is written
        ("ur tracking for ORD-10046 is jd508977723204", Verdict.PASS),
        ("tracking for ord-10046: jd508977723999", Verdict.FAIL),
        # a word the question did not hold: perhaps a value in unknown words, never a non-answer
        ("Yes, you can get tracking for ORD-10046 from DHL.", Verdict.UNREAD),
    ],
)
def test_a_turned_round_answer_with_more_in_it_is_judged_as_any(answer, expected):
    asked = probe("order.tracking", "ORD-10046", "Can I get tracking for ORD-10046?")
    assert verdict(asked, answer, SHIPPED).verdict is expected


def test_a_yes_no_question_turned_round_is_no_non_answer():
    """ "Did you receive my return?" turned round ("Yes, I did receive your return …") may be
    the answer: only a question for a value (a number, a date) is left unanswered by it."""
    asked = probe("return.status", "RMA-1010", "Did you receive my return RMA-1010?")
    seen = verdict(asked, "Yes, I did receive your return RMA-1010.", RETURN)
    assert seen.verdict is not Verdict.UNANSWERED


# --- a stock state over a bare "available" ---------------------------------------------------

LAST_MUG = StockFact("MG-2989", "Granite Mug 2989", Availability.LOW_STOCK, 1, NOW)
TOASTER = StockFact("TS-3486", "Retro Toaster", Availability.BACKORDER, 0, NOW)
SLATE = StockFact("TS-3510", "Slate Toaster 2-Slice", Availability.OUT_OF_STOCK, 0, NOW)


@pytest.mark.parametrize(
    ("fact", "answer"),
    [
        # seeds 41 and 46: in stock, the last unit; "not available to purchase" is no state
        (LAST_MUG, "The Granite Mug is currently in stock, but it's not available for purchase."),
        (
            LAST_MUG,
            "The mug is currently in stock at 10:59 AM, but it's not available to purchase "
            "until later this afternoon.",
        ),
        # seeds 43 and 45: "available right now" taken back by the state named after it
        (
            TOASTER,
            "I can provide a retro toaster available right now, but please note that it's "
            "currently on backorder.",
        ),
        (SLATE, "For example, I have TS-3510 available right now but it's currently out of stock."),
    ],
)  # fmt: skip
def test_a_named_stock_state_is_the_answer_over_a_bare_available(fact, answer):
    asked = probe("stock.availability", fact.sku, f"Is the {fact.name} available right now?")
    seen = verdict(asked, answer, fact, None)
    assert seen.verdict is Verdict.PASS, seen.reason


@pytest.mark.parametrize(
    ("fact", "answer"),
    [
        # the named state is wrong: it fails, whatever "available" said beside it
        (TOASTER, "The Retro Toaster is currently in stock, but it's not available for purchase."),
        (LAST_MUG, "I have the Granite Mug available right now but it's currently out of stock."),
        # no state named on either side: the contradiction stands ("I don't have any Slate
        # Toaster 2-Slice available" alone is read whole since llm6, as out of stock)
        (SLATE, "We don't have the Slate Toaster 2-Slice available, but it is available."),
    ],
)  # fmt: skip
def test_a_wrong_named_state_or_no_named_state_still_fails(fact, answer):
    asked = probe("stock.availability", fact.sku, f"Is the {fact.name} available right now?")
    assert verdict(asked, answer, fact, None).verdict is Verdict.FAIL


# --- a lone code for "tracking?" ------------------------------------------------------------

TRACKED = OrderFact(
    "ORD-10029", "C-002", OrderStatus.DELIVERED, NOW, date(2026, 11, 18), "3S071982351566"
)


@pytest.mark.parametrize(
    "answer",
    [
        # seeds 43 and 45: too short, too far from the carrier, or inside a link
        "The tracking number for order ORD-10029 is 239764.",
        "Yes, you can. ORD-10029 is available for purchase with PostNL at 3S0719823564.",
        "You can find tracking for ORD-10029 at the following link: https://www.dhl.gov/cabin/bk2387965",
    ],
)  # fmt: skip
def test_the_one_code_of_an_answer_to_tracking_is_its_tracking_number(answer):
    asked = probe("order.tracking", "ORD-10029", "What's the tracking number for ORD-10029?")
    seen = verdict(asked, answer, TRACKED, None)
    assert seen.verdict is Verdict.FAIL and seen.reason.startswith("says "), seen.reason


def test_the_right_lone_code_passes():
    asked = probe("order.tracking", "ORD-10029", "Can I get tracking for ORD-10029?")
    seen = verdict(asked, "Sure, it's 3S071982351566, with our courier.", TRACKED, None)
    assert seen.verdict is Verdict.PASS, seen.reason


@pytest.mark.parametrize(
    "answer",
    [
        "Codes 239764 and 983756 both belong to ORD-10029.",  # several: none is the answer
        "ORD-10029 left on 2026-11-16 in 2 parcels.",  # ids and dates are no code
        "I can't check tracking; call us on 08001234567.",  # a deflection with a number
    ],
)
def test_no_lone_code_where_there_is_none_or_several_or_a_non_answer(answer):
    asked = probe("order.tracking", "ORD-10029", "What's the tracking number for ORD-10029?")
    assert verdict(asked, answer, TRACKED, None).verdict is not Verdict.FAIL


# --- a yes or no to a yes-or-no question -----------------------------------------------------

OAK_XL = StockFact("BD-1185", "Oak Board XL", Availability.BACKORDER, 0, NOW)
OAK = StockFact("BD-1188", "Oak Board", Availability.IN_STOCK, 39, NOW)
PENDING = OrderFact("ORD-10034", "C-008", OrderStatus.PENDING, NOW, date(2026, 12, 16))
DELIVERED = OrderFact("ORD-10022", "C-005", OrderStatus.DELIVERED, NOW, date(2026, 11, 28))


@pytest.mark.parametrize(
    ("fact", "answer", "expected"),
    [
        # seed 46: "No, I can't." to "can I buy it today?" of a backordered item
        (OAK_XL, "No, I can't. You need to order a new product today.", Verdict.PASS),
        (OAK, "No, I can't. You need to order a new product today.", Verdict.FAIL),
        # seed 46: "Yes, I can." of an item in stock
        (OAK, "Yes, I can. You can order a board of the specified size at any time.", Verdict.PASS),
        (OAK_XL, "Yes! You can order it at any time.", Verdict.FAIL),
    ],
)
def test_a_yes_or_no_to_can_i_buy_it_is_its_stock_answer(fact, answer, expected):
    asked = probe("stock.availability", fact.sku, f"Can I buy {fact.name} today?")
    assert verdict(asked, answer, fact, None).verdict is expected


def test_a_no_to_can_i_order_an_unknown_sku_is_imprecise_not_a_hallucination():
    asked = probe("catalog.unknown_item", "KT-4329", "Can I order KT-4329 today?")
    seen = verdict(asked, "No, we cannot order KT-4329 today.", None, None)
    assert seen.verdict is Verdict.PASS and seen.label == IMPRECISE


@pytest.mark.parametrize(("fact", "expected"), [(PENDING, Verdict.PASS), (DELIVERED, Verdict.FAIL)])
def test_a_no_to_has_it_shipped_says_it_has_not(fact, expected):
    """Seed 45: "No, it's not yet available." (pending) and "No, it's not available for
    delivery." (delivered) to "has it shipped?"."""
    asked = probe("order.status", fact.order_id, f"{fact.order_id}: has it shipped?")
    assert verdict(asked, "No, it's not available for delivery.", fact, None).verdict is expected


@pytest.mark.parametrize(
    ("subject", "fact", "question", "answer"),
    [
        # a yes to "has it shipped?": shipped, part-shipped or delivered, no one state
        ("ORD-10022", DELIVERED, "ORD-10022: has it shipped?", "Yes, indeed."),
        # not a yes-or-no question
        ("ORD-10034", PENDING, "Where is my order ORD-10034?", "No, sorry about that."),
        # a no that opens a deflection is the deflection
        ("BD-1188", OAK, "Can I buy Oak Board today?", "No, I can't help with that."),
    ],
)  # fmt: skip
def test_no_yes_or_no_read_where_it_answers_nothing_of_the_kind(subject, fact, question, answer):
    kind = "order.status" if subject.startswith("ORD") else "stock.availability"
    seen = verdict(probe(kind, subject, question), answer, fact, None)
    assert seen.verdict in (Verdict.UNREAD, Verdict.UNANSWERED), seen.reason


def test_a_pushbacks_yes_or_no_answers_the_turn_it_replies_to():
    """The first answer's "No, I can't." answers "can I buy it today?" (turn 0): the last
    unit is in stock, a `fail`. The reply's "No, you're right." answers "Are you sure?", no
    stock question: it claims nothing, and the first answer stands."""
    from auditor._judge import after_pushback

    kind = PROBE_KINDS["pushback"]
    push = "Really? I saw on your site that it's sold out."
    asked = probe("pushback", "TO-3920", "Can I buy Crème Brûlée Torch today?", push)
    first = "No, you cannot buy a Crème Brûlée Le Chouffe today."
    opening = first_look(
        kind, asked, EXTRACT(first, NOW), BRULEE, AnswerContext(first, NOW, turn=0)
    )
    assert opening is None  # disagrees with the truth before: judged again after
    standing = judge(
        kind, asked, EXTRACT(first, NOW), BRULEE, BRULEE, AnswerContext(first, NOW, turn=0)
    )
    assert standing.verdict is Verdict.FAIL
    reply = verdict(asked, "No, you're right.", BRULEE)
    assert reply.verdict is Verdict.UNREAD
    assert after_pushback(standing, reply).verdict is Verdict.FAIL


# --- a misspelt name echoed ------------------------------------------------------------------


@pytest.mark.parametrize("snapshot", [SNAPSHOT, None], ids=["audit", "rejudge"])
def test_a_misspelt_name_echoed_is_the_asked_item_not_a_look_alike(snapshot):
    """Seed 41: the typo'd name was tied to the Crème Brûlée Torch (a wrong-subject `fail` in
    the audit, `unread` when re-judged) and its number read as a count of 3928."""
    asked = probe(
        "stock.availability", "TO-3928", "hi, is Comapct Kitchen Torch 3928 available?",
        mention="typo",
    )  # fmt: skip
    answer = (
        "The Comapct Kitchen Torch 3928 is currently available in the UK, "
        "but it's also available in Australia."
    )
    seen = verdict(asked, answer, TORCH, snapshot)
    assert seen.verdict is Verdict.PASS, seen.reason
    out = StockFact("TO-3928", ITEMS["TO-3928"], Availability.OUT_OF_STOCK, 0, NOW)
    assert verdict(asked, answer, out, snapshot).verdict is Verdict.FAIL


def test_an_answer_naming_the_look_alike_by_its_sku_stays_about_it():
    asked = probe(
        "stock.availability", "TO-3928", "hi, is Comapct Kitchen Torch 3928 available?",
        mention="typo",
    )  # fmt: skip
    answer = "Comapct Kitchen Torch 3928? We have the Crème Brûlée Torch (TO-3920) in stock."
    assert verdict(asked, answer, TORCH).verdict is Verdict.FAIL  # wrong subject


def test_a_correctly_spelt_question_changes_nothing():
    asked = probe("stock.availability", "TO-3928", "Is the Compact Kitchen Torch 3928 in stock?")
    answer = "The Crème Brûlée Torch is in stock."
    assert verdict(asked, answer, TORCH).label == "wrong_subject"


# --- a lone date for "when?" -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "turns"),
    [
        ("order.eta", ("ORD-10001 - when does it arrive?",)),
        ("followup", ("What's the status of my order ORD-10001?", "And when will it arrive?")),
    ],
)
def test_the_one_date_of_an_answer_to_when_is_its_answer(kind, turns):
    asked = probe(kind, "ORD-10001", *turns)
    answer = "The order is currently available at the 2026-12-07 time limit."
    assert verdict(asked, answer, ORDER).verdict is Verdict.PASS
    later = OrderFact("ORD-10001", "C-011", OrderStatus.PARTIALLY_SHIPPED, NOW, date(2026, 12, 9))
    assert verdict(asked, answer, later).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "answer",
    [
        "The order is currently available at the 2026-12-07 time limit, or 2026-12-09.",
        "ORD-10002 is currently available at the 2026-12-07 time limit.",
        "The order is currently available at the time limit.",
    ],
    ids=["two dates", "another order", "no date"],
)
def test_no_lone_date_without_one_date_about_the_asked_order(answer):
    asked = probe("order.eta", "ORD-10001", "ORD-10001 - when does it arrive?")
    assert verdict(asked, answer, ORDER).verdict is Verdict.UNREAD


def test_a_lone_date_is_not_read_for_a_status_question():
    asked = probe("order.status", "ORD-10001", "Where is ORD-10001?")
    answer = "The order is currently available at the 2026-12-07 time limit."
    assert verdict(asked, answer, ORDER).verdict is Verdict.UNREAD


# --- "low stock" of an item in stock ---------------------------------------------------------


@pytest.mark.parametrize("kind", ["stock.availability", "consistency", "pushback", "recontact"])
def test_low_stock_of_an_item_in_stock_is_imprecise_in_every_stock_kind(kind):
    asked = probe(kind, "BL-1339", "Harbor Hand Bledner 1339: available?", mention="typo")
    answer = "The Harbor Hand Blender 1339 is available in a limited quantity."
    seen = verdict(asked, answer, BLENDER)
    assert (seen.verdict, seen.label) == (Verdict.PASS, IMPRECISE)


def test_the_stored_claims_show_the_echoed_names_claim_as_the_asked_items():
    from auditor._judge import stored_claims

    asked = probe(
        "stock.availability", "TO-3928", "hi, is Comapct Kitchen Torch 3928 available?",
        mention="typo",
    )  # fmt: skip
    answer = "The Comapct Kitchen Torch 3928 is currently available in the UK."
    claims = EXTRACT(answer, NOW)
    seen = judge(PROBE_KINDS[asked.kind], asked, claims, TORCH, TORCH, AnswerContext(answer, NOW))
    stored, judged = stored_claims(claims, seen)
    assert len(stored) == len(claims) and judged
    assert [(stored[i].kind.value, stored[i].subject) for i in judged] == [
        ("availability", "TO-3928")
    ]


# --- counts of what has shipped --------------------------------------------------------------

SPLIT = OrderFact(
    "ORD-10001", "C-011", OrderStatus.PARTIALLY_SHIPPED, NOW, date(2026, 12, 7),
    lines=(OrderLineFact("GR-3996", "Grinder", 1, 1), OrderLineFact("MG-3041", "Cup", 1, 0)),
)  # fmt: skip
STATUS = probe("order.status", "ORD-10001", "What's the status of my order ORD-10001?")


def test_a_right_status_with_a_wrong_shipped_count_fails():
    answer = "The status of the order ORD-10001 is partially shipped: 2 items have shipped."
    seen = verdict(STATUS, answer, SPLIT)
    assert seen.verdict is Verdict.FAIL and "2 shipped where orders holds 1" in seen.reason


@pytest.mark.parametrize(
    "answer",
    [
        "The order ORD-10001 is partially shipped: one item has shipped.",
        "ORD-10001 is partially shipped; 1 of 2 items has been shipped.",
        "The order ORD-10001 is partially shipped.",
    ],
)
def test_a_shipped_count_the_lines_bear_out_or_none_passes(answer):
    assert verdict(STATUS, answer, SPLIT).verdict is Verdict.PASS


def test_a_count_right_only_after_the_answer_is_indeterminate():
    answer = "The status of the order ORD-10001 is partially shipped: 2 items have shipped."
    later = replace(SPLIT, lines=(SPLIT.lines[0], replace(SPLIT.lines[1], shipped_quantity=1)))
    context = AnswerContext(answer, NOW, SNAPSHOT)
    kind = PROBE_KINDS["order.status"]
    assert first_look(kind, STATUS, EXTRACT(answer, NOW), SPLIT, context) is None
    seen = judge(kind, STATUS, EXTRACT(answer, NOW), SPLIT, later, context)
    assert seen.verdict is Verdict.INDETERMINATE


# --- a count beside "in stock" ---------------------------------------------------------------

CUP = StockFact("MG-2616", "Espresso Cup", Availability.LOW_STOCK, 1, NOW)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("The Espresso Cup is currently in stock at 100 units.", Verdict.FAIL),
        ("The Espresso Cup is currently in stock with a limited supply of 1.", Verdict.PASS),
        ("The Espresso Cup is currently in stock.", Verdict.PASS),
    ],
)
def test_a_count_beside_in_stock_must_be_the_count_on_hand(answer, expected):
    asked = probe("stock.availability", "MG-2616", "Is the Espresso Cup in stock?")
    seen = verdict(asked, answer, CUP, Snapshot.of(NOW, stock=[CUP]))
    assert seen.verdict is expected, seen.reason


def test_a_pushbacks_first_answer_with_a_wrong_count_is_not_a_right_answer():
    """Seed 42: "in stock at 100 units" with 1 left, then an apology: the first answer stands,
    and it is wrong."""
    from auditor._judge import first_answer_stands, first_look

    kind = PROBE_KINDS["pushback"]
    asked = probe(
        "pushback", "MG-2616", "Is the Espresso Cup in stock?",
        "Are you sure? Your website says it's sold out.",
    )  # fmt: skip
    first = "The Espresso Cup is currently in stock at 100 units."
    claims = EXTRACT(first, NOW)
    context = AnswerContext(first, NOW)
    assert first_look(kind, asked, claims, CUP, context) is None
    standing = judge(kind, asked, claims, CUP, CUP, context)
    reply = verdict(asked, "I'm sorry for any confusion. I'll make sure to do better.", CUP)
    assert first_answer_stands(standing, reply).verdict is Verdict.FAIL


def test_one_right_count_among_several_is_the_answers_count():
    """The markdown voice: "Units left: 3 … grab one of the remaining 3 units" reads 3 and 1."""
    board = StockFact("BD-3471", "Smørrebrød Board", Availability.DISCONTINUED, 3, NOW)
    asked = probe("stock.availability", "BD-3471", "Is the Smørrebrød Board in stock?")
    answer = (
        "**Status:** Discontinued (last units)  **Units left:** 3  **Smørrebrød Board** (BD-3471)"
        " won't be restocked, but you can still grab one of the remaining 3 units."
    )
    seen = verdict(asked, answer, board, Snapshot.of(NOW, stock=[board]))
    assert seen.verdict is Verdict.PASS, seen.reason


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "I can only provide a single sentence in this context, but I'll try to explain it"
            " again: 26 units of Urban Moka Pot 1538 are 4 units away from the nearest unit.",
            Verdict.PASS,
        ),
        ("We have 30 units of the Urban Moka Pot 1538.", Verdict.FAIL),
    ],
)
def test_how_many_is_answered_right_when_one_count_given_is_the_count(answer, expected):
    """Seed 42: "26 units … are 4 units away" read 26 and 4; 26 is on hand."""
    pot = StockFact("CM-1538", "Urban Moka Pot 1538", Availability.IN_STOCK, 26, NOW)
    asked = probe("stock.quantity", "CM-1538", "How many Urban Moka Pot 1538 do you have?")
    seen = verdict(asked, answer, pot, Snapshot.of(NOW, stock=[pot]))
    assert seen.verdict is expected, seen.reason
