"""`auditor run` and `auditor report`."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from auditor._cli._app import EXIT_COULD_NOT_RUN, EXIT_USAGE, app
from auditor._cli._tap import tapping
from auditor._cli._traces import tracing_for
from auditor._cli._validate import check_before_requests
from auditor._names import FailOn, Profile, StopRule

if TYPE_CHECKING:
    from auditor._cli._ops import OpsPlan
    from auditor._config import AuditConfig
    from auditor._report import Audit
    from auditor._traces import AuditTracing

EXIT_INTERRUPTED = 130


def fail(console: Console, message: str, code: int) -> typer.Exit:
    console.print(f"[bold red]error:[/bold red] {message}", markup=True, highlight=False)
    return typer.Exit(code)


def _override(config: AuditConfig, **changes: object) -> AuditConfig:
    audit = config.audit.model_copy(update={k: v for k, v in changes.items() if v is not None})
    return config.model_copy(update={"audit": audit})


def _consoles(config: AuditConfig, env: dict[str, str]) -> tuple[Console, Console]:
    """stderr and stdout consoles that never print a value of the configuration's secrets."""
    import sys

    from auditor._cli._redacted import RedactedStream
    from auditor._redact import Redactor

    redactor = Redactor.from_config(config, env)
    if not redactor:
        return Console(stderr=True), Console()
    return (
        Console(stderr=True, file=RedactedStream(sys.stderr, redactor.text)),  # type: ignore[arg-type]
        Console(file=RedactedStream(sys.stdout, redactor.text)),  # type: ignore[arg-type]
    )


def execute(
    config: AuditConfig,
    directory: Path,
    *,
    base_dir: Path,
    env: dict[str, str],
    resume: bool,
    quiet: bool,
    ops: OpsPlan | None = None,
    tracing: AuditTracing | None = None,
) -> int:
    """Run one audit with progress on stderr; returns the exit code. Shared with `demo`.

    `ops` carries what the profile, `--shard` and the history add (`_ops.prepare_run`);
    `tracing` the receiver and span export of `--traces` (`_cli/_traces.py`).
    """
    import asyncio

    from auditor._audit import AuditCouldNotRun, AuditOptions, run_audit
    from auditor._cli._progress import ProgressDisplay
    from auditor._config import ConfigError
    from auditor._probes import SuiteError
    from auditor._store import AuditDirError

    console, out = _consoles(config, env)
    options = AuditOptions(
        directory=directory,
        env=env,
        base_dir=base_dir,
        resume=resume,
        handlers=[ProgressDisplay(console, quiet=quiet), *(ops.handlers if ops else ())],
        scope=ops.scope if ops else None,
        shard=ops.shard if ops else None,
        tracing=tracing,
    )
    try:
        with _terminate_as_interrupt():
            outcome = asyncio.run(run_audit(config, options))
    except AuditCouldNotRun as error:
        message = escape(f"the audit could not run: {error}")
        raise fail(console, message, EXIT_COULD_NOT_RUN) from None
    except (SuiteError, AuditDirError, ConfigError) as error:
        raise fail(console, escape(str(error)), EXIT_USAGE) from None
    except KeyboardInterrupt:
        console.print(f"interrupted: results so far and a partial report are in {directory}")
        console.print(f"finish it with: auditor run --resume {directory} -c <config>")
        return EXIT_INTERRUPTED
    from auditor._cli._outcome import print_outcome  # the report's words: after the audit

    return print_outcome(out, outcome.audit, outcome.directory)


def _check_shard(console: Console, shard: str | None) -> None:
    from auditor._shards import Shard, ShardError

    try:
        None if shard is None else Shard.parse(shard)
    except ShardError as error:
        raise fail(console, escape(str(error)), EXIT_USAGE) from None


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (a cancelled CI job, `kill`, a scheduler's timeout) ends the audit as Ctrl-C
    does: finished results kept, a partial report, the resume hint, exit 130. The handler
    passes it on to whatever handles SIGINT then (asyncio's runner cancels the audit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        handler = signal.getsignal(signal.SIGINT)
        if callable(handler):
            handler(signal.SIGINT, frame)
        else:
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


BaselineOption = Annotated[
    Path | None, typer.Option(help="an earlier audit.json (or its directory) to compare with")
]
FailOnOption = Annotated[
    FailOn,
    typer.Option(
        help="gate: not ready when a threshold fails; regression: only when worse than --baseline"
    ),
]


def _set_baseline(
    console: Console, directory: Path, baseline: Path | None, fail_on: FailOn
) -> None:
    """Keep the baseline and policy in the audit directory, so re-rendering shows the same."""
    if baseline is None and fail_on == "gate":
        return  # nothing asked; a resumed or re-rendered audit keeps what it had
    from auditor._report import BaselineError, read_baseline, read_stored_baseline, store_baseline

    try:
        stored = read_stored_baseline(directory) if directory.exists() else None
        summary = (
            read_baseline(baseline)
            if baseline is not None
            else (stored.baseline if stored is not None else None)
        )
    except BaselineError as error:
        raise fail(console, escape(str(error)), EXIT_USAGE) from None
    if fail_on == "regression" and summary is None:
        raise fail(console, "--fail-on regression needs --baseline", EXIT_USAGE)
    store_baseline(directory, summary, fail_on)


@app.command()
def run(
    config: Annotated[Path, typer.Option("--config", "-c", help="audit.toml or pyproject.toml")],
    out: Annotated[Path, typer.Option(help="folder for the audit's directory")] = Path("reports"),
    resume: Annotated[
        Path | None, typer.Option(help="finish an interrupted audit in this directory")
    ] = None,
    profile: Annotated[Profile | None, typer.Option(help="override \\[audit] profile")] = None,
    seed: Annotated[int | None, typer.Option(help="override \\[audit] seed")] = None,
    max_probes: Annotated[int | None, typer.Option(help="override \\[audit] max_probes")] = None,
    stop: Annotated[
        StopRule | None,
        typer.Option(
            help="override \\[audit] stop: budget (ask the whole plan) or decided (stop as soon "
            "as the gate is decided)"
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="no progress bar or periodic lines: one line at the start, one at the end",
        ),
    ] = False,
    baseline: BaselineOption = None,
    fail_on: FailOnOption = "gate",
    shard: Annotated[
        str | None,
        typer.Option(
            help="run slice K of N of the plan (a CI matrix job), e.g. 1/2; join with merge"
        ),
    ] = None,
    no_history: Annotated[
        bool, typer.Option("--no-history", help="neither read nor record the history database")
    ] = False,
    tap: Annotated[
        bool,
        typer.Option(
            "--tap",
            help="record the assistant's anchor calls through proxies (\\[tap] ports) "
            "and map them in the report",
        ),
    ] = False,
    traces: Annotated[
        bool,
        typer.Option(
            "--traces",
            help="receive the assistant's OpenTelemetry spans over OTLP/HTTP (\\[traces] host, "
            "port) and map its calls in the report, joined to the probes by trace id",
        ),
    ] = False,
) -> None:
    """Run the audit; the exit code is the gate (0 ready, 1 not ready, 2 usage, 3 could not run)."""
    from auditor._audit import new_audit_dir
    from auditor._cli._ops import conclude_run, prepare_run
    from auditor._config import ConfigError, load_config

    console = Console(stderr=True)
    try:
        loaded = _override(
            load_config(config), profile=profile, seed=seed, max_probes=max_probes, stop=stop
        )
    except ConfigError as error:
        for problem in error.problems:
            console.print(f"[bold red]error:[/bold red] {error.source}: {problem}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    _check_shard(console, shard)  # the command line's own mistakes first
    base_dir = config.resolve().parent
    check_before_requests(console, loaded, base_dir)
    directory = resume if resume is not None else new_audit_dir(out)
    _set_baseline(console, directory, baseline, fail_on)
    ops = prepare_run(
        console,
        loaded,
        directory,
        shard=shard,
        history=not no_history,
        resume=resume is not None,
        base_dir=base_dir,
    )
    receive = traces or ops.config.traces.receive
    if tap:  # the tap's recorder and call model: only for `--tap`
        from auditor._tap import TAP_FILE
    with (
        tapping(console, ops.config, directory / TAP_FILE, base_dir=base_dir)
        if tap
        else nullcontext(),
        tracing_for(
            console, ops.config, directory, receive=receive, base_dir=base_dir, env=os.environ
        ) as tracing,
    ):
        code = execute(
            ops.config,
            directory,
            base_dir=base_dir,
            env=dict(os.environ),
            resume=resume is not None,
            quiet=quiet,
            ops=ops,
            tracing=tracing,
        )
    raise typer.Exit(conclude_run(console, ops, directory, code, env=os.environ))


@app.command()
def report(
    directory: Annotated[Path, typer.Argument(help="an audit's directory")],
    baseline: BaselineOption = None,
    fail_on: FailOnOption = "gate",
    rejudge: Annotated[
        bool,
        typer.Option(
            "--rejudge",
            help="read the stored answers again with the current configuration "
            "(\\[vocabulary], gate) and judge them against the stored truth; asks nothing",
        ),
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", "-c", help="with --rejudge: this audit.toml (default: the audit's own)"
        ),
    ] = None,
) -> None:
    """Re-render every report format from the stored results alone."""
    from auditor._audit import finish
    from auditor._cli._outcome import print_outcome
    from auditor._report import BaselineError
    from auditor._store import AuditDirError, read_meta

    console = Console(stderr=True)
    if config is not None and not rejudge:
        raise fail(console, "-c/--config is read only with --rejudge", EXIT_USAGE)
    try:
        meta = read_meta(directory)  # an audit's directory, before anything is written into it
        _set_baseline(console, directory, baseline, fail_on)
        if rejudge:
            audit = _rejudge(console, directory, meta, config)
        else:
            audit = finish(directory, env=dict(os.environ))
    except BaselineError as error:
        raise fail(console, escape(str(error)), EXIT_USAGE) from None
    except AuditDirError as error:
        raise fail(console, str(error), EXIT_USAGE) from None
    raise typer.Exit(print_outcome(Console(), audit, directory))


def _rejudge(
    console: Console, directory: Path, meta: dict[str, object], path: Path | None
) -> Audit:
    """`report --rejudge`: the stored answers judged again; prints what changed."""
    from auditor._cli._replay import audit_config
    from auditor._teach import rejudge_directory

    loaded, _ = audit_config(console, directory, meta, path)
    source = str(path) if path is not None else str(directory / "meta.json")
    audit = rejudge_directory(directory, loaded, config_source=source, env=dict(os.environ))
    record = audit.rejudged
    if record is not None:
        console.print(
            f"re-judged {len(audit.results)} stored answers with {escape(source)} "
            f"({record.config_digest[:19]}…): {record.changed} verdicts changed; "
            "nothing was asked of the assistant or the anchors",
            highlight=False,
            soft_wrap=True,
        )
    return audit
