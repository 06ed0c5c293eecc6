"""Write every report format of an audit into its directory.

Each file is written to a temporary name and renamed, so a reader (or a crash) never sees half
a report. The Markdown summary is also appended to GitHub's step summary when the caller's
environment names one; the environment is passed in, never read from the process here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

from pydantic_core import PydanticSerializationError

from auditor._report._html import render_html
from auditor._report._junit import render_junit
from auditor._report._markdown import render_markdown
from auditor._report._model import Audit
from auditor._report._prometheus import render_metrics

AUDIT_FILE = "audit.json"
SUMMARY_FILE = "summary.md"
JUNIT_FILE = "junit.xml"
HTML_FILE = "report.html"
#: The audit as Prometheus metrics (OpenMetrics text): `docs/metrics.md`.
METRICS_FILE = "metrics.prom"
STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


def audit_json(audit: Audit) -> str:
    """The model as JSON; text UTF-8 cannot carry (lone surrogates) is kept, as JSON escapes."""
    try:
        return audit.model_dump_json(indent=2)
    except PydanticSerializationError:
        return json.dumps(audit.model_dump(mode="json"), indent=2, ensure_ascii=True)


RENDERERS: Mapping[str, Callable[[Audit], str]] = {
    AUDIT_FILE: audit_json,
    SUMMARY_FILE: render_markdown,
    JUNIT_FILE: render_junit,
    HTML_FILE: render_html,
    METRICS_FILE: render_metrics,
}


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    tmp.replace(path)


def append_step_summary(markdown: str, env: Mapping[str, str]) -> Path | None:
    """Append to `$GITHUB_STEP_SUMMARY` when `env` sets it; returns the file appended to."""
    target = env.get(STEP_SUMMARY_ENV)
    if not target:
        return None
    path = Path(target)
    with path.open("a", encoding="utf-8") as out:
        out.write(markdown.rstrip("\n") + "\n\n")
    return path


def write_reports(
    directory: Path,
    audit: Audit,
    *,
    env: Mapping[str, str] | None = None,
    redact: Callable[[str], str] | None = None,
) -> list[Path]:
    """Every format into `directory`; the step summary too when `env` names one.

    `redact` cleans each rendered document of the audit's secrets before it is written.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    rendered: dict[str, str] = {}
    for name, render in RENDERERS.items():
        rendered[name] = render(audit) if redact is None else redact(render(audit))
        _write(directory / name, rendered[name])
        written.append(directory / name)
    append_step_summary(rendered[SUMMARY_FILE], env or {})
    return written
