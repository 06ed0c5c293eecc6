"""Lag measurements as data: one record per scenario in `lag.jsonl`, written as each finishes.

The lag phase starts the file afresh each time it runs (a resumed audit measures again rather
than mixing two runs' timings); a torn last line is ignored on reading.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from auditor._jsonl import JsonlWriter, complete_lines

LAG_FILE = "lag.jsonl"

#: `reflected`: an answer showed the change; `not_reflected`: none did before the deadline;
#: `inconclusive`: the answer before the change already agreed with the changed truth, or the
#: anchor never showed the change; `skipped`: no subject to change; `error`: the scenario could
#: not run (the assistant, an anchor or the sandbox failed), with the reason.
LagStatus = Literal["reflected", "not_reflected", "inconclusive", "skipped", "error"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LagRecord(_Record):
    entry_type: Literal["lag"] = "lag"
    scenario: str
    kind: str
    status: LagStatus
    reason: str = ""
    subject: str | None = None
    #: The subject the change is judged on, when the change created it (a new return's id).
    changed_subject: str | None = None
    channel: str | None = None
    customer_id: str | None = None
    question: str | None = None
    #: The answer before the change (it also primes any cache, as a real customer's would).
    baseline_answer: str | None = None
    #: The first answer that showed the change, else the last one received.
    answer: str | None = None
    #: How that answer showed it: its claims agree with the new truth, or it names the new
    #: subject.
    evidence: Literal["claim", "mention"] | None = None
    #: t0: when the anchor first showed the change.
    changed_at: datetime | None = None
    reflected_at: datetime | None = None
    #: reflected_at - t0: the information lag.
    lag_s: float | None = None
    #: When the last answer still missing the change arrived, seconds after t0: the lag lies
    #: between this and `lag_s`.
    lag_after_s: float | None = None
    polls: int = 0
    ask_errors: int = 0
    deadline_s: float
    #: Whether the scenario's own `restore` action ran without error (None: none configured).
    restored: bool | None = None
    started_at: datetime
    finished_at: datetime


class ResetRecord(_Record):
    """The `[sandbox].reset` action after the scenarios."""

    entry_type: Literal["reset"] = "reset"
    ok: bool
    reason: str = ""
    at: datetime


class LagWriter(JsonlWriter):
    """Writes `DIR/lag.jsonl` from scratch, flushing every line."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory / LAG_FILE, mode="w")


def read_lag(directory: Path) -> tuple[list[LagRecord], ResetRecord | None] | None:
    """The stored lag phase: its records and reset, or None when no lag phase ran."""
    path = directory / LAG_FILE
    if not path.exists():
        return None
    records: list[LagRecord] = []
    reset: ResetRecord | None = None
    for data in complete_lines(path):
        try:
            if data.get("entry_type") == "reset":
                reset = ResetRecord.model_validate(data)
            else:
                records.append(LagRecord.model_validate(data))
        except ValidationError:
            continue
    return records, reset
