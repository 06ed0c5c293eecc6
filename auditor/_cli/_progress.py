"""Progress on the terminal: a rich bar on a TTY, plain lines elsewhere. Subscribes to events.

On a terminal: a live bar with done/total, the verdict counts and the rate. Not on a terminal
(CI logs): a plain line every few seconds and one at the end. With `quiet`: one line when the
audit starts and one when it ends. Either way the numbers come from a `Tally` of the events.
Unless quiet, the lag phase, which can wait minutes for a stale assistant, says when it starts
and prints a line per scenario as each finishes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from auditor._events import (
    AuditFinished,
    AuditStarted,
    Event,
    LagMeasured,
    LagStarted,
    ProbeFinished,
    Tally,
)
from auditor._verdict import Verdict

#: Seconds between plain progress lines.
PLAIN_EVERY_S = 5.0
#: Seconds between bar updates: rich redraws at 10 Hz, more would only cost CPU.
_BAR_EVERY_S = 0.1
_COLOURS = {
    Verdict.PASS: "green",
    Verdict.FAIL: "red",
    Verdict.UNANSWERED: "yellow",
    Verdict.UNREAD: "blue",
    Verdict.INDETERMINATE: "cyan",
    Verdict.ERROR: "magenta",
}


class ProgressDisplay:
    def __init__(
        self, console: Console, *, quiet: bool = False, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._console = console
        self._quiet = quiet
        self._clock = clock
        self.tally = Tally(clock)
        self._last = float("-inf")
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __call__(self, event: Event) -> None:
        self.tally(event)
        if isinstance(event, ProbeFinished):
            self._update()
        elif isinstance(event, AuditStarted):
            self._start(event)
        elif isinstance(event, LagStarted) and not self._quiet:
            self._console.print(
                f"measuring information lag: {event.scenarios} scenario(s), each waits up to "
                f"{event.deadline_s:g} s for the change to show",
                highlight=False,
            )
        elif isinstance(event, LagMeasured) and not self._quiet:
            self._console.print(_lag_line(event), highlight=False, markup=False)
        elif isinstance(event, AuditFinished):
            self.close()

    def _start(self, event: AuditStarted) -> None:
        self._last = self._clock()
        if event.short_of_budget:  # said even under --quiet: the audit is smaller than asked
            self._console.print(event.short_of_budget, highlight=False, markup=False)
        if self._console.is_terminal and not self._quiet:
            self._bar = Progress(
                TextColumn("[bold]auditing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[counts]}"),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=self._console,
                transient=False,
            )
            self._task = self._bar.add_task(
                "audit", total=event.total, completed=event.already_done, counts="", rate=""
            )
            self._bar.start()
            return
        resumed = f" ({event.already_done} already done)" if event.already_done else ""
        self._console.print(f"auditing {event.total} probes{resumed}", highlight=False)

    def summary(self, *, colour: bool = False) -> str:
        parts = []
        for verdict, style in _COLOURS.items():
            text = f"{verdict.value} {self.tally.count(verdict)}"
            parts.append(f"[{style}]{text}[/{style}]" if colour else text)
        return " · ".join(parts)

    def _update(self) -> None:
        now = self._clock()
        last = self.tally.done >= self.tally.total
        if self._bar is not None and self._task is not None:
            if now - self._last >= _BAR_EVERY_S or last:
                self._last = now
                self._bar.update(
                    self._task,
                    completed=self.tally.done,
                    counts=self.summary(colour=True),
                    rate=f"{self.tally.rate():.1f}/s",
                )
        elif not self._quiet and now - self._last >= PLAIN_EVERY_S:
            self._last = now
            self._line()

    def _line(self) -> None:
        t = self.tally
        self._console.print(
            f"{t.done}/{t.total} · {self.summary()} · {t.rate():.1f}/s", highlight=False
        )

    def close(self) -> None:
        """Stop the bar, or print the last plain line; safe to call more than once."""
        if self._bar is not None and self._task is not None:
            t = self.tally
            self._bar.update(
                self._task,
                completed=t.done,
                counts=self.summary(colour=True),
                rate=f"{t.rate():.1f}/s",
            )
            self._bar.stop()
            self._bar = None
        elif self._task is None and self._last != float("-inf"):
            self._line()
            self._last = float("-inf")


def _lag_line(event: LagMeasured) -> str:
    if event.status == "reflected" and event.lag_s is not None:
        outcome = f"shown after {event.lag_s:.2f} s"
    else:
        outcome = event.status.replace("_", " ") + (f": {event.reason}" if event.reason else "")
    return f"lag · {event.scenario}: {outcome}"
