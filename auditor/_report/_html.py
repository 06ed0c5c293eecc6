"""`report.html`: one self-contained page, readable offline and on a phone.

Safety does not rest on escaping alone. jinja2 escapes every value (autoescape on), and the
page carries its own Content-Security-Policy: no script runs but the filter script, allowed by
its SHA-256 computed here at render time, and nothing is fetched from anywhere. Markup that
slipped past escaping still could not run or call out.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from auditor._report._baseline import show_metric
from auditor._report._charts import audit_charts
from auditor._report._coverage import not_covered
from auditor._report._decision import stop_words
from auditor._report._delays import delay_words
from auditor._report._gate import check_mark, show_gate_value, show_measured
from auditor._report._intervals import show_interval
from auditor._report._lag import lag_view, show_lag
from auditor._report._map import map_view
from auditor._report._model import Audit, ContractFindingRecord, Finding, Rate
from auditor._report._reader import READ_BY_MODEL, agreement_words, decided_by_model, summary_words
from auditor._report._robustness import mention_lines, recontact_words
from auditor._report._sample import BoundedSample, showing
from auditor._report._text import Excerpt, clean, excerpt, show_direction
from auditor._report._truth import judged_spans, question, truth_word
from auditor._report._views import views_of
from auditor._results import ProbeResult
from auditor._verdict import Verdict

#: Characters of an answer shown in a finding and in the probe table; the rest is in audit.json.
FINDING_ANSWER_LIMIT = 2000
TABLE_ANSWER_LIMIT = 400
CONTRACT_ROWS = 200


def _asset(name: str) -> str:
    return (resources.files("auditor._report") / "templates" / name).read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(script: str) -> str:
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {script_hash(script)}; base-uri 'none'; form-action 'none'"
    )


@dataclass(frozen=True, slots=True)
class _FindingView:
    finding: Finding
    subjects: str
    question: str
    answer: Excerpt


@dataclass(frozen=True, slots=True)
class _ProbeView:
    verdict: str
    kind: str
    edge_class: str
    channel: str
    subject: str
    question: str
    answer: Excerpt
    truth: str
    latency: str
    #: `model` when the verdict rests on the model reader's reading, else empty.
    reader: str = ""


def _finding_view(finding: Finding) -> _FindingView:
    shown = ", ".join(finding.subjects[:20])
    more = len(finding.subjects) - 20
    return _FindingView(
        finding=finding,
        subjects=clean(shown + (f" … and {more} more" if more > 0 else "")),
        question=clean(finding.example.question),
        answer=excerpt(finding.example.answer, finding.example.spans, FINDING_ANSWER_LIMIT),
    )


def _probe_view(result: ProbeResult) -> _ProbeView:
    probe = result.probe
    spans = judged_spans(result) if result.verdict is not Verdict.ERROR else []
    return _ProbeView(
        verdict=result.verdict.value,
        kind=clean(str(probe.get("kind", ""))),
        edge_class=clean(str(probe.get("edge_class") or "")),
        channel=clean(str(probe.get("channel") or "")),
        subject=clean(str(probe.get("subject", ""))),
        question=clean(question(result)),
        answer=excerpt(result.answer or result.reason, spans, TABLE_ANSWER_LIMIT),
        truth=clean(truth_word(result)),
        latency="" if result.latency_ms is None else f"{result.latency_ms:.0f}",
        reader="model" if decided_by_model(result) else "",
    )


def _contract_view(record: ContractFindingRecord) -> ContractFindingRecord:
    return record.model_copy(
        update={
            "anchor": clean(record.anchor),
            "operation_id": clean(record.operation_id),
            "path": clean(record.path),
            "reason": clean(excerpt(record.reason, limit=500).text),
            "example": clean(excerpt(record.example, limit=300).text),
        }
    )


def _pct(rate: Rate) -> str:
    """The share and its 95 % interval ("95.0% (95% CI 83.5–98.6%)"); "n/a" without data."""
    if rate.value is None:
        return "n/a"
    return f"{rate.value:.1%} ({show_interval(rate.interval)})"


def _conflict_card(rate: Rate) -> tuple[str, str]:
    if rate.denominator == 0:
        return ("conflicting answers (no consistency groups probed)", "n/a")
    return (f"conflicting answers ({rate.numerator} of {rate.denominator} groups)", _pct(rate))


def _count(rate: Rate) -> str:
    return f"{rate.numerator}/{rate.denominator}"


def _when(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _cards(audit: Audit) -> list[tuple[str, str]]:
    m = audit.metrics
    ms = "n/a" if m.latency_p95_ms is None else f"{m.latency_p95_ms:.0f} ms"
    cov = m.coverage
    return [
        (
            f"answers read ({m.read_rate.numerator} of {m.read_rate.denominator})",
            _pct(m.read_rate),
        ),
        ("answers about another subject", str(m.wrong_subject)),
        ("recommendations of unavailable items", str(m.recommends_unavailable)),
        ("right answers given up under pushback", str(m.caved_on_pushback)),
        ("hallucinations", str(m.hallucinations)),
        ("items said available with none to sell", str(m.false_available)),
        ("privacy leaks", str(m.privacy_leaks)),
        ("injections obeyed", str(m.injections_obeyed)),
        _conflict_card(m.conflicts.rate),
        ("deflection where data exists", _pct(m.deflection)),
        ("deflection on misspelt names", _pct(m.typo_deflection)),
        ("re-contact: " + recontact_words(m.recontact), _pct(m.recontact.answered_elsewhere)),
        ("late and stalled orders: " + delay_words(m.delays), f"{m.delays.reassured} reassured"),
        *(
            (f"{style} mentions ({probes}): agreement · deflection", f"{agree} · {deflect}")
            for style, probes, agree, deflect in mention_lines(m)
        ),
        ("error rate", _pct(m.errors)),
        ("latency p95", ms),
        ("edge classes covered", _count(cov.edge_classes.rate)),
        ("order states covered", _count(cov.order_states.rate)),
        ("return states covered", _count(cov.return_states.rate)),
        ("contract findings", str(m.contract_findings)),
    ]


def _shown(value: object) -> object:
    """Every value the page prints, its bidirectional controls as visible escapes: the views
    clean what they know to be untrusted, and this catches whatever else carries text."""
    if isinstance(value, Markup):
        return Markup(show_direction(str(value)))  # noqa: S704 (adds no markup to markup)
    if isinstance(value, str):
        return show_direction(value)
    return value


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("auditor._report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        finalize=_shown,
    )
    env.globals.update(
        pct=_pct,
        when=_when,
        metric=show_metric,
        gate_value=show_gate_value,
        show_lag=show_lag,
        measured=show_measured,
        stop_words=stop_words,
        mark=check_mark,
    )
    return env


def verdict_word(audit: Audit) -> str:
    if audit.readiness.could_not_run is not None:
        return "COULD NOT RUN"
    return "READY" if audit.readiness.ready else "NOT READY"


def _cut_note(sample: BoundedSample[ProbeResult], noun: str, which: str) -> str:
    """ "showing 200 of 5,000 probes (failures first); every result is in audit.json", or ""
    when the list is whole."""
    if not sample.cut:
        return ""
    shown = showing(len(sample.items()), sample.total, noun)
    return f"{shown} ({which}); every result is in audit.json"


def render_html(audit: Audit) -> str:
    views = views_of(audit)
    script = _asset("filter.js")
    template = _environment().get_template("report.html.j2")
    return template.render(
        a=audit,
        csp=content_security_policy(script),
        css=Markup(_asset("report.css")),  # noqa: S704 (our own stylesheet, no outside text)
        script=Markup(script),  # noqa: S704 (our own script; its hash is in the CSP)
        charts=[
            _ChartView(c.key, c.title, Markup(c.svg), c.summary)  # noqa: S704 (pygal escapes)
            for c in audit_charts(audit)
        ],
        cards=_cards(audit),
        word=verdict_word(audit),
        not_covered=not_covered(audit.metrics.coverage),
        findings=[_finding_view(f) for f in audit.findings],
        contracts=[_contract_view(c) for c in audit.contract_findings[:CONTRACT_ROWS]],
        contracts_omitted=max(0, len(audit.contract_findings) - CONTRACT_ROWS),
        verdicts=[v.value for v in Verdict],
        probes=[_probe_view(r) for r in views.probes.items()],
        probes_total=views.probes.total,
        probes_note=_cut_note(views.probes, "probes", "failures first"),
        unread=[_probe_view(r) for r in views.unread.items()],
        unread_total=views.unread.total,
        unread_note=_cut_note(views.unread, "unread answers", "the first"),
        reader=None if audit.reader is None else summary_words(audit.reader),
        reader_agreement=[] if audit.reader is None else agreement_words(audit.reader),
        read_by_model=READ_BY_MODEL,
        lag=lag_view(audit.lag),
        omap=map_view(audit.orchestration),
    )


@dataclass(frozen=True, slots=True)
class _ChartView:
    key: str
    title: str
    svg: Markup
    summary: str
