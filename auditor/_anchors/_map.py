"""The data-dependency map behind `auditor anchors`: where the truth lives, and how far to trust it.

For each anchor: the operations of its document, which canonical fields are mapped and which are
missing, whether it answered and how fast, its contract findings (grouped, with an example), and
how many subjects each edge class has in the live data. Pure data; the CLI renders it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from auditor._anchors._config import CANONICAL_FIELDS, describe_field
from auditor._anchors._contract import ContractFinding
from auditor._anchors._errors import AnchorError, AnchorUnreachable
from auditor._anchors._session import AnchorSession
from auditor._anchors._snapshot import Anchors, assemble
from auditor._edges import EDGE_CLASSES, edge_class_members
from auditor._facts import Fact


@dataclass(frozen=True, slots=True)
class OperationView:
    operation_id: str
    method: str
    path: str
    used_as: tuple[str, ...]  # e.g. ("stock.list",)


@dataclass(frozen=True, slots=True)
class FactView:
    kind: str
    list: str | None
    get: str | None
    pagination: str
    mapped: dict[str, str]
    missing: tuple[str, ...]
    records: int
    skipped: int


@dataclass(frozen=True, slots=True)
class FindingGroup:
    operation_id: str
    status: int
    path: str  # with indices folded: $.items[*].stock.available
    reason: str  # of the first occurrence
    example: str
    first_path: str
    count: int


@dataclass(frozen=True, slots=True)
class AnchorView:
    name: str
    title: str
    openapi: str
    spec: str
    base_url: str
    validator: str
    reachable: bool
    unreachable: bool  # could not be reached after retries (exit code 3)
    error: str | None
    latency_ms: float | None  # mean over the calls made
    calls: int
    retries: int
    operations: tuple[OperationView, ...]
    facts: tuple[FactView, ...]
    findings: tuple[FindingGroup, ...]
    findings_dropped: int


@dataclass(frozen=True, slots=True)
class EdgeView:
    name: str
    fact_kind: str
    description: str
    count: int
    anchors: tuple[str, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnchorMap:
    taken_at: datetime
    anchors: tuple[AnchorView, ...]
    edge_classes: tuple[EdgeView, ...]

    @property
    def failed(self) -> list[AnchorView]:
        return [a for a in self.anchors if a.error is not None]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["taken_at"] = self.taken_at.isoformat()
        return data


def group_findings(findings: Iterable[ContractFinding]) -> tuple[FindingGroup, ...]:
    """One group per (operation, status, folded path, kind of breach), first example kept."""
    groups: dict[tuple[str, int, str, str], FindingGroup] = {}
    for f in findings:
        key = (f.operation_id, f.status, f.pattern, f.reason.split(":", 1)[0])
        seen = groups.get(key)
        if seen is None:
            groups[key] = FindingGroup(
                f.operation_id, f.status, f.pattern, f.reason, f.example, f.path, 1
            )
        else:
            groups[key] = FindingGroup(
                seen.operation_id,
                seen.status,
                seen.path,
                seen.reason,
                seen.example,
                seen.first_path,
                seen.count + 1,
            )
    return tuple(groups.values())


def _operations(session: AnchorSession) -> tuple[OperationView, ...]:
    uses: dict[str, list[str]] = {}
    for kind, reader in session.kinds.items():
        for role, op in (("list", reader.list_op), ("get", reader.get_op)):
            if op is not None:
                uses.setdefault(op.operation_id, []).append(f"{kind}.{role}")
    return tuple(
        OperationView(op.operation_id, op.method, op.path, tuple(uses.get(op.operation_id, ())))
        for op in session.spec.operations.values()
    )


def _facts(session: AnchorSession) -> tuple[FactView, ...]:
    views = []
    for kind, reader in session.kinds.items():
        fields = reader.mapping.fields
        views.append(
            FactView(
                kind=kind,
                list=reader.mapping.list,
                get=reader.mapping.get,
                pagination=reader.walk.config.style if reader.list_op else "-",
                mapped={name: describe_field(spec) for name, spec in fields.items()},
                missing=tuple(f for f in CANONICAL_FIELDS[kind] if f not in fields),
                records=reader.mapped,
                skipped=reader.skipped,
            )
        )
    return tuple(views)


async def _read_anchor(
    anchors: Anchors, session: AnchorSession
) -> tuple[list[Fact], AnchorError | None]:
    try:
        return await anchors.collect_all(session), None
    except AnchorError as error:
        return [], error


def _view(session: AnchorSession, error: AnchorError | None) -> AnchorView:
    stats = session.client.stats
    return AnchorView(
        name=session.name,
        title=session.spec.title,
        openapi=session.spec.version,
        spec=session.spec.source,
        base_url=session.base,
        validator=session.engine.name,
        reachable=stats.calls > 0,
        unreachable=isinstance(error, AnchorUnreachable),
        error=str(error) if error is not None else None,
        latency_ms=round(stats.mean_ms, 1) if stats.mean_ms is not None else None,
        calls=stats.calls,
        retries=len(session.client.retries),
        operations=_operations(session),
        facts=_facts(session),
        findings=group_findings(session.findings.findings),
        findings_dropped=session.findings.dropped,
    )


def _edges(anchors: Anchors, groups: list[list[Fact]], taken_at: datetime) -> tuple[EdgeView, ...]:
    members = edge_class_members(assemble(taken_at, groups))
    return tuple(
        EdgeView(
            name=name,
            fact_kind=edge.fact_kind,
            description=edge.description,
            count=len(members[name]),
            anchors=tuple(s.name for s in anchors.serving(edge.fact_kind)),
            examples=tuple(members[name][:3]),
        )
        for name, edge in EDGE_CLASSES.items()
    )


async def build_map(anchors: Anchors) -> AnchorMap:
    """Read every anchor (each one's failure recorded, not raised) and describe what was found."""
    taken_at = datetime.now(UTC)
    sessions = list(anchors.sessions.values())
    results = await asyncio.gather(*(_read_anchor(anchors, s) for s in sessions))
    views = []
    for session, (_, error) in zip(sessions, results, strict=True):
        views.append(_view(session, error))
    edges = _edges(anchors, [facts for facts, _ in results], taken_at)
    return AnchorMap(taken_at, tuple(views), edges)
