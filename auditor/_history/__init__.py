"""History: every audit recorded in a SQLite database, its trend, and comparisons of two audits."""

from typing import TYPE_CHECKING

from auditor._lazy import lazy_exports

if TYPE_CHECKING:
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

#: Imported on first use (`auditor._lazy`): the same names as above.
_EXPORTS = {
    "auditor._history._db": (
        "HistoryDB",
        "HistoryEntry",
        "HistoryError",
        "open_history",
        "probed_subjects",
        "read_history",
    ),
    "auditor._history._diff": (
        "DiffError",
        "diff_audits",
        "resolve_audit",
    ),
    "auditor._history._trend": (
        "TREND_FILE",
        "read_trend",
        "write_trend",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

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
