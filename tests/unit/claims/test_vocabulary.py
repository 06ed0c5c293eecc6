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


HOUSE = Vocabulary.from_mapping(
    {
        "availability": {"in_stock": ["{item}: ready to roll", "{item} is on the shelf"]},
        "order_status": {"shipped": ["{id} has left the building"]},
        "return_status": {"received": ["{id} is back home"]},
    }
)
SHOP = ExtractionContext(
    items={"KT-1042": "Blue Kettle", "TS-2001": "Red Toaster", "MG-3003": "Stone Mug"},
    vocabulary=HOUSE,
)


def said(text: str, kind: ClaimKind) -> list[tuple[object, str | None]]:
    return [(c.value, c.subject) for c in extract(text, [kind], SHOP)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blue Kettle: ready to roll", [("in_stock", "KT-1042")]),
        ("Blue Kettle (KT-1042): ready to roll!", [("in_stock", "KT-1042")]),
        ("KT-1042 is on the shelf.", [("in_stock", "KT-1042")]),
        ("Yes, the mug is on the shelf", [("in_stock", "MG-3003")]),  # named by its head word
        # The placeholder's subject, though the toaster is named nearer before the phrase.
        (
            "Red Toaster is sold out, Blue Kettle: ready to roll",
            [("out_of_stock", "TS-2001"), ("in_stock", "KT-1042")],
        ),
        ("The van: ready to roll", []),  # a word that names no item is no subject
        ("ORD-123456: ready to roll", []),  # nor is an order id
        ("Can you check whether Blue Kettle is on the shelf?", []),  # a question asserts nothing
    ],
)
def test_an_item_placeholder_stands_on_an_item_and_names_the_subject(text, expected):
    assert said(text, ClaimKind.AVAILABILITY) == expected


def test_an_id_placeholder_stands_on_an_order_or_return_id():
    assert said("ORD-123456 has left the building.", ClaimKind.ORDER_STATUS) == [
        ("shipped", "ORD-123456")
    ]
    assert said("Blue Kettle has left the building.", ClaimKind.ORDER_STATUS) == []
    assert said("Your return RMA-2001 is back home.", ClaimKind.RETURN_STATUS) == [
        ("received", "RMA-2001")
    ]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (
            {"availability": {"in_stock": ["ok", "{item}"]}},
            "availability.in_stock[1]: '{item}' is only",
        ),
        (
            {"availability": {"in_stock": ["{item}!"]}},
            "availability.in_stock[0]: '{item}!' is only",
        ),
        ({"availability": {"in_stock": ["{sku} ok"]}}, "in_stock[0]: unknown placeholder {sku}"),
        ({"availability": {"in_stock": ["{item ok"]}}, "in_stock[0]: unmatched brace"),
        ({"order_status": {"shipped": ["{item} sent"]}}, "shipped[0]: {item} cannot stand"),
        (
            {"availability": {"in_stock": ["ok"], "out_of_stock": ["OK"]}},
            "out_of_stock[0]: 'OK' is also",
        ),
        ({"refund": {"issued": [""]}}, "refund.issued[0]: a phrase must not be blank"),
        ({"delivery_date": {"x": ["soon"]}}, "delivery_date: its value is read from the text"),
    ],
)
def test_every_problem_names_where_it_is(data, problem):
    with pytest.raises(ValueError) as caught:
        Vocabulary.from_mapping(data)
    assert problem in str(caught.value)
