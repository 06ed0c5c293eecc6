"""What the model must return, as a pydantic model generated from the claim model, and how its
reply becomes claims: validated, then grounded in the answer's own words.

The response model is built per set of claim kinds (those the probe asks for, and the
non-answers), each kind a variant with its own value type: the closed values of
`CATEGORICAL_VALUES` as an enum, a count as an integer, a date as `YYYY-MM-DD`. Its JSON Schema
is what a server constrains the model's output with (`response_format`); the same model
validates the reply, so a server that ignores the schema is held to it all the same.

Grounding: every claim carries the exact `quote` of the answer it rests on. A claim whose quote
is not in the answer (compared without case, spacing or Markdown emphasis), or whose number is
not in its quote, is dropped: a small model invents, and a claim it invented must never
become a `fail`.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from auditor._claims import CATEGORICAL_VALUES, Claim, ClaimKind, ClaimValue
from auditor._reader._reading import Reading

#: Claim kinds any answer may make instead of answering: always asked for.
NON_ANSWERS = (ClaimKind.DEFLECTION, ClaimKind.REFUSAL, ClaimKind.CLARIFICATION)
#: The longest quote kept (a whole answer quoted back grounds nothing).
MAX_QUOTE = 160

#: Value types of the kinds whose value is computed, not one of a closed set. No `pattern`:
#: llama.cpp's grammar from a schema with one crashed its server (a date's shape and an
#: amount's are checked when the claim is made, `_value`, and a bad one is dropped).
_COMPUTED: dict[ClaimKind, tuple[Any, str]] = {
    ClaimKind.QUANTITY: (Annotated[int, Field(ge=0, le=10_000_000)], "how many units"),
    ClaimKind.DELIVERY_DATE: (Annotated[str, Field(max_length=10)], "the date, YYYY-MM-DD"),
    ClaimKind.TRACKING: (Annotated[str, Field(min_length=4, max_length=64)], "the number"),
    ClaimKind.REFUND_AMOUNT: (Annotated[str, Field(max_length=12)], "the amount, e.g. 12.50"),
    ClaimKind.DISCOUNT: (Annotated[int, Field(ge=1, le=100)], "the percentage off"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _variant(kind: ClaimKind) -> type[BaseModel]:
    values = CATEGORICAL_VALUES.get(kind)
    if values is not None:
        value_type: Any = Literal[tuple(sorted(str(v) for v in values))]
        about = "one of the listed values"
    else:
        value_type, about = _COMPUTED[kind]
    kind_type: Any = Literal[kind.value]
    model: type[BaseModel] = create_model(
        f"{kind.value.title().replace('_', '')}Claim",
        __base__=_Strict,
        # The quote first: a model copies the answer's words before it names what they say.
        quote=(
            Annotated[str, Field(min_length=2, max_length=MAX_QUOTE)],
            Field(description="the exact words of the answer that say it"),
        ),
        kind=(kind_type, Field(description="what the claim is about")),
        value=(value_type, Field(description=about)),
        hedged=(bool, Field(False, description="the answer is unsure (should, might, I think)")),
    )
    return model


@functools.cache
def response_model(kinds: tuple[ClaimKind, ...]) -> type[BaseModel]:
    """`{"claims": [...]}` with one variant per kind, discriminated by `kind`."""
    variants = tuple(_variant(kind) for kind in kinds)
    item: Any = (
        variants[0]
        if len(variants) == 1
        else Annotated[Union[variants], Field(discriminator="kind")]  # noqa: UP007
    )
    model: type[BaseModel] = create_model(
        "Reading",
        __base__=_Strict,
        claims=(list[item], Field(max_length=16, description="every claim the answer makes")),
    )
    return model


@functools.cache
def _schema_text(kinds: tuple[ClaimKind, ...]) -> str:
    return json.dumps(response_model(kinds).model_json_schema(), sort_keys=True)


def response_schema(kinds: tuple[ClaimKind, ...]) -> dict[str, Any]:
    """The JSON Schema the server constrains the reply with (a fresh copy each call)."""
    schema: dict[str, Any] = json.loads(_schema_text(kinds))
    return schema


def asked_kinds(claim_kinds: Sequence[ClaimKind]) -> tuple[ClaimKind, ...]:
    """The kinds a probe's answer is read for: its own, then the non-answers, once each."""
    return tuple(dict.fromkeys((*claim_kinds, *NON_ANSWERS)))


class ReplyError(ValueError):
    """The model's reply is not the JSON asked for; the message says how, in a line."""


@dataclass(frozen=True, slots=True)
class Grounded:
    """The claims a reply makes that the answer's words bear out, and how many were not."""

    claims: tuple[Claim, ...]
    dropped: int


def parse_reply(reply: str, kinds: tuple[ClaimKind, ...]) -> list[dict[str, Any]]:
    """The reply's claims as validated data; `ReplyError` for anything else."""
    text = reply.strip()
    if text.startswith("```"):  # some servers fence JSON even when asked not to
        text = re.sub(r"^```(?:json)?\s*|\s*```$", "", text)
    try:
        # `strict=False` takes a raw line break inside a string, which small models write.
        data = json.loads(text, strict=False)
    except ValueError as error:
        raise ReplyError(f"(top level): not JSON: {error.args[0].split(':')[0]}") from None
    try:
        parsed = response_model(kinds).model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ReplyError(f"{where}: {first['msg']}") from None
    claims: list[dict[str, Any]] = parsed.model_dump()["claims"]
    return claims


_EMPHASIS = frozenset("*_`#>|")


def _normalised(text: str) -> tuple[str, list[int]]:
    """`text` casefolded, without Markdown emphasis, every run of spaces one space; and for
    each character kept, where it was in `text`."""
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char in _EMPHASIS:
            continue
        if char.isspace():
            if not chars or chars[-1] == " ":
                continue
            char = " "
        folded = char.casefold()
        chars.extend(folded)
        where.extend([index] * len(folded))
    while chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return "".join(chars), where


def _strip_edges(quote: str) -> str:
    return quote.strip().strip("\"'“”‘’.,;:!?").strip()


def locate(answer: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` is in `answer` (without case, spacing or emphasis), or None."""
    needle, _ = _normalised(_strip_edges(quote))
    if len(needle) < 2:
        return None
    haystack, where = _normalised(answer)
    found = haystack.find(needle)
    if found < 0:
        return None
    return where[found], where[found + len(needle) - 1] + 1


def _digits(value: object) -> str:
    return re.sub(r"\D", "", str(value))


def _value(kind: ClaimKind, raw: Any) -> ClaimValue:
    """The value as the rules would write it (`auditor._claims`): comparable by equality;
    None for a value of the wrong shape (the claim is then dropped)."""
    if kind is ClaimKind.REFUND_AMOUNT:
        try:
            amount = Decimal(str(raw))
        except InvalidOperation:
            return None
        return f"{amount:.2f}" if amount.is_finite() and amount >= 0 else None
    if kind is ClaimKind.DISCOUNT:
        return str(int(raw))
    if kind is ClaimKind.DELIVERY_DATE:
        try:
            return date.fromisoformat(str(raw)).isoformat()
        except ValueError:
            return None
    if kind is ClaimKind.QUANTITY:
        return int(raw)
    return str(raw)


def _borne_out(kind: ClaimKind, value: ClaimValue, quote: str) -> bool:
    """A number the claim states must be in its quote (a count of 0 may be said in words:
    "out of stock"); a tracking number too, as written."""
    if kind is ClaimKind.QUANTITY:
        return value == 0 or str(value) in quote or _words_for(value) in quote.casefold()
    if kind in (ClaimKind.REFUND_AMOUNT, ClaimKind.DISCOUNT):
        return _digits(str(value).split(".")[0]) in _digits(quote)
    if kind is ClaimKind.TRACKING:
        return str(value).casefold() in quote.casefold()
    return True


_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _words_for(value: ClaimValue) -> str:
    return _SMALL[value] if isinstance(value, int) and 0 <= value < len(_SMALL) else "\0"


def ground(answer: str, claims: Sequence[dict[str, Any]]) -> Grounded:
    """The reply's claims whose quote is in `answer` and bears their value out, as `Claim`s
    about the asked subject (`subject` None: the model is asked about that one only)."""
    kept: list[Claim] = []
    dropped = 0
    seen: set[tuple[ClaimKind, ClaimValue]] = set()
    for data in claims:
        kind = ClaimKind(data["kind"])
        value = _value(kind, data["value"])
        span = locate(answer, str(data["quote"]))
        quoted = "" if span is None else answer[span[0] : span[1]]
        if value is None or span is None or not _borne_out(kind, value, quoted):
            dropped += 1
            continue
        if (kind, value) in seen:
            continue
        seen.add((kind, value))
        kept.append(Claim(kind, value, span, None, bool(data.get("hedged"))))
    kept.sort(key=lambda c: c.span)
    return Grounded(tuple(kept), dropped)


def reading_from_reply(
    answer: str,
    reply: str,
    kinds: tuple[ClaimKind, ...],
    tokens: int,
    seconds: float,
    *,
    cached: bool,
) -> Reading:
    """The reading a reply makes: its grounded claims, or why it is not the JSON asked for."""
    try:
        claims = parse_reply(reply, kinds)
    except ReplyError as problem:
        error = f"model reader: the reply is not the JSON asked for ({problem})"
        return Reading(error=error, seconds=seconds, tokens=tokens, kinds=kinds)
    grounded = ground(answer, claims)
    return Reading(
        grounded.claims,
        None,
        seconds,
        tokens,
        cached=cached,
        dropped=grounded.dropped,
        kinds=kinds,
    )
