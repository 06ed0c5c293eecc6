"""One audit of the reference world with the assistant tracing itself into the receiver."""

from __future__ import annotations

import asyncio
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx

from auditor._audit import AuditOptions, run_audit
from auditor._config import parse_config
from auditor._report import Audit
from auditor._tap import TAP_FILE, tap_front
from auditor._traces import TRACES_FILE, AuditTracing, TracesSection, open_receiver, operation_index
from auditor._traces._export import OwnSpans
from auditor.reference._audit_config import reference_anchors
from auditor.reference._demo import STAFF_TOKEN_ENV, demo_config
from auditor.reference._world import running_world
from auditor.reference.assistant import Faults


def _post_garbage(url: str) -> None:
    bad = [
        (b"\xff\x00 garbage", "application/x-protobuf", 400),
        (b"{", "application/json", 400),
        (b"\x0a\x00", "text/html", 400),
        (b"\x00" * (9 * 1024 * 1024), "application/x-protobuf", 413),
    ]
    with httpx.Client(trust_env=False, timeout=30) as client:
        for body, content_type, status in bad:
            response = client.post(url, content=body, headers={"content-type": content_type})
            assert response.status_code == status, response.text


def audit_traced(
    directory: Path,
    *,
    faults: Faults | None = None,
    suites: tuple[str, ...] = ("stock",),
    max_probes: int = 10,
    tap: bool = False,
    export: bool = False,
    garbage: bool = False,
    settle_s: float = 30.0,
    **audit: Any,
) -> tuple[Audit, AuditTracing]:
    """Audit a fresh reference world whose assistant exports its spans to the receiver; with
    `tap`, it also reaches the shop through the tap (both sources recorded, traces drawn); with
    `export`, the auditor exports its own spans to a second receiver standing in for the
    team's collector, which records them into `collector.jsonl` beside the audit directory.
    With `garbage`, bad payloads are posted to the receiver before the audit (each must get a
    4xx and change nothing)."""

    def front(shop_url: str) -> Any:
        anchors = reference_anchors(shop_url, STAFF_TOKEN_ENV)
        return tap_front(shop_url, anchors, directory / TAP_FILE, base_dir=Path.cwd())

    section = TracesSection(settle_s=settle_s)
    with ExitStack() as stack:
        receiver = stack.enter_context(open_receiver(section, None, directory / TRACES_FILE))
        world = stack.enter_context(
            running_world(
                seed=7,
                items=60,
                faults=faults,
                shop_proxy=front if tap else None,
                otlp_endpoint=receiver.url,
            )
        )
        config = demo_config(
            shop_url=world.shop_url,
            assistant_url=world.assistant_url,
            seed=7,
            max_probes=max_probes,
            suites=list(suites),
        )
        data = config.model_dump(mode="json")
        data["audit"].update({"shrink_budget": 0, **audit})
        data["history"] = {"enabled": False}
        loaded = parse_config(data)
        receiver.use(operation_index(loaded.anchors, Path.cwd()))
        if garbage:
            _post_garbage(receiver.traces_url)
        own = None
        if export:
            collector = stack.enter_context(
                open_receiver(section, None, directory.parent / "collector.jsonl")
            )
            own = OwnSpans(collector.url, "readiness-auditor")
        tracing = AuditTracing(store=receiver.store, own=own, settle_s=settle_s)
        options = AuditOptions(
            directory=directory,
            env={STAFF_TOKEN_ENV: world.staff_token},
            base_dir=Path.cwd(),
            tracing=tracing,
        )
        return asyncio.run(run_audit(loaded, options)).audit, tracing
