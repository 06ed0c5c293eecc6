"""Progress on the terminal: a rich bar on a TTY, plain lines elsewhere. Subscribes to events."""

from __future__ import annotations

import time
from collections import Counter

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from auditor._events import AuditFinished, AuditStarted, Event, ProbeFinished

_PLAIN_EVERY_S = 5.0


class ProgressDisplay:
    def __init__(self, console: Console, *, quiet: bool = False) -> None:
        self._console = console
        self._quiet = quiet
        self._counts: Counter[str] = Counter()
        self._total = 0
        self._done = 0
        self._started = time.monotonic()
        self._last_line = 0.0
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __call__(self, event: Event) -> None:
        if isinstance(event, AuditStarted):
            self._start(event)
        elif isinstance(event, ProbeFinished):
            self._done += 1
            self._counts[event.result.verdict.value] += 1
            self._update()
        elif isinstance(event, AuditFinished):
            self.close()

    def _start(self, event: AuditStarted) -> None:
        self._total = event.total
        self._done = event.already_done
        self._started = time.monotonic()
        if self._quiet:
            return
        if self._console.is_terminal:
            self._bar = Progress(
                TextColumn("[bold]auditing"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[counts]}"), TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(), console=self._console, transient=False,
            )
            self._task = self._bar.add_task("audit", total=self._total, completed=self._done,
                                            counts="", rate="")
            self._bar.start()
        else:
            resumed = f" ({event.already_done} already done)" if event.already_done else ""
            self._console.print(f"auditing {event.total} probes{resumed}")

    def _summary(self) -> str:
        c = self._counts
        return (f"pass {c['pass']} · fail {c['fail']} · unanswered {c['unanswered']} · "
                f"indeterminate {c['indeterminate']} · error {c['error']}")

    def _update(self) -> None:
        if self._quiet:
            return
        elapsed = max(time.monotonic() - self._started, 1e-6)
        rate = f"{sum(self._counts.values()) / elapsed:.1f}/s"
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self._done, counts=self._summary(), rate=rate)
        elif time.monotonic() - self._last_line >= _PLAIN_EVERY_S or self._done == self._total:
            self._last_line = time.monotonic()
            self._console.print(f"{self._done}/{self._total} · {self._summary()} · {rate}")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
