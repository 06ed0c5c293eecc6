"""Echoes (issue 23 item 2): the customer's words repeated back, in quotes or in emphasis after
"called", "named", "anything like", "you asked about", are never a claim."""

from __future__ import annotations

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

SHOP = ExtractionContext(
    items={"KT-0001": "Blue Kettle", "KT-0002": "Blue Kettle Pro", "TS-0101": "Red Toaster"}
)


def read(text: str) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, [ClaimKind.AVAILABILITY], SHOP)]


@pytest.mark.parametrize(
    "text",
    [
        'I looked up "toaster in stock" for you. Which one do you mean?',
        "Nothing turned up for 'kettle available today' - could you tell me the model?",
        "I couldn't find anything called *Blue Kettle available*. Did you mean the Pro?",
        "There's nothing named **cheap kettle sold out** in our listings - which kettle is it?",
        "Did you mean something like _kettle back in stock_? Tell me which one.",
        "You asked about *is the kettle out of stock* - which kettle do you mean?",
        "You wrote \u201cin stock now?\u201d \u2014 which item is that about?",
    ],
)
def test_echoed_words_are_no_claim(text):
    assert read(text) == []


def test_the_assistants_own_words_beside_an_echo_still_count():
    text = 'You mentioned a "sold out" label on the Red Toaster page; it is in stock.'
    assert read(text) == [("in_stock", "TS-0101")]


def test_emphasis_that_only_stresses_is_read():
    assert read("The Blue Kettle is *out of stock*.") == [("out_of_stock", "KT-0001")]


def test_a_quoted_name_keeps_its_subject_and_a_searched_phrase_does_not():
    assert read('You asked about "Blue Kettle": it is sold out.') == [("out_of_stock", "KT-0001")]
    assert read("We don't carry anything called 'Blue Kettle Max'.") == [("not_carried", None)]


def test_inch_marks_and_elisions_are_not_quotes():
    assert read('The 12" Red Toaster is in stock.') == [("in_stock", "TS-0101")]
    assert read("We've got 'em: the Red Toaster's in stock, it's fine.") == [
        ("in_stock", "TS-0101")
    ]


def test_a_status_quoted_from_the_system_is_reported_not_echoed():
    assert read('The Red Toaster is listed as "out of stock" in our system.') == [
        ("out_of_stock", "TS-0101")
    ]


@pytest.mark.parametrize(
    ("answer", "question", "restated"),
    [
        ("Yes, you can get tracking for ORD-10046.", "Can I get tracking for ORD-10046?", True),
        ("ORD-10032 will be delivered.", "When will ORD-10032 be delivered?", True),
        # a word of its own: the number, a carrier, a date
        (
            "Yes, you can get tracking for ORD-10046: 1Z5.",
            "Can I get tracking for ORD-10046?",
            False,
        ),
        ("Yes, via DHL: tracking for ORD-10046.", "Can I get tracking for ORD-10046?", False),
        ("ORD-10032 will be delivered on 9 December.", "When will ORD-10032 be delivered?", False),
        # too little of the question kept to be a restatement
        ("Yes, you can.", "Can I get tracking for ORD-10046?", False),
    ],
)
def test_a_question_turned_round_adds_no_word_of_its_own(answer, question, restated):
    from auditor._claims._echoes import restates_question

    assert restates_question(answer, question) is restated
