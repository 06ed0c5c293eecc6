"""Settling claims that refine one another ("in stock … only 2 left" is low stock)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence

from auditor._claims._model import Claim

Scope = Callable[[Claim], Hashable]


def whole_answer(claim: Claim) -> Hashable:
    return None


def supersede(
    claims: Sequence[Claim], beats: Mapping[str, frozenset[str]], scope: Scope = whole_answer
) -> list[Claim]:
    """Drop each claim beaten by another about the same subject within the same scope."""
    present: dict[tuple[Hashable, str | None], set[str]] = {}
    for claim in claims:
        present.setdefault((scope(claim), claim.subject), set()).add(str(claim.value))
    return [
        claim
        for claim in claims
        if not any(
            str(claim.value) in beats.get(winner, frozenset())
            for winner in present[(scope(claim), claim.subject)]
        )
    ]


def later_beats_earlier(order: Sequence[str]) -> dict[str, frozenset[str]]:
    """Stages in order: each beats every stage before it."""
    return {stage: frozenset(order[:i]) for i, stage in enumerate(order)}
