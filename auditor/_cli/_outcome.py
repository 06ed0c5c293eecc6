"""Printing an audit's outcome and turning it into the gate's exit code."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape

from auditor._cli._app import EXIT_COULD_NOT_RUN, EXIT_NOT_READY, EXIT_READY
from auditor._report import Audit, terminal_safe
from auditor._report._coverage import not_covered
from auditor._report._decision import stop_words
from auditor._report._delays import delay_words
from auditor._report._lag import lag_lines
from auditor._report._robustness import mention_lines, recontact_words, share


def _safe(text: str) -> str:
    """Untrusted text for the terminal: no control sequences, no rich markup."""
    return escape(terminal_safe(text))


def _print_details(console: Console, audit: Audit) -> None:
    """Robustness, findings, lag and what went uncovered: the lines under the tally."""
    m = audit.metrics
    if m.by_mention:
        console.print(
            "  by mention: "
            + " · ".join(
                f"{style} agreement {agree}, deflection {deflect}"
                for style, _, agree, deflect in mention_lines(m)
            )
        )
    if m.recontact.groups:
        console.print(f"  re-contact: {recontact_words(m.recontact)}")
    if m.delays.answers:
        console.print(f"  delays: {delay_words(m.delays)}")
    for finding in audit.findings:
        subjects = ", ".join(finding.subjects[:8]) + (" …" if len(finding.subjects) > 8 else "")
        console.print(
            f"  [red]✗[/red] {_safe(finding.kind)}"
            f"{' · ' + _safe(finding.edge_class) if finding.edge_class else ''}: "
            f"{_safe(finding.pattern)}: {finding.count} of {finding.of} ({_safe(subjects)})"
        )
    for line in lag_lines(audit.lag):
        console.print(_safe(line), highlight=False)
    for line in not_covered(audit.metrics.coverage):
        console.print(f"  [yellow]{_safe(line)}[/yellow]")


def print_outcome(console: Console, audit: Audit, directory: Path) -> int:
    m = audit.metrics
    console.print(
        f"{m.probes} probes · agreement {share(m.agreement)} · read {share(m.read_rate)} · "
        + " · ".join(f"{k} {v}" for k, v in sorted(m.verdicts.items()))
    )
    _print_details(console, audit)
    if audit.stopped is not None:
        console.print(f"  {_safe(stop_words(audit.stopped))}", highlight=False)
    for check in audit.readiness.checks:
        if not check.passed:
            console.print(f"  [red]gate {escape(check.name)}[/red]: {escape(check.reason)}")
    if audit.baseline is not None:
        b = audit.baseline
        console.print(
            f"against baseline {_safe(b.run_id)}: {len(b.new_findings)} new findings · "
            f"{len(b.fixed_findings)} fixed · "
            + ("[red]regressed[/red]" if b.regressed else "no regression")
        )
    if audit.readiness.fail_on == "regression":
        for reason in audit.readiness.reasons:
            console.print(f"  [red]{_safe(reason)}[/red]")
    if audit.readiness.could_not_run is not None:
        console.print(
            f"[bold red]COULD NOT RUN[/bold red]: {_safe(audit.readiness.could_not_run)} · "
            f"reports in {directory}"
        )
        return EXIT_COULD_NOT_RUN
    failing = sum(1 for check in audit.readiness.checks if not check.passed)
    if audit.readiness.ready and audit.readiness.fail_on == "regression" and failing:
        # Never READY under failing gate lines without the reason the exit code is 0.
        console.print(
            f"READY under --fail-on regression: no regression against the baseline; the "
            f"{failing} failing gate check{'s' if failing != 1 else ''} above "
            f"{'are' if failing != 1 else 'is'} reported, not gated"
        )
    if audit.readiness.ready:
        console.print(f"[bold green]READY[/bold green] · reports in {directory}")
        return EXIT_READY
    console.print(f"[bold red]NOT READY[/bold red] · reports in {directory}")
    return EXIT_NOT_READY
