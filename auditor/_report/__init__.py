"""Reports: the audit model, its metrics, findings and gate, and the formats rendered from it."""

from typing import TYPE_CHECKING

from auditor._lazy import lazy_exports

if TYPE_CHECKING:
    from auditor._report._baseline import (
        BaselineError,
        BaselineSummary,
        StoredBaseline,
        compare,
        compare_summaries,
        read_baseline,
        read_stored_baseline,
        store_baseline,
    )
    from auditor._report._build import build_audit
    from auditor._report._decision import StopPlan, StopWatch, stop_decision
    from auditor._report._findings import group_findings
    from auditor._report._gate import decide
    from auditor._report._html import render_html
    from auditor._report._intervals import wilson
    from auditor._report._junit import render_junit
    from auditor._report._markdown import render_markdown
    from auditor._report._metrics import compute_metrics
    from auditor._report._model import (
        SCHEMA_VERSION,
        Audit,
        BaselineComparison,
        FailOn,
        Finding,
        GateCheck,
        Metrics,
        Rate,
        Readiness,
        StopRecord,
        Trend,
        TrendPoint,
    )
    from auditor._report._text import terminal_safe
    from auditor._report._write import append_step_summary, write_reports

#: Imported on first use (`auditor._lazy`): the same names as above.
_EXPORTS = {
    "auditor._report._baseline": (
        "BaselineError",
        "BaselineSummary",
        "StoredBaseline",
        "compare",
        "compare_summaries",
        "read_baseline",
        "read_stored_baseline",
        "store_baseline",
    ),
    "auditor._report._build": ("build_audit",),
    "auditor._report._decision": (
        "StopPlan",
        "StopWatch",
        "stop_decision",
    ),
    "auditor._report._findings": ("group_findings",),
    "auditor._report._gate": ("decide",),
    "auditor._report._html": ("render_html",),
    "auditor._report._intervals": ("wilson",),
    "auditor._report._junit": ("render_junit",),
    "auditor._report._markdown": ("render_markdown",),
    "auditor._report._metrics": ("compute_metrics",),
    "auditor._report._model": (
        "SCHEMA_VERSION",
        "Audit",
        "BaselineComparison",
        "FailOn",
        "Finding",
        "GateCheck",
        "Metrics",
        "Rate",
        "Readiness",
        "StopRecord",
        "Trend",
        "TrendPoint",
    ),
    "auditor._report._text": ("terminal_safe",),
    "auditor._report._write": (
        "append_step_summary",
        "write_reports",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "SCHEMA_VERSION",
    "Audit",
    "BaselineComparison",
    "BaselineError",
    "BaselineSummary",
    "FailOn",
    "Finding",
    "GateCheck",
    "Metrics",
    "Rate",
    "Readiness",
    "StopPlan",
    "StopRecord",
    "StopWatch",
    "StoredBaseline",
    "Trend",
    "TrendPoint",
    "append_step_summary",
    "build_audit",
    "compare",
    "compare_summaries",
    "compute_metrics",
    "decide",
    "group_findings",
    "read_baseline",
    "read_stored_baseline",
    "render_html",
    "render_junit",
    "render_markdown",
    "stop_decision",
    "store_baseline",
    "terminal_safe",
    "wilson",
    "write_reports",
]
