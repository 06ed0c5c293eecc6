"""`auditor replay DIR`: ask an audit's minimal failing cases again and say which are fixed."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from contextlib import AsyncExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from auditor._cli._app import (
    EXIT_COULD_NOT_RUN,
    EXIT_NOT_READY,
    EXIT_READY,
    EXIT_USAGE,
    app,
)
from auditor._cli._run import fail

if TYPE_CHECKING:
    from auditor._config import AuditConfig
    from auditor._shrink import MinimalCase, ReplayedCase, ReplayReport

_EXIT = {"fixed": EXIT_READY, "failing": EXIT_NOT_READY, "could not run": EXIT_COULD_NOT_RUN}
_STYLE = {"fixed": "green", "still failing": "red", "not fixed": "red", "error": "yellow"}


def _stored(console: Console, directory: Path) -> tuple[dict[str, Any], list[MinimalCase]]:
    from auditor._shrink import read_minimal
    from auditor._store import AuditDirError, read_meta

    try:
        meta = read_meta(directory)
        cases = read_minimal(directory)
    except AuditDirError as error:
        raise fail(console, escape(str(error)), EXIT_USAGE) from None
    except ValueError as error:
        raise fail(
            console, escape(f"{directory}: damaged minimal cases: {error}"), EXIT_USAGE
        ) from None
    if cases is None:
        raise fail(
            console,
            f"{escape(str(directory))} holds no minimal cases: the audit ran "
            "without a shrink phase (shrink_budget = 0, or an older auditor)",
            EXIT_USAGE,
        )
    return meta, cases


def audit_config(
    console: Console, directory: Path, meta: Mapping[str, Any], path: Path | None
) -> tuple[AuditConfig, Path]:
    """The `-c` file when given, else the configuration the audit stored in its meta.json."""
    from auditor._config import ConfigError, load_config, parse_config
    from auditor._store import META_FILE

    try:
        if path is not None:
            return load_config(path), path.resolve().parent
        if "config" not in meta:
            raise fail(
                console,
                f"{META_FILE} of {escape(str(directory))} holds no configuration: pass one with -c",
                EXIT_USAGE,
            )
        stored = parse_config(meta["config"], source=str(directory / META_FILE))
        return stored, Path(str(meta.get("base_dir") or directory))
    except ConfigError as error:
        for problem in error.problems:
            console.print(
                f"[bold red]error:[/bold red] {escape(error.source)}: {escape(problem)}",
                highlight=False,
            )
        raise typer.Exit(EXIT_USAGE) from None


async def _replay(
    config: AuditConfig, base_dir: Path, env: Mapping[str, str], cases: Sequence[MinimalCase]
) -> list[ReplayedCase]:
    """The audit's wiring, minus plan and runner: fresh truth, the same judge."""
    from auditor._adapters import AdapterSettings
    from auditor._anchors import AnchorError, open_anchors
    from auditor._audit import AuditCouldNotRun, _extractor, _open_assistants, _take_snapshot
    from auditor._customers import customer_auth, identities
    from auditor._redact import Redactor
    from auditor._runner import ProbeJudge, RateLimiter, RunSettings
    from auditor._shrink import replay_cases

    audit = config.audit
    settings = AdapterSettings(
        timeout_s=audit.timeout_s,
        retries=audit.retries,
        max_answer_bytes=audit.max_answer_bytes,
        max_connections=audit.concurrency,
        env=env,
        identities=identities(config.customers),
    )
    run_settings = RunSettings(
        concurrency=audit.concurrency, timeout_s=audit.timeout_s, rate_limit=audit.rate_limit
    )
    async with AsyncExitStack() as stack:
        try:
            anchors = await stack.enter_async_context(
                open_anchors(
                    config.anchors,
                    read_only=audit.profile == "production",
                    env=env,
                    base_dir=base_dir,
                    customers=customer_auth(config.customers),
                    redact=Redactor.from_config(config, env).text,
                )
            )
        except AnchorError as error:
            raise AuditCouldNotRun(f"anchors: {error}") from None
        snapshot = await _take_snapshot(anchors)
        assistants = await _open_assistants(config, settings, stack)
        judge = ProbeJudge(
            snapshot,
            anchors,
            assistants,
            _extractor(snapshot, config.extraction_vocabulary()),
            run_settings,
            RateLimiter(audit.rate_limit),
        )
        return await replay_cases(cases, judge, assistants)


def _safe(text: str) -> Text:
    from auditor._report import terminal_safe

    return Text(terminal_safe(text))


def _print(console: Console, report: ReplayReport) -> None:
    table = Table("case", "then", "now", "result", show_lines=True)
    for case in report.cases:
        now = case.now
        table.add_row(
            Text("\n").join(
                [_safe(f"{case.kind} · {case.edge_class or '-'}"), _safe(case.question)]
            ),
            _safe(case.pattern),
            _safe(f"{now.verdict.value}: {now.reason}"),
            Text(
                case.status + (" (truth changed)" if case.truth_changed else ""),
                style=_STYLE[case.status],
            ),
        )
    if report.cases:
        console.print(table)
    counts = report.counts
    console.print(
        f"{len(report.cases)} minimal cases · "
        + " · ".join(f"{status} {counts[status]}" for status in _STYLE if counts[status]),
        highlight=False,
    )


@app.command()
def replay(
    directory: Annotated[Path, typer.Argument(help="an audit's directory")],
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            help="replay against this configuration (e.g. a fixed staging "
            "assistant) instead of the audit's own",
        ),
    ] = None,
) -> None:
    """Ask an audit's minimal failing cases again: exit 0 when all are fixed, 1 when any still
    fails, 2 usage, 3 could not run."""
    import asyncio

    from auditor._audit import AuditCouldNotRun
    from auditor._shrink import ReplayReport
    from auditor._store import REPLAY_FILE, write_json

    console = Console(stderr=True)
    meta, cases = _stored(console, directory)
    loaded, base_dir = audit_config(console, directory, meta, config)
    try:
        # No failing bucket, nothing to ask: the anchors and the assistant are left alone.
        replayed = asyncio.run(_replay(loaded, base_dir, dict(os.environ), cases)) if cases else []
    except AuditCouldNotRun as error:
        raise fail(
            console, escape(f"the replay could not run: {error}"), EXIT_COULD_NOT_RUN
        ) from None
    report = ReplayReport(
        run_id=str(meta.get("run_id", directory.name)),
        replayed_at=datetime.now(UTC),
        cases=replayed,
    )
    write_json(directory / REPLAY_FILE, report.model_dump(mode="json"))
    _print(Console(), report)
    raise typer.Exit(_EXIT[report.outcome])
