"""The interactive session's commands, apart from the terminal that reads them.

Each typed line is a question or a `:command`; `Repl.handle` turns it into what to show. The
line editor and the printing live in the CLI, so this logic runs the same under a test.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from auditor._edges import edge_class_members
from auditor._explore._model import Exploration
from auditor._explore._render import render
from auditor._explore._safe import one_line
from auditor._explore._session import ExploreSession, SessionError
from auditor._explore._suitefile import SaveError, save_phrasing, template_of
from auditor._probes import PROBE_KINDS

HELP = """\
Type a question to ask it; the answer, its claims and the truth are shown side by side.
  :as CUSTOMER        ask as this customer (`:as` alone: as nobody in particular)
  :channel NAME       ask on this channel
  :channels           list the channels
  :save KIND [EDGE]   save the last question as a phrasing of probe kind KIND in the suite
                      file (its subject becomes {item} or {id}); EDGE weights an edge class
  :help               this text
  :quit               leave (Ctrl-D and Ctrl-C leave too)"""

_QUIT = frozenset({":quit", ":q", ":exit"})


@dataclass(slots=True)
class Reply:
    output: list[RenderableType] = field(default_factory=list)
    quit: bool = False


def _error(message: str) -> Reply:
    return Reply([Text(f"error: {message}", style="bold red")])


def _note(message: str) -> Reply:
    return Reply([Text(message, style="cyan")])


class Repl:
    """What one interactive session knows between lines: channel, customer, last exploration."""

    def __init__(
        self,
        session: ExploreSession,
        suite_file: Path,
        *,
        channel: str | None = None,
        customer: str | None = None,
    ) -> None:
        self.session = session
        self.suite_file = suite_file
        self.channel = channel or session.channels[0]
        self.customer = customer
        self.last: Exploration | None = None

    @property
    def prompt(self) -> str:
        return f"{self.channel} as {self.customer or '-'} › "

    async def handle(self, line: str) -> Reply:
        line = line.strip()
        if not line:
            return Reply()
        if not line.startswith(":"):
            return await self._ask(line)
        try:
            words = shlex.split(line)
        except ValueError as error:
            return _error(str(error))
        command, args = words[0], words[1:]
        if command in _QUIT:
            return Reply(quit=True)
        handler = {
            ":as": self._as,
            ":channel": self._channel,
            ":channels": self._channels,
            ":save": self._save,
            ":help": self._help,
        }.get(command)
        if handler is None:
            return _error(f"unknown command {command}; :help lists them")
        return handler(args)

    async def _ask(self, question: str) -> Reply:
        try:
            exploration = await self.session.ask(
                question, customer=self.customer, channel=self.channel
            )
        except SessionError as error:
            return _error(str(error))
        self.last = exploration
        return Reply([render(exploration)])

    def _as(self, args: list[str]) -> Reply:
        if len(args) > 1:
            return _error("usage: :as CUSTOMER")
        self.customer = args[0] if args and args[0] not in ("-", "nobody") else None
        if self.customer is None:
            return _note("asking as nobody in particular")
        known = self.session.customers
        if known and self.customer not in known:
            return _note(
                f"asking as {one_line(self.customer)} (not a customer the snapshot "
                f"knows; known: {', '.join(known[:8])}{' …' if len(known) > 8 else ''})"
            )
        return _note(f"asking as {one_line(self.customer)}")

    def _channel(self, args: list[str]) -> Reply:
        if len(args) != 1:
            return _error("usage: :channel NAME")
        if args[0] not in self.session.channels:
            return _error(
                f"no channel {one_line(args[0])!r}; configured: {', '.join(self.session.channels)}"
            )
        self.channel = args[0]
        return _note(f"asking on {self.channel}")

    def _channels(self, args: list[str]) -> Reply:
        table = Table(
            "", "channel", "kind", title="channels", title_justify="left", box=box.SIMPLE_HEAD
        )
        for entry in self.session.config.assistant:
            table.add_row("*" if entry.name == self.channel else "", entry.name, entry.kind)
        return Reply([table])

    def _save(self, args: list[str]) -> Reply:
        if not 1 <= len(args) <= 2:
            return _error("usage: :save KIND [EDGE_CLASS]")
        if self.last is None:
            return _error("nothing to save yet: ask a question first")
        kind, edge_class = args[0], args[1] if len(args) == 2 else None
        try:
            template = template_of(self.last.question, kind, self.last.subjects)
            saved = save_phrasing(self.suite_file, kind, template, edge_class)
        except SaveError as error:
            return _error(str(error))
        message = (
            f"saved to {saved.path}: {saved.kind} now has {saved.phrasings} "
            f"phrasing{'s' if saved.phrasings != 1 else ''} there; "
            f"added {one_line(saved.template)!r}"
        )
        hint = self._classes_hint(kind)
        return _note(message + (f"\n{hint}" if hint and edge_class is None else ""))

    def _classes_hint(self, kind: str) -> str:
        """The edge classes the saved subject belongs to, which `:save KIND EDGE` could weight."""
        probe_kind = PROBE_KINDS[kind]
        last = self.last.subjects if self.last is not None else ()
        subjects = [s for s in last if s.fact_kind == probe_kind.fact_kind]
        if not subjects:
            return ""
        members = edge_class_members(self.session.snapshot)
        classes = [c for c in probe_kind.edge_classes if subjects[0].id in members.get(c, ())]
        return f"{subjects[0].id} is in: {', '.join(classes)}" if classes else ""

    def _help(self, args: list[str]) -> Reply:
        return Reply([Text(HELP)])
