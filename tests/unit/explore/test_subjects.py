"""Finding the subject of a question the way a developer types it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor._explore import NameIndex
from auditor._explore._subjects import fold
from auditor._facts import Availability, Snapshot, StockFact

from .conftest import make_snapshot

SNAPSHOT = make_snapshot()
INDEX = NameIndex(SNAPSHOT)


def _found(question: str) -> list[tuple[str, str, str]]:
    return [(s.fact_kind, s.id, s.mention) for s in INDEX.find(question)]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Is the blue kettle in stock?", ("stock", "KT-1715", "name")),
        ("Is the Blue Kettle Pro in stock?", ("stock", "KT-1712", "name")),
        ("any blue kettles left?", ("stock", "KT-1715", "name")),
        ("is the cafe grinder ø60 available", ("stock", "GR-1790", "name")),
        ("Do you have KT-1712?", ("stock", "KT-1712", "id")),
        ("do you have kt-1712", ("stock", "KT-1712", "id")),
        ("Where is my order ORD-10001?", ("orders", "ORD-10001", "id")),
        ("what about rma-1003", ("returns", "RMA-1003", "id")),
        ("Where is ORD-99999?", ("orders", "ORD-99999", "id")),
        ("Is KT-9999 in stock?", ("stock", "KT-9999", "id")),
        ("is the teapot still sold", ("stock", "TP-2554", "partial")),
        ("Do you have any Stonewear mugs?", ("stock", "MG-2460", "typo")),
    ],
)
def test_a_question_names_its_subject(question: str, expected: tuple[str, str, str]) -> None:
    assert _found(question) == [expected]


def test_the_longest_name_wins_and_ids_beat_names() -> None:
    assert _found("Oak Board XL or Oak Board?") == [
        ("stock", "BD-2701", "name"),
        ("stock", "BD-2710", "name"),
    ]
    assert _found("Has BD-2701 (Oak Board XL) shipped in ORD-10002?") == [
        ("stock", "BD-2701", "id"),
        ("stock", "BD-2701", "name"),
        ("orders", "ORD-10002", "id"),
    ]


def test_an_ambiguous_or_absent_name_names_nothing() -> None:
    assert _found("Is the kettle in stock?") == []  # two kettles: the question does not say
    assert _found("Is it in stock today?") == []
    assert _found("") == []


def test_the_kind_of_an_id_comes_from_the_data_or_its_prefix() -> None:
    assert INDEX.kind_of("ord-10001") == "orders"
    assert INDEX.kind_of("RMA-4242") == "returns"
    assert INDEX.kind_of("KT-0000") == "stock"
    assert INDEX.kind_of("ZZ-0000") is None
    assert INDEX.kind_of("hello") is None


_FILLERS = ("Is the ", "do you have ", "", "hi! any ")
_ENDINGS = (" in stock?", "", " available right now", "?")
_FILLER_WORDS = {fold(w) for text in (*_FILLERS, *_ENDINGS) for w in text.split()}
_NAMES = st.lists(
    st.text(st.characters(categories=("Lu", "Ll")), min_size=3, max_size=8).filter(
        lambda w: fold(w) not in _FILLER_WORDS
    ),
    min_size=1,
    max_size=3,
).map(" ".join)


@given(
    names=st.lists(_NAMES, min_size=1, max_size=6, unique_by=lambda n: fold(n)),
    pick=st.integers(0, 5),
    before=st.sampled_from(_FILLERS),
    after=st.sampled_from(_ENDINGS),
)
def test_a_full_name_is_found_with_its_span(
    names: list[str], pick: int, before: str, after: str
) -> None:
    stock = [(f"SK-{1000 + i}", name) for i, name in enumerate(names)]
    snapshot = Snapshot.of(
        SNAPSHOT.taken_at,
        stock=[
            StockFact(sku, name, Availability.IN_STOCK, 5, SNAPSHOT.taken_at) for sku, name in stock
        ],
    )
    sku, name = stock[pick % len(stock)]
    question = before + name + after
    found = NameIndex(snapshot).find(question)
    assert found, question
    # Another item's longer name may contain this one (and win); a shorter one never does.
    first = found[0]
    assert first.span is not None
    start, end = first.span
    assert start <= len(before) and end >= len(before) + len(name.rstrip())
    if first.id != sku:
        assert fold(name) in fold(snapshot.stock[first.id].name)
