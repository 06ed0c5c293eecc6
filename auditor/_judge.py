"""Judging one answer: its claims against the truth before the question and after the answer.

The truth-window rule (documented in the README):

* `before` is the snapshot's fact while the snapshot is fresh, else a fresh read.
* If the claims agree with `before`, the verdict is `pass` and no second read is made.
* Otherwise the fact is read again after the answer (`after`):
  - the claims agree with neither → `fail`;
  - the claims agree with `after` but not `before` → `indeterminate` (the truth moved while the
    probe ran, so we cannot tell which state the assistant saw).
* No claim of the probe's kind about its subject → `unanswered` (deflections are named).

What it can miss: an assistant that answers from data older than the snapshot, where the truth
changed after the snapshot was taken but the stale answer still matches the snapshot. The
information-lag scenarios measure exactly that case by changing the truth on purpose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from auditor._claims import Claim, ClaimKind
from auditor._facts import Fact
from auditor._probes._kinds import ProbeKind
from auditor._probes._model import Probe
from auditor._verdict import Verdict

_NON_ANSWERS = (ClaimKind.DEFLECTION, ClaimKind.REFUSAL)


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    reason: str
    #: The claims the verdict rests on.
    judged: tuple[Claim, ...]
    #: Claim values that would have agreed with the truth before the question.
    accepted: tuple[str, ...]


def relevant_claims(kind: ProbeKind, probe: Probe, claims: Sequence[Claim]) -> list[Claim]:
    """Claims of the kind's claim kinds about the probe's subject (or about no named subject).

    When there are none, claims that imply one (`ProbeKind.implies`) stand in for them.
    """
    about = [c for c in claims if c.subject is None or c.subject == probe.subject]
    direct = [c for c in about if c.kind in kind.claim_kinds]
    if direct:
        return direct
    return [implied for c in about if (implied := kind.implies(c)) is not None]


def _agrees(claims: Sequence[Claim], accepted: frozenset[str]) -> bool:
    return all(str(c.value) in accepted for c in claims)


def _values(claims: Sequence[Claim]) -> str:
    return ", ".join(sorted({str(c.value) for c in claims}))


def first_look(
    kind: ProbeKind, probe: Probe, claims: Sequence[Claim], before: Fact | None
) -> Judgement | None:
    """The verdict from `before` alone, or None when a second read of the truth is needed."""
    accepted = kind.accepts(before)
    judged = relevant_claims(kind, probe, claims)
    if not judged and kind.absence_passes:
        return Judgement(
            Verdict.PASS, f"nothing disclosed about {probe.subject}", (), tuple(sorted(accepted))
        )
    if not judged:
        non_answers = [c for c in claims if c.kind in _NON_ANSWERS]
        reason = (
            f"{non_answers[0].kind.value} ({non_answers[0].value}) instead of an answer"
            if non_answers
            else f"no {'/'.join(k.value for k in kind.claim_kinds)} claim about {probe.subject}"
        )
        return Judgement(Verdict.UNANSWERED, reason, tuple(non_answers), tuple(sorted(accepted)))
    if _agrees(judged, accepted):
        return Judgement(
            Verdict.PASS, f"says {_values(judged)}", tuple(judged), tuple(sorted(accepted))
        )
    return None


def judge(
    kind: ProbeKind,
    probe: Probe,
    claims: Sequence[Claim],
    before: Fact | None,
    after: Fact | None,
) -> Judgement:
    """The full verdict once the truth has been read again after the answer."""
    early = first_look(kind, probe, claims, before)
    if early is not None:
        return early
    judged = tuple(relevant_claims(kind, probe, claims))
    accepted_before = kind.accepts(before)
    accepted_after = kind.accepts(after)
    said = _values(judged)
    if _agrees(judged, accepted_after):
        return Judgement(
            Verdict.INDETERMINATE,
            f"says {said}: matches the truth after the answer but not before it",
            judged,
            tuple(sorted(accepted_before)),
        )
    truth = " or ".join(sorted(accepted_after))
    return Judgement(
        Verdict.FAIL,
        f"says {said} where the truth is {truth}",
        judged,
        tuple(sorted(accepted_before)),
    )
