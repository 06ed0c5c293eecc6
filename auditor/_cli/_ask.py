"""`auditor ask` (one question, answer beside truth) and `auditor explore` (many, interactively).

Exit codes as for every command: 0 done, 2 the configuration cannot be used, 3 the anchors or
the assistant could not be reached. `explore` reads lines with prompt_toolkit (line editing,
history in a file) on a terminal, and plain lines from a pipe.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.text import Text

from auditor._cli._app import EXIT_COULD_NOT_RUN, EXIT_READY, EXIT_USAGE, app
from auditor._cli._validate import check_before_requests

if TYPE_CHECKING:
    from prompt_toolkit import PromptSession

    from auditor._config import AuditConfig
    from auditor._explore import Exploration, ExploreSession, Repl

ConfigOption = Annotated[Path, typer.Option("--config", "-c", help="the audit.toml to read")]
AsOption = Annotated[
    str | None, typer.Option("--as", help="ask as this customer (id as the assistant knows it)")
]
ChannelOption = Annotated[
    str | None,
    typer.Option(
        "--channel", help="the channel to ask on, by its assistant name (default: the first)"
    ),
]


def _error(console: Console, message: str) -> None:
    """One error line; the message may quote the user or the assistant, so it is never markup."""
    from auditor._explore import one_line

    console.print(Text.assemble(("error: ", "bold red"), one_line(message)), soft_wrap=True)


def _fail(console: Console, message: str, code: int) -> typer.Exit:
    _error(console, message)
    return typer.Exit(code)


def _load(console: Console, path: Path, channel: str | None) -> AuditConfig:
    from auditor._config import ConfigError, load_config

    try:
        config = load_config(path)
    except ConfigError as error:
        for problem in error.problems:
            _error(console, f"{error.source}: {problem}")
        raise typer.Exit(EXIT_USAGE) from None
    channels = [a.name for a in config.assistant]
    if channel is not None and channel not in channels:
        raise _fail(
            console,
            f"no channel {channel!r} in {path}; configured: {', '.join(channels)}",
            EXIT_USAGE,
        )
    check_before_requests(console, config, path.resolve().parent)
    return config


async def _ask_once(
    config: AuditConfig, base_dir: Path, question: str, customer: str | None, channel: str | None
) -> Exploration:
    from auditor._explore import open_session

    async with open_session(config, env=dict(os.environ), base_dir=base_dir) as session:
        return await session.ask(question, customer=customer, channel=channel)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="the question, as a customer would type it")],
    config: ConfigOption,
    customer: AsOption = None,
    channel: ChannelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON document")] = False,
) -> None:
    """Ask one question: the answer with its claims marked, each beside the anchors' truth."""
    import asyncio

    from auditor._explore import SessionError, render

    errors = Console(stderr=True)
    loaded = _load(errors, config, channel)
    try:
        exploration = asyncio.run(
            _ask_once(loaded, config.resolve().parent, question, customer, channel)
        )
    except SessionError as error:
        code = EXIT_COULD_NOT_RUN if error.unreachable else EXIT_USAGE
        raise _fail(errors, str(error), code) from None
    if as_json:
        typer.echo(json.dumps(exploration.to_json(), indent=2, ensure_ascii=False))
    else:
        Console(highlight=False).print(render(exploration))
    raise typer.Exit(EXIT_READY)


def default_history() -> Path:
    """`$XDG_CACHE_HOME/readiness-auditor/explore_history` (`~/.cache` when unset)."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "readiness-auditor" / "explore_history"


class _Lines:
    """Where typed lines come from: a line editor on a terminal, plain reads from a pipe."""

    def __init__(self, history: Path) -> None:
        self._editor: PromptSession[str] | None = None
        if sys.stdin.isatty() and sys.stdout.isatty():
            from prompt_toolkit import PromptSession
            from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
            from prompt_toolkit.history import FileHistory

            history.parent.mkdir(parents=True, exist_ok=True)
            self._editor = PromptSession(
                history=FileHistory(str(history)), auto_suggest=AutoSuggestFromHistory()
            )

    async def read(self, prompt: str) -> str:
        """The next line; EOFError at the end (Ctrl-D), KeyboardInterrupt on Ctrl-C."""
        import asyncio

        if self._editor is not None:
            line: str = await self._editor.prompt_async(prompt)
            return line
        line = await asyncio.to_thread(sys.stdin.readline)
        if not line:
            raise EOFError
        return line


def _banner(session: ExploreSession, suite_file: Path) -> str:
    snap = session.snapshot
    return (
        f"exploring {session.config.audit.name}: {len(snap.stock)} items, "
        f"{len(snap.orders)} orders, {len(snap.returns)} returns · channels "
        f"{', '.join(session.channels)} · :save writes {suite_file} · :help for commands"
    )


async def _converse(console: Console, repl: Repl, lines: _Lines) -> None:
    while True:
        try:
            line = await lines.read(repl.prompt)
        except (EOFError, KeyboardInterrupt):
            return
        reply = await repl.handle(line)
        for item in reply.output:
            console.print(item)
        if reply.quit:
            return


async def _explore(
    config: AuditConfig,
    base_dir: Path,
    console: Console,
    lines: _Lines,
    suite_file: Path,
    customer: str | None,
    channel: str | None,
) -> None:
    from auditor._explore import Repl, open_session

    async with open_session(config, env=dict(os.environ), base_dir=base_dir) as session:
        console.print(_banner(session, suite_file), style="dim")
        repl = Repl(session, suite_file, channel=channel, customer=customer)
        await _converse(console, repl, lines)


@app.command()
def explore(
    config: ConfigOption,
    customer: AsOption = None,
    channel: ChannelOption = None,
    history: Annotated[
        Path | None,
        typer.Option(help="file of past questions (default: under the user's cache folder)"),
    ] = None,
    suite_file: Annotated[
        Path, typer.Option(help="where :save writes phrasings (a probe suite file)")
    ] = Path("probes.local.toml"),
) -> None:
    """Ask question after question; `:as`, `:channel`, `:save` and `:help` steer the session."""
    import asyncio

    from auditor._explore import SessionError

    errors = Console(stderr=True)
    loaded = _load(errors, config, channel)
    console = Console(highlight=False)
    try:
        lines = _Lines(history or default_history())
        asyncio.run(
            _explore(loaded, config.resolve().parent, console, lines, suite_file, customer, channel)
        )
    except SessionError as error:
        code = EXIT_COULD_NOT_RUN if error.unreachable else EXIT_USAGE
        raise _fail(errors, str(error), code) from None
    except KeyboardInterrupt:
        pass
    console.print("bye", style="dim")
    raise typer.Exit(EXIT_READY)
