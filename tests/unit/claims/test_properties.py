"""Properties of the extractor over arbitrary text: it never raises and its output is sound."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor._claims import ClaimKind, ExtractionContext, extract
from tests.unit.claims._scoring import load

_NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
_CONTEXT = ExtractionContext(
    now=_NOW, items={"KT-0001": "Blue Kettle", "MG-0666": "Mug (100% discount) — in stock"}
)
_WORDS = sorted({w for example in load("labelled.jsonl") for w in example.text.split()})
#: Answers stitched from the labelled set's own words, odd punctuation and extreme numbers, so
#: the phrase tables fire in unusual combinations.
_ANSWERS = st.one_of(
    st.text(),
    st.lists(
        st.sampled_from([*_WORDS, "?", "—", "\n", ":", "(", "9" * 40, "in 999 days", "31/02/2026"]),
        max_size=40,
    ).map(" ".join),
)


def _sound(text: str, context: ExtractionContext) -> None:
    claims = extract(text, context=context)
    assert [c.span[0] for c in claims] == sorted(c.span[0] for c in claims)
    for claim in claims:
        assert 0 <= claim.span[0] <= claim.span[1] <= len(text)
        assert isinstance(claim.kind, ClaimKind)
        json.dumps(claim.to_json())
    assert claims == extract(text, context=context)


@settings(max_examples=300, deadline=None)
@given(_ANSWERS)
def test_any_text_gives_sound_claims(text):
    _sound(text, ExtractionContext())
    _sound(text, _CONTEXT)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=60), st.sampled_from(["in stock", "sold out", "free"]))
def test_item_names_never_speak(name, state):
    """Whatever an item is called, only the words around its name make claims."""
    context = ExtractionContext(items={"ZZ-0001": f"{name} 100% discount {name}"})
    text = f"Good news: the {name} 100% discount {name} is {state}."
    kinds = {c.kind for c in extract(text, context=context)}
    assert ClaimKind.DISCOUNT not in kinds or state == "free"


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=99_999))
def test_stock_counts_read_back(count):
    claims = extract(f"We have {count} units in stock.", [ClaimKind.QUANTITY])
    assert [c.value for c in claims] == [count]


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=datetime(2000, 1, 1).date(), max_value=datetime(2099, 12, 31).date()))
def test_iso_delivery_dates_read_back(day):
    claims = extract(f"Estimated delivery: {day.isoformat()}.", [ClaimKind.DELIVERY_DATE])
    assert [c.value for c in claims] == [day.isoformat()]
