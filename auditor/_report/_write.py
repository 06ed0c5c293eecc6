"""Write every report format of an audit into its directory.

Each file is written to a temporary name and renamed, so a reader (or a crash) never sees half
a report. The Markdown summary is also appended to GitHub's step summary when the caller's
environment names one; the environment is passed in, never read from the process here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from pydantic import BaseModel
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
    return "".join(audit_json_parts(audit))


def _json(model: BaseModel, exclude: set[str] | None = None) -> str:
    try:
        return model.model_dump_json(indent=2, exclude=exclude)
    except PydanticSerializationError:
        data = model.model_dump(mode="json", exclude=exclude)
        return json.dumps(data, indent=2, ensure_ascii=True)


def audit_json_parts(audit: Audit) -> Iterator[str]:
    """`audit.json` in pieces, its results one at a time: the same text as the whole model
    dumped at once (`results` is the model's last field), never all of it in memory.

    Each piece is JSON as pydantic writes it; one that cannot be (lone surrogates) is written
    by `json` with every non-ASCII character escaped, which reads back the same.
    """
    head = _json(audit, exclude={"results"})
    if not head.endswith("\n}"):  # a model without fields other than results: not ours
        raise ValueError("audit.json: unexpected document shape")
    yield head[:-2] + ',\n  "results": ['
    first = True
    for result in audit.results:
        body = _json(result).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + body
        first = False
    yield "]\n}" if first else "\n  ]\n}"


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


def write_audit_json(path: Path, audit: Audit, redact: Callable[[str], str] | None = None) -> None:
    """`audit.json` written as it is built, piece by piece (`audit_json_parts`), each piece
    cleaned by `redact`; via a temporary file, so a reader never sees half of it."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for part in audit_json_parts(audit):
            out.write(part if redact is None else redact(part))
        out.write("\n")
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
        if name == AUDIT_FILE:  # streamed: its results are never all in memory
            write_audit_json(directory / name, audit, redact)
        else:
            rendered[name] = render(audit) if redact is None else redact(render(audit))
            _write(directory / name, rendered[name])
        written.append(directory / name)
    append_step_summary(rendered[SUMMARY_FILE], env or {})
    return written
