"""How the delay reader reads an answer (auditor/_claims/_delay.py): the decisions its docstring
states, each on a text of its own (not from the frozen corpus)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract

_NOW = ExtractionContext(now=datetime(2026, 12, 7, 10, tzinfo=UTC))


def delays(text: str) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, [ClaimKind.DELAY], _NOW)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ORD-1001 is running late.", [("acknowledged", "ORD-1001")]),
        ("Sorry, ORD-1001 is running late.", [("apologised", "ORD-1001")]),
        ("ORD-1001 is overdue. Really sorry about that.", [("apologised", "ORD-1001")]),
        ("I'm sorry ORD-1001 hasn't arrived yet.", [("apologised", "ORD-1001")]),
        ("ORD-1001 hasn't arrived yet.", []),
        ("ORD-1001 is not on schedule.", [("acknowledged", "ORD-1001")]),
        ("ORD-1001 isn't late, it's on its way.", [("on_time", "ORD-1001")]),
        ("ORD-1001 is on track for Friday.", [("on_time", "ORD-1001")]),
        (
            "ORD-1001 is late; I've opened a trace with the courier.",
            [("acknowledged", "ORD-1001"), ("escalated", "ORD-1001")],
        ),
        ("ORD-1001 shipped yesterday and arrives tomorrow.", []),
    ],
)
def test_reads(text, expected):
    assert delays(text) == expected


def test_an_apology_for_a_slow_reply_is_not_about_the_order():
    assert delays("Sorry for the delay in responding! ORD-1001 is in transit.") == []
    assert delays("sry for slow reply! ORD-1001 shipped, arr fri") == []


def test_a_hand_off_is_an_escalation_only_where_the_answer_speaks_of_the_delay():
    assert delays("Let me pass you to a colleague about ORD-1001.") == []
    assert delays("ORD-1001 is stuck, so I'm passing this to a colleague.") == [
        ("acknowledged", "ORD-1001"),
        ("escalated", "ORD-1001"),
    ]


def test_no_delay_is_read_where_no_order_is_in_view():
    assert delays("I'm so sorry for the inconvenience, the Blue Kettle is sold out.") == []


def test_a_shop_can_teach_its_own_delay_phrases():
    from auditor._claims import Vocabulary

    taught = ExtractionContext(
        now=_NOW.now,
        vocabulary=Vocabulary.from_mapping(
            {"delay": {"acknowledged": ["{id} is on an adventure"]}}
        ),
    )
    said = extract("ORD-1001 is on an adventure.", [ClaimKind.DELAY], taught)
    assert [(c.value, c.subject) for c in said] == [("acknowledged", "ORD-1001")]
    assert delays("ORD-1001 is on an adventure.") == []
