"""The shared index of built-in tables finds exactly what each table finds on its own."""

from __future__ import annotations

import re

import pytest

from auditor._claims import _availability, _deflection, _discount, _orders, _refunds, _returns
from auditor._claims._dispatch import RuleSet, WordIndex
from auditor._claims._rules import Rule, rules
from auditor._claims._text import normalise

_TEXTS = [
    "Yes, the kettle is in stock: we have 14 units available.",
    "It's not available right now, but it's back in stock on Friday.",
    "Your order xxxxxxxxx has shipped and is on its way; the rest will follow separately.",
    "We've received your return and the refund has been issued. It's back on your card.",
    "I can't check that, please contact our support team or email support@example.com.",
    "I'm afraid we're all out of those, and it's been discontinued. No longer sold.",
    "Here's 10% off, and delivery is free of charge. Feel free to ask!",
    "Your return request (xxxxxxxx) has been approved; we'll refund you once it arrives.",
    "That order isn't linked to your account, so for privacy I can't share it.",
    "",
]
_BUILT_IN = {
    "availability": _availability._TABLE,
    "orders (strong)": _orders._STRONG,
    "orders (ambiguous)": _orders._AMBIGUOUS,
    "refunds": _refunds._TABLE,
    "returns": _returns._TABLE,
    "deflections": _deflection._DEFLECTIONS,
    "refusals": _deflection._REFUSALS,
    "discounts": _discount._TABLE,
}


def _found(table: RuleSet, text: str, words: WordIndex) -> list[tuple[int, tuple[int, int]]]:
    return sorted((id(rule), match.span()) for rule, match in table.matches(text, words))


def _matches(found: list[tuple[Rule, re.Match[str]]]) -> list[tuple[int, tuple[int, int]]]:
    return sorted((id(rule), match.span()) for rule, match in found)


@pytest.mark.parametrize("name", list(_BUILT_IN))
def test_a_built_in_table_finds_what_it_finds_on_its_own(name):
    table = _BUILT_IN[name]
    alone = RuleSet.standalone(*table.rules)
    assert table.slot >= 0 and alone.slot == -1
    for text in map(normalise, _TEXTS):
        words = WordIndex.of(text)
        assert _found(table, text, words) == _found(alone, text, words), text


def test_a_table_built_after_the_answer_was_indexed_is_still_matched():
    text = normalise("The widget is flibbertigibbet today.")
    words = WordIndex.of(text)
    late = RuleSet.of(rules("in_stock", r"flibbertigibbet"))
    assert _matches(late.matches(text, words)) == [(id(late.rules[0]), (14, 29))]


def test_a_vocabulary_table_stays_out_of_the_shared_index():
    table = RuleSet.standalone(rules("out_of_stock", r"oos"))
    assert table.slot == -1
    text = normalise("Sorry, that one is OOS.")
    assert _matches(table.matches(text, WordIndex.of(text))) == [(id(table.rules[0]), (19, 22))]
