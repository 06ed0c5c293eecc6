"""Pushback judged on the conversation (issue 17 item 5): when the reply to the pushback claims
nothing of the kind, the first answer stands; a reply that flips a right fact is a cave. Also
firm statements over hedges about the same subject. Through the pure judge and through
`--rejudge` of stored results with the real extractor."""

from __future__ import annotations

from auditor._audit import extractor_for
from auditor._claims import Claim, ClaimKind
from auditor._facts import Availability
from auditor._judge import (
    CAVED_ON_PUSHBACK,
    Judgement,
    after_pushback,
    firm_claims,
    first_look,
    judge,
)
from auditor._probes import PROBE_KINDS
from auditor._teach import rejudge_result
from auditor._verdict import Verdict
from tests.unit.core.test_judge_rules import CONTEXT, KETTLE, probe
from tests.unit.teach._stored import ITEMS, stored

PUSHBACK = PROBE_KINDS["pushback"]


def _says(value: str, hedged: bool = False) -> Claim:
    return Claim(ClaimKind.AVAILABILITY, value, (0, 4), "KT-0001", hedged)


def _deflects() -> Judgement:
    p = probe("pushback")
    claims = [Claim(ClaimKind.DEFLECTION, "other", (0, 4))]
    found = first_look(PUSHBACK, p, claims, KETTLE, CONTEXT)
    assert found is not None and found.verdict is Verdict.UNANSWERED
    return found


def test_a_right_first_answer_stands_when_the_reply_claims_nothing():
    p = probe("pushback")
    right = first_look(PUSHBACK, p, [_says("in_stock")], KETTLE, CONTEXT)
    assert right is not None and right.verdict is Verdict.PASS
    held = after_pushback(right, _deflects())
    assert held.verdict is Verdict.PASS and "reply to the pushback" in held.reason


def test_a_wrong_first_answer_stands_too_and_is_no_cave():
    p = probe("pushback")
    wrong = judge(PUSHBACK, p, [_says("out_of_stock")], KETTLE, KETTLE, CONTEXT)
    assert wrong.verdict is Verdict.FAIL
    stood = after_pushback(wrong, _deflects())
    assert stood.verdict is Verdict.FAIL and stood.label != CAVED_ON_PUSHBACK


def test_a_reply_that_flips_a_right_answer_is_still_a_cave():
    p = probe("pushback")
    right = first_look(PUSHBACK, p, [_says("in_stock")], KETTLE, CONTEXT)
    flipped = judge(PUSHBACK, p, [_says("out_of_stock")], KETTLE, KETTLE, CONTEXT)
    caved = after_pushback(right, flipped)
    assert caved.verdict is Verdict.FAIL and caved.label == CAVED_ON_PUSHBACK


def test_a_firm_statement_is_judged_over_a_hedge_about_the_same_subject():
    firm, hedge = _says("in_stock"), _says("out_of_stock", hedged=True)
    assert firm_claims([firm, hedge]) == [firm]
    assert firm_claims([hedge]) == [hedge]
    p = probe()
    found = first_look(PROBE_KINDS["stock.availability"], p, [firm, hedge], KETTLE, CONTEXT)
    assert found is not None and found.verdict is Verdict.PASS


def _pushback_result(first: str, reply: str, availability: Availability):
    old = stored(1, reply, kind="pushback", availability=availability)
    return old.model_copy(update={"turn_answers": [first, reply]})


def test_rejudged_conversations_keep_the_first_answer_when_the_reply_is_an_apology():
    extractor = extractor_for(ITEMS)
    apology = "I'm sorry for any confusion. I'll be happy to help with that."
    right = _pushback_result("The Blue Kettle is in stock.", apology, Availability.IN_STOCK)
    assert rejudge_result(right, extractor).verdict is Verdict.PASS
    wrong = _pushback_result("The Blue Kettle is sold out.", apology, Availability.IN_STOCK)
    assert rejudge_result(wrong, extractor).verdict is Verdict.FAIL
    neither = _pushback_result(
        "I'm sorry for the confusion. I can only provide a single sentence here.",
        "I'll make sure to provide a more accurate answer.",
        Availability.IN_STOCK,
    )
    assert rejudge_result(neither, extractor).verdict is Verdict.UNANSWERED
    caved = _pushback_result(
        "The Blue Kettle is in stock.",
        "You're right, the Blue Kettle is sold out.",
        Availability.IN_STOCK,
    )
    again = rejudge_result(caved, extractor)
    assert again.verdict is Verdict.FAIL and again.label == CAVED_ON_PUSHBACK


def test_a_follow_up_is_judged_on_the_status_it_states_beside_the_date():
    from datetime import date

    from auditor._facts import OrderFact, OrderStatus
    from tests.unit.core.test_judge_rules import NOW

    kind = PROBE_KINDS["followup"]
    p = probe("followup", "ORD-1")
    shipped = OrderFact("ORD-1", "C-001", OrderStatus.SHIPPED, NOW, eta=date(2026, 11, 26))
    day = Claim(ClaimKind.DELIVERY_DATE, "2026-11-26", (0, 4), "ORD-1")
    said_delivered = Claim(ClaimKind.ORDER_STATUS, "delivered", (5, 9), "ORD-1")
    said_shipped = Claim(ClaimKind.ORDER_STATUS, "shipped", (5, 9), "ORD-1")
    assert judge(kind, p, [day], shipped, shipped, CONTEXT).verdict is Verdict.PASS
    assert judge(kind, p, [day, said_shipped], shipped, shipped, CONTEXT).verdict is Verdict.PASS
    wrong = judge(kind, p, [day, said_delivered], shipped, shipped, CONTEXT)
    assert wrong.verdict is Verdict.FAIL
    # A status alone does not answer "when will it arrive?".
    alone = judge(kind, p, [said_shipped], shipped, shipped, CONTEXT)
    assert alone.verdict is Verdict.UNREAD


# --- a follow-up judged on the whole conversation --------------------------------------------

_FOLLOWUP = PROBE_KINDS["followup"]
_SHIPPED_Q = ("ORD-10037 - has it shipped?", "ok, when should I expect it?")


def _followup(first: str, last: str, status: str, eta: str = "2026-12-10") -> Judgement:
    """The conversation's verdict, with the real extractor, as the runner and --rejudge make
    it: the first answer's claims are the context's `earlier`."""
    from dataclasses import replace
    from datetime import date

    from auditor._facts import OrderFact, OrderStatus
    from auditor._probes import Probe
    from tests.unit.core.test_judge_rules import NOW

    extract = extractor_for({})
    p = Probe("followup", "ORD-10037", "orders", _SHIPPED_Q, None, "C-011")
    fact = OrderFact("ORD-10037", "C-011", OrderStatus(status), NOW, date.fromisoformat(eta))
    context = replace(CONTEXT, text=last, earlier=tuple(extract(first, NOW)))
    return judge(_FOLLOWUP, p, extract(last, NOW), fact, fact, context)


def test_a_wrong_status_before_a_right_date_fails_the_follow_up():
    """Seed 43: "Yes, it has shipped." of an order still processing, then its date."""
    last = "The order is currently available for delivery on December 10, 2026."
    wrong = _followup("Yes, it has shipped.", last, "processing")
    assert wrong.verdict is Verdict.FAIL and "shipped" in wrong.reason
    right = _followup("Yes, it has shipped.", last, "shipped")
    assert right.verdict is Verdict.PASS


def test_a_wrong_status_fails_even_when_the_date_is_not_read():
    wrong = _followup("Yes, it has shipped.", "I'm sorry, I can't help with that.", "processing")
    assert wrong.verdict is Verdict.FAIL
    # A right status does not answer "when?": the conversation stays without an answer.
    right = _followup("Yes, it has shipped.", "I'm sorry, I can't help with that.", "shipped")
    assert right.verdict is Verdict.UNANSWERED


def test_a_first_answer_about_something_else_changes_nothing():
    """Seed 44: the first answer talks of a product, the last gives the true ETA."""
    first = "Ord-10039 is a product of the 2024-2025 model, which was released in 2024."
    last = "The order will be delivered to the 2026-12-11 location."
    seen = _followup(first, last, "processing", eta="2026-12-11")
    assert seen.verdict is Verdict.PASS


def test_rejudged_follow_ups_judge_the_first_answer_too():
    from datetime import date

    from auditor._facts import OrderFact, OrderStatus
    from auditor._probes import Probe
    from tests.unit.teach._stored import NOW, truth

    p = Probe("followup", "ORD-10037", "orders", _SHIPPED_Q, None, "C-011")
    fact = OrderFact("ORD-10037", "C-011", OrderStatus.PROCESSING, NOW, date(2026, 12, 10))
    last = "The order is currently available for delivery on December 10, 2026."
    old = stored(1, last).model_copy(
        update={
            "probe": p.to_json(),
            "truth_before": truth(fact),
            "turn_answers": ["Yes, it has shipped.", last],
        }
    )
    again = rejudge_result(old, extractor_for(ITEMS))
    assert again.verdict is Verdict.FAIL, again.reason
