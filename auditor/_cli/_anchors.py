"""`auditor anchors` (the data-dependency map) and `auditor init` (a starter audit.toml)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from auditor._cli._app import EXIT_COULD_NOT_RUN, EXIT_READY, EXIT_USAGE, app
from auditor._cli._validate import check_before_requests, validate

if TYPE_CHECKING:
    from auditor._anchors._init import Starter
    from auditor._anchors._map import AnchorMap, AnchorView
    from auditor._anchors._spec import Spec
    from auditor._config import AuditConfig


async def _anchor_map(config: AuditConfig, base_dir: Path) -> AnchorMap:
    from auditor._anchors import open_anchors
    from auditor._anchors._map import build_map
    from auditor._customers import customer_auth
    from auditor._redact import Redactor

    read_only = config.audit.profile == "production"
    redact = Redactor.from_config(config, os.environ).text
    async with open_anchors(
        config.anchors,
        read_only=read_only,
        env=os.environ,
        base_dir=base_dir,
        customers=customer_auth(config.customers),
        redact=redact,
    ) as anchors:
        return await build_map(anchors)


def _fields_cell(view: AnchorView) -> str:
    parts = []
    for fact in view.facts:
        missing = ", ".join(fact.missing) or "none"
        parts.append(
            f"[b]{fact.kind}[/b] ({fact.pagination}): {len(fact.mapped)} mapped, "
            f"missing: {missing}; {fact.records} records, {fact.skipped} skipped"
        )
    return "\n".join(parts)


def _render_anchor(console: Console, view: AnchorView) -> None:
    state = "[green]reachable[/green]" if view.error is None else f"[red]{view.error}[/red]"
    latency = f"{view.latency_ms} ms" if view.latency_ms is not None else "-"
    console.print(
        f"\n[b]{view.name}[/b] — {view.title} (OpenAPI {view.openapi}) at {view.base_url}\n"
        f"  {state}; {view.calls} calls, mean latency {latency}, {view.retries} retries; "
        f"validated with {view.validator}"
    )
    ops = Table("operation", "method", "path", "used as", title=f"{view.name}: operations")
    for op in view.operations:
        ops.add_row(op.operation_id, op.method, op.path, ", ".join(op.used_as) or "-")
    console.print(ops)
    console.print(_fields_cell(view))
    if view.findings:
        table = Table("operation", "status", "path", "count", "reason", "example")
        table.title = f"{view.name}: contract findings"
        for f in view.findings:
            table.add_row(
                f.operation_id, str(f.status), f.path, str(f.count), f.reason, f.example[:60]
            )
        console.print(table)
    else:
        console.print("  no contract findings")
    if view.findings_dropped:
        console.print(f"  ({view.findings_dropped} more findings were counted but not kept)")


def _render(console: Console, result: AnchorMap) -> None:
    console.print(f"[b]Data anchors[/b] read at {result.taken_at:%Y-%m-%d %H:%M:%S %Z}")
    for view in result.anchors:
        _render_anchor(console, view)
    edges = Table("edge class", "fact", "subjects", "anchors", "examples", title="Edge classes")
    for edge in result.edge_classes:
        edges.add_row(
            edge.name,
            edge.fact_kind,
            str(edge.count),
            ", ".join(edge.anchors) or "-",
            ", ".join(edge.examples),
        )
    console.print(edges)
    for edge in result.edge_classes:
        console.print(f"{edge.name}: {edge.count} {'subject' if edge.count == 1 else 'subjects'}")


@app.command("anchors")
def anchors(
    config: Annotated[Path, typer.Option("--config", "-c", help="the audit.toml to read")],
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON document")] = False,
) -> None:
    """Map the data anchors: operations, mapped fields, reachability, contract, edge classes."""
    import asyncio

    from auditor._anchors import AnchorError
    from auditor._config import ConfigError, load_config

    try:
        loaded = load_config(config)
    except ConfigError as error:
        typer.echo(f"error: {error.source}: the configuration cannot be used", err=True)
        for problem in error.problems:
            typer.echo(f"  {problem}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    check_before_requests(Console(stderr=True), loaded, config.resolve().parent)
    try:
        result = asyncio.run(_anchor_map(loaded, config.resolve().parent))
    except AnchorError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        _render(Console(soft_wrap=True), result)
    if result.failed:
        for view in result.failed:
            typer.echo(f"error: {view.error}", err=True)
        raise typer.Exit(EXIT_COULD_NOT_RUN)
    raise typer.Exit(EXIT_READY)


async def _load_specs(sources: list[str]) -> list[Spec]:
    import httpx

    from auditor._anchors._spec import load_spec

    async with httpx.AsyncClient(trust_env=False, timeout=30) as client:
        return [await load_spec(s, base_dir=Path.cwd(), client=client) for s in sources]


def _init_summary(output: Path, starter: Starter, documents: int, unsure: int) -> list[str]:
    mapped = ", ".join(f"{k} ({a})" for k, a in starter.mapped.items()) or "nothing"
    return [
        f"wrote {output}: {documents} document{'s' if documents != 1 else ''}",
        f"  mapped: {mapped}",
        f"  left to do: {', '.join(starter.todo) or 'nothing'} "
        f"({starter.todo_comments} TODO comment{'s' if starter.todo_comments != 1 else ''} "
        f"in the file)",
        f"  {unsure} line{'s' if unsure != 1 else ''} carry a note to check",
        f"next: auditor validate -c {output}",
    ]


@app.command("init")
def init(
    spec: Annotated[
        list[str], typer.Option("--spec", help="an OpenAPI document (path or URL); repeatable")
    ],
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="the shop's base URL for every anchor")
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="where to write")] = Path(
        "audit.toml"
    ),
    force: Annotated[bool, typer.Option("--force", help="overwrite an existing file")] = False,
) -> None:
    """Write a starter audit.toml guessed from the shop's OpenAPI documents.

    Every fact it could map is mapped; every other one is a `# TODO` comment. Exit 0 when the
    file is written, 2 when a document cannot be read or is not OpenAPI 3.x.
    """
    import asyncio

    from auditor._anchors import AnchorError
    from auditor._anchors._init import SpecInput, build_starter, spec_reference, unsure_lines
    from auditor._config import ConfigError
    from auditor._preflight import document_problem
    from auditor._validators import check_url

    if base_url is not None:
        try:
            check_url(base_url, what="--base-url")
        except ValueError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(EXIT_USAGE) from None
    if output.exists() and not force:
        typer.echo(f"error: {output} exists; pass --force to overwrite it", err=True)
        raise typer.Exit(EXIT_USAGE)
    try:
        specs = asyncio.run(_load_specs(spec))
    except AnchorError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    for loaded in specs:
        problem = document_problem(loaded)
        if problem is not None:
            typer.echo(f"warning: {problem} (`auditor run` refuses it until it is fixed)", err=True)
    out_dir = output.resolve().parent
    inputs = [SpecInput(s, spec_reference(s.source, out_dir)) for s in specs]
    try:
        starter = build_starter(inputs, base_url=base_url)
    except ConfigError as error:  # what the documents led to cannot be used as it stands
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    try:
        output.write_text(starter.text, encoding="utf-8")
    except OSError as error:
        typer.echo(f"error: cannot write {output}: {error.strerror}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    unsure = len(list(unsure_lines(starter.text)))
    for line in _init_summary(output, starter, len(specs), unsure):
        typer.echo(line)
    raise typer.Exit(EXIT_READY)


app.command("validate")(validate)
