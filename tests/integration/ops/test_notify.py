"""The webhook against real receivers on loopback: once on a drop, retried, never fatal."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from auditor._cli._ops import after_audit
from auditor._config import NotifySection, parse_config
from auditor._notify import send
from auditor._report import write_reports
from auditor._serve import serve_in_thread
from auditor._store import META_FILE, read_meta, write_json
from auditor._verdict import Verdict
from tests.integration.ops._world import config_of, ops_world, run_cli
from tests.unit.report.conftest import audit, meta, result

SECRET = "hook-T0KEN-9f3c"


@dataclass
class Receiver:
    """Answers each POST with the next scripted status (200 once the script is spent)."""

    statuses: list[int] = field(default_factory=list)
    bodies: list[dict[str, Any]] = field(default_factory=list)

    async def hook(self, request: Request) -> Response:
        self.bodies.append(json.loads(await request.body()))
        return Response(status_code=self.statuses.pop(0) if self.statuses else 200)


@contextmanager
def receiver(*statuses: int) -> Iterator[tuple[Receiver, str]]:
    state = Receiver(list(statuses))
    app = Starlette(routes=[Route(f"/hooks/{SECRET}", state.hook, methods=["POST"])])
    with serve_in_thread(app) as url:
        yield state, f"{url}/hooks/{SECRET}"


def closed_port_url() -> str:
    """A loopback URL nobody listens on: the port was bound, then released."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/hooks/{SECRET}"


FAST = NotifySection(webhook_url_env="HOOK", retries=3, backoff_s=0.01, timeout_s=5)


def test_a_failing_receiver_is_retried_until_it_accepts():
    with receiver(500, 503) as (state, url):
        delivery = send(url, {"audit": "a"}, FAST)
    assert delivery.delivered and delivery.attempts == 3
    assert state.bodies == [{"audit": "a"}] * 3


def test_retries_are_bounded_and_a_client_error_is_not_retried():
    with receiver(500, 500, 500, 500, 500) as (state, url):
        delivery = send(url, {"n": 1}, FAST)
    assert not delivery.delivered and delivery.attempts == FAST.retries + 1 == len(state.bodies)
    assert "HTTP 500" in (delivery.problem or "")
    with receiver(404) as (state, url):
        delivery = send(url, {"n": 1}, FAST)
    assert not delivery.delivered and delivery.attempts == 1 and len(state.bodies) == 1


def test_an_unreachable_receiver_is_a_warning_and_a_note_never_a_failure(tmp_path, capsys):
    directory = tmp_path / "run"
    directory.mkdir()
    write_json(directory / META_FILE, meta(run_id="run"))
    failing = [result(0), result(1, verdict=Verdict.FAIL, truth="out_of_stock")]
    write_reports(directory, audit(failing, run_id="run"))
    config = parse_config(
        {
            "assistant": [{"kind": "http", "url": "http://127.0.0.1:1/m?q={{question}}"}],
            "anchors": {},
            "notify": {**FAST.model_dump(), "on": ["not_ready"]},
        }
    )
    after_audit(
        Console(stderr=True, width=200),
        config,
        directory,
        history=tmp_path / "h.sqlite",
        env={"HOOK": closed_port_url()},
    )
    note = read_meta(directory)["notes"][-1]
    assert note.startswith("notification not sent: $HOOK: webhook could not connect")
    assert note.endswith("after 4 attempts")
    assert note in " ".join(capsys.readouterr().err.split())
    for path in [*directory.iterdir(), tmp_path / "h.sqlite"]:
        assert SECRET.encode() not in path.read_bytes(), path.name


@pytest.mark.slow
def test_one_notification_on_a_readiness_drop(tmp_path, capsys):
    history = tmp_path / "history.sqlite"
    sections: dict[str, Any] = {
        "history": {"path": str(history)},
        "notify": {
            "webhook_url_env": "HOOK",
            "on": ["readiness_drop"],
            "backoff_s": 0.01,
            "report_url": "https://ci.example/{run_id}",
        },
    }
    with receiver() as (state, url):
        codes = []
        for n, faults in enumerate([(), ("ignores_stock",), ("ignores_stock",)]):
            with ops_world(faults=faults) as world:
                config = config_of(
                    world, suites=["stock"], max_probes=15, audit={"concurrency": 8}, **sections
                )
                env = {**world.env, "HOOK": url}
                codes.append(run_cli(config, tmp_path / f"run-{n}", env))
    assert codes == [0, 1, 1]
    assert len(state.bodies) == 1, "one notification: the drop, not the audit that stayed down"
    body = state.bodies[0]
    assert body["events"] == ["readiness_drop"] and body["run_id"] == "run-1"
    assert body["previous"] == {"run_id": "run-0", "ready": True} and body["ready"] is False
    assert body["reasons"] and body["new_findings"]
    assert body["report_url"] == "https://ci.example/run-1"
    assert Path(body["report"]) == (tmp_path / "run-1" / "report.html").resolve()
    assert Path(body["report"]).is_file()
    captured = capsys.readouterr()
    assert SECRET not in captured.out + captured.err
    assert "notification sent (1 attempt)" in captured.err
