"""The cheap prefilters in front of the phrase patterns and the date reader may only save time:
whatever they rule out must be text the patterns could never match."""

from __future__ import annotations

import re

import pytest

from auditor._claims._dates import (
    _MONTH_NUMBER,
    _RELATIVE_DAYS,
    _UNIT_DAYS,
    _WEEKDAYS,
    DATE_NEEDLES,
    find_dates,
)
from auditor._claims._dispatch import RuleSet, WordIndex, _filters
from auditor._claims._needles import needle_groups
from auditor._claims._rules import Rule


@pytest.mark.parametrize(
    ("source", "groups"),
    [
        (r"€\s?\d+\s+(?:is|was)\s+back", [{"€"}, {"is", "was"}, {"back"}]),
        (r"(?:'ll\s+be\s+(?:sent|posted))(?!\w)", [{"'ll"}, {"be"}, {"sent", "posted"}]),
        # An optional group requires nothing; a branch with an empty side neither.
        (r"its(?:\s+money)?\s+(?:back|)", [{"its"}]),
    ],
)
def test_needle_groups_are_each_required(source, groups):
    assert [set(g) for g in needle_groups(re.compile(source))] == groups


def test_a_pattern_needs_its_rare_groups_as_well_as_its_best():
    # "units" holds "its", the best set; the currency sign rules such an answer out.
    pattern = re.compile(r"(?:€\s?\d[\d.,]*\s+(?:its|the)\s+way\s+back)(?!\w)")
    filters = _filters(pattern)
    assert filters is not None
    assert frozenset({"€"}) in filters


def _anywhere_table(source: str) -> RuleSet:
    # "€" opens no word: the pattern is searched in full behind its prefilter.
    pattern = re.compile(f"(?:{source})(?!\\w)")
    return RuleSet.of(Rule((source,), (pattern,), "issued"))


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        ("€12 is on its way back to you", 1),
        ("we have 12 units on the way back", 0),  # "its" in "units", no "€"
        ("€12 went nowhere", 0),
    ],
)
def test_the_prefilter_keeps_every_match(text, hits):
    table = _anywhere_table(r"€\s?\d+ is on (?:its|the) way back")
    assert table.anywhere
    assert len(table.matches(text, WordIndex.of(text))) == hits
    assert len(list(table.anywhere[0][1].finditer(text))) == hits


@pytest.mark.parametrize(
    "word",
    [*_RELATIVE_DAYS, *_UNIT_DAYS, *_MONTH_NUMBER, *_WEEKDAYS, "sat", "thurs", "teatime", "eod"],
)
def test_every_date_word_holds_a_date_needle(word):
    assert any(needle in word for needle in DATE_NEEDLES)


@pytest.mark.parametrize(
    "text",
    ["arr tmrw", "in a fortnight", "by teatime", "the 3rd", "12/01/2027", "between thu and sat"],
)
def test_a_text_with_a_date_holds_a_date_needle(text):
    assert find_dates(text)
    assert any(needle in text for needle in DATE_NEEDLES)
