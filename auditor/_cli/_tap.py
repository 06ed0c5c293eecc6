"""`auditor tap`, and the tap that `auditor run --tap` and `auditor demo --tap` put in place.

`auditor tap -c audit.toml` starts a recording proxy in front of each anchor origin, prints the
URLs to give the assistant instead of the anchors' own, and records every call it makes (without
secrets) until Ctrl-C; then it prints what it saw, per operation.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from auditor._cli._app import EXIT_COULD_NOT_RUN, EXIT_USAGE, app

if TYPE_CHECKING:
    from auditor._config import AuditConfig
    from auditor._tap import Tap, TapCall

_POLL_S = 0.5


def _error(console: Console, message: str, code: int) -> typer.Exit:
    console.print(f"[bold red]error:[/bold red] {escape(message)}", highlight=False)
    return typer.Exit(code)


def _print_urls(console: Console, config: AuditConfig, tap: Tap) -> None:
    width = max(len(name) for name in tap.anchors)
    for name, url in tap.anchors.items():
        own = config.anchors[name].base_url
        console.print(
            f"  {escape(name):<{width}}  {escape(url)}  (instead of {escape(own)})", highlight=False
        )


@contextmanager
def tapping(console: Console, config: AuditConfig, out: Path, *, base_dir: Path) -> Iterator[Tap]:
    """The tap for `config`'s anchors until the block ends, its URLs printed; errors exit."""
    from auditor._tap import TapError, TapUnavailable, load_specs, open_tap

    try:
        specs = load_specs(config.anchors, base_dir)
        with open_tap(config.anchors, specs, config.tap, out) as tap:
            console.print(f"tap recording into {escape(str(out))}; point the assistant at:")
            _print_urls(console, config, tap)
            yield tap
    except TapUnavailable as error:
        raise _error(console, str(error), EXIT_COULD_NOT_RUN) from None
    except TapError as error:
        raise _error(console, str(error), EXIT_USAGE) from None


def reference_front(directory: Path) -> Callable[[str], AbstractContextManager[str]]:
    """For `running_world(shop_proxy=...)`: the reference assistant reaches the shop via a tap."""
    from auditor._tap import TAP_FILE, tap_front
    from auditor.reference._audit_config import reference_anchors
    from auditor.reference._demo import STAFF_TOKEN_ENV

    def front(shop_url: str) -> AbstractContextManager[str]:
        anchors = reference_anchors(shop_url, STAFF_TOKEN_ENV)
        return tap_front(shop_url, anchors, directory / TAP_FILE, base_dir=Path.cwd())

    return front


def _summary(console: Console, calls: list[TapCall]) -> None:
    console.print(f"{len(calls)} anchor calls recorded")
    counted = Counter((c.anchor or "?", c.operation_id or f"{c.method} {c.path}") for c in calls)
    errors = Counter(
        (c.anchor or "?", c.operation_id or f"{c.method} {c.path}")
        for c in calls
        if c.status == 404 or c.status >= 500
    )
    for (anchor, op), n in counted.most_common():
        failed = f", {errors[(anchor, op)]} answered 404/5xx" if errors[(anchor, op)] else ""
        console.print(f"  {escape(anchor)}.{escape(op)}: {n}{failed}", highlight=False)


def _default_out() -> Path:
    return Path("reports") / f"tap-{datetime.now(UTC).strftime('%Y-%m-%dT%H-%M-%SZ')}.jsonl"


@app.command()
def tap(
    config: Annotated[Path, typer.Option("--config", "-c", help="audit.toml or pyproject.toml")],
    out: Annotated[
        Path | None,
        typer.Option(help="file to record into (JSON lines; default reports/tap-<time>.jsonl)"),
    ] = None,
) -> None:
    """Record which anchor calls an assistant makes, through proxies, until Ctrl-C."""
    from auditor._config import ConfigError, load_config

    console = Console()
    try:
        loaded = load_config(config)
    except ConfigError as error:
        for problem in error.problems:
            console.print(
                f"[bold red]error:[/bold red] {escape(error.source)}: {escape(problem)}",
                highlight=False,
            )
        raise typer.Exit(EXIT_USAGE) from None
    target = out or _default_out()
    stop = threading.Event()
    with tapping(console, loaded, target, base_dir=config.resolve().parent) as recording:
        console.print("recording; Ctrl-C to stop")
        try:
            while not stop.wait(_POLL_S):
                pass
        except KeyboardInterrupt:
            pass
    # Read once the proxies have stopped: an exchange is recorded just after its last byte.
    _summary(console, recording.recorder.calls)
