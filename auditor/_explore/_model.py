"""One explored question as data: what was asked, what came back, what it claims, the truth.

The same record feeds the terminal view, `auditor ask --json` and the pytest plugin's
`assistant.check(...)`, so every face shows one judgement.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from auditor._claims import Claim
from auditor._explore._subjects import Subject
from auditor._facts import Fact
from auditor._results import fact_to_json


class Agreement(enum.StrEnum):
    """A claim against the truth, judged on its own (an audit's verdicts weigh the whole answer)."""

    AGREE = "agree"
    CONTRADICT = "contradict"
    CANNOT_JUDGE = "cannot_judge"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True, slots=True)
class Truth:
    """One subject as its anchor gave it after the answer; `fact` None means it does not exist."""

    fact_kind: str
    subject: str
    fact: Fact | None
    read_at: datetime
    #: Why the anchor could not be read; the truth is unknown, not absent.
    error: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.fact_kind, self.subject)

    def to_json(self) -> dict[str, object]:
        return {
            "fact_kind": self.fact_kind,
            "subject": self.subject,
            "fact": None if self.fact is None else fact_to_json(self.fact),
            "read_at": self.read_at.isoformat(),
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    claim: Claim
    agreement: Agreement
    reason: str
    #: The probe kind whose `accepts` judged the claim, if one applies.
    probe_kind: str | None = None
    #: The subject the claim was judged against, as `(fact_kind, id)`.
    against: tuple[str, str] | None = None
    #: The truth's value of the field the claim speaks to, as shown to people.
    truth: str | None = None
    #: Claim values that would have agreed.
    accepted: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "claim": self.claim.to_json(),
            "agreement": self.agreement.value,
            "reason": self.reason,
            "probe_kind": self.probe_kind,
            "against": None if self.against is None else list(self.against),
            "truth": self.truth,
            "accepted": list(self.accepted),
        }


@dataclass(frozen=True, slots=True)
class Exploration:
    question: str
    channel: str
    customer: str | None
    answer: str
    latency_ms: float
    asked_at: datetime
    subjects: tuple[Subject, ...]
    claims: tuple[Claim, ...]
    truths: tuple[Truth, ...]
    checks: tuple[ClaimCheck, ...]

    def count(self, agreement: Agreement) -> int:
        return sum(1 for c in self.checks if c.agreement is agreement)

    @property
    def contradictions(self) -> list[ClaimCheck]:
        return [c for c in self.checks if c.agreement is Agreement.CONTRADICT]

    def to_json(self) -> dict[str, object]:
        return {
            "question": self.question,
            "channel": self.channel,
            "customer": self.customer,
            "asked_at": self.asked_at.isoformat(),
            "answer": self.answer,
            "latency_ms": round(self.latency_ms, 1),
            "subjects": [s.to_json() for s in self.subjects],
            "claims": [c.to_json() for c in self.checks],
            "truth": [t.to_json() for t in self.truths],
            "summary": {a.value: self.count(a) for a in Agreement},
        }
