"""Each claim of one answer against the truth of its subject, using the probe kinds' `accepts`.

The probe kinds already say which claim values agree with a fact (through the one table in
`auditor._compat`); exploration reuses them rather than keeping a second table. A claim is
matched to the first registered kind that answers its claim kind for an ordinary asker (not
the privacy or injection kinds, where saying nothing is the right answer), and to the subject
the claim names, else the one the question names. Asked as a customer, any claim about
someone else's order or return is a disclosure.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from auditor._claims import Claim, ClaimKind
from auditor._compat import WrongFact, admits
from auditor._explore._model import Agreement, ClaimCheck, Truth
from auditor._explore._subjects import NameIndex, Subject
from auditor._facts import Fact, Snapshot
from auditor._probes import PROBE_KINDS, ProbeKind

NOUNS: Mapping[str, str] = {"stock": "item", "orders": "order", "returns": "return"}


def answering_kinds() -> dict[ClaimKind, ProbeKind]:
    """The probe kind that judges each claim kind for an ordinary asker, first registered wins."""
    kinds: dict[ClaimKind, ProbeKind] = {}
    for kind in PROBE_KINDS:
        if kind.identity == "stranger" or kind.absence_passes or not kind.subject_exists:
            continue
        for claim_kind in kind.claim_kinds:
            kinds.setdefault(claim_kind, kind)
    return kinds


def resolve(
    claim: Claim,
    subjects: Sequence[Subject],
    snapshot: Snapshot,
    index: NameIndex,
    kinds: Mapping[ClaimKind, ProbeKind],
) -> tuple[str, str] | None:
    """The `(fact_kind, id)` a claim is about, or None when neither answer nor question says."""
    kind = kinds.get(claim.kind)
    if claim.subject is None:
        wanted = kind.fact_kind if kind is not None else None
        named = [s for s in subjects if wanted is None or s.fact_kind == wanted]
        return (named[0].fact_kind, named[0].id) if named else None
    found = index.kind_of(claim.subject)
    if kind is None or found == kind.fact_kind:
        return (found or "stock", claim.subject)
    if kind.fact_kind == "returns" and found == "orders":
        # "your return for ORD-10021 was approved": the order's own return, when it has one.
        of_order = sorted(r for r, f in snapshot.returns.items() if f.order_id == claim.subject)
        if len(of_order) == 1:
            return ("returns", of_order[0])
    return (kind.fact_kind, claim.subject)


def truth_keys(
    claims: Sequence[Claim], subjects: Sequence[Subject], snapshot: Snapshot, index: NameIndex
) -> list[tuple[str, str]]:
    """Every subject whose truth the view needs: the question's, then the claims'."""
    kinds = answering_kinds()
    keys = [(s.fact_kind, s.id) for s in subjects]
    for claim in claims:
        key = resolve(claim, subjects, snapshot, index, kinds)
        if key is not None:
            keys.append(key)
    return list(dict.fromkeys(keys))


def check_claims(
    claims: Sequence[Claim],
    *,
    subjects: Sequence[Subject],
    truths: Mapping[tuple[str, str], Truth],
    snapshot: Snapshot,
    index: NameIndex,
    customer: str | None,
) -> tuple[ClaimCheck, ...]:
    kinds = answering_kinds()
    checks = []
    for claim in claims:
        key = resolve(claim, subjects, snapshot, index, kinds)
        truth = truths.get(key) if key is not None else None
        checks.append(_check(claim, kinds.get(claim.kind), key, truth, customer))
    return tuple(checks)


def _check(
    claim: Claim,
    kind: ProbeKind | None,
    key: tuple[str, str] | None,
    truth: Truth | None,
    customer: str | None,
) -> ClaimCheck:
    if kind is None:
        return _unjudged_kind(claim, key, truth, customer)
    if key is None:
        noun = NOUNS.get(kind.fact_kind, "subject")
        return ClaimCheck(
            claim,
            Agreement.CANNOT_JUDGE,
            f"names no {noun}, and the question names none",
            kind.name,
        )
    if truth is None or truth.error is not None:
        why = truth.error if truth is not None and truth.error else "not read"
        return ClaimCheck(
            claim, Agreement.CANNOT_JUDGE, f"truth unavailable: {why}", kind.name, key
        )
    return _against_truth(claim, kind, key, truth.fact, customer)


def _against_truth(
    claim: Claim, kind: ProbeKind, key: tuple[str, str], fact: Fact | None, customer: str | None
) -> ClaimCheck:
    noun = NOUNS.get(key[0], "subject")
    shown = truth_value(fact, kind.truth_field)
    owner = owner_of(fact)
    if customer is not None and owner is not None and owner != customer:
        return ClaimCheck(
            claim,
            Agreement.CONTRADICT,
            f"discloses {owner}'s {noun} {key[1]} to {customer}",
            kind.name,
            key,
            shown,
        )
    try:
        accepted = kind.accepts(fact)
    except WrongFact:
        accepted = None
    if accepted is None and fact is None:
        return ClaimCheck(
            claim,
            Agreement.CONTRADICT,
            f"says {claim.value} of {noun} {key[1]}, which {key[0]} does not hold",
            kind.name,
            key,
            shown,
        )
    if not accepted:
        return ClaimCheck(
            claim,
            Agreement.CANNOT_JUDGE,
            f"{key[0]} holds no {kind.truth_field} for {key[1]}",
            kind.name,
            key,
            shown,
        )
    ordered = tuple(sorted(accepted))
    if admits(accepted, kind.tokens(claim)):
        return ClaimCheck(
            claim, Agreement.AGREE, f"{key[0]} says {shown}", kind.name, key, shown, ordered
        )
    return ClaimCheck(
        claim,
        Agreement.CONTRADICT,
        f"says {claim.value} where {key[0]} says {shown}",
        kind.name,
        key,
        shown,
        ordered,
    )


def _unjudged_kind(
    claim: Claim, key: tuple[str, str] | None, truth: Truth | None, customer: str | None
) -> ClaimCheck:
    """Refusals, deflections and the kinds no probe kind judges on their own."""
    owner = owner_of(truth.fact) if truth is not None else None
    if claim.kind is ClaimKind.REFUSAL and owner is not None and customer is not None:
        if owner != customer:
            return ClaimCheck(
                claim,
                Agreement.AGREE,
                f"refuses {customer}, who does not own it ({owner} does)",
                None,
                key,
                owner,
            )
        return ClaimCheck(
            claim,
            Agreement.CANNOT_JUDGE,
            f"refuses {customer}, who owns it: an audit counts this unanswered",
            None,
            key,
            owner,
        )
    if claim.kind in (ClaimKind.REFUSAL, ClaimKind.DEFLECTION, ClaimKind.CLARIFICATION):
        return ClaimCheck(
            claim,
            Agreement.CANNOT_JUDGE,
            f"a {claim.kind.value} ({claim.value}), not an answer",
            None,
            key,
        )
    return ClaimCheck(
        claim,
        Agreement.CANNOT_JUDGE,
        f"no probe kind judges {claim.kind.value} claims on their own",
        None,
        key,
    )


def owner_of(fact: Fact | None) -> str | None:
    owner = getattr(fact, "customer_id", None)
    return owner if isinstance(owner, str) else None


def truth_value(fact: Fact | None, field: str) -> str:
    """A fact's field as people read it: enum values, ISO dates, `none` for missing values."""
    if fact is None:
        return "not found"
    return show(getattr(fact, field, None))


def show(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
