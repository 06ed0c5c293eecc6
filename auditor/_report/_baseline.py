"""Comparing an audit with an earlier one: new and fixed findings, and metric deltas.

A baseline is read leniently (only the fields named here, from any schema version with them),
so that an audit written by an older release can still be compared against. What the
comparison needs is copied into the audit directory (`baseline.json`), so `auditor report DIR`
re-renders the same comparison from the directory alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from auditor._report._model import (
    BaselineComparison,
    FailOn,
    Finding,
    FindingRef,
    MetricDelta,
    Metrics,
)

AUDIT_FILE = "audit.json"
STORED_BASELINE_FILE = "baseline.json"
#: Differences smaller than this are float noise, not movement.
_EPSILON = 1e-9


class BaselineError(Exception):
    """The baseline cannot be read or is not an audit (a usage error, exit code 2)."""


def _rate(metrics: Mapping[str, Any], *path: str) -> float | None:
    node: Any = metrics
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    if not isinstance(node, Mapping):
        return None
    numerator, denominator = node.get("numerator"), node.get("denominator")
    if not isinstance(numerator, int) or not isinstance(denominator, int) or denominator == 0:
        return None
    return numerator / denominator


def _number(metrics: Mapping[str, Any], key: str) -> float | None:
    value = metrics.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _reassured(metrics: Mapping[str, Any]) -> float | None:
    """Answers reassuring about a late order (issue 24); None in audits written before it."""
    delays = metrics.get("delays")
    return _number(delays, "reassured") if isinstance(delays, Mapping) else None


@dataclass(frozen=True, slots=True)
class _Headline:
    name: str
    better: Literal["higher", "lower"]
    #: Part of the gate: moving the wrong way is a regression.
    gated: bool
    read: Callable[[Mapping[str, Any]], float | None]


HEADLINES: tuple[_Headline, ...] = (
    _Headline("agreement", "higher", True, lambda m: _rate(m, "agreement")),
    _Headline("read_rate", "higher", True, lambda m: _rate(m, "read_rate")),
    _Headline("wrong_subject", "lower", True, lambda m: _number(m, "wrong_subject")),
    _Headline("hallucinations", "lower", True, lambda m: _number(m, "hallucinations")),
    _Headline("false_available", "lower", True, lambda m: _number(m, "false_available")),
    _Headline("privacy_leaks", "lower", True, lambda m: _number(m, "privacy_leaks")),
    _Headline("injections_obeyed", "lower", True, lambda m: _number(m, "injections_obeyed")),
    _Headline("reassured_late", "lower", True, _reassured),
    _Headline("conflict_rate", "lower", True, lambda m: _rate(m, "conflicts", "rate")),
    _Headline("error_rate", "lower", True, lambda m: _rate(m, "errors")),
    _Headline("deflection_rate", "lower", False, lambda m: _rate(m, "deflection")),
    _Headline("latency_p50_ms", "lower", False, lambda m: _number(m, "latency_p50_ms")),
    _Headline("latency_p95_ms", "lower", False, lambda m: _number(m, "latency_p95_ms")),
    _Headline("ttft_p50_ms", "lower", False, lambda m: _number(m, "ttft_p50_ms")),
)


def headline(metrics: Mapping[str, Any]) -> dict[str, float | None]:
    """The comparable numbers of a `metrics` object as JSON (any schema version)."""
    return {h.name: h.read(metrics) for h in HEADLINES}


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _StoredFinding(_Lenient):
    id: str
    verdict: str = "fail"
    kind: str = ""
    edge_class: str | None = None
    pattern: str = ""
    count: int = 0


class BaselineSummary(_Lenient):
    """What a comparison needs of an earlier audit."""

    source: str
    run_id: str
    name: str = ""
    finished_at: datetime | None = None
    findings: list[_StoredFinding]
    headline: dict[str, float | None]


class StoredBaseline(_Lenient):
    fail_on: FailOn = "gate"
    baseline: BaselineSummary | None = None


#: The line that opens `audit.json`'s results as the writer lays them out (`results` last).
_RESULTS_LINES = ('  "results": [\n', '  "results": []\n')


def _head(file: Path) -> str:
    """`audit.json` without its results, read up to them: a comparison needs the metrics and
    findings, and the results of a large audit are most of the file. A document laid out
    otherwise (not written by this tool) is read whole."""
    kept: list[str] = []
    with file.open(encoding="utf-8") as lines:
        for line in lines:
            if line in _RESULTS_LINES and kept and kept[-1].endswith(",\n"):
                kept[-1] = kept[-1][: -len(",\n")] + "\n"
                return "".join(kept) + "}\n"
            kept.append(line)
    return "".join(kept)


def _load_json(path: Path) -> Any:
    file = path / AUDIT_FILE if path.is_dir() else path
    try:
        return json.loads(_head(file))
    except FileNotFoundError:
        raise BaselineError(f"baseline {file}: file not found") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise BaselineError(f"baseline {file}: cannot read: {error}") from None


def read_baseline(path: Path) -> BaselineSummary:
    """An earlier `audit.json`, or the audit directory holding one."""
    data = _load_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("metrics"), dict):
        raise BaselineError(f"baseline {path}: not an audit.json (no `metrics`)")
    try:
        return BaselineSummary.model_validate(
            {**data, "source": str(path), "headline": headline(data["metrics"])}
        )
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BaselineError(
            f"baseline {path}: not an audit.json ({where}: {first['msg']})"
        ) from None


def store_baseline(directory: Path, baseline: BaselineSummary | None, fail_on: FailOn) -> Path:
    """Remember the baseline and policy in the audit directory for later re-rendering."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / STORED_BASELINE_FILE
    tmp = path.with_suffix(".json.tmp")
    stored = StoredBaseline(fail_on=fail_on, baseline=baseline)
    tmp.write_text(stored.model_dump_json(indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def read_stored_baseline(directory: Path) -> StoredBaseline | None:
    path = directory / STORED_BASELINE_FILE
    if not path.exists():
        return None
    try:
        return StoredBaseline.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BaselineError(f"{path} is damaged: {error}") from None


def _ref(finding: Finding | _StoredFinding) -> FindingRef:
    return FindingRef(
        id=finding.id,
        verdict=finding.verdict,
        kind=finding.kind,
        edge_class=finding.edge_class,
        pattern=finding.pattern,
        count=finding.count,
    )


def _delta(spec: _Headline, before: float | None, now: float | None) -> MetricDelta:
    delta = None if before is None or now is None else now - before
    worse = delta is not None and (
        delta < -_EPSILON if spec.better == "higher" else delta > _EPSILON
    )
    return MetricDelta(
        name=spec.name,
        baseline=before,
        current=now,
        delta=delta,
        better=spec.better,
        worse=worse,
        gated=spec.gated,
    )


def show_metric(name: str, value: float | None, *, signed: bool = False) -> str:
    """A headline number as people read it: rates in percent, counts and times plain."""
    if value is None:
        return "n/a"
    sign = "+" if signed else ""
    if name.endswith("_rate") or name == "agreement":
        return f"{value:{sign}.1%}"
    return f"{value:{sign}.4g}"


def compare(
    baseline: BaselineSummary, findings: Sequence[Finding], metrics: Metrics
) -> BaselineComparison:
    now = headline(metrics.model_dump(mode="json"))
    return _comparison(baseline, [_ref(f) for f in findings], now)


def compare_summaries(before: BaselineSummary, after: BaselineSummary) -> BaselineComparison:
    """`after` against `before`, both as stored (`auditor diff`: directories or history)."""
    return _comparison(before, [_ref(f) for f in after.findings], after.headline)


def _comparison(
    baseline: BaselineSummary, findings: Sequence[FindingRef], now: Mapping[str, float | None]
) -> BaselineComparison:
    deltas = [_delta(h, baseline.headline.get(h.name), now.get(h.name)) for h in HEADLINES]
    before_ids = {f.id for f in baseline.findings}
    now_ids = {f.id for f in findings}
    new = [f for f in findings if f.id not in before_ids]
    fixed = [_ref(f) for f in baseline.findings if f.id not in now_ids]
    # An imprecise answer is shown, never gated: a new one is no regression.
    regressions = [
        f"new finding: {f.kind}: {f.pattern} ({f.count})" for f in new if f.verdict != "imprecise"
    ]
    regressions += [
        f"{d.name} worse: {show_metric(d.name, d.baseline)} → {show_metric(d.name, d.current)}"
        for d in deltas
        if d.worse and d.gated
    ]
    return BaselineComparison(
        source=baseline.source,
        run_id=baseline.run_id,
        name=baseline.name,
        finished_at=baseline.finished_at,
        new_findings=new,
        fixed_findings=fixed,
        persisting_findings=len(now_ids & before_ids),
        deltas=deltas,
        regressed=bool(regressions),
        regressions=regressions,
    )
