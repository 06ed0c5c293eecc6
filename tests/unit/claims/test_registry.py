"""Contract over the extractor registry: every claim kind has exactly one extractor."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from auditor._claims import ClaimKind, ExtractionContext, extract
from auditor._claims._document import Document
from auditor._claims._registry import EXTRACTORS, Registry


def test_every_kind_has_an_extractor():
    assert set(EXTRACTORS) == set(ClaimKind)


@pytest.mark.parametrize("kind", list(ClaimKind))
def test_each_extractor_returns_only_its_kind(kind):
    text = (
        "ORD-12345 has shipped (tracking 1Z999AA10123456784) and arrives tomorrow. "
        "Only 2 left of KT-0001. Your return RMA-1234 was approved and we've refunded €5.00. "
        "I can't share other customers' orders; please sign in. Here's 10% off. "
        "Which kettle did you mean?"
        " Sorry that ORD-12345 is running late."
    )
    doc = Document.of(text, ExtractionContext(now=datetime(2026, 11, 24, tzinfo=UTC)))
    found = EXTRACTORS[kind](doc)
    assert found and {c.kind for c in found} == {kind}


def test_a_kind_cannot_be_registered_twice():
    registry = Registry()
    registry.register(ClaimKind.REFUSAL)(lambda doc: [])
    with pytest.raises(ValueError, match="already registered"):
        registry.register(ClaimKind.REFUSAL)(lambda doc: [])


def test_a_context_copy_shares_the_catalogue_index():
    context = ExtractionContext(items={"KT-0001": "Blue Kettle"})
    later = dataclasses.replace(context, now=datetime(2026, 11, 24, tzinfo=UTC))
    assert later.index is context.index
    assert context.at(datetime(2026, 11, 25, tzinfo=UTC)).index is context.index
    assert extract("The Blue Kettle is in stock.", context=later)[0].subject == "KT-0001"


def test_the_public_surface_is_pinned():
    import auditor._claims

    assert sorted(auditor._claims.__all__) == [
        "CATEGORICAL_VALUES",
        "Claim",
        "ClaimKind",
        "ClaimValue",
        "Deflection",
        "Delay",
        "ExtractionContext",
        "Vocabulary",
        "extract",
    ]
