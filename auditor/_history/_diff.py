"""`auditor diff A B`: two audits compared, each named by its directory or its history run id.

The comparison is the baseline comparison's (new and fixed findings by id, headline metric
deltas), so `diff` and `run --baseline` never disagree. A run id is read from the history
database alone, so audits whose directories are gone can still be compared.
"""

from __future__ import annotations

from pathlib import Path

from auditor._history._db import HistoryDB, HistoryError
from auditor._report import (
    BaselineComparison,
    BaselineError,
    BaselineSummary,
    compare_summaries,
    read_baseline,
)


class DiffError(Exception):
    """An audit reference that names no audit (a usage error, exit code 2)."""


def resolve_audit(reference: str, history: HistoryDB | None) -> BaselineSummary:
    """A directory (or audit.json) when one exists at `reference`, else a run id in history."""
    path = Path(reference)
    if path.exists():
        try:
            return read_baseline(path)
        except BaselineError as error:
            raise DiffError(str(error).removeprefix("baseline ")) from None
    if history is None:
        raise DiffError(
            f"{reference}: no such audit directory (and no history database to "
            "look the run id up in)"
        )
    try:
        summary = history.summary(reference)
    except HistoryError as error:
        raise DiffError(str(error)) from None
    if summary is None:
        raise DiffError(f"{reference}: neither an audit directory nor a run id in {history.path}")
    return summary


def diff_audits(before: BaselineSummary, after: BaselineSummary) -> BaselineComparison:
    """`after` against `before`: what is new, what was fixed, how each headline metric moved."""
    return compare_summaries(before, after)
