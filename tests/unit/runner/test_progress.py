"""Progress: plain lines off a terminal (and with `quiet`), a live bar on one; a live tally."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from rich.console import Console

from auditor._cli._progress import PLAIN_EVERY_S, ProgressDisplay
from auditor._events import (
    AuditFinished,
    AuditStarted,
    LagMeasured,
    LagStarted,
    ProbeFinished,
    ProbeStarted,
    Tally,
)
from auditor._probes import Probe
from auditor._results import ProbeResult
from auditor._verdict import Verdict

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
PROBE = Probe(kind="stock.availability", subject="KT-0001", fact_kind="stock", turns=("?",))


def finished(verdict: Verdict) -> ProbeFinished:
    return ProbeFinished(
        ProbeResult(
            probe=PROBE.to_json(), verdict=verdict, reason="r", started_at=NOW, finished_at=NOW
        )
    )


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def feed(display, clock: Clock, verdicts: list[Verdict], every_s: float) -> None:
    display(AuditStarted(total=len(verdicts) + 2, already_done=2))
    for verdict in verdicts:
        clock.now += every_s
        display(ProbeStarted(PROBE))
        display(finished(verdict))
    display(AuditFinished(interrupted=False))


def test_plain_lines_off_a_terminal_every_few_seconds_and_at_the_end():
    out, clock = io.StringIO(), Clock()
    display = ProgressDisplay(Console(file=out, force_terminal=False, width=200), clock=clock)
    verdicts = [Verdict.PASS] * 7 + [Verdict.FAIL, Verdict.ERROR]
    feed(display, clock, verdicts, PLAIN_EVERY_S / 2)
    lines = out.getvalue().splitlines()
    assert lines[0] == "auditing 11 probes (2 already done)"
    assert len(lines) == 1 + len(verdicts) // 2 + 1
    assert lines[-1] == (
        "11/11 · pass 7 · fail 1 · unanswered 0 · unread 0 · indeterminate 0 · error 1 "
        f"· {9 / (9 * PLAIN_EVERY_S / 2):.1f}/s"
    )


def test_quiet_prints_the_start_and_the_end_only():
    out, clock = io.StringIO(), Clock()
    display = ProgressDisplay(
        Console(file=out, force_terminal=True, width=200), quiet=True, clock=clock
    )
    feed(display, clock, [Verdict.PASS] * 20, PLAIN_EVERY_S)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and lines[1].startswith("22/22 · pass 20 · fail 0")


def test_on_a_terminal_a_bar_shows_done_total_counts_and_rate():
    out, clock = io.StringIO(), Clock()
    console = Console(file=out, force_terminal=True, width=160, color_system=None)
    display = ProgressDisplay(console, clock=clock)
    feed(display, clock, [Verdict.PASS, Verdict.UNANSWERED], 1.0)
    text = out.getvalue()
    assert "auditing" in text and "4/4" in text
    assert "pass 1 · fail 0 · unanswered 1 · unread 0 · indeterminate 0 · error 0" in text
    assert "1.0/s" in text


def test_the_tally_counts_this_run_and_the_earlier_one():
    clock = Clock()
    tally = Tally(clock)
    tally(AuditStarted(total=10, already_done=4))
    tally(ProbeStarted(PROBE))
    tally(ProbeStarted(PROBE))
    tally(finished(Verdict.FAIL))
    clock.now += 2
    assert (tally.done, tally.finished, tally.in_flight) == (5, 1, 1)
    assert tally.count(Verdict.FAIL) == 1 and tally.rate() == 0.5
    tally(AuditFinished(interrupted=True))
    assert tally.interrupted is True


def test_a_resumed_runs_summary_counts_the_whole_audit():
    out, clock = io.StringIO(), Clock()
    display = ProgressDisplay(
        Console(file=out, force_terminal=False, width=200), quiet=True, clock=clock
    )
    earlier = {Verdict.PASS: 5, Verdict.FAIL: 1}
    display(AuditStarted(total=9, already_done=6, earlier=earlier))
    for verdict in (Verdict.PASS, Verdict.PASS, Verdict.ERROR):
        clock.now += 1
        display(ProbeStarted(PROBE))
        display(finished(verdict))
    display(AuditFinished(interrupted=False))
    first, last = out.getvalue().splitlines()
    assert first == "auditing 9 probes (6 already done)"
    # The counts add up to the whole audit; the rate is this run's own.
    assert (
        last
        == "9/9 · pass 7 · fail 1 · unanswered 0 · unread 0 · indeterminate 0 · error 1 · 1.0/s"
    )


def test_the_lag_phase_says_it_started_and_each_scenario_as_it_ends_unless_quiet():
    lag = [
        LagStarted(scenarios=2, deadline_s=60),
        LagMeasured("stock_out", "reflected", 0.14, ""),
        LagMeasured("refund_issued", "not_reflected", None, "[b]not shown[/b] within 60 s"),
    ]
    start = "measuring information lag: 2 scenario(s), each waits up to 60 s for the change to show"
    scenarios = [
        "lag · stock_out: shown after 0.14 s",
        "lag · refund_issued: not reflected: [b]not shown[/b] within 60 s",
    ]
    for quiet, expected in [(False, [start, *scenarios]), (True, [])]:
        out = io.StringIO()
        display = ProgressDisplay(Console(file=out, force_terminal=False, width=200), quiet=quiet)
        for event in lag:
            display(event)
        assert out.getvalue().splitlines() == expected


def test_unread_answers_have_a_colour_and_a_count():
    out, clock = io.StringIO(), Clock()
    console = Console(file=out, force_terminal=True, width=160, color_system="standard")
    display = ProgressDisplay(console, clock=clock)
    feed(display, clock, [Verdict.UNREAD, Verdict.UNREAD], 1.0)
    assert "unread 2" in display.summary()
    assert "[blue]unread 2[/blue]" in display.summary(colour=True)


def test_a_plan_short_of_its_budget_is_said_first_even_when_quiet():
    why = "budget 10,000, planned 6,874: the shop's data supports at most 6,874 distinct probes"
    out = io.StringIO()
    display = ProgressDisplay(Console(file=out, force_terminal=False, width=200), quiet=True)
    display(AuditStarted(total=6_874, already_done=0, short_of_budget=why))
    assert out.getvalue().splitlines()[0] == why
