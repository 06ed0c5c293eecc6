"""Serving the reference assistant in the foreground, for `auditor reference assistant`.

Kept apart from the Typer command so the command stays a thin translation of options, and so the
checks (loopback host, secrets from the environment only) can be tested as plain functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import uvicorn

from auditor._serve import bind_socket, is_loopback, url_of
from auditor._validators import check_url
from auditor.reference.assistant._app import create_assistant
from auditor.reference.assistant._faults import FAULTS_ENV, Faults, faults_from_env, parse_faults
from auditor.reference.assistant._llm import check_brain
from auditor.reference.assistant._llm_server import missing
from auditor.reference.assistant._tracing import otel_missing
from auditor.reference.assistant._voices import check_voice


class UsageError(ValueError):
    """A bad option or environment; the message is for the person at the terminal."""


@dataclass(frozen=True, slots=True)
class ServeOptions:
    shop_url: str
    staff_token_env: str
    faults: Sequence[str]
    api_key_env: str | None
    host: str
    port: int
    allow_public: bool
    seed: int = 0
    #: `rules` (templates) or `llm` (a local model words the answers).
    brain: str = "rules"
    #: An OpenAI-compatible model server to use instead of starting the local one.
    model_url: str | None = None
    #: How the answers are worded (see `_voices.py`).
    voice: str = "standard"
    #: An OTLP/HTTP base URL to export the assistant's own spans to (`_tracing.py`).
    otlp_endpoint: str | None = None


def _secret(env: Mapping[str, str], name: str, what: str) -> str:
    value = env.get(name, "").strip()
    if not value:
        raise UsageError(f"{what}: the environment variable {name} is not set")
    return value


def resolve(options: ServeOptions, env: Mapping[str, str]) -> tuple[str, Faults, str | None]:
    """The staff token, faults and API key the options and environment ask for."""
    if not options.allow_public and not is_loopback(options.host):
        raise UsageError(
            f"refusing to listen on {options.host}: the reference assistant has sandbox "
            "credentials and no hardening; pass --allow-public if you really mean it"
        )
    staff_token = _secret(
        env,
        options.staff_token_env,
        "the shop's staff token (`auditor reference shop` prints the command with it set)",
    )
    api_key = None
    if options.api_key_env:
        api_key = _secret(env, options.api_key_env, "the API key")
    try:
        faults = parse_faults([*faults_from_env(env.get(FAULTS_ENV)), *options.faults])
        brain = check_brain(options.brain)
        check_voice(options.voice)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if brain == "llm" and options.model_url is None and (reason := missing()) is not None:
        raise UsageError(f"the llm brain needs its model server: {reason}")
    if options.otlp_endpoint is not None:
        try:
            check_url(options.otlp_endpoint, what="--otlp-endpoint")
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if (reason := otel_missing()) is not None:
            raise UsageError(reason)
    return staff_token, faults, api_key


def serve(options: ServeOptions, env: Mapping[str, str], echo: Callable[[str], None]) -> None:
    """Print where the assistant listens, then serve until interrupted (Ctrl-C ends cleanly)."""
    staff_token, faults, api_key = resolve(options, env)
    app = create_assistant(
        shop_url=options.shop_url,
        staff_token=staff_token,
        faults=faults,
        api_key=api_key,
        seed=options.seed,
        brain=options.brain,
        model_url=options.model_url,
        voice=options.voice,
        otlp_endpoint=options.otlp_endpoint,
    )
    sock = bind_socket(options.host, options.port)
    url = url_of(sock)
    echo(f"reference assistant on {url}")
    echo(f"  OpenAI base URL: {url}/v1  (model shop-assistant)")
    echo(f"  plain JSON:      {url}/message")
    echo(f"  shop:            {options.shop_url}")
    echo(f"  faults:          {', '.join(faults.active()) or 'none'}")
    if options.voice != "standard":
        echo(f"  voice:           {options.voice}")
    if options.brain == "llm":
        model = options.model_url or "local SmolLM2-135M-Instruct, started with the assistant"
        echo(f"  brain:           llm ({model})")
    if api_key is not None:
        echo(f"  API key:         required (from ${options.api_key_env})")
    if options.otlp_endpoint is not None:
        echo(f"  traces:          OTLP/HTTP to {options.otlp_endpoint}/v1/traces")
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False)
    )
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        # uvicorn re-raises the signal it shut down on; the shutdown itself was clean.
        pass
    finally:
        sock.close()
