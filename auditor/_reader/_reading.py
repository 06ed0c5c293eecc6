"""One model reading of one answer, as the runner and the re-judging use it (no I/O here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from auditor._claims import Claim, ClaimKind
from auditor._reader._config import Decider, ReaderMode


@dataclass(frozen=True, slots=True)
class Reading:
    """What the model read in one answer, or why it could not (`error`)."""

    claims: tuple[Claim, ...] = ()
    #: Why there is no reading: the server down, a timeout, an HTTP error, a reply that is not
    #: the JSON asked for twice running. None when the model answered.
    error: str | None = None
    #: Time the request took (0 from the cache).
    seconds: float = 0.0
    #: Prompt and completion tokens the server counted (0 when it did not say).
    tokens: int = 0
    cached: bool = False
    #: Claims dropped because their quote is not in the answer or does not bear them out.
    dropped: int = 0
    #: The kinds the model was asked for.
    kinds: tuple[ClaimKind, ...] = field(default_factory=tuple)

    def to_json(self, decided: bool) -> dict[str, Any]:
        """The record stored with a result (`auditor._results.ModelReadingRecord`)."""
        return {
            "claims": [_claim(c) for c in self.claims],
            "error": self.error,
            "seconds": round(self.seconds, 3),
            "tokens": self.tokens,
            "cached": self.cached,
            "dropped": self.dropped,
            "decided": decided,
            "kinds": [kind.value for kind in self.kinds],
        }


def subject_words(subject: str, fact: object) -> str:
    """How the model is told what was asked about: an item by name and SKU, else its id."""
    name = getattr(fact, "name", None) if getattr(fact, "sku", None) == subject else None
    return f"{name} ({subject})" if name else subject


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "kind": claim.kind.value,
        "value": claim.value,
        "span": claim.span,
        "subject": claim.subject,
        "hedged": claim.hedged,
        "reader": "model",
    }


class AnswerReader(Protocol):
    """A model reader as the runner needs one: the mode, and a reading that never raises."""

    mode: ReaderMode
    decide: Decider

    async def read(
        self, answer: str, probe_kind: str, subject: str, question: str, kinds: Sequence[ClaimKind]
    ) -> Reading: ...

    async def vet(self, kinds: Sequence[ClaimKind]) -> str | None: ...


class CachedReader(Protocol):
    """The same, offline: only what the cache holds (`auditor report --rejudge`)."""

    mode: ReaderMode
    decide: Decider

    def cached(
        self, answer: str, probe_kind: str, subject: str, question: str, kinds: Sequence[ClaimKind]
    ) -> Reading | None: ...

    def vetted(self, kinds: Sequence[ClaimKind]) -> str | None: ...
