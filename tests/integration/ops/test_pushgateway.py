"""`[notify] pushgateway` against a real Prometheus Pushgateway (the Debian package) on loopback.

An audit run as `auditor run` runs it pushes its metrics; they are read back from the gateway's
own `/metrics` with the Prometheus client's parser and compared with the audit's report. The
gateway asks for Basic credentials, filled in from the environment. A gateway that cannot be
reached or refuses is a warning and a note, and the exit code stays the gate's.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample
from rich.console import Console

from auditor._cli._ops import after_audit
from auditor._config import parse_config
from auditor._report import Audit, write_reports
from auditor._store import META_FILE, read_meta, write_json
from auditor._verdict import Verdict
from tests.integration.ops._world import config_of, ops_world, run_cli
from tests.unit.report.conftest import audit, meta, result

BINARY = "prometheus-pushgateway"
SKIP_ENV = "AUDITOR_SKIP_PUSHGATEWAY"
READY_WITHIN_S = 30.0
USER = "ops-pusher"
PASSWORD = "push-Pa55-7c1e"
#: bcrypt of PASSWORD (cost 4): the gateway asks for Basic credentials on every endpoint.
PASSWORD_HASH = "$2b$04$.yqKj79RJOaqvpbnMZqutejuQFWQ2KkAxMmIbh0mpwc3KPLpVqRPm"
AUTH = httpx.BasicAuth(USER, PASSWORD)


def pushgateway_binary() -> str:
    """The gateway, or a clear failure: a missing one must never pass silently."""
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{SKIP_ENV}=1: Pushgateway tests skipped on request")
    found = shutil.which(BINARY) or (
        f"/usr/bin/{BINARY}" if Path(f"/usr/bin/{BINARY}").exists() else None
    )
    if found is None:
        pytest.fail(
            f"{BINARY} is missing: run `make pushgateway` (or `apt-get install -y "
            f"prometheus-pushgateway`), or set {SKIP_ENV}=1 to skip these tests explicitly"
        )
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def pushgateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Pushgateway on a free loopback port behind Basic auth, ready (its /-/ready answers
    200) before use."""
    binary = pushgateway_binary()
    folder = tmp_path_factory.mktemp("pushgateway")
    log, web = folder / "log", folder / "web.yml"
    web.write_text(f"basic_auth_users:\n  {USER}: '{PASSWORD_HASH}'\n")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                binary,
                f"--web.listen-address=127.0.0.1:{port}",
                f"--web.config.file={web}",
                # Debian's build persists to /var/lib/prometheus by default: memory only here,
                # so that each test run starts from an empty gateway.
                "--persistence.file=",
            ],
            stdout=out,
            stderr=out,
        )
    try:
        deadline = time.monotonic() + READY_WITHIN_S
        with httpx.Client(trust_env=False, timeout=2.0, auth=AUTH) as client:
            while True:
                if process.poll() is not None:
                    pytest.fail(f"{BINARY} exited ({process.returncode}): {log.read_text()}")
                try:
                    if client.get(f"{url}/-/ready").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"{BINARY} not ready in {READY_WITHIN_S:g} s: {log.read_text()}")
                time.sleep(0.05)  # between polls of /-/ready; readiness is what is waited for
        assert not [s for s in gateway_samples(url) if s.name.startswith("auditor_")], "not empty"
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def gateway_samples(url: str) -> list[Sample]:
    response = httpx.get(f"{url}/metrics", trust_env=False, auth=AUTH)
    assert response.status_code == 200
    text = response.text
    return [s for f in text_string_to_metric_families(text) for s in f.samples]


@pytest.mark.slow
def test_a_run_pushes_its_metrics_and_the_gateway_serves_them(pushgateway, tmp_path, capsys):
    gateway = pushgateway.replace("http://", "http://{{env.PUSH_USER}}:{{env.PUSH_PASSWORD}}@")
    sections = {
        "audit": {"name": "shop-bot", "concurrency": 4},
        "notify": {"pushgateway": gateway, "pushgateway_job": "readiness"},
    }
    with ops_world() as world:
        config = config_of(world, suites=["stock"], max_probes=12, **sections)
        env = {**world.env, "PUSH_USER": USER, "PUSH_PASSWORD": PASSWORD}
        code = run_cli(config, tmp_path / "run", env)
    assert code in (0, 1)
    directory = tmp_path / "run"
    report = Audit.model_validate_json((directory / "audit.json").read_text())
    err = capsys.readouterr().err
    served = [
        s
        for s in gateway_samples(pushgateway)
        if s.name.startswith("auditor_") and s.labels.get("audit") == "shop-bot"
    ]
    assert served, "nothing of the audit on the gateway"
    assert {s.labels["job"] for s in served} == {"readiness"}
    assert {s.labels["profile"] for s in served} == {"ci"}

    def one(name: str, **labels: str) -> float:
        (found,) = [
            s.value
            for s in served
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items())
        ]
        return found

    assert one("auditor_ready") == float(report.readiness.ready) == float(code == 0)
    for check in report.readiness.checks:
        assert one("auditor_gate_threshold", check=check.name) == check.threshold
    verdicts = [s for s in served if s.name == "auditor_probe_verdicts"]
    assert {s.labels["channel"] for s in verdicts} == set(report.channels)
    # One group for the audit-wide series, one per channel.
    assert f"metrics pushed to the Pushgateway ({1 + len(report.channels)} groups)" in err, err
    assert sum(s.value for s in verdicts) == report.metrics.probes > 0
    passed = sum(s.value for s in verdicts if s.labels["verdict"] == Verdict.PASS.value)
    assert passed == report.metrics.verdicts.get("pass", 0)
    counted = [s.value for s in served if s.name == "auditor_answer_latency_seconds_count"]
    assert sum(counted) == sum(1 for r in report.results if r.latency_ms is not None)
    # The file and the gateway hold the same values (the gateway adds job and instance).
    local = (directory / "metrics.prom").read_text()
    assert (
        f'auditor_ready{{audit="shop-bot",profile="ci"}} {float(report.readiness.ready)}' in local
    )
    # The password went as a header only: not in the reports, the notes or the output.
    for path in directory.iterdir():
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path.name
    assert PASSWORD not in err


def _closed_url() -> str:
    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_an_audit_that_could_not_run_is_pushed_so_that_an_alert_can_fire(pushgateway, tmp_path):
    gateway = pushgateway.replace("http://", "http://{{env.PUSH_USER}}:{{env.PUSH_PASSWORD}}@")
    sections = {
        "audit": {"name": "down-bot", "concurrency": 4},
        "notify": {"pushgateway": gateway},
    }
    with ops_world() as world:
        down = replace(world, assistant_url=_closed_url())
        config = config_of(down, suites=["stock"], max_probes=6, **sections)
        env = {**world.env, "PUSH_USER": USER, "PUSH_PASSWORD": PASSWORD}
        code = run_cli(config, tmp_path / "run", env)
    assert code == 3
    served = {
        s.name: s.value
        for s in gateway_samples(pushgateway)
        if s.labels.get("audit") == "down-bot" and "channel" not in s.labels
    }
    assert served["auditor_could_not_run"] == served["auditor_inconclusive"] == 1.0
    assert served["auditor_ready"] == 0.0


def test_an_unreachable_gateway_is_a_warning_and_a_note_never_a_failure(tmp_path, capsys):
    closed = _closed_url()
    directory = tmp_path / "run"
    directory.mkdir()
    write_json(directory / META_FILE, meta(run_id="run"))
    write_reports(directory, audit([result(0)], run_id="run"))
    config = parse_config(
        {
            "assistant": [{"kind": "http", "url": "http://127.0.0.1:1/m?q={{question}}"}],
            "anchors": {},
            "notify": {"pushgateway": closed, "timeout_s": 5},
        }
    )
    after_audit(Console(stderr=True, width=200), config, directory, history=None, env={})
    note = read_meta(directory)["notes"][-1]
    assert note == f"metrics not pushed: pushgateway {closed}: could not connect (ConnectError)"
    assert note in " ".join(capsys.readouterr().err.split())


def test_a_refused_push_is_reported_with_its_status_and_no_credentials(
    pushgateway, tmp_path, capsys
):
    """Wrong credentials: the gateway answers 401, which is a warning naming the status."""
    directory = tmp_path / "run"
    directory.mkdir()
    write_json(directory / META_FILE, meta(run_id="run"))
    write_reports(directory, audit([result(0)], run_id="run"))
    gateway = pushgateway.replace("http://", "http://{{env.PUSH_USER}}:{{env.PUSH_PASSWORD}}@")
    config = parse_config(
        {
            "assistant": [{"kind": "http", "url": "http://127.0.0.1:1/m?q={{question}}"}],
            "anchors": {},
            "notify": {"pushgateway": gateway, "timeout_s": 5},
        }
    )
    wrong = "not-the-Pa55word"
    env = {"PUSH_USER": USER, "PUSH_PASSWORD": wrong}
    after_audit(Console(stderr=True, width=200), config, directory, history=None, env=env)
    note = read_meta(directory)["notes"][-1]
    assert note.startswith(f"metrics not pushed: pushgateway {pushgateway}: answered HTTP 401")
    assert wrong not in note and wrong not in capsys.readouterr().err
