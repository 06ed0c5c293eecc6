"""Fair questions: a partial name keeps the head noun and identifies exactly one item; a typo is
one edit from a word of the name; every probe records the style it was written in."""

from __future__ import annotations

import functools
import random
from datetime import UTC, datetime

import pytest

from auditor._facts import Snapshot, StockFact, availability_of
from auditor._probes import load_suites, plan_probes
from auditor._probes._strategies import NameIndex, head_noun, partial_name, typo_of
from auditor.reference.assistant._text import osa_distance
from auditor.reference.shop._catalogue import build_catalogue

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def _snapshot(names: list[str]) -> Snapshot:
    items = [
        StockFact(f"KT-{i:04d}", name, availability_of(None, 5), 5, NOW)
        for i, name in enumerate(names, start=1)
    ]
    return Snapshot.of(NOW, stock=items)


@functools.cache
def _reference() -> Snapshot:
    items = build_catalogue(random.Random(11), 400, NOW)
    facts = [StockFact(i.sku, i.name, availability_of(None, 5), 5, NOW) for i in items]
    return Snapshot.of(NOW, stock=facts)


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("Blue Kettle Pro", "Kettle"),
        ("Chef Knife 20cm", "Knife"),
        ("Café Grinder Ø60", "Grinder"),
        ("Slate Toaster 2-Slice", "Toaster"),
        ("Espresso Cup Set", "Set"),
    ],
)
def test_head_noun(name, head):
    words = name.split()
    index = head_noun(words)
    assert index is not None and words[index] == head


def test_partial_name_is_no_lone_adjective_and_names_one_item():
    snapshot = _snapshot(["Blue Kettle", "Blue Kettle Pro", "Red Kettle", "Oak Board XL"])
    index = NameIndex(snapshot)
    # "Blue" alone was the old planner's choice; "Kettle Pro" keeps the noun.
    assert partial_name("Blue Kettle Pro", "KT-0002", index) == "Kettle Pro"
    assert partial_name("Oak Board XL", "KT-0004", index) == "Board"
    # "Kettle" is three items and "Blue Kettle" is two: no fair partial name exists.
    assert partial_name("Blue Kettle", "KT-0001", index) is None


def test_every_partial_name_of_a_reference_catalogue_identifies_exactly_its_item():
    snapshot = _reference()
    index = NameIndex(snapshot)
    made = 0
    for sku, fact in snapshot.stock.items():
        partial = partial_name(fact.name, sku, index)
        if partial is None:
            continue
        made += 1
        words = fact.name.split()
        assert len(partial.split()) < len(words)
        assert words[head_noun(words) or 0] in partial.split(), (fact.name, partial)
        holders = [
            s
            for s, f in snapshot.stock.items()
            if f" {partial.lower()} " in f" {' '.join(f.name.lower().split())} "
        ]
        assert holders == [sku], (fact.name, partial, holders)
    assert made >= 20


def test_every_typo_is_one_edit_from_a_word_of_the_name_and_no_catalogue_word():
    snapshot = _reference()
    index = NameIndex(snapshot)
    made = 0
    for fact in snapshot.stock.values():
        typo = typo_of(fact.name, index)
        if typo is None:
            continue
        made += 1
        changed = [(a, b) for a, b in zip(fact.name.split(), typo.split(), strict=True) if a != b]
        assert len(changed) == 1, (fact.name, typo)
        ((original, slip),) = changed
        assert osa_distance(original.lower(), slip.lower(), 2) == 1, (original, slip)
        assert slip.lower() not in index.words()
    assert made >= 100


def test_typo_of_a_doubled_letter_is_never_the_word_itself():
    index = NameIndex(_snapshot(["Blue Kettle"]))
    assert typo_of("Blue Kettle", index) == "Blue Ketle"


def test_probes_record_the_style_they_are_written_in_and_plans_stay_deterministic():
    snapshot = _reference()
    suites = load_suites(["stock", "conversations"])
    plan = plan_probes(snapshot, suites, max_probes=120, seed=4, channels=["web", "sms"])
    again = plan_probes(snapshot, suites, max_probes=120, seed=4, channels=["web", "sms"])
    assert [p.id for p in plan] == [p.id for p in again]
    index = NameIndex(snapshot)
    for probe in plan:
        style, form = probe.param("mention"), probe.param("form")
        assert style in ("exact", "partial", "typo"), probe
        if style == "partial":
            assert partial_name(snapshot.stock[probe.subject].name, probe.subject, index)
        if form in ("partial", "typo") and style == "exact" and probe.subject in snapshot.stock:
            # No fair partial name or typo: the full name, recorded as exact.
            assert snapshot.stock[probe.subject].name in probe.turns[0]
    recontact = [p for p in plan if p.kind == "recontact"]
    groups = {p.param("recontact") for p in recontact}
    assert groups and all(
        len({(p.channel, p.param("attempt")) for p in recontact if p.param("recontact") == g}) == 3
        for g in groups
    )
    pushback = [p for p in plan if p.kind == "pushback"]
    assert pushback and all(len(p.turns) == 2 for p in pushback)
    assert all(("sold out" in p.turns[1]) == (p.param("contrary") == "sold out") for p in pushback)
