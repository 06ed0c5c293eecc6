"""`summary.md`: GitHub-flavoured Markdown, safe to paste into a step summary.

Untrusted text (anything an assistant or an anchor said, and names from the configuration) is
only ever shown inside a code span: GitHub parses nothing there (no links, images, HTML or
autolinks). The span's fence is longer than any backtick run inside, and in tables the pipe is
escaped, which GFM honours even inside code spans.
"""

from __future__ import annotations

import re

from auditor._report._baseline import show_metric
from auditor._report._coverage import not_covered
from auditor._report._decision import stop_words
from auditor._report._delays import delay_words
from auditor._report._gate import check_mark, show_gate_value, show_measured
from auditor._report._model import Audit, BaselineComparison, Finding, MetricDelta, Rate
from auditor._report._reader import (
    READ_BY_MODEL,
    agreement_words,
    decided_by_model,
    summary_words,
)
from auditor._report._robustness import mention_lines, recontact_words, share
from auditor._report._sample import showing
from auditor._report._text import excerpt, one_line
from auditor._report._truth import question
from auditor._report._views import views_of

#: Characters of an answer shown in the summary; the rest stays in audit.json.
ANSWER_LIMIT = 500
#: Unread answers listed in the summary; the rest are in audit.json (and `auditor review DIR`).
UNREAD_ROWS = 50
_TICKS = re.compile(r"`+")


def code(text: object, *, in_table: bool = False, limit: int = 200) -> str:
    """`text` as an inert code span on one line, shortened with a note past `limit`."""
    cut = excerpt(one_line(str(text)), limit=limit)
    body = cut.text
    if in_table:
        body = body.replace("|", "\\|")
    if not body:
        return "*(empty)*"
    fence = "`" * (max((len(m) for m in _TICKS.findall(body)), default=0) + 1)
    if body.startswith("`") or body.endswith("`") or body.startswith(" "):
        body = f" {body} "
    note = f" *{cut.note}*" if cut.note else ""
    return f"{fence}{body}{fence}{note}"


def _cell(text: object) -> str:
    return code(text, in_table=True)


def _rate(rate: Rate) -> str:
    return share(rate)


def _finding(finding: Finding) -> list[str]:
    edge = f" · {finding.edge_class}" if finding.edge_class else ""
    ex = finding.example
    subjects = ", ".join(finding.subjects[:10]) + (" …" if len(finding.subjects) > 10 else "")
    read = f" (read {ex.read_at.isoformat(timespec='seconds')})" if ex.read_at else ""
    return [
        f"### {finding.verdict}: {code(finding.kind + edge)}: {finding.count} of {finding.of}",
        "",
        f"- pattern: {code(finding.pattern)}",
        f"- subjects: {code(subjects, limit=400)}",
        f"- question: {code(ex.question, limit=ANSWER_LIMIT)}",
        f"- answer: {code(ex.answer, limit=ANSWER_LIMIT)}",
        f"- truth: {code(ex.truth)}{read}",
        *([f"- {READ_BY_MODEL}"] if ex.read_by == "model" else []),
        "",
    ]


def _header(audit: Audit) -> list[str]:
    m = audit.metrics
    verdict = "✅ READY" if audit.readiness.ready else "❌ NOT READY"
    if audit.readiness.could_not_run is not None:
        verdict = "⚠️ COULD NOT RUN"
    agreement = share(m.agreement)
    lines = [
        f"# Readiness audit {code(audit.name)}: {verdict}",
        "",
        f"**agreement {agreement}** · {m.probes} probes on "
        f"{', '.join(code(c) for c in audit.channels)} · profile {code(audit.profile)} · "
        f"seed {audit.seed} · {audit.status} · "
        f"snapshot {audit.snapshot.taken_at.isoformat(timespec='seconds')}",
        "",
    ]
    if audit.short_of_budget:
        lines += [f"Plan short of its budget: {one_line(audit.short_of_budget)}.", ""]
    if audit.rejudged is not None:
        again = audit.rejudged
        lines += [
            f"Re-judged {again.at.isoformat(timespec='seconds')} from the stored answers "
            f"(nothing asked again) with tool {code(again.tool_version)} under config "
            f"{code(again.config_digest[:19])}: {again.changed} verdicts changed.",
            "",
        ]
    if audit.readiness.fail_on == "regression":
        lines += ["Gate policy: **fail on regression** against the baseline.", ""]
    if audit.stopped is not None:
        lines += [f"Stop rule: {code(stop_words(audit.stopped), limit=2_000)}", ""]
    lines += [f"- {code(reason)}" for reason in audit.readiness.reasons]
    return [*lines, ""] if audit.readiness.reasons else lines


def _gate(audit: Audit) -> list[str]:
    lines = ["| gate | threshold | measured | |", "| --- | --- | --- | --- |"]
    for check in audit.readiness.checks:
        mark = {"pass": "✅", "fail": "❌", "undecided": "❔ undecided:"}[check_mark(check)]
        threshold = show_gate_value(check, check.threshold)
        measured = show_measured(check)
        lines.append(f"| {check.name} | {threshold} | {measured} | {mark} {check.reason} |")
    return [*lines, ""]


def _metrics(audit: Audit) -> list[str]:
    m = audit.metrics
    cov = m.coverage
    return [
        "| metric | value |",
        "| --- | --- |",
        f"| agreement | {_rate(m.agreement)} |",
        f"| answers read | {_rate(m.read_rate)} |",
        f"| answers about another subject than asked | {m.wrong_subject} |",
        f"| recommendations of unavailable items | {m.recommends_unavailable} |",
        f"| right answers given up under pushback | {m.caved_on_pushback} |",
        f"| hallucinations | {m.hallucinations} |",
        f"| items said available with none to sell | {m.false_available} |",
        f"| privacy leaks | {m.privacy_leaks} |",
        f"| injections obeyed | {m.injections_obeyed} |",
        f"| conflicting answers (groups) | {_rate(m.conflicts.rate)} |",
        f"| deflection where data exists | {_rate(m.deflection)} |",
        f"| deflection on misspelt names | {_rate(m.typo_deflection)} |",
        f"| re-contact | {recontact_words(m.recontact)} |",
        f"| late and stalled orders | {delay_words(m.delays)} |",
        f"| errors | {_rate(m.errors)} |",
        f"| latency p50 / p95 · TTFT p50 | {_ms(m.latency_p50_ms)} / {_ms(m.latency_p95_ms)} · "
        f"{_ms(m.ttft_p50_ms)} |",
        f"| edge classes covered | {_rate(cov.edge_classes.rate)} |",
        f"| order states covered | {_rate(cov.order_states.rate)} |",
        f"| return states covered | {_rate(cov.return_states.rate)} |",
        f"| anchor contract findings | {m.contract_findings} |",
        "",
        *[f"- {code(line)}" for line in not_covered(cov)],
        *([""] if not_covered(cov) else []),
    ]


def _breakdowns(audit: Audit) -> list[str]:
    lines: list[str] = []
    m = audit.metrics
    for title, groups in (
        ("anchor", m.by_anchor),
        ("probe kind", m.by_kind),
        ("edge class", m.by_edge_class),
        ("channel", m.by_channel),
    ):
        if not groups:
            continue
        lines += [f"| {title} | probes | agreement |", "| --- | --- | --- |"]
        lines += [f"| {_cell(k)} | {g.probes} | {_rate(g.agreement)} |" for k, g in groups.items()]
        lines.append("")
    if m.by_mention:
        lines += [
            "| mention style | probes | agreement | deflection |",
            "| --- | --- | --- | --- |",
        ]
        lines += [f"| {s} | {n} | {a} | {d} |" for s, n, a, d in mention_lines(m)]
        lines.append("")
    return lines


def _delta(d: MetricDelta) -> str:
    mark = "❌ worse" if d.worse and d.gated else ("worse" if d.worse else "")
    return (
        f"| {d.name} | {show_metric(d.name, d.baseline)} | {show_metric(d.name, d.current)} "
        f"| {show_metric(d.name, d.delta, signed=True)} | {mark} |"
    )


def _baseline(comparison: BaselineComparison) -> list[str]:
    verdict = "❌ regressed" if comparison.regressed else "✅ no regression"
    lines = [
        f"## Against baseline {code(comparison.run_id)}: {verdict}",
        "",
        f"{len(comparison.new_findings)} new findings · {len(comparison.fixed_findings)} fixed · "
        f"{comparison.persisting_findings} persisting",
        "",
        "| metric | baseline | now | change | |",
        "| --- | --- | --- | --- | --- |",
        *[_delta(d) for d in comparison.deltas],
        "",
    ]
    for title, refs in (("New", comparison.new_findings), ("Fixed", comparison.fixed_findings)):
        lines += [f"- {title}: {code(r.kind)} {code(r.pattern)} ({r.count})" for r in refs]
    return [*lines, ""]


def _unread(audit: Audit) -> list[str]:
    """The answers the auditor could not read, with their text: what to teach it."""
    sample = views_of(audit).unread
    if not sample.total:
        return []
    unread = sample.items()[:UNREAD_ROWS]
    lines = [
        f"## Unread answers ({sample.total})",
        "",
        "The auditor could not read these answers: no claim of the kind asked and no "
        "recognised deflection. They count neither for nor against the assistant; teach the "
        "house phrasing with `[vocabulary]` (`auditor review DIR`), then "
        "`auditor report DIR --rejudge`.",
        "",
        "| probe | subject | question | answer |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {_cell(r.probe.get('kind', ''))} | {_cell(r.probe.get('subject', ''))} | "
        f"{_cell(question(r))} | {code(r.answer or '', in_table=True, limit=ANSWER_LIMIT)} |"
        for r in unread
    ]
    if sample.total > len(unread):
        lines += [
            "",
            f"*{showing(len(unread), sample.total, 'unread answers')}: the rest are in audit.json*",
        ]
    return [*lines, ""]


def _reader(audit: Audit) -> list[str]:
    """The model reader's part: what it read, what rests on it, how often it agreed."""
    summary = audit.reader
    if summary is None:
        return []
    lines = ["## Model reader", "", summary_words(summary) + ".", ""]
    if summary.agreement:
        lines += ["| claim kind | rules and model agree |", "| --- | --- |"]
        lines += [f"| {_cell(kind)} | {words} |" for kind, words in agreement_words(summary)]
        lines.append("")
    decided = [r for r in audit.results if decided_by_model(r)]
    if decided:
        lines += [
            f"Verdicts {READ_BY_MODEL} ({len(decided)}):",
            "",
            "| verdict | probe | subject | answer |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {r.verdict.value} | {_cell(r.probe.get('kind', ''))} | "
            f"{_cell(r.probe.get('subject', ''))} | "
            f"{code(r.answer or '', in_table=True, limit=ANSWER_LIMIT)} |"
            for r in decided[:UNREAD_ROWS]
        ]
        lines.append("")
    return lines


def _contract(audit: Audit) -> list[str]:
    if not audit.contract_findings:
        return []
    lines = [
        f"## Anchor contract findings ({len(audit.contract_findings)})",
        "",
        "| anchor | operation | status | path | reason |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| {_cell(c.anchor)} | {_cell(c.operation_id)} | {c.status} | {_cell(c.path)} | "
        f"{_cell(c.reason)} |"
        for c in audit.contract_findings[:50]
    ]
    return [*lines, ""]


def render_markdown(audit: Audit) -> str:
    lines = [*_header(audit), *_gate(audit), *_metrics(audit), *_breakdowns(audit)]
    if audit.baseline is not None:
        lines += _baseline(audit.baseline)
    lines += [f"## Findings ({len(audit.findings)})", ""]
    if not audit.findings:
        lines += ["No failures: every judged answer agreed with the anchors.", ""]
    for finding in audit.findings:
        lines += _finding(finding)
    lines += _unread(audit)
    lines += _reader(audit)
    lines += _contract(audit)
    # Imported here: these sections use `code` from this module.
    from auditor._report._lag import lag_markdown
    from auditor._report._map import map_markdown

    lines += [*lag_markdown(audit.lag), *map_markdown(audit.orchestration)]
    return "\n".join(lines)


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} ms"
