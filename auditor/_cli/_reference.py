"""`auditor reference shop|assistant`: start the reference servers by hand."""

from __future__ import annotations

from typing import Annotated

import typer

from auditor._cli._app import app
from auditor._names import REFERENCE_STAFF_TOKEN_ENV

#: Kept here, not imported from the assistant, so `auditor --help` stays quick; a test checks it
#: names every voice the assistant has.
VOICE_HELP = (
    "standard (the default), british (casual British), sms (terse text messages), "
    "markdown (a chatty language model's markdown), agent (a human support agent's replies), "
    "global (an outsourced desk's international English), email (a care team's e-mail replies) "
    "or widget (a web shop's chat widget: cards, status chips, quick-reply buttons)"
)

reference = typer.Typer(help="Start the reference shop or assistant by hand.", no_args_is_help=True)
app.add_typer(reference, name="reference")


@reference.command("assistant")
def assistant(
    shop_url: Annotated[str, typer.Option(help="base URL of the reference shop")],
    staff_token_env: Annotated[
        str, typer.Option(help="environment variable holding the shop's staff token")
    ] = REFERENCE_STAFF_TOKEN_ENV,
    fault: Annotated[
        list[str],
        typer.Option(
            "--fault",
            help="switch on a fault (repeatable), e.g. ignores_stock, stale_cache=30; "
            "REFERENCE_ASSISTANT_FAULTS adds comma-separated ones",
        ),
    ] = [],  # noqa: B006 (typer reads, never mutates)
    api_key_env: Annotated[
        str | None, typer.Option(help="environment variable holding the API key clients send")
    ] = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on (0: any free port)")] = 8000,
    allow_public: Annotated[
        bool, typer.Option("--allow-public", help="allow a non-loopback --host")
    ] = False,
    brain: Annotated[
        str,
        typer.Option(
            help="rules: templated answers; llm: a local language model words them "
            "(needs the `llm` extra)"
        ),
    ] = "rules",
    model_url: Annotated[
        str | None,
        typer.Option(help="with --brain llm: an OpenAI-compatible model server to use"),
    ] = None,
    voice: Annotated[
        str,
        typer.Option(help="how the answers are worded: " + VOICE_HELP),
    ] = "standard",
    otlp_endpoint: Annotated[
        str | None,
        typer.Option(
            help="trace itself with OpenTelemetry and export the spans over OTLP/HTTP to this "
            "base URL (e.g. the URL `auditor run --traces` prints; needs the `otel` extra)"
        ),
    ] = None,
) -> None:
    """Serve the reference assistant in the foreground until Ctrl-C."""
    import os

    from auditor._cli._app import EXIT_USAGE
    from auditor.reference.assistant._cli import ServeOptions, UsageError, serve

    options = ServeOptions(
        shop_url,
        staff_token_env,
        fault,
        api_key_env,
        host,
        port,
        allow_public,
        brain=brain,
        model_url=model_url,
        voice=voice,
        otlp_endpoint=otlp_endpoint,
    )
    try:
        serve(options, os.environ, typer.echo)
    except UsageError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None


@reference.command("shop")
def shop(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on (0: any free port)")] = 9000,
    seed: Annotated[
        int | None, typer.Option(help="seed of the shop's data (default: the reference seed)")
    ] = None,
    items: Annotated[int, typer.Option(help="catalogue size")] = 60,
    staff_token_env: Annotated[
        str | None,
        typer.Option(help="environment variable holding the staff token (default: generate one)"),
    ] = None,
    allow_public: Annotated[
        bool, typer.Option("--allow-public", help="allow a non-loopback --host")
    ] = False,
) -> None:
    """Serve the reference shop in the foreground until Ctrl-C."""
    import os

    from auditor._cli._app import EXIT_USAGE
    from auditor.reference.shop import DEFAULT_SEED
    from auditor.reference.shop._cli import ShopServeOptions, UsageError, serve

    chosen_seed = DEFAULT_SEED if seed is None else seed
    options = ShopServeOptions(host, port, chosen_seed, items, staff_token_env, allow_public)
    try:
        serve(options, os.environ, typer.echo)
    except UsageError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
