"""An exploration on the terminal: the answer with its claims marked, the claims, the truth.

Everything the assistant or an anchor said is untrusted, so it is built into `rich.text.Text`
objects (never parsed as markup) after `displayable` has removed what would drive the terminal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from auditor._explore._model import Agreement, ClaimCheck, Exploration, Truth
from auditor._explore._safe import displayable, one_line
from auditor._explore._verdicts import NOUNS, owner_of, show
from auditor._facts import Fact

STYLES = {
    Agreement.AGREE: "bold green",
    Agreement.CONTRADICT: "bold red",
    Agreement.CANNOT_JUDGE: "bold yellow",
}
_HIDDEN_FIELDS = frozenset({"read_at", "lines", "sku", "order_id", "return_id"})


def answer_text(exploration: Exploration) -> Text:
    """The answer, each claim's phrase underlined in the colour of its verdict."""
    spans = [c.claim.span for c in exploration.checks]
    clean, moved = displayable(exploration.answer, spans)
    text = Text(clean)
    for check, (start, end) in zip(exploration.checks, moved, strict=True):
        if start < end:
            text.stylize(f"{STYLES[check.agreement]} underline", start, end)
    return text


def claims_table(exploration: Exploration) -> Table:
    table = Table(title="claims", title_justify="left", box=box.SIMPLE_HEAD)
    for name in ("#", "kind", "value", "subject", "hedged", "truth", "verdict"):
        table.add_column(name, no_wrap=True)
    table.add_column("why", ratio=1)
    for number, check in enumerate(exploration.checks, 1):
        claim = check.claim
        subject = claim.subject or (f"({check.against[1]})" if check.against else "-")
        table.add_row(
            str(number),
            claim.kind.value,
            Text(one_line(str(claim.value))),
            Text(one_line(subject)),
            "yes" if claim.hedged else "no",
            Text(one_line(check.truth or "-")),
            Text(check.agreement.label, style=STYLES[check.agreement]),
            Text(one_line(check.reason)),
        )
    return table


def fact_fields(fact: Fact) -> Iterator[tuple[str, str]]:
    """The fields people compare an answer with, in the fact's own order, empty ones left out."""
    for spec in fields(fact):
        value = getattr(fact, spec.name)
        if spec.name not in _HIDDEN_FIELDS and value is not None:
            yield spec.name, show(value)


def _truth_cell(truth: Truth, customer: str | None) -> Text:
    if truth.error is not None:
        return Text(f"unavailable: {one_line(truth.error)}", style="yellow")
    if truth.fact is None:
        return Text(f"no such {NOUNS.get(truth.fact_kind, 'subject')}", style="bold")
    text = Text("  ".join(f"{k}={one_line(v)}" for k, v in fact_fields(truth.fact)))
    owner = owner_of(truth.fact)
    if customer is not None and owner is not None and owner != customer:
        text.append(f"  (not {customer}'s)", style="bold magenta")
    return text


def truth_table(exploration: Exploration) -> Table:
    named = {(s.fact_kind, s.id): s.mention for s in exploration.subjects}
    table = Table(title="truth (read after the answer)", title_justify="left", box=box.SIMPLE_HEAD)
    for name in ("subject", "anchor", "named by"):
        table.add_column(name, no_wrap=True)
    table.add_column("truth now", ratio=1)
    table.add_column("read at", no_wrap=True)
    for truth in exploration.truths:
        table.add_row(
            Text(one_line(truth.subject), style="bold"),
            truth.fact_kind,
            named.get(truth.key, "answer"),
            _truth_cell(truth, exploration.customer),
            truth.read_at.strftime("%H:%M:%S"),
        )
    return table


def summary(exploration: Exploration) -> Text:
    if not exploration.checks:
        return Text("no claims found in the answer", style="yellow")
    parts = [(f"{exploration.count(a)} {a.label}", STYLES[a]) for a in Agreement]
    text = Text()
    for i, (label, style) in enumerate(parts):
        text.append(" · " if i else "")
        text.append(label, style=style)
    return text


def render(exploration: Exploration) -> RenderableType:
    who = exploration.customer or "nobody in particular"
    header = Text.assemble(
        ("Q ", "bold"),
        one_line(exploration.question),
        "\n",
        (f"on {exploration.channel} as {one_line(who)} · {exploration.latency_ms:.0f} ms", "dim"),
    )
    parts: list[RenderableType] = [
        header,
        Panel(answer_text(exploration), title="answer", title_align="left"),
    ]
    if exploration.checks:
        parts.append(claims_table(exploration))
    if exploration.truths:
        parts.append(truth_table(exploration))
    elif not exploration.subjects:
        parts.append(Text("the question names no subject the snapshot knows", style="dim"))
    parts.append(summary(exploration))
    return Group(*parts)


def check_line(check: ClaimCheck) -> str:
    """One claim and its verdict on one plain line, for failure messages and logs."""
    claim = check.claim
    about = f" about {claim.subject}" if claim.subject else ""
    hedged = " (hedged)" if claim.hedged else ""
    return (
        f"{claim.kind.value} = {one_line(str(claim.value))}{about}{hedged}: "
        f"{check.agreement.label}, {one_line(check.reason)}"
    )
