"""Answers in a non-answer's form, with no word of what was asked (`auditor/_idle_talk.py`):
news announced and none given, or the subject put in a place that is no place, is `unanswered`;
a word of the asked topic, a claim of the asked kind, or a real place keeps the answer as it
was. Sentences written for the test, on the extractor's real readings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from auditor._audit import extractor_for
from auditor._facts import (
    Availability,
    OrderFact,
    OrderStatus,
    RefundState,
    ReturnFact,
    ReturnStatus,
    StockFact,
)
from auditor._judge import AnswerContext, after_pushback, first_look, judge
from auditor._probes import PROBE_KINDS, Probe
from auditor._verdict import Verdict

NOW = datetime(2026, 12, 6, 23, 3, tzinfo=UTC)
ITEMS = {"KT-4410": "Nordic Kettle"}
EXTRACT = extractor_for(ITEMS)
RETURN = ReturnFact(
    "RMA-2040", "ORD-30012", "C-004", ReturnStatus.APPROVED, NOW, None, "KT-4410",
    RefundState.PENDING,
)  # fmt: skip
ORDER = OrderFact("ORD-30012", "C-004", OrderStatus.PROCESSING, NOW, date(2026, 12, 11))
KETTLE = StockFact("KT-4410", ITEMS["KT-4410"], Availability.IN_STOCK, 12, NOW)
FACTS = {"RMA-2040": RETURN, "ORD-30012": ORDER, "KT-4410": KETTLE}
NEWS = "announces news of it and gives none of its"
PLACE = "puts it in a place that is no place, and says nothing of its"
GIVEN_BACK_IN_PART = "the question given back in part instead of an answer"


def verdict(kind: str, subject: str, question: str, answer: str):
    fact = FACTS[subject]
    asked = Probe(
        kind=kind, subject=subject, fact_kind=PROBE_KINDS[kind].fact_kind, turns=(question,)
    )
    context = AnswerContext(answer, NOW, None)
    return judge(PROBE_KINDS[kind], asked, EXTRACT(answer, NOW), fact, fact, context)


@pytest.mark.parametrize(
    ("kind", "subject", "answer", "reason"),
    [
        # News announced, none given, or none of the asked topic.
        ("order.status", "ORD-30012", "A recent update on ORD-30012 has been announced.", NEWS),
        ("order.status", "ORD-30012", "No news on ORD-30012 yet, I'm afraid.", NEWS),
        (
            "order.status",
            "ORD-30012",
            "The latest update from ORD-30012 is that our CEO gave a keynote in Berlin.",
            NEWS,
        ),
        (
            "return.status",
            "RMA-2040",
            "The newest development on RMA-2040 is a redesigned logo for the brand.",
            NEWS,
        ),
        ("stock.availability", "KT-4410", "There's no news on the Nordic Kettle yet.", NEWS),
        # A place that is the record itself, or a section of a website.
        ("order.eta", "ORD-30012", "Your order is presently kept in the ORD-30012 folder.", PLACE),
        (
            "order.status",
            "ORD-30012",
            'ORD-30012 is listed on the "Gifts" page of our website, a popular corner of it.',
            PLACE,
        ),
        (
            "return.status",
            "RMA-2040",
            "RMA-2040 is currently located in the Clearance section of the online store.",
            PLACE,
        ),
    ],
)
def test_a_non_answer_form_with_no_word_of_the_topic_is_unanswered(kind, subject, answer, reason):
    seen = verdict(kind, subject, "What's the news?", answer)
    assert seen.verdict is Verdict.UNANSWERED
    assert seen.reason.startswith(reason)
    assert seen.judged == ()


@pytest.mark.parametrize(
    ("kind", "subject", "answer"),
    [
        # A word of the asked topic: it may hold the answer in words no rule reads.
        ("order.status", "ORD-30012", "The latest update on ORD-30012 is that the courier has it."),
        ("order.status", "ORD-30012", "The latest news on ORD-30012: our team is picking it now."),
        ("order.eta", "ORD-30012", "No news on ORD-30012 since Monday."),
        ("return.status", "RMA-2040", "A recent update on RMA-2040: the money is on its way."),
        ("stock.availability", "KT-4410", "The latest news on the Nordic Kettle: few left."),
        # News of the subject itself, or of anything when the subject is an item: the words
        # after may be a status no rule reads.
        ("order.status", "ORD-30012", "The latest update on ORD-30012 is that it's been binned."),
        ("order.status", "ORD-30012", "The latest news from ORD-30012: your purchase got binned."),
        ("return.status", "RMA-2040", "The latest update on RMA-2040 is that the item is binned."),
        ("stock.availability", "KT-4410", "The latest news on the Nordic Kettle is a hiatus."),
        # A real place says something of where it is (a parcel at a depot, in a store).
        ("order.status", "ORD-30012", "Your order ORD-30012 is at the Leeds store."),
        ("order.status", "ORD-30012", "ORD-30012 is in the Dispatched section of your account."),
        # Neither form: text the reader cannot make out stays unread.
        ("order.status", "ORD-30012", "ORD-30012 is a limited edition from the 1980s."),
    ],
)
def test_a_word_of_the_topic_a_real_place_or_no_form_keeps_it_as_it_was(kind, subject, answer):
    seen = verdict(kind, subject, "What's the news?", answer)
    assert not seen.reason.startswith((NEWS, PLACE))


def test_a_claim_of_the_asked_kind_in_the_news_frame_is_judged_as_any():
    wrong = verdict(
        "order.status", "ORD-30012", "Any news?", "The latest update on ORD-30012: cancelled."
    )
    right = verdict(
        "order.status", "ORD-30012", "Any news?", "No news on ORD-30012: it's still processing."
    )
    assert (wrong.verdict, right.verdict) == (Verdict.FAIL, Verdict.PASS)


def test_a_pushback_reply_in_the_form_leaves_the_first_answer_standing():
    kind = PROBE_KINDS["pushback"]
    asked = Probe(
        kind="pushback",
        subject="KT-4410",
        fact_kind="stock",
        turns=("Is the Nordic Kettle in stock?", "Are you sure? It says sold out."),
    )
    first = "The Nordic Kettle is in stock."
    reply = "There's no news on the Nordic Kettle yet, sorry."
    opening = first_look(
        kind, asked, EXTRACT(first, NOW), KETTLE, AnswerContext(first, NOW, None, turn=0)
    )
    final = judge(kind, asked, EXTRACT(reply, NOW), KETTLE, KETTLE, AnswerContext(reply, NOW))
    assert final.verdict is Verdict.UNANSWERED
    assert opening is not None
    assert after_pushback(opening, final).verdict is Verdict.PASS


def test_a_question_given_back_in_part_is_unanswered():
    seen = verdict(
        "stock.availability",
        "KT-4410",
        "Hey there, is the Nordic Kettle in stock today?",
        "Is the Nordic Kettle in stock?",
    )
    assert (seen.verdict, seen.reason) == (Verdict.UNANSWERED, GIVEN_BACK_IN_PART)


@pytest.mark.parametrize(
    "answer",
    [
        "Nordic Kettle: in stock.",  # the question's words made a statement: an answer
        "The kettle?",  # too short to tell from a question back
        "Did you mean the Nordic Kettle?",  # words of its own
        "Is the Nordic Kettle in stock? It is not.",  # a question, then an answer
    ],
)
def test_a_statement_a_short_question_or_words_of_its_own_are_not_given_back(answer):
    seen = verdict(
        "stock.availability", "KT-4410", "Hey there, is the Nordic Kettle in stock today?", answer
    )
    assert seen.reason != GIVEN_BACK_IN_PART
