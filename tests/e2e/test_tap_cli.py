"""`auditor tap` and `auditor demo --tap --lag` as a person runs them."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from auditor._anchors._toml import toml_tables
from auditor._serve import bind_socket, serve_in_thread
from auditor.reference._audit_config import reference_anchors
from auditor.reference.assistant import create_assistant

AUDITOR = [sys.executable, "-c", "from auditor._cli import main; main()"]
TOKEN_ENV = "E2E_SHOP_STAFF_TOKEN"
STARTUP_S = 60.0
URL_LINE = re.compile(r"^\s+(\w+)\s+(http://127\.0\.0\.1:\d+\S*)\s+\(instead of (\S+)\)$")


def _config(tmp_path: Path, shop_url: str) -> Path:
    anchors = {
        n: a.model_dump(exclude_none=True)
        for n, a in reference_anchors(shop_url, TOKEN_ENV).items()
    }
    data = {
        "audit": {"name": "e2e-tap"},
        "assistant": [{"name": "web", "kind": "openai", "base_url": "http://127.0.0.1:9/v1"}],
        "anchors": anchors,
    }
    path = tmp_path / "audit.toml"
    path.write_text(toml_tables(data), encoding="utf-8")
    return path


def _lines(process: subprocess.Popen[str]) -> tuple[queue.Queue[str], threading.Thread]:
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return lines, reader


def _until(lines: queue.Queue[str], done: str, process: subprocess.Popen[str]) -> list[str]:
    """Lines up to one containing `done`, with a deadline instead of a blind wait."""
    seen: list[str] = []
    deadline = time.monotonic() + STARTUP_S
    while not (seen and done in seen[-1]):
        try:
            seen.append(lines.get(timeout=max(0.0, deadline - time.monotonic())))
        except queue.Empty:
            pytest.fail(f"no {done!r} in time (exit code {process.poll()}): {seen}")
    return seen


def _ask_through(proxy: str, shop_url: str, token: str) -> None:
    staff = {"Authorization": f"Bearer {token}", "X-On-Behalf-Of": "C-001"}
    with httpx.Client(base_url=proxy, headers=staff, trust_env=False, timeout=30) as client:
        page = client.get("/orders/orders", params={"page_size": 5})
        direct = httpx.get(
            f"{shop_url}/orders/orders", params={"page_size": 5}, headers=staff, trust_env=False
        )
        assert page.status_code == 200 and page.content == direct.content
        assert client.get("/orders/orders/ORD-00000").status_code == 404


def test_tap_records_until_ctrl_c_and_prints_what_it_saw(tmp_path, shop):
    out = tmp_path / "calls.jsonl"
    command = [*AUDITOR, "tap", "-c", str(_config(tmp_path, shop.url)), "--out", str(out)]
    env = {**os.environ, "COLUMNS": "200"}
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    ) as process:
        lines, reader = _lines(process)
        try:
            banner = _until(lines, "Ctrl-C", process)
            urls = {
                m.group(1): (m.group(2), m.group(3)) for s in banner if (m := URL_LINE.match(s))
            }
            assert set(urls) == {"inventory", "orders", "returns"}
            proxy, own = urls["orders"]
            assert own == shop.url and proxy != own
            _ask_through(proxy, shop.url, shop.staff_token)
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()  # else leaving `Popen` waits for it forever
                raise
        reader.join(timeout=10)
        stderr = process.stderr.read() if process.stderr else ""
    stdout = "\n".join(lines.get() for _ in range(lines.qsize()))
    assert process.returncode == 0, stderr
    assert "2 anchor calls recorded" in stdout
    assert "orders.listOrders: 1" in stdout and "orders.getOrder: 1, 1 answered 404/5xx" in stdout
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["operation_id"], r["status"], r["identity"]) for r in records] == [
        ("listOrders", 200, "C-001"),
        ("getOrder", 404, "C-001"),
    ]
    assert records[0]["query"] == {"page_size": ["5"]}
    assert shop.staff_token not in out.read_text(encoding="utf-8")


def test_tap_refuses_a_bad_configuration(tmp_path):
    from typer.testing import CliRunner

    from auditor._cli import _run, _tap  # noqa: F401  (register their commands)
    from auditor._cli._app import app

    path = tmp_path / "audit.toml"
    path.write_text(toml_tables({"assistant": [], "anchors": {}}), encoding="utf-8")
    result = CliRunner().invoke(app, ["tap", "-c", str(path)])
    assert result.exit_code == 2 and "assistant" in result.output


@pytest.mark.slow
def test_demo_with_tap_and_lag_writes_both_sections(tmp_path):
    out = tmp_path / "reports"
    result = subprocess.run(
        [*AUDITOR, "demo", "--tap", "--lag", "--max-probes", "20", "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "200"},
    )
    # 20 probes cannot reach every probe kind of the five suites: every answer passes, and the
    # kinds the budget did not reach are listed as not asked (the user's own budget: no block).
    assert result.returncode == 0, result.stderr
    assert "not asked: the probe budget (max_probes) ran out before it" in result.stdout
    assert "reference shop on" not in result.stderr  # -q: one line at the start, one at the end
    assert "information lag: 5/5 reflected" in result.stdout
    # Recorded in the history of its --out folder; no Hypothesis caches left in the project.
    (directory,) = [p for p in out.iterdir() if p.is_dir()]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]
    assert sorted(p.name for p in out.iterdir()) == sorted([directory.name, "history.sqlite"])
    assert not list(tmp_path.rglob(".hypothesis"))
    audit = json.loads((directory / "audit.json").read_text(encoding="utf-8"))
    failed = [c["name"] for c in audit["readiness"]["checks"] if not c["passed"]]
    assert failed == [] and audit["metrics"]["verdicts"].get("fail", 0) == 0
    assert audit["lag"]["overall"]["reflected"] == 5
    assert audit["orchestration"]["calls"] > 0
    assert (directory / "tap.jsonl").exists() and (directory / "lag.jsonl").exists()
    summary = (directory / "summary.md").read_text(encoding="utf-8")
    assert "## Information lag" in summary and "```mermaid" in summary


def test_run_with_tap_maps_a_users_assistant_pointed_at_the_fixed_proxy_port(tmp_path, shop):
    spare = bind_socket()
    port = spare.getsockname()[1]
    spare.close()  # the proxy takes this port when the run starts
    assistant = create_assistant(shop_url=f"http://127.0.0.1:{port}", staff_token=shop.staff_token)
    with serve_in_thread(assistant) as assistant_url:
        anchors = {
            n: a.model_dump(exclude_none=True)
            for n, a in reference_anchors(shop.url, TOKEN_ENV).items()
        }
        config = tmp_path / "audit.toml"
        config.write_text(
            toml_tables(
                {
                    # 11 probes: one of each edge class and kind of the stock suite.
                    "audit": {"name": "e2e-run-tap", "max_probes": 11, "shrink_budget": 0},
                    "assistant": [
                        {"name": "web", "kind": "openai", "base_url": f"{assistant_url}/v1"}
                    ],
                    "anchors": anchors,
                    "probes": {"suites": ["stock"]},
                    "tap": {"ports": {"inventory": port}},
                }
            ),
            encoding="utf-8",
        )
        result = subprocess.run(
            [
                *AUDITOR,
                "run",
                "-c",
                str(config),
                "--tap",
                "--no-history",
                "-q",
                "--out",
                str(tmp_path / "reports"),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            env={**os.environ, TOKEN_ENV: shop.staff_token, "COLUMNS": "200"},
        )
    assert result.returncode == 0, result.stderr
    assert f"inventory  http://127.0.0.1:{port}  (instead of {shop.url})" in result.stderr
    (directory,) = (tmp_path / "reports").iterdir()
    omap = json.loads((directory / "audit.json").read_text(encoding="utf-8"))["orchestration"]
    kinds = {k["kind"]: k for k in omap["by_kind"]}
    assert kinds["stock.availability"]["answered"] > 0
    assert kinds["stock.availability"]["consulted"] == kinds["stock.availability"]["answered"]
