"""A shop's vocabulary: validated when built, a frozen value, merged with the defaults."""

from __future__ import annotations

import dataclasses

import pytest

from auditor._claims import ClaimKind, ExtractionContext, Vocabulary, extract


def test_from_mapping_accepts_both_shapes():
    direct = Vocabulary.from_mapping({"availability": {"out_of_stock": ["OOS"]}})
    nested = Vocabulary.from_mapping({"phrases": {"availability": {"out_of_stock": ["OOS"]}}})
    assert direct == nested
    assert hash(direct) == hash(nested)
    assert direct.phrases["availability"]["out_of_stock"] == ("OOS",)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"nope": {"x": ["y"]}}, "unknown claim kind"),
        ({"availability": {"sold": ["gone"]}}, "unknown value"),
        ({"quantity": {"3": ["a few"]}}, "read from the text"),
        ({"availability": {"out_of_stock": "OOS"}}, "list of phrases"),
        ({"availability": {"out_of_stock": [" "]}}, "blank"),
        ({"discount": {"lots": ["big savings"]}}, "percentage"),
        ({"availability": ["OOS"]}, "table"),
        (["availability"], "table"),
    ],
)
def test_bad_vocabularies_are_refused_with_a_reason(data, message):
    with pytest.raises(ValueError, match=message):
        Vocabulary.from_mapping(data)


def test_a_vocabulary_is_frozen():
    vocabulary = Vocabulary(phrases={"refusal": {"privacy": ["not yours to see"]}})
    with pytest.raises(dataclasses.FrozenInstanceError):
        vocabulary.phrases = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        vocabulary.phrases["refusal"] = {}  # type: ignore[index]


def test_merged_keeps_both():
    first = Vocabulary(phrases={"availability": {"out_of_stock": ["OOS"]}})
    second = Vocabulary(phrases={"availability": {"out_of_stock": ["all gone now"]}})
    merged = first.merged(second)
    assert merged.phrases["availability"]["out_of_stock"] == ("OOS", "all gone now")
    context = ExtractionContext(vocabulary=merged)
    found = extract("OOS. Sorry, all gone now; not in stock.", [ClaimKind.AVAILABILITY], context)
    assert [c.value for c in found] == ["out_of_stock"]
    assert len({c.span for c in extract("OOS", context=context)}) == 1


def test_defaults_still_apply_with_a_vocabulary():
    context = ExtractionContext(
        vocabulary=Vocabulary(phrases={"deflection": {"other": ["no clue"]}})
    )
    found = extract("No clue, sorry. It's sold out anyway.", context=context)
    assert {(c.kind, c.value) for c in found} == {
        (ClaimKind.DEFLECTION, "other"),
        (ClaimKind.AVAILABILITY, "out_of_stock"),
    }
