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
    if {str(claim.value) for claim in claims}.isdisjoint(beats):
        return list(claims)  # the usual case: no claim beats another, whatever their scope
    scoped = [((scope(claim), claim.subject), str(claim.value), claim) for claim in claims]
    #: Per scope and subject: every value some claim there beats.
    beaten: dict[tuple[Hashable, str | None], set[str]] = {}
    for key, value, _ in scoped:
        beaten.setdefault(key, set()).update(beats.get(value, ()))
    return [claim for key, value, claim in scoped if value not in beaten[key]]


def later_beats_earlier(order: Sequence[str]) -> dict[str, frozenset[str]]:
    """Stages in order: each beats every stage before it."""
    return {stage: frozenset(order[:i]) for i, stage in enumerate(order)}
