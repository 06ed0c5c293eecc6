"""The tracing that `auditor run --traces` and `auditor demo --traces` put in place.

The OTLP/HTTP receiver is started before the audit (its URL printed, for the assistant's
exporter: `OTEL_EXPORTER_OTLP_ENDPOINT`), the auditor's own span export when `[traces] export`
asks for it; both end with the audit. A port that is taken is exit 3, a configuration that
cannot work (the `otel` extra missing, an unreadable document) exit 2.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape

from auditor._cli._app import EXIT_COULD_NOT_RUN, EXIT_USAGE

if TYPE_CHECKING:
    from auditor._config import AuditConfig
    from auditor._traces import AuditTracing, Receiver


def _error(console: Console, message: str, code: int) -> typer.Exit:
    console.print(f"[bold red]error:[/bold red] {escape(message)}", highlight=False)
    return typer.Exit(code)


def announce(console: Console, receiver: Receiver) -> None:
    console.print(
        f"OTLP receiver on {escape(receiver.url)} (POST {escape(receiver.traces_url)}); point "
        f"the assistant's exporter at it: OTEL_EXPORTER_OTLP_ENDPOINT={escape(receiver.url)}",
        highlight=False,
        soft_wrap=True,
    )


@contextmanager
def tracing_for(
    console: Console,
    config: AuditConfig,
    directory: Path,
    *,
    receive: bool,
    base_dir: Path,
    env: Mapping[str, str],
    receiver: Receiver | None = None,
) -> Iterator[AuditTracing | None]:
    """The audit's tracing until the block ends; None when nothing is received or exported
    (the audit then makes random trace ids itself)."""
    if not receive and receiver is None and config.traces.export == "none":
        yield None
        return
    from auditor._redact import Redactor
    from auditor._traces import ReceiverUnavailable, TracesError, audit_tracing

    redactor = Redactor.from_config(config, env)
    try:
        with audit_tracing(
            config.traces,
            config.anchors,
            directory,
            receive=receive,
            base_dir=base_dir,
            redact=redactor.text if redactor else None,
            on_receiver=lambda started: announce(console, started),
            receiver=receiver,
        ) as tracing:
            yield tracing
    except ReceiverUnavailable as error:
        raise _error(console, str(error), EXIT_COULD_NOT_RUN) from None
    except TracesError as error:
        raise _error(console, str(error), EXIT_USAGE) from None
