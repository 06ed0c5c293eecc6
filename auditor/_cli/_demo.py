"""`auditor demo`: audit the built-in reference shop and assistant, nothing else needed."""

from __future__ import annotations

from contextlib import AbstractContextManager, ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from auditor._cli._app import EXIT_USAGE, app
from auditor._cli._reference import VOICE_HELP
from auditor._cli._run import execute
from auditor._cli._tap import reference_front
from auditor._cli._traces import announce, tracing_for
from auditor._names import StopRule

if TYPE_CHECKING:
    from auditor._traces import Receiver

DEFAULT_SUITES = ("stock", "orders", "returns", "safety", "consistency", "conversations")


@app.command()
def demo(
    fault: Annotated[
        list[str],
        typer.Option(
            "--fault",
            help="switch on a fault of the reference assistant (repeatable), "
            "e.g. ignores_stock, stale_cache=30",
        ),
    ] = [],  # noqa: B006 (typer reads, never mutates)
    out: Annotated[Path, typer.Option(help="folder for the audit's directory")] = Path("reports"),
    seed: Annotated[int, typer.Option(help="seed of the shop's data and of the plan")] = 7,
    items: Annotated[int, typer.Option(help="catalogue size of the reference shop")] = 60,
    max_probes: Annotated[
        int | None, typer.Option(help="probe budget (default: 300; 60 with --brain llm)")
    ] = None,
    stop: Annotated[
        StopRule,
        typer.Option(
            help="budget (ask the whole plan) or decided (stop as soon as the gate is decided, "
            "at 95% confidence)"
        ),
    ] = "budget",
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="no progress bar or periodic lines: one line at the start, one at the end",
        ),
    ] = False,
    brain: Annotated[
        str,
        typer.Option(
            help="how the reference assistant words its answers: rules (templates) or llm "
            "(a local language model; needs the `llm` extra)"
        ),
    ] = "rules",
    voice: Annotated[
        str,
        typer.Option(
            help="how the reference assistant words its answers (the same facts): " + VOICE_HELP
        ),
    ] = "standard",
    tap: Annotated[
        bool,
        typer.Option(
            "--tap",
            help="put a recording proxy between the assistant and the shop; the report "
            "maps which anchor calls each answer rested on",
        ),
    ] = False,
    traces: Annotated[
        bool,
        typer.Option(
            "--traces",
            help="the assistant traces itself with OpenTelemetry and exports to the auditor's "
            "OTLP receiver; the report maps its calls from its spans (needs the `otel` extra)",
        ),
    ] = False,
    reader: Annotated[
        str | None,
        typer.Option(
            help="a model reader for the answers the rules cannot read: `local` (the `llm` "
            "extra's model server, started here) or an OpenAI-compatible base URL "
            "(with --reader-model)"
        ),
    ] = None,
    reader_model: Annotated[
        str | None, typer.Option(help="the model's name on the --reader server")
    ] = None,
    reader_mode: Annotated[
        str,
        typer.Option(help="fallback (only unread answers) or compare (every answer, both kept)"),
    ] = "fallback",
    lag: Annotated[
        bool,
        typer.Option(
            "--lag",
            help="after the probes, change the shop through its sandbox and measure how "
            "long the assistant's answers take to follow (try with --fault stale_cache=30)",
        ),
    ] = False,
) -> None:
    """Start the reference shop and assistant on loopback and audit them (exit 0 when ready)."""
    from auditor._audit import new_audit_dir
    from auditor._cli._ops import conclude_run, prepare_run
    from auditor.reference._demo import DEMO_PACES, STAFF_TOKEN_ENV, demo_config, demo_reader
    from auditor.reference._lag_config import with_reference_lag
    from auditor.reference._world import running_world
    from auditor.reference.assistant import check_brain, parse_faults

    console = Console(stderr=True)
    try:
        faults = parse_faults(fault)
        pace = DEMO_PACES[check_brain(brain)]
        _check_options(
            brain=brain,
            voice=voice,
            traces=traces,
            reader=reader,
            reader_model=reader_model,
            reader_mode=reader_mode,
        )
    except ValueError as error:
        # Escaped: the install hint names `readiness-auditor[llm]`, which is not markup.
        console.print(f"[bold red]error:[/bold red] {escape(str(error))}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    directory = new_audit_dir(out)
    front = reference_front(directory) if tap else None
    with ExitStack() as stack:
        # The receiver first: the assistant is told where to export when it starts.
        receiver = stack.enter_context(_receiver(directory)) if traces else None
        if receiver is not None and not quiet:
            announce(console, receiver)
        world = stack.enter_context(
            running_world(
                seed=seed,
                items=items,
                faults=faults,
                brain=brain,
                shop_proxy=front,
                voice=voice,
                otlp_endpoint=None if receiver is None else receiver.url,
            )
        )
        reading = stack.enter_context(
            demo_reader(reader, reader_model, reader_mode, world.model_url)
        )
        if not quiet:
            console.print(
                f"reference shop on {world.shop_url} · assistant on {world.assistant_url}"
                + (f" · faults: {', '.join(fault)}" if fault else "")
                + (f" · voice: {voice}" if voice != "standard" else "")
                + (f" · model server on {world.model_url}" if world.model_url else "")
                + (f" · model reader on {reading.base_url}" if reading else "")
            )
        config = demo_config(
            shop_url=world.shop_url,
            assistant_url=world.assistant_url,
            seed=seed,
            max_probes=pace.max_probes if max_probes is None else max_probes,
            suites=list(DEFAULT_SUITES),
            concurrency=pace.concurrency,
            timeout_s=pace.timeout_s,
        )
        if stop != "budget":
            config = config.model_copy(
                update={"audit": config.audit.model_copy(update={"stop": stop})}
            )
        if lag:
            config = with_reference_lag(config, world.shop_url, STAFF_TOKEN_ENV)
        config = config if reading is None else config.model_copy(update={"reader": reading})
        # Recorded like any audit, in the history of its `--out` folder (the demo has no
        # configuration file to sit beside): `auditor history` finds reports/history.sqlite.
        ops = prepare_run(
            console, config, directory, shard=None, history=True, resume=False, base_dir=out
        )
        env = {STAFF_TOKEN_ENV: world.staff_token}
        tracing = stack.enter_context(
            tracing_for(
                console,
                ops.config,
                directory,
                receive=False,
                base_dir=Path.cwd(),
                env=env,
                receiver=receiver,
            )
        )
        code = execute(
            ops.config,
            directory,
            base_dir=Path.cwd(),
            env=env,
            resume=False,
            quiet=quiet,
            ops=ops,
            tracing=tracing,
        )
    raise typer.Exit(conclude_run(console, ops, directory, code, env={}))


def _check_options(
    *,
    brain: str,
    voice: str,
    traces: bool,
    reader: str | None,
    reader_model: str | None,
    reader_mode: str,
) -> None:
    """The options that need more than their type: a ValueError says which, and why."""
    from auditor.reference.assistant import check_voice, llm_missing
    from auditor.reference.assistant._tracing import otel_missing

    check_voice(voice)
    if brain == "llm" and (reason := llm_missing()) is not None:
        raise ValueError(f"--brain llm needs the local model: {reason}")
    if traces and (reason := otel_missing()) is not None:
        raise ValueError(f"--traces: {reason}")
    if reader == "local" and (reason := llm_missing()) is not None:
        raise ValueError(f"--reader local needs the local model: {reason}")
    if reader is not None and reader != "local":
        from auditor._validators import check_url

        check_url(reader, what="--reader")
        if not reader_model:
            raise ValueError("--reader URL needs --reader-model (the model's name there)")
    if reader_mode not in ("fallback", "compare"):
        raise ValueError(f"--reader-mode must be fallback or compare, not {reader_mode!r}")


def _receiver(directory: Path) -> AbstractContextManager[Receiver]:
    """The OTLP receiver, before the shop's URL is known (its operations are set later)."""
    from auditor._traces import TRACES_FILE, TracesSection, open_receiver

    return open_receiver(TracesSection(), None, directory / TRACES_FILE)
