"""A shop's own phrases for claim values, added to the built-in tables.

Shops and their assistants have house words ("OOS", "awaiting dispatch"). A `Vocabulary` is a
frozen value, validated when built, so that a bad config file fails before an audit starts and
one vocabulary can be shared by concurrent extractions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from auditor._claims._dispatch import EMPTY, RuleSet
from auditor._claims._model import CATEGORICAL_VALUES, ClaimKind
from auditor._claims._rules import phrase_rule

#: Kinds whose value is read from the text itself (a count, a date, an id, an amount):
#: a phrase cannot stand for one.
_COMPUTED = frozenset(
    {ClaimKind.QUANTITY, ClaimKind.DELIVERY_DATE, ClaimKind.TRACKING, ClaimKind.REFUND_AMOUNT}
)
_DISCOUNT_VALUE = re.compile(r"free|unspecified|[0-9]{1,3}")

#: Negating a shop phrase gives the opposite value where there is one, else nothing.
_OPPOSITES = {
    ClaimKind.AVAILABILITY: {"in_stock": "out_of_stock", "out_of_stock": "in_stock"},
}

Phrases = Mapping[str, Mapping[str, Sequence[str]]]


def _check_value(kind: ClaimKind, value: str) -> None:
    if kind in _COMPUTED:
        raise ValueError(f"{kind.value}: its value is read from the text, not from a phrase")
    allowed = CATEGORICAL_VALUES.get(kind)
    if allowed is not None and value not in allowed:
        raise ValueError(
            f"{kind.value}: unknown value {value!r}; expected one of {sorted(allowed)}"
        )
    if kind is ClaimKind.DISCOUNT and not _DISCOUNT_VALUE.fullmatch(value):
        raise ValueError(f"discount: value {value!r} must be a percentage, 'free' or 'unspecified'")


def _freeze(phrases: Mapping[Any, Any]) -> Phrases:
    if not isinstance(phrases, Mapping):
        raise ValueError("a vocabulary must be a table of claim kinds")
    frozen: dict[str, Mapping[str, Sequence[str]]] = {}
    for raw_kind, by_value in phrases.items():
        try:
            kind = ClaimKind(raw_kind)
        except ValueError:
            raise ValueError(f"unknown claim kind {raw_kind!r}") from None
        if not isinstance(by_value, Mapping):
            raise ValueError(f"{kind.value}: expected a table of value = [phrases]")
        values: dict[str, tuple[str, ...]] = {}
        for value, words in by_value.items():
            _check_value(kind, str(value))
            if not isinstance(words, Sequence) or isinstance(words, str):
                raise ValueError(f"{kind.value}.{value}: expected a list of phrases")
            if not all(isinstance(w, str) for w in words):
                raise ValueError(f"{kind.value}.{value}: expected a list of phrases")
            values[str(value)] = tuple(words)
        frozen[kind.value] = MappingProxyType(values)
    return MappingProxyType(frozen)


def _compile(phrases: Phrases) -> Mapping[ClaimKind, RuleSet]:
    compiled: dict[ClaimKind, RuleSet] = {}
    for name, by_value in phrases.items():
        kind = ClaimKind(name)
        opposites = _OPPOSITES.get(kind, {})
        compiled[kind] = RuleSet.of(
            *(
                phrase_rule(phrase, value, opposites.get(value))
                for value, words in by_value.items()
                for phrase in words
            )
        )
    return MappingProxyType(compiled)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Extra phrases per claim kind and value.

    For example `{"availability": {"out_of_stock": ["OOS"]}}`; built-in phrases still apply.
    """

    phrases: Phrases = field(default_factory=lambda: MappingProxyType({}))
    _rules: Mapping[ClaimKind, RuleSet] = field(
        init=False, repr=False, compare=False, default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        frozen = _freeze(self.phrases)
        object.__setattr__(self, "phrases", frozen)
        object.__setattr__(self, "_rules", _compile(frozen))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Vocabulary:
        """Build from config data: either `{kind: {value: [phrase, ...]}}` or under `phrases`."""
        if not isinstance(data, Mapping):
            raise ValueError("a vocabulary must be a table of claim kinds")
        inner = data.get("phrases", data) if set(data) <= {"phrases"} else data
        if not isinstance(inner, Mapping):
            raise ValueError("`phrases` must be a table of claim kinds")
        return cls(phrases=inner)

    def merged(self, other: Vocabulary) -> Vocabulary:
        """Both vocabularies' phrases; `other`'s come after this one's."""
        combined: dict[str, dict[str, list[str]]] = {}
        for source in (self, other):
            for kind, by_value in source.phrases.items():
                for value, words in by_value.items():
                    combined.setdefault(kind, {}).setdefault(value, []).extend(words)
        return Vocabulary(phrases=combined)

    def rules_for(self, kind: ClaimKind) -> RuleSet:
        return self._rules.get(kind, EMPTY)

    def __hash__(self) -> int:
        return hash(
            tuple(
                sorted(
                    (kind, value, tuple(words))
                    for kind, by_value in self.phrases.items()
                    for value, words in by_value.items()
                )
            )
        )
