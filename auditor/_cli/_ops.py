"""What `run` and `merge` do around an audit for CI and schedules: profile, shard, history, notify.

Before: apply the profile (its defaults and safety), read the history database for the
production rotation and the report's trend, and choose the shard. After: record the audit in
the history database, send the webhook notification and push the metrics to the Pushgateway.
No step after the audit can change its exit code: a history, webhook or push failure is a
warning on stderr (and a note in meta.json).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape

from auditor._cli._app import EXIT_COULD_NOT_RUN, EXIT_NOT_READY, EXIT_READY, EXIT_USAGE
from auditor._config import HISTORY_FILE, AuditConfig
from auditor._events import Event, Handler, ProbeFinished
from auditor._profiles import apply_profile, production_scope
from auditor._report._text import terminal_safe
from auditor._shards import Shard, ShardError
from auditor._store import META_FILE, read_meta, write_json

if TYPE_CHECKING:
    # What runs after the audit (history, reports, notification, push) is imported there:
    # none of it is needed before the first question (tests/e2e/test_launch_imports.py).
    from auditor._probes import ScopeFactory
    from auditor._report import Audit

#: Earlier production runs the rotation looks back over, at most.
ROTATION_LOOKBACK = 1000
_ANSWER_SHOWN = 160


@dataclass(frozen=True, slots=True)
class OpsPlan:
    """The audit as the profile, the shard and the history shape it."""

    config: AuditConfig
    history: Path | None
    shard: Shard | None = None
    scope: ScopeFactory | None = None
    handlers: tuple[Handler, ...] = ()


def warn(console: Console, message: str) -> None:
    console.print(f"[bold yellow]warning:[/bold yellow] {escape(message)}", highlight=False)


def history_path(config: AuditConfig, enabled: bool, base_dir: Path) -> Path | None:
    """The history database, or None without one: one per project, so that trends span every
    audit whatever its `--out`. `base_dir` is the configuration file's folder: the database is
    `history.sqlite` there, or `[history] path` (relative to it)."""
    if not enabled or not config.history.enabled:
        return None
    return base_dir / (config.history.path or HISTORY_FILE)


class ProbeLines:
    """`explore`: one line per finished probe, question and answer beside the verdict."""

    def __init__(self, console: Console) -> None:
        self._console = console

    def __call__(self, event: Event) -> None:
        if not isinstance(event, ProbeFinished):
            return
        result = event.result
        question = " / ".join(str(t) for t in result.probe.get("turns", []))
        answer = (result.answer or result.reason).replace("\n", " ")
        if len(answer) > _ANSWER_SHOWN:
            answer = answer[:_ANSWER_SHOWN] + "…"
        self._console.print(
            f"[b]{result.verdict.value:>13}[/b] {escape(terminal_safe(str(result.probe['kind'])))}"
            f" · {escape(terminal_safe(question))} → {escape(terminal_safe(answer))}",
            highlight=False,
        )


def _recent(
    console: Console, config: AuditConfig, path: Path | None
) -> list[dict[str, frozenset[str]]]:
    if path is None or not path.exists() or not config.production.rotate:
        return []
    from auditor._history import HistoryError, read_history

    try:
        with read_history(path) as db:
            return db.probed(name=config.audit.name, profile="production", limit=ROTATION_LOOKBACK)
    except HistoryError as error:
        warn(console, f"the rotation starts afresh: {error}")
        return []


def store_trend(
    console: Console,
    config: AuditConfig,
    directory: Path,
    path: Path | None,
    *,
    exclude: str | None = None,
) -> None:
    """The earlier audits' trend points, into the directory (none without a history)."""
    if path is None or config.history.trend == 0:
        return
    from auditor._history._trend import write_trend

    points = []
    if path.exists():
        from auditor._history import HistoryError, read_history

        try:
            with read_history(path) as db:
                points = db.trend(
                    name=config.audit.name,
                    profile=config.audit.profile,
                    limit=config.history.trend - 1,
                    exclude=exclude,
                )
        except HistoryError as error:
            warn(console, f"no trend in the report: {error}")
    write_trend(directory, points)


def prepare_run(
    console: Console,
    config: AuditConfig,
    directory: Path,
    *,
    shard: str | None,
    history: bool,
    resume: bool,
    base_dir: Path,
) -> OpsPlan:
    """Profile, shard, rotation and trend for `auditor run`; a bad `--shard` exits with 2.

    `base_dir` is the configuration file's folder, where the history database lives."""
    try:
        chosen = None if shard is None else Shard.parse(shard)
    except ShardError as error:
        console.print(f"[bold red]error:[/bold red] {escape(str(error))}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    profiled = apply_profile(config)
    config = profiled.config
    for note in profiled.notes:
        console.print(f"note: {escape(note)}", highlight=False)
    path = history_path(config, history, base_dir)
    scope = None
    if config.audit.profile == "production":
        scope = production_scope(config, _recent(console, config, path))
    if chosen is not None:
        console.print(f"shard {chosen}: history and notifications are left to `auditor merge`")
        if config.lag is not None:
            # Its changes to the shop's data would land while the other shards are asking.
            config = config.model_copy(update={"lag": None})
            console.print("note: lag scenarios skipped in a shard: run them in an unsharded audit")
    elif not resume:
        store_trend(console, config, directory, path)
    handlers: tuple[Handler, ...] = (ProbeLines(console),) if profiled.verbose else ()
    return OpsPlan(config, path, chosen, scope, handlers)


def _read_audit(directory: Path) -> Audit | None:
    from pydantic import ValidationError

    from auditor._report import Audit
    from auditor._report._write import AUDIT_FILE

    try:
        return Audit.model_validate_json((directory / AUDIT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValidationError):
        return None


def _add_note(directory: Path, note: str) -> None:
    meta = read_meta(directory)
    meta["notes"] = [*meta.get("notes", []), note]
    write_json(directory / META_FILE, meta)


def after_audit(
    console: Console,
    config: AuditConfig,
    directory: Path,
    *,
    history: Path | None,
    env: Mapping[str, str],
) -> None:
    """Record the audit in the history database and notify; warnings only, never a failure."""
    from auditor._history import HistoryError, open_history
    from auditor._notify import Earlier, notify
    from auditor._report._write import AUDIT_FILE, HTML_FILE

    audit = _read_audit(directory)
    if audit is None:
        warn(console, f"{directory} holds no readable {AUDIT_FILE}: not recorded")
        return
    earlier = None
    if history is not None:
        try:
            with open_history(history) as db:
                before = db.entries(
                    name=audit.name, profile=audit.profile, limit=1, exclude=audit.run_id
                )
                db.record(audit, directory)
            if before:
                earlier = Earlier(
                    before[0].run_id, before[0].ready, frozenset(before[0].finding_ids)
                )
        except HistoryError as error:
            warn(console, f"the audit was not recorded in the history: {error}")
    delivery = notify(
        audit, earlier, config.notify, report=(directory / HTML_FILE).resolve(), env=env
    )
    if delivery is not None and not delivery.delivered:
        note = f"notification not sent: {delivery.problem}"
        warn(console, note)
        _add_note(directory, note)
    elif delivery is not None:
        console.print(
            f"notification sent ({delivery.attempts} attempt"
            f"{'s' if delivery.attempts != 1 else ''})"
        )
    push_after(console, config, audit, directory, env)


def push_after(
    console: Console, config: AuditConfig, audit: Audit, directory: Path, env: Mapping[str, str]
) -> None:
    """Push the metrics to `[notify] pushgateway`; a failure is a warning and a note only."""
    from auditor._push import push_metrics

    pushed = push_metrics(audit, config.notify, env)
    if pushed is not None and not pushed.pushed:
        note = f"metrics not pushed: {pushed.problem}"
        warn(console, note)
        _add_note(directory, note)
    elif pushed is not None:
        console.print(f"metrics pushed to the Pushgateway ({pushed.groups} groups)")


def conclude_run(
    console: Console, plan: OpsPlan, directory: Path, code: int, *, env: Mapping[str, str]
) -> int:
    """After `auditor run`: record and notify a finished, unsharded audit; the code is kept."""
    if code in (EXIT_READY, EXIT_NOT_READY) and plan.shard is None:
        after_audit(console, plan.config, directory, history=plan.history, env=env)
    elif code == EXIT_COULD_NOT_RUN and plan.shard is None:
        # Not recorded nor notified, but pushed: an alert on `auditor_could_not_run` needs it.
        audit = _read_audit(directory)
        if audit is not None:
            push_after(console, plan.config, audit, directory, env)
    return code
