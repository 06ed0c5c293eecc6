"""A shop's own phrases for claim values, added to the built-in tables.

Shops and their assistants have house words ("OOS", "awaiting dispatch", "{item} is on the
shelf"). A `Vocabulary` is a frozen value, validated when built, so that a bad config file
fails before an audit starts and one vocabulary can be shared by concurrent extractions.

A phrase may hold placeholders for the subject it is said of: `{item}` (an item's name or SKU)
and `{id}` (an order or return id). A placeholder matches only where the answer names such a
subject, and that subject is the claim's, whatever else the answer names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from auditor._claims._compiled import compile_pattern
from auditor._claims._dispatch import EMPTY, RuleSet
from auditor._claims._model import CATEGORICAL_VALUES, ClaimKind
from auditor._claims._rules import phrase_parts, phrase_rule
from auditor._claims._subjects import KIND_SUBJECTS, SubjectType

#: Kinds whose value is read from the text itself (a count, a date, an id, an amount):
#: a phrase cannot stand for one.
_COMPUTED = frozenset(
    {ClaimKind.QUANTITY, ClaimKind.DELIVERY_DATE, ClaimKind.TRACKING, ClaimKind.REFUND_AMOUNT}
)
_DISCOUNT_VALUE = compile_pattern(r"free|unspecified|[0-9]{1,3}")

#: Negating a shop phrase gives the opposite value where there is one, else nothing.
_OPPOSITES = {
    ClaimKind.AVAILABILITY: {"in_stock": "out_of_stock", "out_of_stock": "in_stock"},
}

#: Placeholder name -> the subjects it may stand for.
PLACEHOLDERS: Mapping[str, frozenset[SubjectType]] = MappingProxyType(
    {
        "item": frozenset({SubjectType.ITEM}),
        "id": frozenset({SubjectType.ORDER, SubjectType.RETURN}),
    }
)

Phrases = Mapping[str, Mapping[str, Sequence[str]]]
#: Where in the vocabulary a problem is (kind, then "value" or "value[index]"), and what.
Problem = tuple[tuple[str, ...], str]


def placeholder_types(kind: ClaimKind) -> dict[str, frozenset[SubjectType]]:
    """The placeholders a phrase of `kind` may hold, each with the subjects it stands for
    there: `{item}` is no order status, `{id}` no availability."""
    allowed: frozenset[SubjectType] = frozenset().union(*KIND_SUBJECTS[kind])
    return {name: types & allowed for name, types in PLACEHOLDERS.items() if types & allowed}


def _value_problem(kind: ClaimKind, value: str) -> str | None:
    allowed = CATEGORICAL_VALUES.get(kind)
    if allowed is not None and value not in allowed:
        expected = ", ".join(sorted(allowed))
        return f"unknown value {value!r} for {kind.value}; expected one of {expected}"
    if kind is ClaimKind.DISCOUNT and not _DISCOUNT_VALUE.fullmatch(value):
        return f"discount: value {value!r} must be a percentage, 'free' or 'unspecified'"
    return None


def _known() -> str:
    return ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)


def phrase_problem(kind: ClaimKind, phrase: str) -> str | None:
    """What is wrong with `phrase` as a phrase of `kind`, or None."""
    if not phrase.strip():
        return "a phrase must not be blank"
    parts = phrase_parts(phrase)
    allowed = placeholder_types(kind)
    for text, is_name in parts:
        if not is_name:
            if "{" in text or "}" in text:
                return f"unmatched brace in {phrase!r}; placeholders are {_known()}"
            continue
        if text not in PLACEHOLDERS:
            return f"unknown placeholder {{{text}}} in {phrase!r}; known: {_known()}"
        if text not in allowed:
            usable = ", ".join(f"{{{n}}}" for n in allowed) or "none"
            names = "an item" if text == "item" else "an order or a return"
            return (
                f"{{{text}}} cannot stand in a phrase of {kind.value} (it names {names}); "
                f"usable here: {usable}"
            )
    if not any(not is_name and any(c.isalnum() for c in text) for text, is_name in parts):
        return f"{phrase!r} is only a placeholder: add the words that say the value"
    return None


def _kind(raw_kind: object, by_value: object) -> tuple[ClaimKind | None, list[Problem]]:
    where = (str(raw_kind),)
    try:
        kind = ClaimKind(str(raw_kind))
    except ValueError:
        phrased = ", ".join(sorted(k.value for k in ClaimKind if k not in _COMPUTED))
        return None, [(where, f"unknown claim kind {raw_kind!r}; expected one of {phrased}")]
    if kind in _COMPUTED:
        return None, [
            (where, "its value is read from the text (a number, a date, an id), not from a phrase")
        ]
    if not isinstance(by_value, Mapping):
        return None, [(where, "expected a table of value = [phrases]")]
    return kind, []


def _phrases_problems(kind: ClaimKind, by_value: Mapping[Any, Any]) -> list[Problem]:
    found: list[Problem] = []
    seen: dict[str, str] = {}
    for value, words in by_value.items():
        where = (kind.value, str(value))
        if (problem := _value_problem(kind, str(value))) is not None:
            found.append((where, problem))
            continue
        if not isinstance(words, Sequence) or isinstance(words, str):
            found.append((where, "expected a list of phrases"))
            continue
        for index, phrase in enumerate(words):
            at = (kind.value, f"{value}[{index}]")
            if not isinstance(phrase, str):
                found.append((at, f"expected a list of phrases (strings), got {phrase!r}"))
            elif (problem := phrase_problem(kind, phrase)) is not None:
                found.append((at, problem))
            elif (other := seen.setdefault(" ".join(phrase.lower().split()), value)) != value:
                found.append((at, f"{phrase!r} is also a phrase of {kind.value}.{other}"))
    return found


def problems(phrases: object) -> list[Problem]:
    """Everything wrong with a vocabulary table, each with where it is; [] when it is usable."""
    if not isinstance(phrases, Mapping):
        return [((), "a vocabulary must be a table of claim kinds")]
    found: list[Problem] = []
    for raw_kind, by_value in phrases.items():
        kind, wrong = _kind(raw_kind, by_value)
        found.extend(wrong)
        if kind is not None:
            found.extend(_phrases_problems(kind, by_value))
    return found


def describe(problem: Problem) -> str:
    """`availability.in_stock[1]: reason`."""
    where, reason = problem
    return f"{'.'.join(where)}: {reason}" if where else reason


def _freeze(phrases: Mapping[Any, Any]) -> Phrases:
    found = problems(phrases)
    if found:
        raise ValueError("; ".join(describe(p) for p in found))
    return MappingProxyType(
        {
            ClaimKind(kind).value: MappingProxyType(
                {str(value): tuple(words) for value, words in by_value.items()}
            )
            for kind, by_value in phrases.items()
        }
    )


def _compile(phrases: Phrases) -> Mapping[ClaimKind, RuleSet]:
    compiled: dict[ClaimKind, RuleSet] = {}
    for name, by_value in phrases.items():
        kind = ClaimKind(name)
        opposites = _OPPOSITES.get(kind, {})
        names = placeholder_types(kind)
        compiled[kind] = RuleSet.of(
            *(
                phrase_rule(phrase, value, opposites.get(value), names)
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
