"""Verdicts: how an answer's claims stand against the truth, with the evidence."""

from __future__ import annotations

import enum


class Verdict(enum.StrEnum):
    PASS = "pass"  # noqa: S105 (a verdict, not a password)
    FAIL = "fail"
    #: Deflected although the data exists.
    UNANSWERED = "unanswered"
    #: The auditor could not read the answer: no claim of the kind asked and no recognised
    #: deflection. The auditor's own limit: never counted against the assistant, never a pass.
    UNREAD = "unread"
    #: The truth changed while the probe ran, so the claim cannot be judged.
    INDETERMINATE = "indeterminate"
    #: Transport or adapter failure: nothing to judge.
    ERROR = "error"
