"""The cheap prefilters in front of the delivery-date reader and the phrase patterns may only save
time: whatever they rule out must be text the patterns could never match."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._dates import (
    _MONTH_NUMBER,
    _RELATIVE_DAYS,
    _UNIT_DAYS,
    _WEEKDAYS,
    DATE_NEEDLES,
    find_dates,
)
from auditor._claims._dispatch import RuleSet, WordIndex
from auditor._claims._needles import rarest_needles
from auditor._claims._rules import Rule

CONTEXT = ExtractionContext(now=datetime(2026, 10, 14, 9, 30, tzinfo=UTC))


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


@pytest.mark.parametrize(
    "text",
    [
        # Each cue is here the only one: the gate must let every kind through.
        "ORD-1234 will be with you tomorrow.",
        "ORD-1234 should be w/ u tomorrow.",
        "ORD-1234 gets to you tomorrow.",
        "ORD-1234 will be there tomorrow.",
        "You'll have it tomorrow, ORD-1234.",
        "ORD-1234 will be at your address tomorrow.",
        "ORD-1234 is on track for tomorrow.",
        "ORD-1234 arriving tomorrow.",
        "ORD-1234 redelivery tomorrow.",
        "ORD-1234 eta tomorrow.",
    ],
)
def test_the_cue_gate_lets_every_cue_through(text):
    claims = extract(text, [ClaimKind.DELIVERY_DATE], CONTEXT)
    assert [(c.value, c.subject) for c in claims] == [("2026-10-15", "ORD-1234")]


def test_a_pattern_searched_in_full_is_filtered_by_its_rarest_required_substring():
    # "units" holds "its"; a currency sign is the rarer thing every match needs.
    pattern = re.compile(r"(?:€\s?\d+\s+(?:is|was)\s+on\s+(?:its|the)\s+way\s+back)(?!\w)")
    assert rarest_needles(pattern) == frozenset({"€"})
    assert rarest_needles(re.compile(r"'s\s+been\s+requested")) == frozenset({"requested"})
    # Nothing required (an optional group, an empty branch): no prefilter.
    assert rarest_needles(re.compile(r"(?:x)?\d")) is None


def test_a_word_most_answers_hold_is_no_needle_however_long():
    # "only 2 left", "on backorder", "available": the money's own words are rarer, though
    # shorter.
    pattern = re.compile(r"\d+\s*(?:eur|usd|quid)(?:'s)?\s+left\s+(?:us|our\s+account)")
    assert rarest_needles(pattern) == frozenset({"eur", "usd", "quid"})
    offered = re.compile(r"\d+\s*(?:gbp|eur)\s+(?:is|are)\s+available\s+to\s+you")
    assert rarest_needles(offered) == frozenset({"gbp", "eur"})


@pytest.mark.parametrize(
    ("text", "hits"),
    [("€12 is on its way back", 1), ("12 units on the way back", 0), ("€12 went nowhere", 0)],
)
def test_the_prefilter_keeps_every_match(text, hits):
    source = r"€\s?\d+\s+is\s+on\s+(?:its|the)\s+way\s+back"
    table = RuleSet.of(Rule((source,), (f"(?:{source})(?!\\w)",), "issued"))
    assert table.anywhere is None  # compiled on the first search
    assert len(table.matches(text, WordIndex.of(text))) == hits
    assert table.anywhere  # searched in full, behind its prefilter


def _masked_lead_entries() -> list[tuple[str, str]]:
    """(regex as written, regex as run) of every pattern opening on a masked mention."""
    import gc

    import auditor._claims._extract  # noqa: F401  (every rule table)

    found = []
    for table in (o for o in gc.get_objects() if isinstance(o, RuleSet)):
        for rule in table.rules:
            for source, regex in zip(rule.sources, rule.regexes, strict=True):
                if source.startswith("xx+"):
                    entries = table._prefix_regexes.get("xxx", ())
                    whole = regex.replace("(?:xx+", "(?:xx++", 1)
                    ways = (regex, whole)
                    run = next(r for _, owner, r in entries if owner is rule and r in ways)
                    found.append((regex, run))
    return found


_AFTER_A_RUN = [
    "xxxxxxx is out",
    "xxxxxxx's out",
    "xxxxxxxxxxxxx back soon",
    "xxxxxxx is back on 3 jan",
    "xxxxxxx will be back next week",
    "xxxxx, requested",
    "xxxxxxx received back",
    "xxxxxxx has been refunded",
    "xxxxxxx -- refunded",
    "xxxxxxx received",
    "xxxxxxx xxxx is out",
    "xxxxxxx \u2014 back next week",
    "xxxxxxx: back soon",
    "xxxxxxx- is back soon",
    "xxxxxxxx",
]


def test_runs_of_x_matched_whole_match_what_the_rules_wrote():
    # A masked mention's run of "x" is matched possessively where nothing after it can match
    # an "x": the same matches, without backtracking through the run.
    entries = _masked_lead_entries()
    assert any("xx++" in run for _, run in entries)
    for written, run in entries:
        for text in _AFTER_A_RUN:
            before, after = re.match(written, text), re.match(run, text)
            assert (before and before.span()) == (after and after.span()), (written, text)


@pytest.mark.parametrize(
    ("source", "whole"),
    [
        ("xx+ back", True),
        ("xx+(?:'s| is)? back", True),
        ("xx+\\W{1,3}requested", True),
        ("xx+(?: \\w+)? is", True),
        ("xx+\\w+", False),  # goes on with a word character: an "x" may be it
        ("xx+ ?back", True),  # an optional blank, then "b": never an "x" either way
        ("xx+(?:\\s*[\\u2014:-])?(?:'s| is)? back", True),  # optional blanks before a dash
        ("xx+[:-]? back", True),
        ("xx+(?:'s)?x", False),
        ("xx+ ?x", False),  # the blank may be absent, and an "x" follow at once
        ("xx+\\s*[a-z]", False),  # a class that holds "x"
        ("xx+[^:]", False),  # a negated class may be an "x"
        ("xx+\\s{0,2}x", False),
        ("xx+\\Bx", False),  # a zero-width atom: an "x" may follow it
    ],
)
def test_a_run_is_matched_whole_only_where_nothing_after_it_can_be_an_x(source, whole):
    regex = f"(?:{source})(?!\\w)"
    table = RuleSet.of(Rule((source,), (regex,), "in_stock"))
    (run,) = [r for _, _, r in table._prefix_regexes["xxx"]]
    assert (run != regex) is whole


_RUN_ENDINGS = ["", " back", "back", "\u2014back", " \u2014 back", ": back", "-back", "'s back",
                " is back", "x back", "xback", "xx", " x", "  back", "\tback", "a"]  # fmt: skip


@pytest.mark.parametrize(
    "source",
    ["xx+ ?back", "xx+(?:\\s*[\\u2014:-])?(?:'s| is)? back", "xx+[:-]? back", "xx+ back"],
)
def test_a_run_matched_whole_finds_what_the_pattern_as_written_finds(source):
    # Runs of every length, then every ending: the possessive run matches where, and as far
    # as, the pattern as written does.
    regex = f"(?:{source})(?!\\w)"
    table = RuleSet.of(Rule((source,), (regex,), "in_stock"))
    (run,) = [r for _, _, r in table._prefix_regexes["xxx"]]
    assert run != regex
    for length in range(2, 9):
        for ending in _RUN_ENDINGS:
            text = "x" * length + ending
            before, after = re.match(regex, text), re.match(run, text)
            assert (before and before.span()) == (after and after.span()), text
