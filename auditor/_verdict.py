"""Verdicts: how an answer's claims stand against the truth, with the evidence."""

from __future__ import annotations

import enum


class Verdict(enum.StrEnum):
    PASS = "pass"  # noqa: S105 (a verdict, not a password)
    FAIL = "fail"
    #: Deflected although the data exists.
    UNANSWERED = "unanswered"
    #: No claim of the asked kind, and no deflection or refusal either: the auditor could not
    #: read the answer (issue 16; taught with `[vocabulary]`, `auditor review`).
    UNREAD = "unread"
    #: The truth changed while the probe ran, so the claim cannot be judged.
    INDETERMINATE = "indeterminate"
    #: Transport or adapter failure: nothing to judge.
    ERROR = "error"
