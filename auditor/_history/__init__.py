"""History: every audit recorded in a SQLite database, its trend, and comparisons of two audits."""

from auditor._history._db import (
    HistoryDB,
    HistoryEntry,
    HistoryError,
    open_history,
    probed_subjects,
    read_history,
)
from auditor._history._diff import DiffError, diff_audits, resolve_audit
from auditor._history._trend import TREND_FILE, read_trend, write_trend

__all__ = [
    "TREND_FILE",
    "DiffError",
    "HistoryDB",
    "HistoryEntry",
    "HistoryError",
    "diff_audits",
    "open_history",
    "probed_subjects",
    "read_history",
    "read_trend",
    "resolve_audit",
    "write_trend",
]
